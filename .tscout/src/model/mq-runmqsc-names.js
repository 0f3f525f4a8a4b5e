"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.wordValues = wordValues;
exports.queueManagerNamesOfRunmqsc = queueManagerNamesOfRunmqsc;
const embedded_1 = require("../parse/embedded");
const runmqsc_input_1 = require("../parse/runmqsc-input");
const shell_assignments_1 = require("../parse/shell-assignments");
const shell_commands_1 = require("../parse/shell-commands");
const shell_functions_1 = require("../parse/shell-functions");
const mq_exec_1 = require("./mq-exec");
/** A queue manager name as MQ allows it (48 characters of A-Z a-z 0-9 . _ / %). */
const QMGR_NAME = /^[A-Za-z0-9._%/]{1,48}$/;
/**
 * The values the word `written` (quotes removed) of script line `at` takes: itself when it expands nothing; the
 * script's once-assigned literals put in; else, for a whole `$1`/`${NAME}` of a shell function, the argument of each
 * call that writes a literal. None when a value is known only when the script runs.
 */
function wordValues(lines, at, written) {
    if (!written.includes('$') && !written.includes('`'))
        return [{ value: written }];
    const value = (0, shell_assignments_1.expandWord)(written, (0, shell_assignments_1.shellValues)(lines, at));
    if (value !== undefined)
        return [{ value }];
    return ((0, shell_functions_1.valuesAtCalls)(lines, at, written) ?? []).map((c) => ({
        value: c.value,
        call: { range: c.range, functionName: c.functionName },
    }));
}
/** Whether the calling shell expands the word (it is not inside a single-quoted `-c` string of the line). */
function expandedByScript(line, word) {
    const offset = word.offsets[0];
    return offset === undefined || (0, embedded_1.openQuoteAt)(line, offset) !== "'";
}
/**
 * The queue managers that the runmqsc reading the embedded MQSC `mqsc` (a heredoc, an `echo … |`) is given through a
 * variable or a function's argument, each named where the script gives it; literal words are left to the scripts'
 * own names (./mq-qmgr-names.ts queueManagerNamesBeside).
 */
function queueManagerNamesOfRunmqsc(mqsc) {
    const opener = (0, mq_exec_1.runmqscLineOf)(mqsc);
    if (!opener)
        return [];
    const { lines, at, line, range } = opener;
    const names = [];
    for (const command of (0, shell_commands_1.shellCommands)(line, 0, line.length)) {
        const words = command.words;
        const k = words.findIndex((w) => w.text.replace(/^.*\//, '') === 'runmqsc');
        if (k < 0)
            continue;
        const written = (0, runmqsc_input_1.queueManagerOf)(words.slice(k + 1).map((w) => w.text));
        const word = words.slice(k + 1).find((w) => w.text === written);
        if (written === undefined || !word || !written.includes('$'))
            continue;
        if (!expandedByScript(line, word))
            continue;
        for (const { value, call } of wordValues(lines, at, written)) {
            const name = value.toUpperCase();
            if (!QMGR_NAME.test(value) || names.some((n) => n.name === name))
                continue;
            names.push({
                name,
                location: call
                    ? {
                        file: mqsc.file.path,
                        range: call.range,
                        message: `queue manager ${name} named here: this call of ${call.functionName} runs the MQSC with runmqsc ${written}`,
                    }
                    : {
                        file: mqsc.file.path,
                        range,
                        message: `queue manager ${name} named here: runmqsc ${written}, which this script sets to ${value}`,
                    },
            });
        }
    }
    return names;
}
