import * as path from 'node:path';
import { compileConfigGlob } from '../core/glob';
import type { ComponentConfig } from '../core/config';

/** A path segment `.` or `..`, or an empty one (`a//b`): the fast path below needs a normalised path. */
const UNNORMALISED = /(^|[\\/])\.{1,2}([\\/]|$)|[\\/][\\/]/;

/**
 * `path.relative(from, to)` with `/` separators. Model code asks this for every file of every
 * deployment; when `to` lies inside `from` and is already normalised (the walk's paths are) the answer
 * is a slice, without resolving both paths against the working directory as `path.relative` does.
 */
export function relativePosix(from: string, to: string): string {
  if (to.length > from.length + 1 && to.startsWith(from) && to[from.length] === path.sep && !from.endsWith(path.sep)) {
    const rest = to.slice(from.length + 1);
    if (!UNNORMALISED.test(rest) && !UNNORMALISED.test(from))
      return path.sep === '/' ? rest : rest.split(path.sep).join('/');
  }
  return path.relative(from, to).split(path.sep).join('/');
}

export interface ComponentGlob {
  component: ComponentConfig;
  /** Matches a path relative to the config's directory (`/` separators). */
  match: (relative: string) => boolean;
}

const compiled = new WeakMap<ComponentConfig[], { length: number; globs: ComponentGlob[] }>();

/** The config's `components[].files` globs, compiled once per config (not once per file or deployment). */
export function componentGlobs(components: ComponentConfig[]): ComponentGlob[] {
  const known = compiled.get(components);
  if (known && known.length === components.length && known.globs.every((g, i) => g.component === components[i]))
    return known.globs;
  const globs = components.map((component) => ({
    component,
    match: compileConfigGlob(component.files, { dot: true }, 'config "components"'),
  }));
  compiled.set(components, { length: components.length, globs });
  return globs;
}
