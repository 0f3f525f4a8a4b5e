import { refusedChlauthAdds } from '../../model/mq-chlauth-records';
import { commandLocation, commandText, mqscScriptsOf } from '../../model/mq-scripts';
import type { MqscCommand, MqscData } from '../../parse/mqsc';
import { chlauthRecordText } from '../../parse/mq/mqsc-objects';
import type { ParsedDocument } from '../../parse/types';
import { defineRule, type RuleContext } from '../types';
import { ours, said, type Phrase } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';

export default defineRule({
  meta: {
    id: 'mq/mqsc-command-fails',
    description:
      'Report MQSC commands a queue manager refuses when its script runs in order, so they change nothing: an ALTER of an object the script defines only later, a DEFINE without REPLACE of an object it already defined, a SET CHLAUTH with ACTION(ADD) of a record that exists (across the files one queue manager applies together, with the records a new queue manager or its container image holds)',
    severity: 'info',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      notFound:
        '{{command}} comes before the DEFINE of {{object}} ({{other}}): on a new queue manager runmqsc answers AMQ8147E "IBM MQ object {{name}} not found" and nothing it sets applies (lint-deploy judges {{object}} without it). Move it after the DEFINE, or put its attributes on the DEFINE',
      deleted:
        '{{command}} comes after {{object}} is deleted ({{other}}): runmqsc answers AMQ8147E "IBM MQ object {{name}} not found" and nothing it sets applies. Remove it, or DEFINE the object again first',
      exists:
        'DEFINE {{object}} without REPLACE fails: {{other}} already defined it, so runmqsc answers AMQ8150E "IBM MQ object already exists" and the first definition stays (lint-deploy judges {{object}} as that one defines it). Add REPLACE to replace it, or ALTER the attributes that should change',
      chlauthExists:
        'MQ refuses this (3337): {{object}} exists already, so SET CHLAUTH with ACTION(ADD){{implicit}} fails (MQRCCF_CHLAUTH_ALREADY_EXISTS) and the record of {{other}} stays (lint-deploy judges channels with it). Use ACTION(REPLACE) to replace it',
    },
    defaultOptions: {},
    symptoms: ['AMQ8147', 'AMQ8150', 'MQRCCF_OBJECT_ALREADY_EXISTS', 'MQRCCF_CHLAUTH_ALREADY_EXISTS', '3337'],
  },
  check(ctx) {
    for (const script of mqscScriptsOf(ctx.deployment)) {
      for (const failure of script.data.objects.failed) {
        const location = commandLocation(script, failure.command);
        const other = failure.other && commandLocation(script, failure.other);
        const where = other
          ? `${relativePosix(ctx.deployment.root, other.file)}:${(other.range?.start.line ?? 0) + 1}`
          : 'earlier';
        const messageId =
          failure.reason === 'exists' ? 'exists' : failure.other?.verb === 'DELETE' ? 'deleted' : 'notFound';
        ctx.report({
          messageId,
          data: {
            command: commandText(failure.command),
            object: failure.object,
            name: failure.command.name?.value ?? '',
            other: failure.other ? said`${commandText(failure.other)} at ${where}` : where,
          },
          location,
          related: other
            ? [
                {
                  ...other,
                  message:
                    failure.reason === 'exists'
                      ? ours('first defined here')
                      : said`${commandText(failure.other!)} here`,
                },
              ]
            : undefined,
          fingerprint: [relativePosix(ctx.deployment.root, location.file), failure.object, messageId],
        });
      }
      for (const { record, kept } of refusedChlauthAdds(script.data.commands, script.file.path)) {
        reportChlauthExists(ctx, script, record.command, chlauthRecordText(record), kept);
      }
    }
  },
});

/**
 * A SET CHLAUTH … ACTION(ADD) MQ refuses: the record it would add is `kept`, a command earlier in the script (the tree's,
 * or a record its container image applies itself), or a record of every new queue manager (its source).
 */
function reportChlauthExists(
  ctx: RuleContext<unknown, 'chlauthExists'>,
  script: ParsedDocument<MqscData>,
  command: MqscCommand,
  object: string,
  kept: MqscCommand | string,
): void {
  const location = commandLocation(script, command);
  const implicit = command.params.some((p) => p.keyword === 'ACTION') ? ours('') : ours(', the default,');
  let other: Phrase;
  let related;
  if (typeof kept === 'string') {
    other = said`every new queue manager (${ours(kept)})`;
  } else {
    const at = commandLocation(script, kept);
    const line = (at.range?.start.line ?? 0) + 1;
    const file = relativePosix(ctx.deployment.root, at.file);
    other = kept.origin
      ? said`line ${kept.origin.line} of ${kept.origin.script}`
      : at.file === location.file
        ? said`line ${line}`
        : said`${file}:${line}`;
    related = [
      {
        ...at,
        message: kept.origin
          ? said`${kept.origin.record} (line ${kept.origin.line}) stays`
          : ours('the record set here stays'),
      },
    ];
  }
  ctx.report({
    messageId: 'chlauthExists',
    data: { object, implicit, other },
    location,
    related,
    fingerprint: [relativePosix(ctx.deployment.root, location.file), object, 'chlauthExists'],
  });
}
