/**
 * A Kafka client's TLS from the settings that decide each of Kafka's client keys, whatever framework layers them (Spring
 * Boot's `spring.kafka.*`: ./kafka-spring.ts; Quarkus's SmallRye Kafka channels: ./kafka-quarkus.ts), and the clients of
 * one app that read the same settings told as one end (Deployment.unlinkedEnds). Kafka reads its ssl.* settings only
 * when security.protocol is SSL or SASL_SSL (the default is PLAINTEXT:
 * https://kafka.apache.org/documentation/#adminclientconfigs_security.protocol): otherwise no store is named.
 */
import type { Location, RelatedLocation } from '../core/types';
import type { Entry } from '../parse/types';
import { clientReach } from './kafka-clients';
import { KAFKA_TLS_PROTOCOLS, kafkaListOf } from './kafka-protocols';
import type { SpringSettings } from './spring-settings';
import { storeNamedBy, usableValue } from './spring-stores';
import type { TreeStores } from './store-files';
import type { Component, KafkaList, StoreRef, TlsTrustSettings, UnlinkedEnd } from './types';

/** Kafka's client settings lint-deploy reads, by their Kafka names. */
export const KAFKA_CLIENT_KEYS = {
  bootstrap: 'bootstrap.servers',
  protocol: 'security.protocol',
  keyStore: 'ssl.keystore.location',
  keyStoreType: 'ssl.keystore.type',
  keyStorePassword: 'ssl.keystore.password',
  trustStore: 'ssl.truststore.location',
  trustStoreType: 'ssl.truststore.type',
  trustStorePassword: 'ssl.truststore.password',
  engineFactory: 'ssl.engine.factory.class',
  endpointIdentification: 'ssl.endpoint.identification.algorithm',
  enabledProtocols: 'ssl.enabled.protocols',
  cipherSuites: 'ssl.cipher.suites',
} as const;
export type KafkaClientKey = keyof typeof KAFKA_CLIENT_KEYS;

/** One client's TLS as its settings decide it. */
export interface KafkaClientTls {
  trust: TlsTrustSettings;
  off?: UnlinkedEnd['hostnameVerificationOff'];
  protocols?: KafkaList;
  cipherSuites?: KafkaList;
}

/** Whether the client speaks TLS: its security protocol, read where it is set, is SSL or SASL_SSL. */
export function speaksTls(protocol: Entry | undefined): protocol is Entry {
  const written = protocol ? usableValue(protocol)?.toUpperCase() : undefined;
  return !!written && KAFKA_TLS_PROTOCOLS.has(written);
}

/**
 * The TLS of a client whose security protocol is SSL or SASL_SSL (`decides('protocol')`, checked by the caller with
 * speaksTls): the stores its settings name (or `stores`, a bundle's), host name verification turned off, its lists.
 * Undefined when none of these is set: the client then runs on the JDK's defaults and says nothing to check.
 */
export function kafkaClientTls(
  decides: (key: KafkaClientKey) => Entry | undefined,
  settings: SpringSettings,
  treeStores: TreeStores,
  protocol: Entry,
  bundle?: { keyStore?: StoreRef; trustStore?: StoreRef },
): KafkaClientTls | undefined {
  const store = (kind: 'keyStore' | 'trustStore') =>
    storeNamedBy(settings, treeStores, decides(kind), decides(`${kind}Type`), decides(`${kind}Password`));
  const trust: TlsTrustSettings = {};
  const keyStore = bundle ? bundle.keyStore : store('keyStore');
  if (keyStore) trust.keyStore = keyStore;
  const trustStore = bundle ? bundle.trustStore : store('trustStore');
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
          ...viaOf(settings, [identification, protocol]),
        }
      : undefined;
  const list = (key: 'enabledProtocols' | 'cipherSuites') => {
    const entry = decides(key);
    return (
      entry && kafkaListOf(entry.key, entry.value, { file: settings.doc(entry).file.path, range: entry.valueRange })
    );
  };
  const protocols = list('enabledProtocols');
  const cipherSuites = list('cipherSuites');
  if (!keyStore && !trustStore && !off && !protocols && !cipherSuites) return undefined;
  return { trust, ...(off && { off }), ...(protocols && { protocols }), ...(cipherSuites && { cipherSuites }) };
}

/** What brought the settings in besides their own lines (the `env_file:` item naming an env file), once each. */
function viaOf(settings: SpringSettings, entries: Entry[]): { via?: RelatedLocation[] } {
  const via: RelatedLocation[] = [];
  for (const entry of entries)
    for (const v of settings.via(entry) ?? [])
      if (!via.some((w) => w.file === v.file && w.range?.start.line === v.range?.start.line)) via.push(v);
  return via.length > 0 ? { via } : {};
}

/** A client of the app and its TLS; `apart` tells apart clients whose settings are alike but read for another reason. */
export interface KafkaClient {
  client: string;
  tls: KafkaClientTls;
  /** The hosts its bootstrap servers name (kafkaHosts); undefined when unset or a placeholder. */
  hosts: string[] | undefined;
  /** The ports of its loopback bootstrap addresses (loopbackPortsOf); undefined when unset or one has none written. */
  loopbackPorts?: number[] | undefined;
  apart?: string;
  storesReadBecause?: UnlinkedEnd['storesReadBecause'];
}

/**
 * The app's clients as ends, clients that read the same settings told as one end, named by `name` (given the clients
 * of the end in order).
 */
export function kafkaClientEnds(
  app: Component,
  clients: readonly KafkaClient[],
  name: (clients: string[]) => string,
): UnlinkedEnd[] {
  const byStores = new Map<
    string,
    { clients: string[]; first: KafkaClient; reach: (string[] | undefined)[]; ports: (number[] | undefined)[] }
  >();
  for (const c of clients) {
    const { trust, off, protocols, cipherSuites } = c.tls;
    const key =
      [trust.keyStore, trust.trustStore].map((s) => (s ? placeOf(s) : '')).join('|') +
      `|${off ? placeOf(off.at) : ''}|${c.apart ?? ''}|${protocols ? placeOf(enabledAt(protocols)) : ''}|${cipherSuites ? placeOf(enabledAt(cipherSuites)) : ''}`;
    const same = byStores.get(key);
    if (same) {
      same.clients.push(c.client);
      same.reach.push(c.hosts);
      same.ports.push(c.loopbackPorts);
    } else byStores.set(key, { clients: [c.client], first: c, reach: [c.hosts], ports: [c.loopbackPorts] });
  }
  return [...byStores.values()].map(({ clients: names, first: { tls, storesReadBecause }, reach, ports }) => ({
    name: name(names),
    location: app.location,
    implementation: app.tls?.implementation ?? 'jsse',
    trust: tls.trust,
    ...(tls.off ? { hostnameVerificationOff: tls.off } : {}),
    ...(storesReadBecause ? { storesReadBecause } : {}),
    ...(tls.protocols ? { protocols: tls.protocols } : {}),
    ...(tls.cipherSuites ? { cipherSuites: tls.cipherSuites } : {}),
    ...(app.runtime ? { runtime: app.runtime } : {}),
    kafkaClient: clientReach(reach, ports),
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
