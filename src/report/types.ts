import type { RuntimeUse } from '../model/types';
import type { Finding, Location } from '../core/types';
import type { DerivedDeployment } from '../derive/types';
import type { RuleMeta } from '../rules/types';
import { relativePosix } from '../core/posix-path';

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
  /** Which JDK runs which components and where that comes from (JSON `runtimes`); absent in library use. */
  runtimes?: RuntimeUse[];
}

/** A formatter is a pure function of findings and context. */
export type Formatter = (findings: Finding[], context: ReportContext) => string;

/** Path relative to cwd with `/` separators (DESIGN.md: paths in reports). */
export function displayPath(file: string, cwd: string): string {
  return relativePosix(cwd, file) || '.';
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
  return {
    line: r.start.line + 1,
    column: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
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

/** File-level findings that mean "this file was not checked", and why, in a few words. */
const NOT_CHECKED: Record<string, string> = {
  'parse/not-understood': 'not understood',
  'parse/file-too-large': 'over the size limit',
  'parse/binary-file': 'binary',
  'parse/invalid-encoding': 'not UTF-8',
  'parse/unreadable-file': 'unreadable',
  'parse/not-a-regular-file': 'not a regular file',
  'parse/broken-symlink': 'broken symbolic link',
  'parse/symlink-outside-deployment': 'link out of the deployment',
  'parse/unreadable-directory': 'unreadable directory',
};

/** Files (display paths) lint-deploy found but did not check, with the reason; one entry per file and reason. */
export function skippedFiles(findings: Finding[], cwd: string): Array<{ file: string; reason: string }> {
  const seen = new Set<string>();
  const out: Array<{ file: string; reason: string }> = [];
  for (const f of findings) {
    const reason = NOT_CHECKED[f.ruleId];
    if (!reason || f.suppressed) continue;
    const file = displayPath(f.location.file, cwd);
    if (seen.has(`${file}\0${reason}`)) continue;
    seen.add(`${file}\0${reason}`);
    out.push({ file, reason });
  }
  return out;
}

/**
 * How many files a summary line names before it counts the rest: a tree of symbolic links into /etc gave one line of
 * 106 paths (anandjbangad/kafka_kerberose@680519a). Every file is still a finding of its own, listed above the summary.
 */
const SUMMARY_FILES_NAMED = 5;

/** `3 files not understood: a, b, c` (and one line per other reason), for text summaries. */
export function skippedSummary(findings: Finding[], cwd: string): string[] {
  const byReason = new Map<string, string[]>();
  for (const { file, reason } of skippedFiles(findings, cwd))
    byReason.set(reason, [...(byReason.get(reason) ?? []), file]);
  return [...byReason].map(([reason, files]) => {
    const what = `${files.length} file${files.length === 1 ? '' : 's'} ${reason === 'not understood' ? 'not understood' : `not checked (${reason})`}`;
    // Naming all but one file and counting that one would be longer than naming it.
    if (files.length <= SUMMARY_FILES_NAMED + 1) return `${what}: ${files.join(', ')}`;
    const rest = files.length - SUMMARY_FILES_NAMED;
    return `${what}: ${files.slice(0, SUMMARY_FILES_NAMED).join(', ')} and ${rest} more, each named above`;
  });
}
