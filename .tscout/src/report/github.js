"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.github = void 0;
exports.escapeData = escapeData;
exports.escapeProperty = escapeProperty;
const types_1 = require("./types");
const COMMAND = { error: 'error', warning: 'warning', info: 'notice' };
/** Escaping of a workflow command's message, as @actions/core `escapeData` does. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escaping of a workflow command's property value, as @actions/core `escapeProperty` does. */
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding,
 * shown as annotations on the pull request. Related locations go in the message
 * (an annotation has one place).
 */
const github = (findings, context) => findings
    .filter((f) => !f.suppressed)
    .map((f) => {
    const at = (0, types_1.oneBased)(f.location);
    const properties = [
        ['file', (0, types_1.displayPath)(f.location.file, context.cwd)],
        ['line', at.line],
        ['col', at.column],
        ['endLine', at.endLine],
        ['endColumn', at.endLine === at.line ? at.endColumn : undefined],
        ['title', f.ruleId],
    ];
    const related = (f.related ?? []).map((r) => {
        const ra = (0, types_1.oneBased)(r);
        return `\n↳ ${(0, types_1.displayPath)(r.file, context.cwd)}:${ra.line}:${ra.column} ${r.message}`;
    });
    const props = properties
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message + related.join(''))}\n`;
})
    .join('');
exports.github = github;
