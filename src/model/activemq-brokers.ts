/**
 * ActiveMQ brokers' TLS listeners as TLS servers (`activemq.listener`), for the clients that call them
 * (./java-links.ts). Both brokers run their listeners on the JVM's JSSE:
 * - Artemis: an `<acceptor>` with `sslEnabled=true` (a TLS-only port: Netty's SslHandler reads every connection). Its
 *   parameters (apache/activemq-artemis@2.44.0 artemis-core-client/…/remoting/impl/netty/TransportConstants.java, read by
 *   artemis-server/…/netty/NettyAcceptor.java getSslHandler): `enabledProtocols` and `enabledCipherSuites` split at
 *   commas and trimmed (SSLSupport.parseCommaSeparatedListIntoArray) into SSLEngine.setEnabledProtocols/CipherSuites,
 *   SSLv3 and SSLv2Hello then dropped; `needClientAuth`, else `wantClientAuth` (both false by default); `keyStorePath`,
 *   `keyStoreType`, `keyStorePassword`, `keyStoreAlias`, `trustStorePath` (a URL, else a file, else a class path
 *   resource: SSLSupport.validateStoreURL; the broker's `etc/` is on its class path, so a bare name is the file beside
 *   broker.xml). `sslProvider=OPENSSL` runs netty-tcnative's OpenSSL instead of JSSE (DEFAULT_SSL_PROVIDER "JDK"): not
 *   modelled, its links are unknown. A `${name}` / `${name:default}` in broker.xml is a system property or environment
 *   variable read at start (utils/XMLUtil.java replaceSystemPropsInString): unknown here.
 * - Classic: a `<transportConnector>` whose scheme is TLS (`ssl`, `nio+ssl`, `auto+ssl`, `auto+nio+ssl`, and the
 *   `stomp`, `amqp`, `mqtt` variants). `transport.enabledProtocols` / `transport.enabledCipherSuites` are set on the
 *   SSLServerSocket (or the NIO transport's SSLEngine); `needClientAuth` / `wantClientAuth`, bare or with the
 *   `transport.` prefix (apache/activemq@activemq-6.1.6 activemq-client/…/transport/tcp/SslTransportFactory.java doBind,
 *   TcpTransportServer.configureServerSocket, SslTransportServer.bind, nio/NIOSSLTransport.java). The key and trust
 *   stores are the broker's `<sslContext>` (activemq-spring SpringSslContext: a file, a URL, else a class path resource,
 *   the conf directory being on the class path: assembly/src/release/bin/activemq); without one, the JVM's default
 *   SSLContext: its `-Djavax.net.ssl.*` stores where the tree gives them to the broker's JVM (ACTIVEMQ_SSL_OPTS or
 *   ACTIVEMQ_OPTS in the environment of the Compose services or images that run it: ./activemq-jvm-stores.ts).
 *   `https` and `wss` connectors run on Jetty's SslContextFactory: not modelled.
 * The JDK is the Compose service's image's where a service runs the file (jdk-locations.json; an image it does not map
 * leaves the JDK unknown, never another JDK of the tree), else the JDK that runs the file's directory.
 */
import { ours, said } from '../core/phrase';
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import {
  CLASSIC_TLS_SCHEMES,
  commaSeparated,
  uriParameter,
  type ActivemqBrokerData,
  type BrokerListener,
  type BrokerUriParameter,
} from '../parse/activemq';
import type { ComposeData } from '../parse/compose';
import type { ParsedDocument } from '../parse/types';
import type { ModelContributor, ModelContext } from './contributor';
import { deploymentMounts } from './compose-mounts';
import {
  brokerJvmStores,
  jvmTrust,
  storesTrust,
  type BrokerJvmStores,
  type RunningService,
} from './activemq-jvm-stores';
import { traced } from './java-shared';
import { serviceImageRuntime } from './kafka-brokers';
import { mountedTreeFile } from './kafka-protocols';
import { containerRunners } from './loopback';
import { storeRef, treeStoresOf, type TreeStores } from './store-files';
import type {
  ClientAuthMode,
  Component,
  JavaRuntime,
  StoreRef,
  TlsSettings,
  TlsTrustSettings,
  TreeMount,
} from './types';
import { relativePosix } from '../core/posix-path';
import { keyStoreOrUnknown, trustStoreOrCacerts } from './attributes-tls';

const PLACEHOLDER = /\$\{/;
const isTrue = (p: BrokerUriParameter | undefined) => p?.value.trim().toLowerCase() === 'true';

/** A listener that speaks TLS: Artemis `sslEnabled=true` (Boolean.valueOf), Classic a TLS scheme. */
export function listenerSpeaksTls(product: 'artemis' | 'classic', listener: BrokerListener): boolean {
  return product === 'artemis'
    ? isTrue(uriParameter(listener.uri, 'sslEnabled'))
    : CLASSIC_TLS_SCHEMES.test(listener.uri.scheme);
}

/** The broker's process, as far as the tree says: the Compose services running its file, their JDK. */
interface BrokerProcess {
  services: string[];
  /** The Compose services running the file, with the file defining each. */
  running: RunningService[];
  mounts: TreeMount[];
  runtime?: JavaRuntime;
  /** A Classic broker without <sslContext>: the JVM stores the tree gives it (./activemq-jvm-stores.ts). */
  jvmStores?: BrokerJvmStores | { unknown: string };
}

function brokerProcess(ctx: ModelContext, file: string): BrokerProcess {
  const services = containerRunners(ctx)(file).filter((s) => !s.pod);
  if (services.length === 0) {
    const runtime = ctx.runtimeFor(file);
    return { services: [], running: [], mounts: [], ...(runtime ? { runtime } : {}) };
  }
  const names = new Set(services.map((s) => s.name));
  const mounts = deploymentMounts(ctx).filter((m) => m.mount.service !== undefined && names.has(m.mount.service));
  const running = ctx
    .documentsOf('compose')
    .flatMap((doc) =>
      (doc.data as ComposeData).services
        .filter((s) => names.has(s.name) && services.some((r) => r.at.file === doc.file.path))
        .map((service) => ({ doc: doc as ParsedDocument<ComposeData>, service })),
    );
  // Services that build their image from the file's directory (no `image:`): the JDK its Dockerfile names.
  if (running.every(({ service }) => !service.image)) {
    const runtime = ctx.runtimeFor(file);
    return { services: [...names], running, mounts, ...(runtime ? { runtime } : {}) };
  }
  // One image's JDK when every service running the file names the same one; else unknown.
  const runtimes = running.map(({ doc, service }) => serviceImageRuntime(doc, service, ctx.memo));
  const first = runtimes[0];
  const same = first && runtimes.every((r) => r && r.version.value === first.version.value);
  // Else the JDK is unknown: stated, so that no other JDK of the tree (the deployment's) is taken for the broker's.
  const images = [...new Set(running.map(({ service }) => service.image ?? '(built)'))].join(', ');
  const origin = `the JDK of ${images} (Compose service ${[...names].join(', ')}), which the knowledge base does not name`;
  const unknown: JavaRuntime = {
    vendor: { value: 'unknown', from: { kind: 'default', origin } },
    version: { value: '', from: { kind: 'default', origin } },
    securityProperties: {},
    systemProperties: {},
  };
  return { services: [...names], running, mounts, runtime: same ? first : unknown };
}

/** A store a listener names, with the tree file it is when the tree shows which. */
function brokerStore(
  written: { value: string; at: Location },
  config: string,
  process: BrokerProcess,
  stores: TreeStores,
  type?: { value: string; at: Location },
  passwordAt?: Location,
): StoreRef {
  const value = written.value.trim().replace(/^file:/, '');
  // An absolute path of the container: the tree file a bind mount of the broker's service puts there.
  const mounted = value.startsWith('/') ? mountedTreeFile(process.mounts, value)?.file : undefined;
  const ref = storeRef(
    traced(written.value, written.at.file, written.at.range),
    [path.dirname(config)],
    stores,
    type && !PLACEHOLDER.test(type.value) ? traced(type.value.trim(), type.at.file, type.at.range) : undefined,
    passwordAt,
    mounted ?? value,
  );
  // A placeholder only the broker's start resolves: the file is not known.
  if (PLACEHOLDER.test(value) && !/^\$\{activemq\.(?:conf|base\}\/conf)\}?\//.test(value)) delete ref.file;
  return ref;
}

/** The TLS settings of one listener (see the header). */
function listenerTls(
  doc: ParsedDocument<ActivemqBrokerData>,
  listener: BrokerListener,
  process: BrokerProcess,
  stores: TreeStores,
): TlsSettings {
  const file = doc.file.path;
  const { product } = doc.data;
  const at = (p: BrokerUriParameter): Location => ({ file, range: p.valueRange });
  const param = (name: string) =>
    uriParameter(listener.uri, name) ??
    (product === 'classic' ? uriParameter(listener.uri, `transport.${name}`) : undefined);
  const tls: TlsSettings = { implementation: 'jsse', enabled: traced(true, file, listener.uri.range) };
  const unknown: string[] = [];
  const unknownAt: RelatedLocation[] = [];
  const list = (name: string, drop: RegExp | undefined) => {
    const p =
      product === 'artemis' ? uriParameter(listener.uri, name) : uriParameter(listener.uri, `transport.${name}`);
    if (!p) return undefined;
    if (PLACEHOLDER.test(p.value)) {
      unknown.push(`${p.name}=${p.value.trim()}`);
      unknownAt.push({ ...at(p), message: `${p.name} is set at start` });
      return undefined;
    }
    const names = commaSeparated(p.value).filter((n) => !drop?.test(n));
    return names.length > 0 ? traced(names, file, p.valueRange) : undefined;
  };
  // Artemis drops SSLv3 and SSLv2Hello from the enabled protocols after setting them (NettyAcceptor.getSslHandler).
  const protocols = list('enabledProtocols', product === 'artemis' ? /^(?:sslv3|SSLv2Hello)$/i : undefined);
  const suites = list('enabledCipherSuites', undefined);
  if (protocols) tls.protocols = protocols;
  if (suites) tls.cipherSuites = suites;
  const need = param('needClientAuth');
  const want = param('wantClientAuth');
  const auth: { mode: ClientAuthMode; p: BrokerUriParameter } | undefined = isTrue(need)
    ? { mode: 'required', p: need! }
    : isTrue(want)
      ? { mode: 'optional', p: want! }
      : undefined;
  if (auth) tls.clientAuth = traced(auth.mode, file, auth.p.valueRange);
  const provider = product === 'artemis' ? uriParameter(listener.uri, 'sslProvider') : undefined;
  if (provider && provider.value.trim().toUpperCase() !== 'JDK') {
    unknown.push(`sslProvider=${provider.value.trim()} (netty-tcnative's OpenSSL, not modelled)`);
    unknownAt.push({ ...at(provider), message: 'the acceptor runs this TLS provider' });
  }
  if (unknown.length > 0) {
    tls.unknownValues = unknown;
    tls.unknownAt = unknownAt;
  }
  tls.trust = product === 'artemis' ? artemisTrust(doc, listener, process, stores) : classicTrust(doc, process, stores);
  return tls;
}

function artemisTrust(
  doc: ParsedDocument<ActivemqBrokerData>,
  listener: BrokerListener,
  process: BrokerProcess,
  stores: TreeStores,
): TlsTrustSettings {
  const file = doc.file.path;
  const p = (name: string) => uriParameter(listener.uri, name);
  const place = (q: BrokerUriParameter) => ({ value: q.value, at: { file, range: q.valueRange } });
  const side = (kind: 'keyStore' | 'trustStore'): StoreRef | undefined => {
    const written = p(`${kind}Path`);
    if (!written?.value.trim()) return undefined;
    const type = p(`${kind}Type`);
    const password = p(`${kind}Password`);
    const ref = brokerStore(
      place(written),
      file,
      process,
      stores,
      type && place(type),
      password && { file, range: password.nameRange },
    );
    ref.setting = `${kind}Path`;
    return ref;
  };
  const keyStore = side('keyStore');
  const trustStore = side('trustStore');
  const alias = p('keyStoreAlias');
  return {
    ...keyStoreOrUnknown(keyStore, {
      why: said`the key store of ${listener.name ?? ours('the acceptor')} (no keyStorePath)`,
      at: { file, range: listener.range },
    }),
    ...(alias ? { keyAlias: traced(alias.value, file, alias.valueRange) } : {}),
    ...trustStoreOrCacerts(trustStore),
  };
}

function classicTrust(
  doc: ParsedDocument<ActivemqBrokerData>,
  process: BrokerProcess,
  stores: TreeStores,
): TlsTrustSettings {
  const file = doc.file.path;
  const context = doc.data.sslContext;
  if (!context) return jvmTrust(file, process.jvmStores, process.mounts, stores);
  const a = (name: string) => context.attributes.find((x) => x.name === name);
  const side = (kind: 'keyStore' | 'trustStore'): StoreRef | undefined => {
    const written = a(kind);
    if (!written?.value.trim()) return undefined;
    const type = a(`${kind}Type`);
    const password = a(`${kind}Password`);
    const ref = brokerStore(
      { value: written.value, at: { file, range: written.valueRange } },
      file,
      process,
      stores,
      type && { value: type.value, at: { file, range: type.valueRange } },
      password && { file, range: password.nameRange },
    );
    ref.setting = `sslContext ${kind}`;
    return ref;
  };
  const trustStore = side('trustStore');
  const trust = storesTrust(side('keyStore'), trustStore, {
    why: ours("the broker's key store (<sslContext> names none)"),
    at: { file, range: context.range },
  });
  if (trustStore) return trust;
  // SpringSslContext.createTrustManagers returns an empty list without a trustStore, and SslContext.getSSLContext
  // passes it to SSLContext.init as an empty array, not null: JSSE then takes a trust manager that accepts no
  // certificate (SSLContextImpl.chooseTrustManager: DummyX509TrustManager), not the JVM's default trust (apache/activemq
  // @c3580e7 activemq-spring SpringSslContext.java, activemq-client broker/SslContext.java; measured with OpenJDK 17).
  return {
    ...trust,
    defaultTrust: 'none',
    trustsNothing: {
      why: ours(
        "<sslContext> names no trustStore, so ActiveMQ gives JSSE an empty list of trust managers, which JSSE answers with one that accepts nothing; the JVM's default trust is not used",
      ),
      at: { file, range: context.range },
    },
  };
}

/** The DNS name a listener binds (not a wildcard, a loopback or an IP address). */
function boundName(host: string): string[] {
  return /[a-z]/.test(host) && !/^(?:localhost|\$\{.*)$/.test(host) && !host.includes('$') ? [host] : [];
}

export const activemqBrokersContributor: ModelContributor = {
  id: 'activemq-brokers',
  reads: ['activemq.'],
  contribute(ctx) {
    const stores = treeStoresOf(ctx);
    for (const doc of ctx.documentsOf('activemq.') as ParsedDocument<ActivemqBrokerData>[]) {
      const tlsListeners = doc.data.listeners.filter((l) => listenerSpeaksTls(doc.data.product, l));
      if (tlsListeners.length === 0) continue;
      const process = brokerProcess(ctx, doc.file.path);
      if (doc.data.product === 'classic' && !doc.data.sslContext) {
        const holding = (stores.images?.holding(doc.file.path) ?? []).map((h) => h.dockerfile);
        const jvmStores = brokerJvmStores(ctx, process.running, holding);
        if (jvmStores) process.jvmStores = jvmStores;
      }
      const relative = relativePosix(ctx.deployment.root, doc.file.path);
      const product = doc.data.product === 'artemis' ? 'ActiveMQ Artemis' : 'ActiveMQ Classic';
      for (const listener of tlsListeners) {
        const { port } = listener.uri;
        const label = listener.name ?? `${listener.uri.scheme}:${port ?? '?'}`;
        const tls = listenerTls(doc, listener, process, stores);
        const component: Component = {
          id: `activemq.listener:${relative}:${label}`,
          type: 'activemq.listener',
          name: `${product} ${doc.data.product === 'artemis' ? 'acceptor' : 'transport connector'} ${label} (${relative}${process.services.length > 0 ? `, Compose service ${process.services.join(', ')}` : ''})`,
          role: 'server',
          location: { file: doc.file.path, range: listener.uri.range },
          host: ctx.hostOf(doc.file.path),
          ...(process.runtime ? { runtime: process.runtime } : {}),
          tls,
          documents: [doc],
          attributes: {
            product: doc.data.product,
            ...(listener.name !== undefined ? { listener: listener.name } : {}),
            scheme: listener.uri.scheme,
            tlsPorts: port !== undefined ? [port] : [],
            ...(port !== undefined
              ? {
                  tlsOnlyPorts: [
                    {
                      port,
                      setting:
                        doc.data.product === 'artemis'
                          ? `acceptor ${label} sslEnabled=true`
                          : `${listener.uri.scheme}://`,
                      at: { file: doc.file.path, range: listener.uri.range },
                    },
                  ],
                }
              : {}),
            // The Compose services running the file tie callers by ./java-links.ts and ./plain-calls.ts, as service names.
            hostnames: boundName(listener.uri.host),
          },
        };
        ctx.addComponent(component);
      }
    }
  },
};
