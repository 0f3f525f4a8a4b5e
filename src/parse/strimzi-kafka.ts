/**
 * Strimzi's `Kafka` custom resource (apiVersion `kafka.strimzi.io/v1beta2` or `v1`, kind `Kafka`): the cluster's name
 * and namespace, its listeners (`spec.kafka.listeners[]`: name, port, type, `tls`, `authentication.type`, a custom
 * `configuration.brokerCertChainAndKey`) and the TLS settings of `spec.kafka.config` Strimzi lets users set
 * (`ssl.enabled.protocols`, `ssl.protocol`, `ssl.cipher.suites`: KafkaClusterSpec FORBIDDEN_PREFIX_EXCEPTIONS,
 * strimzi/strimzi-kafka-operator@6c7b43c (1.2.0) api/…/kafka/KafkaClusterSpec.java). A value written with a template
 * (`{{ .Values.tls }}`, `${TLS}`) is kept as written: the model leaves it unknown.
 */
import type { Range } from '../core/types';
import type { Entry } from './types';

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

/** Whether a YAML document's entries are a Strimzi `Kafka` resource. */
export function isStrimziKafka(entries: readonly Entry[]): boolean {
  const api = entries.find((e) => e.key === 'apiVersion')?.value.trim() ?? '';
  const kind = entries.find((e) => e.key === 'kind')?.value.trim();
  return kind === 'Kafka' && api.startsWith('kafka.strimzi.io/');
}

/** The Strimzi `Kafka` resource of a YAML document's entries (isStrimziKafka checked by the caller). */
export function strimziKafkaOf(entries: readonly Entry[]): StrimziKafka | undefined {
  const named = entries.find((e) => e.key === 'metadata.name');
  if (!named) return undefined;
  const namespace = entries.find((e) => e.key === 'metadata.namespace')?.value.trim();
  const listeners = new Map<string, StrimziListener>();
  const sslConfig = new Map<string, Entry>();
  for (const entry of entries) {
    const config = SSL_CONFIG_KEY.exec(entry.key)?.[1];
    if (config) {
      sslConfig.set(config, entry);
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
    listeners: [...listeners.values()],
    sslConfig,
  };
}
