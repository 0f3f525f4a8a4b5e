import type { Location, RelatedLocation } from './types';

/**
 * Where a model value came from: a place in a file (with `via`, the variables that made it: Liberty `${…}`),
 * a runtime default, or the lint-deploy config/CLI.
 */
export type Provenance =
  | { kind: 'file'; location: Location; note?: string; via?: RelatedLocation[] }
  | { kind: 'default'; origin: string; confidence?: 'verified' | 'inferred' }
  | { kind: 'config'; origin: string };

/** A value that remembers where it came from. */
export interface Traced<T> {
  value: T;
  from: Provenance;
}
