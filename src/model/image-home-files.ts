/**
 * A file of the tree that a Dockerfile COPYs (or ADDs) over a file of its image's JDK home: the JDK's cacerts
 * (./image-cacerts-replaced.ts) or its java.security (./image-security-copy.ts). Where the JDK keeps them depends on
 * its feature release (and, for JDK 8, on whether the image holds a JDK or a JRE): knowledge `homeLayouts`; the home
 * is `$JAVA_HOME` as written (the base image's variable) or the one the image is known to set. A copy elsewhere
 * (`$JAVA_HOME/jre/lib/security/cacerts` in a JDK 17 image) reaches no JDK.
 */
import * as path from 'node:path';
import {
  imageJavaHome,
  jdkFromImage,
  jdkFromPath,
  jdkHomeFilesOfImage,
  ownCacertsSourceOf,
  packageSecurityFileSource,
  systemJavaStoreAt,
  type NamedJdk,
  type SystemJavaStore,
} from '../knowledge';
import type { DockerCopy } from '../parse/dockerfile-copies';
import type { ImageFiles } from '../parse/image-files';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCopies, runtimeStage } from '../parse/dockerfile-stages';
import type { ParsedDocument } from '../parse/types';
import type { RunMemo } from '../core/run-memo';
import type { MisplacedHomeCopy, MisplacedHomeFile } from './deployment-records';
import { installedJdks } from './runtime-named';

const JAVA_HOME_PREFIX = /^\$(\{JAVA_HOME\}|JAVA_HOME(?!\w))/;

/** A COPY source holding a variable or a wildcard: which tree file it names is not known from the text. */
const UNRESOLVED_SOURCE = /[$*?[]/;

/** The last COPY/ADD over that JDK file, and the tree file it puts there (undefined: not a file of the tree). */
interface HomeFileCopy {
  copy: DockerCopy;
  file?: string;
}

/**
 * The last copy over the image JDK's `which` file, or undefined: none, or a JDK whose layout (or home) is unknown.
 * `contexts`: the build contexts the Dockerfile is built from (a Compose `build:`, else its directory): one holding
 * the source decides, several that disagree leave the file unknown.
 */
export function homeFileCopy(
  doc: ParsedDocument<DockerfileData>,
  treeFiles: ReadonlySet<string>,
  which: 'cacerts' | 'javaSecurity',
  contexts: readonly string[] = [path.dirname(doc.file.path)],
  memo?: RunMemo,
): HomeFileCopy | undefined {
  const data = doc.data;
  const image = runtimeStage(data)?.image;
  const layout = image ? jdkHomeFilesOfImage(image, memo) : undefined;
  if (!image || !layout)
    return which === 'javaSecurity' ? packageSecurityFileCopy(doc, treeFiles, contexts, memo) : undefined;
  const target = layout[which];
  const home = imageJavaHome(image);
  let found: HomeFileCopy | undefined;
  for (const copy of heldCopies(data)) {
    const relative = homeRelative(copy, home);
    if (relative === undefined) continue;
    const name = path.posix.basename(target);
    // `conf/security/` names the directory; so does `conf/security` (or `conf/security/.`): the JDK holds that
    // directory, and a file copied onto an existing directory lands inside it (tonistiigi/fsutil@08e5241
    // copy/copy.go prepareTargetDir, BuildKit's COPY).
    const intoDirectory =
      (relative.endsWith('/') && `${relative}${name}` === target) ||
      path.posix.normalize(relative).replace(/\/$/, '') === path.posix.dirname(target);
    if (relative !== target && !intoDirectory) continue;
    const sources = copy.written.slice(0, -1);
    const named = intoDirectory ? sources.filter((s) => path.posix.basename(s) === name) : sources;
    // Into the directory, files of other names (written as such) land beside the JDK's file, not over it.
    if (intoDirectory && named.length === 0 && !sources.some((s) => UNRESOLVED_SOURCE.test(s))) continue;
    found = copiedTreeFile(copy, named, contexts, treeFiles);
  }
  return found;
}

/**
 * A copy over the JDK's file and the tree file it puts there: its one source that lands there (`named`), found in the
 * build contexts. `COPY --from=build`, a variable, a wildcard or several files: what lands there is not a file of the
 * tree. (The sources substituted, or as written when the destination's variable left them unsubstituted.)
 */
function copiedTreeFile(
  copy: DockerCopy,
  named: readonly string[],
  contexts: readonly string[],
  treeFiles: ReadonlySet<string>,
): HomeFileCopy {
  const sources = copy.written.slice(0, -1);
  const [only] = named;
  const source =
    copy.from === undefined && only !== undefined && named.length === 1
      ? (copy.sources[sources.indexOf(only)] ?? only)
      : undefined;
  const files =
    source && !UNRESOLVED_SOURCE.test(source)
      ? [...new Set(contexts.map((c) => path.resolve(c, source)).filter((f) => treeFiles.has(f)))]
      : [];
  return { copy, ...(files.length === 1 && { file: files[0] }) };
}

/**
 * The JDK package the running image installs when it is the image's JDK (./runtime-named.ts takes it then): an image
 * lint-deploy has no JDK facts for, every JDK package of one vendor and feature, and no JAVA_HOME or `…/bin/java` of
 * the Dockerfile naming another. `line`: where the first install is (zero-based).
 */
function installedPackageJdk(data: DockerfileData, memo?: RunMemo): { name: string; line: number } | undefined {
  const image = runtimeStage(data)?.image;
  if (image && jdkFromImage(image, memo)) return undefined;
  const installed = installedJdks(data);
  const [first] = installed;
  if (!first) return undefined;
  const same = (jdk: NamedJdk | undefined) => jdk?.vendor === first.jdk.vendor && jdk.feature === first.jdk.feature;
  if (!installed.every((i) => same(i.jdk)) || !(data.javaHomes ?? []).every((r) => same(jdkFromPath(r.path, memo))))
    return undefined;
  return { name: first.name, line: Math.min(...installed.map((i) => i.range.start.line)) };
}

/**
 * The last copy, after the install, over the java.security of the JDK package the running image installs: Debian's
 * openjdk-8-jdk reads /etc/java-8-openjdk/security/java.security through a link in its home (knowledge `packages`
 * securityFiles), so `COPY java.security /etc/java-8-openjdk/security/` replaces the JDK's own. Undefined when the
 * image's JDK is no such package, or no copy lands there. A copy before the install is not followed (dpkg then finds
 * a configuration file it did not write).
 */
function packageSecurityFileCopy(
  doc: ParsedDocument<DockerfileData>,
  treeFiles: ReadonlySet<string>,
  contexts: readonly string[],
  memo?: RunMemo,
): HomeFileCopy | undefined {
  const jdk = installedPackageJdk(doc.data, memo);
  if (!jdk) return undefined;
  const reads = (at: string) => packageSecurityFileSource(jdk.name, path.posix.normalize(at)) !== undefined;
  let found: HomeFileCopy | undefined;
  for (const copy of heldCopies(doc.data)) {
    const destination = copy.destination?.replace(/\/\.$/, '/');
    if (destination === undefined || copy.range.start.line <= jdk.line) continue;
    const sources = copy.written.slice(0, -1);
    // Onto the JDK's security directory (`…/security/`, or `…/security`: the package made it), or over the file.
    const directory = destination.endsWith('/') ? destination : `${destination}/`;
    const intoDirectory = reads(`${directory}java.security`);
    const named = intoDirectory
      ? sources.filter((s) => path.posix.basename(s) === 'java.security')
      : sources.length === 1 && reads(destination)
        ? sources
        : [];
    if (named.length === 0 && !(intoDirectory && sources.some((s) => UNRESOLVED_SOURCE.test(s)))) continue;
    found = copiedTreeFile(copy, named, contexts, treeFiles);
  }
  return found;
}

/**
 * A copy's destination relative to the JDK's home, or undefined: not in it. `$JAVA_HOME/…` as written is the base
 * image's variable; a path the Dockerfile's own variables give (its ENV JAVA_HOME included) counts under the home the
 * image is known to set.
 */
function homeRelative(copy: DockerCopy, home: string | undefined): string | undefined {
  const written = copy.written[copy.written.length - 1];
  if (!written || copy.written.length < 2) return undefined;
  if (copy.destination !== undefined)
    return home && copy.destination.startsWith(`${home}/`) ? copy.destination.slice(home.length + 1) : undefined;
  return JAVA_HOME_PREFIX.test(written) ? written.replace(JAVA_HOME_PREFIX, '').replace(/^\/+/, '') : undefined;
}

/**
 * Whether a path the running image's commands write (`$JAVA_HOME/jre/lib/security/cacerts`, or under the home the
 * image is known to set) is in its JDK's home but not where that JDK reads its `which` file; false when the path is
 * outside the home or the JDK's layout is unknown.
 */
export function unreadHomePath(
  doc: ParsedDocument<DockerfileData>,
  written: string,
  which: 'cacerts' | 'javaSecurity',
): boolean {
  const image = runtimeStage(doc.data)?.image;
  const layout = image ? jdkHomeFilesOfImage(image) : undefined;
  if (!image || !layout) return false;
  const home = imageJavaHome(image);
  const relative = JAVA_HOME_PREFIX.test(written)
    ? written.replace(JAVA_HOME_PREFIX, '').replace(/^\/+/, '')
    : home && written.startsWith(`${home}/`)
      ? written.slice(home.length + 1)
      : undefined;
  return relative !== undefined && path.posix.normalize(relative) !== layout[which];
}

/**
 * The copies of the running image that put a file named as the JDK's `which` file (`cacerts`) in its JDK's home but
 * not where that JDK reads it: `$JAVA_HOME/jre/lib/security/cacerts` in a JDK 17 image (JEP 220 removed jre/),
 * `$JAVA_HOME/lib/security/cacerts` in a JDK 8 JDK image (its runtime is jre/). A source named otherwise, a
 * wildcard, a directory or a variable is not judged; nothing when the JDK's layout is unknown.
 */
function misplacedHomeFiles(
  doc: ParsedDocument<DockerfileData>,
  which: 'cacerts' | 'javaSecurity',
  memo?: RunMemo,
): MisplacedHomeFile[] {
  const image = runtimeStage(doc.data)?.image;
  const layout = image ? jdkHomeFilesOfImage(image, memo) : undefined;
  if (!image || !layout) return [];
  const read = layout[which];
  const home = imageJavaHome(image);
  const name = path.posix.basename(read);
  const found: MisplacedHomeFile[] = [];
  for (const copy of heldCopies(doc.data)) {
    const relative = homeRelative(copy, home);
    const sources = copy.written.slice(0, -1);
    if (relative === undefined || sources.some((s) => UNRESOLVED_SOURCE.test(s))) continue;
    const landed = relative.endsWith('/')
      ? sources.filter((s) => path.posix.basename(s) === name).map((s) => `${relative}${path.posix.basename(s)}`)
      : sources.length === 1
        ? [relative]
        : [];
    for (const at of landed.map((l) => path.posix.normalize(l)))
      if (at !== read && path.posix.basename(at) === name)
        found.push({ copy, landed: at, read, source: layout.source, ...(home && { home }) });
  }
  return found;
}

/**
 * The misplaced copies of cacerts and java.security files (misplacedHomeFiles) of every Dockerfile, each with the build
 * contexts it is built from (`images`: parse/image-files.ts): the runtimes (a misplaced java.security stands for no JDK
 * of its own) and the rules that report them read this one list.
 */
export function misplacedHomeCopies(
  documents: readonly ParsedDocument[],
  images: Pick<ImageFiles, 'contextsOf' | 'composeBuildsOf'>,
  memo?: RunMemo,
): MisplacedHomeCopy[] {
  const found: MisplacedHomeCopy[] = [];
  for (const doc of documents.filter((d): d is ParsedDocument<DockerfileData> => d.kind === 'dockerfile'))
    for (const which of ['cacerts', 'javaSecurity'] as const) {
      const misplaced = misplacedHomeFiles(doc, which, memo);
      if (misplaced.length === 0) continue;
      const built = {
        contexts: images.contextsOf(doc.file.path),
        composeBuilds: images.composeBuildsOf(doc.file.path),
      };
      for (const m of misplaced) found.push({ ...m, dockerfile: doc.file.path, which, ...built });
    }
  return found;
}

/** A COPY/ADD of a cacerts to a system Java store (`/etc/ssl/certs/java/cacerts`) in an image whose JDK never reads one. */
export interface SystemStoreCopy {
  copy: DockerCopy;
  /** The system store it lands on, and what keeps it. */
  store: SystemJavaStore;
  /** Where the image's JDK reads its default trust store (absolute), when its layout is known. */
  read?: string;
  /** The JDK's home as the image sets it. */
  home: string;
  /** Where a source says that JDK keeps its own cacerts (knowledge `imageHomes` ownCacerts). */
  source: string;
}

/**
 * The copies of the running image that put a store on a system Java store path (knowledge `systemJavaStores`) when a
 * source says the image's JDK keeps its own cacerts linked to none (eclipse-temurin: Adoptium's archive under
 * /opt/java/openjdk; Debian's openjdk packages, whose cacerts is a link to /etc/ssl/certs/java/cacerts, are another
 * matter). Nothing when the image also installs a JDK package (which JDK then runs is not followed), or for a
 * source with a variable or a wildcard, or a directory copy without a source of that name.
 */
export function systemStoreCopies(doc: ParsedDocument<DockerfileData>, memo?: RunMemo): SystemStoreCopy[] {
  const image = runtimeStage(doc.data)?.image;
  const own = ownCacertsHome(doc);
  if (!image || !own) return [];
  const { source, home } = own;
  const layout = jdkHomeFilesOfImage(image, memo);
  const found: SystemStoreCopy[] = [];
  for (const copy of heldCopies(doc.data)) {
    for (const at of landedPaths(copy)) {
      const store = systemJavaStoreAt(at);
      if (store) found.push({ copy, store, home, source, ...(layout && { read: `${home}/${layout.cacerts}` }) });
    }
  }
  return found;
}

/** The home of the image's JDK and where a source says it keeps its own cacerts; undefined when not known so. */
function ownCacertsHome(doc: ParsedDocument<DockerfileData>): { home: string; source: string } | undefined {
  const image = runtimeStage(doc.data)?.image;
  const source = image ? ownCacertsSourceOf(image) : undefined;
  const home = image ? imageJavaHome(image) : undefined;
  // A JDK package installed beside it: which JDK runs is not followed.
  return source && home && installedJdks(doc.data).length === 0 ? { home, source } : undefined;
}

/** Whether a path the running image's commands write (`keytool -keystore /etc/ssl/certs/java/cacerts`) is a system Java store its JDK never reads. */
export function unreadSystemStore(doc: ParsedDocument<DockerfileData>, written: string): boolean {
  return ownCacertsHome(doc) !== undefined && systemJavaStoreAt(path.posix.normalize(written)) !== undefined;
}

/** A COPY/ADD of a java.security to a JDK home's security directory that is not the image's JDK home. */
export interface ForeignHomeSecurityCopy {
  copy: DockerCopy;
  /** Where it lands (absolute): `/usr/java/openjdk-21/conf/security/java.security`. */
  landed: string;
  /** The JDK home that path belongs to (`/usr/java/openjdk-21`). */
  landedHome: string;
  /** The image's JDK home as a source says it sets it, and where that JDK reads java.security (absolute). */
  home: string;
  read: string;
  /** Where the image's home comes from (knowledge `imageHomes`), and its layout (`homeLayouts`). */
  layoutSource: string;
}

/** A JDK home's security properties file: `<home>/conf/security/java.security`, `<home>/[jre/]lib/security/java.security`. */
const HOME_SECURITY_FILE = /^(\/.+?)\/(conf\/security|(?:jre\/)?lib\/security)\/java\.security$/;

/**
 * The copies of the running image that put a file named java.security in the security directory of a JDK home that
 * is not the image's: `COPY java.security /usr/java/openjdk-21/conf/security/.` (the home of the `openjdk:21` image)
 * in an `eclipse-temurin:21-jdk` image, whose JDK is `/opt/java/openjdk` (knowledge `imageHomes`). Docker creates the
 * directories and the JDK never opens the file. Nothing when the image's home or layout is unknown, when the image
 * also installs a JDK package or sets its own JAVA_HOME (another JDK may live there), or for a source with a variable
 * or a wildcard.
 */
export function foreignHomeSecurityCopies(
  doc: ParsedDocument<DockerfileData>,
  memo?: RunMemo,
): ForeignHomeSecurityCopy[] {
  const image = runtimeStage(doc.data)?.image;
  const home = image ? imageJavaHome(image) : undefined;
  const layout = image ? jdkHomeFilesOfImage(image, memo) : undefined;
  if (!image || !home || !layout || installedJdks(doc.data).length > 0 || setsJavaHome(doc)) return [];
  const found: ForeignHomeSecurityCopy[] = [];
  for (const copy of heldCopies(doc.data)) {
    for (const at of landedPaths(copy)) {
      const match = HOME_SECURITY_FILE.exec(at);
      if (!match || at.startsWith(`${home}/`)) continue;
      const read = `${home}/${layout.javaSecurity}`;
      found.push({ copy, landed: at, landedHome: match[1]!, home, read, layoutSource: layout.source });
    }
  }
  return found;
}

/** Whether the Dockerfile sets JAVA_HOME itself (`ENV JAVA_HOME=…`): a JDK of its own may then be the one that runs. */
function setsJavaHome(doc: ParsedDocument<DockerfileData>): boolean {
  return /^\s*(ENV|ARG)\s+JAVA_HOME[\s=]/im.test(doc.file.text);
}

/**
 * The absolute paths a copy's sources land on (normalised): each source's name under a destination that names a
 * directory (a trailing `/`, or `/.`), else the destination for a single source. None for a source with a variable or
 * a wildcard, or a destination that is not absolute as written.
 */
function landedPaths(copy: DockerCopy): string[] {
  const destination = copy.destination?.replace(/\/\.$/, '/');
  const sources = copy.written.slice(0, -1);
  if (!destination || sources.length === 0 || sources.some((s) => UNRESOLVED_SOURCE.test(s))) return [];
  const landed = destination.endsWith('/')
    ? sources.map((s) => `${destination}${path.posix.basename(s)}`)
    : sources.length === 1
      ? [destination]
      : [];
  return landed.map((l) => path.posix.normalize(l));
}
