"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ScriptAssignments = void 0;
exports.shellValues = shellValues;
exports.literalAssignments = literalAssignments;
exports.expandWord = expandWord;
exports.lastAssignedValue = lastAssignedValue;
exports.substituteAssignments = substituteAssignments;
/** `NAME=value`, `export NAME="value"`, `readonly NAME='value'`: a literal value (no expansion) and nothing after. */
const LITERAL_ASSIGNMENT = /^(?:export\s+|readonly\s+)?([A-Za-z_]\w*)=(?:"([^"$`\\]*)"|'([^']*)'|([^\s"'$`\\;&|<>()]*))\s*(?:#.*)?$/;
/** `NAME="${NAME:-value}"`, `export NAME=${NAME-value}`: the variable's own default (a literal), and nothing after. */
const SELF_DEFAULT = /^(?:export\s+|readonly\s+)?([A-Za-z_]\w*)=("?)\$\{([A-Za-z_]\w*):?[-=]([^}$`"'\\\s]*)\}\2\s*(?:#.*)?$/;
/** Any assignment of a name (also `local X=`, `X+=`, inside a line): a second one makes the value conditional. */
const ANY_ASSIGNMENT = /(?:^|[\s;&|(])(?:export\s+|readonly\s+|local\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_]\w*)\+?=/g;
/**
 * `$NAME`, `${NAME}`, and `${NAME:-value}` / `${NAME-value}` / `${NAME:=value}` with a literal default (other
 * modifiers depend on the environment).
 */
const EXPANSION = /\$\{([A-Za-z_]\w*)(?:(:?)[-=]([^}$`"'\\]*))?\}|\$([A-Za-z_]\w*)/g;
/** How many times the script assigns each name (`read NAME`, `for NAME in` count as many: set at run time). */
function assignmentCounts(lines) {
    const count = new Map();
    for (const line of lines) {
        if (line.trimStart().startsWith('#'))
            continue;
        for (const m of line.matchAll(ANY_ASSIGNMENT))
            count.set(m[1], (count.get(m[1]) ?? 0) + 1);
        for (const m of line.matchAll(/\b(?:read(?:\s+-\w+)*|for)\s+([A-Za-z_]\w*)/g))
            count.set(m[1], 2);
    }
    return count;
}
/**
 * A script's assignments, read once: a script that feeds many heredocs (vdesabou/kafka-docker-playground@95b2d38d1 scripts of
 * thousands of lines) asked for its values before each one and counted every assignment again each time.
 */
class ScriptAssignments {
    count;
    /** The once-assigned literal values and self-defaults, in line order. */
    literals = [];
    constructor(lines) {
        this.count = assignmentCounts(lines);
        for (let i = 0; i < lines.length; i++) {
            const m = LITERAL_ASSIGNMENT.exec(lines[i]);
            if (m && this.count.get(m[1]) === 1)
                this.literals.push({ line: i, name: m[1], value: m[2] ?? m[3] ?? m[4] ?? '', defaulted: false });
            const d = m ? null : SELF_DEFAULT.exec(lines[i]);
            if (d && d[1] === d[3] && this.count.get(d[1]) === 1)
                this.literals.push({ line: i, name: d[1], value: d[4], defaulted: true });
        }
    }
    /** The literal values of variables the script assigns once, unindented, before line `before` (zero-based). */
    before(before) {
        const values = new Map();
        const defaulted = new Set();
        for (const literal of this.literals) {
            if (literal.line >= before)
                break;
            values.set(literal.name, literal.value);
            if (literal.defaulted)
                defaulted.add(literal.name);
        }
        return { values, defaulted, assigned: new Set(this.count.keys()) };
    }
}
exports.ScriptAssignments = ScriptAssignments;
/** The literal values of variables the script assigns once, unindented, before line `before` (zero-based). */
function shellValues(lines, before) {
    return new ScriptAssignments(lines).before(before);
}
/** The literal values of variables the script assigns once, unindented, before line `before` (zero-based). */
function literalAssignments(lines, before) {
    return shellValues(lines, before).values;
}
/**
 * What one expansion gives (`$X`, `${X}`, `${X:-v}`): the script's value, else the default written in it for a name
 * the script never assigns; `defaulted` when the value is a default. Undefined when known only at run time.
 */
function valueOf(m, known) {
    const name = (m[1] ?? m[4]);
    const value = known.values.get(name);
    if (known.defaults === false)
        return value !== undefined && !known.defaulted.has(name) && m[3] === undefined
            ? { value, defaulted: false }
            : undefined;
    const fallback = m[3];
    // `${X:-v}` gives v when X is empty too; `${X-v}` only when X is unset.
    if (value !== undefined && !(fallback !== undefined && m[2] === ':' && value === '')) {
        return { value, defaulted: known.defaulted.has(name) };
    }
    if (fallback !== undefined && !known.assigned.has(name))
        return { value: fallback, defaulted: true };
    return undefined;
}
/** The word with each expansion replaced as the shell would (valueOf); undefined when one is known only at run time. */
function expandWord(word, known) {
    let out = '';
    let at = 0;
    for (const m of word.matchAll(EXPANSION)) {
        const found = valueOf(m, known);
        if (!found)
            return undefined;
        out += word.slice(at, m.index) + found.value;
        at = (m.index ?? 0) + m[0].length;
    }
    out += word.slice(at);
    return out.includes('$') || out.includes('`') ? undefined : out;
}
/**
 * The value as written (quotes removed, expansions kept: `${OUTPUT_DIR}/ssl-demo.conf`) of the last `NAME=…`
 * (`export`, `readonly`, `local`) above line `before`, whatever its value; undefined when none is.
 */
function lastAssignedValue(lines, name, before) {
    const assignment = new RegExp(`^\\s*(?:export\\s+|readonly\\s+|local\\s+)?${name}=(["']?)([^"'\\s]+)\\1\\s*(?:#.*)?$`);
    for (let k = Math.min(before, lines.length) - 1; k >= 0; k--) {
        const value = assignment.exec(lines[k])?.[2]; // k < lines.length
        if (value !== undefined)
            return value;
    }
    return undefined;
}
/**
 * The region with each `$NAME`/`${NAME}`/`${NAME:-v}` of a known value replaced by it; every line keeps a map from its
 * new columns to the columns of the text as written, so positions stay in the enclosing file (a replaced expansion
 * spans the expansion). A value that is a default is listed in `defaults` with where its expansion is written.
 */
function substituteAssignments(region, known) {
    let changed = false;
    const defaults = [];
    const lines = region.lines.map((line) => {
        // Pieces of the new text: [new start, new end, written start, written end, replaced].
        const pieces = [];
        let text = '';
        let at = 0;
        for (const m of line.text.matchAll(EXPANSION)) {
            const found = valueOf(m, known);
            if (found === undefined)
                continue;
            const start = m.index ?? 0;
            if (found.defaulted)
                defaults.push({
                    name: (m[1] ?? m[4]),
                    line: line.line,
                    start: line.column + start,
                    end: line.column + start + m[0].length,
                });
            pieces.push([text.length, text.length + start - at, at, start, false]);
            text += line.text.slice(at, start);
            pieces.push([text.length, text.length + found.value.length, start, start + m[0].length, true]);
            text += found.value;
            at = start + m[0].length;
        }
        if (pieces.length === 0)
            return line;
        changed = true;
        pieces.push([text.length, text.length + line.text.length - at, at, line.text.length, false]);
        text += line.text.slice(at);
        const written = (character) => {
            for (const [from, to, writtenFrom, writtenTo, replaced] of pieces) {
                if (character < from || character > to)
                    continue;
                if (!replaced)
                    return writtenFrom + (character - from);
                return character === from ? writtenFrom : writtenTo;
            }
            return line.text.length;
        };
        return { ...line, text, written };
    });
    return changed ? { ...region, lines, ...(defaults.length > 0 && { defaults }) } : region;
}
