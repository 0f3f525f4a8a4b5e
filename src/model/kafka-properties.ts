/**
 * The Kafka ends that Kafka's own properties files configure (parse/kafka-properties.ts): a broker's
 * `server.properties` and a client's `client-ssl.properties`, with the key and trust stores they name
 * (Deployment.unlinkedEnds). A file is a broker's when it sets its listeners or identity (`listeners`,
 * `advertised.listeners`, `process.roles`, `broker.id`, `node.id`, `zookeeper.connect`); else a client's (a tool's
 * `--command-config`, a producer's or consumer's config, a Connect worker's). A broker speaks TLS when a listener's
 * security protocol is SSL or SASL_SSL, a client when its security.protocol is (default PLAINTEXT:
 * https://kafka.apache.org/documentation/#producerconfigs_security.protocol); otherwise its ssl.* settings are not read.
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
import { KAFKA_TLS_PROTOCOLS, listenersSpeakTls } from './kafka-protocols';
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
  contribute(ctx) {
    const files = ctx.documentsOf(KAFKA_PROPERTIES_KIND);
    if (files.length === 0) return;
    const stores = treeStoresOf(ctx);
    const mounts = deploymentMounts(ctx);
    for (const doc of files) {
      const end = kafkaEnd(doc, relativePosix(ctx.deployment.root, doc.file.path), stores, mounts);
      if (end) (ctx.deployment.unlinkedEnds ??= []).push(end);
    }
  },
};

/** The end a Kafka properties file configures, when it speaks TLS and names a store or turns host name checks off. */
function kafkaEnd(doc: ParsedDocument, name: string, stores: TreeStores, mounts: TreeMount[]): UnlinkedEnd | undefined {
  // java.util.Properties keeps the last value of a key.
  const settings = new Map<string, Entry>();
  for (const entry of doc.entries) settings.set(entry.key, entry);
  const value = (key: string) => settings.get(key)?.value.trim();
  const broker = BROKER_SETTINGS.some((key) => settings.has(key));
  const protocol = settings.get('security.protocol');
  const tls = broker
    ? listenersSpeakTls(
        [value('listeners') ?? '', value('advertised.listeners') ?? ''].join(','),
        value('listener.security.protocol.map'),
      )
    : protocol !== undefined && KAFKA_TLS_PROTOCOLS.has(protocol.value.trim().toUpperCase());
  if (!tls) return undefined;
  const store = (kind: 'keystore' | 'truststore') => storeOf(doc, settings, kind, stores, mounts);
  const keyStore = store('keystore');
  const trustStore = store('truststore');
  const trust: TlsTrustSettings = {
    ...(keyStore ? { keyStore } : {}),
    ...(trustStore ? { trustStore } : { defaultTrust: 'jdk-cacerts' as const }),
  };
  // An empty ssl.endpoint.identification.algorithm: the client checks no host name (JSSE skips an empty algorithm).
  const identification = settings.get('ssl.endpoint.identification.algorithm');
  const off =
    !broker && protocol && identification && identification.value.trim() === ''
      ? {
          setting: identification.key,
          at: { file: doc.file.path, range: identification.keyRange },
          tlsAt: { file: doc.file.path, range: protocol.keyRange },
        }
      : undefined;
  if (!keyStore && !trustStore && !off) return undefined;
  return {
    name: `Kafka ${broker ? 'broker' : 'client'} (${name})`,
    location: { file: doc.file.path },
    implementation: 'jsse',
    trust,
    ...(off ? { hostnameVerificationOff: off } : {}),
  };
}

/** The store `ssl.<kind>.location` names, with the tree file it is when the tree shows which (see the header). */
function storeOf(
  doc: ParsedDocument,
  settings: ReadonlyMap<string, Entry>,
  kind: 'keystore' | 'truststore',
  stores: TreeStores,
  mounts: TreeMount[],
): StoreRef | undefined {
  const location = settings.get(`ssl.${kind}.location`);
  const written = location?.value.trim();
  if (!location || !written) return undefined;
  const configFile = doc.file.path;
  const type = settings.get(`ssl.${kind}.type`);
  const password = settings.get(`ssl.${kind}.password`);
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
