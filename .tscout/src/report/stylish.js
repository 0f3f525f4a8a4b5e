"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stylish = void 0;
exports.summaryLine = summaryLine;
const ansi_1 = require("./ansi");
const types_1 = require("./types");
const LABEL = {
    error: ['error', (c) => c.red],
    warning: ['warning', (c) => c.yellow],
    info: ['info', (c) => c.blue],
};
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/**
 * The closing line, as ESLint's: problems are errors and warnings; infos are only mentioned
 * (they never fail a run, so "⚠ 2 problems" for two infos would mislead).
 */
function summaryLine(counts) {
    const { errors, warnings, infos } = counts;
    const problems = errors + warnings;
    if (problems === 0)
        return `${plural(infos, 'info')}, no problems`;
    const line = `${errors ? '✖' : '⚠'} ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    return infos ? `${line}, and ${plural(infos, 'info')}` : line;
}
/**
 * ESLint-style output grouped by file; colours only when the context says so; control characters of
 * values and paths escaped (src/report/types.ts escapeControl).
 * @public Loaded lazily by name (src/report/index.ts).
 */
const stylish = (findings, context) => {
    const c = (0, ansi_1.createColors)(context.color);
    const active = findings.filter((f) => !f.suppressed);
    if (active.length === 0) {
        // Nothing to report, but files left unread are still named (a clean run must not hide them).
        const notes = (0, types_1.skippedSummary)(findings, context.cwd).map(types_1.escapeControl);
        return notes.length ? `${notes.join('\n')}\n` : '';
    }
    const byFile = new Map();
    for (const f of active) {
        const key = (0, types_1.escapeControl)((0, types_1.displayPath)(f.location.file, context.cwd));
        const list = byFile.get(key);
        if (list)
            list.push(f);
        else
            byFile.set(key, [f]);
    }
    const lines = [];
    for (const [file, list] of byFile) {
        lines.push('', c.underline(file));
        for (const f of list) {
            const { line, column } = (0, types_1.oneBased)(f.location);
            const [label, paint] = LABEL[f.severity];
            lines.push(`  ${c.dim(`${line}:${column}`.padEnd(7))} ${paint(c)(label.padEnd(7))}  ${(0, types_1.escapeControl)(f.message)}  ${c.dim((0, types_1.escapeControl)(f.ruleId))}`);
            for (const r of f.related ?? []) {
                const at = (0, types_1.oneBased)(r);
                lines.push(`  ${' '.repeat(7)} ${c.dim(`↳ ${(0, types_1.escapeControl)((0, types_1.displayPath)(r.file, context.cwd))}:${at.line}:${at.column}`)}  ${(0, types_1.escapeControl)(r.message)}`);
            }
        }
    }
    const counts = (0, types_1.countBySeverity)(findings);
    const paintSummary = counts.errors ? c.red : counts.warnings ? c.yellow : c.blue;
    lines.push('', paintSummary(c.bold(summaryLine(counts))));
    for (const line of (0, types_1.skippedSummary)(findings, context.cwd))
        lines.push(c.dim((0, types_1.escapeControl)(line)));
    lines.push('');
    return lines.join('\n');
};
exports.stylish = stylish;
