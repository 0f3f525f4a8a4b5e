/**
 * Apache Kafka's Java client (data/kafka.json): the ssl.* settings it reads, the defaults the handshake depends on by
 * kafka-clients release, and Kafka Connect's default bootstrap servers.
 */
import data from './data/kafka.json';
import { compareReleaseParts } from './release-parts';

/** Kafka's client ssl.* setting names (SslConfigs). */
export const KAFKA_CLIENT_SSL_SETTINGS: readonly string[] = data.clientSslSettings.names;

/** The settings Kafka leaves unset by default: the JDK's cipher suites, no key or trust material of the client's own. */
export const KAFKA_UNSET_BY_DEFAULT: ReadonlySet<string> = new Set(data.unsetByDefault.names);

/** Kafka Connect's bootstrap.servers when a worker sets none (WorkerConfig), with its source. */
export const KAFKA_CONNECT_BOOTSTRAP_DEFAULT: { value: string; source: string } = data.connectBootstrapServers;

const numbers = (version: string) => {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version.trim());
  return m ? ([Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] as [number, number, number]) : undefined;
};

/**
 * The defaults a Kafka client may run with for `setting`, each a list of its items: those of the `kafka` release (every
 * release described when unknown), on Java 11 and later only when `java11` is true, on older Java only when false.
 * Undefined when the knowledge base holds no default for the setting.
 */
export function kafkaClientDefaults(setting: string, kafka?: string, java11?: boolean): string[][] | undefined {
  const fact = data.clientDefaults.find((d) => d.setting === setting);
  if (!fact) return undefined;
  const release = kafka === undefined ? undefined : numbers(kafka);
  const rows: { since: string; value: string[]; java11?: string[] }[] = fact.rows;
  const applying = release
    ? rows.filter((r, i) => {
        const next = rows[i + 1];
        return (
          compareReleaseParts(release, numbers(r.since)!) >= 0 &&
          (!next || compareReleaseParts(release, numbers(next.since)!) < 0)
        );
      })
    : rows;
  const values = applying.flatMap((r) =>
    r.java11 === undefined
      ? [r.value]
      : java11 === undefined
        ? [r.value, r.java11]
        : [java11 ? r.java11 : r.value],
  );
  return values.length > 0 ? values : undefined;
}
