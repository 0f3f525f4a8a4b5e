/**
 * Kubernetes workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod; also Helm templates and
 * Kustomize overlays of them) as the start of the containers they run: each container's image, the environment its
 * `env:` sets (`value:`; `valueFrom:` is a value the cluster gives at run time), the ConfigMaps and Secrets its
 * `envFrom:` names, and the Spring `--name=value` arguments of its `args:`/`command:` — read as Docker Compose's
 * `environment:`/`command:` are. A ConfigMap or Secret whose keys set Spring-bound variables is read too, for the
 * `envFrom:` that names it (./kubernetes-env-sources.ts). Which app of the tree a container runs is the model's question (src/model/container-starts.ts).
 * https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/#configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables
 */
import type { Range } from '../core/types';
import type { Entry, FormatHandler, ParsedDocument } from './types';
import { isSecretKey } from './types';
import type { JvmProperty } from './java/jvm-args';
import { environmentEntries, scalarOffsets, springBoundProperty } from './java/spring-environment';
import { scanSpringArguments } from './java/spring-arguments';
import {
  addCommandOptions,
  kubernetesJvmVariable,
  noStartJvmOptions,
  secretOptionEntries,
  type StartJvmOptions,
} from './java/container-jvm';
import { kubernetesUnderSpringName, parseSpringYaml } from './spring';
import { LineIndex } from './text';
import {
  sourceOf,
  sourceVolumesOf,
  volumeMountsOf,
  type KubernetesSource,
  type KubernetesVolume,
  type KubernetesVolumeMount,
} from './kubernetes-volumes';
import { isStrimziKafka, strimziKafkaOf, type StrimziKafka } from './strimzi-kafka';
import { isStrimziClient, strimziClientOf, type StrimziClient } from './strimzi-clients';
import { mappingKeys, type MappingKey } from './yaml-mapping-keys';
import { addRoutes, KUBERNETES_ROUTING_KIND, ROUTING_HEAD, type KubernetesRoutes } from './kubernetes-routing';
import {
  envSourceOf,
  KEY_REF,
  keyRefOf,
  variableSetting,
  type KeyRef,
  type KubernetesEnvSource,
  type RefField,
  type RefSource,
} from './kubernetes-env-sources';

export interface KubernetesEnvFrom {
  /** `configMapRef` or `secretRef`. */
  source: 'configMap' | 'secret';
  name: string;
  /** `prefix:`: the kubelet sets each key as this prefix followed by the key. */
  prefix?: string;
  range: Range;
}

/** One `env:` item of a container, whatever it names (products other than Spring read their own variables). */
export interface KubernetesVariable {
  name: string;
  /** The written value (unquoted); undefined for a `valueFrom:` (the cluster gives it). */
  value?: string;
  nameRange: Range;
  /** The value's range, else the name's. */
  valueRange: Range;
  /** `valueFrom.secretKeyRef` / `configMapKeyRef`: the key whose value the kubelet sets (kubernetes-secret-values.ts). */
  secretKeyRef?: KeyRef;
  configMapKeyRef?: KeyRef;
}

export type { KeyRef };

export interface KubernetesContainer {
  /** What runs it, as users say it: `Deployment books-server, container books-server`. */
  label: string;
  /**
   * The Pod template it is one container of, within its manifest file (`2:Deployment books-server`: the third YAML
   * document). The containers of one Pod share its network namespace, hence one `localhost`
   * (https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking).
   */
  pod: string;
  image?: { value: string; range: Range };
  /** Its `env:` variables that Spring binds (a `valueFrom:` one is `unresolved`: the cluster decides it). */
  springEnvironment: JvmProperty[];
  /** Its `envFrom:` sources in order (a later one wins; `env:` wins over all). */
  envFrom: KubernetesEnvFrom[];
  /** Spring `--name=value` arguments of its `command:` and `args:`. */
  springArguments: JvmProperty[];
  /** JVM options its `env:` option variables and its `command:`/`args:` running `java` give. */
  jvm: StartJvmOptions;
  /** Every `env:` item in order (a later item of the same name wins, as the kubelet sets them). */
  environment: KubernetesVariable[];
  /** The values of its `command:` then `args:` items (the command replaces the image's ENTRYPOINT). */
  commandLine: Range[];
  /** Its `volumeMounts:`, and the Pod's volumes that ConfigMaps and Secrets fill (./kubernetes-volumes.ts). */
  mounts: KubernetesVolumeMount[];
  volumes: KubernetesVolume[];
  /** Its manifest's `metadata.namespace`, when written. */
  namespace?: string;
  /** Its index in the Pod template's `containers:` (KubernetesPodTemplate.ports). */
  index?: number;
  range: Range;
}

/** Its Ingresses, Services and workloads' Pod templates (./kubernetes-routing.ts); unset in a document made elsewhere. */
export interface KubernetesData extends Partial<KubernetesRoutes> {
  containers: KubernetesContainer[];
  /** The ConfigMaps and Secrets of the file that set variables lint-deploy reads (for the `envFrom:` that names them). */
  envSources: KubernetesEnvSource[];
  /** Every ConfigMap and Secret of the file, with its keys (for the volumes and `envFrom:` that name them). */
  sources: KubernetesSource[];
  /** Strimzi `Kafka` resources (./strimzi-kafka.ts). */
  strimziKafkas: StrimziKafka[];
  /** Strimzi `KafkaConnect` and `KafkaBridge` resources, Kafka clients (./strimzi-clients.ts). */
  strimziClients: StrimziClient[];
}

const WORKLOAD_KINDS = /^(Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Pod)$/;
/** A workload manifest, at the start of a line (a Helm template's first lines may be `{{- if }}`). */
const WORKLOAD_HEAD = /^kind:\s*["']?(Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Pod)["']?\s*$/m;
/**
 * A ConfigMap or Secret whose keys a container may read: a variable Keycloak reads (for an `envFrom:`), a
 * certificate or store file (for a volume).
 */
const SOURCE_HEAD = /^kind:\s*["']?(ConfigMap|Secret)["']?\s*$/m;
const SOURCE_KEYS = /^\s+(?:KC_\w+|[\w.-]+\.(?:pem|crt|cer|p12|pfx|jks|keystore|truststore)):/m;
/** A Strimzi `Kafka` resource (./strimzi-kafka.ts), or a `KafkaConnect` or `KafkaBridge` one (./strimzi-clients.ts). */
const STRIMZI_API_HEAD = /^apiVersion:\s*["']?kafka\.strimzi\.io\//m;
const STRIMZI_KAFKA_HEAD = /^kind:\s*["']?Kafka(?:Connect|Bridge)?["']?\s*$/m;
const SPRING_VARIABLE =
  /^\s+(SPRING_(PROFILES_ACTIVE|CONFIG_LOCATION|SSL_BUNDLE_\w+)|SERVER_(SSL_\w+|PORT)|IBM_MQ_\w+|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|JAVA_OPTS):/m;
const CONTAINER_KEY =
  /^(?:spec\.jobTemplate\.)?(?:spec\.template\.)?spec\.containers\[(\d+)\]\.(image|name|env\[(\d+)\]\.(name|valueFrom|value)(?:\..*)?|envFrom\[(\d+)\]\.(configMapRef\.name|secretRef\.name|prefix)|(?:args|command)(?:\[\d+\])?)$/;

export const kubernetesFormat: FormatHandler<KubernetesData> = {
  id: 'kubernetes',
  classify(filePath, head) {
    if (!/\.ya?ml$/i.test(filePath) || !/^apiVersion:/m.test(head)) return undefined;
    return WORKLOAD_HEAD.test(head) ||
      (SOURCE_HEAD.test(head) && (SPRING_VARIABLE.test(head) || SOURCE_KEYS.test(head))) ||
      (STRIMZI_API_HEAD.test(head) && STRIMZI_KAFKA_HEAD.test(head)) ||
      kubernetesUnderSpringName(filePath, head)
      ? 'kubernetes'
      : ROUTING_HEAD.test(head)
        ? KUBERNETES_ROUTING_KIND
        : undefined;
  },
  parse(file, kind): ParsedDocument<KubernetesData> {
    const parsed = parseSpringYaml(file.text, false);
    const index = new LineIndex(file.text);
    const containers: KubernetesContainer[] = [];
    const envSources: KubernetesEnvSource[] = [];
    const sources: KubernetesSource[] = [];
    const strimziKafkas: StrimziKafka[] = [];
    const strimziClients: StrimziClient[] = [];
    const routes: KubernetesRoutes = { ingresses: [], services: [], pods: [] };
    const envSecrets: Entry[] = [];
    const spans = partLines(parsed.parts);
    // The file's mapping keys, read once when a Strimzi resource first asks (./yaml-mapping-keys.ts).
    let fileMapKeys: MappingKey[] | undefined;
    for (const [partIndex, part] of parsed.parts.entries()) {
      const kindOf = part.entries.find((e) => e.key === 'kind')?.value ?? '';
      const nameEntry = part.entries.find((e) => e.key === 'metadata.name');
      const name = nameEntry?.value ?? '';
      const namespace = part.entries.find((e) => e.key === 'metadata.namespace')?.value.trim() || undefined;
      // A routing manifest's ConfigMaps and Secrets are read as every unclassified file's are (engine/run/read.ts).
      const routingOnly = kind === KUBERNETES_ROUTING_KIND;
      if ((kindOf === 'ConfigMap' || kindOf === 'Secret') && nameEntry && !routingOnly) {
        const source = kindOf === 'Secret' ? 'secret' : 'configMap';
        const lines = spans[partIndex];
        sources.push({ ...sourceOf(part.entries, source, nameEntry, namespace), ...(lines && { lines }) });
        const variables = envSourceOf(part.entries, source, name, namespace, file.text, index);
        if (variables) envSources.push(variables);
      }
      const pod = WORKLOAD_KINDS.test(kindOf) ? `${partIndex}:${kindOf} ${name}` : undefined;
      addRoutes(routes, part.entries, kindOf, pod, namespace);
      if (routingOnly) continue;
      const strimziClient = isStrimziClient(part.entries);
      if (strimziClient || isStrimziKafka(part.entries)) {
        // Keys whose value is a mapping leave no entry of their own: `listeners: {tls: {}}` and `tls: {}` turn TLS on.
        const lines = spans[partIndex];
        fileMapKeys ??= mappingKeys(file.text, 0, Number.MAX_SAFE_INTEGER);
        const mapKeys = lines
          ? fileMapKeys.filter((k) => k.range.start.line >= lines.start.line && k.range.start.line <= lines.end.line)
          : [];
        const kafka = strimziClient ? undefined : strimziKafkaOf(part.entries, mapKeys);
        if (kafka) strimziKafkas.push(kafka);
        const client = strimziClient ? strimziClientOf(part.entries, mapKeys) : undefined;
        if (client) strimziClients.push(client);
      } else if (pod)
        containers.push(
          ...containersOf(part.entries, `${kindOf} ${name}`, pod, file.text, index, envSecrets).map((c) =>
            namespace === undefined ? c : { ...c, namespace },
          ),
        );
    }
    // A Secret's keys are no setting written in the clear: security/plaintext-secret does not judge them.
    const starts = [...containers, ...envSources.filter((s) => s.source === 'configMap')];
    const entries = [
      ...starts.flatMap((c) => environmentEntries(c.springEnvironment)),
      ...secretOptionEntries(starts.map((c) => c.jvm)),
      ...envSecrets,
    ];
    // A manifest the YAML reader cannot read gives no container, and no finding here: on a Helm template the rendering
    // with its syntax set aside is the likelier cause than the file (cas-server's templates/statefulset.yaml).
    // A manifest Spring's reader took before (its name is Spring's) keeps that reader's YAML verdict: kubectl and Argo CD
    // refuse the text as SnakeYAML does (omerteomim/argo-demo@c2fb54a environments/prod/application.yml).
    const problems = kubernetesUnderSpringName(file.path, file.text)
      ? parsed.problems.filter((p) => p.code === 'invalid-yaml')
      : [];
    return {
      file,
      kind,
      entries,
      comments: parsed.comments,
      problems,
      data: { containers, envSources, sources, strimziKafkas, strimziClients, ...routes },
    };
  },
};

/**
 * A Secret the pod mounts as a volume, by name. A secret-named variable set to that name names where the secret is, as
 * the ECK operator's `WEBHOOK_SECRET: elastic-webhook-server-cert` does ("Kubernetes secret mounted into the path
 * designated by webhook-cert-dir to be used for webhook certificates", elastic/cloud-on-k8s@7b93383
 * cmd/manager/main.go; the Secret is the pod's `cert` volume in every operator install.yaml).
 */
const SECRET_VOLUME =
  /^(?:spec\.jobTemplate\.)?(?:spec\.template\.)?spec\.volumes\[\d+\]\.(?:secret\.secretName|projected\.sources\[\d+\]\.secret\.name)$/;

/**
 * The containers of one workload (init containers prepare the pod: they do not run the app). `secrets` collects the
 * `env:` items whose name is a secret's and whose `value:` is written in the manifest (`- name: MQ_ADMIN_PASSWORD`,
 * `value: passw0rd`), as the entry Compose's map form makes (`…containers[0].env.MQ_ADMIN_PASSWORD`): the item's own
 * entries are keyed `name` and `value`, and so named no secret. A `valueFrom:` is the cluster's, never written here;
 * https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
 */
function containersOf(
  entries: Entry[],
  workload: string,
  pod: string,
  text: string,
  index: LineIndex,
  secrets: Entry[],
): KubernetesContainer[] {
  const byIndex = new Map<string, { entries: Map<string, Entry>; container: KubernetesContainer }>();
  const env = new Map<
    string,
    {
      name?: Entry;
      value?: Entry;
      valueFrom?: Entry;
      refs: Partial<Record<RefSource, Partial<Record<RefField, Entry>>>>;
    }
  >();
  const commands = new Map<string, { command: [number, number][]; args: [number, number][] }>();
  const envFrom = new Map<string, { source?: Entry; prefix?: Entry }>();
  const mountedSecrets = new Set(entries.filter((e) => SECRET_VOLUME.test(e.key)).map((e) => e.value.trim()));
  const mounts = volumeMountsOf(entries);
  const volumes = sourceVolumesOf(entries);
  for (const entry of entries) {
    const m = CONTAINER_KEY.exec(entry.key);
    if (!m) continue;
    const at = m[1]!;
    if (!byIndex.has(at))
      byIndex.set(at, {
        entries: new Map(),
        container: {
          label: workload,
          pod,
          springEnvironment: [],
          envFrom: [],
          springArguments: [],
          jvm: noStartJvmOptions(),
          environment: [],
          commandLine: [],
          mounts: mounts.get(at) ?? [],
          volumes,
          index: Number(at),
          range: entry.keyRange,
        },
      });
    const { container } = byIndex.get(at)!;
    const field = m[2]!;
    if (field === 'image') container.image = { value: entry.value, range: entry.valueRange };
    else if (field === 'name') container.label = `${workload}, container ${entry.value}`;
    else if (m[3] !== undefined) {
      const key = `${at}.${m[3]}`;
      const variable = env.get(key) ?? { refs: {} };
      variable[m[4] as 'name' | 'value' | 'valueFrom'] ??= entry;
      const ref = KEY_REF.exec(entry.key);
      if (ref) (variable.refs[ref[1] as RefSource] ??= {})[ref[2] as RefField] = entry;
      env.set(key, variable);
    } else if (m[5] !== undefined) {
      const from = envFrom.get(`${at}.${m[5]}`) ?? {};
      from[m[6] === 'prefix' ? 'prefix' : 'source'] = entry;
      envFrom.set(`${at}.${m[5]}`, from);
      if (m[6] !== 'prefix')
        container.envFrom.push({
          source: m[6] === 'configMapRef.name' ? 'configMap' : 'secret',
          name: entry.value,
          range: entry.valueRange,
        });
    } else {
      const [start, end] = scalarOffsets(text, index, entry);
      container.springArguments.push(...scanSpringArguments(text, index, start, end));
      const words = commands.get(at) ?? { command: [], args: [] };
      words[field.startsWith('command') ? 'command' : 'args'].push([start, end]);
      commands.set(at, words);
    }
  }
  // A `prefix:` may come before or after the source it renames.
  for (const [key, { source, prefix }] of envFrom) {
    const from = byIndex
      .get(key.slice(0, key.indexOf('.')))
      ?.container.envFrom.find((f) => f.range === source?.valueRange);
    if (from && prefix?.value.trim()) from.prefix = prefix.value.trim();
  }
  // The command replaces the image's ENTRYPOINT, the arguments follow it.
  for (const [at, words] of commands) {
    const { container } = byIndex.get(at)!;
    addCommandOptions(container.jvm, text, index, [...words.command, ...words.args]);
    container.commandLine = [...words.command, ...words.args].map(([start, end]) => index.rangeAt(start, end));
  }
  for (const [key, variable] of env) {
    const container = byIndex.get(key.slice(0, key.indexOf('.')))?.container;
    if (!container || !variable.name) continue;
    const secretKeyRef = variable.value ? undefined : keyRefOf(variable.refs.secretKeyRef);
    const configMapKeyRef = variable.value ? undefined : keyRefOf(variable.refs.configMapKeyRef);
    container.environment.push({
      ...environmentVariable(text, index, variable.name, variable.value),
      ...(secretKeyRef && { secretKeyRef }),
      ...(configMapKeyRef && { configMapKeyRef }),
    });
    container.springEnvironment.push(
      ...variableSetting(text, index, variable.name.value, variable.name, variable.value ?? variable.valueFrom),
    );
    kubernetesJvmVariable(container.jvm, text, index, variable.name, variable.value);
    // `$(OTHER)` is another variable of the container, expanded by the kubelet: a reference, not the secret.
    // A variable Spring binds (SERVER_SSL_KEY_STORE_PASSWORD) is already an entry of the setting it binds.
    if (
      variable.value &&
      isSecretKey(variable.name.value) &&
      !variable.value.value.includes('$(') &&
      !mountedSecrets.has(variable.value.value.trim()) &&
      !springBoundProperty(variable.name.value)
    )
      secrets.push({
        ...variable.value,
        key: variable.value.key.replace(/env\[\d+\]\.value$/, `env.${variable.name.value}`),
        keyRange: variable.name.valueRange,
        secret: true,
      });
  }
  return [...byIndex.values()].map((c) => c.container);
}

/** An `env:` item as the container's variable: its value unquoted, none for a `valueFrom:`. */
function environmentVariable(
  text: string,
  index: LineIndex,
  name: Entry,
  value: Entry | undefined,
): KubernetesVariable {
  if (!value) return { name: name.value, nameRange: name.valueRange, valueRange: name.valueRange };
  const [start, end] = scalarOffsets(text, index, value);
  return {
    name: name.value,
    value: text.slice(start, end),
    nameRange: name.valueRange,
    valueRange: index.rangeAt(start, end),
  };
}

/** The lines of each YAML document of the file: from its first entry to the line before the next document's. */
function partLines(parts: readonly { entries: readonly Entry[] }[]): (Range | undefined)[] {
  const firsts = parts.map((p) =>
    p.entries.length ? Math.min(...p.entries.map((e) => e.keyRange.start.line)) : undefined,
  );
  return firsts.map((first, i) => {
    if (first === undefined) return undefined;
    const next = firsts.slice(i + 1).find((f) => f !== undefined);
    const last = next === undefined ? Number.MAX_SAFE_INTEGER : next - 1;
    return { start: { line: first, character: 0 }, end: { line: last, character: 0 } };
  });
}
