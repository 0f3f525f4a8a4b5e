import type { Component } from './types';
import type { ModelContributor } from './contributor';
import type { MqChannelAttributes } from './mq';
import type { JmsConnectionFactoryAttributes } from './was';

const CLIENT_TYPES = new Set(['mq.clntconn', 'mq.ccdt-channel', 'jms.connection-factory']);

function clientChannel(c: Component): { channel?: string; qmgr?: string } {
  if (c.type === 'jms.connection-factory') {
    const a = c.attributes as unknown as JmsConnectionFactoryAttributes;
    return { channel: a.channelName, qmgr: a.queueManager?.value };
  }
  const a = c.attributes as unknown as MqChannelAttributes;
  return { channel: a.channelName, qmgr: a.queueManager?.value };
}

/**
 * Links MQ clients (CLNTCONN, CCDT channels, JMS connection factories) to the
 * SVRCONN of the same name; when several queue managers define that channel,
 * the one whose path names the client's queue manager wins. Config `links`
 * add pairs names cannot tell (matched on component id, name or channel).
 */
export const mqLinksContributor: ModelContributor = {
  id: 'mq-links',
  contribute(ctx) {
    const servers = ctx.deployment.components.filter((c) => c.type === 'mq.svrconn');
    const clients = ctx.deployment.components.filter((c) => CLIENT_TYPES.has(c.type));
    const linked = new Set<string>();
    for (const client of clients) {
      const { channel, qmgr } = clientChannel(client);
      if (!channel) continue;
      let candidates = servers.filter((s) => (s.attributes as unknown as MqChannelAttributes).channelName === channel);
      if (candidates.length > 1 && qmgr) {
        const named = candidates.filter((s) => (s.attributes as unknown as MqChannelAttributes).qmgr?.nameHints.includes(qmgr.toUpperCase()));
        if (named.length) candidates = named;
      }
      for (const server of candidates) {
        const id = `${client.id}->${server.id}`;
        linked.add(id);
        ctx.addLink({ id, client: client.id, server: server.id, reason: `same channel name ${channel}${qmgr ? ` (queue manager ${qmgr})` : ''}`, location: client.location });
      }
    }
    const matches = (c: Component, wanted: string) =>
      c.id === wanted || c.name === wanted || c.id.endsWith(`#${wanted}`) || (c.attributes as { channelName?: string }).channelName === wanted;
    for (const link of ctx.config.links) {
      for (const client of clients.filter((c) => matches(c, link.client))) {
        for (const server of servers.filter((s) => matches(s, link.server))) {
          const id = `${client.id}->${server.id}`;
          if (linked.has(id)) continue;
          linked.add(id);
          ctx.addLink({ id, client: client.id, server: server.id, reason: 'declared in the lint-deploy config `links`' });
        }
      }
    }
  },
};
