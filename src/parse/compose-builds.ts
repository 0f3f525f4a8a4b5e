import type { Location } from '../core/types';
import { serviceBuild, type ComposeData } from './compose';
import type { ParsedDocument } from './types';

/**
 * A Dockerfile a Docker Compose service builds: its context, where the service says so, its bind mounts' targets, and
 * the build arguments it gives.
 */
export interface ComposeBuild {
  dockerfile: string;
  context: string;
  args?: Readonly<Record<string, string>>;
  by?: Location;
  mountTargets: string[];
}

/** The Dockerfiles Docker Compose services build, with their context and the targets of their bind mounts. */
export function composeBuildsIn(documents: readonly ParsedDocument[]): ComposeBuild[] {
  const out: ComposeBuild[] = [];
  for (const doc of documents) {
    if (doc.kind !== 'compose') continue;
    const { services, mounts } = doc.data as ComposeData;
    for (const service of services) {
      const built = serviceBuild(doc.file.path, service);
      if (!built) continue;
      const targets = mounts.filter((m) => m.service === service.name).map((m) => m.target.replace(/\/+$/, ''));
      out.push({
        ...built,
        ...(service.buildRange && { by: { file: doc.file.path, range: service.buildRange } }),
        ...(service.buildArgs && { args: service.buildArgs }),
        mountTargets: targets,
      });
    }
  }
  return out;
}
