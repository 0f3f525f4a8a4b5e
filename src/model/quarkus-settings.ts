/**
 * A Quarkus app's settings as the packaged app reads them: its `application.properties|yaml` (read as Spring-shaped
 * files: src/parse/spring.ts, ordinal 250) under the environment variables (300) and `-D` system properties (400) of
 * its starts (a Dockerfile's ENV, a Compose service's or Kubernetes container's environment, JVM options). A setting
 * of a higher source wins over a profile's setting of a lower one: `QUARKUS_HTTP_SSL_PROTOCOLS` over
 * `%prod.quarkus.http.ssl.protocols` in application.properties.
 * https://quarkus.io/guides/config-reference#configuration-sources
 * https://quarkus.io/guides/config-reference#environment-variables
 */
import { listItems, type SpringConfigData } from '../parse/spring';
import type { Entry, ParsedDocument } from '../parse/types';
import type { PropertySource } from './java-shared';
import { startSetting, type StartSources } from './spring-start';
import { PLACEHOLDER } from './store-files';
import {
  inWorkingDirectory,
  NO_WORKING_DIRECTORY,
  onClassPathConfigDirectory,
  type WorkingDirectory,
} from './quarkus-working-directory';

/** One Quarkus setting: its name without a `%profile.` prefix, and the profiles it is written for (none: every one). */
export interface QuarkusEntry {
  doc: ParsedDocument;
  entry: Entry;
  name: string;
  profiles?: string[];
  /** Set for a start's setting whose value only the run knows (`QUARKUS_HTTP_SSL_PROTOCOLS: ${TLS}`, starts that differ). */
  unresolved?: true;
  /** Why the run decides it, when not its value: a working-directory file the run may not read. */
  why?: string;
}

/** The profiles a packaged app never runs with (`quarkus dev`, `mvn test`). */
export const NOT_RUN = new Set(['dev', 'test']);
const PROFILED = /^%([\w,-]+)\.(.+)$/;
/** A Quarkus setting that decides the HTTPS server (its port, its TLS source, the TLS itself). */
const DECIDING = /^quarkus\.(?:http\.ssl\.|http\.ssl-port$|http\.tls-configuration-name$|tls\.)/;

/**
 * A property as an environment variable names it: upper case, every other character `_` (`%prod.` → `_PROD_`). A
 * quoted name's quotes give `__` (`quarkus.tls."my-tls".…` → `QUARKUS_TLS__MY_TLS__…`), which matches the unquoted
 * name too: runs of `_` inside the name compare as one.
 * https://quarkus.io/guides/config-reference#environment-variables
 */
const variableForm = (name: string) =>
  name
    .replace(/[^A-Za-z0-9]/g, '_')
    .toUpperCase()
    .replace(/(?!^)_{2,}/g, '_');

/** A setting in the `quarkus.` namespace, of every profile or of some (`%prod.quarkus.…`). */
const QUARKUS_SETTING = /^(?:%[\w,-]+\.)?quarkus\./;

/** Whether a configuration file is a Quarkus app's: it sets a setting in the `quarkus.` namespace. */
export const setsQuarkus = (doc: Pick<ParsedDocument, 'entries'>) =>
  doc.entries.some((e) => QUARKUS_SETTING.test(e.key));

/** Whether the app's configuration files are Quarkus's: a setting in the `quarkus.` namespace. */
export const isQuarkus = (docs: readonly ParsedDocument<SpringConfigData>[]) => docs.some(setsQuarkus);

/** The namespaces of a start's settings a Quarkus app reads here: its own, and its Kafka clients' (./kafka-quarkus.ts). */
const READ_FROM_STARTS = /^(?:%[\w,-]+\.)?(?:quarkus|kafka|mp\.messaging)\./;

/** A start's settings keyed by their variable form: `-Dquarkus.http.ssl-port` and `QUARKUS_HTTP_SSL_PORT` alike. */
const quarkusForms = (sources: readonly PropertySource[]) =>
  sources
    .filter((s) => READ_FROM_STARTS.test(s.property.name))
    .map((s) => ({ ...s, property: { ...s.property, name: variableForm(s.property.name) } }));

function startByVariableForm(start: StartSources): StartSources {
  const quarkus = quarkusForms;
  return {
    // Quarkus reads no `--name=value` program arguments as configuration.
    commandLine: [],
    systemProperties: quarkus(start.systemProperties),
    environment: quarkus(start.environment),
    ...(start.starters && { starters: start.starters }),
  };
}

/**
 * The start's levels, as SmallRye Config ranks them: `-D` system properties (400), the environment (300), then the
 * working directory's `.env` (295, read as environment variables: DotEnvConfigSourceProvider).
 */
type StartLevel = 'systemProperties' | 'environment' | 'dotEnv';
const START_ORDINALS: [StartLevel, number][] = [
  ['systemProperties', 400],
  ['environment', 300],
  ['dotEnv', 295],
];

/**
 * A file's ordinal: `application.yaml|yml` (quarkus-config-yaml, 255) over `application.properties` (250) on the class
 * path; the working directory's `config/` ones (265, 260) over both. quarkusio/quarkus core/runtime
 * ApplicationPropertiesConfigSourceLoader.java@83c29d6, extensions/config-yaml ApplicationYamlConfigSourceLoader.java@0eb4b3a.
 */
function fileOrdinal(e: QuarkusEntry): number {
  const yaml = /\.ya?ml$/i.test(e.doc.file.path) ? 5 : 0;
  return (inWorkingDirectory(e.doc.file.path) ? 260 : 250) + yaml;
}

export class QuarkusSettings {
  readonly entries: QuarkusEntry[];
  /** The running profiles as written (`prod`, `prod,fips`). */
  readonly active: string;
  /** Each running profile, the one that wins first: the last written (`fips` of `prod,fips`). */
  private readonly profiles: string[];
  private readonly start: StartSources & { dotEnv: readonly PropertySource[] };
  private readonly workingDirectory: WorkingDirectory;

  constructor(
    docs: readonly ParsedDocument<SpringConfigData>[],
    start: StartSources,
    workingDirectory: WorkingDirectory = NO_WORKING_DIRECTORY,
  ) {
    this.workingDirectory = workingDirectory;
    // Working-directory files the tree shows the run does not read are no sources.
    const dotEnv = workingDirectory.dotEnv.filter((s) => workingDirectory.read(s.doc.file.path) !== false);
    this.start = { ...startByVariableForm(start), dotEnv: quarkusForms(dotEnv) };
    // Quarkus reads application.properties|yaml at the class path's root only, not Spring's classpath:/config/.
    const read = docs.filter(
      (doc) =>
        !onClassPathConfigDirectory(doc.file.path) &&
        !(inWorkingDirectory(doc.file.path) && workingDirectory.read(doc.file.path) === false),
    );
    this.entries = read.flatMap((doc) =>
      doc.data.parts.flatMap((part) =>
        part.entries.map((entry) => {
          const m = PROFILED.exec(entry.key);
          // A profile file (`application-prod.properties`) is its profile's, as a `%prod.` prefix is.
          const profiles = m ? m[1]!.split(',') : part.profile ? [part.profile] : undefined;
          return { doc, entry, name: (m ? m[2]! : entry.key).replace(/^"|"$/g, ''), ...(profiles && { profiles }) };
        }),
      ),
    );
    const chosen = this.highest('quarkus.profile', undefined)?.at;
    this.active =
      chosen && !chosen.unresolved && !PLACEHOLDER.test(chosen.entry.value) ? chosen.entry.value.trim() : 'prod';
    // Several profiles: the last has priority (smallrye-config ProfileConfigSourceInterceptor reverses the list).
    this.profiles = listItems(this.active).reverse();
  }

  private applies(e: QuarkusEntry): boolean {
    return !e.profiles || e.profiles.some((p) => this.profiles.includes(p));
  }

  /** A variable form without the running profile's `_PROFILE_` prefix (`_PROD_QUARKUS_…` → `QUARKUS_…`). */
  private unprofiled(form: string): string {
    const running = this.profiles.map((p) => `_${variableForm(p)}_`).find((r) => form.startsWith(r));
    return running ? form.slice(running.length) : form;
  }

  /**
   * The start's setting of that form at one level (`-D` system properties or the environment), as a QuarkusEntry at the
   * place that sets it: keyed as the start writes it (`QUARKUS_HTTP_SSL_PROTOCOLS`, `-Dquarkus.http.ssl.protocols`).
   */
  private fromStart(name: string, profile: string | undefined, level: StartLevel): QuarkusEntry | undefined {
    const form = variableForm(profile ? `%${profile}.${name}` : name);
    // One level at a time; the .env has no starts of its own.
    const decided = startSetting(
      form,
      level === 'dotEnv'
        ? { systemProperties: this.start.dotEnv, environment: [], commandLine: [] }
        : { ...this.start, systemProperties: [], environment: [], [level]: this.start[level] },
    );
    if (decided === 'not set') return undefined;
    const source =
      decided === 'unknown' ? this.start[level].filter((s) => s.property.name === form).at(-1) : decided.source;
    if (!source) return undefined;
    const { property } = source;
    return {
      doc: source.doc,
      entry: {
        key: (level !== 'systemProperties' && property.via) || `-D${profile ? `%${profile}.` : ''}${name}`,
        value: property.value,
        keyRange: property.nameRange,
        valueRange: property.valueRange,
        secret: property.secret,
      },
      name,
      ...(profile && { profiles: [profile] }),
      ...((decided === 'unknown' || property.unresolved) && { unresolved: true as const }),
    };
  }

  /** The setting of the source of the highest ordinal that sets it, for the profile given (undefined: unprofiled). */
  private highest(
    name: string,
    profile: string | undefined,
    counted: (e: QuarkusEntry) => boolean = () => true,
  ): { ordinal: number; at: QuarkusEntry } | undefined {
    for (const [level, ordinal] of START_ORDINALS) {
      const at = this.fromStart(name, profile, level);
      if (at && counted(at)) return { ordinal, at };
    }
    const found = this.entries.filter(
      (e) => e.name === name && (profile ? e.profiles?.includes(profile) : !e.profiles) && counted(e),
    );
    const ordinal = Math.max(...found.map(fileOrdinal));
    const at = found.filter((e) => fileOrdinal(e) === ordinal).at(-1);
    return at && { ordinal, at };
  }

  /**
   * The setting Quarkus reads: the running profile's (`%prod.x`) from the highest source that sets it, unless a source of
   * a higher ordinal sets `x` itself (SmallRye Config's ProfileConfigSourceInterceptor: a `-Dquarkus.x` (400) over a
   * `_PROD_QUARKUS_X` variable (300), which is over `quarkus.x` in a file (250); in one source the profile's wins).
   */
  get(name: string): QuarkusEntry | undefined {
    const chosen = this.pick(name);
    const read = chosen && this.readByRun(chosen);
    if (!chosen || read !== undefined) return chosen;
    // A working-directory file the run may not read: known only when the value is the same without it.
    const without = this.pick(name, (e) => this.readByRun(e) === true);
    if (without && without.entry.value.trim() === chosen.entry.value.trim()) return without;
    const file = chosen.doc.file.path;
    return {
      ...chosen,
      unresolved: true,
      why: `${name} is set in ${file.split(/[\\/]/).slice(-2).join('/')}, which Quarkus reads only when the app runs from its directory`,
    };
  }

  private pick(name: string, counted?: (e: QuarkusEntry) => boolean): QuarkusEntry | undefined {
    // The first running profile that sets it, from any source, is the profile's value.
    let profiled: ReturnType<QuarkusSettings['highest']>;
    for (const profile of this.profiles) if ((profiled = this.highest(name, profile, counted))) break;
    const plain = this.highest(name, undefined, counted);
    if (!profiled || !plain) return (profiled ?? plain)?.at;
    return plain.ordinal > profiled.ordinal ? plain.at : profiled.at;
  }

  /** Whether the run reads the source of a setting: a working-directory file (a .env, config/) when the tree says. */
  private readByRun(e: QuarkusEntry): boolean | undefined {
    const file = e.doc.file.path;
    const fromDotEnv = this.start.dotEnv.some((s) => s.doc === e.doc);
    return fromDotEnv || inWorkingDirectory(file) ? this.workingDirectory.read(file) : true;
  }

  /** A list setting: `a,b` or YAML's `name[0]`, `name[1]`, of the level that wins. */
  list(name: string): { values: string[]; at: QuarkusEntry } | undefined {
    const direct = this.get(name);
    if (direct && !this.entries.includes(direct)) return { values: listItems(direct.entry.value), at: direct };
    const indexed = this.entries.filter(
      (e) => this.applies(e) && /^\[\d+\]$/.test(e.name.slice(name.length)) && e.name.startsWith(name),
    );
    const profiled = indexed.filter((e) => e.profiles);
    const items = profiled.length > 0 ? profiled : indexed;
    if (items.length > 0 && (!direct || (profiled.length > 0 && !direct.profiles)))
      return { values: items.map((e) => e.entry.value.trim()).filter(Boolean), at: items[0]! };
    return direct ? { values: listItems(direct.entry.value), at: direct } : undefined;
  }

  /** Names matching a pattern among the files' settings that apply. */
  namesMatching(pattern: RegExp): string[] {
    return [...new Set(this.entries.filter((e) => this.applies(e) && pattern.test(e.name)).map((e) => e.name))].sort();
  }

  /**
   * What a pattern captures in the variable forms the starts and the .env set, for every profile or the running one
   * (`KEY_STORE_PEM_(\w+)_CERT` of `QUARKUS_TLS_KEY_STORE_PEM_0_CERT`): a map's keys only variables give.
   */
  startKeys(prefix: string, pattern: RegExp): string[] {
    const start = variableForm(prefix);
    const keys = [...this.start.systemProperties, ...this.start.environment, ...this.start.dotEnv].flatMap((s) => {
      const name = this.unprofiled(s.property.name);
      const m = name.startsWith(start) ? pattern.exec(name.slice(start.length)) : null;
      return m?.[1] ? [m[1]] : [];
    });
    return [...new Set(keys)].sort();
  }

  /** Whether a start sets a variable of that form for the running profile (`QUARKUS_TLS_KEY_STORE_P12_PATH`). */
  startSets(form: RegExp): boolean {
    return [...this.start.systemProperties, ...this.start.environment].some((s) =>
      form.test(this.unprofiled(s.property.name)),
    );
  }

  /** Settings of profiles the tree does not show active (not the running one, not dev or test) that decide the server. */
  undecided(): QuarkusEntry[] {
    return this.entries.filter(
      (e) => e.profiles && !this.applies(e) && DECIDING.test(e.name) && e.profiles.some((p) => !NOT_RUN.has(p)),
    );
  }
}
