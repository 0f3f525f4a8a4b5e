"use strict";
/**
 * Types shared by every pipeline stage: positions, locations, findings.
 *
 * Positions are ZERO-based inside the tool (line and character, as in LSP);
 * formatters convert to one-based at the edge. Files are absolute paths inside
 * the tool; formatters relativise them against `ReportContext.cwd`.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageError = exports.SEVERITIES = void 0;
exports.pos = pos;
exports.range = range;
exports.within = within;
exports.sameStart = sameStart;
exports.compareFindings = compareFindings;
exports.SEVERITIES = ['error', 'warning', 'info'];
function pos(line, character) {
    return { line, character };
}
function range(startLine, startChar, endLine, endChar) {
    return { start: pos(startLine, startChar), end: pos(endLine, endChar) };
}
/** Whether two locations start at the same place of the same file. */
/** Whether `inner` lies inside `outer` (both zero-based, ends exclusive). */
function within(inner, outer) {
    const before = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
function sameStart(a, b) {
    return (a.file === b.file &&
        a.range?.start.line === b.range?.start.line &&
        a.range?.start.character === b.range?.start.character);
}
function compareFindings(a, b) {
    return (cmp(a.location.file, b.location.file) ||
        (a.location.range?.start.line ?? -1) - (b.location.range?.start.line ?? -1) ||
        (a.location.range?.start.character ?? -1) - (b.location.range?.start.character ?? -1) ||
        cmp(a.ruleId, b.ruleId) ||
        cmp(a.message, b.message));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** An error the user must fix before the run can happen (bad usage, bad config): exit 2. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
exports.UsageError = UsageError;
