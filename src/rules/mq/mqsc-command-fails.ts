import { commandLocation, commandText, mqscScriptsOf } from '../../model/mq-scripts';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';

export default defineRule({
  meta: {
    id: 'mq/mqsc-command-fails',
    description:
      'Report MQSC commands a queue manager refuses when its script runs in order, so they change nothing: an ALTER of an object the script defines only later, a DEFINE without REPLACE of an object it already defined (across the files one queue manager applies together)',
    severity: 'info',
    appliesTo: { documents: ['mq.mqsc'] },
    messages: {
      notFound:
        '{{command}} comes before the DEFINE of {{object}} ({{other}}): on a new queue manager runmqsc answers AMQ8147E "IBM MQ object {{name}} not found" and nothing it sets applies (lint-deploy judges {{object}} without it). Move it after the DEFINE, or put its attributes on the DEFINE',
      deleted:
        '{{command}} comes after {{object}} is deleted ({{other}}): runmqsc answers AMQ8147E "IBM MQ object {{name}} not found" and nothing it sets applies. Remove it, or DEFINE the object again first',
      exists:
        'DEFINE {{object}} without REPLACE fails: {{other}} already defined it, so runmqsc answers AMQ8150E "IBM MQ object already exists" and the first definition stays (lint-deploy judges {{object}} as that one defines it). Add REPLACE to replace it, or ALTER the attributes that should change',
    },
    defaultOptions: {},
    symptoms: ['AMQ8147', 'AMQ8150', 'MQRCCF_OBJECT_ALREADY_EXISTS'],
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
    }
  },
});
