/**
 * Kafka ends told from settings read in layers: a client whose settings are prefixed for it (a Connect worker's
 * `producer.ssl.*`, a MirrorMaker cluster's `A.ssl.*`) or a broker listener's own `listener.name.<listener>.ssl.*`. Each
 * view of a file (a client, a listener) says which entry decides a Kafka key for it; views decided by the same entries
 * are one end, as the same settings make the same SSL engine (DefaultSslEngineFactory). Kafka trims a string setting
 * (ConfigDef.parseType), so a value of spaces is empty.
 */
import type { Location } from '../core/types';
import { entryIn, type Entry } from '../parse/types';
import { traced } from './java-shared';
import { KAFKA_TLS_PROTOCOLS, kafkaListOf } from './kafka-protocols';
import type { TreeStores } from './store-files';
import type { JavaRuntime, SettingOf, StoreFileOf, StoreRef, TlsTrustSettings, UnlinkedEnd } from './types';
import { kafkaHosts, reachingAll } from './kafka-client-auth';
import { trustStoreOrCacerts } from './attributes-tls';
import { loopbackPortsOf } from './kafka-loopback';

// Kept in ./kafka-reach-records (a Connect worker's record carries its clients' readings); re-exported here.
export type { SettingOf, StoreFileOf } from './kafka-reach-records';

/** One client (or listener) a file configures, and how it reads its settings. */
export interface KafkaView {
  /** What it is among the file's views: `producer`, `listener INTERNAL`, `cluster primary`. */
  label: string;
  setting: SettingOf;
  /**
   * A broker listener the broker itself connects over as a client (the inter-broker listener, a controller listener):
   * where that is said. Its client settings (ssl.endpoint.identification.algorithm) are then read too.
   */
  connectsOver?: Location;
  /**
   * The bootstrap servers it uses when no setting names them (a Connect worker's own default, WorkerConfig's
   * `localhost:9092`: data/kafka.json connectBootstrapServers); absent: unknown when unset.
   */
  bootstrapDefault?: string;
}

export interface KafkaViews {
  /** The end in words when all its views are one end: `Kafka client (client.properties)`. */
  name: string;
  /** How an end of some of the views is called: `Kafka broker (server.properties) listener INTERNAL`. */
  nameOf(labels: readonly string[]): string;
  /** The file the entries are written in. */
  file: string;
  views: readonly KafkaView[];
  /** Clients read their ssl.* settings only when their security.protocol is SSL or SASL_SSL; a TLS listener always. */
  role: 'client' | 'listener';
  storeFile: StoreFileOf;
  stores: TreeStores;
  /** The JDK the process runs on, when the tree says. */
  runtime?: JavaRuntime;
  /** The Compose service whose environment writes the settings (`file` is its Compose file), or that runs the client. */
  service?: string;
  /**
   * The file whose runner (its Compose file with `service`, else the containers that run it) runs the client when not
   * `file`'s: a connector's clients run in its Connect worker.
   */
  runsIn?: string;
}

/** The ends of the views that speak TLS and name a store, set their protocols or (clients) turn host name checks off. */
export function kafkaViewEnds(input: KafkaViews): UnlinkedEnd[] {
  // `reach`: a client's views' bootstrap hosts, one entry per view (none for a broker's own connections).
  const groups = new Map<
    string,
    {
      labels: string[];
      end: Omit<UnlinkedEnd, 'name'>;
      reach?: (string[] | undefined)[];
      ports: (number[] | undefined)[];
    }
  >();
  for (const view of input.views) {
    const decided: Entry[] = [];
    const setting: SettingOf = (key) => {
      const entry = view.setting(key);
      if (entry) decided.push(entry);
      return entry;
    };
    const protocol = input.role === 'client' ? setting('security.protocol') : undefined;
    if (input.role === 'client' && !(protocol && KAFKA_TLS_PROTOCOLS.has(protocol.value.trim().toUpperCase())))
      continue;
    const keyStore = storeOf(input, setting, 'keystore');
    const trustStore = storeOf(input, setting, 'truststore');
    // An empty ssl.endpoint.identification.algorithm: the client checks no host name (JSSE skips an empty algorithm).
    const tlsAt = protocol ? entryIn(input.file, protocol, 'key') : view.connectsOver;
    const identification = tlsAt && setting('ssl.endpoint.identification.algorithm');
    const off =
      tlsAt && identification && identification.value.trim() === ''
        ? {
            setting: identification.key,
            at: entryIn(input.file, identification, 'key'),
            tlsAt,
            ...(view.connectsOver ? { listener: view.label } : {}),
          }
        : undefined;
    const list = (key: string) => {
      const entry = setting(key);
      return entry && kafkaListOf(entry.key, entry.value, entryIn(input.file, entry, 'value'));
    };
    const protocols = list('ssl.enabled.protocols');
    const cipherSuites = list('ssl.cipher.suites');
    if (!keyStore && !trustStore && !off && !protocols && !cipherSuites) continue;
    const id = decided.map((e) => `${e.key}@${e.file ?? ''}:${e.keyRange.start.line}`).join('\n');
    // Not a setting that makes ends apart: the brokers the views reach, together (./kafka-client-auth.ts).
    const bootstrap =
      input.role === 'client' ? (view.setting('bootstrap.servers')?.value ?? view.bootstrapDefault) : undefined;
    const hosts = bootstrap === undefined ? undefined : kafkaHosts(bootstrap);
    const ports = bootstrap === undefined ? undefined : loopbackPortsOf(bootstrap);
    const group = groups.get(id);
    if (group) {
      group.labels.push(view.label);
      group.reach?.push(hosts);
      group.ports.push(ports);
    } else
      groups.set(id, {
        labels: [view.label],
        end: {
          location: { file: input.file },
          implementation: 'jsse',
          trust: {
            ...(keyStore ? { keyStore } : {}),
            ...trustStoreOrCacerts(trustStore),
          } satisfies TlsTrustSettings,
          ...(off ? { hostnameVerificationOff: off } : {}),
          ...(protocols ? { protocols } : {}),
          ...(cipherSuites ? { cipherSuites } : {}),
          ...(input.runtime ? { runtime: input.runtime } : {}),
        },
        ...(input.role === 'client' ? { reach: [hosts] } : {}),
        ports: [ports],
      });
  }
  // Named by its views only where the file's views are not all one end.
  const whole = groups.size === 1 && [...groups.values()][0]?.labels.length === input.views.length;
  return [...groups.values()].map(({ labels, end, reach, ports }) => ({
    name: whole ? input.name : input.nameOf(labels),
    ...end,
    ...(reach ? { kafkaClient: clientReach(reach, ports, input.service, input.runsIn) } : {}),
  }));
}

/** A client end's reach: its views' bootstrap hosts, the ports of their loopback addresses, its Compose service. */
export function clientReach(
  reach: readonly (string[] | undefined)[],
  ports: readonly (number[] | undefined)[],
  service?: string,
  runsIn?: string,
): NonNullable<UnlinkedEnd['kafkaClient']> {
  const known = ports.every((p) => p !== undefined);
  return {
    ...reachingAll(reach),
    ...(known ? { loopbackPorts: [...new Set(ports.flat())] } : {}),
    ...(service !== undefined ? { service } : {}),
    ...(runsIn !== undefined ? { runsIn } : {}),
  };
}

/** The store `ssl.<kind>.location` names for a view, with the tree file it is when the tree shows which. */
function storeOf(input: KafkaViews, setting: SettingOf, kind: 'keystore' | 'truststore'): StoreRef | undefined {
  const location = setting(`ssl.${kind}.location`);
  const written = location?.value.trim();
  if (!location || !written) return undefined;
  const { file: configFile, stores } = input;
  const type = setting(`ssl.${kind}.type`);
  const password = setting(`ssl.${kind}.password`);
  // A config provider's reference (`${file:/etc/kafka/secrets.properties:location}`): only the run knows it.
  const found = written.includes('${') ? undefined : input.storeFile(written);
  const ref: StoreRef = {
    path: {
      value: written,
      from: {
        kind: 'file',
        location: entryIn(configFile, location, 'value'),
        ...(found?.note ? { note: found.note } : {}),
      },
    },
    setting: location.key,
  };
  if (found) {
    ref.file = found.file;
    if (found.copiedBy) ref.copiedBy = found.copiedBy;
    // The mount that places it decides too: named where the setting is another file's (an env_file's line).
    if (found.mountedAt && found.mountedAt.file !== (location.file ?? configFile)) ref.mountedAt = found.mountedAt;
  }
  const typeValue = type?.value.trim();
  if (type && typeValue && !typeValue.includes('${'))
    ref.type = { ...traced(typeValue, type.file ?? configFile, type.valueRange), value: typeValue.toUpperCase() };
  else if (found) {
    const detected = stores.typeOf(found.file);
    if (detected)
      ref.type = {
        value: detected,
        from: { kind: 'file', location: { file: found.file }, note: 'detected from the file' },
      };
  }
  if (password) ref.passwordAt = entryIn(configFile, password, 'key');
  return ref;
}
