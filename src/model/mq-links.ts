import {
  isJmsConnectionFactory,
  type Component,
  type JmsConnectionFactoryComponent,
  type MqChannelComponent,
} from './types';
import type { RelatedLocation } from '../core/types';
import { countWork } from '../core/work';
import { nearestAll } from '../core/nearest-files';
import type { ModelContributor } from './contributor';
import { shownRelative } from '../core/posix-path';
import { imageQueueManagers, type ImageQueueManager } from './mq-image-queue-managers';

type MqClient = MqChannelComponent | JmsConnectionFactoryComponent;

const isMqClient = (c: Component): c is MqClient =>
  c.type === 'mq.clntconn' || c.type === 'mq.ccdt-channel' || isJmsConnectionFactory(c);
const isServerChannel = (c: Component): c is MqChannelComponent => c.type === 'mq.svrconn';

function clientChannel(c: MqClient): { channel?: string; qmgr?: string } {
  return { channel: c.attributes.channelName, qmgr: c.attributes.queueManager?.value };
}

/** Whether a config `links` end names this channel end: by id, name, `#channel` suffix or channel name. */
export function namedByLinkEnd(c: Component & { attributes: { channelName?: string } }, wanted: string): boolean {
  return c.id === wanted || c.name === wanted || c.id.endsWith(`#${wanted}`) || c.attributes.channelName === wanted;
}

/** Where a channel end is defined, for messages: `qm/dev.mqsc`. */
export function definedIn(server: Component, root: string): string {
  return shownRelative(root, server.location.file);
}

/**
 * Why a pairing made from the channel name alone is not known to be right, with what to declare; undefined when
 * the client's queue manager is named by the server's place in the tree (its directory or file), or when the
 * client names no queue manager and exactly one queue manager of the deployment defines the channel. The same
 * text for every candidate of one client (reported once per client).
 */
function unconfirmedBecause(
  client: Component,
  candidates: MqChannelComponent[],
  qmgr: string | undefined,
  root: string,
): string | undefined {
  const hinted = candidates.filter((s) => !!qmgr && !!s.attributes.qmgr?.nameHints.includes(qmgr.toUpperCase()));
  const homes = new Set(candidates.map((s) => s.attributes.qmgr?.homeDir ?? s.location.file));
  if (homes.size === 1 && (!qmgr || hinted.length === candidates.length)) return undefined;
  const first = candidates[0] as MqChannelComponent;
  const channel = first.attributes.channelName;
  const files = candidates.map((s) => definedIn(s, root));
  const why =
    candidates.length === 1
      ? `that ${files[0]} is queue manager ${qmgr}: nothing but the channel name ${channel} pairs them`
      : `which queue manager ${qmgr ? `${qmgr} is` : 'the client reaches'}: nothing but the channel name ${channel} pairs it with the ${candidates.length} files that define that channel (${files.join(', ')})`;
  return `${why}; ${declareLink(client, first)}`;
}

const declareLink = (client: Component, server: Component) =>
  `declare the link in lint-deploy.config.json \`links\` ({ "client": "${client.id}", "server": "${server.id}" })`;

/**
 * Why a pairing the tree would confirm is not known to be right after all: a container of IBM MQ's developer image
 * that runs no MQSC of the tree (./mq-image-queue-managers.ts) defines a channel of that name too, and may be the
 * queue manager the client reaches (its name is not another than the client's). Undefined when there is none.
 */
function imageRivalBecause(
  imageQueueManagers: readonly ImageQueueManager[],
  client: Component,
  candidates: MqChannelComponent[],
  qmgr: string | undefined,
  root: string,
): { why: string; evidence: RelatedLocation[] } | undefined {
  const first = candidates[0] as MqChannelComponent;
  const channel = first.attributes.channelName;
  const rivals = imageQueueManagers.filter(
    (qm) =>
      qm.channels.has(channel) &&
      (!qmgr || qm.name === undefined || qm.name === qmgr.toUpperCase()) &&
      !candidates.some((s) => s.attributes.qmgr?.runners?.includes(qm.runner)),
  );
  const [rival] = rivals;
  if (!rival) return undefined;
  const files = [...new Set(candidates.map((s) => definedIn(s, root)))].join(', ');
  const others =
    rivals.length > 1 ? ` (and ${rivals.length - 1} more such container${rivals.length > 2 ? 's' : ''})` : '';
  const may = rival.mayNot ? `; whether it does is known only when it starts (${rival.mayNot})` : '';
  const script = rival.channels.get(channel)!;
  return {
    why: `which queue manager ${qmgr ? `${qmgr} is` : 'the client reaches'}: ${files} defines ${channel}, and so does the developer image's own ${script.script} in ${rival.said}${others}, which runs no MQSC of the tree${may}; ${declareLink(client, first)}`,
    evidence: rivals.map((qm) => ({
      file: qm.file,
      ...(qm.range && { range: qm.range }),
      message: `${qm.said} runs IBM MQ's developer image, whose ${script.script} defines ${channel} (${script.source})`,
    })),
  };
}

/**
 * Links MQ clients (CLNTCONN, CCDT channels, JMS connection factories) to the SVRCONN of the same name. The
 * pairing is confirmed when the client's queue manager names the server's place in the tree (`QM1/…mqsc`), or
 * when the client names no queue manager and only one queue manager defines the channel; otherwise the
 * channel name is a coincidence as likely as a link (files from several projects in one linted path), so the
 * link is `unconfirmed` and never judged. Config `links` name pairs the tree cannot tell (matched on component
 * id, name or channel); a client with a declared link keeps only its declared links.
 */
export const mqLinksContributor: ModelContributor = {
  id: 'mq-links',
  contribute(ctx) {
    const root = ctx.deployment.root;
    const servers = ctx.deployment.components.filter(isServerChannel);
    const clients = ctx.deployment.components.filter(isMqClient);
    const declared = new Map<string, MqChannelComponent[]>();
    // Servers by channel name, in component order (filtering every server per client was O(clients × servers)).
    const byChannel = new Map<string, MqChannelComponent[]>();
    for (const s of servers) {
      const name = s.attributes.channelName;
      const list = byChannel.get(name);
      if (list) list.push(s);
      else byChannel.set(name, [s]);
    }
    for (const link of ctx.config.links) {
      for (const client of clients.filter((c) => namedByLinkEnd(c, link.client))) {
        const list = declared.get(client.id) ?? [];
        for (const server of servers.filter((s) => namedByLinkEnd(s, link.server)))
          if (!list.includes(server)) list.push(server);
        if (list.length) declared.set(client.id, list);
      }
    }
    for (const client of clients) {
      const own = declared.get(client.id);
      if (own) {
        for (const server of own)
          ctx.addLink({
            id: `${client.id}->${server.id}`,
            client: client.id,
            server: server.id,
            reason: 'declared in the lint-deploy config `links`',
            location: client.location,
          });
        continue;
      }
      const { channel, qmgr } = clientChannel(client);
      if (!channel) continue;
      let candidates = byChannel.get(channel) ?? [];
      countWork('servers by MQ channel', candidates.length);
      if (candidates.length > 1 && qmgr) {
        const named = candidates.filter((s) => s.attributes.qmgr?.nameHints.includes(qmgr.toUpperCase()));
        if (named.length) candidates = named;
        // Several queue managers of that name (one per sample or environment of a repository): the nearest one.
        if (named.length > 1) candidates = nearestAll(client.location.file, named, (s) => s.location.file);
      }
      let unconfirmed = candidates.length ? unconfirmedBecause(client, candidates, qmgr, root) : undefined;
      const rival =
        candidates.length && !unconfirmed
          ? imageRivalBecause(imageQueueManagers(ctx), client, candidates, qmgr, root)
          : undefined;
      if (rival) unconfirmed = rival.why;
      for (const server of candidates) {
        const evidence = [
          ...(qmgr
            ? (server.attributes.qmgr?.namedBy ?? [])
                .filter((n) => n.name === qmgr.toUpperCase())
                .flatMap((n) => [n.location, ...(n.via ?? [])])
            : []),
        ];
        ctx.addLink({
          id: `${client.id}->${server.id}`,
          client: client.id,
          server: server.id,
          reason: `same channel name ${channel}${qmgr ? ` (queue manager ${qmgr})` : ''}${unconfirmed ? ', not confirmed by the tree' : ''}`,
          location: client.location,
          ...(unconfirmed ? { unconfirmed } : {}),
          ...(rival && { unconfirmedBy: rival.evidence }),
          ...(evidence.length ? { evidence } : {}),
        });
      }
    }
  },
};
