import { said } from '../../core/phrase';
import { mqscScriptsOf } from '../../model/mq-scripts';
import type { MqscCommand } from '../../parse/mqsc';
import { defineRule } from '../types';
import {
  accessWithAuthorityManager,
  chlauthRecordsOf,
  documentChannels,
  resultText,
  withoutAuthorityManager,
} from './_lib/access';

const upper = (command: MqscCommand, keyword: string): string | undefined =>
  command.params
    .find((p) => p.keyword === keyword)
    ?.value?.trim()
    .toUpperCase();

/** What identifies a channel authentication record (SET CHLAUTH): its profile, type and the value it matches on. */
const identity = (c: MqscCommand): string =>
  [
    c.name?.value?.toUpperCase(),
    upper(c, 'TYPE'),
    ...['ADDRESS', 'CLNTUSER', 'SSLPEER', 'QMNAME'].map((k) => upper(c, k)),
  ].join('|');

export default defineRule({
  meta: {
    id: 'mq/chlauth-replace-drops-password-check',
    description:
      "Report a SET CHLAUTH … ACTION(REPLACE) of the tree that replaces a record of IBM MQ's developer image requiring a password (CHCKCLNT(REQUIRED)) with one that leaves CHCKCLNT out, so that clients connect without a password",
    severity: 'warning',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      dropped:
        "This record replaces {{imageRecord}} of {{script}} ({{source}}, line {{line}}) as a whole: a value it does not give takes its default, so CHCKCLNT(REQUIRED) becomes the default ASQMGR (the queue manager's CONNAUTH decides), and clients of {{channel}} connect without a password. Result: {{result}}. Add CHCKCLNT(REQUIRED) to this record",
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const script of mqscScriptsOf(ctx.deployment)) {
      const commands = script.data.commands;
      const records = chlauthRecordsOf(ctx.deployment, script);
      const channels = documentChannels(script);
      commands.forEach((image, at) => {
        if (!image.origin || image.verb !== 'SET' || image.noun !== 'CHLAUTH') return;
        const required = image.params.find((p) => p.keyword === 'CHCKCLNT');
        if (!required || required.templated || required.value?.toUpperCase() !== 'REQUIRED') return;
        // The record in effect is the tree's own, set after the image's with ACTION(REPLACE) (ADD would fail: it exists).
        const record = records.find(
          (r) =>
            r.command &&
            !r.command.origin &&
            commands.indexOf(r.command) > at &&
            identity(r.command) === identity(image) &&
            upper(r.command, 'ACTION') === 'REPLACE',
        );
        const replacing = record?.command;
        if (!record || !replacing || record.templated.length > 0) return;
        // A CHCKCLNT the record writes is a choice; one it leaves out is the default the REPLACE brings.
        if (record.attributes.CHCKCLNT !== undefined) return;
        const input = channels.find((c) => c.name.toUpperCase() === record.profile.toUpperCase());
        // Judged as the queue manager decides with its object authority manager: under MQSNOAUT no password is checked
        // whatever the records say (mq/oam-disabled says so once), and the dropped CHCKCLNT(REQUIRED) matters again
        // once it is removed.
        const access = input && accessWithAuthorityManager(ctx.deployment, script, input);
        // Only where a client now gets in without a password on this record's way in.
        const path = access?.paths.find((p) => p.record?.command === replacing);
        if (!input || !access || !path || path.identity.kind === 'blocked' || path.password === 'all') return;
        if (path.password === 'unknown' || access.exit) return;
        const noOam = withoutAuthorityManager(ctx.deployment, script);
        ctx.report({
          messageId: 'dropped',
          data: {
            imageRecord: image.origin.record,
            script: image.origin.script,
            source: image.origin.source,
            line: image.origin.line,
            channel: input.name,
            result: resultText(access),
          },
          location:
            record.from.kind === 'file' ? record.from.location : { file: script.file.path, range: replacing.range },
          related: [
            {
              file: image.file ?? script.file.path,
              range: image.range,
              message: said`${image.origin.record} (line ${image.origin.line}) with CHCKCLNT(REQUIRED), not in the tree`,
            },
            ...access.deciding.filter((l) => l.message.startsWith('CHCKCLNT')),
            ...(noOam ? [{ ...noOam, role: 'context' as const }] : []),
          ],
          fingerprint: [record.profile.toUpperCase(), record.type, 'chckclnt-dropped'],
        });
      });
    }
  },
});
