import { compileConfigGlob } from '../core/glob';
import type { ComponentConfig } from '../core/config';

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

/**
 * A directory of the tree as a component's name shows it: its path from the deployment root (`hostOf`), the root itself
 * as `top directory` (`Java application (top directory)`, not `(.)`, which says nothing in a report of several trees).
 * Not the root directory's own name: that is the name of wherever the tree is checked out (a CI runner's work
 * directory, a temporary clone), and a name that changes with it would change findings' messages and, for rules
 * whose fingerprint is their message, the baseline fingerprints.
 */
export function directoryLabel(relative: string): string {
  return relative || 'top directory';
}
