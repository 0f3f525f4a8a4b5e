"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jbossCliFormat = exports.JBOSS_CLI_KIND = void 0;
/**
 * WildFly / JBoss EAP management CLI scripts (`jboss-cli.sh --file=configure.cli`), as images and installers commit
 * them to configure a server: operations `/subsystem=elytron/key-store=ks:add(path=…, credential-reference=
 * {clear-text=…})`, `…:write-attribute(name=password, value=…)` and commands `data-source add --password=…`
 * (https://docs.wildfly.org/32/Admin_Guide.html#Command_Line_Interface). Read for the settings they write, each an entry
 * keyed by the resource and the parameter (`key-store=ks.credential-reference.clear-text`), so that a password written
 * in the script is judged as one in standalone.xml is. What the operations do to the server's model (the key store a
 * listener then presents) is not followed: the standalone.xml they change is the image's, not in the tree.
 * Lines continue after a trailing `\`; `#` starts a comment line. Parsing is lenient: what does not read as a
 * parameter is skipped, never a crash.
 */
const types_1 = require("./types");
const jvm_args_1 = require("./java/jvm-args");
const text_1 = require("./text");
exports.JBOSS_CLI_KIND = 'jboss.cli';
/** An operation on a management resource: `/subsystem=…` (or `./`, a `:` operation on the current node is not one). */
const OPERATION_LINE = /^[ \t]*\.?\/(?:subsystem|core-service|socket-binding-group|interface|profile|host|deployment|system-property|path)=/m;
/**
 * Elytron parameters that name another resource, never a secret: a filesystem realm's (or an encryption expression
 * resolver's) `credential-store` is the name of a credential store and `secret-key` the alias of the key in it
 * (`filesystem-realm=fsRealm:add(…, credential-store=credstore, secret-key=key)`,
 * wildfly-security-incubator/elytron-examples@9d6e80a encryption-filesystem-realm/configure-elytron.cli; WildFly's
 * filesystem-realm model: "secret-key: The alias of the secret key in the credential store").
 */
const NAMES_A_RESOURCE = /^(credential-store|secret-key)$/;
/** A parameter name: letters, digits, `-` and `_` (`credential-reference`, `clear-text`, `key-store`). */
const NAME = /[A-Za-z_][\w-]*/y;
exports.jbossCliFormat = {
    id: 'jboss-cli',
    classify(filePath, head) {
        return /\.cli$/i.test((0, jvm_args_1.basenameOf)(filePath)) && OPERATION_LINE.test(head) ? exports.JBOSS_CLI_KIND : undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const entries = [];
        const operations = [];
        const comments = [];
        for (const line of logicalLines(file.text)) {
            const text = file.text.slice(line.start, line.end);
            if (/^[ \t]*#/.test(text)) {
                comments.push({ text: text.trim().replace(/^#\s*/, ''), range: index.rangeAt(line.start, line.end) });
                continue;
            }
            const written = parametersOf(file.text, line.start, line.end);
            if (!written)
                continue;
            operations.push({ resource: written.resource, params: new Map(written.params.map((p) => [p.key, p.value])) });
            for (const p of written.params)
                entries.push({
                    key: `${written.resource}.${p.key}`,
                    value: p.value,
                    keyRange: index.rangeAt(p.keyStart, p.keyEnd),
                    valueRange: index.rangeAt(p.valueStart, p.valueEnd),
                    secret: p.secret,
                });
        }
        return { file, kind, entries, comments, problems: [], data: { operations } };
    },
};
/** [start, end) of each line joined with the lines a trailing `\` continues it onto. */
function logicalLines(text) {
    const lines = [];
    let start = 0;
    let at = 0;
    while (at <= text.length) {
        const newline = text.indexOf('\n', at);
        const end = newline < 0 ? text.length : newline;
        const content = text.slice(at, end).replace(/\r$/, '');
        if (content.endsWith('\\') && newline >= 0) {
            at = newline + 1;
            continue;
        }
        lines.push({ start, end: end - (text[end - 1] === '\r' ? 1 : 0) });
        if (newline < 0)
            break;
        start = at = newline + 1;
    }
    return lines;
}
/**
 * The parameters a line writes: an operation's `(name=value, …)` keyed by its last resource (`key-store=ks`), a
 * `write-attribute(name=…, value=…)` as that attribute, and a command's `--name=value` arguments keyed by the command.
 */
function parametersOf(text, start, end) {
    const line = text.slice(start, end);
    const operation = /^[ \t]*\.?((?:\/[\w-]+=[^/:(\s]+)+):([\w-]+)\(/.exec(line);
    if (operation) {
        const resource = /\/([\w-]+=[^/:(\s]+)$/.exec(operation[1])[1];
        const open = start + operation[0].length;
        const params = readObject(text, open, end, ')', '', false);
        if (operation[2] !== 'write-attribute')
            return { resource, params };
        const name = params.find((p) => p.key === 'name');
        const value = params.find((p) => p.key === 'value');
        return { resource, params: name && value ? [{ ...value, key: name.value, secret: (0, types_1.isSecretKey)(name.value) }] : [] };
    }
    const command = /^[ \t]*([a-z][\w-]*(?:[ \t]+[a-z][\w-]*)?)[ \t]+--/.exec(line);
    if (!command)
        return undefined;
    const params = [];
    const resource = command[1].replace(/[ \t]+/g, '.');
    for (const m of line.matchAll(/(?:^|[ \t])--([\w-]+)=("(?:[^"\\]|\\.)*"|[^\s"]+)/g)) {
        const keyStart = start + m.index + m[0].indexOf('--') + 2;
        const raw = m[2];
        const quoted = raw.startsWith('"');
        const valueStart = start + m.index + m[0].length - raw.length + (quoted ? 1 : 0);
        params.push({
            key: m[1],
            value: quoted ? raw.slice(1, -1) : raw,
            keyStart,
            keyEnd: keyStart + m[1].length,
            valueStart,
            valueEnd: valueStart + raw.length - (quoted ? 2 : 0),
            secret: (0, types_1.isSecretKey)(m[1]),
        });
    }
    return { resource, params };
}
/**
 * `name=value` pairs (also `name => value`) up to `close` from `at`: a value is a quoted string, a nested `{…}` (its
 * pairs keyed below the name), a `[…]` list (kept as written) or a word. `inReference`: inside a
 * `credential-reference`, where `clear-text` is the password.
 */
function readObject(text, at, end, close, prefix, inReference) {
    const params = [];
    let i = at;
    const skipSpace = () => {
        while (i < end && /[\s,\\]/.test(text[i]))
            i++;
    };
    while (i < end) {
        skipSpace();
        if (i >= end || text[i] === close)
            break;
        NAME.lastIndex = i;
        const name = NAME.exec(text);
        if (!name) {
            i++;
            continue;
        }
        const keyStart = i;
        i += name[0].length;
        while (i < end && (text[i] === ' ' || text[i] === '\t'))
            i++;
        if (text.startsWith('=>', i))
            i += 2;
        else if (text[i] === '=')
            i++;
        else
            continue;
        while (i < end && (text[i] === ' ' || text[i] === '\t'))
            i++;
        const key = prefix ? `${prefix}.${name[0]}` : name[0];
        if (text[i] === '{') {
            params.push(...readObject(text, i + 1, end, '}', key, name[0] === 'credential-reference'));
            i = matching(text, i, end, '{', '}') + 1;
            continue;
        }
        const valueStart = text[i] === '"' ? i + 1 : i;
        let valueEnd;
        if (text[i] === '"') {
            valueEnd = i + 1;
            while (valueEnd < end && text[valueEnd] !== '"')
                valueEnd += text[valueEnd] === '\\' ? 2 : 1;
            i = Math.min(valueEnd + 1, end);
        }
        else if (text[i] === '[') {
            valueEnd = matching(text, i, end, '[', ']') + 1;
            i = valueEnd;
        }
        else {
            valueEnd = i;
            while (valueEnd < end && !/[\s,]/.test(text[valueEnd]) && text[valueEnd] !== close)
                // An expression `${env.KS_PASSWORD}` (`${a:${b}}`) is one word, its braces its own.
                valueEnd = text.startsWith('${', valueEnd) ? matching(text, valueEnd + 1, end, '{', '}') + 1 : valueEnd + 1;
            i = valueEnd;
        }
        valueEnd = Math.min(valueEnd, end);
        params.push({
            key,
            value: text.slice(valueStart, valueEnd),
            keyStart,
            keyEnd: keyStart + name[0].length,
            valueStart,
            valueEnd,
            secret: (inReference && name[0] === 'clear-text') || ((0, types_1.isSecretKey)(name[0]) && !NAMES_A_RESOURCE.test(name[0])),
        });
    }
    return params;
}
/** The offset of the bracket that closes the one at `open` (or `end` when none does). */
function matching(text, open, end, opening, closing) {
    let depth = 0;
    let quoted = false;
    for (let i = open; i < end; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '\\')
                i++;
            else if (c === '"')
                quoted = false;
        }
        else if (c === '"')
            quoted = true;
        else if (c === opening)
            depth++;
        else if (c === closing && --depth === 0)
            return i;
    }
    return end;
}
