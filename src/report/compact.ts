import type { Formatter } from './types';
import { displayPath, escapeControl, oneBased } from './types';

/** One line per finding, `file:line:col: severity message [rule]` (editors' problem matchers read it); control characters escaped. */
export const compact: Formatter = (findings, context) =>
  findings
    .filter((f) => !f.suppressed)
    .map((f) => {
      const { line, column } = oneBased(f.location);
      return `${escapeControl(displayPath(f.location.file, context.cwd))}:${line}:${column}: ${f.severity} ${escapeControl(f.message)} [${escapeControl(f.ruleId)}]\n`;
    })
    .join('');
