"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.envFileFormat = void 0;
exports.isEnvFileExample = isEnvFileExample;
/**
 * Environment files (`.env`, `prod.env`, `.env.prod`) that set variables Spring Boot binds (`SPRING_PROFILES_ACTIVE`,
 * `SERVER_SSL_*`, `SPRING_SSL_BUNDLE_*`, `IBM_MQ_*`, `SERVER_PORT`). Such a file sets an app's environment only when
 * something starts the app with it — a Docker Compose service's `env_file:` — so the model binds it through that
 * reference, never by the directory it sits in. The `.env` beside a Compose file that takes values from it (its
 * `${VAR}`s, src/parse/compose-env.ts) is read with this parser too, whatever it sets.
 * Lines are `NAME=value`, `NAME="value"` or `export NAME=value`; `#` starts a comment. Every variable is an entry (a
 * password among them is a secret to find and mask); the Spring-bound ones are also the file's `springEnvironment`.
 * https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax
 */
const path_name_1 = require("../core/path-name");
const text_1 = require("./text");
const jvm_args_1 = require("./java/jvm-args");
const spring_environment_1 = require("./java/spring-environment");
const compose_env_1 = require("./compose-env");
const ENV_FILE_NAME = /^\.env(\.[\w.-]+)?$|\.env$/;
/** `.env.example`, `.env.sample`, `.env.template`, `.env.dist`: documentation of the variables, which nothing runs with. */
const ENV_FILE_EXAMPLE = /\.(example|sample|template|tmpl|tpl|dist|default)$/i;
/** `NAME=` at the start of a line (after `export`). */
const ASSIGNED_NAME = /^[ \t]*(?:export[ \t]+)?([A-Z][A-Z0-9_]*)=/gm;
/**
 * Whether a file is the documentation of an environment file (`.env.example`), not one: also when its name is read as
 * a template of `.env` (src/engine/run/read.ts), which would read its sample values as the environment's.
 */
function isEnvFileExample(filePath) {
    const name = (0, path_name_1.lastPathSegment)(filePath);
    return ENV_FILE_EXAMPLE.test(name) && ENV_FILE_NAME.test(name.replace(ENV_FILE_EXAMPLE, ''));
}
/** Whether the text assigns a variable Spring binds to a setting lint-deploy reads (springPropertyOfVariable). */
function setsSpringVariable(head) {
    for (const m of head.matchAll(ASSIGNED_NAME))
        if ((0, spring_environment_1.springPropertyOfVariable)(m[1]))
            return true;
    return false;
}
exports.envFileFormat = {
    id: 'env-file',
    classify(filePath, head) {
        const name = (0, path_name_1.lastPathSegment)(filePath);
        return ENV_FILE_NAME.test(name) && !ENV_FILE_EXAMPLE.test(name) && setsSpringVariable(head)
            ? 'env-file'
            : undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const comments = [];
        const springEnvironment = [];
        for (const line of (0, jvm_args_1.lineOffsets)(file.text)) {
            const lead = line.text.length - line.text.trimStart().length;
            if (line.text.trimStart().startsWith('#')) {
                comments.push({ text: line.text.slice(lead + 1), range: index.rangeAt(line.start + lead, line.end) });
                continue;
            }
            springEnvironment.push(...(0, spring_environment_1.scanSpringEnvironment)(file.text, index, line.start, line.end));
        }
        return {
            file,
            kind,
            entries: [
                ...(0, spring_environment_1.environmentEntries)(springEnvironment),
                ...(0, compose_env_1.dotEnvVariables)(file.text)
                    .filter((v) => !(0, spring_environment_1.springPropertyOfVariable)(v.name))
                    .map((v) => ({
                    key: v.name,
                    value: v.value,
                    keyRange: v.nameRange,
                    valueRange: v.valueRange,
                    section: 'environment',
                    secret: v.secret,
                })),
            ],
            comments,
            problems: [],
            data: { springEnvironment },
        };
    },
};
