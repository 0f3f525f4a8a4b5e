import type { Formatter } from './types';
import { displayPath, oneBased } from './types';

/** One line per finding, `file:line:col: severity message [rule]` (editors' problem matchers read it). */
export const compact: Formatter = (findings, context) =>
  findings
    .filter((f) => !f.suppressed)
    .map((f) => {
      const { line, column } = oneBased(f.location);
      return `${displayPath(f.location.file, context.cwd)}:${line}:${column}: ${f.severity} ${f.message.replace(/\r?\n/g, ' ')} [${f.ruleId}]\n`;
    })
    .join('');
