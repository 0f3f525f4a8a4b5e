"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mqscFormat = void 0;
exports.parseMqsc = parseMqsc;
const types_1 = require("./types");
const text_1 = require("./text");
const yaml_blocks_1 = require("./yaml-blocks");
const mqsc_syntax_1 = require("./mq/mqsc-syntax");
const mqsc_objects_1 = require("./mq/mqsc-objects");
const path_name_1 = require("../core/path-name");
const MQSC_EXTENSIONS = /\.(mqsc|mqs|in)(\.tpl|\.template)?$/i;
/** A corpus/history suffix (`file.mqsc@d56fce65`) is not part of the name. */
const stripRevision = (name) => name.replace(/@[0-9a-f]{6,40}$/i, '');
const YAML_EXTENSIONS = /\.(ya?ml)(_template|\.tpl)?$/i;
const EMBEDDED_KEY = /^(\s*)([\w.-]+\.mqsc)\s*:\s*[|>][-+]?\s*$/;
const COMMAND_START = /^\s*(DEFINE|DEF|ALTER|SET|START|STOP|REFRESH|DELETE|DISPLAY|DIS)\s+(CHANNEL|CHL|QMGR|CHLAUTH|QLOCAL|QL|AUTHINFO|AUTHREC|LISTENER|SECURITY)\b/im;
exports.mqscFormat = {
    id: 'mqsc',
    classify(path, head) {
        const base = stripRevision((0, path_name_1.lastPathSegment)(path));
        if (MQSC_EXTENSIONS.test(base) && (!/\.in$/i.test(base) || COMMAND_START.test(head)))
            return 'mq.mqsc';
        if (YAML_EXTENSIONS.test(base) && yamlDocumentsWithMqsc(head) === 1)
            return 'mq.mqsc';
        return undefined;
    },
    parse(file, kind) {
        return parseMqsc(file, kind);
    },
};
/**
 * How many YAML documents of a text hold `*.mqsc: |` keys. The keys of one document (one ConfigMap, one Helm template)
 * are one queue manager's script, read as one; keys spread over several documents (ibm-cloudintegration/mqoncp4i's
 * unicluster.yaml_template: three ConfigMaps, each named by its own QueueManager) belong to different queue managers,
 * and each key is then read as a document of its own (src/parse/embedded.ts).
 */
function yamlDocumentsWithMqsc(text) {
    let documents = 0;
    let counted = false;
    for (const line of text.split(/\r\n|\r|\n/)) {
        if (/^---(\s|$)/.test(line))
            counted = false;
        else if (!counted && EMBEDDED_KEY.test(line)) {
            documents++;
            counted = true;
        }
    }
    return documents;
}
function parseMqsc(file, kind = 'mq.mqsc') {
    const physical = (0, text_1.splitLines)(file.text);
    const embedded = !MQSC_EXTENSIONS.test(stripRevision(file.path)) && physical.some((l) => EMBEDDED_KEY.test(l));
    const lines = embedded ? embeddedLines(physical) : physical.map((text, line) => ({ line, column: 0, text }));
    const comments = [];
    const problems = [];
    const commands = [];
    for (const chars of (0, mqsc_syntax_1.joinCommands)(lines, comments)) {
        const command = (0, mqsc_syntax_1.parseCommand)(chars, problems);
        if (command)
            commands.push(command);
    }
    if (embedded)
        collectYamlComments(physical, comments);
    return {
        file,
        kind,
        entries: toEntries(commands),
        comments,
        problems,
        data: { commands, objects: (0, mqsc_objects_1.resolveMqscObjects)(commands), embedded },
    };
}
/** The lines of every `*.mqsc: |` block scalar in a YAML file, with their indentation as column offset. */
function embeddedLines(physical) {
    // A blank line after each block ends a command continued on its last line.
    return (0, yaml_blocks_1.yamlBlocks)(physical)
        .filter((block) => /\.mqsc$/.test(block.name))
        .flatMap((block) => {
        const last = block.lines.at(-1);
        return last ? [...block.lines, { line: last.line + 1, column: 0, text: '' }] : block.lines;
    });
}
function collectYamlComments(physical, comments) {
    physical.forEach((text, line) => {
        const m = /^(\s*)#(.*)$/.exec(text);
        if (m)
            comments.push({
                text: m[2],
                range: { start: { line, character: m[1].length }, end: { line, character: text.length } },
            });
    });
}
function toEntries(commands) {
    const entries = [];
    for (const command of commands) {
        const object = command.noun
            ? command.name
                ? `${command.noun}(${command.name.value})`
                : command.noun
            : command.verb;
        const section = `${command.verb} ${object}`;
        for (const p of command.params) {
            if (!p.valueRange || p.value === undefined)
                continue;
            entries.push({
                key: `${object}.${p.keyword}`,
                value: p.value,
                keyRange: p.keywordRange,
                valueRange: p.valueRange,
                section,
                secret: (0, types_1.isSecretKey)(p.keyword),
            });
        }
    }
    return entries;
}
