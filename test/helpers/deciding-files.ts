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
