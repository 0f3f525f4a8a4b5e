import * as path from 'node:path';
import {
  jdkFromImage,
  jdkFromPackage,
  imageJavaHome,
  jdkFromPath,
  jlinkEcProvider,
  javaVersionText,
  sameDefaultsEveryUpdate,
  type NamedJdk,
} from '../knowledge';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCommands, heldCopies, runtimeStage } from '../parse/dockerfile-stages';
import { simpleCommands } from '../parse/shell-commands';
import type { JvmOptionsData } from '../parse/java/jvm-args';
import type { ParsedDocument } from '../parse/types';
import type { Location, Range } from '../core/types';
import type { RunMemo } from '../core/run-memo';
import type { JavaRuntime } from './types';
import { jdkUnpackedAt, trimSlash, unpackedJdkArchives } from './dockerfile-jdk-archives';
import { jlinkedAt, type DockerfileJlinkRuntime } from './dockerfile-jlink';
import { dockerfileJavaEvidence, startsJavaApplication } from './dockerfile-java';
import { shownRelative } from '../core/posix-path';

/** A JDK found in the tree (or named by it) and the directory it belongs to. */
export interface ScopedRuntime {
  /** Absolute directory the JDK belongs to: the directory holding its home, or the script/Dockerfile naming it. */
  scope: string;
  runtime: JavaRuntime;
  /**
   * A Dockerfile's JDK: whether its image starts a Java application it is given (a jar copied in, `java -jar`) or only
   * the product its base image ships (./dockerfile-java.ts startsJavaApplication).
   */
  image?: 'starts-application' | 'starts-product';
}

/** A path relative to the deployment root, with `/`, for attachment texts. */
export function shortPath(file: string, root: string): string {
  return root ? shownRelative(root, file) : path.basename(file);
}

/**
 * The feature release a name gives without its update when that is enough to know the JDK's TLS defaults: the name
 * runs general-availability updates only (jdk-locations.json) and every update of the feature has the same defaults
 * (jdk-tls-defaults.json). Undefined otherwise: the version stays unknown.
 */
function featureDefaults(jdk: NamedJdk): string | undefined {
  if (jdk.version || !jdk.feature || !jdk.gaUpdates) return undefined;
  return sameDefaultsEveryUpdate(jdk.vendor, Number(jdk.feature)) ? jdk.feature : undefined;
}

/** What names a JDK without its update: an image tag, a package, an install path; as the range of updates is said. */
type NamedBy = 'tag' | 'package' | 'path';
const POINTED: Record<NamedBy, string> = {
  tag: 'the tag has pointed to',
  package: 'the package has installed',
  path: 'the path may hold',
};

/** Families as users read them in labels ("JDK from Dockerfile:1 FROM …" says the rest). */
const describe = (jdk: NamedJdk, by: NamedBy) =>
  jdk.version
    ? ''
    : jdk.feature
      ? featureDefaults(jdk)
        ? ` (Java ${jdk.feature}; the name gives no update, and every ${jdk.feature} update has the same TLS defaults)`
        : ` (Java ${jdk.feature}; the name gives no update: it runs ${updatesPointedTo(Number(jdk.feature), jdk.updateRange, POINTED[by])}, so the version is unknown)`
      : ' (the name gives no version: the version is unknown)';

/** `any 8u release the tag has pointed to (8u20 to 8u342)`, in words; the range where a source gives it. */
export function updatesPointedTo(
  feature: number,
  range: { first: number; last?: number } | undefined,
  pointed = POINTED.tag,
): string {
  const any = `any ${feature <= 8 ? `${feature}u` : `Java ${feature}`} release`; // not a version fact: 8u vs Java 11, as javaVersionText spells them
  if (!range || !Number.isInteger(feature)) return `${any} ${pointed}`;
  const name = (update: number) => (update === 0 ? `${feature} GA` : javaVersionText(feature, update)); // not a version fact: update 0 is any feature's GA build
  return range.last === undefined
    ? `${any} ${pointed} (${name(range.first)} on)`
    : `${any} ${pointed} (${name(range.first)} to ${name(range.last)})`;
}

function runtimeOf(jdk: NamedJdk, location: Location, text: string, by: NamedBy = 'tag'): JavaRuntime {
  const note = `${jdk.note ? `${jdk.note}; ` : ''}${jdk.source}`;
  const feature = featureDefaults(jdk);
  const version = feature
    ? {
        value: feature,
        from: {
          kind: 'file' as const,
          location,
          note: `${note}; the name gives Java ${feature} without its update: ${jdk.gaUpdates ?? ''}, and lint-deploy's TLS defaults are the same for every ${feature} update`,
        },
      }
    : { value: jdk.version ?? '', from: { kind: 'file' as const, location, note } };
  return {
    vendor: { value: jdk.vendor, from: { kind: 'file', location, note } },
    version,
    securityProperties: {},
    systemProperties: {},
    attachment: {
      text: `${text}${describe(jdk, by)}`,
      location,
      feature: jdk.version ? undefined : jdk.feature,
      ...(!jdk.version && jdk.feature && jdk.gaUpdates
        ? { gaUpdates: jdk.gaUpdates, ...(jdk.firstUpdate ? { firstUpdate: jdk.firstUpdate } : {}) }
        : {}),
      ...(!jdk.version && jdk.feature && jdk.updateRange ? { updateRange: jdk.updateRange } : {}),
    },
  };
}

/**
 * The JDK a container image runs (jdk-locations.json images), named where the image is (a Compose service's `image:`),
 * `text` saying so; undefined for an image lint-deploy does not know.
 */
export function imageRuntime(image: string, location: Location, text: string, memo?: RunMemo): JavaRuntime | undefined {
  const jdk = jdkFromImage(image, memo);
  return jdk && runtimeOf(jdk, location, text);
}

/** The directory a start script speaks for: Tomcat's `bin/setenv.sh` configures the install above `bin/`. */
function scriptScope(file: string): string {
  const dir = path.dirname(file);
  return path.basename(dir) === 'bin' ? path.dirname(dir) : dir;
}

/**
 * JDKs named without being in the tree (issue 13): a Dockerfile's runtime-stage `FROM` image
 * (src/knowledge/data/jdk-locations.json), and absolute `JAVA_HOME`/`…/bin/java` paths in start
 * scripts, systemd units and the Dockerfile's final stage. A Dockerfile's own JDK path wins over its image.
 */
export function namedRuntimes(
  documents: ParsedDocument[],
  root: string,
  memo?: RunMemo,
  jlinked: readonly DockerfileJlinkRuntime[] = [],
  treeJdks: ReadonlyMap<string, JavaRuntime> = new Map(),
): ScopedRuntime[] {
  const found: ScopedRuntime[] = [];
  // The tree's JVM options and start environments (jvm.options, java.env, setenv.sh): a Java process starts with them.
  const javaStartFiles = new Set(
    documents.filter((d) => d.kind === 'java.jvm-options' || d.kind === 'java.shell-env').map((d) => d.file.path),
  );
  const javaStartDirs = new Set([...javaStartFiles].map((f) => path.dirname(f)));
  // Asked only for a start environment's versionless JAVA_HOME (rare): not every Dockerfile's image on every run.
  let imageHomes: { dir: string; home: string }[] | undefined;
  /** An image that runs Java: it says so, copies the tree's JVM options in, or is built beside them. */
  const runsJava = (data: DockerfileData, dir: string) =>
    javaStartDirs.has(dir) ||
    heldCopies(data).some((copy) => copy.sources.some((source) => javaStartFiles.has(path.join(dir, source)))) ||
    dockerfileJavaEvidence(data) !== undefined;
  for (const doc of documents) {
    if (doc.kind !== 'dockerfile' && doc.kind !== 'java.shell-env' && doc.kind !== 'systemd.unit') continue;
    const data = doc.data as JvmOptionsData;
    const file = shortPath(doc.file.path, root);
    const scope = doc.kind === 'java.shell-env' ? scriptScope(doc.file.path) : path.dirname(doc.file.path);
    const fromPaths: ScopedRuntime[] = [];
    // A JDK the image unpacks from an archive where JAVA_HOME points: the archive's name gives it.
    const dockerfile = doc.kind === 'dockerfile' ? (doc.data as DockerfileData) : undefined;
    const image = dockerfile
      ? { image: startsJavaApplication(dockerfile) ? ('starts-application' as const) : ('starts-product' as const) }
      : {};
    const archives = dockerfile ? unpackedJdkArchives(dockerfile) : [];
    // A runtime jlink builds from a JDK (in the image, or in a stage it copies from) where JAVA_HOME points: that JDK.
    const linkedRuntimes = jlinked.filter((runtime) => runtime.file === doc.file.path);
    for (const reference of data.javaHomes ?? []) {
      const byPath = jdkFromPath(reference.path, memo);
      // The JAVA_HOME of an image's own JDK (a temurin image's /opt/java/openjdk) in a start environment beside the
      // Dockerfile built FROM it (kartoza/docker-geoserver@35dfd2d .env): that image's JDK, which its FROM names better.
      if (
        !dockerfile &&
        !byPath?.version &&
        namesImageHome((imageHomes ??= imageJavaHomesByDirectory(documents)), scope, reference.path)
      )
        continue;
      // A JDK of the tree (its `release` file) that a COPY puts where the path points: that JDK, as its files say.
      const copied = byPath?.version || !dockerfile ? undefined : treeJdkCopiedTo(dockerfile, doc, reference, treeJdks);
      if (copied) {
        fromPaths.push({ scope, runtime: copied(file), ...image });
        continue;
      }
      // A path that gives no version (`/opt/java/openjdk`) yields to the archive unpacked there, which does.
      const unpacked = byPath?.version ? undefined : jdkUnpackedAt(archives, reference.path);
      const linked = byPath?.version ? undefined : jlinkedAt(linkedRuntimes, reference.path);
      const linkedJdk = linked?.jdk;
      const jdk = linkedJdk ?? unpacked?.jdk ?? byPath;
      if (!jdk) continue;
      const how =
        linked && linkedJdk
          ? `, built by jlink from ${linked.builtFrom} (${file}:${linked.range.start.line + 1})`
          : unpacked
            ? `, unpacked from ${unpacked.name} (${file}:${unpacked.range.start.line + 1})`
            : '';
      const text = `JDK from ${file}:${reference.range.start.line + 1} ${reference.via === 'java command' ? `${reference.path}/bin/java` : `${reference.via}=${reference.path}`}${how}`;
      const runtime = runtimeOf(jdk, { file: doc.file.path, range: reference.range }, text, 'path');
      if (linked && linkedJdk && linked.withoutEcProvider === 'absent') {
        const { module } = jlinkEcProvider();
        const message = `jlink builds ${linked.output} without ${module}`;
        runtime.withoutEcProvider = { module, at: { file: doc.file.path, range: linked.range, message } };
      }
      fromPaths.push({ scope, runtime, ...image });
    }
    found.push(...fromPaths);
    if (doc.kind !== 'dockerfile' || fromPaths.length) continue;
    const stage = runtimeStage(doc.data as DockerfileData);
    const jdk = stage?.image ? jdkFromImage(stage.image, memo) : undefined;
    if (stage && jdk)
      found.push({
        scope,
        runtime: runtimeOf(
          jdk,
          { file: doc.file.path, range: stage.range },
          `JDK from ${file}:${stage.line} FROM ${stage.written}${stage.image !== stage.written ? ` (${stage.image})` : ''}`,
        ),
        ...image,
      });
    else {
      // An image lint-deploy does not know (debian, ubuntu, ubi-minimal) that installs a JDK package: that JDK.
      const installed = installedJdks(doc.data as DockerfileData);
      const [only] = installed;
      if (only && installed.every((i) => i.jdk.vendor === only.jdk.vendor && i.jdk.feature === only.jdk.feature))
        found.push({
          scope,
          runtime: runtimeOf(
            only.jdk,
            { file: doc.file.path, range: only.range },
            `JDK from ${file}:${only.range.start.line + 1} RUN installs ${only.name}`,
            'package',
          ),
          ...image,
        });
      else if (stage?.image && installed.length === 0 && runsJava(doc.data as DockerfileData, scope))
        // An image lint-deploy has no JDK facts for (zookeeper, solr, a vendor's product image) that runs the Java
        // this directory configures: its own JDK, unknown, never the JDK another image of the tree holds.
        found.push({
          scope,
          runtime: unknownImageJdk({ file: doc.file.path, range: stage.range }, file, stage),
          ...image,
        });
    }
  }
  return found;
}

/**
 * The JDK of the tree a running image's `COPY`/`ADD` of a build-context directory puts at a Dockerfile's JAVA_HOME
 * (0476/docker-tomcat@c063ae92: `COPY jdk1.8 /usr/local/jdk1.8/`, `ENV JAVA_HOME /usr/local/jdk1.8`, jdk1.8/release
 * in the tree): the tree's JDK under the text that says how it got there. The build context is the Dockerfile's
 * directory; undefined when no such copy places a JDK of the tree there.
 */
function treeJdkCopiedTo(
  data: DockerfileData,
  doc: ParsedDocument,
  reference: { path: string; via: string; range: Range },
  treeJdks: ReadonlyMap<string, JavaRuntime>,
): ((file: string) => JavaRuntime) | undefined {
  const home = trimSlash(path.posix.normalize(reference.path));
  for (const copy of heldCopies(data)) {
    const destination = copy.destination;
    if (copy.from !== undefined || copy.sources.length !== 1 || !destination || trimSlash(destination) !== home)
      continue;
    const jdk = treeJdks.get(trimSlash(path.join(path.dirname(doc.file.path), copy.sources[0]!)));
    if (!jdk?.attachment) continue;
    const treeText = jdk.attachment.text;
    return (file) => ({
      ...jdk,
      attachment: {
        ...jdk.attachment,
        text: `${treeText}, which ${file}:${copy.line} ${copy.instruction} puts at ${reference.via}=${reference.path} (${file}:${reference.range.start.line + 1})`,
      },
    });
  }
  return undefined;
}

const INSTALLERS = /^(apt-get|apt|yum|dnf|microdnf|tdnf|zypper|apk)$/;

/**
 * The packages the running image's RUNs install (`apt-get install -y --no-install-recommends ca-certificates-java`,
 * Alpine's `apk add --no-cache openjdk17-jre`).
 */
export function installedPackages(data: DockerfileData): { name: string; range: Range }[] {
  const out: { name: string; range: Range }[] = [];
  for (const command of heldCommands(data)) {
    if (command.instruction !== 'RUN') continue;
    for (const words of simpleCommands(command.joined)) {
      const at = words.findIndex((w) => INSTALLERS.test(w));
      const verb = words[at] === 'apk' ? 'add' : 'install';
      if (at < 0 || !words.slice(at + 1).includes(verb)) continue;
      for (const word of words.slice(words.indexOf(verb, at) + 1)) {
        if (word.startsWith('-') || word === '|' || word === '>' || word === '>>') continue;
        out.push({ name: word, range: command.range });
      }
    }
  }
  return out;
}

/** The JDK packages the running image's RUNs install (`apt-get install -y --no-install-recommends openjdk-17-jre-headless`). */
export function installedJdks(data: DockerfileData): { name: string; jdk: NamedJdk; range: Range }[] {
  return installedPackages(data).flatMap(({ name, range }) => {
    const jdk = jdkFromPackage(name);
    return jdk ? [{ name, jdk, range }] : [];
  });
}

/** The JDK of an image lint-deploy has no facts for: unknown, with the FROM line that decides it. */
function unknownImageJdk(location: Location, file: string, stage: { line: number; written: string }): JavaRuntime {
  const origin = `the JDK of ${stage.written}, an image lint-deploy has no JDK facts for (${file}:${stage.line}); declare it with --java-version or config "components"`;
  return {
    vendor: { value: 'unknown', from: { kind: 'default', origin } },
    version: { value: '', from: { kind: 'default', origin } },
    securityProperties: {},
    systemProperties: {},
    attachment: {
      text: `JDK that ${file}:${stage.line} FROM ${stage.written} runs, not known to lint-deploy`,
      location,
    },
  };
}

/** The JAVA_HOME of each Dockerfile's runtime image, when the image's facts name it, by the Dockerfile's directory. */
function imageJavaHomesByDirectory(documents: readonly ParsedDocument[]): { dir: string; home: string }[] {
  const homes: { dir: string; home: string }[] = [];
  for (const doc of documents) {
    if (doc.kind !== 'dockerfile') continue;
    const image = runtimeStage(doc.data as DockerfileData)?.image;
    const home = image ? imageJavaHome(image) : undefined;
    if (home) homes.push({ dir: path.dirname(doc.file.path), home: trimSlash(home) });
  }
  return homes;
}

/** Whether `javaHome`, written in a file of `scope`, is the JAVA_HOME of an image built in that directory or below it. */
function namesImageHome(homes: readonly { dir: string; home: string }[], scope: string, javaHome: string): boolean {
  const written = trimSlash(javaHome);
  return homes.some((h) => h.home === written && (h.dir === scope || h.dir.startsWith(scope + path.sep)));
}
