"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.legacyServices = legacyServices;
/** A key at the margin that opens a mapping (`nginx:`), or is anything else. */
const MAPPING_AT_MARGIN = /^([\w.-]+):\s*(#.*)?$/;
/** Keys of a version 1 service besides `image`/`build` (the version 1 reference's service configuration). */
const SERVICE_KEYS = new Set([
    'command',
    'entrypoint',
    'environment',
    'env_file',
    'expose',
    'ports',
    'volumes',
    'volumes_from',
    'volume_driver',
    'links',
    'external_links',
    'extra_hosts',
    'labels',
    'container_name',
    'net',
    'pid',
    'dns',
    'dns_search',
    'cap_add',
    'cap_drop',
    'devices',
    'restart',
    'stdin_open',
    'tty',
    'working_dir',
    'user',
    'hostname',
    'domainname',
    'privileged',
    'mem_limit',
    'cpu_shares',
    'log_driver',
    'log_opt',
    'extends',
    'dockerfile',
    'security_opt',
    'ulimits',
]);
/**
 * Whether a file holds version 1 services: every key at the margin opens a mapping that is service-shaped (an `image:`
 * or `build:` and at least one other service key), none is `services` or `version`. Another YAML file with mappings at
 * the root (Spring's `server:`, a CI file's jobs) has no entry of that shape under every root key.
 */
function legacyServices(text, entries) {
    const names = [];
    for (const line of text.split(/\r?\n/)) {
        if (/^(\s|#|$|---|\.\.\.)/.test(line))
            continue;
        const m = MAPPING_AT_MARGIN.exec(line);
        if (!m || m[1] === 'services' || m[1] === 'version')
            return false;
        names.push(m[1]);
    }
    if (names.length === 0)
        return false;
    const children = new Map(names.map((n) => [n, new Set()]));
    const longestFirst = [...names].sort((a, b) => b.length - a.length);
    for (const { key } of entries) {
        const name = longestFirst.find((n) => key.startsWith(`${n}.`));
        if (name)
            children.get(name).add(key.slice(name.length + 1).split(/[.[]/)[0]);
    }
    return [...children.values()].every((keys) => (keys.has('image') || keys.has('build')) && [...keys].some((k) => SERVICE_KEYS.has(k)));
}
