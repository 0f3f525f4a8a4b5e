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
exports.webagentFormat = exports.cleartrustServerFormat = exports.CLEARTRUST_ROLES = void 0;
exports.parseWebagent = parseWebagent;
const path = __importStar(require("node:path"));
const types_1 = require("../core/types");
const properties_1 = require("./properties");
const text_1 = require("./text");
const types_2 = require("./types");
/** ClearTrust (RSA Access Manager) server roles, keyed by file kind. */
exports.CLEARTRUST_ROLES = {
    'cleartrust.aserver': 'Authorization Server',
    'cleartrust.eserver': 'Entitlements Server',
    'cleartrust.dispatcher': 'Dispatcher',
    'cleartrust.admingui': 'Admin Console',
    'cleartrust.keyserver': 'Key Server',
    'cleartrust.lserver': 'Log Server',
    'cleartrust.iserver': 'Instrumentation Server',
    'cleartrust.webagent': 'Web Agent',
};
const KIND_BY_BASENAME = {
    'aserver.conf': 'cleartrust.aserver',
    'eserver.conf': 'cleartrust.eserver',
    'dispatcher.conf': 'cleartrust.dispatcher',
    'admingui.cfg': 'cleartrust.admingui',
    'keyserver.conf': 'cleartrust.keyserver',
    'lserver.conf': 'cleartrust.lserver',
    'iserver.conf': 'cleartrust.iserver',
    'webagent.conf': 'cleartrust.webagent',
};
/**
 * Content markers for `.conf`/`.cfg` files with other names (e.g. `authz-prod.conf`).
 * Order matters: the first marker found wins, most specific first.
 */
const KIND_BY_MARKER = [
    [/^\s*<(Global|Pool)\b/m, 'cleartrust.webagent'],
    [/^\s*cleartrust\.agent\./m, 'cleartrust.webagent'],
    [/^\s*cleartrust\.admingui\./m, 'cleartrust.admingui'],
    [/^\s*cleartrust\.eserver\./m, 'cleartrust.eserver'],
    [/^\s*cleartrust\.(aserver\.|runtime_api\.)/m, 'cleartrust.aserver'],
    [/^\s*cleartrust\.dispatcher\./m, 'cleartrust.dispatcher'],
    [/^\s*cleartrust\.(keyserver|key_server)\./m, 'cleartrust.keyserver'],
    [/^\s*cleartrust\.(lserver|logserver|log_server)\./m, 'cleartrust.lserver'],
    [/^\s*cleartrust\.(iserver|instrumentation)\./m, 'cleartrust.iserver'],
];
function classifyCleartrust(filePath, head) {
    const base = path.basename(filePath).toLowerCase();
    const byName = KIND_BY_BASENAME[base];
    if (byName)
        return byName;
    if (!/\.(conf|cfg|properties)$/.test(base))
        return undefined;
    if (!/cleartrust\./.test(head))
        return undefined;
    return KIND_BY_MARKER.find(([marker]) => marker.test(head))?.[1];
}
exports.cleartrustServerFormat = {
    id: 'cleartrust-properties',
    classify(filePath, head) {
        const kind = classifyCleartrust(filePath, head);
        return kind && kind !== 'cleartrust.webagent' ? kind : undefined;
    },
    parse(file, kind) {
        // The server files are Java properties: `\` continuations and `:` separators apply.
        const { entries, comments, problems } = (0, properties_1.parseProperties)(file.text);
        return { file, kind, entries, comments, problems, data: undefined };
    },
};
exports.webagentFormat = {
    id: 'cleartrust-webagent',
    classify(filePath, head) {
        return classifyCleartrust(filePath, head) === 'cleartrust.webagent' ? 'cleartrust.webagent' : undefined;
    },
    parse(file, kind) {
        return { file, kind, ...parseWebagent(file.text) };
    },
};
/**
 * webagent.conf as found in the field: Apache-like `<Section attr=value>` …
 * `</Section>` blocks, `key=value` lines (blanks around `=` allowed, TAB
 * indentation), `#` comments (also commenting out section tags), no
 * continuations. Values keep their case; rules compare case-insensitively.
 */
function parseWebagent(text) {
    const entries = [];
    const comments = [];
    const problems = [];
    const sections = [];
    const open = [];
    const topSeen = new Map();
    (0, text_1.splitLines)(text).forEach((line, lineNo) => {
        const start = line.search(/\S/);
        if (start === -1)
            return;
        const body = line.slice(start).trimEnd();
        const end = start + body.length;
        if (body.startsWith('#')) {
            comments.push({ text: body.slice(1), range: (0, types_1.range)(lineNo, start, lineNo, end) });
            return;
        }
        const closing = /^<\/\s*([\w.-]+)\s*>$/.exec(body);
        if (closing) {
            const top = open[open.length - 1];
            if (!top || top.section.name.toLowerCase() !== closing[1].toLowerCase()) {
                problems.push({
                    code: 'unbalanced-section',
                    severity: 'error',
                    message: top
                        ? `</${closing[1]}> closes <${top.section.name}> (opened on line ${top.section.range.start.line + 1})`
                        : `</${closing[1]}> has no matching opening tag`,
                    range: (0, types_1.range)(lineNo, start, lineNo, end),
                });
            }
            if (top)
                open.pop();
            return;
        }
        const opening = /^<\s*([\w.-]+)((?:\s+[^>]*)?)>$/.exec(body);
        if (opening) {
            const section = {
                name: opening[1],
                attributes: parseAttributes(opening[2]),
                range: (0, types_1.range)(lineNo, start, lineNo, end),
            };
            sections.push(section);
            open.push({ section, label: `${opening[1]}${opening[2]}`.trim(), seen: new Map() });
            return;
        }
        const eq = line.indexOf('=', start);
        if (eq === -1) {
            problems.push({
                code: 'invalid-line',
                severity: 'warning',
                message: `Line is neither 'key=value', a section tag nor a comment: '${(0, types_2.lineForMessage)(body)}'`,
                range: (0, types_1.range)(lineNo, start, lineNo, end),
            });
            return;
        }
        const key = line.slice(start, eq).trimEnd();
        const valueStart = eq + 1 + (line.slice(eq + 1).length - line.slice(eq + 1).trimStart().length);
        const value = line.slice(valueStart).trimEnd();
        const current = open[open.length - 1];
        const entry = {
            key,
            value,
            keyRange: (0, types_1.range)(lineNo, start, lineNo, start + key.length),
            valueRange: (0, types_1.range)(lineNo, valueStart, lineNo, valueStart + value.length),
            section: current?.label,
            secret: (0, types_2.isSecretKey)(key),
        };
        entries.push(entry);
        const seen = current?.seen ?? topSeen;
        const first = seen.get(key);
        if (first !== undefined) {
            problems.push({
                code: 'duplicate-key',
                severity: 'warning',
                message: `Duplicate key '${key}'${current ? ` in <${current.section.name}>` : ''} (first set on line ${first + 1}); which one the agent uses is undocumented`,
                range: entry.keyRange,
            });
        }
        else {
            seen.set(key, lineNo);
        }
    });
    for (const unclosed of open) {
        problems.push({
            code: 'unbalanced-section',
            severity: 'error',
            message: `<${unclosed.section.name}> is never closed`,
            range: unclosed.section.range,
        });
    }
    return { entries, comments, problems, data: { sections } };
}
function parseAttributes(text) {
    const attributes = {};
    for (const match of text.matchAll(/([\w.-]+)\s*=\s*("([^"]*)"|\S+)/g)) {
        attributes[match[1]] = match[3] ?? match[2];
    }
    return attributes;
}
