/**
 * Certificates a Dockerfile's `RUN keytool -importcert` adds to the JDK's cacerts (`-cacerts`, or `-keystore` a
 * path ending in `cacerts`: `$JAVA_HOME/lib/security/cacerts`, `/etc/ssl/certs/java/cacerts`): the certificate file,
 * found in the tree through the image's COPY of it. keytool imports the first certificate of a PEM file only (JDK 17
 * here: a leaf-then-root bundle gives one trustedCertEntry, the leaf). The rest of cacerts stays unknown: an anchor
 * found among these settles trust, a missing one does not (derive/trust.ts).
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { heldCommands, heldCopies, type DockerfileData } from '../parse/dockerfile';
import { simpleCommands } from '../parse/shell-commands';
import type { ParsedDocument } from '../parse/types';

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
    for (const words of simpleCommands(command.joined).flatMap(pipelineParts)) {
      const start = words[0] === 'sudo' ? 1 : 0;
      if (!/(^|\/)keytool$/.test(words[start] ?? '')) continue;
      const option = (name: string) => {
        const at = words.indexOf(name, start);
        return at >= 0 ? words[at + 1] : undefined;
      };
      if (!words.includes('-importcert') && !words.includes('-import')) continue;
      const keystore = option('-keystore');
      if (!words.includes('-cacerts') && !(keystore && /(^|\/)cacerts$/.test(keystore))) continue;
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

/** `echo yes | keytool …`: each command of a pipeline. */
function pipelineParts(words: string[]): string[][] {
  const parts: string[][] = [[]];
  for (const word of words) {
    if (word === '|') parts.push([]);
    else parts[parts.length - 1]!.push(word);
  }
  return parts.filter((p) => p.length > 0);
}
