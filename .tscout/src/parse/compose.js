"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.composeFormat = void 0;
const types_1 = require("./types");
const jvm_args_1 = require("./java/jvm-args");
const compose_volumes_1 = require("./compose-volumes");
const spring_environment_1 = require("./java/spring-environment");
const compose_environment_1 = require("./compose-environment");
const spring_arguments_1 = require("./java/spring-arguments");
const container_jvm_1 = require("./java/container-jvm");
const spring_1 = require("./spring");
const text_1 = require("./text");
const compose_legacy_1 = require("./compose-legacy");
// A service name may hold dots (`oe.openelis.org`: Compose allows [a-zA-Z0-9._-]); the flattened keys join levels with
// dots too, so the name is the shortest prefix after which a known key follows.
const SERVICE_KEY = /^services\.([^[\]]+?)\.(build(?:\.context|\.dockerfile(?:_inline)?)?|image|container_name|hostname|networks\.[^.[\]]+\.aliases\[\d+\]|network_mode|environment(?:\.(.+)|\[\d+\])|command(?:\[\d+\])?|env_file(?:\[\d+\](?:\.path)?)?)$/;
/** A service's `entrypoint:` or `command:` (a string or a list), read for a `java` command's JVM options. */
const STARTS_KEY = /^services\.([^[\]]+?)\.(entrypoint|command)(?:\[\d+\])?$/;
/** Compose `secrets:` name secrets kept elsewhere (a service's list, the top-level `file:`/`environment:`): no value. */
const SECRET_REFERENCE = /^(services\.[^[\]]+?\.)?secrets([.[]|$)/;
/**
 * A top-level volume or network is named by its key: `volumes: {secrets: {driver: local}}` (swimlane/elk-tls-docker@19f0baa
 * docker-compose.setup.yml) is a volume called secrets and its driver, no secret. Only a driver's options are free-form
 * settings (a volume plugin's `password`), judged by their own key.
 */
const RESOURCE_DRIVER_OPTION = /^(?:volumes|networks)\..*?\.driver_opts\.(.+)$/;
const RESOURCE_DEFINITION = /^(?:volumes|networks)\./;
/**
 * A service's key after the service's name, the attributes of a service in the Compose Specification after it. A
 * service is named by its key too: neo4j/docker-neo4j@9df98ef src/test/resources/dockersecrets names one
 * `secretscontainer`, whose `environment: [NEO4J_ACCEPT_LICENSE_AGREEMENT=yes]` holds no secret.
 */
const SERVICE_ATTRIBUTE = /^services\.[^[\]]+?\.((?:annotations|attach|build|blkio_config|cpu_\w+|cpus|cpuset|cap_add|cap_drop|cgroup|cgroup_parent|command|configs|container_name|credential_spec|depends_on|deploy|develop|device_cgroup_rules|devices|dns|dns_opt|dns_search|domainname|entrypoint|env_file|environment|expose|extends|external_links|extra_hosts|gpus|group_add|healthcheck|hostname|image|init|ipc|isolation|labels|label_file|links|logging|mac_address|mem_\w+|memswap_limit|models|network_mode|networks|oom_kill_disable|oom_score_adj|pid|pids_limit|platform|ports|post_start|pre_stop|privileged|profiles|provider|pull_policy|read_only|restart|runtime|scale|secrets|security_opt|shm_size|stdin_open|stop_grace_period|stop_signal|storage_opt|sysctls|tmpfs|tty|ulimits|use_api_socket|user|userns_mode|uts|volumes|volumes_from|working_dir)(?:[.[].*)?)$/;
/** Whether a key a secret's words name is only named so (a service, a top-level volume or network): no secret. */
const namesResourceOnly = (key) => {
    const option = RESOURCE_DRIVER_OPTION.exec(key)?.[1];
    if (option !== undefined)
        return !(0, types_1.isSecretKey)(option);
    const attribute = SERVICE_ATTRIBUTE.exec(key)?.[1];
    return attribute !== undefined ? !(0, types_1.isSecretKey)(attribute) : RESOURCE_DEFINITION.test(key);
};
exports.composeFormat = {
    id: 'compose',
    classify(filePath, head) {
        const base = (0, jvm_args_1.basenameOf)(filePath);
        return /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/.test(base) ||
            (/\.ya?ml$/i.test(base) && !/^values\b/.test(base) && (0, compose_volumes_1.composeHead)(head))
            ? 'compose'
            : undefined;
    },
    parse(file, kind) {
        const parsed = (0, spring_1.parseSpringYaml)(file.text);
        const index = new text_1.LineIndex(file.text);
        const written = parsed.parts.flatMap((p) => p.entries);
        // Keys as the Compose Specification writes them (`services.<name>.…`), whichever format the file is in; the
        // document's own entries keep the keys as written.
        const legacy = (0, compose_legacy_1.legacyServices)(file.text, written);
        const specKey = (key) => (legacy ? `services.${key}` : key);
        const entries = written.map((entry) => entry.secret && (SECRET_REFERENCE.test(specKey(entry.key)) || namesResourceOnly(specKey(entry.key)))
            ? { ...entry, secret: false }
            : entry);
        const services = new Map();
        const service = (name) => {
            if (!services.has(name))
                services.set(name, {
                    name,
                    environment: [],
                    springEnvironment: [],
                    springArguments: [],
                    envFiles: [],
                    networkAliases: [],
                    jvm: (0, container_jvm_1.noStartJvmOptions)(),
                });
            return services.get(name);
        };
        const starts = new Map();
        for (const entry of entries) {
            const key = specKey(entry.key);
            const start = STARTS_KEY.exec(key);
            if (start) {
                const words = starts.get(start[1]) ?? { entrypoint: [], command: [] };
                words[start[2]].push((0, spring_environment_1.scalarOffsets)(file.text, index, entry));
                starts.set(start[1], words);
            }
            const m = SERVICE_KEY.exec(key);
            if (!m)
                continue;
            const named = service(m[1]);
            if (m[2] === 'build.dockerfile')
                named.dockerfile = entry.value;
            else if (m[2] === 'build.dockerfile_inline')
                named.dockerfileInline = entry.valueRange;
            else if (m[2].startsWith('build'))
                named.build = entry.value;
            else if (m[2] === 'image') {
                named.image = entry.value;
                named.imageRange = entry.valueRange;
            }
            else if (m[2] === 'container_name')
                named.containerName = { value: entry.value.trim(), range: entry.valueRange };
            else if (m[2] === 'hostname')
                named.hostname = { value: entry.value.trim(), range: entry.valueRange };
            else if (m[2].startsWith('networks.'))
                named.networkAliases.push({ value: entry.value.trim(), range: entry.valueRange });
            else if (m[2] === 'network_mode')
                named.networkMode = { value: entry.value.trim(), range: entry.valueRange };
            else if (m[2].startsWith('env_file'))
                named.envFiles.push({ path: entry.value, range: entry.valueRange });
            else if (m[2].startsWith('command')) {
                const [start, end] = (0, spring_environment_1.scalarOffsets)(file.text, index, entry);
                named.springArguments.push(...(0, spring_arguments_1.scanSpringArguments)(file.text, index, start, end));
            }
            else {
                const variable = (0, compose_environment_1.composeVariable)(entry, m[3], file.text, index);
                if (!variable)
                    continue;
                named.environment.push(variable);
                const setting = springSetting(variable);
                if (setting)
                    named.springEnvironment.push(setting);
                jvmVariable(named.jvm, entry, m[3], file.text, index);
            }
        }
        // A build mapping without a context builds the Compose file's directory (compose-spec/compose-spec#376: `context`
        // is optional and defaults to `.`): loolzaaa/sso-authentication-server@3d8cc38 writes `build: {dockerfile: Dockerfile}`.
        for (const named of services.values())
            if (named.build === undefined && (named.dockerfile !== undefined || named.dockerfileInline))
                named.build = '.';
        // The entrypoint runs with the command as its arguments.
        for (const [name, words] of starts)
            (0, container_jvm_1.addCommandOptions)(service(name).jvm, file.text, index, [...words.entrypoint, ...words.command]);
        return {
            file,
            kind,
            entries: [
                ...entries,
                ...listedSecrets([...services.values()], legacy ? '' : 'services.'),
                ...(0, container_jvm_1.secretOptionEntries)([...services.values()].map((s) => s.jvm)),
            ],
            comments: parsed.comments,
            problems: parsed.problems,
            data: {
                services: [...services.values()],
                mounts: (0, compose_volumes_1.composeMounts)(entries.map((e) => ({ ...e, key: specKey(e.key) })), file.text, index),
            },
        };
    },
};
/**
 * The Spring setting a variable binds, if any. A variable Compose takes from the shell (`- NAME`, `NAME: ~`;
 * compose-go types/mapping.go MappingWithEquals.Resolve: left out when the shell lacks it) is unknown to the tree:
 * written as the variable it comes from.
 */
function springSetting(variable) {
    const property = (0, spring_environment_1.springBoundProperty)(variable.name);
    if (!property)
        return undefined;
    const value = variable.value ?? `\${${variable.name}}`;
    return {
        name: property,
        value,
        nameRange: variable.nameRange,
        valueRange: variable.valueRange,
        secret: (0, types_1.isSecretKey)(variable.name),
        via: variable.name,
        unresolved: variable.value === undefined || jvm_args_1.PLACEHOLDER.test(value),
    };
}
/**
 * `environment: [NAME=value]` items whose name is a secret's (`- MQ_SSL_PASS=passw0rd`), as the entry the map form
 * makes (`services.<s>.environment.NAME`): the item's own entry is keyed by its index, and so named no secret.
 */
function listedSecrets(services, prefix) {
    return services.flatMap((service) => service.environment.flatMap((variable) => variable.form === 'list' && variable.value !== undefined && (0, types_1.isSecretKey)(variable.name)
        ? [
            {
                ...variable.entry,
                key: `${prefix}${service.name}.environment.${variable.name}`,
                value: variable.value,
                keyRange: variable.nameRange,
                valueRange: variable.valueRange,
                secret: true,
            },
        ]
        : []));
}
/** An `environment:` item that sets a JVM option variable (`JAVA_TOOL_OPTIONS: -Dx=y`, `- JAVA_OPTS=-Dx=y`). */
function jvmVariable(into, entry, key, text, index) {
    const [start, end] = (0, spring_environment_1.scalarOffsets)(text, index, entry);
    if (key !== undefined) {
        const nameEnd = index.offsetAt(entry.keyRange.end);
        (0, container_jvm_1.addVariableOptions)(into, text, index, key, index.rangeAt(nameEnd - key.length, nameEnd), start, end);
        return;
    }
    const eq = entry.value.indexOf('=');
    if (eq <= 0)
        return;
    const variable = entry.value.slice(0, eq);
    (0, container_jvm_1.addVariableOptions)(into, text, index, variable, index.rangeAt(start, start + eq), start + eq + 1, end);
}
