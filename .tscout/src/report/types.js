"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.DOCS_BASE_URL = void 0;
exports.displayPath = displayPath;
exports.escapeControl = escapeControl;
exports.oneBased = oneBased;
exports.countBySeverity = countBySeverity;
exports.ruleDocsUrl = ruleDocsUrl;
exports.skippedFiles = skippedFiles;
exports.skippedSummary = skippedSummary;
const path = __importStar(require("node:path"));
/** Path relative to cwd with `/` separators (DESIGN.md: paths in reports). */
function displayPath(file, cwd) {
    const relative = path.relative(cwd, file);
    return (relative === '' ? '.' : relative).split(path.sep).join('/');
}
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * Text formats (stylish, compact) print values and paths from the tree: control characters (C0, DEL,
 * C1, line separators) are shown as escapes, so a value cannot start a new line (a forged
 * `::add-mask::` workflow command) or send a terminal escape sequence. Linear in the text.
 */
function escapeControl(text) {
    return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** One-based line/column at the edge; whole-file findings point at 1:1. */
function oneBased(location) {
    const r = location.range;
    if (!r)
        return { line: 1, column: 1 };
    return {
        line: r.start.line + 1,
        column: r.start.character + 1,
        endLine: r.end.line + 1,
        endColumn: r.end.character + 1,
    };
}
function countBySeverity(findings) {
    const active = findings.filter((f) => !f.suppressed);
    return {
        errors: active.filter((f) => f.severity === 'error').length,
        warnings: active.filter((f) => f.severity === 'warning').length,
        infos: active.filter((f) => f.severity === 'info').length,
    };
}
exports.DOCS_BASE_URL = 'https://github.com/lint-deploy/lint-deploy/blob/main/docs/rules/';
function ruleDocsUrl(ruleId) {
    return `${exports.DOCS_BASE_URL}${ruleId.startsWith('parse/') ? 'parse' : ruleId}.md`;
}
/** File-level findings that mean "this file was not checked", and why, in a few words. */
const NOT_CHECKED = {
    'parse/not-understood': 'not understood',
    'parse/file-too-large': 'over the size limit',
    'parse/binary-file': 'binary',
    'parse/invalid-encoding': 'not UTF-8',
    'parse/unreadable-file': 'unreadable',
    'parse/not-a-regular-file': 'not a regular file',
    'parse/broken-symlink': 'broken symbolic link',
    'parse/symlink-outside-deployment': 'link out of the deployment',
    'parse/unreadable-directory': 'unreadable directory',
};
/** Files (display paths) lint-deploy found but did not check, with the reason; one entry per file and reason. */
function skippedFiles(findings, cwd) {
    const seen = new Set();
    const out = [];
    for (const f of findings) {
        const reason = NOT_CHECKED[f.ruleId];
        if (!reason || f.suppressed)
            continue;
        const file = displayPath(f.location.file, cwd);
        if (seen.has(`${file}\0${reason}`))
            continue;
        seen.add(`${file}\0${reason}`);
        out.push({ file, reason });
    }
    return out;
}
/**
 * How many files a summary line names before it counts the rest: a tree of symbolic links into /etc gave one line of
 * 106 paths (anandjbangad/kafka_kerberose@680519a). Every file is still a finding of its own, listed above the summary.
 */
const SUMMARY_FILES_NAMED = 5;
/** `3 files not understood: a, b, c` (and one line per other reason), for text summaries. */
function skippedSummary(findings, cwd) {
    const byReason = new Map();
    for (const { file, reason } of skippedFiles(findings, cwd))
        byReason.set(reason, [...(byReason.get(reason) ?? []), file]);
    return [...byReason].map(([reason, files]) => {
        const what = `${files.length} file${files.length === 1 ? '' : 's'} ${reason === 'not understood' ? 'not understood' : `not checked (${reason})`}`;
        // Naming all but one file and counting that one would be longer than naming it.
        if (files.length <= SUMMARY_FILES_NAMED + 1)
            return `${what}: ${files.join(', ')}`;
        const rest = files.length - SUMMARY_FILES_NAMED;
        return `${what}: ${files.slice(0, SUMMARY_FILES_NAMED).join(', ')} and ${rest} more, each named above`;
    });
}
