/**
 * Which files of the tree Docker Compose puts into containers, and which Compose project does it: the bind mounts
 * of each Compose file (src/parse/compose-volumes.ts) resolved to the tree's paths. Two files that only different
 * Compose projects mount are not used together: each project starts its own containers from its own files
 * (docs/deployments.md § Docker Compose bind mounts).
 */
import * as path from 'node:path';
import type { ParsedDocument } from '../parse/types';
import type { ComposeData } from '../parse/compose';
import type { ComposeMount } from '../parse/compose-volumes';

export interface TreeMount {
  /** The Compose file that writes it. */
  file: string;
  /** The project it belongs to: the Compose file, or for `compose.yaml` and its default override, their directory. */
  project: string;
  mount: ComposeMount;
  /** The absolute host path it mounts. */
  hostPath: string;
}

/** The files Compose reads together without being told (`compose.yaml` + `compose.override.yaml`). */
const DEFAULT_FILE = /^(docker-)?compose(\.override)?\.ya?ml$/;
/** `${VAR}/rest` or `$VAR/rest`: a variable, then a relative path with no other variable in it. */
const VARIABLE_THEN_PATH = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)[\\/]([^$]+)$/;

/**
 * The bind mounts of the deployment's Compose files whose source is known: relative to the Compose file's directory,
 * absolute, or a variable followed by a path that a directory of the tree holds, nearest first from the Compose file's
 * directory up to the deployment root (`${PYTEST_MODULE_PATH}/certs` of test/test_ssl/compose.yml is
 * test/test_ssl/certs when the tree holds files there). A source that is a variable alone, or starts with `~`, is unknown.
 */
export function composeMountsOf(documents: ParsedDocument[], root: string): TreeMount[] {
  const composeFiles = documents.filter((d) => d.kind === 'compose');
  if (composeFiles.length === 0) return [];
  const paths = documents.map((d) => d.file.path);
  const holds = (dir: string) => paths.some((p) => p === dir || p.startsWith(dir + path.sep));
  const out: TreeMount[] = [];
  for (const doc of composeFiles) {
    const dir = path.dirname(doc.file.path);
    const project = DEFAULT_FILE.test(path.basename(doc.file.path)) ? dir : doc.file.path;
    for (const mount of (doc.data as ComposeData).mounts) {
      const hostPath = hostPathOf(mount.source, dir, root, holds);
      if (hostPath !== undefined) out.push({ file: doc.file.path, project, mount, hostPath });
    }
  }
  return out;
}

function hostPathOf(source: string, dir: string, root: string, holds: (dir: string) => boolean): string | undefined {
  if (source.startsWith('~')) return undefined;
  const variable = VARIABLE_THEN_PATH.exec(source);
  if (!variable) return source.includes('$') ? undefined : path.resolve(dir, source);
  for (let base = dir; ; base = path.dirname(base)) {
    const candidate = path.resolve(base, variable[1]!);
    if (holds(candidate)) return candidate;
    if (base === root || path.dirname(base) === base || !base.startsWith(root)) return undefined;
  }
}

/**
 * Whether two files of the tree are used apart: Compose mounts each of them, and no Compose project mounts both.
 * A file no Compose file mounts may be used by anything, so it is never apart.
 */
export function usedApartBy(mounts: TreeMount[]): (a: string, b: string) => boolean {
  const projectsOf = (file: string) =>
    new Set(mounts.filter((m) => file === m.hostPath || file.startsWith(m.hostPath + path.sep)).map((m) => m.project));
  return (a, b) => {
    if (mounts.length === 0) return false;
    const pa = projectsOf(a);
    const pb = projectsOf(b);
    return pa.size > 0 && pb.size > 0 && ![...pa].some((p) => pb.has(p));
  };
}
