/**
 * The system CA store a distribution JDK follows (knowledge `systemCaStores` by package): Debian's and Ubuntu's
 * openjdk-N-jre-headless link lib/security/cacerts to /etc/ssl/certs/java/cacerts, the JKS store ca-certificates-java
 * keeps, so a key store of the tree copied there is that JDK's cacerts — until something merges the system CAs into it
 * again: measured on Debian 12 (ca-certificates-java 20230710~deb12u1), its first install (apt-get install of a JDK
 * package or of ca-certificates-java after the copy) and `update-ca-certificates --fresh` add every system CA to the
 * copied store, a plain `update-ca-certificates` adds the certificates that run adds; nothing else rewrites it.
 */
import * as path from 'node:path';
import { jdkFromImage, systemCaStoreOfPackage, type SystemCaStore } from '../knowledge';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCommands, heldCopies, runtimeStage } from '../parse/dockerfile-stages';
import type { DockerCopy } from '../parse/dockerfile-copies';
import { simpleCommands } from '../parse/shell-commands';
import type { ParsedDocument } from '../parse/types';
import { installedJdks, installedPackages } from './runtime-named';

/** How the JDK packages the image installs follow the system CA store: undefined unless all agree (none, or several ways). */
export function packageCaStore(data: DockerfileData): SystemCaStore | undefined {
  const stores = installedJdks(data).map((i) => systemCaStoreOfPackage(i.name));
  const [first] = stores;
  return first && stores.every((s) => s?.command === first.command) ? first : undefined;
}

/** A COPY of a tree key store onto the system Java store the image's packaged JDK reads as its cacerts. */
export interface SystemStoreCopy {
  copy: DockerCopy;
  /** The tree file; undefined when what lands there is not one (`COPY --from=build`, a variable, several contexts). */
  file?: string;
  /** Why more anchors join it (a later install or refresh merges the system CAs): then a missing anchor is not decisive. */
  merged?: string;
}

/**
 * The last COPY/ADD onto the system Java store (`/etc/ssl/certs/java/cacerts`) of an image lint-deploy does not know
 * that installs a distribution JDK whose cacerts links there; undefined when none, or the image is one lint-deploy
 * knows (its own entry decides: ./image-home-files.ts), or its JDK packages follow no such store.
 */
export function systemStoreCopy(
  doc: ParsedDocument<DockerfileData>,
  treeFiles: ReadonlySet<string>,
  contexts: readonly string[],
): SystemStoreCopy | undefined {
  const data = doc.data;
  const image = runtimeStage(data)?.image;
  const store = image && !jdkFromImage(image) ? packageCaStore(data) : undefined;
  const javaStore = store?.javaStore;
  if (!store || !javaStore) return undefined;
  const name = path.posix.basename(javaStore.path);
  let found: SystemStoreCopy | undefined;
  for (const copy of heldCopies(data)) {
    const destination = copy.destination;
    if (!destination) continue;
    const sources = copy.sources;
    const intoDirectory = destination.endsWith('/') && `${destination}${name}` === javaStore.path;
    if (path.posix.normalize(destination) !== javaStore.path && !intoDirectory) continue;
    const named = intoDirectory ? sources.filter((s) => path.posix.basename(s) === name) : sources;
    if (intoDirectory && named.length === 0) continue;
    // `COPY --from=build`, a variable, a wildcard or several files: what lands there is not a file of the tree.
    const source = copy.from === undefined && named.length === 1 ? named[0] : undefined;
    const files =
      source && !/[$*?[]/.test(source)
        ? [...new Set(contexts.map((c) => path.resolve(c, source)).filter((f) => treeFiles.has(f)))]
        : [];
    found = { copy, ...(files.length === 1 && { file: files[0] }) };
  }
  if (!found?.file) return found;
  const copyLine = found.copy.line;
  const after = (range: { start: { line: number } }) => range.start.line + 1 > copyLine;
  const install = installedPackages(data).find(
    (p) => after(p.range) && javaStore.mergingInstalls.test(p.name.replace(/=.*$/, '')),
  );
  if (install)
    return {
      ...found,
      merged: `Dockerfile line ${install.range.start.line + 1} installs ${install.name} after the copy: ca-certificates-java's first install adds every system CA to ${javaStore.path}`,
    };
  const refresh = heldCommands(data).find(
    (c) =>
      c.instruction === 'RUN' &&
      after(c.range) &&
      simpleCommands(c.joined).some((words) => {
        const command = words[words[0] === 'sudo' ? 1 : 0] ?? '';
        return command === store.command || command.endsWith(`/${store.command}`);
      }),
  );
  if (refresh)
    return {
      ...found,
      merged: `Dockerfile line ${refresh.range.start.line + 1} runs ${store.command} after the copy: ca-certificates-java adds to ${javaStore.path} the certificates that run adds (with --fresh, every system CA)`,
    };
  return found;
}
