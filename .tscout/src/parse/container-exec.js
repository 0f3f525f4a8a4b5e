"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.containerExecs = containerExecs;
exports.execOf = execOf;
/**
 * The container a shell line runs a command in: `docker exec [options] <container> …` (also `podman exec`, `docker
 * container exec`) names a container, `docker compose [-f file] exec [options] <service> …` (and `docker-compose`) a
 * Compose service. Options that take a value are skipped with it (https://docs.docker.com/reference/cli/docker/container/exec/,
 * https://docs.docker.com/reference/cli/docker/compose/exec/); names stay as written (`$cname` included).
 */
const shell_commands_1 = require("./shell-commands");
/** Options of `docker exec` and `docker compose exec` that take a value as the next word. */
const EXEC_VALUE_OPTIONS = new Set([
    '-e',
    '--env',
    '--env-file',
    '-u',
    '--user',
    '-w',
    '--workdir',
    '--detach-keys',
    '--index',
]);
/** Global options of `docker compose` that take a value. */
const COMPOSE_VALUE_OPTIONS = new Set([
    '-f',
    '--file',
    '-p',
    '--project-name',
    '--project-directory',
    '--env-file',
    '--profile',
    '--ansi',
    '--progress',
    '--parallel',
]);
/** Global options of `docker` itself that take a value. */
const DOCKER_VALUE_OPTIONS = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']);
/** Every `exec` into a container the line's simple commands run (each side of a pipe is one). */
function containerExecs(line) {
    const out = [];
    for (const command of (0, shell_commands_1.simpleCommands)(line)) {
        // Each side of a pipe runs on its own (simpleCommands keeps `|` as a word).
        let words = [];
        for (const word of [...command, '|']) {
            if (word !== '|') {
                words.push(word);
                continue;
            }
            const exec = execOf(words);
            if (exec)
                out.push(exec);
            words = [];
        }
    }
    return out;
}
/** The exec of one simple command's words (one side of a pipe), if it runs one. */
function execOf(words) {
    const start = words.findIndex((w) => /^(docker|podman|docker-compose)$/.test(w.replace(/^.*\//, '')));
    if (start < 0)
        return undefined;
    let i = start + 1;
    const composeFiles = [];
    let compose = words[start].endsWith('docker-compose');
    // docker's own options, then `compose` (a plugin command) or `container`.
    if (!compose)
        for (; i < words.length && words[i].startsWith('-'); i++)
            if (DOCKER_VALUE_OPTIONS.has(words[i]))
                i++;
    if (!compose && words[i] === 'compose') {
        compose = true;
        i++;
    }
    else if (words[i] === 'container')
        i++;
    if (compose)
        for (; i < words.length && words[i].startsWith('-'); i++) {
            const [option, inline] = words[i].split(/=(.*)/s);
            if (!COMPOSE_VALUE_OPTIONS.has(option) || inline !== undefined) {
                if ((option === '-f' || option === '--file') && inline)
                    composeFiles.push(inline);
                continue;
            }
            if (option === '-f' || option === '--file')
                composeFiles.push(words[i + 1] ?? '');
            i++;
        }
    if (words[i] !== 'exec')
        return undefined;
    for (i++; i < words.length && words[i].startsWith('-'); i++)
        if (EXEC_VALUE_OPTIONS.has(words[i]) && !words[i].includes('='))
            i++;
    const name = words[i];
    return name ? { by: compose ? 'service' : 'container', name, composeFiles } : undefined;
}
