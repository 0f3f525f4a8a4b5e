/**
 * The Kafka ends that Kafka's own properties files configure (parse/kafka-properties.ts): a broker's
 * `server.properties` and a client's `client-ssl.properties`, with the key and trust stores they name
 * (Deployment.unlinkedEnds). A file is a broker's when it sets its listeners or identity (`listeners`,
 * `advertised.listeners`, `process.roles`, `broker.id`, `node.id`, `zookeeper.connect`); else a client's (a tool's
 * `--command-config`, a producer's or consumer's config, a Connect worker's). A broker speaks TLS when a listener's
 * security protocol is SSL or SASL_SSL, a client when its security.protocol is (default PLAINTEXT:
 * https://kafka.apache.org/documentation/#producerconfigs_security.protocol); otherwise its ssl.* settings are not read.
 * Each TLS listener of a broker reads its own `listener.name.<listener>.ssl.*` before the unprefixed settings (brokerEnds).
 *
 * Where a store is: Kafka opens `ssl.keystore.location` as a file path (DefaultSslEngineFactory FileBasedStore), so a
 * relative path resolves against the working directory the process starts in, which the file does not say. It is taken
 * as the file's own directory (the tools run from there in the trees seen: gregclinker/kafka-mtls-example run-example.sh
 * passes `--command-config ssl.properties` from the directory holding `secrets/`) only when the tree holds a store at
 * that path; else it is unknown. An absolute path is the container's or the host's: it names a tree file only through a
 * Compose bind mount of the service that mounts the properties file, or a Dockerfile COPY of both — never by its name.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { KAFKA_PROPERTIES_KIND } from '../parse/kafka-properties';
import type { Entry, ParsedDocument } from '../parse/types';
import type { ModelContributor } from './contributor';
import { deploymentMounts, treeFileInContainer } from './compose-mounts';
import { traced } from './java-shared';
import { KAFKA_TLS_PROTOCOLS, tlsListenerNames } from './kafka-protocols';
import { relativePosix } from './paths';
import { treeStoresOf, type TreeStores } from './store-files';
import type { StoreRef, TlsTrustSettings, TreeMount, UnlinkedEnd } from './types';

/** Settings only a broker (or KRaft controller) has. */
const BROKER_SETTINGS = [
  'listeners',
  'advertised.listeners',
  'process.roles',
  'broker.id',
  'node.id',
  'zookeeper.connect',
];

export const kafkaPropertiesContributor: ModelContributor = {
  id: 'kafka-properties',
  reads: [KAFKA_PROPERTIES_KIND],
  contribute(ctx) {
    const files = ctx.documentsOf(KAFKA_PROPERTIES_KIND);
    if (files.length === 0) return;
    const stores = treeStoresOf(ctx);
    const mounts = deploymentMounts(ctx);
    for (const doc of files) {
      const ends = kafkaEnds(doc, relativePosix(ctx.deployment.root, doc.file.path), stores, mounts);
      if (ends.length > 0) (ctx.deployment.unlinkedEnds ??= []).push(...ends);
    }
  },
};

/** Reads one Kafka setting as a client or a listener sees it: the entry that decides it, if any. */
type SettingOf = (key: string) => Entry | undefined;

/** The ends a Kafka properties file configures that speak TLS and name a store or turn host name checks off. */
function kafkaEnds(doc: ParsedDocument, name: string, stores: TreeStores, mounts: TreeMount[]): UnlinkedEnd[] {
  // java.util.Properties keeps the last value of a key.
  const settings = new Map<string, Entry>();
  for (const entry of doc.entries) settings.set(entry.key, entry);
  const value = (key: string) => settings.get(key)?.value.trim();
  const storesOf = (setting: SettingOf) => ({
    keyStore: storeOf(doc, setting, 'keystore', stores, mounts),
    trustStore: storeOf(doc, setting, 'truststore', stores, mounts),
  });
  if (BROKER_SETTINGS.some((key) => settings.has(key))) {
    const listeners = tlsListenerNames(
      [value('listeners') ?? '', value('advertised.listeners') ?? ''].join(','),
      value('listener.security.protocol.map'),
    );
    return brokerEnds(`Kafka broker (${name})`, listeners, settings, storesOf, doc.file.path);
  }
  const protocol = settings.get('security.protocol');
  if (!protocol || !KAFKA_TLS_PROTOCOLS.has(protocol.value.trim().toUpperCase())) return [];
  const { keyStore, trustStore } = storesOf((key) => settings.get(key));
  // An empty ssl.endpoint.identification.algorithm: the client checks no host name (JSSE skips an empty algorithm).
  const identification = settings.get('ssl.endpoint.identification.algorithm');
  const off =
    identification && identification.value.trim() === ''
      ? {
          setting: identification.key,
          at: { file: doc.file.path, range: identification.keyRange },
          tlsAt: { file: doc.file.path, range: protocol.keyRange },
        }
      : undefined;
  if (!keyStore && !trustStore && !off) return [];
  return [
    {
      name: `Kafka client (${name})`,
      location: { file: doc.file.path },
      implementation: 'jsse',
      trust: trustOf(keyStore, trustStore),
      ...(off ? { hostnameVerificationOff: off } : {}),
    },
  ];
}

/**
 * A broker's TLS listeners that name a store, listeners reading the same settings told as one end. A listener reads
 * `listener.name.<listener>.<setting>` (its name in lower case) before `<setting>`, key by key (KafkaConfig's
 * valuesWithPrefixOverride(ListenerName.configPrefix()) in ChannelBuilders.channelBuilderConfigs, apache/kafka 3.8.0;
 * https://kafka.apache.org/documentation/#brokerconfigs_listener.security.protocol.map). The broker's own connections to
 * the inter-broker listener read the same settings. An end is named by its listeners only where a prefixed setting
 * decides one of its stores.
 */
function brokerEnds(
  broker: string,
  listeners: readonly string[],
  settings: ReadonlyMap<string, Entry>,
  storesOf: (setting: SettingOf) => { keyStore?: StoreRef; trustStore?: StoreRef },
  file: string,
): UnlinkedEnd[] {
  const groups = new Map<string, { listeners: string[]; prefixed: boolean; stores: ReturnType<typeof storesOf> }>();
  for (const listener of listeners) {
    const prefix = `listener.name.${listener.toLowerCase()}.`;
    const decided: Entry[] = [];
    const stores = storesOf((key) => {
      const entry = settings.get(prefix + key) ?? settings.get(key);
      if (entry) decided.push(entry);
      return entry;
    });
    const id = decided.map((e) => e.key).join('\n');
    const group = groups.get(id);
    if (group) group.listeners.push(listener);
    else groups.set(id, { listeners: [listener], prefixed: decided.some((e) => e.key.startsWith(prefix)), stores });
  }
  const named = [...groups.values()].some((g) => g.prefixed);
  return [...groups.values()].flatMap(({ listeners: names, stores: { keyStore, trustStore } }) =>
    keyStore || trustStore
      ? [
          {
            name: named ? `${broker} ${names.length > 1 ? 'listeners' : 'listener'} ${names.join(', ')}` : broker,
            location: { file },
            implementation: 'jsse' as const,
            trust: trustOf(keyStore, trustStore),
          },
        ]
      : [],
  );
}

/** An end's stores; without a trust store it trusts the JDK's cacerts (Kafka's default: the JSSE default trust). */
function trustOf(keyStore: StoreRef | undefined, trustStore: StoreRef | undefined): TlsTrustSettings {
  return {
    ...(keyStore ? { keyStore } : {}),
    ...(trustStore ? { trustStore } : { defaultTrust: 'jdk-cacerts' as const }),
  };
}

/** The store `ssl.<kind>.location` names, with the tree file it is when the tree shows which (see the header). */
function storeOf(
  doc: ParsedDocument,
  setting: SettingOf,
  kind: 'keystore' | 'truststore',
  stores: TreeStores,
  mounts: TreeMount[],
): StoreRef | undefined {
  const location = setting(`ssl.${kind}.location`);
  const written = location?.value.trim();
  if (!location || !written) return undefined;
  const configFile = doc.file.path;
  const type = setting(`ssl.${kind}.type`);
  const password = setting(`ssl.${kind}.password`);
  const found = treeFileOf(configFile, written, stores, mounts);
  const ref: StoreRef = {
    path: {
      value: written,
      from: {
        kind: 'file',
        location: { file: configFile, range: location.valueRange },
        ...(found?.note ? { note: found.note } : {}),
      },
    },
    setting: location.key,
  };
  if (found) {
    ref.file = found.file;
    if (found.copiedBy) ref.copiedBy = found.copiedBy;
  }
  const typeValue = type?.value.trim();
  if (type && typeValue && !typeValue.includes('${'))
    ref.type = { ...traced(typeValue, configFile, type.valueRange), value: typeValue.toUpperCase() };
  else if (found) {
    const detected = stores.typeOf(found.file);
    if (detected)
      ref.type = {
        value: detected,
        from: { kind: 'file', location: { file: found.file }, note: 'detected from the file' },
      };
  }
  if (password) ref.passwordAt = { file: configFile, range: password.keyRange } satisfies Location;
  return ref;
}

/** The tree's store file a written location is, when the tree shows it (see the header); undefined when unknown. */
function treeFileOf(
  configFile: string,
  written: string,
  stores: TreeStores,
  mounts: TreeMount[],
): { file: string; note?: string; copiedBy?: Location } | undefined {
  // A config provider's reference (`${file:/etc/kafka/secrets.properties:location}`): only the run knows it.
  if (written.includes('${')) return undefined;
  const isStore = (file: string) => stores.typeOf(file) !== undefined;
  if (!written.startsWith('/')) {
    if (path.isAbsolute(written)) return undefined;
    const beside = path.resolve(path.dirname(configFile), written);
    return isStore(beside)
      ? {
          file: beside,
          note: `a path relative to the directory Kafka is started in, taken as this file's directory`,
        }
      : undefined;
  }
  const mounted = treeFileInContainer(mounts, configFile, written, 'kafka');
  if (mounted) return isStore(mounted.file) ? { file: mounted.file } : undefined;
  const copied = stores.images?.resolve(configFile, written);
  return copied && isStore(copied.file) ? { file: copied.file, copiedBy: copied.by } : undefined;
}
