import { ours, said } from '../../core/phrase';
import { hasPlaceholder, matchesEveryAddress, type ChlauthRecord } from '../../model/mq-chlauth';
import { defineRule } from '../types';
import { accessOf, inputOf, refusedToEveryone } from './_lib/access';
import { mqLinks, serverChannels } from './_lib/shared';

/** The developer image's back-stop: its own `SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)`. */
const isImageBackstop = (r: ChlauthRecord | undefined): r is ChlauthRecord =>
  Boolean(
    r?.command?.origin &&
      r.profile.trim() === '*' &&
      r.type === 'ADDRESSMAP' &&
      r.attributes.USERSRC === 'NOACCESS' &&
      r.attributes.WARN !== 'YES' &&
      matchesEveryAddress(r.attributes.ADDRESS),
  );

export default defineRule({
  meta: {
    id: 'mq/channel-blocked-by-image-backstop',
    description:
      "Report a SVRCONN channel the tree defines that no channel authentication record admits, so that the developer image's back-stop record (SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)) refuses every connection to it",
    severity: 'warning',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      usedByClient:
        "{{clients}} connect through SVRCONN channel {{channel}}, which no channel authentication record admits: the back-stop {{backstop}} of {{script}} refuses every connection to it. The queue manager logs AMQ9777E 'Channel was blocked' and the client gets MQRC_NOT_AUTHORIZED (2035). Admit the channel with a record of its own (SET CHLAUTH('{{channel}}') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED) ACTION(REPLACE)), or connect through DEV.APP.SVRCONN",
      unusable:
        "SVRCONN channel {{channel}} has no channel authentication record that admits anyone, so the back-stop {{backstop}} of {{script}} refuses every connection to it (AMQ9777E 'Channel was blocked'; the client gets MQRC_NOT_AUTHORIZED 2035): nobody can use it. Admit it with a record of its own (SET CHLAUTH('{{channel}}') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(CHANNEL) CHCKCLNT(REQUIRED) ACTION(REPLACE)), or delete it",
    },
    defaultOptions: {},
    symptoms: ['AMQ9777', 'Channel was blocked', 'MQRC_NOT_AUTHORIZED', 'RC=2035'],
  },
  check(ctx) {
    const links = mqLinks(ctx.deployment);
    for (const { component, channel } of serverChannels(ctx.deployment)) {
      const input = inputOf(channel);
      const doc = channel.qmgr?.mqsc;
      if (!input || !doc || input.chltype !== 'SVRCONN' || !input.defined || hasPlaceholder(input.name)) continue;
      // The tree's own DEFINE: a channel the image defines is mq/developer-image-channels'.
      if (doc.data.objects.channels.get(input.name)?.definedBy?.origin) continue;
      const access = accessOf(ctx.deployment, doc, input);
      if (!access || access.tls.unknown || access.uncertain.length > 0 || access.blockAll) continue;
      if (!refusedToEveryone(access)) continue;
      // The way in that takes anyone reaching the listener is the image's back-stop: no record of the channel admits.
      const backstop = access.paths.find((p) => p.needs.length === 0)?.record;
      if (!isImageBackstop(backstop) || !backstop.command?.origin) continue;
      const clients = links.filter((l) => l.server.id === component.id).map((l) => l.client);
      const names = clients.map((c) => c.name);
      ctx.report({
        messageId: clients.length > 0 ? 'usedByClient' : 'unusable',
        data: {
          channel: input.name,
          backstop: ours("SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)"),
          script: backstop.command.origin.script,
          clients: names.slice(0, 3).join(', ') + (names.length > 3 ? ` (+${names.length - 3} more)` : ''),
        },
        location: channel.nameLocation,
        related: [
          ...(backstop.from.kind === 'file'
            ? [{ ...backstop.from.location, message: said`the back-stop record of ${backstop.command.origin.script}` }]
            : []),
          ...clients.map((c) => ({ ...c.location, message: said`${c.name} uses channel ${input.name}` })),
        ],
        severity: clients.length > 0 ? 'error' : 'warning',
        fingerprint: [input.name, 'image-backstop'],
      });
    }
  },
});
