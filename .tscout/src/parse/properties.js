"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseProperties = parseProperties;
exports.duplicateKeyProblem = duplicateKeyProblem;
exports.keptProperties = keptProperties;
const types_1 = require("../core/types");
const types_2 = require("./types");
const text_1 = require("./text");
const properties_trailing_comment_1 = require("./properties-trailing-comment");
const BLANK = new Set([' ', '\t', '\f']);
function parseProperties(text, options = {}) {
    const lines = (0, text_1.splitLines)(text);
    const entries = [];
    const comments = [];
    const problems = [];
    const seen = new Map();
    let lineNo = 0;
    for (let first = lines[lineNo]; first !== undefined; first = lines[lineNo]) {
        const col = skipBlank(first, 0);
        if (col >= first.length) {
            lineNo++;
            continue;
        }
        if (first[col] === '#' || first[col] === '!') {
            comments.push({ text: first.slice(col + 1), range: (0, types_1.range)(lineNo, col, lineNo, first.length) });
            lineNo++;
            continue;
        }
        // Gather the logical line as a sequence of (line, startCol) segments.
        const segments = [];
        let current = lineNo;
        let start = col;
        for (let raw = first;;) {
            const continues = endsWithOddBackslashes(raw);
            segments.push({ line: current, start, text: continues ? raw.slice(start, raw.length - 1) : raw.slice(start) });
            const next = lines[current + 1];
            if (!continues || next === undefined)
                break;
            current++;
            start = skipBlank(next, 0);
            raw = next;
        }
        lineNo = current + 1;
        const entry = readEntry(segments, problems);
        entries.push(entry);
        const previous = seen.get(entry.key);
        if (previous && (options.reportDuplicate?.(entry.key) ?? true))
            problems.push(duplicateKeyProblem(entry, previous, options.duplicateSeverity));
        seen.set(entry.key, entry);
    }
    if (options.commentsInValues)
        problems.push(...(0, properties_trailing_comment_1.trailingCommentProblems)(entries, lines));
    return { entries, comments, problems };
}
/** A key set again where the last value wins (java.util.Properties, Spring Boot's loader). */
function duplicateKeyProblem(entry, previous, severity = 'warning') {
    return {
        code: 'duplicate-key',
        severity,
        message: `Duplicate key '${entry.key}' (first set on line ${previous.keyRange.start.line + 1}); the last one wins`,
        range: entry.keyRange,
    };
}
/** Reads key and value from a logical line, tracking where each starts and ends in the file. */
function readEntry(segments, problems) {
    // There is at least one segment and peek never moves the cursor past the last: segments[cursor.segment] exists.
    const at = (c) => {
        const segment = segments[c.segment];
        return { line: segment.line, character: segment.start + c.index };
    };
    const cursor = { segment: 0, index: 0 };
    const peek = () => {
        while (cursor.index >= segments[cursor.segment].text.length) {
            if (cursor.segment === segments.length - 1)
                return undefined;
            cursor.segment++;
            cursor.index = 0;
        }
        return segments[cursor.segment]?.text[cursor.index];
    };
    // Runs of characters without escapes are taken as slices (a file is mostly such runs), escapes one by one.
    const keyStart = at(cursor);
    let key = '';
    let keyEnd = keyStart;
    for (let ch = peek(); ch !== undefined; ch = peek()) {
        if (ch === '=' || ch === ':' || BLANK.has(ch))
            break;
        if (ch === '\\')
            key += readChar(segments, cursor, problems);
        else {
            const text = segments[cursor.segment].text;
            let end = cursor.index + 1;
            while (end < text.length && !KEY_RUN_END.has(text.charAt(end)))
                end++;
            key += text.slice(cursor.index, end);
            cursor.index = end;
        }
        keyEnd = at(cursor);
    }
    // Separator: blanks, then at most one '=' or ':', then blanks.
    while (peek() !== undefined && BLANK.has(peek()))
        cursor.index++;
    if (peek() === '=' || peek() === ':') {
        cursor.index++;
        while (peek() !== undefined && BLANK.has(peek()))
            cursor.index++;
    }
    peek();
    const valueStart = at(cursor);
    let value = '';
    for (let ch = peek(); ch !== undefined; ch = peek()) {
        if (ch === '\\')
            value += readChar(segments, cursor, problems);
        else {
            const text = segments[cursor.segment].text;
            const escape = text.indexOf('\\', cursor.index);
            const end = escape === -1 ? text.length : escape;
            value += text.slice(cursor.index, end);
            cursor.index = end;
        }
    }
    const last = segments[segments.length - 1];
    const valueEnd = value === '' ? valueStart : { line: last.line, character: last.start + last.text.length };
    const keyRange = { start: keyStart, end: keyEnd };
    return { key, value, keyRange, valueRange: { start: valueStart, end: valueEnd }, secret: (0, types_2.isSecretKey)(key) };
}
/** What ends a run of plain key characters: a separator, a blank, an escape. */
const KEY_RUN_END = new Set(['=', ':', ' ', '\t', '\f', '\\']);
const ESCAPES = { t: '\t', n: '\n', r: '\r', f: '\f' };
function readChar(segments, cursor, problems) {
    // Called only when peek() found a character at the cursor.
    const seg = segments[cursor.segment];
    const ch = seg.text.charAt(cursor.index++);
    if (ch !== '\\')
        return ch;
    const next = seg.text[cursor.index];
    if (next === undefined)
        return ''; // a trailing backslash on the last line is dropped, as Java does
    cursor.index++;
    if (next === 'u') {
        const hex = seg.text.slice(cursor.index, cursor.index + 4);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            cursor.index += 4;
            return String.fromCharCode(parseInt(hex, 16));
        }
        const line = seg.line;
        const character = seg.start + cursor.index - 2;
        problems.push({
            code: 'malformed-unicode-escape',
            severity: 'error',
            message: 'Malformed \\uxxxx encoding: Java refuses to load this file (IllegalArgumentException)',
            range: (0, types_1.range)(line, character, line, character + 2 + hex.length),
        });
        return '';
    }
    return ESCAPES[next] ?? next;
}
function skipBlank(line, from) {
    let i = from;
    while (i < line.length && BLANK.has(line.charAt(i)))
        i++;
    return i;
}
function endsWithOddBackslashes(line) {
    let count = 0;
    for (let i = line.length - 1; line.charAt(i) === '\\'; i--)
        count++;
    return count % 2 === 1;
}
/** The entries java.util.Properties keeps, in file order: the last line of each key (Properties.load sets each in turn). */
function keptProperties(entries) {
    const last = new Map();
    for (const entry of entries)
        last.set(entry.key, entry);
    return entries.filter((entry) => last.get(entry.key) === entry);
}
