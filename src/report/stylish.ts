import { createColors, type Colors } from './ansi';
import type { Finding, Severity } from '../core/types';
import type { Formatter } from './types';
import { countBySeverity, displayPath, escapeControl, oneBased, skippedSummary } from './types';

const LABEL: Record<Severity, [string, (c: Colors) => (text: string) => string]> = {
  error: ['error', (c) => c.red],
  warning: ['warning', (c) => c.yellow],
  info: ['info', (c) => c.blue],
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The closing line, as ESLint's: problems are errors and warnings; infos are only mentioned
 * (they never fail a run, so "⚠ 2 problems" for two infos would mislead).
 */
export function summaryLine(counts: { errors: number; warnings: number; infos: number }): string {
  const { errors, warnings, infos } = counts;
  const problems = errors + warnings;
  if (problems === 0) return `${plural(infos, 'info')}, no problems`;
  const line = `${errors ? '✖' : '⚠'} ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return infos ? `${line}, and ${plural(infos, 'info')}` : line;
}

/**
 * ESLint-style output grouped by file; colours only when the context says so; control characters of
 * values and paths escaped (src/report/types.ts escapeControl).
 * @public Loaded lazily by name (src/report/index.ts).
 */
export const stylish: Formatter = (findings, context) => {
  const c = createColors(context.color);
  const active = findings.filter((f) => !f.suppressed);
  if (active.length === 0) {
    // Nothing to report, but files left unread are still named (a clean run must not hide them).
    const notes = skippedSummary(findings, context.cwd).map(escapeControl);
    return notes.length ? `${notes.join('\n')}\n` : '';
  }
  const byFile = new Map<string, Finding[]>();
  for (const f of active) {
    const key = escapeControl(displayPath(f.location.file, context.cwd));
    const list = byFile.get(key);
    if (list) list.push(f);
    else byFile.set(key, [f]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push('', c.underline(file));
    for (const f of list) {
      const { line, column } = oneBased(f.location);
      const [label, paint] = LABEL[f.severity];
      lines.push(
        `  ${c.dim(`${line}:${column}`.padEnd(7))} ${paint(c)(label.padEnd(7))}  ${escapeControl(f.message)}  ${c.dim(escapeControl(f.ruleId))}`,
      );
      for (const r of f.related ?? []) {
        const at = oneBased(r);
        lines.push(
          `  ${' '.repeat(7)} ${c.dim(`↳ ${escapeControl(displayPath(r.file, context.cwd))}:${at.line}:${at.column}`)}  ${escapeControl(r.message)}`,
        );
      }
    }
  }
  const counts = countBySeverity(findings);
  const paintSummary = counts.errors ? c.red : counts.warnings ? c.yellow : c.blue;
  lines.push('', paintSummary(c.bold(summaryLine(counts))));
  for (const line of skippedSummary(findings, context.cwd)) lines.push(c.dim(escapeControl(line)));
  lines.push('');
  return lines.join('\n');
};
