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
exports.runmqscLineOf = runmqscLineOf;
exports.servicesExecutingMqsc = servicesExecutingMqsc;
exports.servicesAtCalls = servicesAtCalls;
exports.serviceOfExec = serviceOfExec;
/**
 * The Docker Compose service in whose container a script runs an MQSC: `docker exec -i qm1 runmqsc QM1 <<EOF … EOF`
 * (or `docker exec qm1 bash -c "echo '…' | runmqsc QM1"`) runs it on the queue manager of the container named qm1,
 * which is the service whose `container_name:` is qm1 (https://docs.docker.com/reference/compose-file/services/#container_name);
 * `docker compose exec qm1 …` names the service itself. The service is taken only when exactly one service of the
 * deployment's Compose files has that name; a name the script fills in counts only when the script assigns it once, to
 * a literal (src/parse/shell-assignments.ts). Inside a shell function (`docker exec "$1" runmqsc …`, or a local the
 * function gives `$1`), each call of the function whose argument is a literal names a container: the MQSC runs in each
 * (src/parse/shell-functions.ts), and every such service is one of the queue managers it configures.
 */
const path = __importStar(require("node:path"));
const container_exec_1 = require("../parse/container-exec");
const embedded_1 = require("../parse/embedded");
const shell_assignments_1 = require("../parse/shell-assignments");
const shell_functions_1 = require("../parse/shell-functions");
const text_1 = require("../parse/text");
/** MQSC fed to runmqsc by the line that opens it (the heredoc's line above its body, or the echo's own line). */
const OPENED_ABOVE = { 'heredoc to runmqsc': true, 'echo to runmqsc': false };
/** `$NAME`, `${NAME}`: the whole word is one plain expansion. */
const WHOLE_EXPANSION = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))$/;
/** The line of a script that feeds the embedded MQSC `mqsc` to runmqsc; undefined for any other document. */
function runmqscLineOf(mqsc) {
    const embedded = mqsc.embedded;
    const above = embedded ? OPENED_ABOVE[embedded.container] : undefined;
    if (!embedded || above === undefined || !(0, embedded_1.isScript)(mqsc.file.path, mqsc.file.text))
        return undefined;
    const lines = (0, text_1.splitLines)(mqsc.file.text);
    const at = embedded.range.start.line - (above ? 1 : 0);
    const line = lines[at];
    if (line === undefined || !/\brunmqsc\b/.test(line))
        return undefined;
    const indent = line.length - line.trimStart().length;
    return {
        lines,
        at,
        line,
        range: { start: { line: at, character: indent }, end: { line: at, character: line.trimEnd().length } },
    };
}
function servicesExecutingMqsc(mqsc, composeFiles) {
    const opener = composeFiles.length > 0 ? runmqscLineOf(mqsc) : undefined;
    if (!opener)
        return [];
    const { lines, at, line, range } = opener;
    return (0, container_exec_1.containerExecs)(line).flatMap((exec) => {
        const found = serviceOfExec(exec, { path: mqsc.file.path, lines, range }, composeFiles);
        return found ? [found] : servicesAtCalls(exec, { path: mqsc.file.path, lines, at }, composeFiles);
    });
}
/**
 * `docker exec "$1" runmqsc …` on line `script.at` of a shell function: the service of the container each call of
 * the function names, one per call (its `execs` is the call), in the order of the calls.
 */
function servicesAtCalls(exec, script, composeFiles) {
    return ((0, shell_functions_1.valuesAtCalls)(script.lines, script.at, exec.name) ?? []).flatMap((call) => {
        const called = serviceOfExec({ ...exec, name: call.value }, { path: script.path, lines: script.lines, range: call.range }, composeFiles);
        return called?.execs
            ? [
                {
                    ...called,
                    execs: {
                        ...called.execs,
                        message: called.execs.message.replace('this command', `this call of ${call.functionName}`),
                    },
                },
            ]
            : [];
    });
}
/**
 * The Compose service a script's `docker exec` (at `script.range`) runs in: the one service of the deployment's Compose
 * files with that container_name (or, for `docker compose exec`, that name), with the command as `execs`; else none.
 */
function serviceOfExec(exec, script, composeFiles) {
    const name = literalName(exec.name, () => (0, shell_assignments_1.literalAssignments)(script.lines, script.range.start.line));
    if (!name)
        return undefined;
    const matches = composeFiles.flatMap((doc) => named(doc, exec, script.path)
        ? doc.data.services
            .filter((s) => (exec.by === 'container' ? s.containerName?.value : s.name) === name)
            .map((service) => ({ doc, service }))
        : []);
    const [only] = matches;
    if (!only || matches.length > 1)
        return undefined;
    return {
        ...only,
        execs: {
            file: script.path,
            range: script.range,
            message: `this command runs the MQSC in the container of Compose service ${only.service.name}${exec.by === 'container' ? ` (container_name: ${name})` : ''}`,
        },
    };
}
/** The name as the shell gives it: as written, or the literal the script assigns the variable it expands. */
function literalName(written, assignments) {
    if (!written.includes('$'))
        return written;
    const m = WHOLE_EXPANSION.exec(written);
    const value = m ? assignments().get((m[1] ?? m[2])) : undefined;
    return value && !value.includes('$') ? value : undefined;
}
/** Whether `docker compose -f …` names this Compose file (relative to the script, or as the end of its path); no -f: any. */
function named(doc, exec, script) {
    if (exec.by === 'container' || exec.composeFiles.length === 0)
        return true;
    return exec.composeFiles.some((f) => {
        const written = path.normalize(f);
        return (path.resolve(path.dirname(script), written) === doc.file.path ||
            doc.file.path.endsWith(path.sep + written.replace(/^(\.\/)+/, '')));
    });
}
