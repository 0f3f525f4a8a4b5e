/**
 * An app's Spring settings in the order Spring Boot applies them, the later winning: every configuration file's
 * default profile, then the parts of each active profile (`application-<profile>.yml`, or a YAML document with
 * `spring.config.activate.on-profile`) in the order the profiles are named, then the environment variables Spring
 * binds, then the JVM's `-D` system properties, then `--name=value` program arguments (Spring Boot's order of
 * property sources, lowest first). Read by the Spring server,
 * the IBM MQ starter's factory and their stores, so all three see the same settings.
 * https://docs.spring.io/spring-boot/reference/features/external-config.html
 */
import type { JvmProperty } from '../parse/java/jvm-args';
import { springKey, type SpringConfigData } from '../parse/spring';
import type { Location, RelatedLocation } from '../core/types';
import type { Entry, ParsedDocument } from '../parse/types';
import type { PropertySource } from './java-shared';
import type { StartSources } from './spring-start';

export interface SpringSettings {
  /** The default profile's settings, with the file each came from. */
  base: { doc: ParsedDocument<SpringConfigData>; entry: Entry }[];
  /** The default profile's, then the active profiles', then the system properties'. */
  placed: { doc: ParsedDocument; entry: Entry }[];
  entries: Entry[];
  /** The file a setting came from. */
  doc: (entry: Entry) => ParsedDocument;
  /** What brought a setting in besides its own line (the `env_file:` naming its file), if anything. */
  via: (entry: Entry) => RelatedLocation[] | undefined;
  /** The setting of that name as Spring binds it (any relaxed spelling; the last placed wins), if set. */
  setting: (key: string) => Entry | undefined;
  /** How a setting's own line names it (`SERVER_SSL_KEY_STORE_PASSWORD`, `-Dserver.port`, a file's key), never its value. */
  nameAsWritten: (entry: Entry) => string;
  /**
   * Spring settings from the start files whose value is only known at run time (`-Dserver.ssl.enabled-protocols=$P`,
   * `SERVER_SSL_ENABLED=$TLS`, `--server.port=$PORT`); `written` is how the start file spells the setting.
   */
  unresolved: { doc: ParsedDocument; entry: Entry; written: string }[];
  /**
   * Whether the setting's highest-ranked source is one of those (`SERVER_SSL_ENABLED_PROTOCOLS: ${TLS}` of a Compose
   * service over the file's `server.ssl.enabled-protocols`): the value that runs is not the files' but unknown.
   */
  setAtRunTime: (key: string) => boolean;
  /** That start setting, when the setting's highest-ranked source is one whose value is only known at run time. */
  runTimeSetting: (key: string) => { doc: ParsedDocument; entry: Entry } | undefined;
  /** Files a Spring Cloud Config server serves to this app, each with the path it is read as here (./spring-config-server.ts). */
  servedAs: ReadonlyMap<ParsedDocument, string>;
  /**
   * The value of an environment variable a placeholder names (`${KEYSTORE_PASSWORD}`) as every start of the app sets
   * it, when the tree shows it (./kubernetes-app-stores.ts startsVariable); unset: no start says.
   */
  variable?: (name: string) => StartVariable | undefined;
}

/** An environment variable's value as the app's starts set it, where it is written and what brings it there. */
export interface StartVariable {
  value: string;
  at: Location;
  via: RelatedLocation[];
}

/** The path a file's relative and `classpath:` locations resolve from in this app: its own, or for a served file, the app's resources. */
export function readAsPath(settings: SpringSettings, doc: ParsedDocument): string {
  return settings.servedAs.get(doc) ?? doc.file.path;
}

/** The value of the setting written at `at` (a certificate's reference: where its setting's value starts), if one is. */
export function valueWrittenAt(settings: SpringSettings, at: Location | undefined): string | undefined {
  return settings.placed.find(
    ({ doc, entry }) =>
      at?.file === doc.file.path &&
      entry.valueRange.start.line === at.range?.start.line &&
      entry.valueRange.start.character === at.range.start.character,
  )?.entry.value;
}

/** The system properties Spring reads as the settings lint-deploy models (the HTTPS server, SSL bundles, the MQ, RabbitMQ and Kafka starters). */
// The start's settings the model reads (parse/java/spring-environment.ts SPRING_SETTING): `spring.datasource.url` for
// a MySQL server's TLS (./mysql-calls.ts).
const SPRING_PREFIXES = [
  'server.',
  'spring.ssl.',
  'ibm.mq.',
  'spring.rabbitmq.',
  'spring.kafka.',
  'spring.datasource.url',
].map(springKey);
const NO_START_SOURCES: StartSources = { systemProperties: [], environment: [], commandLine: [] };

/** A Spring setting of the start (environment, `-D`, argument), named as its line spells it. */
interface StartSetting {
  doc: ParsedDocument;
  name: string;
  written: string;
  via: RelatedLocation[] | undefined;
  unresolved: boolean;
  entry: Entry;
}

export function springSettings(
  docs: ParsedDocument<SpringConfigData>[],
  activeNames: readonly string[],
  { systemProperties, environment, commandLine }: StartSources = NO_START_SOURCES,
  servedAs: ReadonlyMap<ParsedDocument, string> = new Map(),
): SpringSettings {
  const base = docs.flatMap((doc) =>
    doc.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries.map((entry) => ({ doc, entry }))),
  );
  const ofProfile = (name: string) =>
    docs.flatMap((doc) =>
      doc.data.parts.filter((p) => p.profile === name).flatMap((p) => p.entries.map((entry) => ({ doc, entry }))),
    );
  // The environment's variables come between the files and the system properties, the arguments last. Pushed one by
  // one, not spread from `map`: an optimized `map` returns an array of another hidden class than the interpreter's,
  // and each spread of one recompiled this function (docs/performance.md, session 56).
  const fromJvm: StartSetting[] = [];
  const add = (sources: readonly PropertySource[], spelled: (property: JvmProperty) => string) => {
    for (const { doc, property, via } of sources) {
      if (!SPRING_PREFIXES.some((prefix) => springKey(property.name).startsWith(prefix))) continue;
      const name = spelled(property);
      fromJvm.push({
        doc,
        name,
        written: `${name}=${property.value}`,
        via,
        unresolved: property.unresolved,
        entry: {
          key: property.name,
          value: property.value,
          keyRange: property.nameRange,
          valueRange: property.valueRange,
          secret: property.secret,
        } satisfies Entry,
      });
    }
  };
  add(environment, (p) => p.via ?? p.name);
  add(systemProperties, (p) => `-D${p.name}`);
  add(commandLine, (p) => `--${p.name}`);
  const fromFiles = [...base, ...activeNames.flatMap(ofProfile)];
  const placed: SpringSettings['placed'] = [...fromFiles];
  for (const { doc, entry, unresolved } of fromJvm) if (!unresolved) placed.push({ doc, entry });
  const docOf = new Map(placed.map((p) => [p.entry, p.doc]));
  const doc = (entry: Entry) => docOf.get(entry) as ParsedDocument;
  const unresolved = fromJvm.filter((p) => p.unresolved).map(({ doc, entry, written }) => ({ doc, entry, written }));
  // Each setting by its uniform name, once: the server, the MQ factory and the stores each ask a dozen names.
  const byKey = new Map(placed.map((p) => [springKey(p.entry.key), p.entry]));
  const setting = (key: string) => byKey.get(springKey(key));
  const startNames = new Map(fromJvm.map((p) => [p.entry, p.name]));
  const nameAsWritten = (entry: Entry) => startNames.get(entry) ?? entry.key;
  const viaOf = new Map(fromJvm.filter((p) => p.via).map((p) => [p.entry, p.via]));
  const via = (entry: Entry) => viaOf.get(entry);
  // Ranked as Spring ranks them (files, then the start's environment, -D, arguments): the last source of a key decides.
  const decidedAtRunTime = new Map<string, { doc: ParsedDocument; entry: Entry } | undefined>();
  for (const { entry } of fromFiles) decidedAtRunTime.set(springKey(entry.key), undefined);
  for (const p of fromJvm) decidedAtRunTime.set(springKey(p.entry.key), p.unresolved ? p : undefined);
  const runTimeSetting = (key: string) => decidedAtRunTime.get(springKey(key));
  const setAtRunTime = (key: string) => runTimeSetting(key) !== undefined;
  // By push too: the Java contributor's readers of `entries` (the RabbitMQ end's `some`) were compiled again for the
  // holey array an optimized `map` returns (docs/performance.md, session 57).
  const entries: Entry[] = [];
  for (const p of placed) entries.push(p.entry);
  return {
    base,
    placed,
    entries,
    doc,
    via,
    setting,
    nameAsWritten,
    unresolved,
    setAtRunTime,
    runTimeSetting,
    servedAs,
  };
}

/** The Spring configuration files among a component's documents. */
export function springDocuments(documents: readonly ParsedDocument[]): ParsedDocument<SpringConfigData>[] {
  return documents.filter((d): d is ParsedDocument<SpringConfigData> => d.kind.startsWith('spring.'));
}

/** `server.ssl.bundle`, `spring.ssl.bundle.*` and every other `….ssl.bundle` / `….ssl-bundle` setting, in any relaxed spelling. */
const SSL_BUNDLE_SETTING = /^spring\.ssl\.bundle\.|(^|\.)ssl\.?bundle$/;

/**
 * The settings as a Spring Boot release before SSL bundles binds them (knowledge spring-boot.json sslBundles): no
 * bundle setting is a property there (Boot ignores unknown ones), so nothing reads `server.ssl.bundle`,
 * `spring.ssl.bundle.*` or a starter's `….ssl.bundle`.
 */
export function withoutSslBundles(settings: SpringSettings): SpringSettings {
  const bound = (entry: Entry) => !SSL_BUNDLE_SETTING.test(springKey(entry.key));
  const keep = <T extends { entry: Entry }>(list: T[]) => list.filter((p) => bound(p.entry));
  return {
    ...settings,
    base: keep(settings.base),
    placed: keep(settings.placed),
    entries: settings.entries.filter(bound),
    unresolved: keep(settings.unresolved),
    // The last placed spelling wins; when that one is a bundle setting, every other spelling of the key is one too.
    setting: (key) => {
      const entry = settings.setting(key);
      return entry && bound(entry) ? entry : undefined;
    },
  };
}
