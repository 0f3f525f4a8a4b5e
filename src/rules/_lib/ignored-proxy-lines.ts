/**
 * What nginx/proxy-ssl-ignored and httpd/proxy-ssl-ignored say alike of proxy TLS lines that only plain passes apply:
 * the lines as written, the first pass and how many more, the related locations and the fingerprint.
 */
import type { Location, RelatedLocation } from '../../core/types';
import { ours, said, type Phrase } from '../../core/phrase';
import type { RuleRelated } from '../types';

interface IgnoredLine {
  written: string;
  at: Location;
  via?: RelatedLocation[];
}

export function ignoredProxyLines<P extends { at: Location }>(
  directives: readonly IgnoredLine[],
  passes: readonly P[],
  /** A pass as written (`proxy_pass http://app`). */
  written: (pass: P) => string,
): {
  data: { directives: string; verb: Phrase; passes: string; passVerb: Phrase };
  related: RuleRelated[];
  fingerprint: string[];
} {
  const [first] = passes;
  const others = passes.length - 1;
  const passList = !first
    ? ''
    : others === 0
      ? written(first)
      : `${written(first)} and ${others} other pass${others > 1 ? 'es' : ''}`;
  return {
    data: {
      directives: directives.map((d) => d.written).join(', '),
      verb: directives.length === 1 ? ours('is') : ours('are'),
      passes: passList,
      passVerb: passes.length === 1 ? ours('is') : ours('are'),
    },
    related: [
      ...directives.slice(1).map((d) => ({ ...d.at, message: said`${d.written}: ignored too` })),
      ...passes.map((p) => ({ ...p.at, message: said`${written(p)}: a plain connection` })),
      ...(directives[0]?.via ?? []),
    ],
    fingerprint: [...directives.map((d) => d.written), ...passes.map(written)],
  };
}
