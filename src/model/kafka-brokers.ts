/**
 * Kafka brokers that Docker Compose runs from Confluent's images (`confluentinc/cp-kafka`, `cp-server`,
 * `cp-enterprise-kafka`) or Apache Kafka's (`apache/kafka`, `apache/kafka-native`, whose configure script is Confluent's:
 * https://github.com/apache/kafka/blob/1eb7644349c/docker/resources/common-scripts/configure), with the key and trust
 * stores their environment names (Deployment.unlinkedEnds). The image's configure script turns every `KAFKA_*` variable into a broker property (`KAFKA_SSL_KEYSTORE_LOCATION` is
 * ssl.keystore.location) and, when KAFKA_ADVERTISED_LISTENERS holds `SSL://`, sets ssl.keystore.location to
 * /etc/kafka/secrets/$KAFKA_SSL_KEYSTORE_FILENAME with the password read from the file KAFKA_SSL_KEYSTORE_CREDENTIALS
 * names there, and the trust store likewise only when KAFKA_SSL_CLIENT_AUTH is required or requested
 * (https://github.com/confluentinc/kafka-images/blob/v7.3.0/kafka/include/etc/confluent/docker/configure, the same at
 * f8e3015). wurstmeister/kafka writes the variables alike with no store convention (WURSTMEISTER_KAFKA_IMAGE). Bitnami's
 * image (`bitnami/kafka`, `bitnamilegacy/kafka`) has its own convention: ./kafka-bitnami.ts. A store
 * is named only where a Compose bind mount of the service puts a store file of the tree at that path: a path no mount of
 * the tree fills is left unknown.
 */
import * as path from 'node:path';
import type { ComposeData, ComposeService } from '../parse/compose';
import { variableAt, variableEntries, type ServiceVariables } from '../parse/compose-service-variables';
import { CONFLUENT_BROKER_IMAGE, CONFLUENT_SECRETS } from '../parse/keystore/confluent-credentials';
import { BITNAMI_KAFKA_IMAGE } from '../parse/keystore/bitnami-credentials';
import type { ParsedDocument } from '../parse/types';
import type { RunMemo } from '../core/run-memo';
import type { ModelContributor } from './contributor';
import { deploymentMounts } from './compose-mounts';
import { traced } from './java-shared';
import {
  kafkaListOf,
  kafkaServiceVariables,
  listenersSpeakTls,
  mountedTreeFile,
  tlsListenerNames,
  type BrokerStore,
  type BrokerStores,
  type BrokerVariable,
} from './kafka-protocols';
import { bitnamiBroker } from './kafka-bitnami';
import { brokerListenerEnds } from './kafka-broker-listeners';
import { imageRuntime } from './runtime-named';
import { storeRef, treeStoresOf, type TreeStores } from './store-files';
import type { JavaRuntime, KafkaBrokerRecord, StoreRef, TlsTrustSettings, UnlinkedEnd } from './types';
import { brokerClientAuth, kafkaHosts } from './kafka-client-auth';
import type { Location, RelatedLocation } from '../core/types';
import { relativePosix } from '../core/posix-path';
import { trustStoreOrCacerts } from './attributes-tls';

/**
 * wurstmeister/kafka: its start-kafka.sh writes every KAFKA_* variable into server.properties, the name lower case with
 * `_` as `.`, and has no store convention of its own (wurstmeister/kafka-docker@4811383 start-kafka.sh): its stores are
 * KAFKA_SSL_KEYSTORE_LOCATION and KAFKA_SSL_TRUSTSTORE_LOCATION as written. A relative location is opened from the
 * broker's working directory: `/`, as no Dockerfile of the image sets a WORKDIR and start-kafka.sh execs
 * kafka-server-start.sh without changing directory (wurstmeister/kafka-docker@901c084, the whole history of its
 * Dockerfile and start-kafka.sh), unless the service sets its own `working_dir:`.
 */
const WURSTMEISTER_KAFKA_IMAGE = /(^|\/)wurstmeister\/kafka(:|@|$)/;

/**
 * The directory a wurstmeister broker starts in: the service's literal absolute `working_dir:`, else the image's `/`;
 * undefined when `working_dir:` is anything else (a variable, a relative path).
 */
function wurstmeisterWorkingDirectory(doc: ParsedDocument<ComposeData>, service: ComposeService): string | undefined {
  const set = doc.entries.find((e) => e.key === `services.${service.name}.working_dir`);
  if (!set) return '/';
  const value = set.value.trim();
  return value.startsWith('/') && !value.includes('$') ? value : undefined;
}

export const kafkaBrokersContributor: ModelContributor = {
  id: 'kafka-brokers',
  reads: ['compose'],
  contribute(ctx) {
    const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
    if (composeFiles.length === 0) return;
    const stores = treeStoresOf(ctx);
    const mounts = deploymentMounts(ctx);
    const documents = new Set(ctx.deployment.documents.map((d) => d.file.path));
    for (const doc of composeFiles)
      for (const service of doc.data.services) {
        const image = service.image ?? '';
        const confluent = CONFLUENT_BROKER_IMAGE.test(image);
        const propertiesFromEnv = confluent || WURSTMEISTER_KAFKA_IMAGE.test(image);
        const bitnami = BITNAMI_KAFKA_IMAGE.test(image);
        if (!propertiesFromEnv && !bitnami) continue;
        const own = mounts.filter((m) => m.file === doc.file.path && m.mount.service === service.name);
        const name = `Kafka broker (${relativePosix(ctx.deployment.root, doc.file.path)} service ${service.name})`;
        const variables = kafkaServiceVariables(ctx, doc, service, name);
        const env = brokerVariables(variables);
        const end = propertiesFromEnv
          ? confluentBroker(
              env,
              (p) => mountedTreeFile(own, p),
              confluent,
              confluent ? undefined : wurstmeisterWorkingDirectory(doc, service),
            )
          : bitnamiBroker(env, own, {
              isStore: (file) => stores.typeOf(file) !== undefined,
              isDocument: (file) => documents.has(file),
            });
        const record = brokerRecord(
          service,
          env,
          { name, location: { file: doc.file.path } },
          { fromEnv: propertiesFromEnv, bitnamiTls: !propertiesFromEnv && end !== undefined },
        );
        if (record) (ctx.deployment.kafkaBrokers ??= []).push(record);
        const trust = end && brokerTrust(end, stores);
        const because = trust && listenersElsewhere(env, confluent ? ['KAFKA_'] : ['KAFKA_', 'KAFKA_CFG_'], trust);
        const off = propertiesFromEnv
          ? withEnvFile(interBrokerVerificationOff(env), variables, doc, service)
          : undefined;
        const lists = brokerLists(env, confluent);
        const runtime = serviceImageRuntime(doc, service, ctx.memo);
        const listenerEnds = propertiesFromEnv
          ? brokerListenerEnds(doc, variableEntries(variables, 'KAFKA_'), {
              name,
              own,
              stores,
              ...(runtime ? { runtime } : {}),
            })
          : [];
        if (listenerEnds.length > 0) (ctx.deployment.unlinkedEnds ??= []).push(...listenerEnds);
        if (!trust && !off && !lists) continue;
        (ctx.deployment.unlinkedEnds ??= []).push({
          name,
          location: { file: doc.file.path },
          implementation: 'jsse',
          trust: trust ?? { defaultTrust: 'jdk-cacerts' },
          ...(off ? { hostnameVerificationOff: off } : {}),
          ...(lists || {}),
          ...(runtime ? { runtime } : {}),
          ...(because ? { storesReadBecause: because } : {}),
        });
      }
  },
};

/**
 * Where the broker's listeners are made TLS (the listener variable holding an SSL or SASL_SSL listener), when that is
 * another file than the ones naming its stores (an env_file's line beside `environment:`'s): it decides too that the
 * broker reads them. Undefined where a store's own file says it (the finding names that file already).
 */
function listenersElsewhere(
  env: ReadonlyMap<string, BrokerVariable>,
  prefixes: readonly string[],
  trust: TlsTrustSettings,
): RelatedLocation | undefined {
  const variable = (name: string) => prefixes.map((prefix) => env.get(prefix + name)).find(Boolean);
  const map = variable('LISTENER_SECURITY_PROTOCOL_MAP')?.value;
  const tls = [variable('ADVERTISED_LISTENERS'), variable('LISTENERS')].find(
    (v) => v && listenersSpeakTls(v.value, map),
  );
  const storeFiles = [trust.keyStore, trust.trustStore].map((store) =>
    store?.path.from.kind === 'file' ? store.path.from.location.file : undefined,
  );
  if (!tls || storeFiles.includes(tls.keyAt.file)) return undefined;
  return { ...tls.keyAt, message: 'its TLS listener is set here' };
}

/**
 * The protocols and cipher suites a broker with a TLS listener enables for them: ssl.enabled.protocols and
 * ssl.cipher.suites as the image writes them from KAFKA_SSL_ENABLED_PROTOCOLS and KAFKA_SSL_CIPHER_SUITES (Confluent's,
 * Apache Kafka's and wurstmeister's images) or KAFKA_CFG_SSL_… (Bitnami's, whose legacy KAFKA_<NAME> alias wins:
 * ./kafka-bitnami.ts). Undefined when neither is set (or known).
 */
function brokerLists(
  env: ReadonlyMap<string, BrokerVariable>,
  confluent: boolean,
): Pick<UnlinkedEnd, 'protocols' | 'cipherSuites'> | undefined {
  const prefixes = confluent ? ['KAFKA_'] : ['KAFKA_', 'KAFKA_CFG_'];
  const named = (name: string) =>
    prefixes.map((prefix) => prefix + name).find((variable) => env.has(variable)) ?? `KAFKA_${name}`;
  const value = (name: string) => env.get(named(name))?.value;
  const listeners = [value('ADVERTISED_LISTENERS') ?? '', value('LISTENERS') ?? ''].join(',');
  if (!listenersSpeakTls(listeners, value('LISTENER_SECURITY_PROTOCOL_MAP'))) return undefined;
  const list = (name: string) => {
    const variable = named(name);
    const written = env.get(variable);
    return written && kafkaListOf(variable, written.value, written.at);
  };
  const protocols = list('SSL_ENABLED_PROTOCOLS');
  const cipherSuites = list('SSL_CIPHER_SUITES');
  return protocols || cipherSuites
    ? { ...(protocols ? { protocols } : {}), ...(cipherSuites ? { cipherSuites } : {}) }
    : undefined;
}

/**
 * The JDK a Compose service's image runs (jdk-locations.json: Confluent's images by tag), where `image:` is written;
 * undefined when the image is not known (the JDK is then unknown: no nearer JDK of the tree runs a container).
 */
export function serviceImageRuntime(
  doc: ParsedDocument<ComposeData>,
  service: ComposeService,
  memo: RunMemo,
): JavaRuntime | undefined {
  const image = service.image?.trim();
  const range = service.imageRange;
  if (!image || !range) return undefined;
  const at = { file: doc.file.path, range };
  const line = range.start.line + 1;
  return imageRuntime(image, at, `JDK of ${path.basename(doc.file.path)}:${line} image ${image}`, memo);
}

/** The stores a Confluent broker reads, as the configure script sets them: the written paths and where they are set. */
function confluentBroker(
  env: ReadonlyMap<string, BrokerVariable>,
  treeFile: (containerPath: string) => { file: string; at: Location } | undefined,
  script: boolean,
  workingDirectory?: string,
): BrokerStores | undefined {
  const advertised = env.get('KAFKA_ADVERTISED_LISTENERS')?.value ?? '';
  const listeners = [advertised, env.get('KAFKA_LISTENERS')?.value ?? ''].join(',');
  if (!listenersSpeakTls(listeners, env.get('KAFKA_LISTENER_SECURITY_PROTOCOL_MAP')?.value)) return undefined;
  const scripted = script && advertised.includes('SSL://');
  const side = (kind: 'KEYSTORE' | 'TRUSTSTORE'): BrokerStore | undefined => {
    // The script names the trust store only for client authentication (required or requested).
    const auth = env.get('KAFKA_SSL_CLIENT_AUTH')?.value ?? '';
    if (scripted && kind === 'TRUSTSTORE' && !/required|requested/.test(auth)) return undefined;
    // The script's file name under /etc/kafka/secrets and credentials file, else the location and password as set.
    const written = env.get(`KAFKA_SSL_${kind}_${scripted ? 'FILENAME' : 'LOCATION'}`);
    const value = written?.value.trim() ?? '';
    if (!written || value === '' || value.includes('$')) return undefined;
    const relative = !scripted && !value.startsWith('/');
    if (relative && workingDirectory === undefined) return undefined;
    // `/certs/x.jks` makes /etc/kafka/secrets//certs/x.jks, the same file to bash (ttt9912/spring-kafka@efde190).
    const containerPath = path.posix.normalize(
      scripted ? `${CONFLUENT_SECRETS}/${value}` : relative ? `${workingDirectory}/${value}` : value,
    );
    const treeFound = treeFile(containerPath);
    const password = env.get(`KAFKA_SSL_${kind}_${scripted ? 'CREDENTIALS' : 'PASSWORD'}`);
    const type = env.get(`KAFKA_SSL_${kind}_TYPE`);
    return {
      containerPath,
      ...(treeFound ? { treeFile: treeFound.file, mountedAt: treeFound.at } : {}),
      at: written.at,
      ...(type ? { type } : {}),
      ...(password ? { passwordAt: password.keyAt } : {}),
      ...(relative ? { note: `a path relative to the broker's working directory, ${workingDirectory}` } : {}),
    };
  };
  const keyStore = side('KEYSTORE');
  const trustStore = side('TRUSTSTORE');
  return keyStore || trustStore
    ? { ...(keyStore ? { keyStore } : {}), ...(trustStore ? { trustStore } : {}) }
    : undefined;
}

/**
 * Where a Confluent broker turns host name checks off for the connections it makes to the other brokers: its
 * inter-broker listener (KAFKA_INTER_BROKER_LISTENER_NAME, else the one KAFKA_SECURITY_INTER_BROKER_PROTOCOL names) is
 * TLS and its ssl.endpoint.identification.algorithm (the listener's own first) is empty or blank; the image writes each
 * KAFKA_* variable as is, `__` in a name standing for `_` (kafka.properties.template envToProps, the configure script
 * leaves the algorithm alone: confluentinc/kafka-images@f8e3015).
 */
function interBrokerVerificationOff(
  env: ReadonlyMap<string, BrokerVariable>,
): UnlinkedEnd['hostnameVerificationOff'] | undefined {
  const inter = env.get('KAFKA_INTER_BROKER_LISTENER_NAME') ?? env.get('KAFKA_SECURITY_INTER_BROKER_PROTOCOL');
  const listener = inter?.value.trim().toUpperCase();
  if (!inter || !listener) return undefined;
  const listeners = [env.get('KAFKA_ADVERTISED_LISTENERS')?.value ?? '', env.get('KAFKA_LISTENERS')?.value ?? ''];
  const tls = tlsListenerNames(listeners.join(','), env.get('KAFKA_LISTENER_SECURITY_PROTOCOL_MAP')?.value);
  if (!tls.includes(listener)) return undefined;
  const own = `KAFKA_LISTENER_NAME_${listener.replaceAll('_', '__')}_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM`;
  const variable = env.has(own) ? own : 'KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM';
  const algorithm = env.get(variable);
  if (!algorithm || algorithm.value.trim() !== '') return undefined;
  return { setting: variable, at: algorithm.keyAt, tlsAt: inter.keyAt, listener };
}

/**
 * The `env_file:` item that brings the setting in when an env file writes it: it names the service (brokers sharing one
 * env file are told apart by it).
 */
function withEnvFile(
  off: UnlinkedEnd['hostnameVerificationOff'] | undefined,
  variables: ServiceVariables,
  doc: ParsedDocument<ComposeData>,
  service: ComposeService,
): UnlinkedEnd['hostnameVerificationOff'] | undefined {
  const read = off && variables.envFileDocuments.find((e) => e.doc.file.path === off.at.file);
  if (!off || !read) return off;
  return {
    ...off,
    via: [{ file: doc.file.path, range: read.envFile.range, message: `env_file of service ${service.name}` }],
  };
}

/** The broker's stores that a bind mount of the tree fills; undefined when none is. */
function brokerTrust(found: BrokerStores, stores: TreeStores): TlsTrustSettings | undefined {
  const ref = (side: BrokerStore | undefined): StoreRef | undefined => {
    if (!side?.treeFile || stores.typeOf(side.treeFile) === undefined) return undefined;
    const at = {
      value: side.containerPath,
      from: { kind: 'file' as const, location: side.at, ...(side.note ? { note: side.note } : {}) },
    };
    const type = side.type ? traced(side.type.value, side.type.at.file, side.type.at.range) : undefined;
    const ref = storeRef(at, [], stores, type, side.passwordAt, side.treeFile);
    // The mount decides which file the store is: named where the setting is another file's (an env_file's line).
    if (side.mountedAt && side.mountedAt.file !== side.at.file) ref.mountedAt = side.mountedAt;
    return ref;
  };
  const keyStore = ref(found.keyStore);
  const trustStore = ref(found.trustStore);
  if (!keyStore && !trustStore) return undefined;
  return {
    ...(keyStore ? { keyStore } : {}),
    ...trustStoreOrCacerts(trustStore),
  };
}

/** A broker's variables that have a value, by name, where each is written (its env file's line, or `environment:`'s). */
function brokerVariables(variables: ServiceVariables): Map<string, BrokerVariable> {
  const env = new Map<string, BrokerVariable>();
  for (const variable of variables.variables.values())
    if (variable.value !== undefined)
      env.set(variable.name, {
        value: variable.value,
        at: variableAt(variable, 'value'),
        keyAt: variableAt(variable, 'key'),
      });
  return env;
}

/**
 * A Compose broker with a TLS listener, as its clients reach it (Deployment.kafkaBrokers): the names Compose gives its
 * containers and the hosts of its listeners, and its KAFKA_SSL_CLIENT_AUTH (ssl.client.auth: ./kafka-client-auth.ts).
 * A listener's own `KAFKA_LISTENER_NAME_<L>_SSL_CLIENT_AUTH` that says otherwise, or Bitnami's image (whose scripts set
 * ssl.client.auth from variables of their own), leaves it unknown.
 */
function brokerRecord(
  service: ComposeService,
  env: ReadonlyMap<string, BrokerVariable>,
  named: Pick<KafkaBrokerRecord, 'name' | 'location'>,
  image: { fromEnv: boolean; bitnamiTls: boolean },
): KafkaBrokerRecord | undefined {
  const written = (name: string) => env.get(name)?.value ?? '';
  const listeners = [written('KAFKA_ADVERTISED_LISTENERS'), written('KAFKA_LISTENERS')].join(',');
  const tls = image.fromEnv
    ? listenersSpeakTls(listeners, env.get('KAFKA_LISTENER_SECURITY_PROTOCOL_MAP')?.value)
    : image.bitnamiTls;
  if (!tls) return undefined;
  const names = [
    service.name,
    service.hostname?.value,
    service.containerName?.value,
    ...service.networkAliases.map((a) => a.value),
  ];
  const hosts = new Set([...names, ...(kafkaHosts(listeners) ?? [])].flatMap((h) => (h ? [h.toLowerCase()] : [])));
  const auth = env.get('KAFKA_SSL_CLIENT_AUTH');
  const own = brokerClientAuth(auth?.value, auth?.at);
  const differs = [...env.keys()].some(
    (name) =>
      /^KAFKA_LISTENER_NAME_.+_SSL_CLIENT_AUTH$/.test(name) &&
      brokerClientAuth(written(name), undefined).mode !== own.mode,
  );
  const clientAuth = image.fromEnv && !differs ? own : { mode: 'unknown' as const };
  return { ...named, service: service.name, hosts: [...hosts], clientAuth };
}
