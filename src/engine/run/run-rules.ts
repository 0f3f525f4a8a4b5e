import { sha256Hex } from '../../core/sha256';
import type { Finding, RelatedLocation } from '../../core/types';
import type { DerivedDeployment } from '../../derive/types';
import type { AnyRule, ReportDescriptor, RuleScope } from '../../rules/types';
import { formatMessage } from '../../rules/types';
import { renderPhrase, type Phrase } from '../../core/phrase';
import { maskedRelated, type Masker } from './redact';
import { foldIdenticalCopies } from './identical-copies';
import type { LintConfig } from '../../core/config';
import { RunMemo } from '../../core/run-memo';
import type { RuleSettings } from '../config/rule-settings';

export interface RuleRun {
  findings: Finding[];
  internalError: boolean;
}

export function fingerprintOf(parts: string[]): string {
  return sha256Hex(parts.join('\u0000')).slice(0, 20);
}

/**
 * Findings one rule may list per deployment; past it they are counted and reported as one finding
 * ("N more findings of this rule"), so a tree cannot make the report unbounded.
 */
export const MAX_FINDINGS_PER_RULE = 10_000;

const SEVERITY_RANK: Record<Finding['severity'], number> = { info: 0, warning: 1, error: 2 };

/**
 * Runs every enabled rule on a deployment; a rule that throws becomes an `internal-error` finding.
 * `mask` is applied to the tree's values in every message and related message (src/engine/run/redact.ts), never to the
 * rule's own words: its templates and the Phrases it gives as values (src/core/phrase.ts).
 */
export function runRules(
  deployment: DerivedDeployment,
  rules: AnyRule[],
  settings: RuleSettings,
  config: LintConfig,
  cwd: string,
  mask: Masker = (t) => t,
  memo: RunMemo = new RunMemo(),
): RuleRun {
  const findings: Finding[] = [];
  let internalError = false;
  const holds = scopeTest(deployment);
  for (const rule of rules) {
    if (!settings.isEnabled(rule.meta.id)) continue;
    if (rule.meta.appliesTo && !holds(rule.meta.appliesTo)) continue;
    const produced: Finding[] = [];
    // A finding already made at the same place with the same words: reached again through another path (an nginx
    // file two main configurations include), it is one finding naming both paths. Made on the first report: most
    // rules report nothing in most deployments.
    let made: Map<string, Finding> | undefined;
    let more = 0;
    let moreSeverity: Finding['severity'] = 'info';
    try {
      rule.check({
        deployment,
        options: settings.optionsOf(rule),
        config,
        cwd,
        rules,
        memo,
        report(descriptor: ReportDescriptor<string>) {
          const template = rule.meta.messages[descriptor.messageId];
          if (template === undefined) throw new Error(`unknown messageId '${descriptor.messageId}'`);
          const severity = descriptor.severity ?? rule.meta.severity;
          if (produced.length >= MAX_FINDINGS_PER_RULE) {
            more++;
            if (SEVERITY_RANK[severity] > SEVERITY_RANK[moreSeverity]) moreSeverity = severity;
            return;
          }
          // Masked as a message about its places: a secret the tree also writes as a name elsewhere is left in one
          // about none of the secret's own places (src/engine/run/secret-places.ts).
          const where = descriptor.related ? [descriptor.location, ...descriptor.related] : [descriptor.location];
          const maskHere = mask.about?.(where) ?? mask;
          const message = formatMessage(template, maskData(descriptor.data, maskHere));
          // Related messages are masked here as message values are: a string whole, a Phrase in its values only.
          // Pushed, not mapped: an optimized `map` returns an array of another hidden class than the interpreter's,
          // and `distinctRelated`'s reads of it compiled this function again (docs/performance.md, session 57).
          let related: RelatedLocation[] | undefined;
          if (descriptor.related) {
            related = [];
            for (const r of descriptor.related)
              related.push(maskedRelated({ ...r, message: renderPhrase(r.message, maskHere) }));
          }
          const finding: Finding = {
            ruleId: rule.meta.id,
            messageId: descriptor.messageId,
            severity,
            message,
            location: descriptor.location,
            ...(descriptor.locationRole ? { locationRole: descriptor.locationRole } : {}),
            related: distinctRelated(related),
            // `concat`, not a spread: rules build fingerprints both by `map` and as literals, arrays of two hidden
            // classes, and a spread of the second recompiled this function (docs/performance.md, session 57).
            fingerprint: fingerprintOf([rule.meta.id].concat(descriptor.fingerprint ?? [message])),
            ...(descriptor.outcome ? { outcome: descriptor.outcome } : {}),
          };
          const key = sameFindingKey(finding);
          made ??= new Map();
          const earlier = made.get(key);
          if (earlier) {
            earlier.related = distinctRelated([...(earlier.related ?? []), ...(finding.related ?? [])]);
            return;
          }
          made.set(key, finding);
          produced.push(finding);
        },
      });
      // A byte-identical copy of a queue manager's MQSC says the same: a related place of the first file's finding.
      const copies = deployment.derived.identicalMqscCopies;
      if (produced.length)
        for (const finding of foldIdenticalCopies(produced, copies, deployment.root)) findings.push(finding);
      if (more) findings.push(overflowFinding(rule.meta.id, deployment.root, more, moreSeverity));
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

/**
 * Whether the deployment holds a component type or document kind that a rule's `meta.appliesTo` names (as
 * prefixes). The distinct types and kinds are listed once per deployment, on the first rule that asks.
 */
function scopeTest(deployment: DerivedDeployment): (scope: RuleScope) => boolean {
  let types: string[] | undefined;
  let kinds: string[] | undefined;
  return (scope) => {
    types ??= [...new Set(deployment.components.map((c) => c.type))];
    kinds ??= [...new Set(deployment.documents.map((d) => d.kind))];
    const held = (prefixes: readonly string[] | undefined, names: string[]) =>
      (prefixes ?? []).some((prefix) => names.some((name) => name.startsWith(prefix)));
    return held(scope.components, types) || held(scope.documents, kinds);
  };
}

/**
 * What makes two findings of a rule one: the same place, severity and words (not their related places nor their
 * fingerprints). Findings a reader cannot tell apart are one: a shell loop's MQSC (`for qm in PR1 PR2; do runmqsc $qm
 * <<EOF`) defines its channel on each queue manager of the loop, one component each, but the line to fix is one.
 */
function sameFindingKey(finding: Finding): string {
  const { file, range } = finding.location;
  return JSON.stringify([file, range?.start, range?.end, finding.severity, finding.message]);
}

/**
 * The related locations without repeats: one place with the same message is named once, however many of the
 * rule's reasons lead to it (two copies of a store opened by the same setting each name that setting).
 */
function distinctRelated(related: RelatedLocation[] | undefined): RelatedLocation[] | undefined {
  if (!related || related.length < 2) return related;
  const seen = new Set<string>();
  return related.filter((r) => {
    const key = JSON.stringify([r.file, r.range?.start, r.range?.end, r.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A message's values as text: the tree's strings masked, our words (Phrase, src/core/phrase.ts) kept. */
function maskData(
  data: Record<string, string | number | Phrase> | undefined,
  mask: (text: string) => string,
): Record<string, string | number> | undefined {
  if (!data) return undefined;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(data))
    out[name] = typeof value === 'number' ? value : renderPhrase(value, mask);
  return out;
}

function overflowFinding(ruleId: string, root: string, count: number, severity: Finding['severity']): Finding {
  return {
    ruleId,
    messageId: 'more-findings',
    severity,
    message: `${count} more finding${count === 1 ? '' : 's'} of this rule in this deployment (only the first ${MAX_FINDINGS_PER_RULE} are listed)`,
    location: { file: root },
    fingerprint: fingerprintOf([ruleId, 'more-findings']),
  };
}
