/**
 * A file read only because another file names it (a `DockerfileMQ` that a Compose service's `build.dockerfile` names,
 * src/engine/run/read-followed.ts) is no Dockerfile without that line: each finding resting on it names the line too.
 * A reader then sees why that oddly named file was read, and a commit that adds or changes only the Compose line
 * reports the findings it brings (pre-commit reports the findings that name a changed file: DESIGN.md).
 */
import { renderPhrase, said } from '../../core/phrase';
import type { Finding, RelatedLocation } from '../../core/types';
import type { NamingPlace } from './read-followed';

const at = (file: string, l: { range?: RelatedLocation['range'] }) =>
  `${file}\u0000${l.range?.start.line ?? -1}:${l.range?.start.character ?? -1}`;

/** The findings, each naming the places that name a file it names (as its place or a related one) read only so. */
export function withNamingPlaces(
  findings: Finding[],
  namedBy: ReadonlyMap<string, NamingPlace[]>,
  mask: (text: string) => string,
): Finding[] {
  if (namedBy.size === 0) return findings;
  return findings.map((finding) => {
    const named = [finding.location.file, ...(finding.related ?? []).map((r) => r.file)];
    const places = [...new Set(named)].flatMap((file) => namedBy.get(file) ?? []);
    const known = new Set(named.map((file, i) => at(file, i === 0 ? finding.location : finding.related![i - 1]!)));
    const added = places
      .filter((p) => !known.has(at(p.file, p)))
      .map((p) => ({
        file: p.file,
        range: p.range,
        message: renderPhrase(
          said`the Compose service ${p.service} builds from ${p.written}: why that file is read as a Dockerfile`,
          mask,
        ),
      }));
    return added.length === 0 ? finding : { ...finding, related: [...(finding.related ?? []), ...added] };
  });
}
