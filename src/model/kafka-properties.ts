/**
 * The Kafka ends that Kafka's own properties files configure (parse/kafka-properties.ts): a broker's
 * `server.properties` and a client's `client-ssl.properties`, with the key and trust stores they name
 * (Deployment.unlinkedEnds). A file is a broker's when it sets its listeners or identity (`listeners`,
 * `advertised.listeners`, `process.roles`, `broker.id`, `node.id`, `zookeeper.connect`); a MirrorMaker 2's when it
 * names its `clusters`; a Connect worker's by its worker settings (./kafka-connect.ts: its `listeners` are its REST
 * server's, an HTTPS one a TLS end of its own); else a client's (a tool's
 * `--command-config`, a producer's or consumer's config). A broker speaks TLS when a listener's security protocol is SSL
 * or SASL_SSL, a client when its security.protocol is (default PLAINTEXT:
 * https://kafka.apache.org/documentation/#producerconfigs_security.protocol); otherwise its ssl.* settings are not read.
 *
 * Where a store is: Kafka opens `ssl.keystore.location` as a file path (DefaultSslEngineFactory FileBasedStore), so a
 * relative path resolves against the working directory the process starts in, which the file does not say. It is taken
 * as the file's own directory (the tools run from there in the trees seen: gregclinker/kafka-mtls-example run-example.sh
 * passes `--command-config ssl.properties` from the directory holding `secrets/`) only when the tree holds a store at
 * that path; else it is unknown. An absolute path is the container's or the host's: it names a tree file only through a
 * Compose bind mount of the service that mounts the properties file, or a Dockerfile COPY of both, or a bind mount of
 * the Compose services that build the image the file is copied into (Dabz/kafka-security-playbook@24ee035
 * tls-with-ocrl: kafka/Dockerfile COPYs server.properties, the service building it mounts ./certs/ at /var/lib/secret)
 * — never by its name.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { KAFKA_PROPERTIES_KIND } from '../parse/kafka-properties';
import type { Entry, ParsedDocument } from '../parse/types';
import type { ComposeData } from '../parse/compose';
import type { ModelContext, ModelContributor } from './contributor';
import { deploymentMounts, treeFileInContainer } from './compose-mounts';
import { kafkaViewEnds, type SettingOf } from './kafka-clients';
import {
  CONNECT_WORKER_SETTINGS,
  connectGaps,
  connectRestView,
  connectWorkerRecord,
  connectWorkerViews,
  mirrorMakerViews,
} from './kafka-connect';
import { serviceImageRuntime } from './kafka-brokers';
import { mountedTreeFile, tlsListenerNames } from './kafka-protocols';
import { containerRunners, type ServiceOf } from './loopback';
import { treeStoresOf, type TreeStores } from './store-files';
import type {
  JavaRuntime,
  KafkaBrokerRecord,
  KafkaClientReach,
  KafkaConnectGap,
  KafkaConnectWorkerRecord,
  TreeMount,
  UnlinkedEnd,
} from './types';
import { kafkaClientReach } from './kafka-spring-reach';
import { brokerClientAuth, kafkaHosts } from './kafka-client-auth';
import { relativePosix } from '../core/posix-path';
import { CONNECT_BOOTSTRAP_SERVERS } from '../knowledge/kafka';

/** Settings only a broker (or KRaft controller) has. */
const BROKER_SETTINGS = [
  'listeners',
  'advertised.listeners',
  'process.roles',
  'broker.id',
  'node.id',
  'zookeeper.connect',
];

export const kafkaPropertiesContributor: ModelContributor = {
  id: 'kafka-properties',
  reads: [KAFKA_PROPERTIES_KIND],
  contribute(ctx) {
    const files = ctx.documentsOf(KAFKA_PROPERTIES_KIND);
    if (files.length === 0) return;
    const stores = treeStoresOf(ctx);
    const mounts = deploymentMounts(ctx);
    const runners = containerRunners(ctx);
    for (const doc of files) {
      const gaps: KafkaConnectGap[] = [];
      const runtime = propertiesRuntime(ctx, doc.file.path, mounts);
      // Copied into an image: the Compose services whose build context holds it run that image (./loopback.ts).
      const copied = (stores.images?.holding(doc.file.path) ?? []).length > 0;
      const building = copied ? runners(doc.file.path).filter((s) => !s.pod) : [];
      const where = { stores, mounts, building, ...(runtime ? { runtime } : {}) };
      const brokers: KafkaBrokerRecord[] = [];
      const reaches: KafkaClientReach[] = [];
      const workers: KafkaConnectWorkerRecord[] = [];
      const ends = kafkaEnds(doc, relativePosix(ctx.deployment.root, doc.file.path), where, {
        gaps,
        brokers,
        reaches,
        workers,
      });
      if (workers.length > 0) (ctx.deployment.kafkaConnectWorkers ??= []).push(...workers);
      if (reaches.length > 0) (ctx.deployment.kafkaClientReaches ??= []).push(...reaches);
      if (ends.length > 0) (ctx.deployment.unlinkedEnds ??= []).push(...ends);
      if (brokers.length > 0) (ctx.deployment.kafkaBrokers ??= []).push(...brokers);
      if (gaps.length > 0) (ctx.deployment.kafkaConnectGaps ??= []).push(...gaps);
    }
  },
};

/**
 * The ends a Kafka properties file configures that speak TLS and name a store or turn host name checks off: a broker's
 * TLS listeners, each reading `listener.name.<listener>.<setting>` (its name in lower case) before `<setting>`, key by
 * key (KafkaConfig's valuesWithPrefixOverride(ListenerName.configPrefix()) in ChannelBuilders.channelBuilderConfigs,
 * apache/kafka 3.8.0; https://kafka.apache.org/documentation/#brokerconfigs_listener.security.protocol.map); the
 * clusters of a MirrorMaker 2 file (`clusters=`) and the clients of a Connect worker (./kafka-connect.ts); else the one
 * client the file configures.
 */
function kafkaEnds(
  doc: ParsedDocument,
  name: string,
  {
    stores,
    mounts,
    building,
    runtime,
  }: { stores: TreeStores; mounts: TreeMount[]; building: readonly ServiceOf[]; runtime?: JavaRuntime },
  {
    gaps,
    brokers,
    reaches,
    workers,
  }: {
    gaps: KafkaConnectGap[];
    brokers: KafkaBrokerRecord[];
    reaches: KafkaClientReach[];
    workers: KafkaConnectWorkerRecord[];
  },
): UnlinkedEnd[] {
  // java.util.Properties keeps the last value of a key.
  const settings = new Map<string, Entry>();
  for (const entry of doc.entries) settings.set(entry.key, entry);
  const setting: SettingOf = (key) => settings.get(key);
  const value = (key: string) => settings.get(key)?.value.trim();
  const file = doc.file.path;
  const common = {
    file,
    stores,
    storeFile: (written: string) => treeFileOf(file, written, stores, mounts, building),
    ...(runtime ? { runtime } : {}),
  };
  // A Connect worker sets `listeners` too (its REST server's): its worker settings say which it is.
  const connectWorker = CONNECT_WORKER_SETTINGS.some((key) => settings.has(key));
  if (!connectWorker && BROKER_SETTINGS.some((key) => settings.has(key))) {
    const listeners = tlsListenerNames(
      [value('listeners') ?? '', value('advertised.listeners') ?? ''].join(','),
      value('listener.security.protocol.map'),
    );
    const broker = `Kafka broker (${name})`;
    if (listeners.length > 0) brokers.push(propertiesBroker(broker, file, settings));
    const connectsOver = clientListeners(settings, file);
    return kafkaViewEnds({
      ...common,
      name: broker,
      nameOf: (labels) => `${broker} ${labels.length > 1 ? 'listeners' : 'listener'} ${labels.join(', ')}`,
      role: 'listener',
      views: listeners.map((listener) => {
        const over = connectsOver.get(listener);
        return {
          label: listener,
          setting: (key) => setting(`listener.name.${listener.toLowerCase()}.${key}`) ?? setting(key),
          ...(over ? { connectsOver: over } : {}),
        };
      }),
    });
  }
  const clusters = value('clusters');
  if (clusters !== undefined) {
    const mirrorMaker = `Kafka MirrorMaker (${name})`;
    return kafkaViewEnds({
      ...common,
      name: mirrorMaker,
      nameOf: (labels) => `${mirrorMaker} [${labels.join(', ')}]`,
      role: 'client',
      views: mirrorMakerViews(clusters, setting, [...settings.keys()]),
    });
  }
  if (connectWorker) {
    const worker = `Kafka Connect worker (${name})`;
    gaps.push(...connectGaps(worker, file, setting, (key) => key));
    workers.push(
      connectWorkerRecord(worker, file, setting, {
        bootstrapDefault: CONNECT_BOOTSTRAP_SERVERS,
        storeFile: common.storeFile,
        ...(runtime ? { runtime } : {}),
        runsAs: { file },
      }),
    );
    const rest = connectRestView(
      setting,
      [...settings.keys()].some((key) => key.startsWith('listeners.https.')),
    );
    return [
      ...kafkaViewEnds({
        ...common,
        name: worker,
        nameOf: (labels) => `${worker} [${labels.join(', ')}]`,
        role: 'client',
        views: connectWorkerViews(setting, CONNECT_BOOTSTRAP_SERVERS),
      }),
      ...(rest
        ? kafkaViewEnds({
            ...common,
            name: `${worker} REST listener`,
            nameOf: () => `${worker} REST listener`,
            role: 'listener',
            views: [rest],
          })
        : []),
    ];
  }
  // The brokers its bootstrap servers name, for the listeners of the tree (./kafka-spring-reach.ts).
  const bootstrap = settings.get('bootstrap.servers');
  const reach =
    bootstrap &&
    kafkaClientReach(
      { written: bootstrap.value, at: { file, range: bootstrap.valueRange } },
      (key) => (key === undefined ? undefined : settings.get(key)),
      () => file,
    );
  if (reach) reaches.push({ name: `Kafka client (${name})`, app: { file }, ...reach });
  return kafkaViewEnds({
    ...common,
    name: `Kafka client (${name})`,
    nameOf: () => `Kafka client (${name})`,
    role: 'client',
    views: [{ label: 'client', setting }],
  });
}

/**
 * A broker of a properties file with a TLS listener (Deployment.kafkaBrokers): the hosts of its listeners and its
 * ssl.client.auth, unknown where a listener's own `listener.name.<l>.ssl.client.auth` says otherwise.
 */
function propertiesBroker(name: string, file: string, settings: ReadonlyMap<string, Entry>): KafkaBrokerRecord {
  const listeners = ['advertised.listeners', 'listeners'].map((key) => settings.get(key)?.value ?? '').join(',');
  const auth = settings.get('ssl.client.auth');
  const own = brokerClientAuth(auth?.value, auth && { file, range: auth.valueRange });
  const differs = [...settings.values()].some(
    (e) =>
      /^listener\.name\..+\.ssl\.client\.auth$/.test(e.key) && brokerClientAuth(e.value, undefined).mode !== own.mode,
  );
  return {
    name,
    location: { file },
    hosts: kafkaHosts(listeners) ?? [],
    clientAuth: differs ? { mode: 'unknown' } : own,
  };
}

/**
 * The listeners a broker connects over as a client, with where each is named: the inter-broker listener
 * (`inter.broker.listener.name`, else the listener named by `security.inter.broker.protocol`, default PLAINTEXT) and
 * the controller listeners (`controller.listener.names`), whose connections read that listener's settings (apache/kafka
 * 3.8.0 KafkaConfig.interBrokerListenerName; ChannelBuilders.clientChannelBuilder with the listener's name).
 */
function clientListeners(settings: ReadonlyMap<string, Entry>, file: string): Map<string, Location> {
  const named = new Map<string, Location>();
  const interBroker = settings.get('inter.broker.listener.name') ?? settings.get('security.inter.broker.protocol');
  const at = (entry: Entry) => ({ file, range: entry.keyRange });
  if (interBroker) named.set(interBroker.value.trim().toUpperCase(), at(interBroker));
  const controllers = settings.get('controller.listener.names');
  for (const name of controllers?.value.split(',') ?? [])
    if (controllers && name.trim() !== '') named.set(name.trim().toUpperCase(), at(controllers));
  return named;
}

/**
 * The JDK that reads a Kafka properties file: the JDK of the image of the Compose services that mount it, when they all
 * run one known JDK (undefined when they do not: a container runs its image's JDK, never one found beside the file);
 * else the JDK nearest to the file, as for a Java application (./runtime.ts makeRuntimeResolver).
 */
function propertiesRuntime(ctx: ModelContext, file: string, mounts: TreeMount[]): JavaRuntime | undefined {
  const mounting = mounts.filter(
    (m) => m.mount.service !== undefined && (file === m.hostPath || file.startsWith(m.hostPath + path.sep)),
  );
  if (mounting.length === 0) return ctx.runtimeFor(file);
  const runtimes = new Map<string, JavaRuntime>();
  for (const mount of mounting) {
    const doc = ctx.deployment.documents.find((d) => d.file.path === mount.file && d.kind === 'compose');
    const service = (doc?.data as ComposeData | undefined)?.services.find((s) => s.name === mount.mount.service);
    const runtime = doc && service && serviceImageRuntime(doc as ParsedDocument<ComposeData>, service, ctx.memo);
    if (!runtime) return undefined;
    runtimes.set(`${runtime.vendor.value}|${runtime.version.value}|${runtime.attachment?.feature ?? ''}`, runtime);
  }
  const [only, ...more] = runtimes.values();
  return more.length === 0 ? only : undefined;
}

/** The tree's store file a written location is, when the tree shows it (see the header); undefined when unknown. */
function treeFileOf(
  configFile: string,
  written: string,
  stores: TreeStores,
  mounts: TreeMount[],
  building: readonly ServiceOf[] = [],
): { file: string; note?: string; copiedBy?: Location; mountedAt?: Location } | undefined {
  const isStore = (file: string) => stores.typeOf(file) !== undefined;
  if (!written.startsWith('/')) {
    if (path.isAbsolute(written)) return undefined;
    const beside = path.resolve(path.dirname(configFile), written);
    return isStore(beside)
      ? {
          file: beside,
          note: `a path relative to the directory Kafka is started in, taken as this file's directory`,
        }
      : undefined;
  }
  const mounted = treeFileInContainer(mounts, configFile, written, 'kafka');
  if (mounted)
    return isStore(mounted.file)
      ? { file: mounted.file, mountedAt: { file: mounted.by.file, range: mounted.by.mount.range } }
      : undefined;
  const copied = stores.images?.resolve(configFile, written);
  if (copied) return isStore(copied.file) ? { file: copied.file, copiedBy: copied.by } : undefined;
  // Each service that builds the image holding the file mounts one tree file at the path: that one.
  const inServices = building.map((s) =>
    mountedTreeFile(
      mounts.filter((m) => m.mount.service === s.name && m.project === s.project),
      written,
    ),
  );
  const [first] = inServices;
  return first && inServices.every((f) => f?.file === first.file) && isStore(first.file)
    ? { file: first.file, mountedAt: first.at }
    : undefined;
}
