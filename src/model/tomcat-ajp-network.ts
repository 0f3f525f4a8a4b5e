/**
 * Where an AJP connector that turns secretRequired off is reachable when it listens on every address of a container:
 * the Compose services that run its server.xml (./loopback.ts containerRunners) that publish no port on the host and
 * keep their own network namespace reach it only from containers on their Compose networks — the proxy in front, as
 * the rule's advice asks (Paritosh-Anand/Docker-Httpd-Tomcat@(real-trees): tomcat/server.xml address="0.0.0.0"
 * secretRequired="false", its service `expose:`s 8009 and publishes nothing; httpd reaches it by mod_jk). A service
 * with any `ports:` item (in any Compose file of its project), a `network_mode:`, or a Kubernetes Pod container (other
 * Pods reach its address) is not kept so.
 */
import type { ModelContext } from './contributor';
import type { ComposeData } from '../parse/compose';
import type { ParsedDocument } from '../parse/types';
import type { Location } from '../core/types';
import { composeProjectOf } from './compose-mounts';
import { containerRunners } from './loopback';

/** The Compose services, each publishing nothing, that alone run `file`; undefined when none or not all are so kept. */
export function unpublishedComposeServices(
  ctx: ModelContext,
  file: string,
): { name: string; at: Location }[] | undefined {
  const runners = containerRunners(ctx)(file);
  if (runners.length === 0 || runners.some((s) => s.pod || s.networkMode !== undefined)) return undefined;
  const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
  const publishing = runners.some((s) =>
    composeFiles
      .filter((d) => composeProjectOf(d.file.path) === s.project)
      .some((d) => d.data.services.some((c) => c.name === s.name && (c.ports ?? []).length > 0)),
  );
  return publishing ? undefined : runners.map((s) => ({ name: s.name, at: s.at }));
}
