"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kubernetesFormat = void 0;
const types_1 = require("./types");
const spring_environment_1 = require("./java/spring-environment");
const spring_arguments_1 = require("./java/spring-arguments");
const container_jvm_1 = require("./java/container-jvm");
const spring_1 = require("./spring");
const text_1 = require("./text");
const WORKLOAD_KINDS = /^(Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Pod)$/;
/** A workload manifest, at the start of a line (a Helm template's first lines may be `{{- if }}`). */
const WORKLOAD_HEAD = /^kind:\s*["']?(Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Pod)["']?\s*$/m;
/** A ConfigMap that sets a variable Spring binds or JVM options (for the `envFrom:` that names it). */
const CONFIG_MAP_HEAD = /^kind:\s*["']?ConfigMap["']?\s*$/m;
const SPRING_VARIABLE = /^\s+(SPRING_(PROFILES_ACTIVE|CONFIG_LOCATION|SSL_BUNDLE_\w+)|SERVER_(SSL_\w+|PORT)|IBM_MQ_\w+|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|JAVA_OPTS):/m;
const CONTAINER_KEY = /^(?:spec\.jobTemplate\.)?(?:spec\.template\.)?spec\.containers\[(\d+)\]\.(image|name|env\[(\d+)\]\.(name|valueFrom|value)(?:\..*)?|envFrom\[(\d+)\]\.(configMapRef|secretRef)\.name|(?:args|command)(?:\[\d+\])?)$/;
/** A key of a ConfigMap's `data:` that can be an environment variable (not `application.yml`'s block). */
const DATA_VARIABLE = /^data\.([A-Za-z_][A-Za-z0-9_.-]*)$/;
exports.kubernetesFormat = {
    id: 'kubernetes',
    classify(filePath, head) {
        if (!/\.ya?ml$/i.test(filePath) || !/^apiVersion:/m.test(head))
            return undefined;
        return WORKLOAD_HEAD.test(head) ||
            (CONFIG_MAP_HEAD.test(head) && SPRING_VARIABLE.test(head)) ||
            (0, spring_1.kubernetesUnderSpringName)(filePath, head)
            ? 'kubernetes'
            : undefined;
    },
    parse(file, kind) {
        const parsed = (0, spring_1.parseSpringYaml)(file.text, false);
        const index = new text_1.LineIndex(file.text);
        const containers = [];
        const configMaps = [];
        const envSecrets = [];
        for (const [partIndex, part] of parsed.parts.entries()) {
            const kindOf = part.entries.find((e) => e.key === 'kind')?.value ?? '';
            const name = part.entries.find((e) => e.key === 'metadata.name')?.value ?? '';
            if (kindOf === 'ConfigMap') {
                const jvm = (0, container_jvm_1.noStartJvmOptions)();
                const springEnvironment = part.entries.flatMap((e) => {
                    const variable = DATA_VARIABLE.exec(e.key)?.[1];
                    if (!variable || e.value.includes('\n'))
                        return [];
                    const [start, end] = (0, spring_environment_1.scalarOffsets)(file.text, index, e);
                    (0, container_jvm_1.addVariableOptions)(jvm, file.text, index, variable, e.keyRange, start, end);
                    return variableSetting(file.text, index, variable, e, e);
                });
                if (springEnvironment.length || jvm.jvmVariables.length)
                    configMaps.push({ name, springEnvironment, jvm });
            }
            else if (WORKLOAD_KINDS.test(kindOf))
                containers.push(...containersOf(part.entries, `${kindOf} ${name}`, `${partIndex}:${kindOf} ${name}`, file.text, index, envSecrets));
        }
        const starts = [...containers, ...configMaps];
        const entries = [
            ...starts.flatMap((c) => (0, spring_environment_1.environmentEntries)(c.springEnvironment)),
            ...(0, container_jvm_1.secretOptionEntries)(starts.map((c) => c.jvm)),
            ...envSecrets,
        ];
        // A manifest the YAML reader cannot read gives no container, and no finding here: on a Helm template the rendering
        // with its syntax set aside is the likelier cause than the file (cas-server's templates/statefulset.yaml).
        // A manifest Spring's reader took before (its name is Spring's) keeps that reader's YAML verdict: kubectl and Argo CD
        // refuse the text as SnakeYAML does (omerteomim/argo-demo@c2fb54a environments/prod/application.yml).
        const problems = (0, spring_1.kubernetesUnderSpringName)(file.path, file.text)
            ? parsed.problems.filter((p) => p.code === 'invalid-yaml')
            : [];
        return { file, kind, entries, comments: parsed.comments, problems, data: { containers, configMaps } };
    },
};
/**
 * A Secret the pod mounts as a volume, by name. A secret-named variable set to that name names where the secret is, as
 * the ECK operator's `WEBHOOK_SECRET: elastic-webhook-server-cert` does ("Kubernetes secret mounted into the path
 * designated by webhook-cert-dir to be used for webhook certificates", elastic/cloud-on-k8s@7b93383
 * cmd/manager/main.go; the Secret is the pod's `cert` volume in every operator install.yaml).
 */
const SECRET_VOLUME = /^(?:spec\.jobTemplate\.)?(?:spec\.template\.)?spec\.volumes\[\d+\]\.(?:secret\.secretName|projected\.sources\[\d+\]\.secret\.name)$/;
/**
 * The containers of one workload (init containers prepare the pod: they do not run the app). `secrets` collects the
 * `env:` items whose name is a secret's and whose `value:` is written in the manifest (`- name: MQ_ADMIN_PASSWORD`,
 * `value: passw0rd`), as the entry Compose's map form makes (`…containers[0].env.MQ_ADMIN_PASSWORD`): the item's own
 * entries are keyed `name` and `value`, and so named no secret. A `valueFrom:` is the cluster's, never written here;
 * https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
 */
function containersOf(entries, workload, pod, text, index, secrets) {
    const byIndex = new Map();
    const env = new Map();
    const commands = new Map();
    const mountedSecrets = new Set(entries.filter((e) => SECRET_VOLUME.test(e.key)).map((e) => e.value.trim()));
    for (const entry of entries) {
        const m = CONTAINER_KEY.exec(entry.key);
        if (!m)
            continue;
        const at = m[1];
        if (!byIndex.has(at))
            byIndex.set(at, {
                entries: new Map(),
                container: {
                    label: workload,
                    pod,
                    springEnvironment: [],
                    envFrom: [],
                    springArguments: [],
                    jvm: (0, container_jvm_1.noStartJvmOptions)(),
                    range: entry.keyRange,
                },
            });
        const { container } = byIndex.get(at);
        const field = m[2];
        if (field === 'image')
            container.image = { value: entry.value, range: entry.valueRange };
        else if (field === 'name')
            container.label = `${workload}, container ${entry.value}`;
        else if (m[3] !== undefined) {
            const key = `${at}.${m[3]}`;
            const variable = env.get(key) ?? {};
            variable[m[4]] ??= entry;
            env.set(key, variable);
        }
        else if (m[5] !== undefined)
            container.envFrom.push({
                source: m[6] === 'configMapRef' ? 'configMap' : 'secret',
                name: entry.value,
                range: entry.valueRange,
            });
        else {
            const [start, end] = (0, spring_environment_1.scalarOffsets)(text, index, entry);
            container.springArguments.push(...(0, spring_arguments_1.scanSpringArguments)(text, index, start, end));
            const words = commands.get(at) ?? { command: [], args: [] };
            words[field.startsWith('command') ? 'command' : 'args'].push([start, end]);
            commands.set(at, words);
        }
    }
    // The command replaces the image's ENTRYPOINT, the arguments follow it.
    for (const [at, words] of commands)
        (0, container_jvm_1.addCommandOptions)(byIndex.get(at).container.jvm, text, index, [...words.command, ...words.args]);
    for (const [key, variable] of env) {
        const container = byIndex.get(key.slice(0, key.indexOf('.')))?.container;
        if (!container || !variable.name)
            continue;
        container.springEnvironment.push(...variableSetting(text, index, variable.name.value, variable.name, variable.value ?? variable.valueFrom));
        jvmVariable(container.jvm, text, index, variable.name, variable.value);
        // `$(OTHER)` is another variable of the container, expanded by the kubelet: a reference, not the secret.
        // A variable Spring binds (SERVER_SSL_KEY_STORE_PASSWORD) is already an entry of the setting it binds.
        if (variable.value &&
            (0, types_1.isSecretKey)(variable.name.value) &&
            !variable.value.value.includes('$(') &&
            !mountedSecrets.has(variable.value.value.trim()) &&
            !(0, spring_environment_1.springBoundProperty)(variable.name.value))
            secrets.push({
                ...variable.value,
                key: variable.value.key.replace(/env\[\d+\]\.value$/, `env.${variable.name.value}`),
                keyRange: variable.name.valueRange,
                secret: true,
            });
    }
    return [...byIndex.values()].map((c) => c.container);
}
/**
 * A variable named by `nameEntry` (its value, or its key in a ConfigMap) with the value of `valueEntry`, when Spring
 * binds it. No `value:` (a `valueFrom:`) or a `$(VAR)` reference is a value the cluster gives at run time.
 */
function variableSetting(text, index, variable, nameEntry, valueEntry) {
    const property = (0, spring_environment_1.springBoundProperty)(variable);
    if (!property)
        return [];
    const named = nameEntry.key.startsWith('data.') ? nameEntry.keyRange : nameEntry.valueRange;
    const nameStart = index.offsetAt(named.end) - variable.length;
    if (!valueEntry || valueEntry.key.endsWith('valueFrom') || valueEntry.key.includes('.valueFrom.')) {
        const setting = (0, spring_environment_1.environmentSetting)(text, index, variable, property, nameStart, nameStart, nameStart);
        return [{ ...setting, valueRange: named, unresolved: true }];
    }
    const [start, end] = (0, spring_environment_1.scalarOffsets)(text, index, valueEntry);
    return [(0, spring_environment_1.environmentSetting)(text, index, variable, property, nameStart, start, end)];
}
/** An `env:` item that sets a JVM option variable; without a `value:` (a `valueFrom:`) the cluster gives its words. */
function jvmVariable(into, text, index, name, value) {
    if (value) {
        const [start, end] = (0, spring_environment_1.scalarOffsets)(text, index, value);
        (0, container_jvm_1.addVariableOptions)(into, text, index, name.value, name.valueRange, start, end);
    }
    else {
        const at = index.offsetAt(name.valueRange.end);
        (0, container_jvm_1.addVariableOptions)(into, text, index, name.value, name.valueRange, at, at);
        const set = into.jvmVariables[into.jvmVariables.length - 1];
        if (set?.variable === name.value && set.range === name.valueRange)
            set.opaque = 'valueFrom';
    }
}
