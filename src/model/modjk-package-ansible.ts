/**
 * A host an Ansible project of the tree installs Debian's mod_jk package on (`apt: name=libapache2-mod-jk`:
 * ../parse/ansible-package-installs.ts), and where its `template:`/`copy:` tasks put the tree's files there: as an image
 * that installs the package (./modjk-package.ts), that host's httpd reads the workers file a task puts at the package's
 * path. Derived once per deployment, from the YAML files the read stage recorded as steps.
 */
import type { Location, Range } from '../core/types';
import { debianModJkInstalls } from '../parse/ansible-package-installs';
import {
  ansibleDestinationPath,
  ansibleFileTasks,
  ansibleSourceCandidates,
  YAML_STEPS_KIND,
} from '../parse/yaml-file-placements';
import type { ModelContext } from './contributor';

/** A tree file a task puts on the host, at the path the task writes (template values left in: unknown). */
export interface AnsiblePlaced {
  file: string;
  path: string;
  at: Location;
}

export interface AnsibleModJkHost {
  /** The task that installs the package. */
  installed: Location;
  placed: AnsiblePlaced[];
}

export function ansibleModJkHost(ctx: ModelContext): AnsibleModJkHost | undefined {
  return ctx.once('ansibleModJkHost', () => {
    const steps = ctx.documentsOf(YAML_STEPS_KIND).filter((d) => d.kind === YAML_STEPS_KIND);
    // The first file with an install task, and that task: each file parsed once.
    let installing: { file: string; range: Range } | undefined;
    for (const doc of steps) {
      const [range] = debianModJkInstalls(doc.file);
      if (range) {
        installing = { file: doc.file.path, range };
        break;
      }
    }
    if (!installing) return undefined;
    const read = new Set(ctx.deployment.documents.map((d) => d.file.path));
    const placed: AnsiblePlaced[] = [];
    for (const doc of steps)
      for (const task of ansibleFileTasks(doc.file)) {
        const [src] = task.sources;
        if (src === undefined || task.destination === undefined) continue;
        const file = ansibleSourceCandidates(doc.file.path, task.verb, src).find((f) => read.has(f));
        if (file)
          placed.push({
            file,
            path: ansibleDestinationPath(task.destination.trim(), src),
            at: { file: doc.file.path, range: task.range },
          });
      }
    return { installed: installing, placed };
  });
}
