/**
 * Spring configuration files of one app that belong to different environments: `k8s/overlays/dev/application.yml` and
 * `k8s/overlays/prod/application.yml` (each generated into its overlay's ConfigMap by Kustomize), `deploy/test/` and
 * `deploy/prod/`. Spring Boot reads, besides the packaged files, `application.*` in the working directory, in its
 * `config/` and in `config/*` (https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.files);
 * a file elsewhere reaches the app only through a mount or a location the environment gives it. When two directories
 * hold files of the same name, each is one environment's: the app runs with one of them, and which one the tree does
 * not say. Merged by path order, they gave one app the last directory's TLS settings over another's port.
 */
import * as path from 'node:path';
import type { Entry, ParsedDocument } from '../parse/types';
import { springKey, springKeyUnder, type SpringConfigData } from '../parse/spring';
import { resourcesDirOf } from './spring-config-locations';
import { relativePosix } from '../core/posix-path';

export interface EnvironmentConfigs<T extends ParsedDocument = ParsedDocument> {
  /** The files of the environment directories, none of which is read as the app's own. */
  files: T[];
  /** Those directories, sorted. */
  dirs: string[];
}

/**
 * The environment directories among an app's Spring files (`projectDir`: the directory it is built and started in,
 * undefined when unknown): directories other than the project's own, its `config/` and `config/*`, that hold a file
 * named like a file of another such directory. Files a Spring Cloud Config server serves (`served`) are no app's own.
 */
export function environmentConfigs<T extends ParsedDocument>(
  files: readonly T[],
  projectDir: string | undefined,
  served: ReadonlyMap<ParsedDocument, string> = new Map(),
): EnvironmentConfigs<T> {
  const read = (dir: string) =>
    projectDir !== undefined &&
    (dir === projectDir ||
      dir === path.join(projectDir, 'config') ||
      path.dirname(dir) === path.join(projectDir, 'config'));
  const byDir = new Map<string, T[]>();
  for (const file of files) {
    if (served.has(file) || resourcesDirOf(file.file.path) !== undefined) continue;
    const dir = path.dirname(file.file.path);
    if (read(dir)) continue;
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  const dirsNaming = new Map<string, Set<string>>();
  for (const [dir, docs] of byDir)
    for (const doc of docs) {
      const name = path.basename(doc.file.path);
      dirsNaming.set(name, (dirsNaming.get(name) ?? new Set()).add(dir));
    }
  const dirs = [...byDir.keys()].filter((dir) =>
    byDir.get(dir)!.some((doc) => dirsNaming.get(path.basename(doc.file.path))!.size > 1),
  );
  return { files: dirs.flatMap((dir) => byDir.get(dir)!), dirs: dirs.sort() };
}

/** What the HTTPS server of an app with environment directories cannot know: which directory's `server.*` runs. */
export interface EnvironmentServerSettings {
  /** The environment directories, relative to the deployment root. */
  dirs: string[];
  /** The `server.*` settings the environments set apart, with the file of each. */
  settings: { doc: ParsedDocument<SpringConfigData>; entry: Entry }[];
}

/**
 * The environments' `server.*` settings that differ from the app's own (`packaged`) in some environment; undefined
 * when there is none: then the environment the app runs in decides nothing the server is made of.
 */
export function environmentServerSettings(
  environments: EnvironmentConfigs<ParsedDocument<SpringConfigData>>,
  root: string,
  packaged: (key: string) => string | undefined,
): EnvironmentServerSettings | undefined {
  const byKey = new Map<string, Map<string, { doc: ParsedDocument<SpringConfigData>; entry: Entry }>>();
  for (const doc of environments.files)
    for (const entry of doc.entries.filter((e) => springKeyUnder(e, 'server.'))) {
      const key = springKey(entry.key);
      const inDir = byKey.get(key) ?? new Map<string, { doc: ParsedDocument<SpringConfigData>; entry: Entry }>();
      byKey.set(key, inDir.set(path.dirname(doc.file.path), { doc, entry }));
    }
  const settings = [...byKey].flatMap(([key, inDir]) => {
    // The app's own value counts too: what every environment sets alike still overrides it, and the server is made
    // of the app's own files only.
    const values = [packaged(key), ...environments.dirs.map((dir) => inDir.get(dir)?.entry.value ?? packaged(key))].map(
      (v) => v?.trim(),
    );
    return values.every((v) => v === values[0]) ? [] : [...inDir.values()];
  });
  return settings.length > 0 ? { dirs: environments.dirs.map((dir) => relativePosix(root, dir)), settings } : undefined;
}
