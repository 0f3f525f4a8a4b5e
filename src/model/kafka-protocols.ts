/**
 * What the readers of Kafka's settings share (Spring Boot, Compose brokers, properties files): when an end speaks TLS,
 * and the stores a broker image's setup gives it.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { ServiceVariables } from '../parse/compose-service-variables';
import { composeVariablesOf } from './compose-variables';
import { mountHolding } from '../parse/compose-volumes';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import type { TreeStores } from './store-files';
import type { KafkaList, TreeMount } from './types';

/** One environment variable of a Compose service, with where its value and its name are written. */
export interface BrokerVariable {
  value: string;
  at: Location;
  keyAt: Location;
}

/** A store a broker image's setup gives the broker: the container path, the tree file a mount puts there, where it is said. */
export interface BrokerStore {
  containerPath: string;
  treeFile?: string;
  /** The bind mount that puts `treeFile` at the path, when the path is a variable's (not the mount's own place). */
  mountedAt?: Location;
  /** Where the path is decided: the variable that names it, or the bind mount that puts the file there. */
  at: Location;
  type?: BrokerVariable;
  passwordAt?: Location;
  /** How the path was made from what is written: a relative one against the process's working directory. */
  note?: string;
}

/** The key and trust store a broker reads. */
export interface BrokerStores {
  keyStore?: BrokerStore;
  trustStore?: BrokerStore;
}

/** Kafka's security protocols that speak TLS (org.apache.kafka.common.security.auth.SecurityProtocol). */
export const KAFKA_TLS_PROTOCOLS: ReadonlySet<string> = new Set(['SSL', 'SASL_SSL']);

/**
 * Whether a listener of the list speaks TLS: its security protocol (the map's, else its own name) is SSL or SASL_SSL
 * (https://kafka.apache.org/documentation/#brokerconfigs_listener.security.protocol.map).
 */
export function listenersSpeakTls(listeners: string, map: string | undefined): boolean {
  return tlsListenerNames(listeners, map).length > 0;
}

/**
 * The names of the listeners of the list that speak TLS (see listenersSpeakTls), upper case as Kafka normalises them
 * (ListenerName.normalised), each once, in the order written.
 */
export function tlsListenerNames(listeners: string, map: string | undefined): string[] {
  const protocols = new Map(
    (map ?? '').split(',').flatMap((pair) => {
      const [listener, protocol] = pair.split(':').map((s) => s.trim().toUpperCase());
      return listener && protocol ? [[listener, protocol] as const] : [];
    }),
  );
  const names = listeners.split(',').flatMap((listener) => {
    const name = /^\s*([A-Za-z0-9_-]+):\/\//.exec(listener)?.[1]?.toUpperCase();
    return name !== undefined && KAFKA_TLS_PROTOCOLS.has(protocols.get(name) ?? name) ? [name] : [];
  });
  return [...new Set(names)];
}

/**
 * The tree file a bind mount of a service puts at a path of its container, and that mount's source (its line): the mount
 * whose target holds the path (../parse/compose-volumes.ts mountHolding). `own` are the service's mounts.
 */
export function mountedTreeFile(
  own: readonly TreeMount[],
  containerPath: string,
): { file: string; at: Location } | undefined {
  const holding = mountHolding(own, (m) => m.mount.target, containerPath);
  return (
    holding && {
      file: path.join(holding.mount.hostPath, ...holding.below),
      at: { file: holding.mount.file, range: holding.mount.mount.range },
    }
  );
}

/**
 * The tree store a bind mount of a Compose service puts at a container path its settings write, with that mount; else
 * unknown (a relative path, a path no mount of the tree fills, a file that is no store).
 */
export function mountedStoreFile(
  own: readonly TreeMount[],
  stores: TreeStores,
): (written: string) => { file: string; mountedAt: Location } | undefined {
  return (written) => {
    const found = written.startsWith('/') ? mountedTreeFile(own, written) : undefined;
    return found && stores.typeOf(found.file) !== undefined ? { file: found.file, mountedAt: found.at } : undefined;
  };
}

/**
 * A Kafka list setting as Kafka reads it (`ssl.enabled.protocols`, `ssl.cipher.suites`, or the variable an image writes
 * it from): split at commas, each name trimmed (ConfigDef.Type.LIST); an empty list leaves the JDK's default, as does a
 * value only the run knows (a placeholder, a config provider's `${file:…}`). DefaultSslEngineFactory hands the lists to
 * SSLEngine.setEnabledProtocols and setEnabledCipherSuites (apache/kafka 3.8.0
 * clients/src/main/java/org/apache/kafka/common/security/ssl/DefaultSslEngineFactory.java createSslEngine).
 */
export function kafkaListOf(setting: string, value: string, at: Location): KafkaList | undefined {
  if (value.includes('$') || value.includes('{{')) return undefined;
  const names = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  return { setting, value: { value: names, from: { kind: 'file', location: at } }, text: value };
}

/**
 * The variables of a Compose service that runs a Kafka image (../parse/compose-service-variables.ts: its `env_file:`
 * files, then its `environment:`), recording each env file Compose requires that the run does not hold as
 * Deployment.kafkaUnreadEnvFiles (kafka/env-file-unread): it may set any variable `environment:` does not. An optional
 * one (`required: false`) that the tree does not hold is left out, as Compose leaves it out when it is missing
 * (https://docs.docker.com/reference/compose-file/services/#env_file).
 */
export function kafkaServiceVariables(
  ctx: ModelContext,
  doc: ParsedDocument<ComposeData>,
  service: ComposeService,
  component: string,
): ServiceVariables {
  const variables = composeVariablesOf(ctx, doc, service);
  for (const { envFile, at } of variables.unread)
    if (envFile.required) (ctx.deployment.kafkaUnreadEnvFiles ??= []).push({ component, path: envFile.path, at });
  return variables;
}
