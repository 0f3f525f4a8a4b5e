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
import { springList } from '../parse/spring';
import type { Entry } from '../parse/types';
import { KAFKA_CLIENT_KEYS, kafkaClientEnds, kafkaClientTls, speaksTls, type KafkaClient } from './kafka-client-ends';
import type { KafkaClientKey } from './kafka-client-ends';
import { springBundle } from './spring-bundle';
import type { SpringSettings } from './spring-settings';
import { bundleStores, usableValue } from './spring-stores';
import type { TreeStores } from './store-files';
import type { JavaAppAttributes, SpringBootRelease } from './attributes';
import { kafkaHosts } from './kafka-client-auth';
import { loopbackPortsOf } from './kafka-loopback';
import type { Component, UnlinkedEnd } from './types';

/** The Kafka clients Spring Boot configures, each with its own `spring.kafka.<client>.*` settings. */
export const CLIENTS = ['producer', 'consumer', 'admin', 'streams'] as const;
export type SpringKafkaClient = (typeof CLIENTS)[number];

/** The name Spring Boot's `ssl.*` and `security.*` properties give a Kafka key (none: only `properties.*` sets it). */
const SPRING_NAMES: Partial<Record<KafkaClientKey | 'bundle', string>> = {
  protocol: 'security.protocol',
  keyStore: 'ssl.key-store-location',
  keyStoreType: 'ssl.key-store-type',
  keyStorePassword: 'ssl.key-store-password',
  trustStore: 'ssl.trust-store-location',
  trustStoreType: 'ssl.trust-store-type',
  trustStorePassword: 'ssl.trust-store-password',
  bundle: 'ssl.bundle',
};

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
  const clients: KafkaClient[] = [];
  for (const client of CLIENTS) {
    const decides = (setting: KafkaClientKey | 'bundle'): Entry | undefined =>
      springKafkaSetting(
        settings,
        client,
        SPRING_NAMES[setting],
        setting === 'bundle' ? undefined : KAFKA_CLIENT_KEYS[setting],
      );
    // A setting whose deciding source only the run knows (`SPRING_KAFKA_SECURITY_PROTOCOL: ${PROTOCOL}` of a Compose
    // service over the file's value): the client's TLS is unknown, not the files'.
    if (decidedAtRunTime(settings, client)) continue;
    const protocol = decides('protocol');
    if (!speaksTls(protocol)) continue;
    if (decides('engineFactory')) continue;
    const ignoredBundle = bundleIgnoredBy && decides('bundle');
    const bundleName = bundleIgnoredBy ? undefined : decides('bundle');
    const bundle = bundleName && springBundle(settings.entries, usableValue(bundleName) ?? '');
    if (bundleName && !bundle) continue;
    const tls = kafkaClientTls(
      decides,
      settings,
      stores,
      protocol,
      bundle ? bundleStores(settings, stores, bundle) : undefined,
    );
    if (!tls) continue;
    const ignored =
      ignoredBundle && bundleIgnoredBy
        ? {
            ...bundleIgnoredBy.at,
            message: `${bundleIgnoredBy.by} names Spring Boot ${bundleIgnoredBy.version}, which ignores ${ignoredBundle.key}`,
          }
        : undefined;
    clients.push({
      client,
      tls,
      ...bootstrapReach(settings, client),
      ...(ignored && { apart: ignored.message, storesReadBecause: ignored }),
    });
  }
  return kafkaClientEnds(
    app,
    clients,
    (names) => `Kafka ${names.length === CLIENTS.length ? 'clients' : names.join(', ')} of ${app.name}`,
  );
}

/**
 * The setting that decides a Kafka key for a client (`spring` its Spring Boot name under `spring.kafka.`, `kafka` its
 * Kafka name under `properties.`): the last of the layers Spring Boot applies in order.
 */
export function springKafkaSetting(
  settings: SpringSettings,
  client: SpringKafkaClient,
  spring: string | undefined,
  kafka: string | undefined,
): Entry | undefined {
  let found: Entry | undefined;
  for (const prefix of ['spring.kafka.', `spring.kafka.${client}.`]) {
    if (spring) found = settings.setting(prefix + spring) ?? found;
    if (kafka) found = settings.setting(`${prefix}properties.${kafka}`) ?? found;
  }
  return found;
}

/**
 * Whether one of the settings that decide the client's TLS is, in the last layer that sets it, one whose value only the
 * run knows (springSettings' runTimeSetting: an environment variable or argument holding a placeholder).
 */
export function decidedAtRunTime(settings: SpringSettings, client: SpringKafkaClient): boolean {
  // A store password only the run knows decides no TLS setting: the store is loaded with it (storeOf's passwordAt), and
  // cert/store-password-wrong judges neither it nor the file's.
  const keys = (Object.keys(SPRING_NAMES) as (KafkaClientKey | 'bundle')[]).filter(
    (setting) => setting !== 'keyStorePassword' && setting !== 'trustStorePassword',
  );
  return keys.some((setting) => {
    const kafka = setting === 'bundle' ? undefined : KAFKA_CLIENT_KEYS[setting];
    let atRunTime = false;
    for (const prefix of ['spring.kafka.', `spring.kafka.${client}.`])
      for (const key of [
        ...(SPRING_NAMES[setting] ? [prefix + SPRING_NAMES[setting]] : []),
        ...(kafka ? [`${prefix}properties.${kafka}`] : []),
      ])
        if (settings.runTimeSetting(key)) atRunTime = true;
        else if (settings.setting(key)) atRunTime = false;
    return atRunTime;
  });
}

/**
 * The hosts of the client's bootstrap servers (and the ports of their loopback addresses): the last of the layers Spring Boot applies (as `decides`) that sets them,
 * in any form Spring binds to its `List<String>` (`a:9093,b:9093`, a YAML list, `bootstrap-servers[0]=…`; a list's items
 * from the one source that sets it last: a later source's list replaces an earlier one's; the environment's
 * `SPRING_KAFKA_BOOTSTRAP_SERVERS` or `SPRING_KAFKA_BOOTSTRAPSERVERS_0_` come after the files). Unset, Spring Boot's
 * default is localhost:9092, but the run's environment commonly sets them where the tree does not show it: unknown, as
 * is a placeholder or a value only the run knows.
 */
function bootstrapReach(
  settings: SpringSettings,
  client: SpringKafkaClient,
): { hosts: string[] | undefined; loopbackPorts?: number[] | undefined } {
  const servers = springBootstrapServers(settings, client);
  const hosts = servers && kafkaHosts(servers.written);
  return hosts && servers ? { hosts, loopbackPorts: loopbackPortsOf(servers.written) } : { hosts: undefined };
}

/**
 * The client's bootstrap servers as bootstrapHosts reads them (see there), joined with `,`, and where the last one is
 * written; undefined when unset or only the run knows them.
 */
export function springBootstrapServers(
  settings: SpringSettings,
  client: SpringKafkaClient,
): { written: string; at: Location; entry: Entry } | undefined {
  let servers: { written: string; at: Location; entry: Entry } | undefined;
  for (const prefix of ['spring.kafka.', `spring.kafka.${client}.`])
    for (const key of [`${prefix}bootstrap-servers`, `${prefix}properties.${KAFKA_CLIENT_KEYS.bootstrap}`]) {
      if (settings.setAtRunTime(key)) {
        servers = undefined;
        continue;
      }
      const list = springList(settings.entries, key);
      const last = list?.entries.at(-1);
      if (!list || !last) continue;
      const items = list.entries.filter((e) => settings.doc(e) === settings.doc(last)).map((e) => e.value);
      servers = {
        written: (list.entries.length > 1 ? items : list.values).join(','),
        at: { file: settings.doc(last).file.path, range: last.valueRange },
        entry: last,
      };
    }
  return servers;
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
