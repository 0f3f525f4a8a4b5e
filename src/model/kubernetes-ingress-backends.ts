/**
 * Ingress → Service → container: for each backend of an Ingress that ingress-nginx serves, the container its Service
 * forwards to and what that container serves on the port (Deployment.ingressBackends). ingress-nginx speaks to a
 * backend the protocol its `nginx.ingress.kubernetes.io/backend-protocol` annotation names, HTTP when unwritten
 * (https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#backend-protocol). A route is
 * recorded only when every step is settled by the tree: the Ingress names a controller of ingress-nginx (its class or
 * its annotations), one Service of that name in the Ingress's namespace, its port, the Pod templates its selector
 * picks (all agreeing), the container that declares the port (or the Pod's only one), and an app of the tree that
 * container runs whose port is TLS only (ServerEndpointAttributes.tlsOnlyPorts, a Keycloak HTTPS port) or plain
 * (JavaAppAttributes.plainHttpPort). A value a Helm template writes (`{{ … }}`, a chart default too) leaves it unknown.
 */
import type { Location, Range } from '../core/types';
import type { KubernetesContainer, KubernetesData } from '../parse/kubernetes';
import type {
  KubernetesIngress,
  KubernetesIngressBackend,
  KubernetesPodTemplate,
  KubernetesService,
} from '../parse/kubernetes-routing';
import { substitutedSpansAt, templateSpanAt } from '../parse/template';
import type { ParsedDocument } from '../parse/types';
import { relativePosix } from '../core/posix-path';
import type { ModelContext, ModelContributor } from './contributor';
import { boundContainers } from './java-shared';
import { keycloakStarts, type KeycloakStart } from './keycloak-starts';
import { KEYCLOAK_HTTPS } from '../knowledge/keycloak';
import type { Component } from './types';
import type { JavaAppAttributes, ServerEndpointAttributes } from './attributes';
import type { IngressBackendRoute } from './ingress-backend-route';

type Manifest = ParsedDocument<KubernetesData>;

const PROTOCOL = 'nginx.ingress.kubernetes.io/backend-protocol';
const INGRESS_NGINX_ANNOTATION = 'nginx.ingress.kubernetes.io/';
/** Annotations of other controllers that share the class name `nginx` (F5 NGINX Ingress Controller: `nginx.org/…`). */
const OTHER_CONTROLLER_ANNOTATION =
  /^(?:nginx\.org|appprotect\.f5\.com|traefik\.ingress\.kubernetes\.io|haproxy\.org)\//;
/** The protocols judged: what ingress-nginx speaks to the backend with each. */
const SPEAKS: Record<string, 'tls' | 'plain'> = { HTTP: 'plain', GRPC: 'plain', HTTPS: 'tls', GRPCS: 'tls' };

export const ingressBackendsContributor: ModelContributor = {
  id: 'ingress-backends',
  reads: ['kubernetes'],
  contribute(ctx) {
    const routes = ingressBackends(ctx);
    if (routes.length > 0) ctx.deployment.ingressBackends = routes;
  },
};

/** Whether a range of the manifest is written by its template (a value put in, a chart default included). */
function templated(doc: Manifest, range: Range): boolean {
  return (
    !!doc.template && (!!templateSpanAt(doc.template, range) || substitutedSpansAt(doc.template, range).length > 0)
  );
}

const at = (doc: Manifest, range: Range): Location => ({ file: doc.file.path, range });

/** The protocol ingress-nginx speaks to the Ingress's backends, or undefined when another controller may serve it. */
function spokenProtocol(
  doc: Manifest,
  ingress: KubernetesIngress,
): { speaks: 'tls' | 'plain'; protocol?: IngressBackendRoute['protocol'] } | undefined {
  const keys = [...ingress.annotations.keys()];
  if (keys.some((k) => OTHER_CONTROLLER_ANNOTATION.test(k))) return undefined;
  const classes = [ingress.className, ingress.annotations.get('kubernetes.io/ingress.class')].filter((c) => !!c);
  if (classes.some((c) => templated(doc, c.range) || !/nginx/i.test(c.value))) return undefined;
  if (classes.length === 0 && !keys.some((k) => k.startsWith(INGRESS_NGINX_ANNOTATION))) return undefined;
  // `secure-backends` (removed in 0.21.0) said HTTPS before backend-protocol: an Ingress still naming it is not read.
  if (ingress.annotations.has(`${INGRESS_NGINX_ANNOTATION}secure-backends`)) return undefined;
  // `ssl-passthrough` relays the client's own TLS to the backend (with --enable-ssl-passthrough): no protocol of its own.
  if (ingress.annotations.has(`${INGRESS_NGINX_ANNOTATION}ssl-passthrough`)) return undefined;
  const written = ingress.annotations.get(PROTOCOL);
  if (!written) return { speaks: 'plain' };
  if (templated(doc, written.range)) return undefined;
  const value = written.value
    .replace(/^["']|["']$/g, '')
    .trim()
    .toUpperCase();
  const speaks = SPEAKS[value];
  return speaks ? { speaks, protocol: { value, at: at(doc, written.range) } } : undefined;
}

/** What a container serves on a port, when an app of the tree it runs settles it. */
function servedOn(
  ctx: ModelContext,
  doc: Manifest,
  container: KubernetesContainer,
  port: number,
):
  | (Pick<IngressBackendRoute, 'serves' | 'server' | 'setting' | 'settingAt'> & {
      builtAt?: { at: Location; by: string }[];
    })
  | undefined {
  const components = ctx.deployment.components;
  const bound = boundContainers(ctx).find((b) => b.start.container === container);
  if (bound) {
    const label = bound.group || '.';
    const { builtAt = [], builtBy = [] } = bound.start;
    const built = { builtAt: builtAt.map((where, i) => ({ at: where, by: builtBy[i] ?? '' })) };
    const tls = components
      .filter((c) => c.type === 'spring.server' && c.id.startsWith(`spring.server:${label}:`))
      .flatMap((c) => tlsOnly(c, port));
    if (tls[0]) return { ...tls[0], ...built };
    const app = components.find((c) => c.id === `java.app:${label}`);
    const plain = (app?.attributes as JavaAppAttributes | undefined)?.plainHttpPort;
    // SPRING_APPLICATION_JSON may set server.ssl.* in words the tree reads as none.
    if (app && plain?.port === port && !container.environment.some((v) => v.name === 'SPRING_APPLICATION_JSON'))
      return { serves: 'plain', server: app.name, setting: plain.setting, settingAt: plain.at, ...built };
    return undefined;
  }
  // Keycloak's HTTPS port serves TLS only (./keycloak-https.ts: a start that names its certificate or key store).
  const n = doc.data.containers.indexOf(container);
  const keycloak = `keycloak.server:${relativePosix(ctx.deployment.root, doc.file.path)}#${container.pod}/${n}:`;
  const server = components.find((c) => c.type === 'keycloak.server' && c.id.startsWith(keycloak));
  if (server && (server.attributes as ServerEndpointAttributes).tlsPorts.includes(port))
    return {
      serves: 'tls',
      server: server.name,
      setting: `https-port ${port}, with the certificate named here`,
      settingAt: server.location,
    };
  const start = keycloakStarts(ctx).find((s) => s.file === doc.file.path && s.part === `${container.pod}/${n}`);
  return start && !BITNAMI.test(container.image?.value ?? '') ? keycloakPlainPort(start, port) : undefined;
}

/** Bitnami's image names its HTTP port in variables of its own (KEYCLOAK_HTTP_PORT): not read. */
const BITNAMI = /(^|\/)bitnami\/keycloak\b/;

/**
 * Keycloak's HTTP listener serves plain HTTP on http-port (default 8080: knowledge keycloak.json httpPort) when
 * http-enabled is written true and neither port is left to the run; an opaque environment may set either.
 */
function keycloakPlainPort(
  start: KeycloakStart,
  port: number,
): Pick<IngressBackendRoute, 'serves' | 'server' | 'setting' | 'settingAt'> | undefined {
  const enabled = start.settings.get('http-enabled');
  const httpPort = start.settings.get('http-port');
  const httpsPort = start.settings.get('https-port');
  if (start.opaque || !enabled || enabled.unresolved || enabled.value.trim().toLowerCase() !== 'true') return undefined;
  if (httpPort?.unresolved || httpsPort?.unresolved || Number(httpsPort?.value.trim() ?? NaN) === port)
    return undefined;
  const listens = httpPort ? Number(httpPort.value.trim()) : KEYCLOAK_HTTPS.httpPort;
  if (listens !== port) return undefined;
  return {
    serves: 'plain',
    server: `Keycloak (${start.label})`,
    setting: `${enabled.written}=${enabled.value.trim()}: its HTTP listener on ${httpPort ? `${httpPort.written}=${port}` : `http-port's default ${port}`}`,
    settingAt: enabled.keyAt,
  };
}

function tlsOnly(
  c: Component,
  port: number,
): Pick<IngressBackendRoute, 'serves' | 'server' | 'setting' | 'settingAt'>[] {
  const found = (c.attributes as ServerEndpointAttributes).tlsOnlyPorts?.find((p) => p.port === port);
  return found ? [{ serves: 'tls', server: c.name, setting: found.setting, settingAt: found.at }] : [];
}

/** The containers a Service port reaches, each with the port number it forwards to; undefined when unsettled. */
function reached(
  pods: readonly { doc: Manifest; pod: KubernetesPodTemplate }[],
  service: KubernetesService,
  target: { value: string; named: boolean },
): { doc: Manifest; container: KubernetesContainer; port: number }[] | undefined {
  const selector = service.selector;
  if (!selector) return undefined;
  const picked = pods.filter(
    ({ pod }) => pod.namespace === service.namespace && [...selector].every(([k, v]) => pod.labels.get(k) === v),
  );
  if (picked.length === 0) return undefined;
  const out: { doc: Manifest; container: KubernetesContainer; port: number }[] = [];
  for (const { doc, pod } of picked) {
    const declared = target.named
      ? pod.ports.filter((p) => p.name === target.value)
      : pod.ports.filter((p) => p.containerPort.value === target.value);
    const number = target.named ? declared[0]?.containerPort.value : target.value;
    if (!number || !/^\d+$/.test(number) || declared.some((p) => templated(doc, p.containerPort.range)))
      return undefined;
    const indexes = [...new Set(declared.map((p) => p.container))];
    const index = indexes.length === 1 ? indexes[0] : indexes.length === 0 && pod.containers === 1 ? 0 : undefined;
    const container = doc.data.containers.find((c) => c.pod === pod.pod && c.index === index);
    if (!container) return undefined;
    out.push({ doc, container, port: Number(number) });
  }
  return out;
}

/** Every settled route of the deployment's Ingresses (see the header). */
function ingressBackends(ctx: ModelContext): IngressBackendRoute[] {
  return ctx.once('ingressBackends', () => {
    const manifests = ctx.documentsOf('kubernetes') as Manifest[];
    const services = manifests.flatMap((doc) => (doc.data.services ?? []).map((service) => ({ doc, service })));
    const pods = manifests.flatMap((doc) => (doc.data.pods ?? []).map((pod) => ({ doc, pod })));
    const routes: IngressBackendRoute[] = [];
    for (const doc of manifests)
      for (const ingress of doc.data.ingresses ?? []) {
        const spoken = spokenProtocol(doc, ingress);
        if (!spoken) continue;
        for (const backend of ingress.backends) {
          const route = routeOf(ctx, doc, ingress, backend, { services, pods });
          if (route)
            routes.push({ ...route, speaks: spoken.speaks, ...(spoken.protocol && { protocol: spoken.protocol }) });
        }
      }
    return routes;
  });
}

function routeOf(
  ctx: ModelContext,
  doc: Manifest,
  ingress: KubernetesIngress,
  backend: KubernetesIngressBackend,
  tree: {
    services: readonly { doc: Manifest; service: KubernetesService }[];
    pods: readonly { doc: Manifest; pod: KubernetesPodTemplate }[];
  },
): Omit<IngressBackendRoute, 'protocol' | 'speaks'> | undefined {
  const { port } = backend;
  if (!port || templated(doc, backend.service.range) || templated(doc, port.range)) return undefined;
  const named = tree.services.filter(
    ({ service }) => service.name.value === backend.service.value && service.namespace === ingress.namespace,
  );
  const only = named.length === 1 ? named[0] : undefined;
  if (!only || only.service.type === 'ExternalName' || templated(only.doc, only.service.name.range)) return undefined;
  const servicePort = only.service.ports.find((p) =>
    port.named ? p.name === port.value : p.port?.value === port.value,
  );
  const target = servicePort?.targetPort ?? servicePort?.port;
  if (!servicePort || !target || templated(only.doc, target.range)) return undefined;
  const containers = reached(tree.pods, only.service, { value: target.value, named: !/^\d+$/.test(target.value) });
  const verdicts = containers?.map(({ doc: manifest, container, port: number }) => ({
    container,
    manifest,
    number,
    served: servedOn(ctx, manifest, container, number),
  }));
  const first = verdicts?.[0];
  if (!first?.served || verdicts!.some((v) => v.served?.serves !== first.served!.serves)) return undefined;
  const { builtAt, ...verdict } = first.served;
  return {
    ingress: `Ingress ${ingress.name.value} (${relativePosix(ctx.deployment.root, doc.file.path)})`,
    at: at(doc, backend.service.range),
    service: { name: only.service.name.value, at: at(only.doc, target.range) },
    targetPort: first.number,
    container: {
      label: first.container.label,
      at: at(first.manifest, first.container.range),
      ...(builtAt?.length && { builtAt }),
    },
    ...verdict,
  };
}
