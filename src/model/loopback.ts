/**
 * Which Compose services and Kubernetes Pod containers run a file of the tree, and whether a loopback URL
 * (`https://localhost:8443`) from one file reaches a server configured in another: a container's `localhost` is its own
 * network namespace, shared only by the containers of one service, by a service joined to another's
 * (`network_mode: service:<name>`), by services on the host's network (`network_mode: host`)
 * (https://docs.docker.com/reference/compose-file/services/#network_mode), or by the containers of one Pod — a sidecar
 * TLS proxy answers its app's `https://localhost` (https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking).
 */
import * as path from 'node:path';
import type { Location, RelatedLocation } from '../core/types';
import type { ComposeData } from '../parse/compose';
import { composeBuildsOf } from './compose-builds';
import { composeProjectOf, deploymentMounts } from './compose-mounts';
import { containerStarts } from './container-starts';
import type { ModelContext } from './contributor';

/** A URL host that is the caller's own machine. */
export const LOOPBACK = /^(?:localhost|127(?:\.\d+){3}|\[?::1\]?)$/;

const under = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

/**
 * A Docker Compose service that puts a file of the tree into its container, or a container of a Kubernetes Pod whose
 * image is built from the file's directory (`pod`), and where the Compose file or the manifest says so.
 */
export interface ServiceOf {
  /** The Compose service's name (its host name on the Compose network), or the Pod container's label. */
  name: string;
  /** The Compose project, or the manifest file and Pod template (all containers of one Pod share its network). */
  project: string;
  at: Location;
  pod?: boolean;
  /** Where the tree builds the Pod container's image from the file's directory (a Skaffold artifact…). */
  builtAt?: RelatedLocation[];
  /** Its `network_mode:` as written (`host`, `service:proxy`) and where, when it sets one. */
  networkMode?: string;
  networkModeAt?: Location;
}

/**
 * The Compose services that run each file's program: a bind mount of the file or of a directory holding it, or a build
 * context holding it below the Compose file's own directory (a context of `.` holds every service's files: no tie).
 * On a Compose network a service's name is the host name of its containers. Also the Kubernetes Pod containers whose
 * image the tree builds from a directory holding the file (./container-starts.ts).
 */
export function containerRunners(ctx: ModelContext): (file: string) => ServiceOf[] {
  // Asked by a dozen contributors of one deployment: the ties depend on its documents alone, so they are made once.
  return ctx.once('containerRunners', () => tiesOf(ctx));
}

function tiesOf(ctx: ModelContext): (file: string) => ServiceOf[] {
  // Several Compose files of one project (overrides) may each set it: the last one read wins.
  const modes = new Map<string, { networkMode: string; networkModeAt: Location }>();
  for (const doc of ctx.documentsOf('compose'))
    for (const service of (doc.data as ComposeData).services)
      if (service.networkMode)
        modes.set(`${composeProjectOf(doc.file.path)}\0${service.name}`, {
          networkMode: service.networkMode.value,
          networkModeAt: { file: doc.file.path, range: service.networkMode.range },
        });
  const withMode = (service: ServiceOf): ServiceOf => {
    const mode = modes.get(`${service.project}\0${service.name}`);
    return mode ? { ...service, ...mode } : service;
  };
  const ties: { dir: string; service: ServiceOf }[] = [];
  for (const m of deploymentMounts(ctx))
    if (m.mount.service)
      ties.push({
        dir: m.hostPath,
        service: withMode({ name: m.mount.service, project: m.project, at: { file: m.file, range: m.mount.range } }),
      });
  for (const { doc, service, context } of composeBuildsOf(ctx)) {
    if (context === undefined || under(path.dirname(doc.file.path), context)) continue;
    const project = composeProjectOf(doc.file.path);
    ties.push({ dir: context, service: withMode({ name: service.name, project, at: { file: doc.file.path } }) });
  }
  for (const start of containerStarts(ctx.deployment.documents, ctx.deployment.root, composeBuildsOf(ctx)))
    if (start.dir !== undefined)
      ties.push({
        dir: start.dir,
        service: {
          name: start.container.label,
          project: `pod\0${start.doc.file.path}\0${start.container.pod}`,
          at: { file: start.doc.file.path, range: start.container.range },
          pod: true,
          builtAt: (start.builtAt ?? []).map((at, i) => ({
            ...at,
            message: `${start.builtBy?.[i] ?? 'a build'} builds the image of ${start.container.label}`,
          })),
        },
      });
  return (file) => ties.filter((t) => under(file, t.dir)).map((t) => t.service);
}

/**
 * Where two services' containers are shown to share one network namespace, hence one `localhost` (the services, and
 * the `network_mode:` lines that join them), or undefined when they do not.
 */
export function sharedNetwork(a: ServiceOf, b: ServiceOf): RelatedLocation[] | undefined {
  if (a.project !== b.project) return undefined;
  const ns = (s: ServiceOf) =>
    s.pod ? '' : s.networkMode?.startsWith('service:') ? s.networkMode.slice(8).trim() : s.name;
  if (ns(a) !== ns(b) && !(a.networkMode === 'host' && b.networkMode === 'host')) return undefined;
  const places: RelatedLocation[] = [];
  for (const s of a.name === b.name ? [a] : [a, b]) {
    places.push({
      ...s.at,
      message: s.pod
        ? `${s.name} runs this configuration; the containers of one Pod share its localhost`
        : `Compose service ${s.name} runs this configuration`,
    });
    places.push(...(s.builtAt ?? []));
    if (s.networkModeAt)
      places.push({ ...s.networkModeAt, message: `network_mode: ${s.networkMode}: ${s.name} shares its localhost` });
  }
  return places;
}

/**
 * How a loopback URL written in `caller` may reach a server configured in `server`, if it may: when Compose runs both
 * files, only if their services share a network namespace; else only from the server's own host directory (one
 * machine, as far as the tree shows, which does not prove it). Containers of two services each have their own `localhost`: the call never reaches the other.
 */
export function loopbackReaches(
  servicesOf: (file: string) => ServiceOf[],
  caller: { file: string; host: string },
  server: { file: string; host: string },
): { tie: 'compose-service' | 'directory'; evidence: RelatedLocation[] } | undefined {
  const mine = servicesOf(caller.file);
  const theirs = servicesOf(server.file);
  if (mine.length > 0 && theirs.length > 0) {
    for (const a of mine)
      for (const b of theirs) {
        const evidence = sharedNetwork(a, b);
        if (evidence) return { tie: 'compose-service', evidence };
      }
    return undefined;
  }
  return caller.host !== '' && caller.host === server.host ? { tie: 'directory', evidence: [] } : undefined;
}

/**
 * The Compose projects a call written in `file` is made from: those of the services that run the file, or, for a
 * setting a Compose file gives a service (its `environment:`), that file's own project.
 */
export function callerProjects(
  ctx: ModelContext,
  servicesOf: (file: string) => ServiceOf[],
  file: string,
): Set<string> {
  const compose = ctx.documentsOf('compose').some((d) => d.file.path === file);
  return new Set(compose ? [composeProjectOf(file)] : servicesOf(file).map((s) => s.project));
}
