/**
 * What ties a Kafka client's own key store to the brokers it reaches (cert/expired): the hosts a client's
 * bootstrap.servers and a broker's listeners name, and whether a broker asks its clients for a certificate. A broker
 * sends a CertificateRequest only when ssl.client.auth is `requested` or `required`; unset, it is `none` and no client
 * certificate is ever sent (https://docs.cloudera.com/HDPDocuments/HDP3/latest/configuring-wire-encryption/content/configuring_the_kafka_broker.html:
 * "none: no client authentication", the default;
 * https://docs.cloudera.com/cdp-private-cloud-base/latest/security-encrypting-data-in-transit/topics/kafka-secure-auth-tls-broker.html).
 */
import type { Location } from '../core/types';
import type { KafkaBrokerRecord, UnlinkedEnd } from './deployment-records';

/** Hosts no client connects to by name: a listener bound to every interface, or to the default one (`SSL://:9093`). */
const NOT_A_HOST = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * The hosts of a Kafka host list (`bootstrap.servers`, `listeners`, `advertised.listeners`), lower case:
 * `SSL://kafka1:9093,kafka2:9093` → kafka1, kafka2. Undefined when one is written with a placeholder (the run decides).
 */
export function kafkaHosts(list: string): string[] | undefined {
  if (/\$\{|\{\{|\$[A-Za-z_]/.test(list)) return undefined;
  const hosts = new Set<string>();
  for (const written of list.split(/[,\s]+/)) {
    const address = written.trim().replace(/^[A-Za-z0-9_-]+:\/\//, '');
    const host = (address.startsWith('[') ? address.slice(0, address.indexOf(']') + 1) : address.split(':')[0]) ?? '';
    if (!NOT_A_HOST.has(host)) hosts.add(host.toLowerCase());
  }
  return [...hosts];
}

/**
 * The brokers an end reaches when several clients are told as one (Spring's producer and consumer, a file's views):
 * the hosts of each client's bootstrap servers together; unknown (`{}`) when any client's are.
 */
export function reachingAll(reach: readonly (string[] | undefined)[]): NonNullable<UnlinkedEnd['kafkaClient']> {
  return reach.every((hosts) => hosts !== undefined)
    ? { bootstrapHosts: [...new Set(reach.flatMap((hosts) => hosts ?? []))] }
    : {};
}

/** A broker's ssl.client.auth as written (`at`: where), or Kafka's default `none` when it is not set. */
export function brokerClientAuth(
  written: string | undefined,
  at: Location | undefined,
): KafkaBrokerRecord['clientAuth'] {
  if (written === undefined) return { mode: 'none' };
  const value = written.trim().toLowerCase();
  const mode = value === 'none' || value === 'requested' || value === 'required' ? value : 'unknown';
  return { mode, ...(at ? { at } : {}) };
}
