/**
 * The Jetty release a tree runs, from what builds its image: the official image's tag (`FROM jetty:9.4-jdk11`), a
 * distribution archive or directory (`jetty-distribution-9.3.27.v20190418`, `jetty-home-10.0.24`) or a JETTY_VERSION
 * variable in a Dockerfile. Releases that cannot be the same leave it unknown.
 */
import type { Location } from '../core/types';
import { jettyReleaseOfImage, jettyReleasesIn, sameJettyRelease } from '../knowledge/jetty';
import type { DockerfileData } from '../parse/dockerfile';
import type { ParsedDocument } from '../parse/types';
import { LineIndex } from '../parse/text';
import type { ModelContext } from './contributor';

export interface JettyRelease {
  version: string;
  at: Location;
  by: string;
}

/** The one Jetty release the deployment's Dockerfiles name, `conflict` when they name different ones, else undefined. */
export function jettyReleaseOf(ctx: ModelContext): JettyRelease | 'conflict' | undefined {
  const found: JettyRelease[] = [];
  for (const doc of ctx.documentsOf('dockerfile') as ParsedDocument<DockerfileData>[]) {
    const last = doc.data.stages.at(-1);
    const tagged = last?.image ? jettyReleaseOfImage(last.image) : undefined;
    if (last && tagged)
      found.push({ version: tagged, at: { file: doc.file.path, range: last.range }, by: `FROM ${last.image}` });
    const index = new LineIndex(doc.file.text);
    for (const m of jettyReleasesIn(doc.file.text))
      found.push({
        version: m.release,
        at: { file: doc.file.path, range: index.rangeAt(m.index, m.index + m.length) },
        by: doc.file.text.slice(m.index, m.index + m.length),
      });
  }
  const first = found[0];
  if (!first) return undefined;
  if (!found.every((f) => found.every((g) => sameJettyRelease(f.version, g.version)))) return 'conflict';
  // The most precise name (`9.3.27` over `9.3`).
  return found.reduce((a, b) => (b.version.length > a.version.length ? b : a), first);
}
