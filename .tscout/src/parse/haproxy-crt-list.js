"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.haproxyCrtListFormat = exports.CRT_LIST_KIND = void 0;
exports.parseCrtList = parseCrtList;
const text_1 = require("./text");
const jvm_args_1 = require("./java/jvm-args");
exports.CRT_LIST_KIND = 'haproxy.crt-list';
/** The names crt-lists go by (`crt-list.txt`, `crt_list`, `crtlist.cfg`, `certs.list`, `site.crt-list`). */
const NAME = /(^|[-_.])(crt|certs?)[-_.]?list([-_.][^/\\]*)?$/i;
/** The first word of a certificate line: a file path (`site.pem`, `/etc/haproxy/certs/a.example.com`). */
const CERT_PATH = /^[^\s=:;{}<>"'`]*[./][^\s=:;{}<>"'`]*$/;
/**
 * An HAProxy crt-list (https://docs.haproxy.org/3.0/configuration.html#5.1-crt-list): per line
 * `<crtfile> [\[<sslbindconf> ...\]] [[!]<snifilter> ...]`; `#` lines and empty lines are skipped. Words are separated
 * by blanks, `[` and `]` (src/ssl_crtlist.c crtlist_parse_line: no quoting). Classified by name, and only when every
 * certificate line starts with a file path and at most one bracketed option list.
 */
exports.haproxyCrtListFormat = {
    id: 'haproxy-crt-list',
    classify(filePath, head) {
        if (!NAME.test((0, jvm_args_1.basenameOf)(filePath)))
            return undefined;
        const entries = parseCrtList(head).entries;
        const lines = head.split(/\r\n|\r|\n/).filter((l) => l.trim() && !l.trim().startsWith('#'));
        // The last line of the head may be cut: judge the complete ones.
        const complete = head.endsWith('\n') ? lines : lines.slice(0, -1);
        if (entries.length === 0 || complete.some((l) => (l.match(/\[/g) ?? []).length > 1))
            return undefined;
        return entries.slice(0, complete.length).every((e) => CERT_PATH.test(e.certificate.value))
            ? exports.CRT_LIST_KIND
            : undefined;
    },
    parse(file, kind) {
        const { entries } = parseCrtList(file.text);
        const rows = entries.map((e) => {
            const last = [...e.options, ...e.filters].at(-1) ?? e.certificate;
            return {
                key: e.certificate.value,
                value: [...e.options, ...e.filters].map((w) => w.value).join(' '),
                keyRange: e.certificate.range,
                valueRange: { start: e.certificate.range.start, end: last.range.end },
                secret: false,
            };
        });
        return { file, kind, entries: rows, comments: [], problems: [], data: { entries } };
    },
};
function parseCrtList(text) {
    const index = new text_1.LineIndex(text);
    const entries = [];
    const lineBreak = /\r\n|\r|\n/g;
    let lineStart = 0;
    for (;;) {
        const match = lineBreak.exec(text);
        const lineEnd = match ? match.index : text.length;
        const entry = entryOf(text, lineStart, lineEnd, index);
        if (entry)
            entries.push(entry);
        if (!match)
            break;
        lineStart = match.index + match[0].length;
    }
    return { entries };
}
function entryOf(text, start, end, index) {
    const line = text.slice(start, end);
    if (line.trimStart().startsWith('#'))
        return undefined;
    const words = [];
    let inBrackets = false;
    for (const m of line.matchAll(/[[\]]|[^\s[\]]+/g)) {
        if (m[0] === '[')
            inBrackets = true;
        else if (m[0] === ']')
            inBrackets = false;
        else {
            const at = start + (m.index ?? 0);
            words.push({ word: { value: m[0], range: index.rangeAt(at, at + m[0].length) }, inBrackets });
        }
    }
    const [first, ...rest] = words;
    if (!first)
        return undefined;
    return {
        certificate: first.word,
        options: rest.filter((w) => w.inBrackets).map((w) => w.word),
        filters: rest.filter((w) => !w.inBrackets).map((w) => w.word),
    };
}
