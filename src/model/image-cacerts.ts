/**
 * Certificates a Dockerfile's `RUN keytool -importcert` adds to the JDK's cacerts (`-cacerts`, or `-keystore` a
 * path ending in `cacerts`: `$JAVA_HOME/lib/security/cacerts`, `/etc/ssl/certs/java/cacerts`; not one in the JDK's home
 * where that JDK reads none, which keytool creates anew: `$JAVA_HOME/jre/lib/security/cacerts` on JDK 9+, nor a system
 * Java store in an image whose JDK keeps its own cacerts: `/etc/ssl/certs/java/cacerts` in eclipse-temurin): the certificate file,
 * found in the tree through the image's COPY of it. keytool imports the first certificate of a PEM file only (JDK 17
 * here: a leaf-then-root bundle gives one trustedCertEntry, the leaf). The rest of cacerts stays unknown: an anchor
 * found among these settles trust, a missing one does not (derive/trust.ts). So do the certificates an image adds to
 * the operating system's CA store when its JDK's cacerts follows that store (systemStoreImports).
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { jdkFromImage, systemCaStoreOf } from '../knowledge';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCommands, heldCopies, runtimeStage } from '../parse/dockerfile-stages';
import { simpleCommands } from '../parse/shell-commands';
import type { ParsedDocument } from '../parse/types';
import { isKeystoreDocument } from '../parse/keystore/format';
import type { ComposeData } from '../parse/compose';
import type { TlsTrustSettings } from './attributes';
import { composeVariablesOf } from './compose-variables';
import type { ModelContext } from './contributor';
import { cacertsReplacement } from './image-cacerts-replaced';
import { unreadHomePath, unreadSystemStore } from './image-home-files';
import { packageCaStore } from './image-system-store';

/** A certificate file of the tree an image imports into its JDK's cacerts, and the RUN that does it. */
export interface CacertsImport {
  file: string;
  at: Location;
}

/** The tree files `keytool -importcert … -cacerts` imports in the stages the running image holds. */
export function cacertsImports(doc: ParsedDocument<DockerfileData>, treeFiles: ReadonlySet<string>): CacertsImport[] {
  const data = doc.data;
  const found: CacertsImport[] = [];
  for (const command of heldCommands(data)) {
    if (command.instruction !== 'RUN' || !/keytool/.test(command.text)) continue;
    // The directory a `cd` of the same RUN left (`cd $JAVA_HOME/jre/lib/security && keytool -keystore cacerts`).
    let directory: string | undefined;
    for (const words of simpleCommands(command.joined).flatMap(pipelineParts)) {
      const start = words[0] === 'sudo' ? 1 : 0;
      if (words[start] === 'cd') directory = words[start + 1];
      if (!/(^|\/)keytool$/.test(words[start] ?? '')) continue;
      const option = (name: string) => {
        const at = words.indexOf(name, start);
        return at >= 0 ? words[at + 1] : undefined;
      };
      if (!words.includes('-importcert') && !words.includes('-import')) continue;
      const keystore = option('-keystore');
      if (!words.includes('-cacerts') && !(keystore && /(^|\/)cacerts$/.test(keystore))) continue;
      // A cacerts in the JDK's home where that JDK reads none (jre/lib/security on JDK 9+): keytool makes a new store.
      const keystorePath = keystore && directory && !/^[/$]/.test(keystore) ? `${directory}/${keystore}` : keystore;
      if (!words.includes('-cacerts') && keystorePath && unreadHomePath(doc, keystorePath, 'cacerts')) continue;
      // A system Java store (/etc/ssl/certs/java/cacerts) where the JDK keeps its own cacerts: keytool writes a file no JDK reads.
      if (!words.includes('-cacerts') && keystorePath && unreadSystemStore(doc, keystorePath)) continue;
      const written = option('-file');
      const file = written ? copiedFile(doc, written, treeFiles) : undefined;
      if (file) found.push({ file, at: { file: doc.file.path, range: command.range } });
    }
  }
  return found;
}

/**
 * The tree file a `-file` path names in the image: the source of a COPY whose destination is that path, or that
 * puts a file of that name where the path's directory is (`COPY certs/ca.crt $JAVA_HOME/lib/security/` then
 * `-file $JAVA_HOME/lib/security/ca.crt`); the build context is the Dockerfile's directory.
 */
function copiedFile(
  doc: ParsedDocument<DockerfileData>,
  written: string,
  treeFiles: ReadonlySet<string>,
): string | undefined {
  const name = path.posix.basename(written);
  const context = path.dirname(doc.file.path);
  const candidates = new Set<string>();
  for (const copy of heldCopies(doc.data)) {
    if (copy.from !== undefined || copy.written.length < 2) continue;
    const destination = copy.written[copy.written.length - 1]!;
    copy.written.slice(0, -1).forEach((raw, i) => {
      const source = copy.sources[i] ?? raw;
      if (/[$*?[]/.test(source)) return;
      // The path itself, or a file of that name (`cd $JAVA_HOME/jre/lib/security && keytool … -file ca.crt` after
      // `COPY ca.crt $JAVA_HOME/jre/lib/security`; `$JAVA_HOME` and `${JAVA_HOME}` alike: the base image's variables
      // are not known). Two files of that name copied: none.
      const named =
        destination === written ||
        path.posix.basename(source) === name ||
        (!destination.endsWith('/') && path.posix.basename(destination) === name);
      const tree = path.resolve(context, source);
      if (named && treeFiles.has(tree)) candidates.add(tree);
    });
  }
  // Directly from the build context when the file is absolute in the tree (rare) or several copies disagree: none.
  return candidates.size === 1 ? [...candidates][0] : undefined;
}

/**
 * The tree files an image's JDK trusts because the image adds them to the operating system's CA store and its JDK's
 * cacerts follows that store (knowledge `systemCaStores`: the openjdk images' update-ca-certificates hook, the
 * eclipse-temurin entrypoint with USE_SYSTEM_CA_CERTS, the Debian and Red Hat JDK packages whose cacerts is the
 * system's Java store): a COPY into an anchors directory, then a RUN of the command
 * that refreshes the store. An image whose JDK keeps its own cacerts (or one no source describes) adds none.
 */
export function systemStoreImports(
  doc: ParsedDocument<DockerfileData>,
  treeFiles: ReadonlySet<string>,
): CacertsImport[] {
  const image = runtimeStage(doc.data)?.image;
  // An image lint-deploy knows decides; else the JDK package it installs (Debian's openjdk-17-jre-headless).
  const store = image ? (jdkFromImage(image) ? systemCaStoreOf(image) : packageCaStore(doc.data)) : undefined;
  if (!store) return [];
  const commands = heldCommands(doc.data);
  if (store.optIn) {
    const { variable, entrypoint } = store.optIn;
    const set = new RegExp(`(^|\\s)${variable}(=(?!\\s|$|""|'')|\\s+\\S)`);
    if (!commands.some((c) => c.instruction === 'ENV' && set.test(c.joined))) return [];
    // An ENTRYPOINT of the image's own replaces the script that does the import (`ENTRYPOINT ["java", "-jar", …]`).
    if (commands.some((c) => c.instruction === 'ENTRYPOINT' && !c.joined.includes(entrypoint))) return [];
  }
  const refreshes = commands.filter(
    (c) =>
      c.instruction === 'RUN' &&
      simpleCommands(c.joined).some((words) => {
        const name = words[words[0] === 'sudo' ? 1 : 0] ?? '';
        return name === store.command || name.endsWith(`/${store.command}`);
      }),
  );
  const last = refreshes[refreshes.length - 1];
  if (!last) return [];
  const context = path.dirname(doc.file.path);
  const taken = (name: string) => store.extensions.length === 0 || store.extensions.some((e) => name.endsWith(e));
  const found = new Map<string, CacertsImport>();
  for (const copy of heldCopies(doc.data)) {
    const destination = copy.destination;
    // Copies after the last refresh are not in the store the JDK reads.
    if (copy.from !== undefined || !destination || copy.line > last.range.start.line + 1) continue;
    // Debian's command searches its directories recursively (`find -L /usr/local/share/ca-certificates -name '*.crt'`).
    if (!store.anchors.some((a) => destination.startsWith(a) || destination === a.slice(0, -1))) continue;
    // A file keeps its name when copied into a directory (a `/` at the end, the anchors directory the base image
    // has, several sources), else takes the destination's.
    const intoDirectory =
      destination.endsWith('/') || store.anchors.includes(`${destination}/`) || copy.sources.length > 1;
    for (const source of copy.sources) {
      if (/[$*?[]/.test(source)) continue;
      const tree = path.resolve(context, source);
      // Where each file lands: a directory's files keep their place below it.
      const placed = treeFiles.has(tree)
        ? [{ file: tree, landed: intoDirectory ? path.posix.join(destination, path.basename(tree)) : destination }]
        : [...treeFiles]
            .filter((f) => f.startsWith(tree + path.sep))
            .map((file) => ({
              file,
              landed: path.posix.join(destination, ...path.relative(tree, file).split(path.sep)),
            }));
      for (const { file, landed } of placed) {
        // Alpine's command reads one level of its directories (`topLevelOnly`), Debian's searches them recursively.
        if (store.topLevelOnly && !store.anchors.includes(`${path.posix.dirname(landed)}/`)) continue;
        if (taken(path.posix.basename(landed)))
          found.set(file, { file, at: { file: doc.file.path, range: last.range } });
      }
    }
  }
  return [...found.values()];
}

/** `echo yes | keytool …`: each command of a pipeline. */
function pipelineParts(words: string[]): string[][] {
  const parts: string[][] = [[]];
  for (const word of words) {
    if (word === '|') parts.push([]);
    else parts[parts.length - 1]!.push(word);
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * What an image does to its JDK's cacerts: the tree key store it copies over them (./image-cacerts-replaced.ts), and
 * the tree certificates it adds — keytool imports (after that copy: earlier ones are overwritten), then the system
 * store it follows. `optInElsewhere`: where the deployment sets USE_SYSTEM_CA_CERTS outside the Dockerfile.
 */
export function imageCacerts(
  doc: ParsedDocument<DockerfileData>,
  treeFiles: ReadonlySet<string>,
  optInElsewhere?: string,
  contexts?: readonly string[],
): Pick<TlsTrustSettings, 'cacertsAdded' | 'cacertsReplaced'> {
  const replaced = cacertsReplacement(doc, treeFiles, optInElsewhere, contexts);
  if (!replaced) return nonEmpty([...cacertsImports(doc, treeFiles), ...systemStoreImports(doc, treeFiles)]);
  const copiedAt = replaced.at.range?.start.line ?? 0;
  const later = cacertsImports(doc, treeFiles).filter((i) => (i.at.range?.start.line ?? 0) > copiedAt);
  return { cacertsReplaced: replaced, ...nonEmpty(later) };
}

function nonEmpty(added: CacertsImport[]): Pick<TlsTrustSettings, 'cacertsAdded'> {
  return added.length ? { cacertsAdded: added } : {};
}

/**
 * What the images a component runs in do to its JDK's cacerts (several Dockerfiles: the first that replaces them
 * decides, and the additions of all count).
 */
export function imagesCacerts(
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
  treeFiles: ReadonlySet<string>,
  image: ImageTrustInputs,
): Pick<TlsTrustSettings, 'cacertsAdded' | 'cacertsReplaced'> {
  // Built by push: the trust contributor, which inlines this, was compiled again for the holey array an optimized
  // `map` returns (docs/performance.md, session 57).
  const each: ReturnType<typeof imageCacerts>[] = [];
  for (const d of dockerfiles)
    each.push(imageCacerts(d, treeFiles, image.optInElsewhere, image.contextsOf?.(d.file.path)));
  const found = each.find((e) => e.cacertsReplaced)?.cacertsReplaced;
  const replaced = found && image.encryptedStores.has(found.file) ? { ...found, encrypted: true } : found;
  return { ...(replaced && { cacertsReplaced: replaced }), ...nonEmpty(each.flatMap((e) => e.cacertsAdded ?? [])) };
}

/** What of the deployment, besides its Dockerfiles, decides what an image's cacerts hold (imageTrustInputs). */
export interface ImageTrustInputs {
  /** Where a file other than a Dockerfile may set USE_SYSTEM_CA_CERTS for a container. */
  optInElsewhere?: string;
  /** PKCS#12 stores of the tree whose certificates are encrypted (a password opened them). */
  encryptedStores: ReadonlySet<string>;
  /** The build contexts of a Dockerfile (parse/image-files.ts); absent: its directory. */
  contextsOf?: (dockerfile: string) => string[];
}

/**
 * Where a file of the deployment other than a Dockerfile may set USE_SYSTEM_CA_CERTS for a container (a Compose
 * `environment:`, an env file, a Kubernetes manifest): any mention counts, so a replaced cacerts is never taken for
 * all the anchors where it may not be. And the PKCS#12 stores whose certificates only a password opens.
 */
export function imageTrustInputs(
  ctx: ModelContext,
  images?: { contextsOf(dockerfile: string): string[] },
): ImageTrustInputs {
  const documents = ctx.deployment.documents;
  const doc = documents.find((d) => d.kind !== 'dockerfile' && /\bUSE_SYSTEM_CA_CERTS\b/.test(d.file.text));
  const unread = doc ? undefined : unreadEnvFile(ctx);
  const encrypted = documents.filter(
    (d) => isKeystoreDocument(d) && d.data.storeType === 'PKCS12' && d.data.openedWith !== 'none',
  );
  return {
    ...(doc && { optInElsewhere: `in ${path.basename(doc.file.path)}` }),
    ...(unread && { optInElsewhere: unread }),
    encryptedStores: new Set(encrypted.map((d) => d.file.path)),
    ...(images && { contextsOf: (dockerfile: string) => images.contextsOf(dockerfile) }),
  };
}

/**
 * An `env_file:` of a Compose service that builds an image, which the tree does not hold or lint-deploy does not read
 * (a `client.env` holding only `USE_SYSTEM_CA_CERTS=1` is no file kind of its own): it may set USE_SYSTEM_CA_CERTS
 * for the container, so it is said where the opt-in may be.
 */
function unreadEnvFile(ctx: ModelContext): string | undefined {
  for (const doc of ctx.documentsOf('compose') as ParsedDocument<ComposeData>[])
    for (const service of doc.data.services) {
      if (service.build === undefined) continue;
      const unreadFile = composeVariablesOf(ctx, doc, service).unread[0]?.envFile;
      if (unreadFile)
        return `${unreadFile.path}, an env_file of Compose service ${service.name} that lint-deploy does not read, may set it`;
    }
  return undefined;
}
