/**
 * Apache Kafka's Java client (data/kafka.json): the ssl.* settings it reads, the defaults the handshake depends on by
 * kafka-clients release, and Kafka Connect's default bootstrap servers.
 */
import data from './data/kafka.json';
import { compareReleaseParts } from './release-parts';

/**
 * The bootstrap servers a Kafka Connect worker uses when its properties set none (WorkerConfig's
 * BOOTSTRAP_SERVERS_DEFAULT).
 */
export const CONNECT_BOOTSTRAP_SERVERS: string = data.connectBootstrapServers.value;

/** Kafka's client ssl.* setting names (SslConfigs). */
export const KAFKA_CLIENT_SSL_SETTINGS: readonly string[] = data.clientSslSettings.names;

/** The settings Kafka leaves unset by default: the JDK's cipher suites, no key or trust material of the client's own. */
export const KAFKA_UNSET_BY_DEFAULT: ReadonlySet<string> = new Set(data.unsetByDefault.names);

const numbers = (version: string) => {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version.trim());
  return m ? ([Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] as [number, number, number]) : undefined;
};

/**
 * The defaults a Kafka client may run with for `setting`, each a list of its items: those of the `kafka` release (every
 * release described when unknown) on the Java feature release `java` (either Java's where a row tells them apart and
 * `java` is unknown).
 * Undefined when the knowledge base holds no default for the setting.
 */
export function kafkaClientDefaults(setting: string, kafka?: string, java?: number): string[][] | undefined {
  const fact = data.clientDefaults.find((d) => d.setting === setting);
  if (!fact) return undefined;
  const release = kafka === undefined ? undefined : numbers(kafka);
  const rows: { since: string; value: string[]; newerJava?: { from: number; value: string[] } }[] = fact.rows;
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
    r.newerJava === undefined
      ? [r.value]
      : java === undefined
        ? [r.value, r.newerJava.value]
        : [java >= r.newerJava.from ? r.newerJava.value : r.value],
  );
  return values.length > 0 ? values : undefined;
}

/**
 * The connector.client.config.override.policy a Connect worker of this Kafka release applies when it sets none (`None`,
 * `All`); undefined before the setting exists (2.3.0) or when the release is not a plain `x.y.z`.
 */
export function connectOverridePolicyDefault(kafka: string): string | undefined {
  const release = numbers(kafka);
  if (!release) return undefined;
  return data.connectorClientConfigOverridePolicy.rows
    .filter((r) => compareReleaseParts(release, numbers(r.since)!) >= 0)
    .at(-1)?.value;
}

/** The Apache Kafka release a Confluent Platform release (`7.6.1`, the tag of its images) ships; undefined when unlisted. */
export function confluentPlatformKafka(platform: string): string | undefined {
  const m = /^(\d+\.\d+)(?:\.\d+)?(?:-\d+)?(?:-ubi\d+)?$/.exec(platform.trim());
  return m ? data.confluentPlatformKafka.rows.find((r) => r.platform === m[1])?.kafka : undefined;
}

/**
 * The settings Debezium's Connect image always writes from a variable of its own (`bootstrap.servers` from
 * BOOTSTRAP_SERVERS), by setting: its `CONNECT_*` variable is replaced.
 */
export const DEBEZIUM_CONNECT_VARIABLES: ReadonlyMap<string, string> = new Map(
  data.debeziumConnectVariables.rows.map((r) => [r.setting, r.variable]),
);

/**
 * Whether a connector.class names a source or a sink connector (data/kafka.json connectorKinds), written as the class
 * or as one of the aliases Connect accepts for it: its simple name, or that name without `Connector`
 * (apache/kafka 3.8.0 PluginUtils.simpleName, prunedName). Undefined for any other class.
 */
export function connectorKind(written: string): 'source' | 'sink' | undefined {
  const name = written.trim();
  const row = data.connectorKinds.rows.find((r) => {
    const simple = r.class.split('.').at(-1)!;
    return name === r.class || name === simple || name === simple.replace(/Connector$/, '');
  });
  return row?.kind === 'source' || row?.kind === 'sink' ? row.kind : undefined;
}
