import type { Finding, Severity } from '../core/types';
import type { Formatter } from './types';
import { countBySeverity, displayPath, oneBased } from './types';

const ANSI = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;
type Style = keyof typeof ANSI;

const LABEL: Record<Severity, [string, Style]> = { error: ['error', 'red'], warning: ['warning', 'yellow'], info: ['info', 'blue'] };

/** ESLint-style output grouped by file; colours only when the context says so. */
export const stylish: Formatter = (findings, context) => {
  const paint = (style: Style, text: string) => (context.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const active = findings.filter((f) => !f.suppressed);
  if (active.length === 0) return '';
  const byFile = new Map<string, Finding[]>();
  for (const f of active) {
    const key = displayPath(f.location.file, context.cwd);
    byFile.set(key, [...(byFile.get(key) ?? []), f]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push('', paint('underline', file));
    for (const f of list) {
      const { line, column } = oneBased(f.location);
      const [label, style] = LABEL[f.severity];
      lines.push(`  ${paint('dim', `${line}:${column}`.padEnd(7))} ${paint(style, label.padEnd(7))}  ${f.message}  ${paint('dim', f.ruleId)}`);
      for (const r of f.related ?? []) {
        const at = oneBased(r);
        lines.push(`  ${' '.repeat(7)} ${paint('dim', `↳ ${displayPath(r.file, context.cwd)}:${at.line}:${at.column}`)}  ${r.message}`);
      }
    }
  }
  const { errors, warnings, infos } = countBySeverity(findings);
  const total = errors + warnings + infos;
  const summary = `${errors ? '✖' : '⚠'} ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${infos === 1 ? '' : 's'})`;
  lines.push('', paint(errors ? 'red' : 'yellow', paint('bold', summary)), '');
  return lines.join('\n');
};
