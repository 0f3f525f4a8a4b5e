/**
 * A host an Ansible project of the tree installs Debian's mod_jk package on (`apt: name=libapache2-mod-jk`:
 * ../parse/ansible-package-installs.ts), and where its `template:`/`copy:` tasks put the tree's files there: as an image
 * that installs the package (./modjk-package.ts), that host's httpd reads the workers file a task puts at the package's
 * path. Derived once per deployment, from the YAML files the read stage recorded as steps.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { debianModJkInstalls } from '../parse/ansible-package-installs';
import { ansibleFileTasks, ansibleSourceCandidates, YAML_STEPS_KIND } from '../parse/yaml-file-placements';
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
    const installing = steps.find((d) => debianModJkInstalls(d.file).length > 0);
    if (!installing) return undefined;
    const [range] = debianModJkInstalls(installing.file);
    const read = new Set(ctx.deployment.documents.map((d) => d.file.path));
    const placed: AnsiblePlaced[] = [];
    for (const doc of steps)
      for (const task of ansibleFileTasks(doc.file)) {
        const [src] = task.sources;
        if (src === undefined || task.destination === undefined) continue;
        const file = ansibleSourceCandidates(doc.file.path, task.verb, src).find((f) => read.has(f));
        const dest = task.destination.trim();
        // A directory `dest` takes the source's name, as Ansible's template and copy actions do.
        if (file)
          placed.push({
            file,
            path: dest.endsWith('/') ? dest + path.posix.basename(src.trim()) : dest,
            at: { file: doc.file.path, range: task.range },
          });
      }
    return { installed: { file: installing.file.path, range }, placed };
  });
}
