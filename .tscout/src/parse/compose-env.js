"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dotEnvVariables = dotEnvVariables;
exports.renderComposeEnv = renderComposeEnv;
const rendered_1 = require("./rendered");
const text_1 = require("./text");
const types_1 = require("./types");
/** The variables of a `.env` file, in order. A value that refers to a variable the file does not set is unknown: left out. */
function dotEnvVariables(text) {
    const index = new text_1.LineIndex(text);
    const known = new Map();
    const variables = [];
    const ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][\w.-]*)[ \t]*=[ \t]*/gm;
    let resumeAt = 0;
    for (const m of text.matchAll(ASSIGNMENT)) {
        if (m.index < resumeAt)
            continue; // inside a quoted value that spans lines
        const start = m.index + m[0].length - m[0].trimStart().length;
        const nameStart = m.index + m[1].length;
        const name = m[2];
        const read = readValue(text, m.index + m[0].length);
        resumeAt = read.end;
        const value = read.interpolated ? interpolate(read.value, known) : read.value;
        if (value === undefined) {
            known.delete(name);
            continue;
        }
        known.set(name, value);
        variables.push({
            name,
            value,
            range: index.rangeAt(start, read.valueEnd + (read.quoted ? 1 : 0)),
            nameRange: index.rangeAt(nameStart, nameStart + name.length),
            valueRange: index.rangeAt(read.valueStart, read.valueEnd),
            secret: (0, types_1.isSecretKey)(name),
        });
    }
    // A later assignment of a name wins.
    const last = new Map(variables.map((v) => [v.name, v]));
    return variables.filter((v) => last.get(v.name) === v);
}
const ESCAPES = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
/** A value from `at`: single-quoted (literal), double-quoted (escapes, interpolated) or bare (to ` #` or the line end). */
function readValue(text, at) {
    const quote = text.charAt(at);
    if (quote === "'" || quote === '"') {
        let value = '';
        let i = at + 1;
        for (; i < text.length && text.charAt(i) !== quote; i++) {
            const ch = text.charAt(i);
            if (ch === '\\' && i + 1 < text.length) {
                const next = text.charAt(i + 1);
                const escaped = quote === '"' ? ESCAPES[next] : undefined;
                if (escaped !== undefined) {
                    value += escaped;
                    i++;
                    continue;
                }
                if (next === quote) {
                    value += quote;
                    i++;
                    continue;
                }
            }
            value += ch;
        }
        return { value, valueStart: at + 1, valueEnd: i, end: i + 1, quoted: true, interpolated: quote === '"' };
    }
    let end = at;
    while (end < text.length && text.charAt(end) !== '\n' && text.charAt(end) !== '\r')
        end++;
    const line = text.slice(at, end);
    const comment = /(^|[ \t])#/.exec(line);
    const value = (comment ? line.slice(0, comment.index) : line).trimEnd();
    return { value, valueStart: at, valueEnd: at + value.length, end, quoted: false, interpolated: true };
}
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATOR = /:-|:\?|:\+|-|\?|\+/y;
/** The references of `text`, in order (`$$` is a literal `$`; an unclosed `${` is none). */
function references(text) {
    const found = [];
    for (let i = text.indexOf('$'); i !== -1 && i < text.length; i = text.indexOf('$', i)) {
        const next = text.charAt(i + 1);
        if (next === '$') {
            i += 2;
            continue;
        }
        if (next === '{') {
            NAME.lastIndex = i + 2;
            const name = NAME.exec(text)?.[0];
            if (!name) {
                i += 2;
                continue;
            }
            let at = i + 2 + name.length;
            OPERATOR.lastIndex = at;
            const op = text.charAt(at) === '}' ? undefined : OPERATOR.exec(text)?.[0];
            if (op)
                at += op.length;
            const close = closingBrace(text, at);
            if (close === -1 || (!op && close !== at)) {
                i += 2;
                continue;
            }
            found.push({ start: i, end: close + 1, name, op, word: op ? text.slice(at, close) : undefined });
            i = close + 1;
            continue;
        }
        NAME.lastIndex = i + 1;
        const name = NAME.exec(text)?.[0];
        if (name)
            found.push({ start: i, end: i + 1 + name.length, name });
        i += 1 + (name?.length ?? 0);
    }
    return found;
}
/** The `}` that closes a `${` whose word starts at `from` (a nested `${…}` inside the word is skipped). */
function closingBrace(text, from) {
    let depth = 0;
    for (let i = from; i < text.length; i++) {
        const ch = text.charAt(i);
        if (ch === '\n')
            return -1;
        if (ch === '$' && text.charAt(i + 1) === '{') {
            depth++;
            i++;
        }
        else if (ch === '}') {
            if (depth === 0)
                return i;
            depth--;
        }
    }
    return -1;
}
/** What a reference resolves to with `known` variables; undefined when the shell could decide it (unknown). */
function resolve(ref, known) {
    const value = known.get(ref.name);
    if (value === undefined)
        return undefined;
    const word = () => interpolate(ref.word ?? '', known);
    switch (ref.op) {
        case undefined:
        case '-':
        case '?':
            return value;
        case ':-':
            return value !== '' ? value : word();
        case ':?':
            return value !== '' ? value : undefined;
        case ':+':
            return value !== '' ? word() : '';
        case '+':
            return word();
        default:
            return undefined;
    }
}
/** The text with every reference resolved; undefined when one is unknown. `$$` stays as written. */
function interpolate(text, known) {
    let out = '';
    let at = 0;
    for (const ref of references(text)) {
        const value = resolve(ref, known);
        if (value === undefined)
            return undefined;
        out += text.slice(at, ref.start) + value;
        at = ref.end;
    }
    return out + text.slice(at);
}
/**
 * Characters a value put into the YAML text cannot hold without changing how the YAML reads (a quote, a line break,
 * a comment, a flow collection's punctuation, a `key: value` separator); such a value stays a placeholder.
 */
const UNSAFE_IN_YAML = /["'\\\r\n#,[\]{}]|: |:$|^[\s*&!|>%@`]|^[-?:](\s|$)|\s$/;
/** The key a reference is written after on its line (`- KEYSTORE_PW=${PW}`, `-Dx.password=${PW}`), to know a secret. */
function keyBefore(line, at) {
    return /([\w.-]+)\s*[=:]\s*["']?$/.exec(line.slice(0, at))?.[1] ?? '';
}
/**
 * The Compose file's text with each reference to a variable its `.env` sets put in (positions mapped back to the
 * reference), and the references as substituted template spans that name the `.env` line; undefined when none is.
 */
function renderComposeEnv(source, envFile, variables) {
    if (variables.length === 0 || !source.includes('$'))
        return undefined;
    const known = new Map(variables.map((v) => [v.name, v.value]));
    const byName = new Map(variables.map((v) => [v.name, v]));
    const index = new text_1.LineIndex(source);
    const replacements = [];
    const spans = [];
    let lineStart = 0;
    for (const line of source.split('\n')) {
        const lineEnd = lineStart + line.length;
        // A comment line is no value: nothing there is interpolated.
        if (!/^\s*#/.test(line))
            for (const ref of references(line)) {
                const value = resolve(ref, known);
                const variable = byName.get(ref.name);
                if (value === undefined || !variable || UNSAFE_IN_YAML.test(value))
                    continue;
                const start = lineStart + ref.start;
                const end = lineStart + ref.end;
                const from = { file: envFile, range: variable.range };
                replacements.push({ cutStart: start, cutEnd: end, spanStart: start, spanEnd: end, text: value });
                spans.push({
                    kind: 'value',
                    engine: 'compose',
                    text: line.slice(ref.start, ref.end),
                    start,
                    end,
                    range: index.rangeAt(start, end),
                    substituted: {
                        key: ref.name,
                        value,
                        from,
                        secret: variable.secret || (0, types_1.isSecretKey)(keyBefore(line, ref.start)),
                    },
                });
            }
        lineStart = lineEnd + 1;
    }
    if (replacements.length === 0)
        return undefined;
    return {
        rendered: new rendered_1.RenderedText(source, source, replacements),
        template: { engines: ['compose'], spans, masked: source, branches: [] },
    };
}
