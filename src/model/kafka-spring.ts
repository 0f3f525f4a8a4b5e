/**
 * The Kafka clients of a Spring Boot app (spring-kafka's producer, consumer, admin and streams) with the key and trust
 * stores their settings name (Deployment.unlinkedEnds). Spring Boot builds each client's properties from
 * `spring.kafka.ssl.*`, `spring.kafka.security.*` and `spring.kafka.properties.*`, then the client's own
 * `spring.kafka.<client>.ssl.*`, `.security.*` and `.properties.*`, a later one replacing an earlier one's key
 * (KafkaProperties.buildCommonProperties and Consumer/Producer/Admin/Streams.buildProperties,
 * https://github.com/spring-projects/spring-boot/blob/v3.4.0/spring-boot-project/spring-boot-autoconfigure/src/main/java/org/springframework/boot/autoconfigure/kafka/KafkaProperties.java).
 * Kafka reads its ssl.* settings only when security.protocol is SSL or SASL_SSL (the default is PLAINTEXT:
 * https://kafka.apache.org/documentation/#adminclientconfigs_security.protocol): otherwise no store is named.
 * An SSL bundle (`spring.kafka[.<client>].ssl.bundle`, Spring Boot 3.2+) replaces the store settings: Ssl.buildProperties
 * sets ssl.engine.factory.class to SslBundleSslEngineFactory, which makes the client's SSLEngine from the bundle's
 * SSLContext and still applies ssl.endpoint.identification.algorithm (spring-boot v3.2.0
 * spring-boot-autoconfigure/src/main/java/org/springframework/boot/autoconfigure/kafka/SslBundleSslEngineFactory.java);
 * a later layer's key-store-location does not undo it, as the engine factory stays the bundle's.
 */
import type { Location } from '../core/types';
import type { Entry } from '../parse/types';
import { KAFKA_TLS_PROTOCOLS, kafkaListOf } from './kafka-protocols';
import { springBundle } from './spring-bundle';
import type { SpringSettings } from './spring-settings';
import { bundleStores, storeNamedBy, usableValue } from './spring-stores';
import type { TreeStores } from './store-files';
import type { JavaAppAttributes, SpringBootRelease } from './attributes';
import type { Component, KafkaList, StoreRef, TlsTrustSettings, UnlinkedEnd } from './types';

/** The Kafka clients Spring Boot configures, each with its own `spring.kafka.<client>.*` settings. */
const CLIENTS = ['producer', 'consumer', 'admin', 'streams'] as const;

/** A Kafka setting and the name Spring Boot's `ssl.*` properties give it (none: only `properties.*` sets it). */
const SETTINGS = {
  protocol: { kafka: 'security.protocol', spring: 'security.protocol' },
  keyStore: { kafka: 'ssl.keystore.location', spring: 'ssl.key-store-location' },
  keyStoreType: { kafka: 'ssl.keystore.type', spring: 'ssl.key-store-type' },
  keyStorePassword: { kafka: 'ssl.keystore.password', spring: 'ssl.key-store-password' },
  trustStore: { kafka: 'ssl.truststore.location', spring: 'ssl.trust-store-location' },
  trustStoreType: { kafka: 'ssl.truststore.type', spring: 'ssl.trust-store-type' },
  trustStorePassword: { kafka: 'ssl.truststore.password', spring: 'ssl.trust-store-password' },
  engineFactory: { kafka: 'ssl.engine.factory.class', spring: undefined },
  endpointIdentification: { kafka: 'ssl.endpoint.identification.algorithm', spring: undefined },
  enabledProtocols: { kafka: 'ssl.enabled.protocols', spring: undefined },
  cipherSuites: { kafka: 'ssl.cipher.suites', spring: undefined },
  bundle: { kafka: undefined, spring: 'ssl.bundle' },
} as const;

/**
 * The Kafka clients of the app whose security protocol is SSL or SASL_SSL and whose settings name a key or trust store,
 * clients that read the same settings told as one end. A client with an SSL bundle takes the bundle's stores; one with a
 * custom engine factory, or a bundle the tree does not define, is left out: which files it reads is unknown. Where the
 * app's Spring Boot release predates the bundle setting (`bundleIgnoredBy`), the setting is ignored and the store
 * settings are read: the release is then where the end's stores are decided too (UnlinkedEnd.storesReadBecause).
 */
export function springKafkaEnds(
  app: Component,
  settings: SpringSettings,
  stores: TreeStores,
  bundleIgnoredBy: SpringBootRelease | undefined,
): UnlinkedEnd[] {
  if (!settings.entries.some((e) => /^spring\.kafka\./i.test(e.key))) return [];
  const byStores = new Map<
    string,
    {
      clients: string[];
      trust: TlsTrustSettings;
      off?: UnlinkedEnd['hostnameVerificationOff'];
      ignored?: UnlinkedEnd['storesReadBecause'];
      protocols?: UnlinkedEnd['protocols'];
      cipherSuites?: UnlinkedEnd['cipherSuites'];
    }
  >();
  for (const client of CLIENTS) {
    // The setting that decides a Kafka key for this client: the last of the layers Spring Boot applies in order.
    const decides = (setting: keyof typeof SETTINGS): Entry | undefined => {
      const { kafka, spring } = SETTINGS[setting];
      const layers = ['spring.kafka.', `spring.kafka.${client}.`].flatMap((prefix) => [
        ...(spring ? [prefix + spring] : []),
        ...(kafka ? [`${prefix}properties.${kafka}`] : []),
      ]);
      let found: Entry | undefined;
      for (const key of layers) found = settings.setting(key) ?? found;
      return found;
    };
    const protocol = decides('protocol');
    const written = protocol ? usableValue(protocol)?.toUpperCase() : undefined;
    if (!protocol || !written || !KAFKA_TLS_PROTOCOLS.has(written)) continue;
    if (decides('engineFactory')) continue;
    const ignoredBundle = bundleIgnoredBy && decides('bundle');
    const bundleName = bundleIgnoredBy ? undefined : decides('bundle');
    const bundle = bundleName && springBundle(settings.entries, usableValue(bundleName) ?? '');
    if (bundleName && !bundle) continue;
    const store = (kind: 'keyStore' | 'trustStore') =>
      storeNamedBy(settings, stores, decides(kind), decides(`${kind}Type`), decides(`${kind}Password`));
    const fromBundle = bundle ? bundleStores(settings, stores, bundle) : undefined;
    const trust: TlsTrustSettings = {};
    const keyStore = fromBundle ? fromBundle.keyStore : store('keyStore');
    if (keyStore) trust.keyStore = keyStore;
    const trustStore = fromBundle ? fromBundle.trustStore : store('trustStore');
    if (trustStore) trust.trustStore = trustStore;
    else trust.defaultTrust = 'jdk-cacerts';
    // An empty ssl.endpoint.identification.algorithm (not a placeholder): no host name check (JSSE skips an empty one).
    const identification = decides('endpointIdentification');
    const off =
      identification && identification.value.trim() === ''
        ? {
            setting: identification.key,
            at: { file: settings.doc(identification).file.path, range: identification.keyRange },
            tlsAt: { file: settings.doc(protocol).file.path, range: protocol.keyRange },
          }
        : undefined;
    const list = (setting: 'enabledProtocols' | 'cipherSuites') => {
      const entry = decides(setting);
      return (
        entry && kafkaListOf(entry.key, entry.value, { file: settings.doc(entry).file.path, range: entry.valueRange })
      );
    };
    const protocols = list('enabledProtocols');
    const cipherSuites = list('cipherSuites');
    if (!keyStore && !trustStore && !off && !protocols && !cipherSuites) continue;
    const ignored =
      ignoredBundle && bundleIgnoredBy
        ? {
            ...bundleIgnoredBy.at,
            message: `${bundleIgnoredBy.by} names Spring Boot ${bundleIgnoredBy.version}, which ignores ${ignoredBundle.key}`,
          }
        : undefined;
    const key =
      [keyStore, trustStore].map((s) => (s ? placeOf(s) : '')).join('|') +
      `|${off ? placeOf(off.at) : ''}|${ignored ? ignored.message : ''}|${protocols ? placeOf(enabledAt(protocols)) : ''}|${cipherSuites ? placeOf(enabledAt(cipherSuites)) : ''}`;
    const same = byStores.get(key);
    if (same) same.clients.push(client);
    else
      byStores.set(key, {
        clients: [client],
        trust,
        ...(off ? { off } : {}),
        ...(ignored ? { ignored } : {}),
        ...(protocols ? { protocols } : {}),
        ...(cipherSuites ? { cipherSuites } : {}),
      });
  }
  return [...byStores.values()].map(({ clients, trust, off, ignored, protocols, cipherSuites }) => ({
    name: `Kafka ${clients.length === CLIENTS.length ? 'clients' : clients.join(', ')} of ${app.name}`,
    location: app.location,
    implementation: app.tls?.implementation ?? 'jsse',
    trust,
    ...(off ? { hostnameVerificationOff: off } : {}),
    ...(ignored ? { storesReadBecause: ignored } : {}),
    ...(protocols ? { protocols } : {}),
    ...(cipherSuites ? { cipherSuites } : {}),
    ...(app.runtime ? { runtime: app.runtime } : {}),
  }));
}

/** Where an end's list setting is written. */
function enabledAt(list: KafkaList): Location {
  const from = list.value.from;
  return from.kind === 'file' ? from.location : { file: list.setting };
}

/** Where a store (or a setting) is named, as a key for telling apart the clients that read different settings. */
function placeOf(named: StoreRef | Location): string {
  const at = 'path' in named ? (named.path.from.kind === 'file' ? named.path.from.location : undefined) : named;
  return at
    ? `${at.file}:${at.range?.start.line ?? 0}:${at.range?.start.character ?? 0}`
    : 'path' in named
      ? named.path.value
      : '';
}

/** The store settings an SSL bundle excludes in the same `Ssl` object (KafkaProperties.Ssl.validate, Boot 3.2.0). */
const BUNDLE_EXCLUDES = ['key-store-location', 'key-store-key', 'trust-store-location', 'trust-store-certificates'];

/**
 * The `spring.kafka.ssl.*` and `spring.kafka.<client>.ssl.*` objects that set both a bundle and a store: Spring Boot 3.2+
 * throws MutuallyExclusiveConfigurationPropertiesException when it builds that client's properties (KafkaProperties.Ssl
 * validate(), called by buildProperties whatever the security protocol:
 * https://github.com/spring-projects/spring-boot/blob/v3.2.0/spring-boot-project/spring-boot-autoconfigure/src/main/java/org/springframework/boot/autoconfigure/kafka/KafkaProperties.java,
 * the same at v3.4.0). A value only the run knows (a placeholder without a default) is not judged. `refusedBy`: the
 * project's release, when it is known to be one that refuses them.
 */
export function springKafkaSslConflicts(
  settings: SpringSettings,
  refusedBy: SpringBootRelease | undefined,
): NonNullable<JavaAppAttributes['kafkaSslConflicts']> {
  if (!settings.entries.some((e) => /^spring\.kafka\./i.test(e.key))) return [];
  const out: NonNullable<JavaAppAttributes['kafkaSslConflicts']> = [];
  const place = (entry: Entry) => ({
    setting: entry.key,
    at: { file: settings.doc(entry).file.path, range: entry.keyRange },
  });
  const set = (key: string) => {
    const entry = settings.setting(key);
    return entry && usableValue(entry) ? entry : undefined;
  };
  for (const prefix of ['spring.kafka.ssl.', ...CLIENTS.map((client) => `spring.kafka.${client}.ssl.`)]) {
    const bundle = set(`${prefix}bundle`);
    if (!bundle) continue;
    for (const excluded of BUNDLE_EXCLUDES) {
      const store = set(prefix + excluded);
      if (store) out.push({ bundle: place(bundle), store: place(store), ...(refusedBy && { refusedBy }) });
    }
  }
  return out;
}
