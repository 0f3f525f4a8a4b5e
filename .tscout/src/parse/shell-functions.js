"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.valuesAtCalls = valuesAtCalls;
const shell_commands_1 = require("./shell-commands");
const shell_assignments_1 = require("./shell-assignments");
/** `name() {`, `name () {`, `function name {`, `function name() {`: the line that opens a function body. */
const OPENS_FUNCTION = /^\s*(?:function\s+([A-Za-z_][\w:.-]*)\s*(?:\(\s*\))?|([A-Za-z_][\w:.-]*)\s*\(\s*\))\s*\{?\s*$/;
/** The brace that closes a function body written at the start of a line. */
const CLOSES_FUNCTION = /^\}\s*(?:#.*)?$/;
/** `$1`, `${1}`, `$NAME`, `${NAME}`: the whole word is one plain expansion. */
const WHOLE_EXPANSION = /^\$(?:\{([A-Za-z_]\w*|\d)\}|([A-Za-z_]\w*|\d))$/;
/**
 * The values the word `written` (as the line writes it, quotes removed) of line `at` takes at each call of the
 * function around it whose argument is known; undefined when the line is in no function or the word is no parameter.
 */
function valuesAtCalls(lines, at, written) {
    const expansion = WHOLE_EXPANSION.exec(written);
    if (!expansion)
        return undefined;
    const body = functionAround(lines, at);
    if (!body)
        return undefined;
    const name = (expansion[1] ?? expansion[2]);
    const position = /^\d$/.test(name) ? Number(name) : parameterOf(lines.slice(body.open + 1, at), name);
    if (!position)
        return undefined;
    const assignments = (0, shell_assignments_1.literalAssignments)(lines, lines.length);
    const values = [];
    lines.forEach((line, i) => {
        if (i >= body.open && i <= body.close)
            return;
        for (const command of line.includes(body.name) ? (0, shell_commands_1.shellCommands)(line) : []) {
            if (command.words[0]?.text !== body.name)
                continue;
            const argument = command.words[position]?.text;
            const value = argument === undefined ? undefined : literalOf(argument, assignments);
            if (value === undefined)
                continue;
            const indent = line.length - line.trimStart().length;
            values.push({
                value,
                functionName: body.name,
                range: { start: { line: i, character: indent }, end: { line: i, character: line.trimEnd().length } },
            });
        }
    });
    return values;
}
/** The function whose body holds line `at`: its name, the line that opens it and the line that closes it. */
function functionAround(lines, at) {
    for (let i = at - 1; i >= 0; i--) {
        const line = lines[i];
        if (CLOSES_FUNCTION.test(line))
            return undefined;
        const m = OPENS_FUNCTION.exec(line);
        if (!m)
            continue;
        let close = at + 1;
        while (close < lines.length && !CLOSES_FUNCTION.test(lines[close]))
            close++;
        return close < lines.length ? { name: (m[1] ?? m[2]), open: i, close } : undefined;
    }
    return undefined;
}
/** The positional parameter a variable of the body is given (`local cname="$1" qmgr="$2"`, `cname=$1`), assigned once. */
function parameterOf(body, name) {
    const assigned = new RegExp(`(?:^|[\\s;])${name}=("?)\\$\\{?(\\d)\\}?\\1(?=[\\s;]|$)`);
    const anyAssignment = new RegExp(`(?:^|[\\s;])${name}=`);
    const found = body.filter((line) => anyAssignment.test(line));
    const m = found.length === 1 ? assigned.exec(found[0]) : null;
    return m ? Number(m[2]) : undefined;
}
/** The word's value as the shell gives it: as written, or the literal the script assigns the variable it expands. */
function literalOf(word, assignments) {
    if (!word.includes('$') && !word.includes('`'))
        return word;
    const m = WHOLE_EXPANSION.exec(word);
    const value = m ? assignments.get((m[1] ?? m[2])) : undefined;
    return value !== undefined && !value.includes('$') ? value : undefined;
}
