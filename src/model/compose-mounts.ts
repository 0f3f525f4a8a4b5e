/**
 * Which files of the tree Docker Compose puts into containers, and which Compose project does it: the bind mounts
 * of each Compose file (src/parse/compose-volumes.ts) resolved to the tree's paths. Two files that only different
 * Compose projects mount are not used together: each project starts its own containers from its own files
 * (docs/deployments.md § Docker Compose bind mounts).
 */
import * as path from 'node:path';
import type { ParsedDocument } from '../parse/types';
import type { ComposeData } from '../parse/compose';
import { mountHolding } from '../parse/compose-volumes';
import type { ModelContext } from './contributor';
import type { Component, TreeMount } from './types';
import type { Location, TreeLink } from '../core/types';

export type { TreeMount };

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
export function composeMountsOf(
  documents: readonly ParsedDocument[],
  root: string,
  links: readonly TreeLink[] = [],
): TreeMount[] {
  const composeFiles = documents.filter((d) => d.kind === 'compose');
  if (composeFiles.length === 0) return [];
  // Every read file and each directory above it: whether the tree holds a path is one lookup, not a scan of the files
  // per mount (vdesabou/kafka-docker-playground@95b2d38d1: 4,977 files, hundreds of Compose files' mounts).
  const held = new Set<string>();
  for (const document of documents)
    for (let at = document.file.path; !held.has(at); at = path.dirname(at)) {
      held.add(at);
      if (path.dirname(at) === at) break;
    }
  const holds = (dir: string) => held.has(dir);
  const out: TreeMount[] = [];
  for (const doc of composeFiles) {
    const dir = path.dirname(doc.file.path);
    const project = composeProjectOf(doc.file.path);
    const { mounts, services } = doc.data as ComposeData;
    for (const mount of mounts) {
      const written = hostPathOf(mount.source, dir, root, holds);
      const hostPath = written === undefined ? undefined : throughLinks(written, holds, links);
      const image = services.find((service) => service.name === mount.service)?.image;
      if (hostPath !== undefined)
        out.push({ file: doc.file.path, project, mount, hostPath, ...(image ? { image } : {}) });
    }
  }
  return out;
}

/** The Compose project a file belongs to: the file, or for `compose.yaml` and its default override, their directory. */
export function composeProjectOf(composeFile: string): string {
  return DEFAULT_FILE.test(path.basename(composeFile)) ? path.dirname(composeFile) : composeFile;
}

/** The deployment's mounts (Deployment.composeMounts, computed once when the model starts). */
export function deploymentMounts(ctx: ModelContext): TreeMount[] {
  return (ctx.deployment.composeMounts ??= composeMountsOf(
    ctx.deployment.documents,
    ctx.deployment.root,
    ctx.deployment.treeLinks,
  ));
}

/** How many links one host path is followed through (a link met again inside a linked directory's target). */
const LINK_HOPS = 8;

/**
 * A host path through a symbolic link, as the tree holds it: the walk keeps each file once, at the path of its target
 * (Lightstreamer/Lightstreamer-kafka-connector@c6cf311 examples/quickstart-ssl mounts ./secrets/broker, where secrets
 * links to ../compose-templates/secrets/). Taken only when the tree holds files there and none at the written path.
 * The links are those the walk recorded (Deployment.treeLinks, which `--cache` hashes with their targets), never the
 * disk's: a link pointed elsewhere is a new cached report, not the old one.
 */
function throughLinks(hostPath: string, holds: (dir: string) => boolean, links: readonly TreeLink[]): string {
  if (holds(hostPath) || links.length === 0) return hostPath;
  let real = hostPath;
  for (let hop = 0; hop < LINK_HOPS; hop++) {
    // The deepest link the path runs through (a link below a linked directory is met at its own path).
    let through: { link: string; target: string } | undefined;
    for (const { link, target } of links)
      if (target !== undefined && (real === link || real.startsWith(link + path.sep)))
        if (!through || link.length > through.link.length) through = { link, target };
    if (!through) break;
    real = through.target + real.slice(through.link.length);
  }
  return real !== hostPath && holds(real) ? real : hostPath;
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

/** Whether a bind mount brings a tree file into its container: the file is its host path or below it. */
export function mountBrings(mount: TreeMount, file: string): boolean {
  return file === mount.hostPath || file.startsWith(mount.hostPath + path.sep);
}

/**
 * Whether two files of the tree are used apart: Compose mounts each of them, and no Compose project mounts both.
 * A file no Compose file mounts may be used by anything, so it is never apart.
 */
export function usedApartBy(mounts: TreeMount[]): (a: string, b: string) => boolean {
  const projectsOf = (file: string) => new Set(mounts.filter((m) => mountBrings(m, file)).map((m) => m.project));
  return (a, b) => {
    if (mounts.length === 0) return false;
    const pa = projectsOf(a);
    const pb = projectsOf(b);
    return pa.size > 0 && pb.size > 0 && ![...pa].some((p) => pb.has(p));
  };
}

/** The container a mount goes into: its Compose file and service (an `x-` list's mounts name none). */
const containerOf = (m: TreeMount) => (m.mount.service === undefined ? undefined : `${m.file}\u0000${m.mount.service}`);

/** The bind mounts of the deployment that put a tree file into a container, each with that container (Compose file and service). */
export function containersMounting(
  mounts: readonly TreeMount[],
  file: string,
): { container: string; service: string; hostPath: string; at: Location }[] {
  return mounts.flatMap((m) => {
    const container = containerOf(m);
    return container !== undefined && (file === m.hostPath || file.startsWith(m.hostPath + path.sep))
      ? [
          {
            container,
            service: m.mount.service ?? '',
            hostPath: m.hostPath,
            at: { file: m.file, range: m.mount.range },
          },
        ]
      : [];
  });
}

/**
 * The tree file a container reads at an absolute path (nginx `ssl_certificate /etc/nginx/certs/x.crt`), for a
 * configuration file of the tree that Compose mounts into it: the mount of that container whose target holds the path
 * (the longest target, as Compose nests them). Undefined when no service mounts the configuration file, when a service
 * that does mounts nothing at that path (its image holds the file), or when the services that mount it disagree.
 */
export function treeFileInContainer(
  mounts: TreeMount[],
  configFile: string,
  containerPath: string,
  program?: string,
): { file: string; by: TreeMount } | undefined {
  if (!containerPath.startsWith('/')) return undefined;
  const mounting = mounts.filter((m) => configFile === m.hostPath || configFile.startsWith(m.hostPath + path.sep));
  // Several containers get the configuration (mailcow mounts its nginx directory into php-fpm too): the ones whose
  // service or image names the program that reads it run it, when some do.
  const running = program
    ? mounting.filter((m) => `${m.mount.service ?? ''} ${m.image ?? ''}`.toLowerCase().includes(program))
    : [];
  const containers = new Set((running.length > 0 ? running : mounting).map(containerOf));
  containers.delete(undefined);
  const found = new Map<string, TreeMount>();
  for (const container of containers) {
    const holding = mountHolding(
      mounts.filter((m) => containerOf(m) === container),
      (m) => m.mount.target,
      containerPath,
    );
    if (!holding) return undefined;
    found.set(path.join(holding.mount.hostPath, ...holding.below), holding.mount);
  }
  const [only, ...more] = found.entries();
  return only && more.length === 0 ? { file: only[0], by: only[1] } : undefined;
}

/**
 * A server's ssl_certificate files as the container that Compose mounts its configuration into reads them: the tree
 * file a mount of that container puts at the written path (`./nginx-proxy.tld.crt:/etc/nginx/certs/server.crt`), when
 * the tree holds it. When that mount's host path is not in the tree, the file is outside it (`mountedFromOutside`); with
 * no mount at that path, the written path stays, resolved by its name as before.
 */
export function readThroughMounts(
  component: Component,
  mounts: TreeMount[],
  treeFiles: Set<string>,
  program = 'nginx',
): void {
  const tls = component.tls;
  for (const ref of tls?.certificate ? [tls.certificate, ...(tls.moreCertificates ?? [])] : []) {
    if (!ref.file || !ref.reference) continue;
    const inTree = treeFileInContainer(mounts, ref.reference.file, ref.file, program);
    if (!inTree) continue;
    if (!treeFiles.has(inTree.file)) {
      ref.mountedFromOutside = { file: inTree.by.file, range: inTree.by.mount.range };
      continue;
    }
    ref.file = inTree.file;
    ref.mountedAt = { file: inTree.by.file, range: inTree.by.mount.range };
  }
}
