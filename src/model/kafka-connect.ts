/**
 * Kafka Connect workers and MirrorMaker 2, whose clients read settings prefixed for them. A Connect worker's own
 * connections (group membership, its config, offset and status topics) read the unprefixed settings; the producers of
 * its source tasks read only `producer.*` and the consumers of its sink tasks only `consumer.*` — neither inherits the
 * worker's security.protocol or stores —, except that both start from the worker's own bootstrap.servers, which
 * `producer.bootstrap.servers` (`consumer.…`) replaces; its connectors' admin clients read the unprefixed settings
 * overridden by `admin.*` (apache/kafka@3.8.0 (771b957)
 * connect/runtime/src/main/java/org/apache/kafka/connect/runtime/Worker.java baseProducerConfigs, baseConsumerConfigs:
 * `put(BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers())`, then `putAll(config.originalsWithPrefix("producer."))`;
 * adminConfigs; the same at 0.10.0.0, 2.0.0 and 3.0.0). MirrorMaker 2 (`connect-mirror-maker.properties`,
 * `clusters = A, B`) gives each cluster's clients its `A.*` settings over the top-level ones
 * (MirrorMakerConfig.clusterProps). A worker run by
 * Confluent's image (`confluentinc/cp-kafka-connect`, `cp-server-connect`, their `-base`, or one a Dockerfile of the
 * tree builds from them) or Debezium's (`debezium/connect`, `quay.io/debezium/connect`) takes each `CONNECT_*` variable as a worker setting, the name lower
 * case with `_` as `.` (confluentinc/kafka-images@f8e3015 kafka-connect-base kafka-connect.properties.template
 * `envToProps "CONNECT_"`; debezium/container-images@11ff531 connect-base/3.8/docker-entrypoint.sh).
 */
import { entryIn, type Entry } from '../parse/types';
import type { ModelContributor } from './contributor';
import type { KafkaView, SettingOf } from './kafka-clients';
import {
  addPlatformServiceEnds,
  listensOverHttps,
  type PlatformImage,
  type PlatformService,
} from './kafka-platform-services';
import { KAFKA_TLS_PROTOCOLS } from './kafka-protocols';
import type { ConnectWorkerClients, KafkaConnectGap, KafkaConnectWorkerRecord } from './types';
import type { Location } from '../core/types';
import { confluentPlatformKafka, DEBEZIUM_CONNECT_VARIABLES } from '../knowledge/kafka';
import { variableEntries } from '../parse/compose-service-variables';

/** Settings only a Connect worker has (DistributedConfig, StandaloneConfig, WorkerConfig). */
export const CONNECT_WORKER_SETTINGS = [
  'config.storage.topic',
  'offset.storage.topic',
  'status.storage.topic',
  'offset.storage.file.filename',
  'key.converter',
  'value.converter',
  'plugin.path',
];

/**
 * A worker as its connectors' overrides see it: its connector.client.config.override.policy, and the Kafka release of
 * a Confluent image's tag (`cp-kafka-connect:7.6.0` ships Kafka 3.6: data/kafka.json confluentPlatformKafka).
 */
export function connectWorkerRecord(
  name: string,
  file: string,
  setting: SettingOf,
  where: Omit<ConnectWorkerClients, 'producers' | 'consumers' | 'admin'>,
  image?: { value: string; at: Location },
): KafkaConnectWorkerRecord {
  const policy = setting('connector.client.config.override.policy');
  const tag = image && CONFLUENT_CONNECT_TAG.exec(image.value.trim())?.[1];
  const kafka = tag === undefined ? undefined : confluentPlatformKafka(tag);
  // Each entry placed in its file: a connector's clients read them beside the connector's own entries.
  const placed: SettingOf = (key) => {
    const entry = setting(key);
    return entry && entry.file === undefined ? { ...entry, file } : entry;
  };
  const views = connectWorkerViews(placed);
  const viewOf = (label: string): SettingOf => views.find((v) => v.label === label)?.setting ?? (() => undefined);
  return {
    name,
    location: { file },
    ...(policy ? { policy: { value: policy.value.trim(), at: entryIn(file, policy, 'value') } } : {}),
    ...(kafka && image ? { release: { kafka, at: image.at, by: `image ${image.value.trim()}` } } : {}),
    clients: { producers: viewOf('producers'), consumers: viewOf('consumers'), admin: viewOf('admin'), ...where },
  };
}

/** Confluent's Connect images and their tag (the Confluent Platform release). */
const CONFLUENT_CONNECT_TAG = /(?:^|\/)cp-(?:server-connect|kafka-connect)(?:-base)?:([\w.-]+)$/;

/**
 * The clients a Connect worker makes, each reading its settings as Worker does (see the header). `bootstrapDefault`: the
 * bootstrap servers they use when none is set — WorkerConfig's own default for a worker started from its properties
 * file; none for a Compose service of Confluent's images, whose configure script refuses to start without
 * CONNECT_BOOTSTRAP_SERVERS (confluentinc/kafka-images@6c5b4fd kafka-connect-base/include/etc/confluent/docker/configure
 * `dub ensure CONNECT_BOOTSTRAP_SERVERS`), nor of Debezium's, whose entrypoint writes its own from BOOTSTRAP_SERVERS.
 */
export function connectWorkerViews(setting: SettingOf, bootstrapDefault?: string): KafkaView[] {
  // A task client's own setting, else (bootstrap.servers alone) the worker's.
  const taskClient =
    (prefix: string): SettingOf =>
    (key) =>
      setting(`${prefix}${key}`) ?? (key === 'bootstrap.servers' ? setting(key) : undefined);
  const unset = bootstrapDefault === undefined ? {} : { bootstrapDefault };
  return [
    { label: 'worker', setting, ...unset },
    { label: 'producers', setting: taskClient('producer.'), ...unset },
    { label: 'consumers', setting: taskClient('consumer.'), ...unset },
    { label: 'admin', setting: (key) => setting(`admin.${key}`) ?? setting(key), ...unset },
  ];
}

/**
 * The REST server of a Connect worker with an HTTPS listener (`listeners=https://…`): it reads `listeners.https.<setting>`
 * when any setting has that prefix (`prefixed`), else the worker's own `ssl.*` (https://kafka.apache.org/documentation/
 * #connect_rest: "When using the prefix, only the prefixed options will be used and the ssl.* options without the prefix
 * will be ignored"). Undefined when no listener is HTTPS. Dabz/kafka-security-playbook@24ee035 kafka-connect-mtls
 * serves its REST API from server.keystore by `CONNECT_LISTENERS_HTTPS_SSL_KEYSTORE_LOCATION`.
 */
export function connectRestView(setting: SettingOf, prefixed: boolean): KafkaView | undefined {
  const listeners = setting('listeners');
  if (!listensOverHttps(listeners)) return undefined;
  return {
    label: 'REST listener',
    setting: prefixed ? (key) => setting(`listeners.https.${key}`) : setting,
  };
}

/**
 * The clients of each cluster MirrorMaker 2 connects to: `<cluster>.<setting>` before `<setting>`; and where the file
 * sets a client's own (`A.producer.ssl.truststore.location`, or `producer.…` for every cluster), that cluster's
 * producers, consumers or admin clients read `A.producer.<setting>`, `producer.<setting>`, `A.<setting>`, `<setting>` in
 * that order (MirrorMakerConfig.clusterProps, then MirrorClientConfig.clientConfig's valuesWithPrefixOverride of
 * `producer.`, `consumer.`, `admin.`: apache/kafka 3.8.0 connect/mirror-client MirrorClientConfig.java).
 */
export function mirrorMakerViews(clusters: string, setting: SettingOf, keys: readonly string[] = []): KafkaView[] {
  const aliases = [...new Set(clusters.split(',').map((alias) => alias.trim()))].filter((a) => a !== '');
  return aliases.flatMap((alias) => {
    const cluster = (key: string) => setting(`${alias}.${key}`) ?? setting(key);
    const own = MIRROR_CLIENTS.filter(([prefix]) =>
      keys.some((key) => key.startsWith(`${alias}.${prefix}ssl.`) || key.startsWith(`${prefix}ssl.`)),
    );
    return [
      { label: `cluster ${alias}`, setting: cluster },
      ...own.map(([prefix, clients]) => ({
        label: `cluster ${alias} ${clients}`,
        setting: (key: string) => cluster(`${prefix}${key}`) ?? cluster(key),
      })),
    ];
  });
}

/** The clients MirrorMaker 2 makes for a cluster, by the prefix of their own settings. */
const MIRROR_CLIENTS = [
  ['producer.', 'producers'],
  ['consumer.', 'consumers'],
  ['admin.', 'admin clients'],
] as const;

/**
 * Kafka Connect images that write each `CONNECT_*` variable into the worker's properties, from any registry
 * (confluentinc/cp-demo@10846ae builds `FROM $REPOSITORY/cp-server-connect:$CP_VERSION`).
 */
const CONNECT_IMAGE = /(^|\/)(cp-(server-connect|kafka-connect)(-base)?|debezium\/connect(-base)?)(:|@|$)/;

/** The variable of these images that sets a worker setting (`producer.ssl.truststore.location`). */
const connectVariable = (key: string) => `CONNECT_${key.toUpperCase().replaceAll('.', '_')}`;

const CONNECT_PLATFORM: PlatformImage = {
  image: CONNECT_IMAGE,
  what: 'Kafka Connect worker',
  prefix: 'CONNECT_',
  variable: connectVariable,
  views(service, ctx) {
    const { name, file, env, image, storeFile, runtime } = service;
    const setting = debeziumSetting(service);
    const gaps = connectGaps(name, file, setting, connectVariable);
    if (gaps.length > 0) (ctx.deployment.kafkaConnectGaps ??= []).push(...gaps);
    const where = { storeFile, ...(runtime ? { runtime } : {}), runsAs: { file, service: service.service } };
    (ctx.deployment.kafkaConnectWorkers ??= []).push(connectWorkerRecord(name, file, setting, where, image));
    const rest = connectRestView(
      setting,
      [...env.keys()].some((variable) => variable.startsWith(connectVariable('listeners.https.'))),
    );
    return [
      {
        name,
        nameOf: (labels) => `${name} [${labels.join(', ')}]`,
        views: connectWorkerViews(setting),
        role: 'client',
      },
      ...(rest
        ? [
            {
              name: `${name} REST listener`,
              nameOf: () => `${name} REST listener`,
              views: [rest],
              role: 'listener' as const,
            },
          ]
        : []),
    ];
  },
};

/** Debezium's Connect image, from any registry (`quay.io/debezium/connect:3.0`), or one built from it. */
const DEBEZIUM_CONNECT = /(^|\/)debezium\/connect(-base)?(:|@|$)/;

/**
 * A service's worker settings: for Debezium's image, the settings its entrypoint writes from variables of its own
 * (`bootstrap.servers` from BOOTSTRAP_SERVERS, data/kafka.json debeziumConnectVariables) whatever the `CONNECT_*`
 * variable says — unknown when that variable is unset (links, a default or a refusal to start decide); else the
 * `CONNECT_*` variables.
 */
function debeziumSetting({ setting, images, variables }: PlatformService): SettingOf {
  if (!images.some((image) => DEBEZIUM_CONNECT.test(image.trim()))) return setting;
  const own = variableEntries(variables, '');
  return (key) => {
    const variable = DEBEZIUM_CONNECT_VARIABLES.get(key);
    return variable === undefined ? setting(key) : own.get(variable);
  };
}

export const kafkaConnectComposeContributor: ModelContributor = {
  id: 'kafka-connect-compose',
  // Without a Compose file it adds nothing; the Dockerfile of a built service is read only through one.
  reads: ['compose'],
  contribute: (ctx) => addPlatformServiceEnds(ctx, CONNECT_PLATFORM),
};

/** The task clients a worker makes, by the prefix of their settings. */
const TASK_CLIENTS = [
  ['producer', "source tasks' producers"],
  ['consumer', "sink tasks' consumers"],
] as const;

/**
 * Where a Connect worker's task clients miss the TLS settings the worker has (see the header): a worker speaking TLS
 * whose producers and consumers both set no security.protocol (nor bootstrap servers) of their own — a worker that sets
 * one of them apart knows the prefixes, and the other is taken as unused (a sink-only worker sets only `consumer.*`, as
 * sink connectors' guides show) —, or task clients speaking TLS that name no trust (key) store where the worker names
 * one. A client with its own engine factory or PEM certificates is not judged.
 */
export function connectGaps(
  worker: string,
  file: string,
  setting: SettingOf,
  spell: (key: string) => string,
): KafkaConnectGap[] {
  const at = (entry: Entry) => entryIn(file, entry, 'key');
  const speaksTls = (entry: Entry | undefined) =>
    entry !== undefined && KAFKA_TLS_PROTOCOLS.has(entry.value.trim().toUpperCase());
  const workerProtocol = setting('security.protocol');
  const gaps: KafkaConnectGap[] = [];
  const exactlyOnce = setting('exactly.once.source.support')?.value.trim().toLowerCase() === 'enabled';
  const apart = TASK_CLIENTS.some(
    ([client]) => setting(`${client}.security.protocol`) ?? setting(`${client}.bootstrap.servers`),
  );
  if (workerProtocol && speaksTls(workerProtocol) && !apart) {
    const protocol = workerProtocol.value.trim().toUpperCase();
    gaps.push({
      worker,
      clients: TASK_CLIENTS.map(([, clients]) => clients).join(' and '),
      prefix: TASK_CLIENTS.map(([client]) => `${client}.*`).join(' and '),
      missing: 'plaintext',
      setting: TASK_CLIENTS.map(([client]) => `${spell(`${client}.security.protocol`)}=${protocol}`).join(' and '),
      protocol,
      workerSetting: workerProtocol.key,
      workerAt: at(workerProtocol),
      at: at(workerProtocol),
      taskClients: TASK_CLIENTS.map(([client]) => client),
      coveringKeys: ['security.protocol'],
      ...(exactlyOnce ? { exactlyOnce } : {}),
    });
  }
  for (const [client, clients] of TASK_CLIENTS) {
    const own = setting(`${client}.security.protocol`);
    if (!own || !speaksTls(own) || setting(`${client}.ssl.engine.factory.class`)) continue;
    for (const [kind, missing, pem] of [
      ['truststore', 'noTrustStore', 'ssl.truststore.certificates'],
      ['keystore', 'noKeyStore', 'ssl.keystore.certificate.chain'],
    ] as const) {
      const workers = setting(`ssl.${kind}.location`);
      if (!workers || workers.value.trim() === '') continue;
      if (setting(`${client}.ssl.${kind}.location`) || setting(`${client}.${pem}`)) continue;
      gaps.push({
        worker,
        clients,
        prefix: `${client}.*`,
        missing,
        setting: spell(`${client}.ssl.${kind}.location`),
        workerSetting: workers.key,
        workerAt: at(workers),
        at: at(own),
        taskClients: [client],
        coveringKeys: [`ssl.${kind}.location`, pem],
        ...(exactlyOnce ? { exactlyOnce } : {}),
      });
    }
  }
  return gaps;
}
