/**
 * The Kafka clients of a Quarkus app (Quarkus Messaging's SmallRye Kafka connector) with the stores their settings name
 * (Deployment.unlinkedEnds). A channel's Kafka configuration is, first to last: the channel's own attribute
 * (`mp.messaging.incoming|outgoing.<channel>.<key>`), then the connector's (`mp.messaging.connector.smallrye-kafka.<key>`:
 * MicroProfile's ConnectorConfig), then the default Kafka configuration, which Quarkus builds from the `kafka.<key>`
 * properties (ConfigHelper.retrieveChannelConfiguration, "default-kafka-broker";
 * https://github.com/smallrye/smallrye-reactive-messaging/blob/4.29.0/smallrye-reactive-messaging-kafka/src/main/java/io/smallrye/reactive/messaging/kafka/impl/ConfigHelper.java,
 * providers/impl/ConnectorConfig.java there; https://quarkus.io/guides/kafka). A channel of another connector is not
 * Kafka's. A channel whose TLS comes from the TLS registry (`tls-configuration-name`) or a custom engine factory is left
 * out, as is one whose settings only the run knows: which files it reads is unknown. An app with `kafka.*` TLS
 * settings and no channel configured in its files still has clients (channels its code declares): one end says them.
 */
import type { ParsedDocument } from '../parse/types';
import type { Entry } from '../parse/types';
import { KAFKA_CLIENT_KEYS, kafkaClientEnds, kafkaClientTls, speaksTls, type KafkaClient } from './kafka-client-ends';
import type { KafkaClientKey } from './kafka-client-ends';
import { kafkaHosts } from './kafka-client-auth';
import { loopbackPortsOf } from './kafka-loopback';
import type { QuarkusSettings } from './quarkus-settings';
import type { SpringSettings } from './spring-settings';
import type { TreeStores } from './store-files';
import type { Component, UnlinkedEnd } from './types';

const CONNECTOR = 'smallrye-kafka';
/** A channel's attribute: its direction, its name (quoted when it holds dots), the attribute. */
const CHANNEL_SETTING = /^mp\.messaging\.(incoming|outgoing)\.("[^"]+"|[^."]+)\.(.+)$/;
/** Settings that take the client's TLS from elsewhere than its ssl.* keys. */
const TLS_ELSEWHERE = ['tls-configuration-name', KAFKA_CLIENT_KEYS.engineFactory];

export function quarkusKafkaEnds(
  q: QuarkusSettings,
  settings: SpringSettings,
  app: Component,
  stores: TreeStores,
): UnlinkedEnd[] {
  const names = q.namesMatching(/^(?:kafka|mp\.messaging)\./);
  if (names.length === 0) return [];
  const channels = new Map<string, string>(); // `incoming prices` → its settings' prefix
  for (const name of names) {
    const m = CHANNEL_SETTING.exec(name);
    if (m) channels.set(`${m[1]} ${m[2]!.replace(/"/g, '')}`, `mp.messaging.${m[1]}.${m[2]}.`);
  }
  const connectorOf = (prefix: string) => q.get(`${prefix}connector`)?.entry.value.trim();
  // A channel that names no connector is Kafka's only when the app names no other connector (Quarkus then picks the
  // one on the class path; with several, it would have to be named).
  const otherConnector = [...channels.values()].some((p) => (connectorOf(p) ?? CONNECTOR) !== CONNECTOR);
  const kafkaChannels = [...channels].filter(([, p]) => {
    const connector = connectorOf(p);
    return connector === CONNECTOR || (connector === undefined && !otherConnector);
  });
  const layers: [string, string[]][] =
    kafkaChannels.length > 0
      ? kafkaChannels.map(([label, p]) => [label, [p, `mp.messaging.connector.${CONNECTOR}.`, 'kafka.']])
      : [['clients', [`mp.messaging.connector.${CONNECTOR}.`, 'kafka.']]];
  const docOf = new Map<Entry, ParsedDocument>();
  const placed: SpringSettings = { ...settings, doc: (e) => docOf.get(e) ?? settings.doc(e) };
  const clients: KafkaClient[] = [];
  for (const [client, prefixes] of layers) {
    let unknown = false;
    const setting = (key: string): Entry | undefined => {
      for (const prefix of prefixes) {
        const at = q.get(prefix + key);
        if (!at) continue;
        if (at.unresolved) unknown = true;
        docOf.set(at.entry, at.doc);
        return at.entry;
      }
      return undefined;
    };
    const decides = (key: KafkaClientKey) => setting(KAFKA_CLIENT_KEYS[key]);
    const protocol = decides('protocol');
    if (!speaksTls(protocol) || TLS_ELSEWHERE.some((key) => setting(key))) continue;
    const tls = kafkaClientTls(decides, placed, stores, protocol);
    if (!tls || unknown) continue;
    // Brokers given only at run time leave the hosts unknown, not the client's TLS.
    const bootstrap = decides('bootstrap');
    const written = bootstrap && !bootstrap.value.includes('$') ? bootstrap.value : undefined;
    const hosts = written === undefined ? undefined : kafkaHosts(written);
    clients.push({
      client,
      tls,
      hosts,
      loopbackPorts: written === undefined || hosts === undefined ? undefined : loopbackPortsOf(written),
    });
  }
  return kafkaClientEnds(app, clients, (ends) =>
    ends[0] === 'clients'
      ? `Kafka clients of ${app.name}`
      : `Kafka channel${ends.length > 1 ? 's' : ''} ${ends.join(', ')} of ${app.name}`,
  );
}
