"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mqClientEnvFormat = void 0;
const path_name_1 = require("../core/path-name");
const text_1 = require("./text");
/** The MQ client variables read (never MQKEYRPWD, a password). */
const MQ_VARIABLES = /^(MQSSLKEYR)$/;
const ASSIGNMENT = /^\s*(?:export\s+|set\s+"?|setx\s+)?([A-Za-z_]\w*)=(.*)$/i;
/** `$(cd "$(dirname "${BASH_SOURCE[0]}")" … && pwd)`, `$(dirname "$0")`, `` `dirname $0` ``: the script's directory. */
const SCRIPT_DIR = /^\$\(\s*(cd\s+)?["']?\$\(\s*dirname\s+["']?\$(\{BASH_SOURCE(\[0\])?\}|BASH_SOURCE|0|\{0\})["']?\s*\)["']?.*\)$|^\$\(\s*dirname\s+["']?\$(\{BASH_SOURCE(\[0\])?\}|0|\{0\})["']?\s*\)$/;
exports.mqClientEnvFormat = {
    id: 'mq-client-env',
    classify(filePath, head) {
        const base = (0, path_name_1.lastPathSegment)(filePath);
        if (/\.(sh|bash|ksh|bat|cmd|env)$/i.test(base) && /^\s*(export\s+|set\s+"?)?MQSSLKEYR=/im.test(head))
            return 'mq.client-env';
        return undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const batch = /\.(bat|cmd)$/i.test(file.path);
        const comments = [];
        const entries = [];
        const assignments = [];
        const known = new Map();
        let offset = 0;
        for (const line of file.text.split('\n')) {
            const start = offset;
            offset += line.length + 1;
            const text = line.replace(/\r$/, '');
            const body = text.trimStart();
            const lead = text.length - body.length;
            const comment = batch ? /^(rem\b|::|@rem\b)/i.exec(body) : /^#/.exec(body);
            if (comment) {
                comments.push({
                    text: body.slice(comment[0].length),
                    range: index.rangeAt(start + lead, start + text.length),
                });
                continue;
            }
            const m = ASSIGNMENT.exec(text);
            if (!m)
                continue;
            const [, name = '', rawValue = ''] = m;
            const raw = rawValue
                .replace(/\s+#.*$/, '')
                .replace(/"\s*$/, batch ? '' : '"')
                .trim();
            const quoted = /^(["'])(.*)\1$/.exec(raw);
            const value = quoted ? (quoted[2] ?? '') : raw;
            const valueStart = start + text.indexOf(rawValue) + (quoted ? 1 : 0);
            const resolved = SCRIPT_DIR.test(value) ? '.' : resolve(value, known, quoted?.[1] === "'");
            known.set(name, resolved);
            if (!MQ_VARIABLES.test(name))
                continue;
            const valueRange = index.rangeAt(valueStart, valueStart + value.length);
            const keyStart = start + text.indexOf(name);
            assignments.push({ name, value, ...(resolved !== undefined ? { resolved } : {}), valueRange });
            entries.push({
                key: name,
                value,
                keyRange: index.rangeAt(keyStart, keyStart + name.length),
                valueRange,
                secret: false,
            });
        }
        return { file, kind, entries, comments, problems: [], data: { assignments } };
    },
};
/** `${DIR}/../key` with DIR known → `./../key`; a variable not set earlier in the script → undefined. */
function resolve(value, known, literal) {
    if (literal || !/\$/.test(value))
        return value;
    let unresolved = false;
    const out = value.replace(/\$\{(\w+)\}|\$(\w+)|%(\w+)%/g, (_all, a, b, c) => {
        const v = known.get(a ?? b ?? c ?? '');
        if (v === undefined)
            unresolved = true;
        return v ?? '';
    });
    return unresolved || /\$\(|`/.test(out) ? undefined : out;
}
