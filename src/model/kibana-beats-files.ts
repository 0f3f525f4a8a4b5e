/**
 * Which tree file a path Kibana or a Beat names is, when a Compose service that runs the configuration file (its bind
 * mount puts that file into the container) also bind-mounts the tree file at that path. Kibana reads a relative path
 * from its working directory, /usr/share/kibana in Elastic's image (its Dockerfile's `WORKDIR`); a Beat's relative paths
 * are not placed. Anything else stays as written: the derive stage places an absolute path any mount fills.
 */
import * as path from 'node:path';
import type { ParsedDocument } from '../parse/types';
import { mountedTreeFile } from './kafka-protocols';
import type { StoreRef, TreeMount } from './types';

/** The working directory of Kibana in Elastic's image, from which it reads a relative path. */
export const KIBANA_IMAGE_HOME = '/usr/share/kibana';

const covers = (mount: TreeMount, file: string): boolean =>
  file === mount.hostPath || file.startsWith(`${mount.hostPath}${path.sep}`);

/** The tree file and mount for a written path, or nothing, for the services that run `doc`. */
export function mountPlacer(
  mounts: readonly TreeMount[],
  doc: ParsedDocument,
  treeFiles: ReadonlySet<string>,
  home: string | undefined,
): (written: string) => Pick<StoreRef, 'file' | 'mountedAt'> {
  const runs = new Set(
    mounts.filter((m) => m.mount.service && covers(m, doc.file.path)).map((m) => `${m.file}\0${m.mount.service}`),
  );
  return placerOf(
    mounts.filter((m) => runs.has(`${m.file}\0${m.mount.service}`)),
    treeFiles,
    home,
  );
}

/** The same for one Compose service's own mounts (a Kibana service whose variables name the files). */
export function servicePlacer(
  mounts: readonly TreeMount[],
  composeFile: string,
  service: string,
  treeFiles: ReadonlySet<string>,
): (written: string) => Pick<StoreRef, 'file' | 'mountedAt'> {
  const own = mounts.filter((m) => m.file === composeFile && m.mount.service === service);
  return placerOf(own, treeFiles, KIBANA_IMAGE_HOME);
}

function placerOf(
  own: readonly TreeMount[],
  treeFiles: ReadonlySet<string>,
  home: string | undefined,
): (written: string) => Pick<StoreRef, 'file' | 'mountedAt'> {
  return (written) => {
    const target = written.startsWith('/')
      ? written
      : home && !/\$\{/.test(written)
        ? path.posix.join(home, written)
        : undefined;
    const found = target && own.length > 0 ? mountedTreeFile(own, path.posix.normalize(target)) : undefined;
    return found && treeFiles.has(found.file) ? { file: found.file, mountedAt: found.at } : {};
  };
}
