/**
 * Kafka Connect workers and MirrorMaker 2, whose clients read settings prefixed for them. A Connect worker's own
 * connections (group membership, its config, offset and status topics) read the unprefixed settings; the producers of
 * its source tasks read only `producer.*` and the consumers of its sink tasks only `consumer.*` — neither inherits the
 * worker's security.protocol or stores —, and its connectors' admin clients read the unprefixed settings overridden by
 * `admin.*` (apache/kafka 3.8.0 connect/runtime Worker.baseProducerConfigs, baseConsumerConfigs, adminConfigs:
 * `originalsWithPrefix("producer.")`). MirrorMaker 2 (`connect-mirror-maker.properties`, `clusters = A, B`) gives
 * each cluster's clients its `A.*` settings over the top-level ones (MirrorMakerConfig.clusterProps). A worker run by
 * Confluent's image (`confluentinc/cp-kafka-connect`, `cp-server-connect`, their `-base`, or one a Dockerfile of the
 * tree builds from them) or Debezium's (`debezium/connect`, `quay.io/debezium/connect`) takes each `CONNECT_*` variable as a worker setting, the name lower
 * case with `_` as `.` (confluentinc/kafka-images@f8e3015 kafka-connect-base kafka-connect.properties.template
 * `envToProps "CONNECT_"`; debezium/container-images@11ff531 connect-base/3.8/docker-entrypoint.sh).
 */
import type { ComposeData, ComposeService } from '../parse/compose';
import { runtimeStage, type DockerfileData } from '../parse/dockerfile';
import type { Entry, ParsedDocument } from '../parse/types';
import type { ModelContributor } from './contributor';
import { builtDockerfile, deploymentMounts } from './compose-mounts';
import { kafkaViewEnds, type KafkaView, type SettingOf } from './kafka-clients';
import { KAFKA_TLS_PROTOCOLS, mountedTreeFile } from './kafka-protocols';
import { relativePosix } from './paths';
import { treeStoresOf } from './store-files';
import type { KafkaConnectGap } from './types';

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

/** The clients a Connect worker makes, each reading its settings as Worker does (see the header). */
export function connectWorkerViews(setting: SettingOf): KafkaView[] {
  return [
    { label: 'worker', setting },
    { label: 'producers', setting: (key) => setting(`producer.${key}`) },
    { label: 'consumers', setting: (key) => setting(`consumer.${key}`) },
    { label: 'admin', setting: (key) => setting(`admin.${key}`) ?? setting(key) },
  ];
}

/** The clients of each cluster MirrorMaker 2 connects to: `<cluster>.<setting>` before `<setting>`. */
export function mirrorMakerViews(clusters: string, setting: SettingOf): KafkaView[] {
  const aliases = [...new Set(clusters.split(',').map((alias) => alias.trim()))].filter((a) => a !== '');
  return aliases.map((alias) => ({
    label: `cluster ${alias}`,
    setting: (key) => setting(`${alias}.${key}`) ?? setting(key),
  }));
}

/**
 * Kafka Connect images that write each `CONNECT_*` variable into the worker's properties, from any registry
 * (confluentinc/cp-demo@10846ae builds `FROM $REPOSITORY/cp-server-connect:$CP_VERSION`).
 */
const CONNECT_IMAGE = /(^|\/)(cp-(server-connect|kafka-connect)(-base)?|debezium\/connect(-base)?)(:|@|$)/;

/** The image a service runs, and the one the Dockerfile it builds starts its runtime stage from (as written). */
function serviceImages(service: ComposeService, composeFile: string, documents: ReadonlyMap<string, ParsedDocument>) {
  const dockerfile = builtDockerfile(composeFile, service);
  const built = dockerfile === undefined ? undefined : documents.get(dockerfile);
  const stage = built?.kind === 'dockerfile' ? runtimeStage(built.data as DockerfileData) : undefined;
  return [service.image ?? '', stage?.written ?? ''];
}

/** The variable of these images that sets a worker setting (`producer.ssl.truststore.location`). */
const connectVariable = (key: string) => `CONNECT_${key.toUpperCase().replaceAll('.', '_')}`;

export const kafkaConnectComposeContributor: ModelContributor = {
  id: 'kafka-connect-compose',
  contribute(ctx) {
    const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
    if (composeFiles.length === 0) return;
    const stores = treeStoresOf(ctx);
    const mounts = deploymentMounts(ctx);
    const documents = new Map(ctx.deployment.documents.map((d) => [d.file.path, d]));
    for (const doc of composeFiles)
      for (const service of doc.data.services) {
        if (!serviceImages(service, doc.file.path, documents).some((image) => CONNECT_IMAGE.test(image))) continue;
        // Each CONNECT_<NAME> is the worker setting <name>; the entry keeps the variable's name, where it is written.
        const env = new Map<string, Entry>();
        for (const variable of service.environment)
          if (variable.value !== undefined && variable.name.startsWith('CONNECT_'))
            env.set(variable.name, {
              key: variable.name,
              value: variable.value,
              keyRange: variable.nameRange,
              valueRange: variable.valueRange,
              secret: variable.entry.secret,
            });
        const setting: SettingOf = (key) => env.get(connectVariable(key));
        const own = mounts.filter((m) => m.file === doc.file.path && m.mount.service === service.name);
        const name = `Kafka Connect worker (${relativePosix(ctx.deployment.root, doc.file.path)} service ${service.name})`;
        const gaps = connectGaps(name, doc.file.path, setting, connectVariable);
        if (gaps.length > 0) (ctx.deployment.kafkaConnectGaps ??= []).push(...gaps);
        const ends = kafkaViewEnds({
          name,
          nameOf: (labels) => `${name} [${labels.join(', ')}]`,
          file: doc.file.path,
          views: connectWorkerViews(setting),
          role: 'client',
          stores,
          // A container path that a bind mount of the service fills with a store of the tree; else unknown.
          storeFile: (written) => {
            const found = written.startsWith('/') ? mountedTreeFile(own, written) : undefined;
            return found && stores.typeOf(found.file) !== undefined ? { file: found.file } : undefined;
          },
        });
        if (ends.length > 0) (ctx.deployment.unlinkedEnds ??= []).push(...ends);
      }
  },
};

/**
 * Where a Connect worker's task clients miss the TLS settings the worker has (see the header): a worker speaking TLS
 * whose producers or consumers set no security.protocol of their own (nor bootstrap servers of their own, which may
 * reach another listener), or clients speaking TLS that name no trust (key) store where the worker names one. A client
 * with its own engine factory or PEM certificates is not judged.
 */
export function connectGaps(
  worker: string,
  file: string,
  setting: SettingOf,
  spell: (key: string) => string,
): KafkaConnectGap[] {
  const at = (entry: Entry) => ({ file, range: entry.keyRange });
  const speaksTls = (entry: Entry | undefined) =>
    entry !== undefined && KAFKA_TLS_PROTOCOLS.has(entry.value.trim().toUpperCase());
  const workerProtocol = setting('security.protocol');
  const gaps: KafkaConnectGap[] = [];
  for (const [client, clients] of [
    ['producer', "source tasks' producers"],
    ['consumer', "sink tasks' consumers"],
  ] as const) {
    const prefix = `${client}.`;
    const own = setting(`${prefix}security.protocol`);
    if (!own) {
      if (workerProtocol && speaksTls(workerProtocol) && !setting(`${prefix}bootstrap.servers`))
        gaps.push({
          worker,
          clients,
          prefix,
          missing: 'plaintext',
          setting: spell(`${prefix}security.protocol`),
          protocol: workerProtocol.value.trim().toUpperCase(),
          workerSetting: workerProtocol.key,
          workerAt: at(workerProtocol),
          at: at(workerProtocol),
        });
      continue;
    }
    if (!speaksTls(own) || setting(`${prefix}ssl.engine.factory.class`)) continue;
    for (const [kind, missing, pem] of [
      ['truststore', 'noTrustStore', 'ssl.truststore.certificates'],
      ['keystore', 'noKeyStore', 'ssl.keystore.certificate.chain'],
    ] as const) {
      const workers = setting(`ssl.${kind}.location`);
      if (!workers || workers.value.trim() === '') continue;
      if (setting(`${prefix}ssl.${kind}.location`) || setting(`${prefix}${pem}`)) continue;
      gaps.push({
        worker,
        clients,
        prefix,
        missing,
        setting: spell(`${prefix}ssl.${kind}.location`),
        workerSetting: workers.key,
        workerAt: at(workers),
        at: at(own),
      });
    }
  }
  return gaps;
}
