import * as path from 'node:path';
import { DirectoryTree } from './dir-tree';
import { posixPath } from './posix-path';

/** A Maven or Gradle build file: its directory is one application's (or library's) source tree. */
export const isBuildFile = (file: string): boolean => /^(pom\.xml|build\.gradle(\.kts)?)$/.test(path.basename(file));

/**
 * A Helm chart's `Chart.yaml`: its directory is one chart, installed on its own (`helm install <release> <chart>`), as
 * the charts of a charts repository (bitnami/charts: `bitnami/<chart>/Chart.yaml`) are.
 */
export const isChartFile = (file: string): boolean => path.basename(file) === 'Chart.yaml';

/**
 * The project a file belongs to: of `projects` (directories holding a build file), the nearest one at or above the
 * file's directory, or undefined. A module of a Maven parent is its own project.
 */
export function projectOfFile(projects: readonly string[]): (file: string) => string | undefined {
  const tree = new DirectoryTree(projects, (dir) => dir, path.sep);
  return (file) => tree.lookup(path.dirname(file)).nearestHolders[0];
}

/** A Gradle build that filters resources itself (Ant's ReplaceTokens takes `@name@`, a `filter { … }` closure anything). */
const GRADLE_FILTERS = /\bReplaceTokens\b|\bfilter\s*[({]/;

/**
 * Whether a file lies in the `src/main/resources` of a project that builds with Gradle alone (a build.gradle[.kts]
 * beside its `src`, no pom.xml) and whose build file filters no resources: Gradle's processResources copies them as
 * they are, so `@name@` is text, not a Maven resource-filtering placeholder (Spring Boot's `@..@` expansion is the
 * Maven parent's; with Gradle it is `expand(…)` with `${…}`:
 * https://docs.spring.io/spring-boot/how-to/properties-and-configuration.html#howto.properties-and-configuration.expand-properties).
 */
export function inGradleOnlyProject(buildFiles: readonly string[], read: (file: string) => string | undefined) {
  const poms = new Set<string>();
  const gradle = new Map<string, string>();
  for (const file of buildFiles) {
    const dir = path.dirname(file);
    if (path.basename(file) === 'pom.xml') poms.add(dir);
    else if (isBuildFile(file) && !gradle.has(dir)) gradle.set(dir, file);
  }
  const filtersResources = new Map<string, boolean>();
  return (file: string): boolean => {
    const at = posixPath(file).lastIndexOf('/src/main/resources/');
    if (at < 0) return false;
    const project = file.slice(0, at);
    const build = gradle.get(project);
    if (!build || poms.has(project)) return false;
    if (!filtersResources.has(project)) filtersResources.set(project, GRADLE_FILTERS.test(read(build) ?? 'filter('));
    return !filtersResources.get(project);
  };
}
