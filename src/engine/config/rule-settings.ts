import { compileConfigGlob } from '../../core/glob';
import type { Finding, SeveritySetting } from '../../core/types';
import { SEVERITIES, UsageError } from '../../core/types';
import { resolveOptions } from '../../rules/options';
import type { AnyRule } from '../../rules/types';
import type { LintConfig, RuleSetting } from '../../core/config';
import { relativePosix } from '../../core/posix-path';

export interface RuleSettings {
  /** Whether the rule runs at all (off everywhere → skipped). */
  isEnabled(ruleId: string): boolean;
  optionsOf(rule: AnyRule): Record<string, unknown>;
  /** Applies configured severities (and `off`) per finding, overrides by file glob included. */
  applySeverity(findings: Finding[]): Finding[];
}

const VALID: readonly SeveritySetting[] = [...SEVERITIES, 'off'];

function split(setting: RuleSetting): { severity: SeveritySetting; options?: Record<string, unknown> } {
  return Array.isArray(setting) ? { severity: setting[0], options: setting[1] } : { severity: setting };
}

/** Rule ids a setting may name: built-in and extra rules, `parse/<code>`, `internal-error`, or `<area>/*`. */
function checkRuleId(id: string, known: Set<string>, where: string): void {
  if (known.has(id) || id.startsWith('parse/') || id === 'internal-error') return;
  if (id.endsWith('/*') && [...known].some((k) => k.startsWith(id.slice(0, -1)))) return;
  throw new UsageError(`Unknown rule '${id}' in ${where} (see lint-deploy --list-rules)`);
}

function lookup(table: Record<string, RuleSetting>, ruleId: string): RuleSetting | undefined {
  return table[ruleId] ?? table[`${ruleId.slice(0, ruleId.indexOf('/') + 1)}*`];
}

export function resolveRuleSettings(
  rules: AnyRule[],
  config: LintConfig,
  cliOverrides: Record<string, string>,
): RuleSettings {
  const known = new Set(rules.map((r) => r.meta.id));
  for (const id of Object.keys(config.rules)) checkRuleId(id, known, 'config "rules"');
  for (const [i, override] of config.overrides.entries())
    for (const id of Object.keys(override.rules)) checkRuleId(id, known, `config "overrides[${i}]"`);
  for (const [id, severity] of Object.entries(cliOverrides)) {
    checkRuleId(id, known, '--rule');
    if (!VALID.includes(severity as SeveritySetting))
      throw new UsageError(`Invalid severity '${severity}' for --rule ${id} (use ${VALID.join(', ')})`);
  }
  const overrides = config.overrides.map((o, i) => ({
    match: compileConfigGlob(o.files, { dot: true, matchBase: true }, `config "overrides[${i}]"`),
    rules: o.rules,
  }));
  const defaults = new Map(rules.map((r) => [r.meta.id, r.meta.severity]));

  /** The user's explicit severity for a rule in a file, or undefined when they said nothing. */
  const configured = (ruleId: string, file?: string): SeveritySetting | undefined => {
    if (cliOverrides[ruleId]) return cliOverrides[ruleId] as SeveritySetting;
    let setting = lookup(config.rules, ruleId);
    if (file && overrides.length) {
      const relative = relativePosix(config.baseDir, file);
      for (const o of overrides) if (o.match(relative)) setting = lookup(o.rules, ruleId) ?? setting;
    }
    return setting === undefined ? undefined : split(setting).severity;
  };
  /** Asked for every rule of every deployment; the answer depends on the rule id alone. */
  const enabled = new Map<string, boolean>();
  /**
   * Options asked for every rule of every deployment, and severities for every finding when no override names files:
   * answers by rule id, made once a run (options are read-only to rules: OptionsOf).
   */
  const options = new Map<AnyRule, Record<string, unknown>>();
  const severityById = new Map<string, SeveritySetting | undefined>();
  const severityOf = (ruleId: string, file: string): SeveritySetting | undefined => {
    if (overrides.length) return configured(ruleId, file);
    if (!severityById.has(ruleId)) severityById.set(ruleId, configured(ruleId));
    return severityById.get(ruleId);
  };
  const enabledAnywhere = (ruleId: string): boolean => {
    if (configured(ruleId) !== 'off') return true;
    // Off at top level but maybe on for some files.
    return overrides.some((o) => {
      const s = lookup(o.rules, ruleId);
      return s !== undefined && split(s).severity !== 'off';
    });
  };
  return {
    isEnabled(ruleId) {
      let answer = enabled.get(ruleId);
      if (answer === undefined) enabled.set(ruleId, (answer = enabledAnywhere(ruleId)));
      return answer;
    },
    optionsOf(rule) {
      let resolved = options.get(rule);
      if (!resolved) {
        const setting = lookup(config.rules, rule.meta.id);
        resolved = resolveOptions(rule.meta.defaultOptions, setting ? split(setting).options : undefined);
        options.set(rule, resolved);
      }
      return resolved;
    },
    applySeverity(findings) {
      const out: Finding[] = [];
      for (const finding of findings) {
        const severity = severityOf(finding.ruleId, finding.location.file);
        if (severity === 'off') continue;
        // A setting equal to the rule's default (e.g. from the `recommended` preset) keeps a
        // rule's per-finding severity, such as a warning when the JDK is unknown.
        const keepFindingSeverity = severity === undefined || severity === defaults.get(finding.ruleId);
        out.push({ ...finding, severity: keepFindingSeverity ? finding.severity : severity });
      }
      return out;
    },
  };
}
