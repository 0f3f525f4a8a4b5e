/**
 * What routes a request to a Kubernetes container: an Ingress's backends (the Service and port each path names), the
 * Service (the Pods its selector picks and the port it forwards to) and a workload's Pod template (its labels, its
 * containers' ports). Read from the flattened entries of one YAML document (./spring.ts parseSpringYaml), as written;
 * which container an Ingress reaches is the model's question (src/model/kubernetes-ingress-backends.ts).
 * https://kubernetes.io/docs/concepts/services-networking/ingress/ (networking.k8s.io/v1 `backend.service.name`,
 * `port.number`/`port.name`, `defaultBackend`; extensions/v1beta1 and networking.k8s.io/v1beta1 `serviceName`,
 * `servicePort`, `backend`), https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
import type { Range } from '../core/types';
import type { Entry } from './types';

/** A value as written, with where. */
export interface WrittenValue {
  value: string;
  range: Range;
}

/** One backend of an Ingress: a path's, or its default backend. */
export interface KubernetesIngressBackend {
  service: WrittenValue;
  /** `port.number` or `servicePort` (a number), or `port.name` (a Service port's name); unset: not written. */
  port?: WrittenValue & { named: boolean };
  /** The rule's `host`, when written. */
  host?: string;
  /** The path's `path`, when written. */
  path?: string;
}

export interface KubernetesIngress {
  name: WrittenValue;
  namespace?: string;
  /** `spec.ingressClassName`. */
  className?: WrittenValue;
  /** Its `metadata.annotations`, by key. */
  annotations: Map<string, WrittenValue>;
  backends: KubernetesIngressBackend[];
}

export interface KubernetesServicePort {
  port?: WrittenValue;
  /** A number, or the name of a container port of the Pod; unset: the same as `port`. */
  targetPort?: WrittenValue;
  name?: string;
}

export interface KubernetesService {
  name: WrittenValue;
  namespace?: string;
  /** `spec.type` (an `ExternalName` Service forwards to no Pod). */
  type?: string;
  /** Its `spec.selector` labels; undefined when it has none (its Endpoints are made by hand). */
  selector?: Map<string, string>;
  ports: KubernetesServicePort[];
}

export interface KubernetesPodTemplate {
  /** As KubernetesContainer.pod: `2:Deployment books-server`. */
  pod: string;
  namespace?: string;
  labels: Map<string, string>;
  /** The `ports:` of its containers, by the container's index in `containers:`. */
  ports: { container: number; containerPort: WrittenValue; name?: string }[];
  /** How many containers it has. */
  containers: number;
}

/**
 * A manifest that only routes to containers (an Ingress, a Service): read for the Ingress → Service → container link
 * (kind `kubernetes.routing`, which neither makes nor splits a deployment: src/discover/environments.ts).
 */
export const ROUTING_HEAD = /^kind:\s*["']?(Ingress|Service)["']?\s*$/m;
export const KUBERNETES_ROUTING_KIND = 'kubernetes.routing';

export interface KubernetesRoutes {
  ingresses: KubernetesIngress[];
  services: KubernetesService[];
  pods: KubernetesPodTemplate[];
}

/** Adds what a YAML document routes (an Ingress, a Service) or is routed to (`pod`: a workload's Pod template). */
export function addRoutes(
  into: KubernetesRoutes,
  entries: readonly Entry[],
  kind: string,
  pod: string | undefined,
  namespace: string | undefined,
): void {
  const ingress = kind === 'Ingress' ? ingressOf(entries, namespace) : undefined;
  if (ingress) into.ingresses.push(ingress);
  const service = kind === 'Service' ? serviceOf(entries, namespace) : undefined;
  if (service) into.services.push(service);
  if (pod !== undefined) into.pods.push(podTemplateOf(entries, pod, namespace));
}

const BACKEND =
  /^spec\.(?:rules\[(\d+)\]\.http\.paths\[(\d+)\]\.backend|defaultBackend|backend)\.(service\.name|service\.port\.number|service\.port\.name|serviceName|servicePort)$/;
const RULE_FIELD = /^spec\.rules\[(\d+)\]\.(?:host|http\.paths\[(\d+)\]\.path)$/;
const SERVICE_PORT = /^spec\.ports\[(\d+)\]\.(port|targetPort|name)$/;
/** The Pod template of a workload (a Pod is its own). */
const POD_SPEC = /^(?:spec\.jobTemplate\.)?(?:spec\.template\.)?/;
const CONTAINER_PORT = /^spec\.containers\[(\d+)\]\.ports\[(\d+)\]\.(containerPort|name)$/;
const CONTAINER_AT = /^spec\.containers\[(\d+)\]\./;

const written = (e: Entry): WrittenValue => ({ value: e.value.trim(), range: e.valueRange });

/** The entries under a key prefix, by the rest of their key (`metadata.annotations.` → `kubernetes.io/ingress.class`). */
function under(entries: readonly Entry[], prefix: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const e of entries)
    if (e.key.startsWith(prefix) && e.key.length > prefix.length) out.set(e.key.slice(prefix.length), e);
  return out;
}

/** An Ingress document (`kind: Ingress`), or undefined without a name. */
function ingressOf(entries: readonly Entry[], namespace: string | undefined): KubernetesIngress | undefined {
  const name = entries.find((e) => e.key === 'metadata.name');
  if (!name) return undefined;
  const backends = new Map<string, { service?: Entry; port?: Entry; named?: boolean; rule?: string; path?: string }>();
  const rules = new Map<string, string>();
  const paths = new Map<string, string>();
  for (const e of entries) {
    const m = BACKEND.exec(e.key);
    if (m) {
      const at = m[1] === undefined ? 'default' : `${m[1]}.${m[2]}`;
      const backend = backends.get(at) ?? (m[1] === undefined ? {} : { rule: m[1] });
      const field = m[3]!;
      if (field === 'service.name' || field === 'serviceName') backend.service = e;
      else {
        backend.port = e;
        backend.named = field === 'service.port.name' || (field === 'servicePort' && !/^\d+$/.test(e.value.trim()));
      }
      backends.set(at, backend);
      continue;
    }
    const r = RULE_FIELD.exec(e.key);
    if (r && r[2] === undefined) rules.set(r[1]!, e.value.trim());
    else if (r) paths.set(`${r[1]}.${r[2]}`, e.value.trim());
  }
  const className = entries.find((e) => e.key === 'spec.ingressClassName');
  return {
    name: written(name),
    ...(namespace !== undefined && { namespace }),
    ...(className && { className: written(className) }),
    annotations: new Map([...under(entries, 'metadata.annotations.')].map(([k, e]) => [k, written(e)])),
    backends: [...backends].flatMap(([at, b]): KubernetesIngressBackend[] => {
      if (!b.service) return [];
      const host = b.rule === undefined ? undefined : rules.get(b.rule);
      const path = paths.get(at);
      return [
        {
          service: written(b.service),
          ...(b.port && { port: { ...written(b.port), named: b.named === true } }),
          ...(host !== undefined && { host }),
          ...(path !== undefined && { path }),
        },
      ];
    }),
  };
}

/** A Service document (`kind: Service`), or undefined without a name. */
function serviceOf(entries: readonly Entry[], namespace: string | undefined): KubernetesService | undefined {
  const name = entries.find((e) => e.key === 'metadata.name');
  if (!name) return undefined;
  const ports = new Map<string, KubernetesServicePort>();
  for (const e of entries) {
    const m = SERVICE_PORT.exec(e.key);
    if (!m) continue;
    const port = ports.get(m[1]!) ?? {};
    if (m[2] === 'name') port.name = e.value.trim();
    else port[m[2] as 'port' | 'targetPort'] = written(e);
    ports.set(m[1]!, port);
  }
  const selector = under(entries, 'spec.selector.');
  const type = entries.find((e) => e.key === 'spec.type')?.value.trim();
  return {
    name: written(name),
    ...(namespace !== undefined && { namespace }),
    ...(type && { type }),
    ...(selector.size > 0 && { selector: new Map([...selector].map(([k, e]) => [k, e.value.trim()])) }),
    ports: [...ports.values()],
  };
}

/** A workload's Pod template: its labels and its containers' ports. */
function podTemplateOf(entries: readonly Entry[], pod: string, namespace: string | undefined): KubernetesPodTemplate {
  const labels = new Map<string, string>();
  const ports = new Map<string, { container: number; containerPort?: Entry; name?: string }>();
  const containers = new Set<string>();
  const podKind = /:Pod /.test(pod);
  for (const e of entries) {
    const prefix = POD_SPEC.exec(e.key)?.[0] ?? '';
    const rest = e.key.slice(prefix.length);
    if (rest.startsWith('metadata.labels.') && (prefix !== '' || podKind))
      labels.set(rest.slice('metadata.labels.'.length), e.value.trim());
    const c = CONTAINER_AT.exec(rest);
    if (c) containers.add(c[1]!);
    const m = CONTAINER_PORT.exec(rest);
    if (!m) continue;
    const key = `${m[1]}.${m[2]}`;
    const port = ports.get(key) ?? { container: Number(m[1]) };
    if (m[3] === 'name') port.name = e.value.trim();
    else port.containerPort = e;
    ports.set(key, port);
  }
  return {
    pod,
    ...(namespace !== undefined && { namespace }),
    labels,
    ports: [...ports.values()].flatMap((p) =>
      p.containerPort
        ? [{ container: p.container, containerPort: written(p.containerPort), ...(p.name && { name: p.name }) }]
        : [],
    ),
    containers: containers.size,
  };
}
