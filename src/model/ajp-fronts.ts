/**
 * The httpd fronts that speak AJP to a Tomcat connector of the tree, tied to the connector they reach: mod_jk's ajp13
 * workers (of the worker map each httpd reads: ./modjk-mounts.ts; a workers file no httpd names gives unread fronts:
 * ./modjk-workers.ts) and mod_proxy_ajp's `ajp://` passes
 * (./httpd.ts records them). A front reaches a connector on its port when the tree shows the host is the connector's:
 * a loopback host from the same container (./loopback.ts), or the Compose service that runs the connector's server.xml.
 * Any other host (an address, a name no service has) is not tied: the tree does not say which machine it is.
 */
import type { ModelContributor, ModelContext } from './contributor';
import type { RelatedLocation } from '../core/types';
import type { AjpFront, AjpFrontLink, TomcatAjpConnector } from './ajp-records';
import { containerRunners, LOOPBACK, loopbackReaches, type ServiceOf } from './loopback';
import { unreadJkFronts } from './modjk-workers';
import { relativePosix } from '../core/posix-path';
import * as path from 'node:path';
import type { Location, Range } from '../core/types';
import type { ComposeData } from '../parse/compose';
import type { ParsedDocument } from '../parse/types';

/** What ties a front's host to a connector's server.xml, if the tree shows it. */
function tieOf(
  ctx: ModelContext,
  servicesOf: (file: string) => ServiceOf[],
  front: AjpFront,
  connector: TomcatAjpConnector,
): RelatedLocation[] | undefined {
  const frontFile = front.at.file;
  const serverFile = connector.at.file;
  if (LOOPBACK.test(front.host)) {
    const reach = loopbackReaches(
      servicesOf,
      { file: frontFile, host: ctx.hostOf(frontFile) },
      { file: serverFile, host: ctx.hostOf(serverFile) },
    );
    if (reach) return reach.evidence;
    // One image holds both files: the web server and Tomcat run in one container.
    const images = new Set(ctx.images.holding(serverFile).map((h) => h.dockerfile));
    const shared = ctx.images.holding(frontFile).find((h) => images.has(h.dockerfile));
    if (shared)
      return [
        {
          file: shared.dockerfile,
          message: `this image holds both ${relativePosix(ctx.deployment.root, frontFile)} and ${relativePosix(ctx.deployment.root, serverFile)}`,
        },
      ];
    return undefined;
  }
  // The host is a name of a Compose service that runs the server.xml, on the network of the front's own service (if
  // any): one project, or Compose files of one directory, whose project name (and default network) is that
  // directory's when each is run alone (AdoreJE/docker-httpd-tomcat-cluster@8a49ee3: docker/docker-compose-httpd.yml
  // and docker/docker-compose-tomcat.yml). Only one such service may answer to the name.
  const own = servicesOf(frontFile).filter((s) => !s.pod);
  const reached = servicesOf(serverFile).filter(
    (s) =>
      !s.pod &&
      (own.length === 0 ||
        own.some((o) => o.project === s.project || path.dirname(o.at.file) === path.dirname(s.at.file))) &&
      composeNamesOf(ctx, s).some((n) => n.value.toLowerCase() === front.host),
  );
  const [service] = reached;
  if (!service || reached.some((s) => s.at.file !== service.at.file || s.name !== service.name)) return undefined;
  const name = composeNamesOf(ctx, service).find((n) => n.value.toLowerCase() === front.host)!;
  const other = own.find((o) => o.project !== service.project);
  return [
    { ...service.at, message: `Compose service ${service.name} runs this server.xml` },
    ...(name.at ? [{ ...name.at, message: `${name.value} is a name of Compose service ${service.name}` }] : []),
    ...(other
      ? [
          {
            file: other.at.file,
            message: `${path.basename(other.at.file)} is in the directory of ${path.basename(service.at.file)}: run alone, each gets the directory's project name and default network`,
          },
        ]
      : []),
  ];
}

/**
 * The names a Compose service's containers answer to on its networks: the service's own, `container_name:` and the
 * network `aliases:` (not `hostname:`, which other containers cannot look up).
 */
function composeNamesOf(ctx: ModelContext, s: ServiceOf): { value: string; at?: Location }[] {
  const doc = ctx.documentsOf('compose').find((d) => d.file.path === s.at.file) as
    | ParsedDocument<ComposeData>
    | undefined;
  const service = doc?.data.services.find((c) => c.name === s.name);
  const at = (range: Range) => ({ file: s.at.file, range });
  return [
    { value: s.name },
    ...(service?.containerName ? [{ value: service.containerName.value, at: at(service.containerName.range) }] : []),
    ...(service?.networkAliases ?? []).map((a) => ({ value: a.value, at: at(a.range) })),
  ];
}

/** Each front tied to the one connector it reaches (none tied, or several: not linked). */
export function linkAjpFronts(ctx: ModelContext, fronts: readonly AjpFront[]): AjpFrontLink[] {
  const connectors = ctx.deployment.tomcatAjpConnectors ?? [];
  if (connectors.length === 0 || fronts.length === 0) return [];
  const servicesOf = containerRunners(ctx);
  const links: AjpFrontLink[] = [];
  for (const front of fronts) {
    const reached = connectors.flatMap((connector) => {
      if (connector.port !== front.port) return [];
      const tie = tieOf(ctx, servicesOf, front, connector);
      return tie ? [{ front, connector, tie }] : [];
    });
    if (reached.length === 1) links.push(reached[0]!);
  }
  return links;
}

export const ajpFrontsContributor: ModelContributor = {
  id: 'ajp-fronts',
  reads: ['modjk.', 'httpd'],
  contribute(ctx) {
    const fronts = [
      ...(ctx.deployment.jkFronts ?? []),
      ...unreadJkFronts(ctx),
      ...(ctx.deployment.ajpProxyFronts ?? []),
    ];
    const links = linkAjpFronts(ctx, fronts);
    if (links.length > 0) ctx.deployment.ajpFrontLinks = links;
  },
};
