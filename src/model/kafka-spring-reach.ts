/**
 * The Kafka clients of a Spring Boot app (and the client of a Kafka properties file: ./kafka-properties.ts, through
 * kafkaClientReach) as the brokers see them (Deployment.kafkaClientReaches): the bootstrap servers
 * each client's settings write, its security.protocol, and whether it can present a certificate and names a trust
 * store, read through the layers Spring Boot applies (./kafka-spring.ts). A client some of whose settings only the run
 * knows (a placeholder, a start setting set at run time) is left out: what it sends is unknown. Kafka's client presents
 * a certificate only from its own key settings (`ssl.keystore.location`, or the PEM `ssl.keystore.key`): without them
 * DefaultSslEngineFactory inits its KeyManagerFactory with no key store, and the JDK's `javax.net.ssl.keyStore` is not
 * read (apache/kafka 3.8.0 DefaultSslEngineFactory.createSSLContext).
 */
import type { Location } from '../core/types';
import type { Entry } from '../parse/types';
import { KAFKA_CLIENT_KEYS } from './kafka-client-ends';
import { kafkaListOf } from './kafka-protocols';
import { CLIENTS, decidedAtRunTime, springBootstrapServers, springKafkaSetting } from './kafka-spring';
import type { SpringKafkaClient } from './kafka-spring';
import type { SpringSettings } from './spring-settings';
import type { Component, KafkaClientReach } from './types';

/** A value with a placeholder (`${…}`, `{{…}}`): only the run knows it. */
const PLACEHOLDER = /\$\{|\{\{|\$[A-Za-z_]/;

/** The app's Kafka clients whose bootstrap servers and TLS settings are all written, clients alike told as one. */
export function springKafkaReaches(app: Component, settings: SpringSettings): KafkaClientReach[] {
  if (!settings.entries.some((e) => /^spring\.kafka\./i.test(e.key))) return [];
  const groups = new Map<string, { clients: SpringKafkaClient[]; reach: Omit<KafkaClientReach, 'name' | 'app'> }>();
  for (const client of CLIENTS) {
    const reach = clientReach(settings, client);
    if (!reach) continue;
    const key = JSON.stringify(reach);
    const group = groups.get(key);
    if (group) group.clients.push(client);
    else groups.set(key, { clients: [client], reach });
  }
  return [...groups.values()].map(({ clients, reach }) => ({
    name: `Kafka ${clients.length === CLIENTS.length ? 'clients' : clients.join(', ')} of ${app.name}`,
    app: app.location,
    ...reach,
  }));
}

/** One Spring client's reach (see the header); undefined when any of its settings is one only the run knows. */
function clientReach(
  settings: SpringSettings,
  client: SpringKafkaClient,
): Omit<KafkaClientReach, 'name' | 'app'> | undefined {
  if (decidedAtRunTime(settings, client)) return undefined;
  const servers = springBootstrapServers(settings, client);
  if (!servers) return undefined;
  const reach = kafkaClientReach(
    { written: servers.written, at: servers.at },
    (kafka, spring) => springKafkaSetting(settings, client, spring, kafka),
    (entry) => settings.doc(entry).file.path,
  );
  const via = [
    servers.entry,
    reach && springKafkaSetting(settings, client, 'security.protocol', KAFKA_CLIENT_KEYS.protocol),
  ]
    .flatMap((entry) => (entry ? (settings.via(entry) ?? []) : []))
    .filter(
      (v, i, all) => all.findIndex((w) => w.file === v.file && w.range?.start.line === v.range?.start.line) === i,
    );
  return reach && { ...(via.length > 0 ? { via } : {}), ...reach };
}

/**
 * A client's reach from the settings that decide its Kafka keys (`setting(kafkaKey, springName)`: Spring Boot's name
 * under `spring.kafka.`, where it has one) and its bootstrap servers as written; `fileOf`: the file an entry is
 * written in. Undefined when the servers or a deciding setting hold a placeholder.
 */
export function kafkaClientReach(
  servers: { written: string; at: Location },
  setting: (kafka: string | undefined, spring?: string) => Entry | undefined,
  fileOf: (entry: Entry) => string,
): Omit<KafkaClientReach, 'name' | 'app'> | undefined {
  if (PLACEHOLDER.test(servers.written)) return undefined;
  const written = (entry: Entry | undefined) => {
    const value = entry?.value.trim();
    return value ? value : undefined;
  };
  const decided = [
    setting(KAFKA_CLIENT_KEYS.protocol, 'security.protocol'),
    setting(KAFKA_CLIENT_KEYS.keyStore, 'ssl.key-store-location'),
    setting('ssl.keystore.key', 'ssl.key-store-key'),
    setting(KAFKA_CLIENT_KEYS.trustStore, 'ssl.trust-store-location'),
    setting('ssl.truststore.certificates', 'ssl.trust-store-certificates'),
    setting(undefined, 'ssl.bundle'),
    setting(KAFKA_CLIENT_KEYS.engineFactory),
    setting(KAFKA_CLIENT_KEYS.enabledProtocols),
  ];
  if (decided.some((entry) => entry && PLACEHOLDER.test(entry.value))) return undefined;
  const [protocol, keyStore, pemKey, trustStore, trustCertificates, bundle, engineFactory, enabled] = decided;
  const protocolValue = written(protocol);
  const protocols =
    enabled && kafkaListOf(enabled.key, enabled.value, { file: fileOf(enabled), range: enabled.valueRange });
  return {
    bootstrap: {
      addresses: servers.written
        .split(/[,\s]+/)
        .map((address) =>
          address
            .trim()
            .replace(/^[A-Za-z0-9_-]+:\/\//, '')
            .toLowerCase(),
        )
        .filter(Boolean),
      at: servers.at,
    },
    ...(protocol && protocolValue
      ? { protocol: { value: protocolValue.toUpperCase(), at: { file: fileOf(protocol), range: protocol.keyRange } } }
      : {}),
    key: written(bundle) || written(engineFactory) ? 'unknown' : written(keyStore) || written(pemKey) ? 'yes' : 'no',
    trustStore: !!(written(trustStore) || written(trustCertificates) || written(bundle) || written(engineFactory)),
    ...(protocols ? { protocols } : {}),
  };
}
