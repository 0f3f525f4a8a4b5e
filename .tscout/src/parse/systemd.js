"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.systemdFormat = void 0;
const types_1 = require("./types");
const text_1 = require("./text");
const jvm_args_1 = require("./java/jvm-args");
const java_launch_1 = require("./java/java-launch");
const java_home_1 = require("./java/java-home");
const spring_environment_1 = require("./java/spring-environment");
const spring_arguments_1 = require("./java/spring-arguments");
/**
 * systemd unit files (`*.service`, drop-ins `*.service.d/*.conf`): `[Section]`,
 * `Key=Value`, `#`/`;` comments, `\` continuations (systemd.syntax(7)). JVM `-D`
 * options are read from `Environment=` (`JAVA_OPTS=…`, `JAVA_TOOL_OPTIONS=…`) and `ExecStart=`.
 */
exports.systemdFormat = {
    id: 'systemd',
    classify(filePath, head) {
        const base = (0, jvm_args_1.basenameOf)(filePath);
        if (base.endsWith('.service'))
            return 'systemd.unit';
        if (/\.service\.d$/.test(filePath.split(/[\\/]/).slice(-2, -1)[0] ?? '') &&
            base.endsWith('.conf') &&
            /^\s*\[(Service|Unit)\]/m.test(head))
            return 'systemd.unit';
        return undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const comments = [];
        const entries = [];
        const properties = [];
        /** Secret `-D` words no application's JVM receives (./java/java-launch.ts): still secrets in the file. */
        const elsewhereSecrets = [];
        const springEnvironment = [];
        const springArguments = [];
        const environment = {};
        const javaHomes = [];
        let section = '';
        for (const logical of (0, jvm_args_1.logicalLines)(file.text)) {
            const text = file.text.slice(logical.start, logical.end);
            const lead = text.length - text.trimStart().length;
            const body = text.trim();
            if (body === '')
                continue;
            if (body.startsWith('#') || body.startsWith(';')) {
                comments.push({ text: body.slice(1), range: index.rangeAt(logical.start + lead, logical.end) });
                continue;
            }
            const header = /^\[([^\]]+)\]$/.exec(body);
            if (header) {
                section = header[1];
                continue;
            }
            const eq = text.indexOf('=');
            if (eq === -1)
                continue;
            const key = text.slice(lead, eq).trim();
            const valueStart = logical.start + eq + 1;
            const value = file.text.slice(valueStart, logical.end).trim();
            entries.push({
                key,
                value,
                keyRange: index.rangeAt(logical.start + lead, logical.start + lead + key.length),
                valueRange: index.rangeAt(valueStart, logical.end),
                section,
                secret: (0, types_1.isSecretKey)(key),
            });
            if (key === 'Environment') {
                for (const m of value.matchAll(/"([A-Za-z_]\w*)=([^"]*)"|([A-Za-z_]\w*)=(\S*)/g))
                    environment[m[1] ?? m[3]] = m[2] ?? m[4];
                for (const setting of (0, spring_environment_1.scanSpringEnvironment)(file.text, index, valueStart, logical.end))
                    springEnvironment.push(setting);
            }
            if (key === 'ExecStart')
                for (const argument of (0, spring_arguments_1.scanSpringArguments)(file.text, index, valueStart, logical.end))
                    springArguments.push(argument);
            if (key === 'Environment' || key === 'ExecStart' || key === 'ExecStartPre') {
                const variable = key === 'Environment' ? /([A-Za-z_]\w*)=/.exec(value)?.[1] : key;
                const launched = (0, java_launch_1.scanLaunchProperties)(file.text, index, valueStart, logical.end, variable ?? key);
                properties.push(...launched.jvm);
                elsewhereSecrets.push(...launched.elsewhere.filter((p) => p.secret));
                for (const reference of (0, java_home_1.scanJavaHomes)(file.text, index, valueStart, logical.end))
                    javaHomes.push(reference);
            }
        }
        return {
            file,
            kind,
            entries: [
                ...entries,
                ...(0, jvm_args_1.propertyEntries)(properties),
                ...(0, jvm_args_1.propertyEntries)(elsewhereSecrets),
                ...(0, spring_environment_1.environmentEntries)(springEnvironment),
                ...(0, jvm_args_1.propertyEntries)(springArguments),
            ],
            comments,
            problems: [],
            data: { properties, environment, javaHomes, springEnvironment, springArguments },
        };
    },
};
