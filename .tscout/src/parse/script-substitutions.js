"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCRIPT_SUBSTITUTIONS_KIND = void 0;
exports.scriptSubstitutions = scriptSubstitutions;
const embedded_1 = require("./embedded");
const text_1 = require("./text");
const path_name_1 = require("../core/path-name");
exports.SCRIPT_SUBSTITUTIONS_KIND = 'script.substitutions';
/** A word naming a file (`/etc/kafka/client.properties`, `server.properties.tmpl`) on a line. */
const FILE_WORD = /[^\s<>|;&'"`=()]+\.[A-Za-z0-9]+(?=$|[\s<>|;&'"`)])/g;
/**
 * An `s` command's pattern when it is a plain literal (3+ characters, no regex syntax): `s|REPLACE|`, `s/@PW@/`,
 * `s/<changeit>/` (JeffTsengTwn/tomcat_letsencrypt_setup's tomcat_ssl.sh fills server.xml's keystorePass so),
 * `s|:CLOUD_SECRET:|` (vdesabou/kafka-docker-playground's start scripts fill their *.template client configs so),
 * `s|##### LDAP_CONN_USER_PWD #####|` (AndriyKalashnykov/activemq-ldap-authorization@3f230fd init.sh: `#` and spaces are
 * no regex syntax in sed either).
 */
const SED_LITERAL = /(^|[\s'"])s([|/#@:,!])([A-Za-z0-9_.%{}@<>:# -]{3,}?)\2/g;
/**
 * Whether the `sed` whose command is at `at` reads a string rather than a file: fed by a pipe (`echo $p | sed
 * 's/TLS/TLSv/'`, ricniew/ITM-TLS1.n-implementation's functions_sources.h) or a here-string (`<<<`). Such an edit
 * changes a shell value, not a configuration file, so its pattern is no placeholder of any file.
 */
function editsString(line, at) {
    const sedAt = [...line.slice(0, at).matchAll(/\bsed\b/g)].at(-1)?.index;
    if (sedAt === undefined)
        return false;
    // `|` feeds it; `||` only runs it after another command failed.
    if (/(?<!\|)\|\s*$/.test(line.slice(0, sedAt)))
        return true;
    // Up to the end of the command (`;`, `&&`, a closing backquote); its own `s|…|…|` may hold pipes.
    return /^[^;&`]*<<</.test(line.slice(sedAt));
}
/** The literals a script's `sed` commands replace, or undefined when it has none. */
function scriptSubstitutions(source) {
    if (!(0, embedded_1.isScript)(source.path, source.text))
        return undefined;
    if (!/\b(sed|envsubst)\b/.test(source.text))
        return undefined;
    const index = new text_1.LineIndex(source.text);
    const substitutions = [];
    const rendered = new Set();
    let offset = 0;
    // A sed command continued over lines (`sed -e "s|:A:|$A|g" \` then `-e "s|:B:|$B|g" …`) edits on every one.
    let continuesSed = false;
    for (const line of source.text.split('\n')) {
        const inSed = continuesSed || (/\bsed\b/.test(line) && !line.trimStart().startsWith('#'));
        continuesSed = inSed && /\\\r?$/.test(line);
        if (/\benvsubst\b/.test(line) && !line.trimStart().startsWith('#'))
            for (const [word] of line.matchAll(FILE_WORD))
                rendered.add((0, path_name_1.lastPathSegment)(word));
        if (inSed) {
            for (const m of line.matchAll(SED_LITERAL)) {
                if (editsString(line, m.index ?? 0))
                    continue;
                const start = offset + (m.index ?? 0) + m[1].length + 2;
                substitutions.push({ literal: m[3], range: index.rangeAt(start, start + m[3].length) });
            }
        }
        offset += line.length + 1;
    }
    if (substitutions.length === 0 && rendered.size === 0)
        return undefined;
    return {
        file: source,
        kind: exports.SCRIPT_SUBSTITUTIONS_KIND,
        entries: [],
        comments: [],
        problems: [],
        data: { substitutions, ...(rendered.size > 0 ? { rendered: [...rendered] } : {}) },
    };
}
