import * as path from 'node:path';
import { DirectoryTree } from './dir-tree';

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
