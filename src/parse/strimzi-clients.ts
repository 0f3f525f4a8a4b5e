/**
 * Strimzi's resources that run Kafka clients against a cluster: `KafkaConnect` (a Connect worker and its tasks'
 * clients) and `KafkaBridge` (the HTTP bridge's producer and consumer), apiVersion `kafka.strimzi.io/*`. What decides
 * their side of a handshake is written in the resource: `spec.bootstrapServers`, `spec.tls` (its presence makes the
 * operator write `security.protocol=SSL`; `trustedCertificates` the certificates it trusts), `spec.authentication`
 * (`tls` with a `certificateAndKey`: the key store it presents; SASL types make the protocol SASL_SSL or
 * SASL_PLAINTEXT) and, for Connect, `spec.config`'s `ssl.*` settings Strimzi lets users set (`ssl.enabled.protocols`,
 * `ssl.protocol`, `ssl.cipher.suites`), written after its own (strimzi/strimzi-kafka-operator@8541da1
 * cluster-operator/…/model/KafkaConnectConfigurationBuilder.java withTls, withAuthentication, withUserConfiguration;
 * 0.18.0's docker-images/kafka/scripts/kafka_connect_config_generator.sh did the same from KAFKA_CONNECT_TLS).
 */
import type { Range } from '../core/types';
import type { Entry } from './types';
import type { MappingKey } from './yaml-mapping-keys';

export interface StrimziClient {
  kind: 'KafkaConnect' | 'KafkaBridge';
  name: string;
  nameRange: Range;
  namespace?: string;
  /** `spec.bootstrapServers` as written. */
  bootstrap?: { value: string; range: Range };
  /** `spec.tls`, when written (its first key), and whether it names trusted certificates. */
  tls?: { range: Range; trustedCertificates: boolean };
  /** `spec.authentication.type` as written, and whether a `certificateAndKey` is given (type tls). */
  authentication?: { value: string; range: Range; certificateAndKey: boolean; sasl?: string };
  /** Connect's `spec.config` entries whose key starts with `ssl.`, by key. */
  sslConfig: Map<string, Entry>;
}

const CLIENT_KIND = /^(KafkaConnect|KafkaBridge)$/;

/** Whether a YAML document's entries are a Strimzi `KafkaConnect` or `KafkaBridge` resource. */
export function isStrimziClient(entries: readonly Entry[]): boolean {
  const api = entries.find((e) => e.key === 'apiVersion')?.value.trim() ?? '';
  const kind = entries.find((e) => e.key === 'kind')?.value.trim() ?? '';
  return api.startsWith('kafka.strimzi.io/') && CLIENT_KIND.test(kind);
}

/** The Strimzi client resource of a YAML document's entries (isStrimziClient checked by the caller). */
export function strimziClientOf(
  entries: readonly Entry[],
  mapKeys: readonly MappingKey[] = [],
): StrimziClient | undefined {
  const kind = entries.find((e) => e.key === 'kind')?.value.trim() ?? '';
  const named = entries.find((e) => e.key === 'metadata.name');
  if (!named) return undefined;
  const namespace = entries.find((e) => e.key === 'metadata.namespace')?.value.trim();
  const bootstrap = entries.find((e) => e.key === 'spec.bootstrapServers');
  const tlsEntries = entries.filter((e) => e.key.startsWith('spec.tls.') || e.key === 'spec.tls');
  const tlsAt = mapKeys.find((k) => k.path === 'spec.tls')?.range ?? tlsEntries[0]?.keyRange;
  const authentication = entries.find((e) => e.key === 'spec.authentication.type');
  const sasl = entries.find((e) => e.key === 'spec.authentication.sasl')?.value.trim();
  const sslConfig = new Map<string, Entry>();
  if (kind === 'KafkaConnect')
    for (const entry of entries) {
      const config = /^spec\.config\.(ssl\..+)$/.exec(entry.key)?.[1];
      if (config) sslConfig.set(config, entry);
    }
  return {
    kind: kind as StrimziClient['kind'],
    name: named.value.trim(),
    nameRange: named.valueRange,
    ...(namespace ? { namespace } : {}),
    ...(bootstrap ? { bootstrap: { value: bootstrap.value.trim(), range: bootstrap.valueRange } } : {}),
    ...(tlsAt
      ? {
          tls: {
            range: tlsAt,
            trustedCertificates: tlsEntries.some((e) => e.key.startsWith('spec.tls.trustedCertificates[')),
          },
        }
      : {}),
    ...(authentication
      ? {
          authentication: {
            value: authentication.value.trim(),
            range: authentication.valueRange,
            certificateAndKey: entries.some((e) => e.key.startsWith('spec.authentication.certificateAndKey.')),
            ...(sasl !== undefined ? { sasl } : {}),
          },
        }
      : {}),
    sslConfig,
  };
}
