import { mqscScriptsOf } from '../../model/mq-scripts';
import {
  blockUserRecord,
  chlauthProfileMatches,
  chlauthState,
  listValues,
  profileSpecificity,
} from '../../model/mq-chlauth';
import { defineRule } from '../types';
import {
  accessWithAuthorityManager,
  channelList,
  chlauthRecordsOf,
  developerSeverity,
  documentChannels,
  channelRelated,
} from './_lib/access';

const blocksAdmins = (list: string | undefined) => listValues(list).some((u) => /^\*mqadmin$/i.test(u));

export default defineRule({
  meta: {
    id: 'mq/blockuser-override-removes-admin-block',
    description:
      "Report a channel-specific BLOCKUSER record that replaces the default USERLIST('*MQADMIN') block and so lets administrators connect",
    severity: 'warning',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      override:
        "SET CHLAUTH('{{profile}}') TYPE(BLOCKUSER) USERLIST({{userlist}}) is more specific than the record that blocks administrators (*MQADMIN), so for {{channels}} only {{userlist}} is blocked: administrators (mqm) can connect. Keep *MQADMIN in the list (USERLIST('*MQADMIN','nobody')), or admit administrators only by certificate from known addresses (SSLPEERMAP … USERSRC(MAP))",
    },
    defaultOptions: {},
    symptoms: ['AMQ9776', 'Channel was blocked by userid', 'MQRC_NOT_AUTHORIZED', 'RC=2035'],
  },
  check(ctx) {
    for (const mqsc of mqscScriptsOf(ctx.deployment)) {
      if (chlauthState(mqsc.data.objects, mqsc.file.path).value !== 'ENABLED') continue; // disabled: mq/chlauth-disabled
      const records = chlauthRecordsOf(ctx.deployment, mqsc);
      for (const record of records) {
        if (
          record.from.kind !== 'file' ||
          record.type !== 'BLOCKUSER' ||
          (blocksAdmins(record.attributes.USERLIST) && record.attributes.WARN !== 'YES')
        )
          continue;
        const channels = documentChannels(mqsc).filter(
          (input) =>
            chlauthProfileMatches(record.profile, input.name) && blockUserRecord(records, input.name) === record,
        );
        // Only an override: a less specific record for these channels blocks administrators.
        const overridden = records.some(
          (r) =>
            r !== record &&
            r.type === 'BLOCKUSER' &&
            blocksAdmins(r.attributes.USERLIST) &&
            profileSpecificity(r.profile) < profileSpecificity(record.profile) &&
            channels.some((c) => chlauthProfileMatches(r.profile, c.name)),
        );
        if (!overridden) continue;
        // Judged as the queue manager decides with its object authority manager: under MQSNOAUT every user id has full
        // control whatever CHLAUTH blocks (mq/oam-disabled says so once), and the block of administrators matters again
        // once it is removed, when CONNAUTH checks their passwords.
        const exposed = channels
          .map((input) => ({ input, access: accessWithAuthorityManager(ctx.deployment, mqsc, input)! }))
          .filter(
            ({ access }) =>
              access &&
              !access.exit &&
              access.paths.some((p) => p.admin && p.blockUser === undefined && p.identity.kind !== 'blocked'),
          );
        if (exposed.length === 0) continue;
        const location = record.from.location;
        ctx.report({
          messageId: 'override',
          data: {
            profile: record.profile,
            userlist:
              listValues(record.attributes.USERLIST)
                .map((u) => `'${u}'`)
                .join(',') || "''",
            channels: channelList(exposed),
          },
          location,
          ...developerSeverity(
            ctx.deployment,
            mqsc,
            exposed.some(
              ({ input, access }) => input.attributes && access.adminWithoutSecret && access.assumed.length === 0,
            )
              ? 'error'
              : 'warning',
            channelRelated(exposed),
          ),
          fingerprint: [mqsc.file.path, record.profile, 'BLOCKUSER'],
        });
      }
    }
  },
});
