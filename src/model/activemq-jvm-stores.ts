/**
 * The JVM's key and trust stores of an ActiveMQ Classic broker whose activemq.xml has no `<sslContext>`: its TLS
 * connectors then use the JVM's default SSLContext, whose stores are the `-Djavax.net.ssl.keyStore` / `trustStore`
 * system properties (with their `…Type` and `…Password`). The broker's start script passes them from two variables,
 * joined in this order into the java command: `ACTIVEMQ_OPTS`, then `ACTIVEMQ_SSL_OPTS` (apache/activemq@activemq-6.1.6
 * assembly/src/release/bin/activemq, `ACTIVEMQ_OPTS="$ACTIVEMQ_OPTS $ACTIVEMQ_SUNJMX_START $ACTIVEMQ_SSL_OPTS …"`; the
 * same in 5.15.9 and 5.18.3), and bin/setenv (bin/env before 6.0) sets each only when the environment leaves it empty,
 * so a container's environment gives them: the official image (assembly/src/docker/Dockerfile) runs bin/activemq
 * through an entrypoint that keeps the environment. Read only where the tree ties the environment to the broker's file:
 * the `environment:` of the Compose services that run it over the ENV of the Dockerfile they build, else the ENV of
 * the Dockerfiles whose image holds the file (a COPY). A value only the run knows names no file; where the sources of
 * one broker disagree, nothing is taken.
 */
import { ours, said, type Phrase } from '../core/phrase';
import * as path from 'node:path';
import type { Location } from '../core/types';
import { serviceBuild, type ComposeData, type ComposeService } from '../parse/compose';
import type { ServiceVariable } from '../parse/compose-service-variables';
import type { DockerfileData } from '../parse/dockerfile';
import { scanJvmProperties, type JvmProperty } from '../parse/java/jvm-args';
import { LineIndex } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import { composeVariablesOf } from './compose-variables';
import type { ModelContext } from './contributor';
import { traced } from './java-shared';
import { mountedTreeFile } from './kafka-protocols';
import { storeRef, type TreeStores } from './store-files';
import type { StoreRef, TlsTrustSettings, TreeMount } from './types';
import { keyStoreOrUnknown, trustStoreOrCacerts } from './attributes-tls';

/** The variables bin/activemq joins into the broker's java command, in its order (a later `-D` of a name wins). */
const OPTION_VARIABLES = ['ACTIVEMQ_OPTS', 'ACTIVEMQ_SSL_OPTS'];
const STORE_PROPERTY = /^javax\.net\.ssl\.(keyStore|trustStore)(Type|Password)?$/;

/** A `-Djavax.net.ssl.*` store setting of the broker's JVM, where it is written. */
export interface BrokerJvmSetting {
  property: JvmProperty;
  file: string;
}

/** The broker's JVM store settings by property name, and what ties them to the broker. */
export interface BrokerJvmStores {
  settings: Map<string, BrokerJvmSetting>;
  /** The Compose services or Dockerfiles that run the broker with them. */
  by: string;
}

/** A Compose service running the broker's file, with the file that defines it. */
export interface RunningService {
  doc: ParsedDocument<ComposeData>;
  service: ComposeService;
}

/**
 * The store settings the broker's JVM gets (see the header): undefined when the tree ties no such setting to it;
 * `unknown` (why) when the run decides them or its services or images set different ones.
 */
export function brokerJvmStores(
  ctx: ModelContext,
  running: readonly RunningService[],
  holding: readonly string[],
): BrokerJvmStores | { unknown: string } | undefined {
  const dockerfile = (file: string | undefined) =>
    ctx.documentsOf('dockerfile').find((d) => d.file.path === file) as ParsedDocument<DockerfileData> | undefined;
  const sources =
    running.length > 0
      ? running.map(({ doc, service }) => ({
          name: `Compose service ${service.name}`,
          options: serviceOptions(ctx, { doc, service }, dockerfile(serviceBuild(doc.file.path, service)?.dockerfile)),
        }))
      : holding.map((file) => ({
          name: `the image ${path.basename(path.dirname(file))}/${path.basename(file)} builds`,
          options: imageOptions(dockerfile(file)),
        }));
  for (const { name, options } of sources) if (typeof options === 'string') return { unknown: `${options} (${name})` };
  const found = sources.filter(
    (s): s is { name: string; options: Map<string, BrokerJvmSetting> } =>
      typeof s.options !== 'string' && s.options.size > 0,
  );
  if (found.length === 0) return undefined;
  // Every source must say the same; one that says nothing beside others that do leaves it open too.
  const key = (m: Map<string, BrokerJvmSetting>) =>
    [...m].map(([name, s]) => `${name}=${s.property.unresolved ? '?' : s.property.value}`).join('\n');
  const first = key(found[0]!.options);
  if (found.length !== sources.length || found.some((s) => key(s.options) !== first))
    return { unknown: `${sources.map((s) => s.name).join(' and ')} set different javax.net.ssl stores` };
  return { settings: found[0]!.options, by: found.map((s) => s.name).join(', ') };
}

/** The ENV of a Dockerfile's running stage: its `-D` store settings from the broker's option variables. */
function imageOptions(doc: ParsedDocument<DockerfileData> | undefined): Map<string, BrokerJvmSetting> {
  const out = new Map<string, BrokerJvmSetting>();
  if (!doc) return out;
  for (const variable of OPTION_VARIABLES)
    for (const property of doc.data.properties)
      if (property.via === variable && STORE_PROPERTY.test(property.name))
        out.set(property.name, { property, file: doc.file.path });
  return out;
}

/**
 * A Compose service's: its option variables (its env files, then its `environment:`: ./compose-variables.ts), each
 * replacing the built image's ENV of that name; a string (why) when one is given from the shell or by Compose's
 * substitution (`${SSL_OPTS}`), or an env file the tree does not hold may set it: its value is the run's.
 */
function serviceOptions(
  ctx: ModelContext,
  { doc, service }: RunningService,
  built: ParsedDocument<DockerfileData> | undefined,
): Map<string, BrokerJvmSetting> | string {
  const out = new Map<string, BrokerJvmSetting>();
  const variables = composeVariablesOf(ctx, doc, service);
  const texts = new Map([doc, ...variables.envFileDocuments.map((e) => e.doc)].map((d) => [d.file.path, d.file.text]));
  for (const variable of OPTION_VARIABLES) {
    const set = variables.variables.get(variable);
    if (!service.environment.some((v) => v.name === variable) && variables.unread.length > 0)
      return `${variable} may be set by ${variables.unread[0]!.envFile.path}, an env_file lint-deploy does not read`;
    // `$$` is Compose's escape of a literal `$` (the broker's shell expands it: a `-D` value only the run knows).
    if (set && (set.value === undefined || set.value.replaceAll('$$', '').includes('$')))
      return `${variable} is given when Compose runs`;
    const text = set ? texts.get(set.file) : undefined;
    const properties: BrokerJvmSetting[] =
      set && text !== undefined
        ? optionsIn(text, set, variable)
        : (built?.data.properties ?? [])
            .filter((p) => p.via === variable)
            .map((property) => ({ property, file: built!.file.path }));
    for (const setting of properties)
      if (STORE_PROPERTY.test(setting.property.name)) out.set(setting.property.name, setting);
  }
  return out;
}

/** The `-D` options of the variable's value, where its file writes it. */
function optionsIn(text: string, set: ServiceVariable, variable: string): BrokerJvmSetting[] {
  const index = new LineIndex(text);
  const [start, end] = [index.offsetAt(set.valueRange.start), index.offsetAt(set.valueRange.end)];
  return scanJvmProperties(text, index, start, end, variable).map((property) => ({ property, file: set.file }));
}

/** Where a setting's value is written. */
function valueAt(setting: BrokerJvmSetting): Location {
  return { file: setting.file, range: setting.property.valueRange };
}

/** The trust settings of a Classic broker without <sslContext>: its JVM's default stores, as far as the tree says. */
export function jvmTrust(
  file: string,
  jvm: BrokerJvmStores | { unknown: string } | undefined,
  mounts: readonly TreeMount[],
  stores: TreeStores,
): TlsTrustSettings {
  const why = ours(
    "the broker's key store: activemq.xml has no <sslContext>, so its TLS connectors use the JVM's default SSLContext",
  );
  if (!jvm)
    return { unknown: { why: said`${why} (-Djavax.net.ssl.keyStore, e.g. in ACTIVEMQ_SSL_OPTS)`, at: { file } } };
  if ('unknown' in jvm)
    return { unknown: { why: said`${why}, whose stores are unknown: ${jvm.unknown}`, at: { file } } };
  const side = (kind: 'keyStore' | 'trustStore'): StoreRef | undefined => {
    const named = jvm.settings.get(`javax.net.ssl.${kind}`);
    if (!named) return undefined;
    const ref = jvmStore(
      named,
      file,
      mounts,
      stores,
      jvm.settings.get(`javax.net.ssl.${kind}Type`),
      jvm.settings.get(`javax.net.ssl.${kind}Password`),
    );
    ref.setting = `-Djavax.net.ssl.${kind} (${named.property.via ?? 'ACTIVEMQ_SSL_OPTS'})`;
    return ref;
  };
  return storesTrust(side('keyStore'), side('trustStore'), {
    why: said`${why}, and ${jvm.by} give it no -Djavax.net.ssl.keyStore`,
    at: { file },
  });
}

/** A broker's trust settings from its two stores: without a key store, unknown (why); without a trust store, cacerts. */
export function storesTrust(
  keyStore: StoreRef | undefined,
  trustStore: StoreRef | undefined,
  noKeyStore: { why: string | Phrase; at: Location },
): TlsTrustSettings {
  return { ...keyStoreOrUnknown(keyStore, noKeyStore), ...trustStoreOrCacerts(trustStore) };
}

/**
 * A `-Djavax.net.ssl.*Store` of the broker's JVM: an absolute path is the tree file a bind mount of its service or a
 * COPY into its image puts there; a relative one is read from the broker's working directory, which the tree does not
 * say, and a value only the run knows names no file either (no file is guessed by its name).
 */
function jvmStore(
  named: BrokerJvmSetting,
  brokerFile: string,
  mounts: readonly TreeMount[],
  stores: TreeStores,
  type: BrokerJvmSetting | undefined,
  password: BrokerJvmSetting | undefined,
): StoreRef {
  const at = valueAt(named);
  const value = named.property.value.trim();
  const typeAt =
    type && !type.property.unresolved
      ? traced(type.property.value.trim(), type.file, type.property.valueRange)
      : undefined;
  const passwordAt = password && { file: password.file, range: password.property.nameRange };
  const placed =
    !named.property.unresolved && value.startsWith('/')
      ? (mountedTreeFile(mounts, value)?.file ?? stores.images?.resolve(brokerFile, value)?.file)
      : undefined;
  if (placed) return storeRef(traced(value, at.file, at.range), [], stores, typeAt, passwordAt, placed);
  return {
    path: traced(value, at.file, at.range),
    ...(typeAt ? { type: { value: typeAt.value.toUpperCase(), from: typeAt.from } } : {}),
    ...(passwordAt ? { passwordAt } : {}),
  };
}
