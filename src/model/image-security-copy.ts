/**
 * A java.security of the tree that a Dockerfile COPYs (or ADDs) over its JDK's (`COPY java.security
 * $JAVA_HOME/conf/security/java.security`): that file then IS the JDK's security properties, not an override of them.
 * JDK 17.0.15 here, its conf/security/java.security replaced: the JDK's own file without jdk.tls.disabledAlgorithms
 * gives Security.getProperty null and default client protocols TLSv1.3,TLSv1.2,TLSv1.1,TLSv1 (nothing disabled); a
 * file holding only that key names no security.provider, and SSLContext.getDefault() throws "Default SSLContext not
 * available" (no provider at all). Where the JDK keeps java.security: ./image-home-files.ts.
 */
import * as path from 'node:path';
import type { RunMemo } from '../core/run-memo';
import type { Location } from '../core/types';
import type { DockerfileData } from '../parse/dockerfile';
import { FIRST_SECURITY_PROVIDER } from '../parse/jdk';
import type { ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import type { ModelContext } from './contributor';
import { homeFileCopy } from './image-home-files';
import { treeStoresOf } from './store-files';
import type { JavaRuntime, Traced } from './types';

/** The tree's files as an image's COPY finds them. */
export interface ImageTreeFiles {
  byPath: ReadonlyMap<string, ParsedDocument>;
  /** The tree's files (the paths of `byPath`). */
  paths: ReadonlySet<string>;
  /** The build contexts of a Dockerfile (parse/image-files.ts). */
  contextsOf(dockerfile: string): string[];
}

/** What a copy over the JDK's java.security leaves: its properties, or why they are unknown. */
type SecurityFileCopy =
  | { kind: 'file'; doc: ParsedDocument; at: Location; line: number }
  /** `withoutProviders`: the copied java.security, which names no security.provider.1. */
  | { kind: 'unknown'; why: string; at: Location; line: number; withoutProviders?: string };

/** Security properties a whole java.security leaves unset when it does not define them (they are then empty). */
const READ_LISTS = ['jdk.tls.disabledAlgorithms', 'jdk.certpath.disabledAlgorithms'];

/** The copy over the image JDK's java.security, when there is one. */
export function securityFileCopy(
  doc: ParsedDocument<DockerfileData>,
  files: ImageTreeFiles,
  memo?: RunMemo,
): SecurityFileCopy | undefined {
  const found = homeFileCopy(doc, files.paths, 'javaSecurity', files.contextsOf(doc.file.path), memo);
  if (!found) return undefined;
  const at = { file: doc.file.path, range: found.copy.range };
  const line = found.copy.line;
  const copied = found.file ? files.byPath.get(found.file) : undefined;
  if (copied?.kind !== 'java.security')
    return {
      kind: 'unknown',
      why: `a ${found.copy.instruction} at Dockerfile line ${line} puts a file the tree does not hold (as a java.security) over the JDK's java.security`,
      at,
      line,
    };
  // JDK 17.0.15 and 25.0.3 here: a file with security.provider.2… but no .1 has no provider either.
  if (!copied.entries.some((e) => e.key === FIRST_SECURITY_PROVIDER))
    return {
      kind: 'unknown',
      why: `the java.security a ${found.copy.instruction} at Dockerfile line ${line} puts over the JDK's (${path.basename(copied.file.path)}) names no ${FIRST_SECURITY_PROVIDER}: the JDK then has no provider at all, and SSLContext.getDefault() fails with "Default SSLContext not available" (JDK 17)`,
      at,
      line,
      withoutProviders: copied.file.path,
    };
  return { kind: 'file', doc: copied, at, line };
}

/**
 * The runtime with the copied file as its java.security: its properties, those it leaves out of the lists the JDK
 * reads unset, and the -Djava.security.properties overrides the runtime already carries on top.
 */
export function withSecurityFile(runtime: JavaRuntime, copy: Extract<SecurityFileCopy, { kind: 'file' }>): JavaRuntime {
  const fromFile: Record<string, Traced<string>> = {};
  for (const entry of copy.doc.entries)
    fromFile[entry.key] = {
      value: entry.value,
      from: { kind: 'file', location: entryLocation(copy.doc, entry, 'value') },
    };
  for (const name of READ_LISTS)
    fromFile[name] ??= {
      value: '',
      from: {
        kind: 'file',
        location: copy.at,
        note: `${name} is not set in the java.security the image copies over the JDK's: nothing is disabled`,
      },
    };
  return { ...runtime, securityProperties: { ...fromFile, ...runtime.securityProperties } };
}

/** The tree's files and Dockerfile build contexts, once per deployment. */
export function imageTreeFilesOf(ctx: ModelContext): ImageTreeFiles {
  return ctx.once('imageTreeFiles', () => {
    const images = treeStoresOf(ctx).images;
    // The file's own document, the first read from it (a Compose file's YAML steps, a Dockerfile's heredocs come after).
    const byPath = new Map<string, ParsedDocument>();
    for (const d of ctx.deployment.documents) if (!byPath.has(d.file.path)) byPath.set(d.file.path, d);
    return {
      byPath,
      paths: new Set(byPath.keys()),
      contextsOf: (dockerfile: string) => images?.contextsOf(dockerfile) ?? [path.dirname(dockerfile)],
    };
  });
}
