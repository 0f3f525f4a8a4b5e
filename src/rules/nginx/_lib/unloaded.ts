/**
 * How a rule whose verdict is "nginx does not start" reports a finding on what one file of nginx's configuration
 * holds, asking whether nginx reads that file (src/model/nginx-unloaded.ts): a snippet of a `*-available` directory
 * that nothing of the tree enables stops nginx only once someone enables it, so the finding is an info in the rule's
 * own `unloaded` words (it says `{{directory}}`), with the configuration nginx does read as a related place; a snippet
 * something may enable (an entrypoint's `ln -s`, a Dockerfile `cp`) keeps its verdict and names what may enable it.
 * Findings on every other file are reported as they are.
 */
import type { NginxLoading } from '../../../model/attributes';
import type { ReportDescriptor, RuleContext } from '../../types';
import { said } from '../../../core/phrase';

export function reportOnNginxFile<MessageId extends string>(
  ctx: RuleContext<unknown, MessageId | 'unloaded'>,
  loading: NginxLoading | undefined,
  descriptor: ReportDescriptor<MessageId>,
): void {
  if (loading?.kind === 'unloaded') {
    ctx.report({
      ...descriptor,
      messageId: 'unloaded',
      severity: 'info',
      data: { ...descriptor.data, directory: loading.directory },
      related: [
        ...(descriptor.related ?? []),
        {
          ...loading.loads,
          message: said`the configuration nginx reads: no include of it reaches ${loading.directory}`,
        },
        ...(loading.elsewhere ?? []),
      ],
      ...(descriptor.fingerprint ? { fingerprint: [...descriptor.fingerprint, 'unloaded'] } : {}),
    });
    return;
  }
  ctx.report(loading ? { ...descriptor, related: [...(descriptor.related ?? []), ...loading.by] } : descriptor);
}
