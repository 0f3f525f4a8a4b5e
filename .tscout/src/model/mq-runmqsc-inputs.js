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
exports.mqscFedByScripts = mqscFedByScripts;
/**
 * The MQSC files of the tree that scripts feed runmqsc on its standard input (src/parse/runmqsc-input.ts):
 * `runmqsc QM1 < mqsc/dev.mqsc` runs that file on queue manager QM1, and `docker exec -i qm1 runmqsc QM1 < dev.mqsc`
 * runs it there in the container named qm1, the Compose service whose container_name is qm1 (./mq-exec.ts), as MQSC
 * written in the script itself already is. The file is the one the path names from the script's directory, else
 * from the deployment root (where a script is run from is not written); a path the script builds from a value known
 * only when it runs, or an absolute one (a host path outside the tree), ties nothing.
 */
const path = __importStar(require("node:path"));
const runmqsc_input_1 = require("../parse/runmqsc-input");
const text_1 = require("../parse/text");
const mq_exec_1 = require("./mq-exec");
const mq_runmqsc_names_1 = require("./mq-runmqsc-names");
/** A queue manager name as MQ allows it. */
const QMGR_NAME = /^[A-Za-z0-9._%/]{1,48}$/;
/**
 * The script's own directory as scripts compute it: `$(dirname "$0")`, `$(dirname "${BASH_SOURCE[0]}")` (a command
 * substitution stays as written in its word, quotes inside included).
 */
const SCRIPT_DIR = /^\$\(dirname ("?)\$(?:0|\{0\}|\{BASH_SOURCE(?:\[0\])?\}|BASH_SOURCE)\1\)\//;
/** Per MQSC file path of the tree: the script commands that feed it to runmqsc. */
function mqscFedByScripts(documents, mqscPaths, root, composeFiles) {
    const fed = new Map();
    for (const doc of documents) {
        if (doc.kind !== runmqsc_input_1.RUNMQSC_INPUT_KIND)
            continue;
        const script = doc.file.path;
        const lines = (0, text_1.splitLines)(doc.file.text);
        for (const { input, queueManager, exec, range } of doc.data.inputs) {
            const file = treeFile(input, script, root, mqscPaths, lines, range.start.line);
            if (!file)
                continue;
            const at = { file: script, range, message: `this command runs ${path.basename(file)} with runmqsc` };
            const service = exec ? (0, mq_exec_1.serviceOfExec)(exec, { path: script, lines, range }, composeFiles) : undefined;
            // `docker exec -i "$1" runmqsc …` in a shell function: the container of each call.
            const atCalls = exec && !service ? (0, mq_exec_1.servicesAtCalls)(exec, { path: script, lines, at: range.start.line }, composeFiles) : [];
            // The queue manager as written, as the script sets it, or as each call of the function around it gives it.
            const named = (queueManager === undefined ? [] : (0, mq_runmqsc_names_1.wordValues)(lines, range.start.line, queueManager)).filter(({ value }) => QMGR_NAME.test(value));
            const nameOf = (value, call) => {
                const name = value.toUpperCase();
                const how = call ? `this call of ${call.functionName} runs ${path.basename(file)} with runmqsc` : at.message;
                return {
                    name,
                    location: { ...at, ...(call && { range: call.range }), message: `queue manager ${name} named here: ${how}` },
                };
            };
            const runs = named.some((n) => n.call)
                ? named.map(({ value, call }) => ({
                    queueManager: nameOf(value, call),
                    service: service ?? atCalls.find((s) => s.execs?.range?.start.line === call?.range.start.line),
                }))
                : (service ? [service] : atCalls.length > 0 ? atCalls : [undefined]).map((s) => ({
                    ...(named[0] && { queueManager: nameOf(named[0].value) }),
                    service: s,
                }));
            for (const { queueManager: qm, service: s } of runs)
                fed.set(file, [...(fed.get(file) ?? []), { at, ...(qm && { queueManager: qm }), ...(s && { service: s }) }]);
        }
    }
    return fed;
}
/** The tree MQSC file a written path names from the script's directory, else from the deployment root. */
function treeFile(written, script, root, mqscPaths, lines, at) {
    const dir = path.dirname(script);
    const own = SCRIPT_DIR.exec(written);
    // A path a function's calls give would be a file per call: not followed.
    const rest = (0, mq_runmqsc_names_1.wordValues)(lines, at, own ? written.slice(own[0].length) : written).find((v) => !v.call)?.value;
    if (rest === undefined || path.isAbsolute(rest))
        return undefined;
    const bases = own ? [dir] : [dir, root];
    return bases.map((base) => path.resolve(base, rest)).find((candidate) => mqscPaths.has(candidate));
}
