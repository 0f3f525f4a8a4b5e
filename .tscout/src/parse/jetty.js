"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jettyXmlFormat = exports.jettyModuleFormat = exports.jettyStartFormat = exports.JETTY_MODULE_KIND = exports.JETTY_XML_KIND = exports.JETTY_START_KIND = void 0;
const path_name_1 = require("../core/path-name");
const text_1 = require("./text");
const jvm_args_1 = require("./java/jvm-args");
const xml_1 = require("./xml");
const types_1 = require("./types");
exports.JETTY_START_KIND = 'jetty.start-ini';
exports.JETTY_XML_KIND = 'jetty.xml';
exports.JETTY_MODULE_KIND = 'jetty.module';
/** A start file's property line: a dotted lower-camel name (`jetty.sslContext.keyStorePath`, `ssl.port`). */
const PROPERTY = /^([A-Za-z_][\w.-]*?)([ \t]*)(\?=|\+=|=)(.*)$/;
const MODULE = /^--(?:add-)?modules?=(.*)$/;
/** What marks an `.ini` as Jetty's: a module line, or a Jetty property (`jetty.ssl.port=`, `jetty.sslContext.…=`). */
const JETTY_INI_MARK = /^[ \t]*(--(?:add-)?modules?=|jetty\.[\w.]+[?+]?=)/m;
exports.jettyStartFormat = {
    id: 'jetty-start',
    classify(filePath, head) {
        const name = (0, path_name_1.lastPathSegment)(filePath);
        if (!name.endsWith('.ini'))
            return undefined;
        return JETTY_INI_MARK.test(head) ? exports.JETTY_START_KIND : undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const comments = [];
        const data = { modules: [], properties: [], xmls: [] };
        for (const line of (0, jvm_args_1.lineOffsets)(file.text)) {
            const lead = line.text.length - line.text.trimStart().length;
            const text = line.text.trim();
            const start = line.start + lead;
            if (text === '')
                continue;
            if (text.startsWith('#')) {
                comments.push({ text: text.slice(1), range: index.rangeAt(start, line.start + line.text.trimEnd().length) });
                continue;
            }
            const module = MODULE.exec(text);
            if (module) {
                let at = start + text.indexOf('=') + 1;
                for (const part of (module[1] ?? '').split(',')) {
                    const name = part.trim();
                    const offset = at + part.indexOf(name);
                    if (name)
                        data.modules.push({ name, range: index.rangeAt(offset, offset + name.length) });
                    at += part.length + 1;
                }
                continue;
            }
            if (text.startsWith('-'))
                continue;
            const property = PROPERTY.exec(text);
            if (property) {
                const key = property[1];
                const blanks = property[2];
                const op = property[3];
                const raw = property[4];
                const valueStart = start + key.length + blanks.length + op.length + (raw.length - raw.trimStart().length);
                data.properties.push({
                    key,
                    value: raw.trim(),
                    op,
                    ...(blanks ? { spaced: true } : {}),
                    keyRange: index.rangeAt(start, start + key.length),
                    valueRange: index.rangeAt(valueStart, Math.max(valueStart, start + text.length)),
                    secret: (0, types_1.isSecretKey)(key),
                });
                continue;
            }
            if (/\.xml$/i.test(text))
                data.xmls.push({ path: text, range: index.rangeAt(start, start + text.length) });
        }
        return { file, kind, entries: data.properties, comments, problems: [], data };
    },
};
/** A section header of a module file: `[depend]`, `[xml]`, `[ini-template]`. */
const MODULE_SECTION = /^\[([\w-]+)\]\s*$/;
exports.jettyModuleFormat = {
    id: 'jetty-module',
    classify(filePath, head) {
        const parts = filePath.split(/[\\/]/);
        if (!(0, path_name_1.lastPathSegment)(filePath).endsWith('.mod') || parts.at(-2) !== 'modules')
            return undefined;
        return /^\[(depend|xml|ini-template|files|lib)\]\s*$/m.test(head) ? exports.JETTY_MODULE_KIND : undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const comments = [];
        const data = { depend: [], xml: [] };
        let section = '';
        for (const line of (0, jvm_args_1.lineOffsets)(file.text)) {
            const text = line.text.trim();
            const lead = line.text.length - line.text.trimStart().length;
            if (text.startsWith('#')) {
                comments.push({
                    text: text.slice(1),
                    range: index.rangeAt(line.start + lead, line.start + lead + text.length),
                });
                continue;
            }
            const header = MODULE_SECTION.exec(text);
            if (header)
                section = header[1].toLowerCase();
            else if (text && section === 'depend')
                data.depend.push(text.replace(/^\?/, ''));
            else if (text && section === 'xml')
                data.xml.push(text);
        }
        return { file, kind, entries: [], comments, problems: [], data };
    },
};
/** Jetty XML (`<Configure>`, Jetty's configure DTD) that makes or configures an SslContextFactory. */
const JETTY_CONFIGURE = /<Configure\b[^>]*\bclass\s*=\s*["']org\.eclipse\.jetty\.|<!DOCTYPE\s+Configure\b/;
const SSL_CONTEXT_FACTORY = /SslContextFactory/;
exports.jettyXmlFormat = {
    id: 'jetty-xml',
    classify(filePath, head) {
        const name = (0, path_name_1.lastPathSegment)(filePath);
        if (!/\.xml$/i.test(name))
            return undefined;
        return JETTY_CONFIGURE.test(head) && SSL_CONTEXT_FACTORY.test(head) ? exports.JETTY_XML_KIND : undefined;
    },
    parse(file, kind) {
        const { entries, comments, problems, data } = (0, xml_1.parseXml)(file.text);
        return { file, kind, entries, comments, problems, data };
    },
};
