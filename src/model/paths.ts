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

/** The deployment root's name in every label and message (`directoryLabel`, `directoryWords`). */
const TOP_DIRECTORY = 'top directory';

/**
 * A directory of the tree as a component's name shows it: its path from the deployment root (`hostOf`), the root itself
 * as `top directory` (`Java application (top directory)`, not `(.)`, which says nothing in a report of several trees).
 * Not the root directory's own name: that is the name of wherever the tree is checked out (a CI runner's work
 * directory, a temporary clone), and a name that changes with it would change findings' messages and, for rules
 * whose fingerprint is their message, the baseline fingerprints.
 */
export function directoryLabel(relative: string): string {
  return relative || TOP_DIRECTORY;
}

/**
 * A directory of the tree as a sentence names it: its path from the deployment root, or words for the root, whose path
 * `.` reads as a typo at the start of a sentence (robert0714/vagrant_ihs_liberty_sticky-session: ". uses the same key
 * pair").
 */
export function directoryWords(relative: string): string {
  return relative === '' || relative === '.' ? `the deployment's ${TOP_DIRECTORY}` : relative;
}
