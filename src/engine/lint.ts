import * as path from 'node:path';
import type { Finding } from '../core/types';
import { compareFindings } from '../core/types';
import { discover } from '../discover/discover';
import { buildDeployment } from '../model/build';
import type { Deployment } from '../model/types';
import type { ParsedDocument } from '../parse/types';
import { ALL_RULES } from '../rules';
import type { AnyRule } from '../rules/types';
import type { LintConfig } from './config-types';
import { readDocuments } from './read';
import { redactFindings } from './redact';
import { runRules } from './run-rules';
import { resolveRuleSettings } from './settings';
import { applySuppressions } from './suppressions';

export interface LintOptions {
  paths: string[];
  cwd: string;
  config: LintConfig;
  ignorePatterns?: string[];
  /** `--rule id:severity` overrides, applied after the config. */
  ruleOverrides?: Record<string, string>;
  java?: { version?: string; vendor?: string };
  /** Extra rules (plugins, declarative rules) besides the built-in ones. */
  extraRules?: AnyRule[];
  /** Report inline disable directives that suppressed nothing (`--report-unused-disable-directives`). */
  reportUnusedDisableDirectives?: boolean;
}

export interface LintResult {
  findings: Finding[];
  deployments: Deployment[];
  /** Number of files lint-deploy recognised and parsed. */
  fileCount: number;
  rules: AnyRule[];
  /** True when a rule crashed (the run must exit 2). */
  internalError: boolean;
}

/** The library entry point: paths → findings (DESIGN.md pipeline). Throws only `UsageError`. */
export function lint(options: LintOptions): LintResult {
  const rules = [...ALL_RULES, ...(options.extraRules ?? [])];
  const settings = resolveRuleSettings(rules, options.config, options.ruleOverrides ?? {});
  const knownRuleIds = new Set(rules.map((r) => r.meta.id));
  const discovered = discover({ paths: options.paths, cwd: options.cwd, config: options.config, ignorePatterns: options.ignorePatterns });
  const findings: Finding[] = [];
  const deployments: Deployment[] = [];
  let fileCount = 0;
  let internalError = false;

  for (const target of discovered) {
    const { documents, findings: readFindings } = readDocuments(target.files);
    fileCount += documents.length;
    const deployment = buildDeployment(target.root, documents, { config: options.config, java: options.java });
    deployments.push(deployment);
    const deploymentFindings = [...readFindings, ...parseFindings(documents)];
    const ruleRun = runRules(deployment, rules, settings, options.config, options.cwd);
    internalError ||= ruleRun.internalError;
    deploymentFindings.push(...ruleRun.findings);
    // Inline `lint-deploy-disable…` directives (src/engine/suppressions.ts), after severities.
    const suppressed = applySuppressions(settings.applySeverity(deploymentFindings), documents, { reportUnused: options.reportUnusedDisableDirectives, knownRuleIds });
    for (const finding of redactFindings(suppressed, documents)) {
      if (target.focus && !involves(finding, target.focus)) continue;
      findings.push({ ...finding, deployment: target.root });
    }
  }
  findings.sort(compareFindings);
  return { findings, deployments, fileCount, rules, internalError };
}

function parseFindings(documents: ParsedDocument[]): Finding[] {
  return documents.flatMap((doc) =>
    doc.problems.map((problem) => ({
      ruleId: `parse/${problem.code}`,
      severity: problem.severity,
      message: problem.message,
      location: { file: doc.file.path, range: problem.range },
      fingerprint: `parse/${problem.code}|${path.basename(doc.file.path)}|${problem.message}`,
    })),
  );
}

function involves(finding: Finding, files: Set<string>): boolean {
  return files.has(finding.location.file) || (finding.related ?? []).some((r) => files.has(r.file));
}
