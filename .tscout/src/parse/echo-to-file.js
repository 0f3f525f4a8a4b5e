"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.echoToMqsc = echoToMqsc;
/** `echo` (with `-e`/`-n`/`-E` options) or `printf`, then the opening quote of its text. */
const ECHO_START = /\b(echo|printf)\s+((?:-[neE]+\s+)*)(["'])/g;
/** What follows the closing quote: a redirect to an MQSC file (`> x.mqsc`, `>> "/etc/mqm/x.mqsc"`). */
const TO_MQSC = /^\s*(?:\d?>>?)\s*["']?([^\s"'<>|;&]+\.mqsc)["']?/;
/** One `echo`/`printf` to an `*.mqsc` file starting on line `start`, and the line its text ends on. */
function echoToMqsc(lines, start) {
    const found = [];
    const first = lines[start];
    if (first === undefined || first.trimStart().startsWith('#'))
        return found;
    for (const m of first.matchAll(ECHO_START)) {
        const quote = m[3]; // a non-optional group after a match
        const escapes = m[1] === 'printf' || /e/.test(m[2] ?? '');
        const read = readQuoted(lines, start, (m.index ?? 0) + m[0].length, quote, escapes);
        if (!read)
            continue;
        const target = TO_MQSC.exec(lines[read.end].slice(read.afterColumn))?.[1];
        if (!target || read.lines.length === 0)
            continue;
        found.push({
            region: {
                name: target.slice(target.lastIndexOf('/') + 1),
                container: `${m[1]} to ${target}`,
                lines: read.lines,
                expandsShell: quote === '"',
            },
            end: read.end,
        });
    }
    return found;
}
/**
 * The text of a quoted string from `column` of line `start` up to its closing quote, cut into MQSC lines at literal
 * newlines and (`escapes`) at `\n`; undefined when the string does not close or a continued line joins the next.
 */
function readQuoted(lines, start, column, quote, escapes) {
    const out = [];
    let from = column;
    for (let line = start; line < lines.length; line++, from = 0) {
        const text = lines[line]; // line < lines.length
        let segment = from;
        for (let i = from; i < text.length; i++) {
            const c = text[i];
            if (c === quote && (quote === "'" || text[i - 1] !== '\\')) {
                out.push({ line, column: segment, text: text.slice(segment, i) });
                return { lines: out.filter((l) => l.text.trim() !== ''), end: line, afterColumn: i + 1 };
            }
            // `echo` without -e keeps `\n` in bash but turns it into a newline in dash's: which shell runs it decides.
            if (!escapes && c === '\\' && text[i + 1] === 'n')
                return undefined;
            if (escapes && c === '\\' && text[i + 1] === 'n') {
                out.push({ line, column: segment, text: text.slice(segment, i) });
                segment = i + 2;
                i++;
            }
        }
        let rest = text.slice(segment);
        if (rest.endsWith('\\')) {
            // A continuation: the next line joins this one unless nothing of this line is left after its last `\n`.
            rest = rest.slice(0, -1);
            if (rest.trim() !== '')
                return undefined;
        }
        out.push({ line, column: segment, text: rest });
    }
    return undefined;
}
