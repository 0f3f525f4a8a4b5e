"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jvmOptionsFormat = void 0;
const types_1 = require("./types");
const text_1 = require("./text");
const jvm_args_1 = require("./java/jvm-args");
/**
 * One option a line, as the JVM sees it (`-Dname=value with blanks` keeps its blanks), after the JDK feature releases
 * it applies on when the line names them: `8:` that one, `8-:` that one and later, `8-9:` those.
 */
const OPTION_LINE = /^(\s*)(?:(\d+)(?:(-)(\d+)?)?:)?-D([^=\s]+)(=?)(.*?)\s*$/;
/** A `jvm.options.d/<name>.options` file: the launcher adds each to jvm.options, in the order of their names. */
const OPTIONS_DIRECTORY_FILE = /(?:^|[\\/])jvm\.options\.d[\\/][^\\/]+\.options$/;
/**
 * `jvm.options`: one JVM option per line, `#` comments — Liberty's and OpenJ9's
 * (https://openliberty.io/docs/latest/reference/config/server-configuration-overview.html#jvm-options), and
 * Elasticsearch's, OpenSearch's and Logstash's, whose lines may name the JDK releases they apply on and whose
 * `jvm.options.d/*.options` files add to them
 * (https://www.elastic.co/guide/en/elasticsearch/reference/7.11/jvm-options.html).
 */
exports.jvmOptionsFormat = {
    id: 'jvm-options',
    classify(filePath) {
        const base = (0, jvm_args_1.basenameOf)(filePath);
        return base === 'jvm.options' || base.endsWith('.jvm.options') || OPTIONS_DIRECTORY_FILE.test(filePath)
            ? 'java.jvm-options'
            : undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const comments = [];
        const properties = [];
        for (const [lineNo, line] of (0, jvm_args_1.lineOffsets)(file.text).entries()) {
            const trimmed = line.text.trimStart();
            if (trimmed.startsWith('#')) {
                const col = line.text.length - trimmed.length;
                comments.push({
                    text: trimmed.slice(1),
                    range: { start: { line: lineNo, character: col }, end: { line: lineNo, character: line.text.length } },
                });
                continue;
            }
            const option = OPTION_LINE.exec(line.text);
            if (option) {
                const [, indent, min, orLater, max, name, equals, value] = option;
                const prefix = min === undefined ? 0 : line.text.indexOf(':') + 1 - indent.length;
                const nameStart = line.start + indent.length + prefix + 2;
                const valueStart = nameStart + name.length + equals.length;
                properties.push({
                    name: name,
                    value: value,
                    nameRange: index.rangeAt(nameStart, nameStart + name.length),
                    valueRange: index.rangeAt(valueStart, valueStart + value.length),
                    via: 'jvm.options',
                    secret: (0, types_1.isSecretKey)(name),
                    unresolved: jvm_args_1.PLACEHOLDER.test(value),
                    ...(min !== undefined && {
                        jdkFeatures: orLater && max === undefined ? { min: +min } : { min: +min, max: +(max ?? min) },
                    }),
                });
            }
        }
        return { file, kind, entries: (0, jvm_args_1.propertyEntries)(properties), comments, problems: [], data: { properties } };
    },
};
