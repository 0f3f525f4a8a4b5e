"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compact = void 0;
const types_1 = require("./types");
/** One line per finding, `file:line:col: severity message [rule]` (editors' problem matchers read it); control characters escaped. */
const compact = (findings, context) => findings
    .filter((f) => !f.suppressed)
    .map((f) => {
    const { line, column } = (0, types_1.oneBased)(f.location);
    return `${(0, types_1.escapeControl)((0, types_1.displayPath)(f.location.file, context.cwd))}:${line}:${column}: ${f.severity} ${(0, types_1.escapeControl)(f.message)} [${(0, types_1.escapeControl)(f.ruleId)}]\n`;
})
    .join('');
exports.compact = compact;
