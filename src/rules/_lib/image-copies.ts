import type { Range } from '../../core/types';
import type { DockerfileData } from '../../parse/dockerfile';
import type { ParsedDocument } from '../../parse/types';
import { runtimeStage } from '../../parse/dockerfile-stages';
import { escapeRegExp } from '../../core/regex';
import type { MisplacedHomeFile } from '../../model/image-home-files';

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
export function landedPathNamedElsewhere(
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
