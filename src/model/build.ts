import * as path from 'node:path';
import picomatch from 'picomatch';
import type { LintConfig } from '../engine/config-types';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import { MODEL_CONTRIBUTORS } from './registry';
import { findRuntimes, makeRuntimeResolver } from './runtime';
import type { Deployment } from './types';

export interface BuildOptions {
  config: LintConfig;
  /** `--java-version` / `--java-vendor` from the command line. */
  java?: { version?: string; vendor?: string };
}

/** Builds the deployment model: runtimes, then every contributor's components and links. */
export function buildDeployment(root: string, documents: ParsedDocument[], options: BuildOptions): Deployment {
  const { config } = options;
  const runtimes = findRuntimes(documents);
  const componentMatchers = config.components.map((c) => ({ match: picomatch(c.files, { dot: true }), java: c.java }));
  const matchComponent = (file: string) => {
    const relative = path.relative(config.baseDir, file).split(path.sep).join('/');
    return componentMatchers.find((m) => m.java && (m.match(relative) || m.match(path.posix.dirname(relative))))?.java;
  };
  const runtimeFor = makeRuntimeResolver(runtimes, config, matchComponent, options.java);
  const deployment: Deployment = {
    root,
    documents,
    components: [],
    links: [],
    runtime: runtimeFor(path.join(root, '.')),
  };
  const ids = new Set<string>();
  const ctx: ModelContext = {
    deployment,
    config,
    documentsOf: (prefix) => documents.filter((d) => d.kind.startsWith(prefix)),
    addComponent(component) {
      // Ids must be unique inside a deployment: suffix repeats instead of failing the run.
      let id = component.id;
      for (let n = 2; ids.has(id); n++) id = `${component.id}#${n}`;
      ids.add(id);
      deployment.components.push({ ...component, id });
    },
    addLink: (link) => deployment.links.push(link),
    runtimeFor,
    hostOf(file) {
      const dir = path.relative(root, path.dirname(file));
      return dir.split(path.sep).join('/');
    },
  };
  for (const contributor of MODEL_CONTRIBUTORS) contributor.contribute(ctx);
  return deployment;
}
