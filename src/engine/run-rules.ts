import { createHash } from 'node:crypto';
import type { Finding } from '../core/types';
import type { DerivedDeployment } from '../derive/types';
import type { AnyRule, ReportDescriptor } from '../rules/types';
import { formatMessage } from '../rules/types';
import type { LintConfig } from '../core/config';
import type { RuleSettings } from './settings';

export interface RuleRun {
  findings: Finding[];
  internalError: boolean;
}

export function fingerprintOf(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);
}

/** Runs every enabled rule on a deployment; a rule that throws becomes an `internal-error` finding. */
export function runRules(deployment: DerivedDeployment, rules: AnyRule[], settings: RuleSettings, config: LintConfig, cwd: string): RuleRun {
  const findings: Finding[] = [];
  let internalError = false;
  for (const rule of rules) {
    if (!settings.isEnabled(rule.meta.id)) continue;
    const produced: Finding[] = [];
    try {
      rule.check({
        deployment,
        options: settings.optionsOf(rule),
        config,
        cwd,
        rules,
        report(descriptor: ReportDescriptor<string>) {
          const template = rule.meta.messages[descriptor.messageId];
          if (template === undefined) throw new Error(`unknown messageId '${descriptor.messageId}'`);
          const message = formatMessage(template, descriptor.data);
          produced.push({
            ruleId: rule.meta.id,
            messageId: descriptor.messageId,
            severity: descriptor.severity ?? rule.meta.severity,
            message,
            location: descriptor.location,
            related: descriptor.related,
            fingerprint: fingerprintOf([rule.meta.id, ...(descriptor.fingerprint ?? [message])]),
          });
        },
      });
      findings.push(...produced);
    } catch (error) {
      internalError = true;
      findings.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `Rule ${rule.meta.id} crashed and was skipped: ${(error as Error).message ?? String(error)}`,
        location: { file: deployment.root },
        fingerprint: fingerprintOf(['internal-error', rule.meta.id]),
      });
    }
  }
  return { findings, internalError };
}
