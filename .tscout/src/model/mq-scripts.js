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
exports.mqscScripts = mqscScripts;
exports.mqscScriptsOf = mqscScriptsOf;
exports.commandLocation = commandLocation;
exports.commandText = commandText;
exports.objectHistory = objectHistory;
/**
 * The MQSC scripts of the tree's queue managers: each MQSC document alone, or the files one queue manager applies in
 * order combined into one script, so that a later file's ALTER, SET, DELETE or DEFINE REPLACE changes what an earlier
 * file defined (docs/mq-scripts.md). Files combine when MQ applies them together:
 * - numbered MQSC files of one directory (`10-dev.mqsc`, `20-dev-tls.mqsc`): the mq-container convention, whose
 *   queue manager is created with `crtmqm -ic /etc/mqm/` and so applies every `*.mqsc` there in name order
 *   (ibm-messaging/mq-container cmd/runmqserver/qmgr.go, getCreateQueueManagerArgs);
 * - the `*.mqsc` files of the directory a qm.ini names in `AutoConfig: MQSCConfig=<dir>` (IBM MQ 9.2 "Automatic
 *   configuration from an MQSC script at startup": every `*.mqsc` of the directory, in alphabetical order, at each start).
 * Every command of a combined script keeps its file (MqscCommand.file, MqscParam.file), so locations name the file
 * and line that wrote each value.
 */
const path = __importStar(require("node:path"));
const mq_ini_1 = require("../parse/mq-ini");
const mqsc_objects_1 = require("../parse/mq/mqsc-objects");
/** `10-dev.mqsc`, `20_tls.mqsc.tpl`: a name that orders the file among its directory's scripts. */
const NUMBERED = /^\d+[-_.][^/]*\.mqsc(\.tpl|\.template)?$/i;
/** A corpus copy of an older revision (`x.mqsc@d56fce65`) is never applied with the current files. */
const REVISION = /@[0-9a-f]{6,40}$/i;
/** The tree's MQSC scripts in document order: one per queue manager whose files combine, one per other MQSC document. */
function mqscScripts(documents) {
    const mqsc = documents.filter((d) => d.kind === 'mq.mqsc');
    const groupOf = new Map();
    const autoConfigDirs = mqscConfigDirs(documents, mqsc);
    for (const doc of mqsc) {
        if (doc.data.embedded)
            continue;
        const dir = path.dirname(doc.file.path);
        const base = path.basename(doc.file.path);
        if (REVISION.test(base))
            continue;
        if (autoConfigDirs.has(dir) ? /\.mqsc$/i.test(base) : NUMBERED.test(base))
            groupOf.set(doc, dir);
    }
    const groups = new Map();
    for (const [doc, dir] of groupOf)
        groups.set(dir, [...(groups.get(dir) ?? []), doc]);
    const scripts = [];
    const done = new Set();
    for (const doc of mqsc) {
        const dir = groupOf.get(doc);
        const members = dir === undefined ? undefined : groups.get(dir);
        if (!members || members.length < 2)
            scripts.push(doc);
        else if (!done.has(dir)) {
            done.add(dir); // dir is set when members is
            scripts.push(combined(members));
        }
    }
    return scripts;
}
/** Byte order of the file names, as Go's filepath.Glob and MQ's alphabetical order sort them. */
const byName = (a, b) => {
    const x = path.basename(a.file.path);
    const y = path.basename(b.file.path);
    return x < y ? -1 : x > y ? 1 : 0;
};
function combined(members) {
    const ordered = [...members].sort(byName);
    const commands = ordered.flatMap((doc) => doc.data.commands.map((c) => placed(c, doc.file.path)));
    const first = ordered[0]; // a combined script has two members or more
    return {
        ...first,
        entries: [],
        comments: [],
        problems: [],
        data: { commands, objects: (0, mqsc_objects_1.resolveMqscObjects)(commands), embedded: false, members: ordered },
    };
}
function placed(command, file) {
    return {
        ...command,
        file,
        name: command.name && { ...command.name, file },
        params: command.params.map((p) => ({ ...p, file })),
    };
}
/** Tree directories a qm.ini in the tree names as its `AutoConfig: MQSCConfig` directory (at or below the ini). */
function mqscConfigDirs(documents, mqsc) {
    const dirs = new Set();
    for (const ini of documents) {
        if (ini.kind !== 'mq.qm-ini')
            continue;
        const configured = (0, mq_ini_1.iniValue)(ini.data, 'AutoConfig', 'MQSCConfig')?.value.trim();
        if (!configured || /\.mqsc$/i.test(configured))
            continue; // one file: nothing to combine
        const last = configured
            .replace(/[\\/]+$/, '')
            .split(/[\\/]/)
            .pop();
        if (!last)
            continue;
        const iniDir = path.dirname(ini.file.path);
        for (const doc of mqsc) {
            const dir = path.dirname(doc.file.path);
            if (path.basename(dir) === last && (dir === iniDir || dir.startsWith(iniDir + path.sep)))
                dirs.add(dir);
        }
    }
    return dirs;
}
/** The deployment's MQSC scripts as the model combined them (computed here for a deployment built without the model). */
function mqscScriptsOf(deployment) {
    return deployment.mqscScripts ?? mqscScripts(deployment.documents);
}
/** Where an MQSC command is written: its own file in a combined script, else the script's file. */
function commandLocation(script, command) {
    return { file: command.file ?? script.file.path, range: command.range };
}
/** A command in words for messages: `ALTER CHANNEL(DEV.APP.SVRCONN)`. */
function commandText(command) {
    return `${command.verb}${command.noun ? ` ${command.noun}(${command.name?.value ?? ''})` : ''}`;
}
/**
 * Related locations telling an object's story in the script: where it is defined, where it was last altered, and the
 * commands on it that MQ refuses (they change nothing), minus the command the finding sits in.
 */
function objectHistory(script, noun, object, label, primary) {
    const out = [];
    const at = (command, message) => {
        const location = commandLocation(script, command);
        // The command the finding sits in (a DEFINE continued over several lines) is not a place of its own.
        const line = primary.range?.start.line ?? -1;
        const within = location.file === primary.file && command.range.start.line <= line && line <= command.range.end.line;
        if (!within)
            out.push({ ...location, message });
    };
    if (object.definedBy)
        at(object.definedBy, `${label} defined here`);
    const lastAlter = object.commands.filter((c) => c.verb === 'ALTER').at(-1);
    if (lastAlter)
        at(lastAlter, `${label} last altered here`);
    const refused = script.data.objects.failed.filter((f) => f.noun === noun && f.key === object.name);
    for (const f of refused)
        at(f.command, f.reason === 'exists'
            ? `this DEFINE fails (the object already exists, AMQ8150) and changes nothing`
            : `this ALTER fails on a new queue manager (object not found, AMQ8147) and changes nothing`);
    return out;
}
