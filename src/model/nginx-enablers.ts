/**
 * What in the tree may enable an nginx file of a `*-available` directory that no include reaches
 * (./nginx-unloaded.ts): a symbolic link to it or its directory, a Dockerfile RUN that places it (`RUN ln -s …`,
 * `cp`) or a CMD/ENTRYPOINT that names it, a COPY/ADD that puts it elsewhere than a directory of the same name, a
 * Compose bind mount that puts it in conf.d, and a shell script's, a Compose or Kubernetes command line's or an
 * Ansible task's link, copy, move or rendering of it (src/parse/script-file-placements.ts, yaml-file-placements.ts:
 * an entrypoint's `ln -s /etc/nginx/sites-available/x /etc/nginx/sites-enabled/`, `envsubst < …available/x > …/conf.d/x`,
 * `file: state=link`). Unknown
 * stays unknown: a script command whose source is a variable (`ln -s "$f" …`) may enable it when the script names the
 * directory elsewhere (`for f in /etc/nginx/sites-available/*`) or the command puts it where nginx reads (conf.d, a
 * `*-enabled` directory, nginx.conf, a place named by a variable).
 */
import * as path from 'node:path';
import type { RelatedLocation, TreeLink } from '../core/types';
import { runCommand, type ContainerRunsData } from '../parse/container-runs';
import type { DockerfileData } from '../parse/dockerfile';
import type { KubernetesData } from '../parse/kubernetes';
import { placementsIn, type FilePlacement, type FilePlacementsData } from '../parse/script-file-placements';
import type { ParsedDocument } from '../parse/types';
import type { TreeMount } from './types';
import { configMapEnablers } from './nginx-config-maps';
import { AVAILABLE_DIR, globMatches, loadedAt, LOADED_DIR, segments, unknownPath, type Enablers } from './nginx-places';

export interface EnablerSources {
  dockerfiles: readonly ParsedDocument<DockerfileData>[];
  /** What the tree's scripts place where: read when first asked (./script-placements.ts). */
  scripts: () => readonly ParsedDocument<FilePlacementsData>[];
  /** The Compose bind mounts the tree's paths resolve for. */
  mounts: readonly TreeMount[];
  /** The containers scripts and Makefiles run (`docker run -v …`). */
  runs: readonly ParsedDocument<ContainerRunsData>[];
  /** The symbolic links the walk met (Deployment.treeLinks). */
  links: readonly TreeLink[];
  /** The Kubernetes manifests whose Pods may mount a ConfigMap made of the file. */
  manifests: readonly ParsedDocument<KubernetesData>[];
}

/** What may enable `file` (in the directory `dirName` of `prefix`); undefined when the tree's links cannot be read. */
export function enablersOf(file: string, prefix: string, sources: EnablerSources): Enablers | undefined {
  const dirName = path.basename(path.dirname(file));
  const links = linksTo(file, prefix, sources.links);
  if (!links) return undefined;
  const configMaps = configMapEnablers(file, sources.scripts(), sources.manifests);
  return {
    enabling: [
      ...links,
      ...imageEnablers(file, dirName, sources.dockerfiles),
      ...scriptEnablers(file, dirName, sources.scripts()),
      ...mountEnablers(file, sources.mounts),
      ...runMountEnablers(file, sources.runs),
      ...configMaps.enabling,
    ],
    elsewhere: configMaps.elsewhere,
  };
}

/**
 * Compose bind mounts that put the file where nginx reads it: its directory at conf.d (`./sites-available:/etc/nginx/
 * conf.d`), or the file itself at a file of conf.d or a `*-enabled` directory. A mount of a directory above it keeps it
 * in its `*-available` directory inside the container, and enables nothing.
 */
function mountEnablers(file: string, mounts: readonly TreeMount[]): RelatedLocation[] {
  return mounts.flatMap((m) => {
    const inside = path.relative(m.hostPath, file);
    if (inside.startsWith('..') || path.isAbsolute(inside)) return [];
    const seen = path.posix.join(m.mount.target, inside.split(path.sep).join('/'));
    return loadedAt(seen) ? [{ file: m.file, range: m.mount.range, message: `mounted at ${seen}: may enable it` }] : [];
  });
}

/**
 * `docker run -v HOST:CONTAINER` or `--mount type=bind` of a script or a Makefile that puts the file where nginx reads
 * it, read as a Compose bind mount. Where the command runs is not known: the host path's last name is matched to the
 * file's directory, the file, or a directory above them, and the rest of the file's path is read below the container
 * path. A host path a variable ends (`$CONF`, `$(pwd)`) may be any directory: it may enable the file when what it mounts
 * lands in a loaded place. A bare name is a named volume, no tree path.
 */
function runMountEnablers(file: string, runs: readonly ParsedDocument<ContainerRunsData>[]): RelatedLocation[] {
  const parts = segments(file.split(path.sep).join('/'));
  return runs.flatMap((d) =>
    d.data.runs.flatMap((run) =>
      run.mounts.flatMap((m) => {
        const last = segments(m.host).at(-1) ?? '';
        const unknown = unknownPath(last) || last === '.' || last === '~';
        if (!unknown && !m.host.includes('/')) return [];
        const seen = unknown
          ? [path.posix.join(m.container, parts[parts.length - 1]!)]
          : parts.flatMap((p, k) => (p === last ? [path.posix.join(m.container, ...parts.slice(k + 1))] : []));
        const loaded = seen.find(loadedAt);
        return loaded === undefined
          ? []
          : [
              {
                file: d.file.path,
                range: m.range,
                message: `${runCommand(run)} mounts ${m.host} at ${loaded}: may enable it`,
              },
            ];
      }),
    ),
  );
}

/**
 * Symbolic links in a directory beside the file's that lead to it (`sites-enabled/x -> ../sites-available/x`), and
 * links beside its directory that lead to that directory (`sites-enabled -> sites-available`), from the links the walk
 * met (src/discover/walk.ts); undefined when one there cannot be followed (it dangles or leaves the tree: what it
 * leads to is unknown, and what cannot be read is not shown unreachable).
 */
function linksTo(file: string, prefix: string, links: readonly TreeLink[]): RelatedLocation[] | undefined {
  const dir = path.dirname(file);
  const found: RelatedLocation[] = [];
  for (const { link, target } of links) {
    const parent = path.dirname(link);
    const beside = parent === prefix;
    if (!beside && path.dirname(parent) !== prefix) continue;
    if (target === undefined) return undefined;
    if (beside && target === dir)
      found.push({ file: link, message: `a symbolic link to ${path.basename(dir)}: may enable it` });
    else if (!beside && target === file) found.push({ file: link, message: 'a symbolic link to it: may enable it' });
  }
  return found;
}

/**
 * Commands of an image the tree builds that may place the file or its directory (a RUN's ln/cp/mv/install/rsync,
 * envsubst or sed -i, read as a script's; a CMD or ENTRYPOINT that names it), and copies of it elsewhere. A RUN that
 * only names the directory (`RUN mkdir -p /etc/nginx/sites-available`) places nothing.
 */
function imageEnablers(
  file: string,
  dirName: string,
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
): RelatedLocation[] {
  const name = path.basename(file);
  const names = (text: string) => text.includes(dirName) || text.includes(name);
  const enables = placementEnables(file, dirName);
  // A here-document's commands (`RUN <<EOF`) are not read as commands: naming the directory there still counts.
  const places = (text: string) =>
    text.includes('<<') || placementsIn(text).some((p) => enables(p, text.includes(dirName)));
  const elsewhere = (destination: string | undefined) => {
    const d = (destination ?? '').replace(/\/+$/, '');
    return !d.endsWith(`/${dirName}`) && !d.endsWith(`/${dirName}/${name}`);
  };
  return dockerfiles.flatMap((d) => [
    ...d.data.commands
      .filter((c) => c.instruction !== 'ENV' && names(c.text) && (c.instruction !== 'RUN' || places(c.text)))
      .map((c) => ({ file: d.file.path, range: c.range, message: `${c.instruction} names ${dirName}: may enable it` })),
    ...d.data.copies
      .filter((c) => c.sources.some(names) && elsewhere(c.destination))
      .map((c) => ({
        file: d.file.path,
        range: c.range,
        message: `${c.instruction} puts it at ${c.destination ?? 'a place the tree does not name'}: may enable it`,
      })),
  ]);
}

/** Where nginx reads files (conf.d, a `*-enabled` directory, nginx.conf) or a place the script leaves unknown. */
function loadedPlace(destination: string | undefined): boolean {
  if (destination === undefined || unknownPath(destination)) return true;
  const parts = segments(destination);
  return parts.some((s) => LOADED_DIR.test(s)) || parts[parts.length - 1] === 'nginx.conf';
}

/** Script commands that link, copy, move or render the file or its directory out of the `*-available` directory. */
function scriptEnablers(
  file: string,
  dirName: string,
  scripts: readonly ParsedDocument<FilePlacementsData>[],
): RelatedLocation[] {
  const enables = placementEnables(file, dirName);
  return scripts.flatMap((doc) => {
    const namesDirectory = doc.file.text.includes(dirName);
    return doc.data.placements
      .filter((p) => enables(p, namesDirectory))
      .map((p) => ({ file: doc.file.path, range: p.range, message: `${whatItDoes(p)}: may enable it` }));
  });
}

/**
 * Whether a placement may enable the file: it links, copies or renders the file or its directory out of the
 * `*-available` directory, or a source it leaves unknown when the script names the directory or puts it where nginx
 * reads, or it writes text naming the directory into a file nginx reads.
 */
function placementEnables(
  file: string,
  dirName: string,
): (p: Omit<FilePlacement, 'range'>, namesDirectory: boolean) => boolean {
  const name = path.basename(file);
  // The directory itself, a pattern or variable inside it, or a file of the same name (`…/sites-available/x`, `x`).
  const literal = (source: string) => {
    const parts = segments(source);
    const last = parts[parts.length - 1] ?? '';
    if (last === dirName || last === name) return true;
    return parts[parts.length - 2] === dirName && (unknownPath(last) || globMatches(last, name));
  };
  return (p, namesDirectory) =>
    // A ConfigMap goes where the Pods that mount it put it (./nginx-config-maps.ts).
    !p.configMap &&
    // Into an `*-available` directory (where the tree's file came from) enables nothing.
    !(p.destination !== undefined && segments(p.destination).some((s) => AVAILABLE_DIR.test(s))) &&
    (p.sources.some(literal) ||
      (p.sources.some(unknownPath) && (namesDirectory || loadedPlace(p.destination))) ||
      // An include written or edited into a file nginx reads (`sed -i 's|sites-enabled|sites-available|' nginx.conf`).
      ((p.text ?? []).some((t) => t.includes(dirName)) && loadedPlace(p.destination)));
}

/** A placement in words: `links /etc/nginx/sites-available/x to /etc/nginx/sites-enabled/`, `edits nginx.conf`. */
function whatItDoes(p: FilePlacement): string {
  const to = p.destination === undefined ? '' : ` to ${p.destination}`;
  if (p.sources.length > 0) return `${howOf(p.verb)} ${p.sources.join(' ')}${to}`;
  return p.verb === 'sed' ? `edits ${p.destination ?? 'a file'}` : `writes${to}`;
}

/** What a placement does, in words (`ln` links, `envsubst` renders). */
function howOf(verb: string): string {
  if (verb === 'ln') return 'links';
  if (verb === 'mv') return 'moves';
  if (verb === 'cp' || verb === 'install' || verb === 'rsync') return 'copies';
  return /ensite$|^nginx_site$/.test(verb) ? 'enables' : 'renders';
}
