/**
 * Where each Docker Compose service builds its image: the build context directory and the Dockerfile, resolved in one
 * place (serviceBuild and serviceBuildContext, ../parse/compose.ts) and once per deployment (composeBuildsOf) for every module that asks —
 * the services running a file of their context (./loopback.ts), the app a built service starts (./java-shared.ts),
 * the image a Kubernetes container runs (./container-starts.ts), the mounts of a config server's container
 * (./spring-config-locations.ts). It reads no file: only the Compose documents.
 */
import { serviceBuild, serviceBuildContext, type ComposeData, type ComposeService } from '../parse/compose';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';

/** A Compose service that builds its image (`build:` set), and where, as far as the file says. */
export interface ComposeServiceBuild {
  doc: ParsedDocument<ComposeData>;
  service: ComposeService;
  /** The build context directory; undefined when the run decides it (`$`) or it is remote. */
  context?: string;
  /**
   * The Dockerfile it builds; undefined when unknown though the context may be known (a `${VAR}` or inline
   * Dockerfile: no Dockerfile of the tree, nor the context's own, is the one built).
   */
  dockerfile?: string;
}

/** The builds of the Compose services of these documents, in document then service order. */
export function composeServiceBuilds(documents: readonly ParsedDocument[]): ComposeServiceBuild[] {
  const builds: ComposeServiceBuild[] = [];
  for (const doc of documents) {
    if (doc.kind !== 'compose') continue;
    for (const service of (doc.data as ComposeData).services) {
      if (service.build === undefined) continue;
      const context = serviceBuildContext(doc.file.path, service);
      const dockerfile = serviceBuild(doc.file.path, service)?.dockerfile;
      builds.push({
        doc: doc as ParsedDocument<ComposeData>,
        service,
        ...(context !== undefined && { context }),
        ...(dockerfile !== undefined && { dockerfile }),
      });
    }
  }
  return builds;
}

/** The deployment's Compose service builds, resolved once per build of the model. */
export function composeBuildsOf(ctx: ModelContext): readonly ComposeServiceBuild[] {
  return ctx.once('composeServiceBuilds', () => composeServiceBuilds(ctx.documentsOf('compose')));
}
