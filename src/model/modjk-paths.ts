/**
 * Where the files mod_jk's directives name are in the tree (tomcat-connectors JK_1_2_50 native/apache-2.0/mod_jk.c
 * jk_set_worker_file, jk_set_mount_file: ap_server_root_relative, so a relative path is the ServerRoot's): where
 * Compose mounts or a Dockerfile copies a file to that path, or the tree's layout around the main configuration.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import type { HttpdData } from '../parse/httpd';
import type { ParsedDocument } from '../parse/types';
import { treeFileInContainer, type TreeMount } from './compose-mounts';
import { serverRootOf } from './httpd-mains';
import type { HttpdPlaced } from './httpd-tls';
import type { ImageFiles } from '../parse/image-files';
import type { DockerfileData } from '../parse/dockerfile';
import type { JkUriMapData } from '../parse/modjk-urimap';
import type { JkWorkersData } from '../parse/modjk-workers';
import type { ListedFiles } from './listed-files';
import type { AnsibleModJkHost } from './modjk-package-ansible';

const JK = TOMCAT_AJP_FRONTS.modJk;

/** What the model reads the workers with: the tree's workers files, and where images and Compose put files. */
export interface JkInputs {
  workers: readonly ParsedDocument<JkWorkersData>[];
  /** The tree's mount files (`uriworkermap.properties`), which a JkMountFile may name. */
  uriMaps: readonly ParsedDocument<JkUriMapData>[];
  images: ImageFiles;
  mounts: TreeMount[];
  /** The tree's files, read or not: an Include of a file the tree holds leaves nothing open. */
  listed: ListedFiles;
  /** The tree's Dockerfiles: an image that installs Debian's mod_jk package reads its workers file (./modjk-package.ts). */
  dockerfiles: readonly ParsedDocument<DockerfileData>[];
  /** Some httpd configuration of the tree writes a JkWorkersFile: the package's default is not assumed. */
  treeWritesWorkersFile: boolean;
  /** A host an Ansible project of the tree installs the package on (./modjk-package-ansible.ts). */
  ansible?: AnsibleModJkHost;
}

/** A value a template or httpd's `Define` fills in: not known from the tree. */
export const PLACEHOLDER = /\$\{|\{\{|\{%|<%|@[A-Z_]+@/;

/**
 * The file of the tree a `JkWorkersFile` (or `JkMountFile`, among `docs`) names, relative to the ServerRoot, or why
 * the tree does not say which it is.
 */
export function jkFileOf<T>(
  line: HttpdPlaced,
  main: ParsedDocument<HttpdData> | undefined,
  inputs: JkInputs,
  docs: readonly ParsedDocument<T>[],
): { doc: ParsedDocument<T>; by?: Location } | string {
  const written = line.directive.args[0]?.value ?? '';
  if (written === '' || PLACEHOLDER.test(written)) return `${line.directive.name} ${written} is set when httpd starts`;
  const byPath = (file: string | undefined) => docs.find((d) => d.file.path === file);
  // A relative path is the ServerRoot's (ap_server_root_relative): where the main configuration writes one, that
  // installed path is where Compose or a Dockerfile may put the file.
  const serverRoot = main ? serverRootWritten(main) : undefined;
  const installed = path.posix.isAbsolute(written)
    ? written
    : serverRoot
      ? path.posix.join(serverRoot, written)
      : undefined;
  if (installed) {
    // Where Compose or a Dockerfile puts the tree's files, the path names the file put there.
    const mounted = treeFileInContainer(inputs.mounts, line.file, installed, 'httpd');
    const placed = mounted
      ? { file: mounted.file, by: { file: mounted.by.file, range: mounted.by.mount.range } }
      : inputs.images.resolve(line.file, installed);
    if (placed) {
      const doc = byPath(placed.file);
      return doc ? { doc, by: placed.by } : `the tree's ${path.basename(placed.file)} is not read as one`;
    }
  }
  const candidates = main ? installedPlaces(main) : [];
  const found = [
    ...(installed
      ? candidates.flatMap(({ installed: dir, tree }) =>
          installed.startsWith(dir + '/') ? [path.join(tree, ...installed.slice(dir.length + 1).split('/'))] : [],
        )
      : []),
    ...(path.posix.isAbsolute(written)
      ? []
      : [path.resolve(main ? serverRootOf(main) : layoutRoot(line.file), written)]),
  ];
  for (const file of found) {
    const doc = byPath(file);
    if (doc) return { doc };
  }
  return `the tree holds no file the web server reads as ${written}`;
}

/** A file in `conf/` without a main configuration: the ServerRoot is the directory above (`Include conf/mod_jk.conf`). */
const layoutRoot = (file: string) =>
  path.basename(path.dirname(file)) === 'conf' ? path.dirname(path.dirname(file)) : path.dirname(file);

/** The installed ServerRoot a main configuration writes (Debian's for apache2.conf), or undefined when not known. */
function serverRootWritten(main: ParsedDocument<HttpdData>): string | undefined {
  const debian = path.basename(main.file.path).toLowerCase() === 'apache2.conf';
  const written = main.data.directives.find((d) => d.key === 'serverroot')?.args[0]?.value.replace(/\/+$/, '');
  const serverRoot = written && !PLACEHOLDER.test(written) ? written : debian ? JK.mounts.debianServerRoot : undefined;
  return serverRoot?.startsWith('/') ? serverRoot : undefined;
}

/**
 * The installed directories a main configuration's place in the tree stands for: its own directory (the ServerRoot's
 * conf/ for httpd.conf, the ServerRoot for Debian's apache2.conf) and, when the tree keeps the ServerRoot's layout, the
 * ServerRoot. The ServerRoot is the written one, or Debian's for apache2.conf; otherwise not known.
 */
function installedPlaces(main: ParsedDocument<HttpdData>): { installed: string; tree: string }[] {
  const debian = path.basename(main.file.path).toLowerCase() === 'apache2.conf';
  const serverRoot = serverRootWritten(main);
  if (!serverRoot) return [];
  const dir = path.dirname(main.file.path);
  return [
    { installed: debian ? serverRoot : `${serverRoot}/conf`, tree: dir },
    ...(debian || path.basename(dir) === 'conf' ? [{ installed: serverRoot, tree: serverRootOf(main) }] : []),
  ];
}
