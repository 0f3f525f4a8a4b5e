import * as path from 'node:path';
import type { Finding } from '../../src/core/types';
import type { AnyRule } from '../../src/rules/types';
import { runRule, type TreeCase } from './rule-tester';

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');
const key = (root: string, f: Finding) =>
  `${f.ruleId} ${f.messageId} ${rel(root, f.location.file)}:${(f.location.range?.start.line ?? -1) + 1}`;

/**
 * Findings that a file decides but does not name. A file decides a finding when the finding goes away
 * without it (the tree linted again with the file removed). pre-commit lints only the changed files
 * and reports the findings that name one of them (as location or related location), so a deciding file
 * that is not named lets a commit that changes only that file through (issue 19). Returns
 * `<finding> ← <file>` for each such pair; empty when every deciding file is named.
 */
export function unnamedDecidingFiles(rule: AnyRule, testCase: TreeCase): string[] {
  const full = runRule(rule, testCase);
  const out: string[] = [];
  for (const file of Object.keys(testCase.files)) {
    const rest = Object.fromEntries(Object.entries(testCase.files).filter(([name]) => name !== file));
    const without = runRule(rule, { ...testCase, files: rest });
    const remaining = new Set(without.findings.map((f) => key(without.root, f)));
    for (const finding of full.findings) {
      if (remaining.has(key(full.root, finding))) continue;
      const named = [finding.location.file, ...(finding.related ?? []).map((r) => r.file)].map((f) =>
        rel(full.root, f),
      );
      if (!named.includes(file)) out.push(`${key(full.root, finding)} ← ${file}`);
    }
  }
  return out;
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/** Offset of a zero-based line and character in `text`. */
function offsetOf(text: string, line: number, character: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  return at + character;
}

/**
 * Related places a finding names as context (`role: 'context'`: no other value there could make it false), and its own
 * place where it says so (`locationRole: 'context'`), whose value
 * decides it after all. Each such place is given another value — its text with a `Z` before it (a channel or host
 * name no pattern of the tree meant), a number plus one — and the tree linted again: each finding naming it must
 * still be reported, at least as severe. Returns `<finding> ← <file>:<line> '<text>'` for each place whose change
 * loses one. A file deciding a finding by being there is unnamedDecidingFiles' question; this one is about values.
 */
export function contextPlacesThatDecide(
  rule: AnyRule,
  testCase: TreeCase,
  full: { findings: Finding[]; root: string },
): string[] {
  const places = new Map<string, { file: string; start: number; end: number; findings: Finding[] }>();
  for (const finding of full.findings)
    for (const related of [
      ...(finding.locationRole === 'context' ? [{ ...finding.location, role: 'context' as const }] : []),
      ...(finding.related ?? []),
    ]) {
      if (related.role !== 'context' || !related.range) continue;
      const file = rel(full.root, related.file);
      const text = testCase.files[file];
      if (typeof text !== 'string') continue;
      const start = offsetOf(text, related.range.start.line, related.range.start.character);
      const end = offsetOf(text, related.range.end.line, related.range.end.character);
      const id = `${file}:${start}:${end}`;
      const place = places.get(id) ?? { file, start, end, findings: [] };
      place.findings.push(finding);
      places.set(id, place);
    }
  const out: string[] = [];
  for (const { file, start, end, findings } of places.values()) {
    const text = testCase.files[file] as string;
    const value = text.slice(start, end);
    if (!value) continue;
    const other = /^\d+$/.test(value) ? String(Number(value) + 1) : `Z${value}`;
    const changed = { ...testCase.files, [file]: text.slice(0, start) + other + text.slice(end) };
    const again = runRule(rule, { ...testCase, files: changed });
    const kept = new Map(again.findings.map((f) => [key(again.root, f), RANK[f.severity]]));
    const line = text.slice(0, start).split('\n').length;
    for (const finding of findings)
      if ((kept.get(key(full.root, finding)) ?? -1) < RANK[finding.severity])
        out.push(`${key(full.root, finding)} ← ${file}:${line} '${value}'`);
  }
  return out;
}
