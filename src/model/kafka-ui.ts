/**
 * kafka-ui (provectus's `provectuslabs/kafka-ui`, its fork `ghcr.io/kafbat/kafka-ui`), a Spring Boot app configured by
 * the environment of its Compose service: `KAFKA_CLUSTERS_<n>_*` binds `kafka.clusters[<n>].*` by Spring's relaxed
 * binding (./spring-settings.ts). Each cluster is a Kafka client of its own: its admin client (and its consumers,
 * producers) read the cluster's `ssl.truststoreLocation`, `ssl.truststorePassword` first, then every
 * `properties.<kafka key>` over them, then `consumerProperties.*` / `producerProperties.*` for consumers and producers,
 * and `bootstrapServers` last (kafbat/kafka-ui@afc9c918, v1.5.0: api/src/main/java/io/kafbat/ui/config/
 * ClustersProperties.java Cluster, util/KafkaClientSslPropertiesUtil.java, service/AdminClientServiceImpl.java
 * createAdminClient, ConsumerGroupService.java createConsumer, MessagesService.java; documentation/compose/kafka-ssl.yml
 * writes `KAFKA_CLUSTERS_0_PROPERTIES_SSL_KEYSTORE_LOCATION` and `KAFKA_CLUSTERS_0_SSL_TRUSTSTORELOCATION`,
 * ui-jmx-secured.yml the legacy `KAFKA_CLUSTERS_0_SSL_TRUSTSTORE_LOCATION`). A map's key is the variable's rest with
 * `_` as `.` (`..._PROPERTIES_SSL_TRUSTSTORE_LOCATION` → `ssl.truststore.location`). The ends are read as Kafka Connect's
 * and Schema Registry's are (./kafka-platform-services.ts): stores through the service's bind mounts, the brokers its
 * bootstrap servers name. A dynamic configuration file the service mounts lists the clusters in their place
 * (./kafka-ui-dynamic-config.ts).
 */
import type { ModelContributor } from './contributor';
import type { KafkaView, SettingOf } from './kafka-clients';
import { addPlatformServiceEnds, type PlatformImage } from './kafka-platform-services';
import { dynamicConfigClusters } from './kafka-ui-dynamic-config';

/** The cluster's own settings that Kafka's keys are read from before `properties.*` (TruststoreConfig). */
const OWN_SSL: Record<string, string[]> = {
  'ssl.truststore.location': ['ssl.truststorelocation', 'ssl.truststore_location'],
  'ssl.truststore.password': ['ssl.truststorepassword', 'ssl.truststore_password'],
};

/** A cluster's bootstrapServers, in both forms Spring binds (`BOOTSTRAPSERVERS`, legacy `BOOTSTRAP_SERVERS`). */
const BOOTSTRAP = ['bootstrapservers', 'bootstrap_servers'];

/** The clients of cluster `n`: every client, and its consumers or producers where their own properties are set. */
function clusterViews(n: string, setting: SettingOf, env: ReadonlyMap<string, unknown>): KafkaView[] {
  const first = (keys: readonly string[]) =>
    keys.reduce<ReturnType<SettingOf>>((f, k) => f ?? setting(`${n}.${k}`), undefined);
  const cluster: SettingOf = (key) =>
    key === 'bootstrap.servers' ? first(BOOTSTRAP) : (setting(`${n}.properties.${key}`) ?? first(OWN_SSL[key] ?? []));
  const name = setting(`${n}.name`)?.value.trim();
  const label = `cluster ${n}${name ? ` (${name})` : ''}`;
  const own = (map: string, clients: string): KafkaView[] =>
    [...env.keys()].some((v) => v.startsWith(`KAFKA_CLUSTERS_${n}_${map.toUpperCase()}_`))
      ? [
          {
            label: `${label} ${clients}`,
            setting: (key) => (key === 'bootstrap.servers' ? undefined : setting(`${n}.${map}.${key}`)) ?? cluster(key),
          },
        ]
      : [];
  return [
    { label, setting: cluster },
    ...own('consumerProperties', 'consumers'),
    ...own('producerProperties', 'producers'),
  ];
}

const KAFKA_UI: PlatformImage = {
  image: /(^|\/)(provectuslabs|kafbat)\/kafka-ui(:|@|$)/,
  what: 'kafka-ui',
  prefix: 'KAFKA_CLUSTERS_',
  variable: (key) => `KAFKA_CLUSTERS_${key.toUpperCase().replaceAll('.', '_')}`,
  mountedSettings: dynamicConfigClusters,
  views({ name, setting, env }) {
    const indexes = [...new Set([...env.keys()].map((v) => /^KAFKA_CLUSTERS_(\d+)_/.exec(v)?.[1]))]
      .filter((n): n is string => n !== undefined)
      .sort((a, b) => Number(a) - Number(b));
    return [
      {
        name,
        nameOf: (labels) => `${name} ${labels.join(', ')}`,
        views: indexes.flatMap((n) => clusterViews(n, setting, env)),
        role: 'client',
      },
    ];
  },
};

export const kafkaUiContributor: ModelContributor = {
  id: 'kafka-ui',
  reads: ['compose'],
  contribute: (ctx) => addPlatformServiceEnds(ctx, KAFKA_UI),
};
