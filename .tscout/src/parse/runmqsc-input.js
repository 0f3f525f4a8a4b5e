"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RUNMQSC_INPUT_KIND = void 0;
exports.runmqscInputs = runmqscInputs;
exports.inputsOf = inputsOf;
exports.queueManagerOf = queueManagerOf;
const container_exec_1 = require("./container-exec");
const embedded_1 = require("./embedded");
const shell_commands_1 = require("./shell-commands");
const text_1 = require("./text");
exports.RUNMQSC_INPUT_KIND = 'script.runmqsc-input';
/** runmqsc options that take a value as the next word. */
const VALUE_OPTIONS = new Set(['-u', '-w', '-m']);
/** The files a script feeds runmqsc, or undefined when it feeds none. */
function runmqscInputs(source) {
    if (!/\brunmqsc\b/.test(source.text) || !(0, embedded_1.isScript)(source.path, source.text))
        return undefined;
    const lines = (0, text_1.splitLines)(source.text);
    const inputs = [];
    for (let i = 0; i < lines.length; i++) {
        const first = i;
        let line = lines[i];
        while (/\\$/.test(line) && i + 1 < lines.length)
            line = line.slice(0, -1) + ' ' + lines[++i];
        if (!/\brunmqsc\b/.test(line) || line.trimStart().startsWith('#'))
            continue;
        const written = lines[first];
        const range = {
            start: { line: first, character: written.length - written.trimStart().length },
            end: { line: first, character: written.trimEnd().length },
        };
        for (const found of inputsOf(line))
            inputs.push({ ...found, range });
    }
    if (inputs.length === 0)
        return undefined;
    return { file: source, kind: exports.RUNMQSC_INPUT_KIND, entries: [], comments: [], problems: [], data: { inputs } };
}
/**
 * Each command of the line whose runmqsc reads a file: by `<` on its own command, or from a `cat <file> |` before
 * it. A runmqsc in the line that `su`, `runuser`, `sudo` or a shell runs with `-c` counts too: with its own `<`
 * (`su mqm -c "runmqsc QM1 < f.mqsc"`), or reading what the command that runs it reads (`su - mqm -c "runmqsc QM1"
 * < f.mqsc`, `docker exec -i qm1 bash -c "runmqsc QM1" < f.mqsc`: the calling shell opens the file). Not read: a
 * file named inside a line that runs in a container (the container's file), and a relative one inside a login
 * shell's line (`su - mqm -c "runmqsc QM1 < f.mqsc"`: `su -` starts in mqm's home directory, su(1)).
 */
function inputsOf(line) {
    const out = [];
    const commands = (0, shell_commands_1.shellCommands)(line);
    /** The file a command reads on its standard input, as the calling shell gives it. */
    const stdinOf = (command) => {
        const c = commands.indexOf(command);
        const redirected = command.redirections.find((r) => r.operator === '<' && r.descriptor === undefined)?.target;
        const previous = commands[c - 1];
        const piped = previous?.next === '|' ? catFile(previous.words.map((w) => w.text)) : undefined;
        const own = redirected?.text ?? piped;
        if (own !== undefined) {
            for (let by = command.runBy; by; by = by.runBy)
                if ((0, container_exec_1.execOf)(by.words.map((w) => w.text)))
                    return undefined;
            const login = [command.runBy, command.runBy?.runBy].some((by) => by && startsInHome(by));
            return login && !own.startsWith('/') ? undefined : { input: own };
        }
        // A command of a `-c` line that reads no file of its own reads what the command that runs it reads.
        const by = command.runBy;
        if (!by || (previous?.runBy === by && previous.next === '|'))
            return undefined;
        const outer = stdinOf(by);
        const exec = (0, container_exec_1.execOf)(by.words.map((w) => w.text));
        return outer && { ...outer, ...(exec && !outer.exec && { exec }) };
    };
    for (const command of commands) {
        const words = command.words.map((w) => w.text);
        const at = words.findIndex((w) => w.replace(/^.*\//, '') === 'runmqsc');
        if (at < 0)
            continue;
        const fed = stdinOf(command);
        if (!fed)
            continue;
        const queueManager = queueManagerOf(words.slice(at + 1));
        const exec = (0, container_exec_1.execOf)(words.slice(0, at)) ?? fed.exec;
        out.push({ input: fed.input, ...(queueManager !== undefined && { queueManager }), ...(exec && { exec }) });
    }
    return out;
}
/** `su -`, `su -l`, `runuser --login`, `sudo -i`: the command line runs in a login shell, in the user's home. */
function startsInHome(command) {
    const words = command.words.map((w) => w.text);
    const at = words.findIndex((w) => /^(su|runuser|sudo)$/.test(w.replace(/^.*\//, '')));
    if (at < 0)
        return false;
    const login = words[at].endsWith('sudo') ? /^(-i|--login|-[a-zA-Z]*i)$/ : /^(-|-l|--login)$/;
    return words.slice(at + 1).some((w) => login.test(w));
}
/** runmqsc's queue manager argument among the words after it. */
function queueManagerOf(words) {
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (VALUE_OPTIONS.has(word))
            i++;
        else if (!word.startsWith('-'))
            return word;
    }
    return undefined;
}
/** `cat <file>` alone: the file it writes to the pipe. */
function catFile(words) {
    if (words[0]?.replace(/^.*\//, '') !== 'cat')
        return undefined;
    const files = words.slice(1).filter((w) => !w.startsWith('-'));
    return files.length === 1 ? files[0] : undefined;
}
