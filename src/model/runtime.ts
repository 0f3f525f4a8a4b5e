import type { DockerfileJlinkRuntime } from './dockerfile-jlink';
import * as path from 'node:path';
import { parseJavaVersion, vendorFromRelease } from '../knowledge';
import type { LintConfig } from '../core/config';
import type { RunMemo } from '../core/run-memo';
import { DirectoryTree } from '../core/dir-tree';
import { countWork } from '../core/work';
import { securityFileName, type JdkReleaseData } from '../parse/jdk';
import type { JvmOptionsData } from '../parse/java/jvm-args';
import type { Entry, ParsedDocument } from '../parse/types';
import type { JavaRuntime, JdkVendorFamily, RuntimeAttachment, Traced } from './types';
import { entryLocation } from '../parse/types';
import { namedRuntimes, shortPath, type ScopedRuntime } from './runtime-named';
import type { DockerfileData } from '../parse/dockerfile';
import { securityFilesCopiedOverJdk } from './runtime-security-copies';
import type { ImageFiles } from '../parse/image-files';
import type { MisplacedHomeCopy } from './deployment-records';
import { dockerfileJavaEvidence } from './dockerfile-java';

export type { ScopedRuntime } from './runtime-named';

const SECURITY_SUFFIX = /([\\/]jre)?[\\/](lib|conf)[\\/]security$/;

/**
 * Finds the JDKs a tree holds or names: each `release` file is a JDK home, each `java.security`
 * belongs to the JDK home it sits in (`<home>/conf/security`, `<home>/jre/lib/security`) or, alone,
 * stands for an unknown JDK whose security properties are overridden; Dockerfile `FROM` images and
 * `JAVA_HOME`/`…/bin/java` paths in start scripts and systemd units name JDKs (src/model/runtime-named.ts).
 * `images`: where the Dockerfiles put the tree's files, and their copies into a JDK home where the JDK does not read
 * them (the model's, found once).
 */
export function findRuntimes(
  documents: ParsedDocument[],
  root: string,
  images: { files: ImageFiles; misplacedHomeFiles: readonly MisplacedHomeCopy[] },
  memo?: RunMemo,
  jlinked: readonly DockerfileJlinkRuntime[] = [],
): ScopedRuntime[] {
  const homes = new Map<string, { release?: ParsedDocument<JdkReleaseData>; security?: ParsedDocument }>();
  const loaded = overrideFileNames(documents);
  for (const doc of documents) {
    if (doc.kind === 'jdk.release') {
      // A release file under another name (a copy saved beside others: `jdk8u201_release`) is a JDK of its
      // own; keyed by its directory, several such copies in one directory would overwrite each other.
      const home = path.basename(doc.file.path) === 'release' ? path.dirname(doc.file.path) : doc.file.path;
      homes.set(home, { ...homes.get(home), release: doc as ParsedDocument<JdkReleaseData> });
    } else if (doc.kind === 'java.security') {
      const dir = path.dirname(doc.file.path);
      // A properties file under another name (`tls.security`) is an override loaded with
      // -Djava.security.properties, not a JDK: it changes the JDK that loads it.
      if (path.basename(doc.file.path) !== 'java.security' && !SECURITY_SUFFIX.test(dir)) continue;
      const home = SECURITY_SUFFIX.test(dir) ? dir.replace(SECURITY_SUFFIX, '') : dir;
      homes.set(home, { ...homes.get(home), security: doc });
    }
  }
  const copiedOverJdk = securityFilesCopiedOverJdk(documents, images.files, images.misplacedHomeFiles, memo);
  const imageBuildDirs = javaImageBuildDirs(documents);
  const runtimes: ScopedRuntime[] = [];
  // The JDKs whose release file the tree holds, by home: a Dockerfile may copy one into its image (./runtime-named.ts).
  const treeJdks = new Map<string, JavaRuntime>();
  for (const [home, { release, security }] of homes) {
    // A java.security an image copies over its JDK's is that JDK's (./image-security-copy.ts), no JDK of its own; nor
    // is one an image with a known JDK holds elsewhere.
    if (!release && security && copiedOverJdk.has(security.file.path)) continue;
    // A lone java.security beside a Dockerfile whose image runs Java and that names no java.security (efrozo23/poc-sicr:
    // a JDK master copy at the root, the image FROM fabric8/s2i-java): the image's JDK runs what this directory builds
    // and reads its own java.security; this file reaches no JDK, so it stands for none.
    if (!release && security && home === path.dirname(security.file.path) && imageBuildDirs.has(home)) continue;
    // A lone java.security that a start of the tree loads with -Djava.security.properties (tim-ref/messenger-proxy's
    // Dockerfile: COPY java.security /app, -Djava.security.properties==/app/java.security) changes the JDK that loads
    // it (src/model/jvm-runtime.ts); it is no JDK of its own.
    if (
      !release &&
      security &&
      !SECURITY_SUFFIX.test(path.dirname(security.file.path)) &&
      loaded.has(securityFileName(security.file.path))
    )
      continue;
    const runtime = runtimeFromFiles(release, security, root);
    if (release && home !== release.file.path) treeJdks.set(home, runtime);
    const scope =
      release && home === release.file.path
        ? path.dirname(home)
        : release || SECURITY_SUFFIX.test(path.dirname(security?.file.path ?? ''))
          ? path.dirname(home)
          : home;
    runtimes.push({ scope, runtime });
  }
  runtimes.push(...namedRuntimes(documents, root, memo, jlinked, treeJdks));
  return runtimes.sort(
    (a, b) => b.scope.length - a.scope.length || (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0),
  );
}

function runtimeFromFiles(
  release: ParsedDocument<JdkReleaseData> | undefined,
  security: ParsedDocument | undefined,
  root: string,
): JavaRuntime {
  const fileTraced = (doc: ParsedDocument, entry: Entry | undefined, value: string): Traced<string> =>
    entry
      ? { value, from: { kind: 'file', location: entryLocation(doc, entry, 'value') } }
      : { value, from: { kind: 'file', location: { file: doc.file.path } } };
  let version: Traced<string> = { value: '', from: { kind: 'default', origin: 'no JDK release file in the tree' } };
  let vendor: Traced<JdkVendorFamily> = {
    value: 'unknown',
    from: { kind: 'default', origin: 'no JDK release file in the tree' },
  };
  let implementorName: string | undefined;
  let attachment: RuntimeAttachment | undefined;
  if (release) {
    const entry = release.entries.find((e) => e.key === 'JAVA_VERSION');
    version = fileTraced(release, entry, entry?.value ?? '');
    const implementor = release.entries.find((e) => e.key === 'IMPLEMENTOR') ?? entry;
    vendor = { value: vendorFromRelease(release.data.fields), from: fileTraced(release, implementor, '').from };
    implementorName = release.data.fields.IMPLEMENTOR?.replace(/^"|"$/g, '').trim() || undefined;
    attachment = { text: `JDK from ${shortPath(release.file.path, root)}`, location: { file: release.file.path } };
  } else if (security) {
    attachment = {
      text: `JDK of unknown version whose java.security is ${shortPath(security.file.path, root)}`,
      location: { file: security.file.path },
    };
  }
  const securityProperties: Record<string, Traced<string>> = {};
  if (security) {
    for (const entry of security.entries) {
      securityProperties[entry.key] = {
        value: entry.value,
        from: { kind: 'file', location: entryLocation(security, entry, 'value') },
      };
    }
  }
  return {
    vendor,
    version,
    securityProperties,
    systemProperties: {},
    ...(implementorName ? { implementor: implementorName } : {}),
    attachment,
  };
}

/** A runtime declared by the user (`--java-version`, config `java` or `components[].java`). */
export function declaredRuntime(java: { version?: string; vendor?: string }, origin: string): JavaRuntime {
  return {
    version: { value: java.version ?? '', from: { kind: 'config', origin } },
    vendor: {
      value: java.vendor ? vendorFromRelease({ IMPLEMENTOR: java.vendor }) : 'openjdk',
      from: { kind: 'config', origin },
    },
    securityProperties: {},
    systemProperties: {},
    ...(java.vendor ? { implementor: java.vendor } : {}),
    attachment: { text: `JDK declared by ${origin}` },
  };
}

/** What a component is, when it changes which JDK runs it. */
export interface RuntimeRequest {
  /**
   * WebSphere traditional runs its own IBM SDK, never a JDK found elsewhere in the tree. The tree's own application
   * (its Spring Boot, MicroProfile or plain Java settings) is not run by an image that starts only its product.
   */
  product?: 'was-traditional' | 'application';
}

/** WebSphere traditional's own SDK when the tree does not say which: IBM SDK 8 (WAS 9.0 ships only Java 8). */
function websphereSdk(): JavaRuntime {
  const origin =
    'WebSphere traditional runs its own IBM SDK: Java 8 for WAS 9.0 (https://www.ibm.com/docs/en/was/9.0.5?topic=installation-java-sdk); its service refresh is not in the tree';
  return {
    vendor: { value: 'ibm', from: { kind: 'default', origin, confidence: 'inferred' } },
    version: { value: '', from: { kind: 'default', origin, confidence: 'inferred' } },
    securityProperties: {},
    systemProperties: {},
    attachment: {
      text: 'IBM SDK 8 of WebSphere traditional (its service refresh is not in the tree: declare it with config "components")',
    },
  };
}

/** A JDK named without its update is told apart by its feature release (ibmjava:8 and ibm-semeru-runtimes:open-17 too). */
const identity = (r: JavaRuntime) => `${r.vendor.value}|${r.version.value}|${r.attachment?.feature ?? ''}`;
const featureOf = (version: string) => String(parseJavaVersion(version)?.feature ?? '');
/** A JDK named without its update (`FROM eclipse-temurin:26` keeps the feature as its version when that tells its defaults). */
const withoutUpdate = (r: JavaRuntime) => !r.version.value || r.attachment?.feature !== undefined;

/**
 * The runtimes by scope: the nearest JDK to a file is found by walking its directory's segments, not by
 * comparing it with every runtime (O(components × JDKs) in one deployment that holds many environments).
 */
class RuntimeIndex {
  private readonly tree: DirectoryTree<ScopedRuntime>;

  constructor(runtimes: readonly ScopedRuntime[]) {
    this.tree = new DirectoryTree(runtimes, (r) => r.scope, path.sep);
  }

  /**
   * The JDK nearest to a file: the one whose directory shares the deepest ancestor with the file's,
   * and among those, one whose directory holds the file. A JDK anywhere in the deployment thus runs
   * every component without a nearer one (issue 13). Several different JDKs equally near: the JDK is
   * unknown, and the runtime lists the candidates (rule java/runtime-ambiguous). `holding`: only JDKs
   * whose directory holds the file.
   */
  nearest(file: string, holding = false, images?: ImagesHolding, application = false): JavaRuntime | undefined {
    const found = this.tree.lookup(path.dirname(file));
    const best = holding
      ? found.nearestHolders
      : found.holding.length
        ? found.holding
        : application
          ? runningApplications(found.nearest)
          : found.nearest;
    countWork('nearest JDK', best.length);
    return chooseRuntime(best, file, images);
  }
}

/** Which Dockerfiles' images hold a tree file: the deployment's ImageFiles (./store-files.ts), read when asked. */
export interface ImagesHolding {
  /** The Dockerfiles whose final image holds `file` (a COPY or ADD puts it there). */
  holding(file: string): string[];
  isDockerfile(file: string): boolean;
  /** The Dockerfile the nearest IBM Cloud cli-config.yml holding `file` builds the app's run container from. */
  runImage?(file: string): string | undefined;
}

/**
 * Among equally near JDKs none of whose directories holds an application's file, those of images that start an
 * application they are given (a jar copied in, `java -jar`) when there are any: an image that starts only its own
 * product runs no application of the tree (junhyeong9812/fream-back@05cb4e9: docker/Dockerfile copies the app's jar and
 * runs `java -jar`, docker/kafka/Dockerfile-kafka and Dockerfile-zookeeper start confluentinc/cp-kafka and cp-zookeeper).
 */
function runningApplications(nearest: ScopedRuntime[]): ScopedRuntime[] {
  if (!nearest.some((c) => c.image === 'starts-application')) return nearest;
  return nearest.filter((c) => c.image !== 'starts-product');
}

/**
 * Among equally near runtimes (in runtime order), the one that runs the file, or an unknown JDK naming them. When
 * every candidate is an image's JDK (a Dockerfile's `FROM`) and exactly one of those images holds the file (its COPY
 * puts it there: IBMStockTrader/trader@b1f7b03's Dockerfile copies src/main/liberty/config to /config, beside
 * Dockerfile-tools and Dockerfile.basicregistry built on other images), that image runs it.
 */
function chooseRuntime(nearest: ScopedRuntime[], file: string, images?: ImagesHolding): JavaRuntime | undefined {
  let best = nearest;
  if (best.length === 0) return undefined;
  // A name without an update (`FROM ibmjava:8`, `JAVA_HOME=/usr/lib/jvm/java-17-openjdk`) beside an install of
  // the same vendor (and feature) names that install: the install's release file says the rest.
  const installs = best.filter((c) => !withoutUpdate(c.runtime));
  const sameAsInstall = (c: ScopedRuntime) =>
    withoutUpdate(c.runtime) &&
    c.runtime.vendor.value !== 'unknown' &&
    installs.some(
      (i) =>
        i.runtime.vendor.value === c.runtime.vendor.value &&
        (!c.runtime.attachment?.feature || featureOf(i.runtime.version.value) === c.runtime.attachment.feature),
    );
  best = best.filter((c) => !sameAsInstall(c));
  // Each JDK by the first place that names it (a Dockerfile's own FROM before its siblings').
  const distinct = firstOfEachJdk(best);
  const [firstBest] = best;
  if (firstBest && distinct.length === 1)
    return best.find((c) => Object.keys(c.runtime.securityProperties).length > 0)?.runtime ?? firstBest.runtime;
  const imageOf = (c: ScopedRuntime) => {
    const at = c.runtime.attachment?.location?.file;
    return at !== undefined && images?.isDockerfile(at) ? at : undefined;
  };
  // The run container's Dockerfile that an IBM Cloud cli-config.yml names (`dockerfile-run`) runs the app, not its
  // tools container's nor another sibling's (IBMStockTrader/trader@b1f7b03: Dockerfile, Dockerfile-lang, Dockerfile-tools).
  const run = images?.runImage?.(file);
  const running = run ? firstOfEachJdk(best.filter((c) => imageOf(c) === run)) : [];
  if (running.length === 1 && running[0]) return running[0].runtime;
  if (images && best.every((c) => imageOf(c) !== undefined)) {
    const holders = new Set(images.holding(file));
    // Of the images that hold the file, every one's JDK: one JDK runs it only when they all run the same.
    const running = firstOfEachJdk(best.filter((c) => holders.has(imageOf(c) ?? '')));
    if (running.length === 1 && running[0]) return running[0].runtime;
  }
  const origin = `${distinct.length} JDKs are equally near: ${distinct.map((c) => c.runtime.attachment?.text ?? c.scope).join('; ')}`;
  return {
    vendor: { value: 'unknown', from: { kind: 'default', origin } },
    version: { value: '', from: { kind: 'default', origin } },
    securityProperties: {},
    systemProperties: {},
    attachment: { text: `JDK unknown: ${origin}` },
    candidates: distinct.map((c) => c.runtime.attachment ?? { text: c.scope }),
  };
}

/** Each JDK once, by the first place that names it (a Dockerfile's own `FROM` before its siblings'). */
function firstOfEachJdk(candidates: readonly ScopedRuntime[]): ScopedRuntime[] {
  const byIdentity = new Map<string, ScopedRuntime>();
  for (const c of candidates) if (!byIdentity.has(identity(c.runtime))) byIdentity.set(identity(c.runtime), c);
  return [...byIdentity.values()];
}

/**
 * The runtime for a file: the CLI's `--java-version` wins over everything;
 * then a config `components` entry whose glob matches; then the nearest JDK in
 * the tree (WebSphere traditional: its own SDK unless the JDK sits in its tree); then config `java`.
 * A declared version keeps the tree's java.security overrides (the user says which JDK, the tree
 * says how it is configured).
 */
export function makeRuntimeResolver(
  runtimes: ScopedRuntime[],
  config: LintConfig,
  matchComponent: (file: string) => { version?: string; vendor?: string } | undefined,
  cliJava?: { version?: string; vendor?: string },
  images?: () => ImagesHolding | undefined,
): (file: string, request?: RuntimeRequest) => JavaRuntime | undefined {
  const index = new RuntimeIndex(runtimes);
  return (file, request) => {
    const inTree =
      request?.product === 'was-traditional'
        ? (index.nearest(file, true, images?.()) ?? websphereSdk())
        : index.nearest(file, false, images?.(), request?.product === 'application');
    const component = matchComponent(file);
    const declared = cliJava?.version
      ? declaredRuntime(cliJava, '--java-version')
      : component?.version
        ? declaredRuntime(component, 'lint-deploy config "components"')
        : inTree && withoutUpdate(inTree) && config.java?.version
          ? declaredRuntime(config.java, 'lint-deploy config "java"')
          : undefined;
    if (declared) {
      return inTree
        ? {
            ...inTree,
            version: declared.version,
            vendor:
              cliJava?.vendor || component?.vendor || inTree.vendor.value === 'unknown'
                ? declared.vendor
                : inTree.vendor,
            attachment: declared.attachment,
            candidates: undefined,
          }
        : declared;
    }
    if (inTree) return inTree;
    return config.java?.version ? declaredRuntime(config.java, 'lint-deploy config "java"') : undefined;
  };
}

/** The file names the tree's JVM options load with -Djava.security.properties (`=`/`==`, `file:` URLs alike). */
function overrideFileNames(documents: readonly ParsedDocument[]): Set<string> {
  const names = new Set<string>();
  for (const doc of documents) {
    const properties = (doc.data as Partial<JvmOptionsData> | undefined)?.properties;
    if (!Array.isArray(properties)) continue;
    for (const p of properties)
      if (p.name === 'java.security.properties')
        names.add(securityFileName(p.value.replace(/^=/, '').replace(/^file:/, '')));
  }
  return names;
}

/** A java.security file named in a text (`COPY java.security …`, a Compose volume `./java.security:/opt/…`). */
const SECURITY_FILE_NAMED = /java\.security(?![\w.])/i;

/**
 * The directories holding a Dockerfile whose image runs Java (./dockerfile-java.ts) and whose text names no
 * java.security (no COPY, cp, sed or -Djava.security.properties of one), when no other file of the tree names a
 * java.security file either (a Compose volume could mount one over the JDK's): the image's JDK reads only its own.
 */
function javaImageBuildDirs(documents: readonly ParsedDocument[]): Set<string> {
  const dirs = new Set<string>();
  const named = (doc: ParsedDocument) =>
    doc.kind !== 'java.security' && doc.file.text.length > 0 && SECURITY_FILE_NAMED.test(doc.file.text);
  if (documents.some((d) => d.kind !== 'dockerfile' && named(d))) return dirs;
  for (const doc of documents)
    if (
      doc.kind === 'dockerfile' &&
      !/java\.security/i.test(doc.file.text) &&
      dockerfileJavaEvidence(doc.data as DockerfileData) !== undefined
    )
      dirs.add(path.dirname(doc.file.path));
  return dirs;
}
