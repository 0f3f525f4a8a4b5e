import * as path from 'node:path';
import type { Range, RelatedLocation } from '../../core/types';
import type { Deployment } from '../../model/types';
import { contextSources } from '../../parse/dockerfile-copies';
import type { ReportDescriptor } from '../types';
import type { DockerfileData } from '../../parse/dockerfile';
import type { ParsedDocument } from '../../parse/types';
import { runtimeStage } from '../../parse/dockerfile-stages';
import { escapeRegExp } from '../../core/regex';
import type { MisplacedHomeCopy, MisplacedHomeFile } from '../../model/deployment-records';

/**
 * Whether another instruction of the Dockerfile (outside the lines of `range`), or another file of the deployment,
 * names what `named` matches (a path a copy lands on). `otherDockerfiles: false`: the deployment's other
 * Dockerfiles, which build other images, are not asked.
 */
export function namedElsewhere(
  documents: readonly ParsedDocument[],
  dockerfile: ParsedDocument<DockerfileData>,
  range: Range,
  named: RegExp,
  otherDockerfiles = true,
): boolean {
  return documents.some((d) => {
    if (d !== dockerfile) return (otherDockerfiles || d.kind !== 'dockerfile') && named.test(d.file.text);
    const lines = d.file.text.split('\n');
    return lines.some((line, i) => (i < range.start.line || i > range.end.line) && named.test(line));
  });
}

/**
 * Whether anything else names the path a misplaced copy lands on, under `$JAVA_HOME` or the image's JDK home (a
 * `RUN mv` that moves it on, a `-Djavax.net.ssl.trustStore` or `-Djava.security.properties` naming it).
 */
function landedPathNamedElsewhere(
  documents: readonly ParsedDocument[],
  dockerfile: ParsedDocument<DockerfileData>,
  found: MisplacedHomeFile,
): boolean {
  const homes = ['\\$\\{?JAVA_HOME\\}?', ...(found.home ? [escapeRegExp(found.home)] : [])];
  const named = new RegExp(`(${homes.join('|')})/+${escapeRegExp(found.landed)}(?![\\w.-])`);
  return namedElsewhere(documents, dockerfile, found.copy.range, named);
}

/** The deployment's Dockerfiles whose running stage names an image, with that image. */
export function imageDockerfiles(
  documents: readonly ParsedDocument[],
): { dockerfile: ParsedDocument<DockerfileData>; image: string }[] {
  const found: { dockerfile: ParsedDocument<DockerfileData>; image: string }[] = [];
  for (const doc of documents) {
    if (doc.kind !== 'dockerfile') continue;
    const dockerfile = doc as ParsedDocument<DockerfileData>;
    const image = runtimeStage(dockerfile.data)?.image;
    if (image) found.push({ dockerfile, image });
  }
  return found;
}

/**
 * The Dockerfile's copies of its JDK's `which` file to where that JDK does not read it (as the model found them) that
 * nothing else names: one whose source a .dockerignore leaves out is handed to `leftOut` (the build stops there, nothing
 * lands anywhere), the others returned.
 */
export function misplacedCopies(
  deployment: Deployment,
  dockerfile: ParsedDocument<DockerfileData>,
  which: MisplacedHomeCopy['which'],
  image: string,
  leftOut: (report: ReportDescriptor<'leftOut'>) => void,
): MisplacedHomeCopy[] {
  const found: MisplacedHomeCopy[] = [];
  for (const copy of deployment.misplacedHomeFiles ?? []) {
    if (copy.dockerfile !== dockerfile.file.path || copy.which !== which) continue;
    if (landedPathNamedElsewhere(deployment.documents, dockerfile, copy)) continue;
    const report = copyLeftOutReport(deployment, dockerfile, copy, image);
    if (report) leftOut(report);
    else found.push(copy);
  }
  return found;
}

/**
 * A misplaced copy whose every source the .dockerignore of each build context it is built from (a Compose `build:`,
 * else the Dockerfile's directory) leaves out: the file is not in the context, and the build stops at the copy
 * (Docker's CopyIgnoredFile build check, "Trying to copy or add a file which is missing from the context will result
 * in a build error": https://docs.docker.com/reference/build-checks/copy-ignored-file/), with the .dockerignore lines
 * as related places. Undefined when a source is in a context, or comes from a stage or an image.
 */
function copyLeftOutReport(
  deployment: Deployment,
  dockerfile: ParsedDocument<DockerfileData>,
  found: MisplacedHomeCopy,
  image: string,
): ReportDescriptor<'leftOut'> | undefined {
  const sources = contextSources(found.copy);
  if (sources.length === 0) return undefined;
  // Compose services that build it from another directory than its own decide which .dockerignore applies.
  const elsewhere = found.contexts.some((c) => c !== path.dirname(dockerfile.file.path));
  const lines: RelatedLocation[] = (elsewhere ? found.composeBuilds : []).map((by) => ({
    ...by,
    message: `builds ${path.basename(dockerfile.file.path)} from this context`,
  }));
  for (const context of found.contexts)
    for (const source of sources) {
      // This Dockerfile's exclusions only: another of the context may read another ignore file, or copy it elsewhere.
      const excluded = (deployment.contextExclusions?.get(path.join(context, source)) ?? []).filter(
        (e) => e.dockerfile === dockerfile.file.path,
      );
      if (excluded.length === 0) return undefined;
      lines.push(...excluded.map((e) => e.line));
    }
  return {
    messageId: 'leftOut',
    data: { source: found.copy.written.slice(0, -1).join(' '), image },
    location: { file: dockerfile.file.path, range: found.copy.range },
    related: lines,
    fingerprint: [found.landed, 'dockerignore'],
  };
}
