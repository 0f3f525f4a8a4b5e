/**
 * Strimzi's `Kafka` custom resource (apiVersion `kafka.strimzi.io/v1beta2` or `v1`, kind `Kafka`): the cluster's name
 * and namespace, its listeners (`spec.kafka.listeners[]`: name, port, type, `tls`, `authentication.type`, a custom
 * `configuration.brokerCertChainAndKey`) and the TLS settings of `spec.kafka.config` Strimzi lets users set
 * (`ssl.enabled.protocols`, `ssl.protocol`, `ssl.cipher.suites`: KafkaClusterSpec FORBIDDEN_PREFIX_EXCEPTIONS,
 * strimzi/strimzi-kafka-operator@6c7b43c (1.2.0) api/…/kafka/KafkaClusterSpec.java); the listeners of the format before
 * 0.20 (`listeners: {plain: {}, tls: …}`) as the operator converted them (`converted`). A value written with a template
 * (`{{ .Values.tls }}`, `${TLS}`) is kept as written: the model leaves it unknown.
 */
import type { Range } from '../core/types';
import type { Entry } from './types';
import type { MappingKey } from './yaml-mapping-keys';

export interface StrimziListener {
  name?: string;
  /** The port as written; a number the model reads only when it is one. */
  port?: { value: string; range: Range };
  type?: string;
  /** `tls:` as written (`true`, `false`, a template); absent when the listener does not set it (the CRD requires it). */
  tls?: { value: string; range: Range };
  /** `authentication.type` as written (`tls`, `scram-sha-512`, `oauth`, `custom`). */
  authentication?: { value: string; range: Range };
  /** `configuration.brokerCertChainAndKey.secretName`: the Secret holding the listener's own server certificate. */
  customCertificate?: { value: string; range: Range };
  /** Where the listener's item starts (its first key). */
  range: Range;
}

export interface StrimziKafka {
  name: string;
  nameRange: Range;
  namespace?: string;
  listeners: StrimziListener[];
  /** `spec.kafka.config` entries whose key starts with `ssl.`, by key. */
  sslConfig: Map<string, Entry>;
}

const LISTENER_KEY =
  /^spec\.kafka\.listeners\[(\d+)\]\.(name|port|type|tls|authentication\.type|configuration\.brokerCertChainAndKey\.secretName)$/;
const SSL_CONFIG_KEY = /^spec\.kafka\.config\.(ssl\..+)$/;
/** A listener of the format before Strimzi 0.20 (`listeners: {plain: …, tls: …, external: …}`, v1beta1 and v1alpha1). */
const OLD_LISTENER_KEY =
  /^spec\.kafka\.listeners\.(plain|tls|external)(?:\.(type|tls|authentication\.type|configuration\.brokerCertChainAndKey\.secretName|.+))?$/;

/** Whether a YAML document's entries are a Strimzi `Kafka` resource. */
export function isStrimziKafka(entries: readonly Entry[]): boolean {
  const api = entries.find((e) => e.key === 'apiVersion')?.value.trim() ?? '';
  const kind = entries.find((e) => e.key === 'kind')?.value.trim();
  return kind === 'Kafka' && api.startsWith('kafka.strimzi.io/');
}

/** The Strimzi `Kafka` resource of a YAML document's entries (isStrimziKafka checked by the caller). */
export function strimziKafkaOf(
  entries: readonly Entry[],
  mapKeys: readonly MappingKey[] = [],
): StrimziKafka | undefined {
  const named = entries.find((e) => e.key === 'metadata.name');
  if (!named) return undefined;
  const namespace = entries.find((e) => e.key === 'metadata.namespace')?.value.trim();
  const listeners = new Map<string, StrimziListener>();
  const sslConfig = new Map<string, Entry>();
  const oldListeners = new Map<string, OldListener>();
  // Each listener at its own key (`tls:`), which is all an empty one (`tls: {}`) writes.
  for (const { path, range } of mapKeys) {
    const name = /^spec\.kafka\.listeners\.(plain|tls|external)$/.exec(path)?.[1];
    if (name) oldListeners.set(name, { range });
  }
  for (const entry of entries) {
    const config = SSL_CONFIG_KEY.exec(entry.key)?.[1];
    if (config) {
      sslConfig.set(config, entry);
      continue;
    }
    const old = OLD_LISTENER_KEY.exec(entry.key);
    if (old) {
      const listener = oldListeners.get(old[1]!) ?? { range: entry.keyRange };
      oldListeners.set(old[1]!, listener);
      const written = { value: entry.value.trim(), range: entry.valueRange };
      if (old[2] === 'type') listener.type = written;
      else if (old[2] === 'tls') listener.tls = written;
      else if (old[2] === 'authentication.type') listener.authentication = written;
      else if (old[2] === 'configuration.brokerCertChainAndKey.secretName') listener.customCertificate = written;
      continue;
    }
    const m = LISTENER_KEY.exec(entry.key);
    if (!m) continue;
    const index = m[1]!;
    const listener = listeners.get(index) ?? { range: entry.keyRange };
    listeners.set(index, listener);
    const written = { value: entry.value.trim(), range: entry.valueRange };
    switch (m[2]) {
      case 'name':
        listener.name = written.value;
        break;
      case 'port':
        listener.port = written;
        break;
      case 'type':
        listener.type = written.value;
        break;
      case 'tls':
        listener.tls = written;
        break;
      case 'authentication.type':
        listener.authentication = written;
        break;
      default:
        listener.customCertificate = written;
    }
  }
  return {
    name: named.value.trim(),
    nameRange: named.valueRange,
    ...(namespace ? { namespace } : {}),
    listeners: [...listeners.values(), ...[...oldListeners].flatMap(([name, old]) => converted(name, old))],
    sslConfig,
  };
}

/** A listener of the format before 0.20 as written: its own `type`, `tls` and authentication (external only has the first two). */
interface OldListener {
  range: Range;
  type?: { value: string; range: Range };
  tls?: { value: string; range: Range };
  authentication?: { value: string; range: Range };
  customCertificate?: { value: string; range: Range };
}

/**
 * A listener of the format before 0.20 in the format since, as the operator converted it
 * (strimzi/strimzi-kafka-operator@ae62c53 (0.21.0) api/…/listener/arraylistener/ListenersConvertor.java): `plain` is
 * internal listener `plain` on 9092 without TLS, `tls` internal listener `tls` on 9093 with TLS, `external` listener
 * `external` on 9094 of its `type`, with TLS for a route or an ingress, and for a load balancer or node port as its
 * `tls:` says (true when not written: KafkaListenerExternalLoadBalancer/NodePort `tls = true`, 0.18.0). An external
 * listener whose type is not written, or a template, gets no `tls` (left out by the model).
 */
function converted(name: string, old: OldListener): StrimziListener[] {
  const at = old.range;
  const listener = (port: string, type: string, tls: { value: string; range: Range } | undefined): StrimziListener => ({
    name,
    port: { value: port, range: at },
    type,
    ...(tls ? { tls } : {}),
    ...(old.authentication ? { authentication: old.authentication } : {}),
    ...(old.customCertificate && name !== 'plain' ? { customCertificate: old.customCertificate } : {}),
    range: at,
  });
  if (name === 'plain') return [listener('9092', 'internal', { value: 'false', range: at })];
  if (name === 'tls') return [listener('9093', 'internal', { value: 'true', range: at })];
  const type = old.type?.value.replace(/^["']|["']$/g, '');
  if (type === 'route' || type === 'ingress')
    return [listener('9094', type, { value: 'true', range: old.type!.range })];
  if (type === 'loadbalancer' || type === 'nodeport')
    return [listener('9094', type, old.tls ?? { value: 'true', range: old.type!.range })];
  return [listener('9094', type ?? 'unknown', undefined)];
}
