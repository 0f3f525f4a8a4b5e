import type { RuleRelated } from '../types';
import { defineRule } from '../types';

import { listValues, type ChlauthRecord } from '../../model/mq-chlauth';
import { inboundAccess } from './_lib/access';
import { ours, said } from '../../core/phrase';

const recordText = (r: ChlauthRecord): string => {
  const a = r.attributes;
  const parts = [`SET CHLAUTH('${r.profile}') TYPE(${r.type})`];
  if (a.SSLPEER !== undefined) parts.push(`SSLPEER('${a.SSLPEER}')`);
  if (a.CLNTUSER !== undefined) parts.push(`CLNTUSER('${a.CLNTUSER}')`);
  if (a.QMNAME !== undefined) parts.push(`QMNAME('${a.QMNAME}')`);
  if (a.ADDRESS !== undefined) parts.push(`ADDRESS('${a.ADDRESS}')`);
  return parts.join(' ');
};

const blockerText = (r: ChlauthRecord): string =>
  `SET CHLAUTH('${r.profile}') TYPE(BLOCKUSER) USERLIST(${listValues(r.attributes.USERLIST)
    .map((u) => `'${u}'`)
    .join(',')})`;

export default defineRule({
  meta: {
    id: 'mq/mapping-to-blocked-user',
    description:
      'Report a CHLAUTH mapping record (SSLPEERMAP, USERMAP, QMGRMAP, ADDRESSMAP with USERSRC(MAP)) whose MCAUSER the BLOCKUSER record of the channel refuses (an administrator under the default *MQADMIN): every peer the record matches is refused, whatever certificate or user id it presents',
    severity: 'error',
    appliesTo: { components: ['mq.svrconn'] },
    messages: {
      blocked:
        "{{record}} maps every peer it matches on {{chltype}} channel {{channel}} to MCAUSER('{{user}}'), and {{blocker}} refuses that user{{admin}}: MQ checks the mapped user id against the list too, so each such connection ends with AMQ9776E 'Channel was blocked by userid' (Channel Blocked event, MQRQ_CHANNEL_BLOCKED_USERID), whatever certificate or user id the peer presents{{assumed}}. Map to a low-privilege user and grant it what it needs with SET AUTHREC; to admit administrators on purpose, give the channel its own BLOCKUSER record without *MQADMIN",
    },
    defaultOptions: {},
    symptoms: [
      'AMQ9776',
      'Channel was blocked by userid',
      'MQRQ_CHANNEL_BLOCKED_USERID',
      'MQRC_NOT_AUTHORIZED',
      'RC=2035',
    ],
  },
  check(ctx) {
    for (const { channel, access } of inboundAccess(ctx.deployment)) {
      if (access.exit) continue; // a security exit may change the user id after the mapping
      for (const path of access.paths) {
        const record = path.record;
        const blocker = path.blockUser;
        if (!record || !blocker || path.identity.kind !== 'blocked' || !path.identity.user) continue;
        if ((record.attributes.USERSRC ?? 'MAP') !== 'MAP' || record.from.kind !== 'file') continue;
        const location = record.locations.MCAUSER ?? record.from.location;
        // On a queue manager the tree creates (crtmqm, a QueueManager resource) the defaults are certain: the access
        // decision assumes nothing (src/model/mq-qmgr-created.ts).
        const assumed =
          access.assumed.length === 0
            ? []
            : [
                ...(access.chlauth.from.kind === 'file' ? [] : ['CHLAUTH(ENABLED)']),
                ...(blocker.from.kind === 'file' ? [] : [`the default ${blockerText(blocker)} of a new queue manager`]),
              ];
        const related: RuleRelated[] = [
          ...(channel.nameLocation
            ? [{ ...channel.nameLocation, message: said`${access.chltype} channel ${access.channel}` }]
            : []),
          ...(blocker.from.kind === 'file' ? [{ ...blocker.from.location, message: blockerText(blocker) }] : []),
          ...(access.chlauth.from.kind === 'file'
            ? [{ ...access.chlauth.from.location, message: said`CHLAUTH(${access.chlauth.value})` }]
            : []),
        ];
        const blocksByName = listValues(blocker.attributes.USERLIST)
          .map((u) => u.toLowerCase())
          .includes(path.identity.user.toLowerCase());
        ctx.report({
          messageId: 'blocked',
          data: {
            record: recordText(record),
            chltype: access.chltype,
            channel: access.channel,
            user: path.identity.user,
            blocker: blockerText(blocker),
            admin: blocksByName ? '' : ours(' (an administrator: *MQADMIN)'),
            // Ours: CHLAUTH(ENABLED) and the shipped record (knowledge), never the tree's values to mask.
            assumed: assumed.length ? ours(` (assuming ${assumed.join(' and ')}, which the tree does not show)`) : '',
          },
          location,
          related,
          severity: assumed.length ? 'warning' : 'error',
          fingerprint: [access.channel, record.profile, record.type, path.identity.user, 'blocked-mapping'],
        });
      }
    }
  },
});
