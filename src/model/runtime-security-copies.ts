import * as path from 'node:path';
import { jdkHomeFilesOfImage } from '../knowledge';
import type { RunMemo } from '../core/run-memo';
import type { DockerfileData } from '../parse/dockerfile';
import { contextSources } from '../parse/dockerfile-copies';
import { runtimeStage } from '../parse/dockerfile-stages';
import type { ImageFiles } from '../parse/image-files';
import type { ParsedDocument } from '../parse/types';
import { homeFileCopy } from './image-home-files';
import type { MisplacedHomeCopy } from './deployment-records';

/**
 * The tree java.security files a Dockerfile copies over its image JDK's java.security (./image-home-files.ts), and
 * those the final image of a Dockerfile whose JDK lint-deploy knows holds anywhere else: a copy to another JDK's
 * security directory or to /app reaches that image's JDK only when a -Djava.security.properties loads it (the caller
 * asks), so the file stands for no JDK of its own (wyona/katie-backend@88aeb9b: `COPY java.security
 * /usr/java/openjdk-21/conf/security/.` on eclipse-temurin:21 made a second, unknown JDK, and the app's JDK unknown).
 */
export function securityFilesCopiedOverJdk(
  documents: readonly ParsedDocument[],
  images: ImageFiles,
  misplaced: readonly MisplacedHomeCopy[],
  memo?: RunMemo,
): Set<string> {
  const dockerfiles = documents.filter((d): d is ParsedDocument<DockerfileData> => d.kind === 'dockerfile');
  if (dockerfiles.length === 0) return new Set();
  const treeFiles = new Set(documents.map((d) => d.file.path));
  const copied = new Set(
    dockerfiles.flatMap(
      (d) => homeFileCopy(d, treeFiles, 'javaSecurity', images.contextsOf(d.file.path), memo)?.file ?? [],
    ),
  );
  // One copied into the JDK's home where that JDK does not read it (java/security-file-copied-where-unread) was meant
  // for that JDK too (imduffy15/timeouts-reproduced: `COPY java.security $JAVA_HOME/jre/lib/security/` on JDK 11).
  for (const { copy, contexts } of misplaced.filter((m) => m.which === 'javaSecurity'))
    for (const source of contextSources(copy))
      for (const context of contexts) {
        const file = path.join(context, source);
        if (treeFiles.has(file)) copied.add(file);
      }
  const knownJdk = new Set(
    dockerfiles.flatMap((d) => {
      const image = runtimeStage(d.data)?.image;
      return image && jdkHomeFilesOfImage(image, memo) ? [d.file.path] : [];
    }),
  );
  if (knownJdk.size === 0) return copied;
  for (const doc of documents)
    if (doc.kind === 'java.security' && images.holding(doc.file.path).some((h) => knownJdk.has(h.dockerfile)))
      copied.add(doc.file.path);
  return copied;
}
