import { lazy } from '../core/lazy';
import type { RunMemo } from '../core/run-memo';
import type { JdkVendorFamily } from './types';
import { parseJavaVersion } from './version';

type JdkLocationsData = typeof import('./data/jdk-locations.json');
/**
 * The data, required on first use (scripts/build.mjs makes it a chunk of its own, dist/chunks/jdk-locations.js): a
 * tree that names no image, install path, package or JVM option variable never reads or evaluates it.
 */
export const jdkLocationFacts = lazy(() => require('./data/jdk-locations.json') as JdkLocationsData);

/** A JDK named by an image reference or an install path (src/knowledge/data/jdk-locations.json). */
export interface NamedJdk {
  vendor: JdkVendorFamily;
  /** The Java version when the name carries the update (`1.8.0_202-b08`, `11.0.23+9`), else undefined. */
  version?: string;
  /** The feature release when the name carries at least that (`17`). */
  feature?: string;
  source: string;
  confidence: 'verified' | 'inferred';
  note?: string;
  /**
   * Set (to its source) when a name giving only the feature release runs one of its general-availability updates,
   * never an early-access build: what lets the feature's defaults apply when every update has the same.
   */
  gaUpdates?: string;
  /** With `gaUpdates`: the first update of `feature` the name ever carried (eclipse-temurin:8 started at 8u302). */
  firstUpdate?: number;
  /**
   * For a name giving the feature only: the updates it has pointed to, first to last (`openjdk:8`: 8u20 to 8u342; 0 is
   * the GA), where a source gives them (featureNamesUpdateRanges; featureNamesFirstUpdates gives a first, no last).
   */
  updateRange?: UpdateRange;
}

/** The updates of a feature release a floating image tag has pointed to; `last` undefined while it still moves. */
export interface UpdateRange {
  first: number;
  last?: number;
  /** The tag also ran early-access builds (before the GA, or of an update), whose defaults no profile gives. */
  earlyAccess?: boolean;
  source: string;
}

interface TagRule {
  pattern: string;
  version?: string;
  feature?: string;
  vendor?: string;
  /** The image's featureNamesGaUpdates for this tag family only (maven:3-eclipse-temurin-17, not maven:3-openjdk-17). */
  featureNamesGaUpdates?: string;
}

// The data's patterns are compiled on first use (lazy): a ClearTrust tree, which names no image, install path or
// package, compiles none of them.
const images = lazy(() =>
  jdkLocationFacts().images.map((image) => ({
    ...image,
    repository: new RegExp(image.repository),
    tags: (image.tags as TagRule[]).map((t) => ({ ...t, regex: new RegExp(t.pattern) })),
  })),
);
const paths = lazy(() => jdkLocationFacts().paths.map((entry) => ({ ...entry, regex: new RegExp(entry.pattern) })));

/** `{group}` of a template from the named groups, or undefined when one of them did not match. */
function fill(template: string | undefined, groups: Record<string, string | undefined>): string | undefined {
  if (!template) return undefined;
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = groups[name];
    if (!value) complete = false;
    return value ?? '';
  });
  return complete ? text : undefined;
}

/** Splits `registry:5000/ns/name:tag@sha256:…` into the name and the tag (`latest` when absent). */
export function splitImageReference(reference: string): { name: string; tag: string } {
  const [withoutDigest = ''] = reference.split('@'); // split always gives at least one part
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash
    ? { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) }
    : { name: withoutDigest, tag: 'latest' };
}

/**
 * The JDK an image runs, from its name and tag; undefined when the image is not one lint-deploy knows. `memo`: the
 * run's (one answer per image a run, read-only).
 */
export function jdkFromImage(reference: string, memo?: RunMemo): NamedJdk | undefined {
  if (memo) return memo.get('jdkFromImage', reference, () => jdkFromImage(reference));
  const { name, tag } = splitImageReference(reference.toLowerCase());
  for (const image of images()) {
    const repository = image.repository.exec(name);
    if (!repository) continue;
    const base = {
      source: image.source,
      confidence: image.confidence as NamedJdk['confidence'],
      note: image.note,
      gaUpdates: image.featureNamesGaUpdates,
    };
    for (const rule of image.tags) {
      const m = rule.regex.exec(tag);
      if (!m) continue;
      const groups = { ...repository.groups, ...m.groups };
      const feature = groups.feature || rule.feature;
      const version = fill(rule.version, groups);
      const first = version ? undefined : image.featureNamesFirstUpdates?.find((f) => String(f.feature) === feature);
      const range = version
        ? undefined
        : (
            image as { featureNamesUpdateRanges?: (UpdateRange & { feature: number })[] }
          ).featureNamesUpdateRanges?.find((f) => String(f.feature) === feature);
      const updateRange = range
        ? {
            first: range.first,
            last: range.last,
            ...(range.earlyAccess ? { earlyAccess: true } : {}),
            source: range.source,
          }
        : first && { first: first.update, source: first.source };
      return {
        ...base,
        gaUpdates: rule.featureNamesGaUpdates ?? base.gaUpdates,
        vendor: (rule.vendor ?? image.vendor) as JdkVendorFamily,
        version,
        feature,
        ...(first ? { firstUpdate: first.update } : {}),
        ...(updateRange ? { updateRange } : {}),
      };
    }
    return { ...base, vendor: image.vendor as JdkVendorFamily, feature: repository.groups?.feature };
  }
  return undefined;
}

/**
 * The JDK an install path names (a JAVA_HOME value or a `…/bin/java` command); undefined when unknown. `memo`: the
 * run's (one answer per path a run, read-only).
 */
export function jdkFromPath(installPath: string, memo?: RunMemo): NamedJdk | undefined {
  if (memo) return memo.get('jdkFromPath', installPath, () => jdkFromPath(installPath));
  return firstNamed(paths(), installPath);
}

/** A row of `paths` or `archives`: a pattern whose named groups fill the version template. */
interface NamingRule {
  regex: RegExp;
  vendor: string;
  version?: string;
  source: string;
  confidence: string;
  note?: string;
  featureNamesGaUpdates?: string;
}

/** The JDK the first rule matching `text` names; undefined when none does. */
function firstNamed(rules: readonly NamingRule[], text: string): NamedJdk | undefined {
  for (const entry of rules) {
    const m = entry.regex.exec(text);
    if (!m) continue;
    const groups = m.groups ?? {};
    return {
      vendor: entry.vendor as JdkVendorFamily,
      version: fill(entry.version, groups),
      feature: groups.feature,
      source: entry.source,
      confidence: entry.confidence as NamedJdk['confidence'],
      note: entry.note,
      gaUpdates: entry.featureNamesGaUpdates,
    };
  }
  return undefined;
}

const packages = lazy(() =>
  jdkLocationFacts().packages.map((entry) => ({ ...entry, regex: new RegExp(entry.pattern) })),
);

/** The JDK an operating system package installs (`openjdk-17-jre-headless`, `java-17-openjdk`); undefined when unknown. */
export function jdkFromPackage(name: string): NamedJdk | undefined {
  const bare = name.replace(/=.*$/, '');
  for (const entry of packages()) {
    const m = entry.regex.exec(bare);
    if (!m) continue;
    return {
      vendor: entry.vendor as JdkVendorFamily,
      feature: m.groups?.feature,
      source: entry.source,
      confidence: entry.confidence as NamedJdk['confidence'],
      note: entry.note,
    };
  }
  return undefined;
}

const archives = lazy(() =>
  jdkLocationFacts().archives.map((entry) => ({ ...entry, regex: new RegExp(entry.pattern) })),
);

/**
 * The JDK a JDK archive's file name gives (`openjdk-11+28_linux-x64_bin.tar.gz`, `jdk-8u202-linux-x64.tar.gz`: data
 * `archives`, each vendor's naming scheme); undefined for any other file. A name without an update gives the feature.
 */
export function jdkFromArchive(fileName: string): NamedJdk | undefined {
  return firstNamed(archives(), fileName);
}

/** An environment variable the JDK reads JVM options from (data: `optionVariables`). */
export interface JvmOptionVariable {
  variable: string;
  /** `jvm`: the VM reads it however it is started; `launcher`: only the `java` command. */
  reader: 'jvm' | 'launcher';
  /** The order the JVM applies options in (the command line is {@link COMMAND_LINE_ORDER}): a later one wins. */
  order: number;
  /** The first feature release that reads it. */
  sinceFeature?: number;
  source: string;
}

/** Where the command line's own options come among the option variables. */
export const COMMAND_LINE_ORDER = 2;

const optionVariables = lazy((): JvmOptionVariable[] =>
  jdkLocationFacts().optionVariables.map((v) => ({
    variable: v.variable,
    reader: v.reader === 'launcher' ? 'launcher' : 'jvm',
    order: v.order,
    ...(v.sinceFeature !== undefined && { sinceFeature: v.sinceFeature }),
    source: v.source,
  })),
);

/** The option variable of that name (`JAVA_TOOL_OPTIONS`), or undefined for any other (`JAVA_OPTS`: scripts read it). */
export function jvmOptionVariable(name: string | undefined): JvmOptionVariable | undefined {
  return optionVariables().find((v) => v.variable === name);
}

/**
 * Whether a JDK of that version (as written) reads the option variable: true for one every JDK reads, false for a
 * launcher variable older JDKs do not read, undefined when the version is unknown and that decides it.
 */
export function readsOptionVariable(variable: JvmOptionVariable, version: string | undefined): boolean | undefined {
  if (variable.sinceFeature === undefined) return true;
  const parsed = version ? parseJavaVersion(version) : undefined;
  return parsed ? parsed.feature >= variable.sinceFeature : undefined;
}

/** Where the JDK of an image keeps the files an image may replace, relative to its JAVA_HOME (data: `homeLayouts`). */
interface JdkHomeFiles {
  /** The trust store the JDK uses when nothing names another (`lib/security/cacerts`). */
  cacerts: string;
  /** The security properties file (`conf/security/java.security`). */
  javaSecurity: string;
  source: string;
}

const imageHomes = lazy(() =>
  jdkLocationFacts().imageHomes.map((entry) => ({
    repository: new RegExp(entry.repository),
    tags: new RegExp(entry.tags),
    home: entry.javaHome,
    image: 'image' in entry ? entry.image : undefined,
    ownCacertsSource: 'ownCacerts' in entry ? entry.ownCacerts?.source : undefined,
  })),
);

/**
 * The image-home entry of an image (data: `imageHomes`), its home's `{feature}` filled from the tag
 * (`/usr/java/openjdk-{feature}` for openjdk:21), or undefined when no source names its home.
 */
function imageHomeOf(reference: string) {
  const { name, tag } = splitImageReference(reference.toLowerCase());
  for (const entry of imageHomes()) {
    const m = entry.repository.test(name) ? entry.tags.exec(tag) : null;
    const home = m ? fill(entry.home, m.groups ?? {}) : undefined;
    if (home) return { ...entry, home };
  }
  return undefined;
}

/**
 * The JDK an image runs and where its home keeps cacerts and java.security: the feature release its name gives, and
 * for JDK 8 whether the tag names a JRE or a JDK (`8-jre`, `8u202-b08-jdk`; a JDK 8 keeps them under `jre/`), else whether
 * the image's JAVA_HOME is a JRE (`ibmjava:8-sdk`: /opt/ibm/java/jre).
 * Undefined when the image is not one lint-deploy knows, or its feature (or, for JDK 8, which of the two) is unknown.
 * `memo`: the run's; a fleet names the same few images in every environment, and its Dockerfiles are asked this
 * by the runtimes, the image edits, the cacerts and a rule each: one answer per image a run (read-only).
 */
export function jdkHomeFilesOfImage(reference: string, memo?: RunMemo): JdkHomeFiles | undefined {
  if (memo) return memo.get('jdkHomeFilesOfImage', reference, () => jdkHomeFilesOfImage(reference));
  const named = jdkFromImage(reference);
  const feature = named && (parseJavaVersion(named.version ?? '')?.feature ?? Number(named.feature ?? NaN));
  if (feature === undefined || Number.isNaN(feature)) return undefined;
  const { tag } = splitImageReference(reference.toLowerCase());
  // A tag that says neither: what the source says of the image's JAVA_HOME (the official jenkins image's Debian JDK),
  // else whether it is a JRE directory (ibmjava's /opt/ibm/java/jre, sdk too).
  const home = /jre|jdk/.test(tag) ? undefined : imageHomeOf(reference);
  const kind = /jre/.test(tag)
    ? 'jre'
    : /jdk/.test(tag)
      ? 'jdk'
      : (home?.image ?? (home?.home.endsWith('/jre') ? 'jre' : undefined));
  const layout = jdkLocationFacts().homeLayouts.find(
    (l) =>
      feature >= (l.fromFeature ?? 0) && feature <= (l.toFeature ?? Infinity) && (!('image' in l) || l.image === kind),
  );
  return layout && { cacerts: layout.cacerts, javaSecurity: layout.javaSecurity, source: layout.source };
}

/** The JAVA_HOME an image sets (data: `imageHomes`); undefined when no source says. */
export function imageJavaHome(reference: string): string | undefined {
  return imageHomeOf(reference)?.home;
}

/**
 * Where a source says the JDK of an image keeps its own cacerts, linked to no system Java store (data: `imageHomes`
 * `ownCacerts`); undefined when no source says (a JDK installed from the distribution's packages may read one).
 */
export function ownCacertsSourceOf(reference: string): string | undefined {
  return imageHomeOf(reference)?.ownCacertsSource;
}

/** The module a jlinked runtime needs for elliptic-curve cryptography (SunEC), for JDKs that keep it out of java.base. */
interface EcProviderModule {
  module: string;
  /** The first feature release with the module (jlink came with JDK 9). */
  fromFeature: number;
  /** From this feature release java.base holds the provider: a runtime of any modules has it. */
  inJavaBaseFromFeature: number;
  source: string;
}

export function jlinkEcProvider(): EcProviderModule {
  const { module, fromFeature, inJavaBaseFromFeature, source } = jdkLocationFacts().jlinkEcProvider;
  return { module, fromFeature, inJavaBaseFromFeature, source };
}

/** How keytool reads a PEM certificate whose byte order mark stands right before its BEGIN line (data/jdk-locations.json). */
interface KeytoolPemMark {
  /** The first feature release whose keytool reads such a file; earlier ones refuse it. */
  readsFromFeature: number;
  /** What keytool -importcert prints when it refuses it. */
  failure: string;
  source: string;
}

export function keytoolPemByteOrderMark(): KeytoolPemMark {
  const { readsFromFeature, failure, source } = jdkLocationFacts().keytoolPemByteOrderMark;
  return { readsFromFeature, failure, source };
}
