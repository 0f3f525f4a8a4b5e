import type { Severity } from '../core/types';
import type { Formatter } from './types';
import { displayPath, oneBased } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a workflow command's message, as @actions/core `escapeData` does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property value, as @actions/core `escapeProperty` does. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding,
 * shown as annotations on the pull request. Related locations go in the message
 * (an annotation has one place).
 */
export const github: Formatter = (findings, context) =>
  findings
    .filter((f) => !f.suppressed)
    .map((f) => {
      const at = oneBased(f.location);
      const properties: [string, string | number | undefined][] = [
        ['file', displayPath(f.location.file, context.cwd)],
        ['line', at.line],
        ['col', at.column],
        ['endLine', at.endLine],
        ['endColumn', at.endLine === at.line ? at.endColumn : undefined],
        ['title', f.ruleId],
      ];
      const related = (f.related ?? []).map((r) => {
        const ra = oneBased(r);
        return `\n↳ ${displayPath(r.file, context.cwd)}:${ra.line}:${ra.column} ${r.message}`;
      });
      const props = properties
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
      return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message + related.join(''))}\n`;
    })
    .join('');
