/**
 * A key store of the tree that a Dockerfile COPYs (or ADDs) over its JDK's cacerts (`COPY cacerts
 * $JAVA_HOME/lib/security/cacerts`): the JDK's default trust anchors are then that store's certificates and nothing
 * else — the public CAs it shipped with are gone. JDK 17.0.15 here: a cacerts holding one private root, a JSSE client
 * to a server under another root fails with "PKIX path building failed … unable to find valid certification path to
 * requested target"; to a server under that root it connects. Where the JDK keeps cacerts depends on its feature
 * release (and, for JDK 8, on whether the image holds a JDK or a JRE): ./image-home-files.ts. A Debian-packaged JDK's
 * cacerts is a link to /etc/ssl/certs/java/cacerts, so a store copied there replaces them: ./image-system-store.ts.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { systemCaStoreOf } from '../knowledge';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCommands, runtimeStage } from '../parse/dockerfile-stages';
import { homeFileCopy } from './image-home-files';
import { systemStoreCopy } from './image-system-store';
import type { ParsedDocument } from '../parse/types';

/** A tree key store an image puts in place of its JDK's cacerts. */
export interface CacertsReplacement {
  /** The tree file. */
  file: string;
  /** The COPY/ADD that puts it there. */
  at: Location;
  /** Its destination as the Dockerfile writes it. */
  path: string;
  /** Set when more anchors join it at run time (why): then a missing anchor is not decisive. */
  merged?: string;
}

/**
 * The tree key store the image holds as its JDK's cacerts, or undefined: no copy there, a JDK whose layout (or home)
 * is unknown, or a later instruction that rewrites or replaces the file in a way not followed (a system CA store
 * refresh the JDK follows, a copy from another stage, a RUN that names cacerts other than keytool -importcert).
 * `optInElsewhere`: where the deployment sets USE_SYSTEM_CA_CERTS outside the Dockerfile (a Compose environment);
 * `contexts`: the build contexts the Dockerfile is built from (a Compose `build:`, else its directory): one holding the
 * source decides, several that disagree leave it unknown.
 */
export function cacertsReplacement(
  doc: ParsedDocument<DockerfileData>,
  treeFiles: ReadonlySet<string>,
  optInElsewhere?: string,
  contexts: readonly string[] = [path.dirname(doc.file.path)],
): CacertsReplacement | undefined {
  const data = doc.data;
  // In the JDK's home, or on the system Java store a distribution JDK's cacerts links to (./image-system-store.ts).
  const home = homeFileCopy(doc, treeFiles, 'cacerts', contexts);
  const system = home ? undefined : systemStoreCopy(doc, treeFiles, contexts);
  const found = home ?? system;
  const image = runtimeStage(data)?.image;
  if (!found?.file || !image) return undefined;
  const commands = heldCommands(data);
  const after = commands.filter((c) => c.instruction === 'RUN' && c.range.start.line + 1 > found.copy.line);
  // A refresh of the system CA store the JDK's cacerts follows rewrites it from that store.
  const store = systemCaStoreOf(image);
  if (store && !store.optIn && after.some((c) => new RegExp(`(^|[\\s/;&|])${store.command}(\\s|$)`).test(c.joined)))
    return undefined;
  // keytool imports add to it (./image-cacerts.ts); anything else that names cacerts may replace or empty it.
  if (after.some((c) => /cacerts/.test(c.joined) && !/keytool\s[^;&|]*-import(cert)?(\s|$)/.test(c.joined)))
    return undefined;
  // Adoptium's entrypoint adds the system's CA store to the JDK's cacerts at each start when the variable is set
  // (knowledge systemCaStores); set here or where the container starts (a Compose environment), the store is not all.
  if (system?.merged)
    return {
      file: found.file,
      at: { file: doc.file.path, range: found.copy.range },
      path: found.copy.written[found.copy.written.length - 1]!,
      merged: system.merged,
    };
  const mergedBy =
    commands.find((c) => c.instruction === 'ENV' && /(^|\s)USE_SYSTEM_CA_CERTS(=|\s)/.test(c.joined))?.range ??
    (optInElsewhere ? 'elsewhere' : undefined);
  return {
    file: found.file,
    at: { file: doc.file.path, range: found.copy.range },
    path: found.copy.written[found.copy.written.length - 1]!,
    ...(mergedBy && {
      merged: `USE_SYSTEM_CA_CERTS is set (${mergedBy === 'elsewhere' ? optInElsewhere : `Dockerfile line ${mergedBy.start.line + 1}`}): the eclipse-temurin entrypoint then adds the system's CA store to it at each start`,
    }),
  };
}
