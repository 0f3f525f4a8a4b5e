"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PLACEHOLDER = void 0;
exports.scanJvmProperties = scanJvmProperties;
exports.scanOptions = scanOptions;
exports.propertyEntries = propertyEntries;
exports.lineOffsets = lineOffsets;
exports.logicalLines = logicalLines;
exports.basenameOf = basenameOf;
const types_1 = require("../types");
const path_name_1 = require("../../core/path-name");
const D_OPTION = /(^|[\s"'[,=])-D((?:%[\w,-]+\.)?[A-Za-z_][\w.$-]*)(=?)/g;
exports.PLACEHOLDER = /\$\{?[A-Za-z_]|%[A-Za-z_][\w]*%|\$\(/;
/**
 * Finds `-Dname[=value]` tokens in `text[from, to)`. A value ends at a blank or at
 * the quote that closes the enclosing string (`JAVA_OPTS="… -Da=b"`); a value that
 * starts with a quote runs to the matching quote.
 */
function scanJvmProperties(text, index, from = 0, to = text.length, via) {
    return scanOptions(D_OPTION, text, index, from, to, via);
}
/**
 * Tokens `<two-character prefix>name[=value]` matched by `option` (its groups: what precedes, the name, `=`), with
 * values read as `-D` values are.
 */
function scanOptions(option, text, index, from, to, via) {
    const slice = text.slice(from, to);
    const found = [];
    for (const match of slice.matchAll(option)) {
        const nameStart = from + (match.index ?? 0) + match[1].length + 2;
        const name = match[2];
        const nameEnd = nameStart + name.length;
        let valueStart = nameEnd + match[3].length;
        let valueEnd = valueStart;
        let value = '';
        if (match[3] === '=') {
            // Only a quote inside the scanned window opens a quoted value (one just past `to` would give an inverted range).
            const quote = valueStart < to ? text.charAt(valueStart) : '';
            if (quote === '"' || quote === "'") {
                const close = text.indexOf(quote, valueStart + 1);
                valueStart += 1;
                valueEnd = close === -1 || close > to ? to : close;
            }
            else {
                // A command built in a double-quoted string writes its quotes escaped (`exec_cmd="… -Dx=\\"$HOME\\"/trust"`,
                // run by eval): they are part of the word, and not of the value.
                const wordEnd = (stops) => {
                    let end = valueEnd;
                    while (end < to) {
                        if (text.charAt(end) === '\\' && end + 1 < to && /["']/.test(text.charAt(end + 1)))
                            end += 2;
                        else if (stops.test(text.charAt(end)))
                            break;
                        else
                            end++;
                    }
                    return end;
                };
                valueEnd = wordEnd(/[\s"'\],;]/);
                // `;` and `,` can be part of values (cipher lists use `,`): only stop at them inside JSON arrays.
                if (valueEnd < to && (text.charAt(valueEnd) === ',' || text.charAt(valueEnd) === ';'))
                    valueEnd = wordEnd(/[\s"'\]]/);
            }
            const written = text.slice(valueStart, valueEnd);
            value = written.replace(/\\(["'])/g, '');
        }
        found.push({
            name,
            value,
            nameRange: index.rangeAt(nameStart, nameEnd),
            valueRange: index.rangeAt(valueStart, valueEnd),
            secret: (0, types_1.isSecretKey)(name),
            via,
            unresolved: exports.PLACEHOLDER.test(value),
        });
    }
    return found;
}
function propertyEntries(properties, section) {
    return properties.map((p) => ({
        key: p.name,
        value: p.value,
        keyRange: p.nameRange,
        valueRange: p.valueRange,
        section: section ?? p.via,
        secret: p.secret,
    }));
}
/** Offsets of the start of each line (for formats that work line by line but need offsets). */
function lineOffsets(text) {
    const lines = [];
    const re = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        lines.push({ start, end: m.index, text: text.slice(start, m.index) });
        start = m.index + m[0].length;
    }
    lines.push({ start, end: text.length, text: text.slice(start) });
    return lines;
}
/**
 * Joins backslash-continued lines (shell, Dockerfile): returns logical lines with the offset range they span. `removed`
 * matches lines that a continuation passes over (a Dockerfile's comment and empty lines: Docker removes them before the
 * instruction runs, https://docs.docker.com/reference/dockerfile/#format): they stay inside the logical line.
 */
function logicalLines(text, continuation = /\\$/, removed) {
    const lines = lineOffsets(text);
    const result = [];
    for (let first = 0; first < lines.length;) {
        let i = first;
        let line = lines[i]; // first < lines.length
        for (let next = lines[i + 1]; next && continuation.test(line.text); next = lines[i + 1]) {
            // Lines the continuation passes over, up to the line that continues the instruction.
            while (removed && lines[i + 2] && removed.test(next.text))
                next = lines[++i + 1];
            line = next;
            i++;
        }
        result.push({ start: lines[first].start, end: line.end, first });
        first = i + 1;
    }
    return result;
}
function basenameOf(filePath) {
    const base = (0, path_name_1.lastPathSegment)(filePath);
    // Corpus files are named `owner__repo__path__name@rev`: keep the last path part, drop the revision.
    if (!base.includes('__') && !base.includes('@'))
        return base;
    return base
        .split('__')
        .pop()
        .replace(/@[^@]*$/, '');
}
