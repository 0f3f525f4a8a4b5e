import * as path from 'node:path';
import { readTree } from './read-tree';

/**
 * Each document a script (or a YAML file holding one) writes: `kind container`, where `ssl_protocols` is and its parse
 * problems (`code@line severity`); then each parse/assembled-file-unknown finding (`unknown@line:col what it says`).
 */
export function readScript(files: Record<string, string>, script: string): string[] {
  return readTree(files, (read, dir) => {
    const docs = read.documents
      .filter((d) => d.file.path === path.join(dir, script) && d.embedded)
      .map((d) => {
        const entry = d.entries.find((e) => e.key.endsWith('ssl_protocols'));
        const at = entry ? ` @${entry.valueRange.start.line + 1}:${entry.valueRange.start.character + 1}` : '';
        const problems = d.problems.map((p) => ` ${p.code}@${p.range.start.line + 1} ${p.severity}`).join('');
        return `${d.kind} ${d.embedded?.container ?? '-'}${at}${problems}`;
      });
    const unknown = read.findings
      .filter((f) => f.ruleId === 'parse/assembled-file-unknown')
      .map((f) => {
        const start = f.location.range?.start;
        const said = f.message.slice(f.message.indexOf('does not show (') + 15).replace(/, so what .*$/, '');
        return `unknown@${(start?.line ?? -1) + 1}:${(start?.character ?? -1) + 1} ${f.message.split(',')[0]}: ${said}`;
      });
    return [...docs, ...unknown];
  });
}
