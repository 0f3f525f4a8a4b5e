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
exports.jlinkRuntimes = jlinkRuntimes;
exports.jlinkedHome = jlinkedHome;
exports.jlinkedAt = jlinkedAt;
exports.jlinkJdk = jlinkJdk;
exports.dockerfileJlinkRuntimes = dockerfileJlinkRuntimes;
const path = __importStar(require("node:path"));
const knowledge_1 = require("../knowledge");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const dockerfile_copies_1 = require("../parse/dockerfile-copies");
const shell_commands_1 = require("../parse/shell-commands");
/** A command substitution (`$(jdeps --print-module-deps app.jar)`), one level of parentheses inside. */
const COMMAND_SUBSTITUTION = /\$\((?:[^()]|\([^()]*\))*\)|`[^`]*`/g;
/** A substitution that reads a file back: `$(cat deps.info)`. */
const CAT = /^(?:\$\(|`)\s*cat\s+["']?([^\s"')`]+)["']?\s*(?:\)|`)$/;
/** `--add-modules` values that stand for a whole module path or system image: every module is there. */
const ALL_MODULES = /^ALL-/;
/**
 * The runtimes the Dockerfile's `jlink` commands build that the running image holds: built in a stage it builds on,
 * or copied from another stage by a `COPY --from=<stage>` of the output directory (or a directory above it).
 */
function jlinkRuntimes(data) {
    const held = (0, dockerfile_stages_1.runtimeStages)(data);
    const copies = (0, dockerfile_stages_1.heldCopies)(data).filter((copy) => copy.from !== undefined);
    const out = [];
    const runs = data.commands
        .filter((command) => command.instruction === 'RUN' && /\bj(link|deps)\b/.test(command.text))
        .map((run) => ({ run, commands: commandsOf((0, dockerfile_stages_1.joinedText)(run)) }));
    // Files jdeps's module list is written to (`jdeps … --print-module-deps app.jar > deps.info`), read back by `$(cat …)`.
    const jdepsFiles = new Set(runs.flatMap(({ commands }) => commands.flatMap((words) => path.posix.basename(words[0] ?? '') === 'jdeps' && words.includes('>')
        ? [words[words.indexOf('>') + 1] ?? '']
        : [])));
    for (const { run, commands } of runs) {
        for (const words of commands) {
            const command = words[0] === 'sudo' ? words.slice(1) : words;
            if (path.posix.basename(command[0] ?? '') !== 'jlink')
                continue;
            const linked = jlinkOptions(command.slice(1), run.variables ?? {}, jdepsFiles);
            if (!linked.output)
                continue;
            const output = absoluteIn(linked.output, data.stages[run.stage]?.workdir);
            const runtime = { ...linked, output, stage: run.stage, command: command[0], range: run.range };
            if (held.includes(run.stage))
                out.push(runtime);
            else {
                const copy = copies.find((c) => fromStage(data, c.from) === run.stage && c.sources.some((s) => holds(s, output)));
                if (copy)
                    out.push({ ...runtime, copy });
            }
        }
    }
    return out;
}
/** What a jlink command line asks: its modules, `--bind-services`, `--output`. */
function jlinkOptions(args, variables, jdepsFiles) {
    let modules = [];
    let fromJdeps = false;
    let bindServices = false;
    let output;
    const valueOf = (i, name) => (args[i] === name ? args[i + 1] : args[i].slice(name.length + 1));
    for (let i = 0; i < args.length; i++) {
        const word = args[i];
        if (word === '--bind-services')
            bindServices = true;
        else if (word === '--output' || word.startsWith('--output='))
            output = valueOf(i, '--output');
        else if (word === '--add-modules' || word.startsWith('--add-modules=')) {
            const value = valueOf(i, '--add-modules') ?? '';
            // jdeps lists the modules the code refers to; the rest of the value is read as written.
            const substitutions = value.match(COMMAND_SUBSTITUTION) ?? [];
            const jdeps = (s) => /\bjdeps\b/.test(s) || jdepsFiles.has(CAT.exec(s)?.[1] ?? '');
            if (substitutions.some(jdeps))
                fromJdeps = true;
            const rest = (0, dockerfile_copies_1.substituteVariables)(value.replace(COMMAND_SUBSTITUTION, ''), variables);
            if (rest === undefined || !substitutions.every(jdeps))
                modules = undefined;
            const names = (rest ?? '').split(',').filter(Boolean);
            if (names.some((name) => ALL_MODULES.test(name)))
                modules = undefined;
            modules?.push(...names);
        }
        if (word === '--output' || word === '--add-modules')
            i++;
    }
    const known = output === undefined ? undefined : (0, dockerfile_copies_1.substituteVariables)(output, variables);
    return { modules, fromJdeps, bindServices, ...(known ? { output: known } : {}) };
}
/** The stage a `COPY --from=<name or index>` names; undefined for an image. */
function fromStage(data, from) {
    const byName = data.stages.findIndex((stage) => stage.alias !== undefined && stage.alias.toLowerCase() === from.toLowerCase());
    if (byName >= 0)
        return byName;
    return /^\d+$/.test(from) && Number(from) < data.stages.length ? Number(from) : undefined;
}
/** Whether copying `source` (a path in the stage) copies the directory `output`. */
function holds(source, output) {
    const from = normalAbsolute(source);
    return output === from || output.startsWith(from === '/' ? '/' : `${from}/`);
}
/** `dir` as an absolute path: relative to the stage's WORKDIR, or to `/` when the base image sets none we know. */
function absoluteIn(dir, workdir) {
    return trimSlash(path.posix.normalize(dir.startsWith('/') ? dir : path.posix.join(workdir ?? '/', dir)));
}
function trimSlash(dir) {
    return dir.length > 1 ? dir.replace(/\/+$/, '') : dir;
}
/** A RUN's commands: its exec form's words (`RUN ["jlink", "--add-modules", "java.base", …]`), or its shell line's. */
function commandsOf(text) {
    const words = (0, dockerfile_copies_1.jsonWords)(text.trim());
    return words ? [words] : (0, shell_commands_1.simpleCommands)(text);
}
/**
 * Where the running image holds the runtime: `--output` when it runs jlink itself, else the COPY's destination (Docker
 * copies a directory's content: `COPY --from=jre-build /javaruntime $JAVA_HOME` puts it at $JAVA_HOME), with what lies
 * between the copied directory and the output (`COPY --from=build /opt /opt` of `/opt/jre`).
 */
function jlinkedHome(runtime) {
    const { copy } = runtime;
    if (!copy)
        return runtime.output;
    if (!copy.destination)
        return undefined;
    const source = copy.sources
        .map(normalAbsolute)
        .find((s) => runtime.output === s || runtime.output.startsWith(`${s}/`));
    return source === undefined
        ? undefined
        : trimSlash(path.posix.join(copy.destination, runtime.output.slice(source.length)));
}
/** The runtime the running image holds at `home` (a JAVA_HOME, a java command's directory); undefined when none or several. */
function jlinkedAt(runtimes, home) {
    const normal = normalAbsolute(home);
    const at = runtimes.filter((runtime) => jlinkedHome(runtime) === normal);
    return at.length === 1 ? at[0] : undefined;
}
/** The JDK that runs jlink: its stage's image, else the JDK an absolute jlink path lies in (`/usr/lib/jvm/java-11-openjdk/bin/jlink`). */
function jlinkJdk(data, runtime, memo) {
    const stage = (0, dockerfile_stages_1.imageStage)(data, runtime.stage);
    const fromImage = stage?.image ? (0, knowledge_1.jdkFromImage)(stage.image, memo) : undefined;
    if (fromImage)
        return fromImage;
    return runtime.command.startsWith('/')
        ? (0, knowledge_1.jdkFromPath)(path.posix.dirname(path.posix.dirname(runtime.command)), memo)
        : undefined;
}
function normalAbsolute(dir) {
    return trimSlash(path.posix.normalize(dir.startsWith('/') ? dir : `/${dir}`));
}
/** The jlink runtimes of every Dockerfile of the deployment, read once by the model (runtimes) and the rules. */
function dockerfileJlinkRuntimes(documents, memo) {
    const out = [];
    for (const doc of documents) {
        if (doc.kind !== 'dockerfile')
            continue;
        const data = doc.data;
        for (const runtime of jlinkRuntimes(data)) {
            const jdk = jlinkJdk(data, runtime, memo);
            const stage = (0, dockerfile_stages_1.imageStage)(data, runtime.stage);
            const builtFrom = stage?.image && (0, knowledge_1.jdkFromImage)(stage.image, memo) ? stage.written : runtime.command;
            const withoutEcProvider = ecProviderLeftOut(runtime, jdk);
            out.push({
                ...runtime,
                file: doc.file.path,
                ...(jdk ? { jdk } : {}),
                builtFrom,
                ...(withoutEcProvider ? { withoutEcProvider } : {}),
            });
        }
    }
    return out;
}
/** Whether the runtime leaves out the elliptic-curve provider's module (DockerfileJlinkRuntime.withoutEcProvider). */
function ecProviderLeftOut(runtime, jdk) {
    const ec = (0, knowledge_1.jlinkEcProvider)();
    if (runtime.bindServices || (!runtime.modules && !runtime.fromJdeps))
        return undefined;
    if (runtime.modules?.includes(ec.module))
        return undefined;
    const feature = (jdk && (0, knowledge_1.parseJavaVersion)(jdk.version ?? jdk.feature ?? '')?.feature) ?? NaN;
    if (!Number.isFinite(feature))
        return 'jdk-unknown';
    return feature >= ec.fromFeature && feature < ec.inJavaBaseFromFeature ? 'absent' : undefined;
}
