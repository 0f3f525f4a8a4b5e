import * as path from 'node:path';
import type { Finding, Location } from '../core/types';
import type { DerivedDeployment } from '../derive/types';
import type { RuleMeta } from '../rules/types';

/** Everything a formatter may use besides the findings. Required, never a hidden global. */
export interface ReportContext {
  cwd: string;
  toolName: string;
  toolVersion: string;
  /** Metadata of every rule that ran (for SARIF rules[], help links). */
  rules: RuleMeta<unknown, string>[];
  deployments: DerivedDeployment[];
  fileCount: number;
  color: boolean;
  /** Files recognised but not read, with the reason (absolute paths; src/engine/run/skipped.ts). */
  skipped?: { file: string; reason: string }[];
}

/** A formatter is a pure function of findings and context. */
export type Formatter = (findings: Finding[], context: ReportContext) => string;

/** Path relative to cwd with `/` separators (DESIGN.md: paths in reports). */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text formats (stylish, compact) print values and paths from the tree: control characters (C0, DEL,
 * C1, line separators) are shown as escapes, so a value cannot start a new line (a forged
 * `::add-mask::` workflow command) or send a terminal escape sequence. Linear in the text.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One-based line/column at the edge; whole-file findings point at 1:1. */
export function oneBased(location: Location): { line: number; column: number; endLine?: number; endColumn?: number } {
  const r = location.range;
  if (!r) return { line: 1, column: 1 };
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function countBySeverity(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  const active = findings.filter((f) => !f.suppressed);
  return {
    errors: active.filter((f) => f.severity === 'error').length,
    warnings: active.filter((f) => f.severity === 'warning').length,
    infos: active.filter((f) => f.severity === 'info').length,
  };
}

export const DOCS_BASE_URL = 'https://github.com/lint-deploy/lint-deploy/blob/main/docs/rules/';
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId.startsWith('parse/') ? 'parse' : ruleId}.md`;
}
