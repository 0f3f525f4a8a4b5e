/** nginx directives as the nginx contributors see them: with the file they were written in and the includes that brought them. */
import type { Range, RelatedLocation } from '../core/types';
import type { NginxDirective } from '../parse/nginx';
import { traced } from './java-shared';
import type { Traced } from './types';

/** A directive together with the file it was written in (includes bring directives from other files). */
export interface Placed {
  directive: NginxDirective;
  file: string;
  block?: Placed[];
  /** The `include` directives that brought it, outermost first (related places of findings on it). */
  via?: RelatedLocation[];
}

/** The last `name` directive of a scope (outer levels first, so the innermost setting wins). */
export function last(list: Placed[], name: string): Placed | undefined {
  return [...list].reverse().find((p) => !p.block && p.directive.name === name);
}

/** From the first argument to the last (the directive's name when it has none). */
export function argsRange(p: Placed): Range {
  const args = p.directive.args;
  const [first] = args;
  const last = args.at(-1);
  return first && last ? { start: first.range.start, end: last.range.end } : p.directive.nameRange;
}

/** A value traced to the directive's arguments, with the includes that brought it. */
export function tracedAt<T>(p: Placed, value: T): Traced<T> {
  const t = traced(value, p.file, argsRange(p));
  return p.via && t.from.kind === 'file' ? { value, from: { ...t.from, via: p.via } } : t;
}
