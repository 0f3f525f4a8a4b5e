"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TLS_DISABLED = void 0;
exports.disabledAlgorithmsEdits = disabledAlgorithmsEdits;
exports.withImageEdits = withImageEdits;
const knowledge_1 = require("../knowledge");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const shell_commands_1 = require("../parse/shell-commands");
const jdk_1 = require("../parse/jdk");
const image_security_copy_1 = require("./image-security-copy");
exports.TLS_DISABLED = 'jdk.tls.disabledAlgorithms';
const SECURITY_FILE = /java\.security$/;
/** The file named in a command (not `java.security.properties`, not a `-Djava.security.*` option). */
const SECURITY_FILE_IN_TEXT = /java\.security(?![.\w])/;
const TLS_KEY = /jdk\\?\.tls\\?\.disabledAlgorithms/;
/** Other java.security properties a sed commonly edits (entropy, certificate algorithms, jar signing). */
const OTHER_KEY = /jdk\\?\.(certpath|jar)\\?\.disabledAlgorithms|securerandom|jdk\\?\.security\\?\.|keystore\\?\.type|crypto\\?\.policy|networkaddress/;
const TLS_TOKEN = /SSLv[23]|TLSv1|DTLSv1|RC4|3DES|\bDES\b|\banon\b|\bNULL\b|keySize|MD5withRSA|\bECDH\b|\bDH\b/;
const KEY_AS_WRITTEN = /^\^?jdk\\?\.tls\\?\.disabledAlgorithms=/;
/** The edits of the stages the running image holds, in order. */
function disabledAlgorithmsEdits(data) {
    const edits = [];
    for (const command of (0, dockerfile_stages_1.heldCommands)(data)) {
        if (command.instruction !== 'RUN')
            continue;
        const text = command.joined;
        if (!SECURITY_FILE_IN_TEXT.test(text))
            continue;
        for (const words of (0, shell_commands_1.simpleCommands)(text)) {
            const edit = editOf(words, command.range);
            if (edit === 'other')
                continue;
            edits.push(...(edit ?? [
                {
                    kind: 'unknown',
                    why: `a RUN at Dockerfile line ${command.range.start.line + 1} edits the JDK's java.security in a way lint-deploy does not evaluate`,
                    range: command.range,
                },
            ]));
        }
    }
    return edits;
}
function relevant(text) {
    return TLS_KEY.test(text) || (!OTHER_KEY.test(text) && TLS_TOKEN.test(text));
}
/**
 * One simple command's effect: edits, 'other' (it does not touch the value), undefined (it touches java.security
 * and the value in a way not evaluated).
 */
function editOf(words, range) {
    const start = words[0] === 'sudo' ? 1 : 0;
    const name = words[start];
    if (name === 'sed')
        return sedEdits(words.slice(start + 1), range);
    if (name === 'echo' || name === 'printf') {
        const redirect = words.findIndex((w) => w === '>>' || w === '>');
        const target = redirect >= 0 ? words[redirect + 1] : undefined;
        const teeAt = words.indexOf('tee');
        const teeTarget = teeAt >= 0 ? words.slice(teeAt + 1).find((w) => !w.startsWith('-')) : undefined;
        const file = target ?? teeTarget;
        if (!file || !SECURITY_FILE.test(file))
            return 'other';
        const appends = (redirect >= 0 && words[redirect] === '>>') || (teeAt >= 0 && words.includes('-a'));
        const body = words
            .slice(start + 1, redirect >= 0 ? redirect : teeAt >= 0 ? teeAt : undefined)
            .filter((w) => !/^-[neE]+$/.test(w) && w !== '|')
            .join(' ');
        const lines = body.split(/\\n|\n/);
        const definition = lines.map((l) => /^\s*jdk\.tls\.disabledAlgorithms\s*[=:]\s*(.*)$/.exec(l)).find(Boolean);
        if (!appends)
            return undefined; // a whole new java.security
        if (!definition)
            return relevant(body) ? undefined : 'other';
        const value = definition[1];
        if (value.endsWith('\\'))
            return undefined;
        return [{ kind: 'set', value, range, how: `appended to java.security by ${name}` }];
    }
    // The file replaced (cp, mv, a download) or rewritten by a script language that speaks of TLS: unknown.
    if (/^(cp|mv|ln|install|curl|wget)$/.test(name ?? '') && words.some((w) => SECURITY_FILE.test(w)))
        return undefined;
    if (/^(perl|awk|gawk|python3?|ed|ex)$/.test(name ?? '') &&
        words.some((w) => SECURITY_FILE.test(w)) &&
        relevant(words.join(' ')))
        return undefined;
    return 'other';
}
/** `sed [-i[SUFFIX]] [-E|-r] [-e SCRIPT]… [SCRIPT] FILE…` on java.security. */
function sedEdits(args, range) {
    const scripts = [];
    const files = [];
    let inPlace = false;
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '-e' || arg === '--expression')
            scripts.push(args[++i] ?? '');
        else if (arg.startsWith('--expression='))
            scripts.push(arg.slice('--expression='.length));
        else if (/^-[a-zA-Z]*i/.test(arg) || arg.startsWith('--in-place'))
            inPlace = true;
        else if (arg === '-n' || arg === '--quiet' || arg === '-f')
            return undefined;
        else if (arg.startsWith('-'))
            continue;
        else if (scripts.length === 0 && files.length === 0 && !args.slice(0, i).some((a) => a === '-e'))
            scripts.push(arg);
        else if (arg === '|' || arg === '>' || arg === '>>')
            break;
        else
            files.push(arg);
    }
    if (!files.some((f) => SECURITY_FILE.test(f)))
        return 'other';
    if (!inPlace)
        return 'other';
    const edits = [];
    for (const script of scripts.flatMap((s) => s.split(/\n/))) {
        if (!relevant(script))
            continue;
        const edit = substitution(script, range);
        if (!edit)
            return undefined;
        edits.push(edit);
    }
    return edits;
}
/** `[/ADDRESS/]s<d>PATTERN<d>REPLACEMENT<d>[g]`, one command. */
function substitution(script, range) {
    const m = /^\s*(?:\/((?:[^/\\]|\\.)*)\/\s*)?s(.)((?:(?!\2)[^\\]|\\.)*)\2((?:(?!\2)[^\\]|\\.)*)\2(g?)\s*;?\s*$/.exec(script);
    if (!m)
        return undefined;
    const [, address, , pattern = '', replacement = ''] = m;
    if (address !== undefined && !TLS_KEY.test(address))
        return undefined;
    const unescape = (s) => s.replace(/\\(.)/g, '$1');
    if (/&|\\[0-9]/.test(replacement))
        return undefined;
    const replaced = unescape(replacement);
    const after = replaced.replace(/^jdk\.tls\.disabledAlgorithms=/, '');
    if (KEY_AS_WRITTEN.test(pattern) && replaced.startsWith('jdk.tls.disabledAlgorithms=')) {
        const rest = pattern.replace(KEY_AS_WRITTEN, '');
        if (rest === '')
            return { kind: 'prefix', prefix: after, range };
        if (/^\.\*\$?$/.test(rest) && pattern.startsWith('^') && !after.endsWith('\\'))
            return { kind: 'set', value: after, range, how: 'its line replaced by sed' };
        return undefined;
    }
    // Literal text (a `.` matches any character in sed as in JavaScript): absent from the value, the sed does nothing.
    if (/^[\w ,.<=-]+$/.test(pattern.replace(/\\\./g, '.')))
        return { kind: 'literal', pattern: new RegExp(pattern.replace(/\\\./g, '\\.')), written: script, range };
    return undefined;
}
/**
 * The runtime of an image's app with the Dockerfiles' edits applied (a copy): each edit on the value before it
 * (the tree's java.security override, else the JDK's default), a value lint-deploy cannot follow in
 * `unknownSecurityProperties`.
 */
function withImageEdits(runtime, dockerfiles, memo, files) {
    // A java.security the image copies over its JDK's (./image-security-copy.ts): the value the later edits work on.
    const [copied] = files
        ? dockerfiles.flatMap((doc) => {
            const copy = (0, image_security_copy_1.securityFileCopy)(doc, files, memo);
            return copy ? [{ doc, copy }] : [];
        })
        : [];
    const base = copied?.copy.kind === 'file' ? (0, image_security_copy_1.withSecurityFile)(runtime, copied.copy) : withoutProviders(runtime, copied);
    let unknown = copied?.copy.kind === 'unknown' && !runtime.securityProperties[exports.TLS_DISABLED]
        ? { why: copied.copy.why, at: [{ ...copied.copy.at, message: "the JDK's java.security is replaced here" }] }
        : undefined;
    // Edits before the copy are overwritten by it.
    const edits = dockerfiles.flatMap((doc) => disabledAlgorithmsEdits(doc.data)
        .filter((edit) => doc !== copied?.doc || edit.range.start.line + 1 > copied.copy.line)
        .map((edit) => ({ doc, edit })));
    if (edits.length === 0 && !unknown)
        return base;
    const result = { ...base, securityProperties: { ...base.securityProperties } };
    const effective = (0, knowledge_1.effectiveJdkTls)(base, memo);
    let value = !unknown && (effective.disabledAlgorithms.from.kind === 'file' || effective.profile)
        ? effective.disabledAlgorithms.value
        : undefined;
    for (const { doc, edit } of edits) {
        const at = { file: doc.file.path, range: edit.range };
        const set = (text, note) => {
            result.securityProperties[exports.TLS_DISABLED] = { value: text, from: { kind: 'file', location: at, note } };
            value = (0, knowledge_1.splitAlgorithmList)(text);
            unknown = undefined;
        };
        if (edit.kind === 'set')
            set(edit.value, `${exports.TLS_DISABLED} ${edit.how}`);
        else if (edit.kind === 'prefix' && value)
            set(`${edit.prefix}${value.join(', ')}`, `entries put before ${exports.TLS_DISABLED} by sed`);
        else if (edit.kind === 'literal' && value && !edit.pattern.test(value.join(', ')))
            continue;
        else {
            const why = edit.kind === 'unknown'
                ? edit.why
                : value
                    ? `a sed at Dockerfile line ${edit.range.start.line + 1} edits its text, and sed works on the lines of the JDK's java.security, which the tree does not hold`
                    : `a sed at Dockerfile line ${edit.range.start.line + 1} edits it, and the JDK's default is unknown`;
            unknown = { why, at: [{ ...at, message: `${exports.TLS_DISABLED} edited here` }] };
            value = undefined;
        }
    }
    if (unknown) {
        result.securityProperties = Object.fromEntries(Object.entries(result.securityProperties).filter(([name]) => name !== exports.TLS_DISABLED));
        result.unknownSecurityProperties = { ...result.unknownSecurityProperties, [exports.TLS_DISABLED]: unknown };
    }
    return result;
}
/**
 * The runtime whose JDK gets a java.security without providers from its image (a copy), unless a
 * -Djava.security.properties the start gives (known or not) may bring them: then it stays as it is.
 */
function withoutProviders(runtime, copied) {
    const copy = copied?.copy;
    if (copy?.kind !== 'unknown' || !copy.withoutProviders || runtime.securityProperties[jdk_1.FIRST_SECURITY_PROVIDER])
        return runtime;
    const override = 'java.security.properties';
    if (runtime.systemProperties[override] || runtime.unknownSystemProperties?.[override])
        return runtime;
    return {
        ...runtime,
        withoutProviders: {
            file: copy.withoutProviders,
            at: { ...copy.at, message: "this copy makes it the JDK's whole java.security" },
        },
    };
}
