import { ours, said } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';
import { mqInboundChannelType } from '../../knowledge';
import { hasPlaceholder, paramLocation } from '../../model/mq-chlauth';
import { mqscScriptsOf } from '../../model/mq-scripts';
import { defineRule } from '../types';

/**
 * The record types IBM says take effect on some channel types only, and what each matches: a QMGRMAP record the
 * partner queue manager's name (no client sends one), a USERMAP record the user a client asserts (no queue manager's
 * channel carries one), a BLOCKUSER list the client's user ("only applies to SVRCONN channels and not queue manager
 * to queue manager channels"). Which channel types a type applies to is knowledge (mq-access.json channelTypes).
 */
const MATCHES: Record<string, string> = {
  QMGRMAP: 'the name of the partner queue manager, which only a channel started by another queue manager carries',
  USERMAP: 'the user ID a client asserts, which only a server-connection channel receives',
  BLOCKUSER:
    'the user ID a client asserts or a record maps, which MQ checks against the list on server-connection channels only',
};

export default defineRule({
  meta: {
    id: 'mq/chlauth-record-type-never-matches',
    description:
      'Report a channel authentication record whose exact profile names a channel of the script whose type the record type never applies to: TYPE(QMGRMAP) on a server-connection channel, TYPE(USERMAP) or TYPE(BLOCKUSER) on a queue manager channel. MQ sets the record and never uses it',
    severity: 'warning',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      neverMatches:
        "SET CHLAUTH({{profile}}) TYPE({{type}}) names {{channel}}, a {{chltype}} channel ({{where}}), but a {{type}} record matches {{matches}}: IBM MQ sets the record and never applies it to {{channel}}, so what it sets ({{sets}}) never happens. For a server-connection channel map the client's user with TYPE(USERMAP) CLNTUSER(…), its address with TYPE(ADDRESSMAP) or its certificate with TYPE(SSLPEERMAP); for a queue manager channel map or refuse the partner with TYPE(QMGRMAP) QMNAME(…) or TYPE(SSLPEERMAP) (USERSRC(MAP) MCAUSER(…), or USERSRC(NOACCESS))",
    },
    defaultOptions: {},
    symptoms: ['MQRC_NOT_AUTHORIZED', 'RC=2035', 'AMQ9777'],
  },
  check(ctx) {
    for (const script of mqscScriptsOf(ctx.deployment)) {
      const file = script.file.path;
      const channels = [...script.data.objects.channels.values()].filter((c) => !c.deleted && c.chltype);
      for (const record of script.data.objects.chlauth) {
        const type = record.type;
        const matches = type && MATCHES[type];
        if (!matches || record.profile.includes('*') || record.profileParam.templated) continue;
        if (hasPlaceholder(record.profile)) continue;
        const channel = channels.find((c) => c.name.toUpperCase() === record.profile.toUpperCase());
        const inbound = channel?.chltype ? mqInboundChannelType(channel.chltype) : undefined;
        // A channel type with no CHLAUTH types listed (MQTT) is not known to take any: unknown, not judged.
        if (!channel || !inbound?.chlauthTypes.length || inbound.chlauthTypes.includes(type)) continue;
        const location = paramLocation(file, record.profileParam);
        const channelAt = paramLocation(file, channel.nameParam);
        const attribute = (k: string) => record.attributes.get(k)?.value;
        const sets = ['USERLIST', 'USERSRC', 'MCAUSER', 'CHCKCLNT']
          .filter((k) => attribute(k) !== undefined)
          .map((k) => `${k}(${attribute(k)!})`)
          .join(' ');
        ctx.report({
          messageId: 'neverMatches',
          data: {
            profile: record.profile,
            type,
            channel: channel.name,
            chltype: channel.chltype!,
            where: `${relativePosix(ctx.deployment.root, channelAt.file)}:${(channelAt.range?.start.line ?? 0) + 1}`,
            matches: ours(matches),
            sets: sets || ours('USERSRC(MAP)'),
          },
          location,
          related: [{ ...channelAt, message: said`DEFINE CHANNEL(${channel.name}) CHLTYPE(${channel.chltype})` }],
          fingerprint: [relativePosix(ctx.deployment.root, location.file), record.profile.toUpperCase(), type],
        });
      }
    }
  },
});
