/**
 * Spring Boot apps that Docker Compose runs from an image the tree does not build (`image:` only), configured only by
 * the service's environment: Spring Boot binds `SERVER_SSL_KEY_STORE`, `SERVER_SSL_ENABLED_PROTOCOLS`, `SERVER_PORT`…
 * to its settings by relaxed binding
 * (https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.relaxed-binding.environment-variables),
 * so the service's embedded HTTPS server is known from the Compose file alone, and a proxy of the tree that calls it
 * gets a server end. A service is taken for Spring Boot only when its environment (with its `env_file:` files) or its
 * `command:` names Spring settings: at least one `server.ssl.*` property only Spring Boot's `Ssl` has, or an SSL bundle
 * (`spring.ssl.bundle.*`), and no `server.ssl.*` name Spring does not bind (Kibana's image reads `SERVER_SSL_KEY`,
 * `SERVER_SSL_KEYSTORE_PATH`…): knowledge spring-boot.json embeddedServer. `SERVER_PORT` alone says nothing. Its image
 * must not be one of the products lint-deploy models or knows to read such variables (PRODUCT_IMAGE).
 *
 * The server answers to the names Compose gives the service's containers on its networks (the service name,
 * `container_name`, `hostname`, network `aliases`: https://docs.docker.com/compose/how-tos/networking/) on its container
 * port: `server.port`, else Spring Boot's default (knowledge). Its JDK is the image's where the knowledge base knows the
 * image (`eclipse-temurin:17-jre`), else unknown. A store path is a file the service's own bind mounts put there: one
 * no mount of the tree fills is in the image or outside the tree, hence unknown.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { springEmbeddedServer } from '../knowledge';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { JvmOptionsData, JvmProperty } from '../parse/java/jvm-args';
import { springKey } from '../parse/spring';
import type { ParsedDocument } from '../parse/types';
import { composeBuildsOf } from './compose-builds';
import { composeProjectOf, deploymentMounts } from './compose-mounts';
import { composeVariablesOf } from './compose-variables';
import type { ModelContext, ModelContributor } from './contributor';
import type { PropertySource } from './java-shared';
import { serviceImageRuntime } from './kafka-brokers';
import { mountedTreeFile } from './kafka-protocols';
import { imageBuilds, imageRepository } from './container-starts';
import { springSettings, valueWrittenAt } from './spring-settings';
import { springServer } from './spring-server';
import { springTrust } from './spring-stores';
import { placedStore, treeStoresOf, unplacedStore, withTrust, type TreeStores } from './store-files';
import type {
  CertificateRef,
  JavaAppComponent,
  JavaRuntime,
  SpringServerComponent,
  StoreRef,
  TreeMount,
} from './types';
import { relativePosix } from '../core/posix-path';

/**
 * The last part of the image repositories of products lint-deploy models from their own files (nginx, httpd, HAProxy,
 * Tomcat, Jetty, WildFly, Liberty, IBM MQ, Kafka and Confluent's images, ActiveMQ…; src/knowledge/data/jdk-locations.json
 * and openssl-servers.json name their images) or that read `SERVER_SSL_*` as their own settings (Kibana,
 * OpenSearch Dashboards): their containers are not Spring Boot apps whatever their environment says.
 */
const PRODUCT_IMAGE =
  /^(nginx(-unprivileged)?|openresty|httpd|apache2?|haproxy|tomcat|tomee|jetty|wildfly|payara|server-(full|web|node)|micro|glassfish|(open|websphere)-liberty|websphere-traditional|weblogic|keycloak|mq|kafka(-native)?|cp-[a-z-]+|zookeeper|kibana|elasticsearch(-oss)?|logstash|opensearch(-dashboards)?|solr|activemq(-artemis|-classic)?|artemis|cassandra|flink)$/;

/** Whether the image is one of those products (its repository's last part, any registry or tag). */
function modelledProductImage(image: string): boolean {
  const repository = imageRepository(image);
  return repository !== undefined && PRODUCT_IMAGE.test(repository.split('/').at(-1) ?? '');
}

/** One Compose service of a project, over the files that define it (an override's environment after the base's). */
interface ImageService {
  name: string;
  project: string;
  /** The files that define it, in the order Compose merges them, each with its service. */
  parts: { doc: ParsedDocument<ComposeData>; service: ComposeService }[];
}

/** `compose.yaml` before its default override; other files are projects of their own. */
const OVERRIDE = /^(docker-)?compose\.override\.ya?ml$/;

/** Every Compose service, its definitions merged per project and name. */
function composeServices(docs: readonly ParsedDocument<ComposeData>[]): ImageService[] {
  const byKey = new Map<string, ImageService>();
  const ordered = [...docs].sort(
    (a, b) =>
      Number(OVERRIDE.test(path.basename(a.file.path))) - Number(OVERRIDE.test(path.basename(b.file.path))) ||
      a.file.path.localeCompare(b.file.path),
  );
  for (const doc of ordered)
    for (const service of doc.data.services) {
      const project = composeProjectOf(doc.file.path);
      const key = `${project}\0${service.name}`;
      const found = byKey.get(key) ?? { name: service.name, project, parts: [] };
      found.parts.push({ doc, service });
      byKey.set(key, found);
    }
  return [...byKey.values()];
}

/** The Spring settings a service's start gives: its `env_file:` files, then its `environment:`, and its `command:` arguments. */
function startSettings(
  ctx: ModelContext,
  service: ImageService,
): { environment: PropertySource[]; commandLine: PropertySource[] } {
  const environment: PropertySource[] = [];
  const commandLine: PropertySource[] = [];
  for (const { doc, service: part } of service.parts) {
    for (const { envFile, doc: read } of composeVariablesOf(ctx, doc, part).envFileDocuments) {
      const settings = (read.data as JvmOptionsData | undefined)?.springEnvironment ?? [];
      const via = [{ file: doc.file.path, range: envFile.range, message: `env_file of service ${part.name}` }];
      for (const property of settings) environment.push({ doc: read, property, composed: true, via });
    }
    for (const property of part.springEnvironment) environment.push({ doc, property, composed: true });
    for (const property of part.springArguments) commandLine.push({ doc, property, composed: true });
  }
  return { environment, commandLine };
}

/**
 * Whether the settings show a Spring Boot app: a `server.ssl.*` property only Spring Boot's web server has, or an SSL
 * bundle; and every `server.ssl.*` name one Spring binds.
 */
function namesSpringSettings(properties: readonly JvmProperty[]): boolean {
  const server = springEmbeddedServer();
  const known = new Set(server.sslProperties.map((p) => springKey(`server.ssl.${p}`)));
  const shared = new Set(server.sharedSslProperties.map((p) => springKey(`server.ssl.${p}`)));
  const ssl = properties.map((p) => springKey(p.name)).filter((k) => k.startsWith('server.ssl.'));
  if (ssl.some((k) => !known.has(k))) return false;
  return ssl.some((k) => !shared.has(k)) || properties.some((p) => springKey(p.name).startsWith('spring.ssl.bundle.'));
}

/** The service's image and where it is written (the last definition that names one), when no definition builds it. */
function imageOnly(service: ImageService): { image: string; part: ImageService['parts'][number] } | undefined {
  if (service.parts.some((p) => p.service.build !== undefined)) return undefined;
  const part = service.parts.filter((p) => p.service.image !== undefined).at(-1);
  const image = part?.service.image?.trim();
  return part && image ? { image, part } : undefined;
}

/** A runtime the user declares, without what a JDK of the tree adds to it (its java.security, its -D options). */
function declaredOnly(runtime: JavaRuntime | undefined): JavaRuntime | undefined {
  if (runtime?.version.from.kind !== 'config') return undefined;
  const { vendor, version, implementor, attachment } = runtime;
  return {
    vendor,
    version,
    securityProperties: {},
    systemProperties: {},
    ...(implementor && { implementor }),
    ...(attachment && { attachment }),
  };
}

/** The host names Compose gives the service's containers, lower-cased, each once. */
function serviceHostnames(service: ImageService): string[] {
  const names = [service.name];
  for (const { service: part } of service.parts) {
    if (part.containerName) names.push(part.containerName.value);
    if (part.hostname) names.push(part.hostname.value);
    names.push(...part.networkAliases.map((a) => a.value));
  }
  // A name Compose fills in from the shell (`${HOST}`) is not one the tree gives.
  return [...new Set(names.filter((n) => n !== '' && !/[${}]/.test(n)).map((n) => n.toLowerCase()))];
}

export const springImageServicesContributor: ModelContributor = {
  id: 'spring-image-services',
  reads: ['compose'],
  contribute(ctx) {
    const docs = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
    const stores = treeStoresOf(ctx);
    const springFiles = ctx.documentsOf('spring.').map((d) => d.file.path);
    // An image a build of the tree names (a Compose build + image, Skaffold, the build file's bootBuildImage or Jib
    // name) runs that directory's app: its environment is that app's, not another app's (left to the Java contributor).
    const built = new Set(
      imageBuilds(ctx.deployment.documents, ctx.deployment.root, composeBuildsOf(ctx)).map((b) => b.repository),
    );
    for (const service of composeServices(docs)) {
      const image = imageOnly(service);
      const repository = image && imageRepository(image.image);
      if (!image || modelledProductImage(image.image) || (repository && built.has(repository))) continue;
      // Spring files of the tree mounted into the container are an app of the Java contributor's (its directory's):
      // the two would be one app read twice. Left to that one.
      const own = serviceMounts(ctx, service);
      if (springFiles.some((file) => own.some((m) => file === m.hostPath || file.startsWith(m.hostPath + path.sep))))
        continue;
      const start = startSettings(ctx, service);
      if (!namesSpringSettings([...start.environment, ...start.commandLine].map((s) => s.property))) continue;
      const server = imageServer(ctx, service, image, start, stores);
      if (server) ctx.addComponent(server);
    }
  },
};

function imageServer(
  ctx: ModelContext,
  service: ImageService,
  image: { image: string; part: ImageService['parts'][number] },
  start: { environment: PropertySource[]; commandLine: PropertySource[] },
  stores: TreeStores,
): SpringServerComponent | undefined {
  const { doc } = image.part;
  const label = `${relativePosix(ctx.deployment.root, doc.file.path)}#${service.name}`;
  // The image's JDK; else one the user declares (--java-version, config "java" or "components"): a JDK found in the
  // tree does not run a container of an image the tree does not build.
  const runtime = serviceImageRuntime(doc, image.part.service, ctx.memo) ?? declaredOnly(ctx.runtimeFor(doc.file.path));
  const app: JavaAppComponent = {
    id: `java.app:${label}`,
    type: 'java.app',
    name: `Spring Boot app of Compose service ${service.name} (image ${image.image})`,
    role: 'client',
    location: { file: doc.file.path, ...(image.part.service.imageRange && { range: image.part.service.imageRange }) },
    host: ctx.hostOf(doc.file.path),
    runtime,
    tls: { implementation: runtime?.vendor.value === 'ibm' ? 'ibmjsse2' : 'jsse' },
    documents: service.parts.map((p) => p.doc),
    attributes: { urls: [], profiles: [] },
  };
  const settings = springSettings([], [], { systemProperties: [], ...start });
  const made = springServer([], settings, app, undefined, undefined, stores);
  if (!made) return undefined;
  const own = deploymentMounts(ctx).filter((m) => m.project === service.project && m.mount.service === service.name);
  const server = withTrust(made, springTrust(made, settings, stores));
  const port = made.attributes.tlsPorts[0];
  const tls = server.tls && { ...server.tls };
  if (tls?.certificate) {
    const written = valueWrittenAt(settings, tls.certificate.reference);
    tls.certificate = certificateThroughMounts(tls.certificate, written, own, stores);
  }
  if (tls?.trust)
    tls.trust = {
      ...tls.trust,
      ...(tls.trust.keyStore && { keyStore: storeThroughMounts(tls.trust.keyStore, own, stores) }),
      ...(tls.trust.trustStore && { trustStore: storeThroughMounts(tls.trust.trustStore, own, stores) }),
    };
  return {
    ...server,
    name: `Spring Boot HTTPS server (Compose service ${service.name}, port ${port ?? 'unknown'})`,
    ...(tls && { tls }),
    attributes: { ...server.attributes, hostnames: serviceHostnames(service), composeImage: image.image },
  };
}

/** The service's bind mounts whose source is known (./compose-mounts.ts), over the files that define it. */
function serviceMounts(ctx: ModelContext, service: ImageService): TreeMount[] {
  return deploymentMounts(ctx).filter((m) => m.project === service.project && m.mount.service === service.name);
}

/** Where a container path is in the tree: the file a bind mount of the service puts there, else unknown (in the image). */
function throughMounts(
  written: string,
  own: readonly TreeMount[],
  stores: TreeStores,
): { file: string; mountedAt: Location } | { mountedFromOutside: Location } | undefined {
  const containerPath = written.trim().replace(/^file:/, '');
  if (!path.posix.isAbsolute(containerPath) || /[${}]/.test(containerPath)) return undefined;
  const mounted = mountedTreeFile(own, path.posix.normalize(containerPath));
  if (!mounted) return undefined;
  return stores.typeOf(mounted.file) !== undefined
    ? { file: mounted.file, mountedAt: mounted.at }
    : { mountedFromOutside: mounted.at };
}

/** The server's key store or PEM certificate as the container reads it (its value as written: `written(reference)`). */
function certificateThroughMounts(
  ref: CertificateRef,
  written: string | undefined,
  own: readonly TreeMount[],
  stores: TreeStores,
): CertificateRef {
  const { file: _resolved, mountedAt: _at, mountedFromOutside: _outside, copiedAt: _copied, ...rest } = ref;
  const found = written === undefined ? undefined : throughMounts(written, own, stores);
  if (!found) return rest;
  // The derive stage names a certificate outside the tree by its path (derive/certificate-files.ts).
  return 'file' in found ? { ...rest, ...found } : { ...rest, file: written!.trim(), ...found };
}

/** A store the server's settings name, as the container reads it; a type detected from a tree file goes with it. */
function storeThroughMounts(ref: StoreRef, own: readonly TreeMount[], stores: TreeStores): StoreRef {
  const kept = unplacedStore(ref);
  const found = throughMounts(ref.path.value, own, stores);
  if (!found) return kept;
  if (!('file' in found)) return { ...kept, ...found };
  return placedStore(kept, found.file, stores.typeOf(found.file), { mountedAt: found.mountedAt });
}
