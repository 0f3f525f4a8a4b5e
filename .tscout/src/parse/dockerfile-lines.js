"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REMOVED_LINE = void 0;
exports.envPairs = envPairs;
exports.withoutRemovedLines = withoutRemovedLines;
/**
 * How Docker reads an instruction's text: the pairs of an `ENV`, and the comment and empty lines it removes from a
 * continuation before the instruction runs.
 */
const jvm_args_1 = require("./java/jvm-args");
function envPairs(args, argsStart) {
    if (/^[A-Za-z_]\w*=/.test(args)) {
        return [...args.matchAll(/([A-Za-z_]\w*)=("((?:[^"\\]|\\.)*)"|'([^']*)'|((?:[^\s\\]|\\.)*))/g)].map((m) => ({
            key: m[1],
            value: m[3] ?? m[4] ?? m[5] ?? '',
            keyStart: argsStart + (m.index ?? 0),
            valueStart: argsStart + (m.index ?? 0) + m[1].length + 1 + (m[3] !== undefined || m[4] !== undefined ? 1 : 0),
        }));
    }
    const m = /^([A-Za-z_]\w*)\s+(.*)$/s.exec(args);
    return m
        ? [
            {
                key: m[1],
                value: m[2].replace(/\\\r?\n\s*/g, ' ').trim(),
                keyStart: argsStart,
                valueStart: argsStart + args.indexOf(m[2], m[1].length),
            },
        ]
        : [];
}
/**
 * A comment or empty line inside an instruction's continuation: Docker removes it before the instruction runs ("RUN
 * echo hello \\ / # comment / world" runs `echo hello world`: https://docs.docker.com/reference/dockerfile/#format).
 */
exports.REMOVED_LINE = /^\s*(#.*)?$/;
/**
 * The file's text with the lines Docker removes from each instruction's continuation (REMOVED_LINE, an instruction's
 * first line excepted) blanked, line break included: every reader then sees the continuation Docker runs, at the
 * file's own offsets. `comment` is given each removed comment's offsets (of its `#` and of its end).
 */
function withoutRemovedLines(text, logicals, comment) {
    let out = '';
    let at = 0;
    for (const logical of logicals) {
        const lines = (0, jvm_args_1.lineOffsets)(text.slice(logical.start, logical.end));
        for (const [i, line] of lines.entries()) {
            if (i === 0 || i === lines.length - 1 || !exports.REMOVED_LINE.test(line.text))
                continue;
            const start = logical.start + line.start;
            const next = logical.start + lines[i + 1].start;
            const hash = line.text.indexOf('#');
            if (hash >= 0)
                comment(start + hash, logical.start + line.end);
            out += text.slice(at, start) + ' '.repeat(next - start);
            at = next;
        }
    }
    return out + text.slice(at);
}
