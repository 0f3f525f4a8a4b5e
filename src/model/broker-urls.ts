/**
 * The ActiveMQ brokers a Spring Boot application calls: `spring.artemis.broker-url` (Artemis's JMS client,
 * ArtemisConnectionFactoryFactory) and `spring.activemq.broker-url` (ActiveMQ Classic's); and those a JMS client's
 * jndi.properties names (jndiBrokerUrls). Each member of the URL is a
 * client URL (./java-links.ts links it to the in-tree broker listener on its host and port):
 * - Artemis: `tcp://host:port?…`, or a list `(tcp://a:61617,tcp://b:61617)?…` whose query applies to every member (the
 *   query after the last `?`, split at `&` and `;`: apache/activemq-artemis@2.44.0 URISupport.parseQuery). TLS when
 *   `sslEnabled=true`; the connector's own `enabledProtocols` / `enabledCipherSuites` (split at commas, trimmed:
 *   NettyConnector, SSLSupport), `trustStorePath` / `keyStorePath` (else the JVM's javax.net.ssl.* stores), `trustAll`.
 * - Classic: `ssl://host:port`, `nio+ssl://…`, or members of `failover:(…)` each with its own query (split at `&`:
 *   apache/activemq@activemq-6.1.6 URISupport.parseQuery). Its stores are the JVM's (SslTransportFactory: the default
 *   SSLSocketFactory without a broker SslContext); a `socket.*` TLS option is not modelled (unknown).
 * The host name check either client makes (Artemis's `verifyHost`, on by default from 2.18.0, ARTEMIS-3367 a741ae9994;
 * Classic's `socket.verifyHostName`) depends on the client library's release: not judged here.
 * Spring Boot binds `spring.artemis.broker-url` only from the release knowledge `artemisBrokerUrl` names; before it, and
 * until `artemisHostPortRemoved`, `spring.artemis.host` and `spring.artemis.port` (default 61616) make a Netty
 * connector of those two parameters alone: a plain `tcp://host:port` (from `artemisBrokerUrl` on, only when no broker
 * URL is set). Where the project's Spring Boot release is not known, which of them the client uses is not known:
 * host and port are not read, and a broker URL is read as the releases that bind it do. With `spring.artemis.mode`
 * `embedded` (or one the run decides) the client connects in the JVM (InVMConnectorFactory), to none of them.
 */
import { ours, said } from '../core/phrase';
import * as path from 'node:path';
import { CLASSIC_TLS_SCHEMES, commaSeparated, queryParts } from '../parse/activemq';
import type { ActiveMqJndiData } from '../parse/activemq-jndi';
import type { ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import { keptProperties } from '../parse/properties';
import { springKey } from '../parse/spring';
import type { BrokerUrl, ClientUrl, SpringBootRelease, StoreRef, TlsTrustSettings } from './attributes';
import { traced, type PropertySource } from './java-shared';
import type { Location } from '../core/types';
import { springBootHas } from '../knowledge';
import { storeRef, type TreeStores } from './store-files';

/**
 * The settings that name a broker URL, by product, in Spring's uniform form (springKey: `brokerUrl`, `broker_url` and
 * `broker-url` are one; an environment variable's spelling is mapped to the property first: ../parse/java/spring-environment.ts).
 */
const BROKER_URL_KEYS: Record<string, 'artemis' | 'classic'> = {
  'spring.artemis.brokerurl': 'artemis',
  'spring.activemq.brokerurl': 'classic',
};

/** One member of a broker URL: `scheme://host:port` and its own query (Classic) as written. */
const MEMBER = /\b([A-Za-z][A-Za-z0-9+.-]*):\/\/([A-Za-z0-9.-]+):(\d+)(\?[^,)\s]*)?/g;

/** A query's parameters, decoded, the last of a name winning. */
function queryParameters(query: string, separators: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name, value, eq } of queryParts(query, separators)) if (eq > 0) out.set(name, value);
  return out;
}

/** A broker URL setting as the application reads it: its key, value, and where the value is written. */
interface BrokerUrlSetting {
  key: string;
  value: string;
  location: Location;
  product: 'artemis' | 'classic';
}

/** The settings of a broker connection besides the URL (Spring Boot's Artemis host and port), compared by springKey. */
const HOST_PORT_KEYS = ['spring.artemis.host', 'spring.artemis.port'];
const productOf = (key: string) => BROKER_URL_KEYS[springKey(key)];

/** Spring Boot's Artemis port when `spring.artemis.port` is not set (ArtemisProperties, every release that has it). */
const ARTEMIS_DEFAULT_PORT = 61616;

/**
 * The settings among `keys` an application reads: its Spring settings files', unless the environment its start gives
 * it (a Compose service's SPRING_ARTEMIS_BROKER_URL, bound by Spring's relaxed binding over the files) sets the same
 * setting: then that one. A secret or a value the run decides is not one.
 */
function settingsIn(
  files: readonly ParsedDocument[],
  environment: readonly PropertySource[],
  wanted: (key: string) => string | undefined,
): (Omit<BrokerUrlSetting, 'product'> & { name: string })[] {
  const fromEnvironment = environment.flatMap(({ doc, property }) => {
    const name = wanted(property.name);
    return name && !property.unresolved
      ? [
          {
            name,
            key: property.via ?? property.name,
            value: property.value,
            location: { file: doc.file.path, range: property.valueRange },
          },
        ]
      : [];
  });
  const set = new Set(fromEnvironment.map((s) => s.name));
  const fromFiles = files.flatMap((doc) =>
    doc.entries.flatMap((entry) => {
      const name = wanted(entry.key);
      return name && !entry.secret && !set.has(name)
        ? [{ name, key: entry.key, value: entry.value, location: entryLocation(doc, entry, 'value') }]
        : [];
    }),
  );
  return [...fromFiles, ...fromEnvironment];
}

/**
 * The client URLs an application's broker settings name (see the header), `springBoot` the Spring Boot release its
 * project is built with, when its build file says it.
 */
export function brokerUrlsIn(
  files: readonly ParsedDocument[],
  environment: readonly PropertySource[],
  stores: TreeStores,
  springBoot?: SpringBootRelease,
): ClientUrl[] {
  // ArtemisConnectionFactoryFactory: mode embedded connects in the JVM. Unset, it is deduced from the class path
  // (embedded when artemis-jms-server is on it and spring.artemis.embedded.enabled): not read here (native).
  const modes = settingsIn(files, environment, (key) =>
    springKey(key) === 'spring.artemis.mode' ? 'spring.artemis.mode' : undefined,
  );
  const native = modes.every((mode) => mode.value.trim().toLowerCase() === 'native');
  const brokerUrlBound = springBoot ? springBootHas('artemisBrokerUrl', springBoot.version) : undefined;
  const urlSettings: BrokerUrlSetting[] = settingsIn(files, environment, (key) =>
    productOf(key) ? springKey(key) : undefined,
  )
    .map((s) => ({ ...s, product: productOf(s.name)! }))
    // Before the release that binds it, Spring Boot ignores spring.artemis.broker-url.
    .filter((s) => s.product !== 'artemis' || (native && brokerUrlBound !== false));
  const urls = urlSettings.flatMap((setting) => urlsOfSetting(setting, stores));
  const hostPortUsed = springBoot ? springBootHas('artemisHostPortRemoved', springBoot.version) === false : false;
  if (!springBoot || !native || !hostPortUsed || urlSettings.some((s) => s.product === 'artemis')) return urls;
  const hostPort = settingsIn(files, environment, (key) => HOST_PORT_KEYS.find((k) => springKey(k) === springKey(key)));
  return [...urls, ...hostPortUrl(hostPort, springBoot)];
}

/**
 * The broker URLs of ActiveMQ clients' jndi.properties (../parse/activemq-jndi.ts): Artemis's
 * `java.naming.provider.url` and each `connectionFactory.<name>`; Classic's `java.naming.provider.url`, which a
 * connection factory's `connection.<name>.java.naming.provider.url` replaces for it, and without one its
 * `connection.<name>.brokerURL` (ActiveMQConnectionFactory.buildFromProperties reads the provider URL first).
 */
export function jndiBrokerUrls(docs: readonly ParsedDocument<ActiveMqJndiData>[], stores: TreeStores): ClientUrl[] {
  return docs.flatMap((doc) => {
    const { product } = doc.data;
    // java.util.Properties keeps the last line of a key; an empty value names no URL (buildFromProperties skips it).
    const entries = keptProperties(doc.entries).filter((e) => e.value.trim() !== '');
    const provider = entries.filter((e) => e.key === 'java.naming.provider.url');
    const own =
      product === 'artemis'
        ? entries.filter((e) => e.key.startsWith('connectionFactory.'))
        : entries.filter(
            (e) =>
              /^connection\.[^.]+\.java\.naming\.provider\.url$/.test(e.key) ||
              (provider.length === 0 && /^connection\.[^.]+\.brokerURL$/.test(e.key)),
          );
    return [...provider, ...own].flatMap((entry) =>
      urlsOfSetting(
        { key: entry.key, value: entry.value, location: entryLocation(doc, entry, 'value'), product },
        stores,
      ),
    );
  });
}

/** The plain `tcp://host:port` Spring Boot's spring.artemis.host and spring.artemis.port make (see the header). */
function hostPortUrl(
  settings: readonly { name: string; key: string; value: string; location: Location }[],
  springBoot: SpringBootRelease,
): ClientUrl[] {
  const host = settings.find((s) => s.name === 'spring.artemis.host');
  const port = settings.find((s) => s.name === 'spring.artemis.port');
  const hostName = host?.value.trim();
  const portValue = port ? port.value.trim() : String(ARTEMIS_DEFAULT_PORT);
  if (!host || !hostName || !/^[A-Za-z0-9.-]+$/.test(hostName) || !/^\d+$/.test(portValue)) return [];
  return [
    {
      url: `tcp://${hostName}:${portValue}`,
      scheme: 'tcp',
      host: hostName.toLowerCase(),
      port: Number(portValue),
      location: host.location,
      key: port ? `${host.key} and ${port.key}` : host.key,
      broker: {
        product: 'artemis',
        tls: false,
        hostAndPort: { version: springBoot.version, at: springBoot.at, by: springBoot.by },
      },
    },
  ];
}

/** The client URLs of one broker URL setting. */
function urlsOfSetting(setting: BrokerUrlSetting, stores: TreeStores): ClientUrl[] {
  const urls: ClientUrl[] = [];
  const { product, location } = setting;
  const value = setting.value.trim();
  const artemisQuery = value.includes('?')
    ? queryParameters(value.slice(value.lastIndexOf('?') + 1), /[&;]/)
    : new Map<string, string>();
  for (const m of value.matchAll(MEMBER)) {
    const scheme = m[1]!.toLowerCase();
    const params = product === 'artemis' ? artemisQuery : queryParameters((m[4] ?? '').slice(1), /&/);
    const tls =
      product === 'artemis'
        ? params.get('sslEnabled')?.trim().toLowerCase() === 'true'
        : CLASSIC_TLS_SCHEMES.test(scheme);
    const broker: BrokerUrl = { product, tls };
    const unknown: string[] = [];
    const list = (name: string) => {
      const written = params.get(name);
      if (written === undefined) return undefined;
      if (written.includes('${')) {
        unknown.push(`${name}=${written.trim()}`);
        return undefined;
      }
      const names = commaSeparated(written);
      return names.length > 0 ? traced(names, location.file, location.range) : undefined;
    };
    let trust: TlsTrustSettings | undefined;
    if (tls && product === 'artemis') {
      const protocols = list('enabledProtocols');
      const suites = list('enabledCipherSuites');
      if (protocols) broker.protocols = protocols;
      if (suites) broker.cipherSuites = suites;
      const provider = params.get('sslProvider');
      if (provider && provider.trim().toUpperCase() !== 'JDK') unknown.push(`sslProvider=${provider.trim()}`);
      trust = artemisClientTrust(params, location, stores);
    } else if (tls) {
      for (const name of params.keys()) if (/^socket\.enabled/i.test(name)) unknown.push(`${name} (not modelled)`);
    }
    if (unknown.length > 0) broker.unknownValues = unknown;
    const host = m[2]!.toLowerCase();
    const port = Number(m[3]);
    urls.push({
      url: `${m[1]}://${m[2]}:${m[3]}`,
      scheme,
      host,
      port,
      location,
      key: setting.key,
      broker,
      ...(trust ? { trust } : {}),
      ...(tls
        ? {
            hostnameVerifier: {
              value: `the ${product === 'artemis' ? 'Artemis' : 'ActiveMQ'} client's own host name check`,
              location,
            },
          }
        : {}),
    });
  }
  return urls;
}

/** An Artemis connector's own stores (`trustStorePath`, `keyStorePath`) and `trustAll`; undefined: the JVM's. */
function artemisClientTrust(
  params: Map<string, string>,
  location: ClientUrl['location'],
  stores: TreeStores,
): TlsTrustSettings | undefined {
  const store = (kind: 'trustStore' | 'keyStore'): StoreRef | undefined => {
    const written = params.get(`${kind}Path`)?.trim();
    if (!written) return undefined;
    const type = params.get(`${kind}Type`);
    const ref = storeRef(
      traced(written, location.file, location.range),
      [path.dirname(location.file)],
      stores,
      type ? traced(type.trim(), location.file, location.range) : undefined,
      params.has(`${kind}Password`) ? location : undefined,
    );
    if (written.includes('${')) delete ref.file;
    ref.setting = `${kind}Path`;
    return ref;
  };
  const trustStore = store('trustStore');
  const keyStore = store('keyStore');
  const trustAll = params.get('trustAll')?.trim().toLowerCase() === 'true';
  const verifiesPeer = trustAll ? { verifiesPeer: traced(false, location.file, location.range) } : {};
  if (trustStore && keyStore) return { keyStore, trustStore, ...verifiesPeer };
  // The other store is the JVM's javax.net.ssl.* (NettyConnector reads them when the URL names none), which the
  // application's model is not given here: its verdicts are unknown, never the JDK's cacerts guessed.
  const named = trustStore ?? keyStore;
  if (named)
    return {
      ...(trustStore ? { trustStore } : { keyStore: named }),
      ...verifiesPeer,
      unknown: {
        why: said`which ${ours(trustStore ? 'key' : 'trust')} store the Artemis client uses besides the URL's ${named.setting} (the JVM's javax.net.ssl.* ${ours(trustStore ? 'keyStore' : 'trustStore')}, if set)`,
        at: location,
      },
    };
  return trustAll
    ? {
        ...verifiesPeer,
        unknown: {
          why: ours("which key store the Artemis client presents (the JVM's javax.net.ssl.keyStore, if set)"),
          at: location,
        },
      }
    : undefined;
}
