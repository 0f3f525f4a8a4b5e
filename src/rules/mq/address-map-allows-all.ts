import { mqscScriptsOf } from '../../model/mq-scripts';
import { chlauthProfileMatches, matchesEveryAddress } from '../../model/mq-chlauth';
import { defineRule } from '../types';
import {
  accessWithAuthorityManager,
  channelList,
  chlauthRecordsOf,
  documentChannels,
  channelRelated,
} from './_lib/access';

export default defineRule({
  meta: {
    id: 'mq/address-map-allows-all',
    description:
      "Report SET CHLAUTH TYPE(ADDRESSMAP) ADDRESS('*') records that admit every address to a channel which then runs as the client-asserted user, the queue manager's own user or an administrator, without certificate or password",
    severity: 'warning',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      allowsAll:
        "SET CHLAUTH('{{profile}}') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC({{usersrc}}) admits every address, and nothing else identifies the peer: {{channels}}. Restrict ADDRESS to the clients' network, map them to a low-privilege user (USERSRC(MAP) MCAUSER('app')) or require a password (CHCKCLNT(REQUIRED))",
    },
    defaultOptions: {},
    symptoms: ['AMQ9777', 'MQRC_NOT_AUTHORIZED', 'RC=2035', 'Channel was blocked'],
  },
  check(ctx) {
    for (const mqsc of mqscScriptsOf(ctx.deployment)) {
      const records = chlauthRecordsOf(ctx.deployment, mqsc);
      for (const record of records) {
        if (
          record.from.kind !== 'file' ||
          record.type !== 'ADDRESSMAP' ||
          !matchesEveryAddress(record.attributes.ADDRESS)
        )
          continue;
        const usersrc = record.attributes.USERSRC ?? 'MAP';
        if (usersrc === 'NOACCESS') continue;
        const exposed = documentChannels(mqsc)
          .filter((input) => chlauthProfileMatches(record.profile, input.name))
          .map((input) => ({ input, access: accessWithAuthorityManager(ctx.deployment, mqsc, input)! }))
          .filter(({ access }) => {
            const path = access?.paths.find(
              (p) => p.record?.command === record.command && p.record?.from.kind === 'file',
            );
            if (!access || access.exit || !path || path.needsCertificate || path.password === 'all') return false;
            return path.identity.kind === 'client' || path.identity.kind === 'mca' || path.admin;
          });
        if (exposed.length === 0) continue;
        const location = record.from.location;
        const confident = exposed.some(
          ({ input, access }) => input.attributes && access.adminWithoutSecret && access.assumed.length === 0,
        );
        ctx.report({
          messageId: 'allowsAll',
          data: { profile: record.profile, usersrc, channels: channelList(exposed) },
          location,
          related: channelRelated(exposed),
          severity: confident ? 'error' : 'warning',
          fingerprint: [mqsc.file.path, record.profile, 'ADDRESSMAP *'],
        });
      }
    }
  },
});
