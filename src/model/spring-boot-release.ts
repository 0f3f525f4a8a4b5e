/**
 * The Spring Boot release a Spring app is built with, from the build file of its project (parse/spring-boot-version.ts):
 * the nearest directory at or above a configuration file whose `pom.xml` or `build.gradle[.kts]` names the release (a
 * module without one inherits its parent's: a Maven parent pom, a Gradle root script's `apply false` plugin). Settings
 * that exist only from a release on (knowledge: spring-boot.json) are read by that, and known ignored before it.
 */
import * as path from 'node:path';
import type { ParsedDocument } from '../parse/types';
import type { ImageBuildData } from '../parse/image-build';
import type { SpringBootRelease } from './attributes';
import { springBootManagedTomcat } from '../knowledge/spring-boot';
import type { SpringBootDeclaration } from '../parse/spring-boot-version';

const BUILD_KINDS = new Set(['build.image', 'build.spring-boot', 'build.dropwizard']);

/**
 * For a deployment's documents: the release of the project a file belongs to, or undefined when no build file says it.
 * `product`: Spring Boot's, Dropwizard's, or the embedded Tomcat a Spring Boot build runs: the `tomcat.version` it
 * overrides (read from the same build files: ../parse/spring-boot-version.ts), else the one its Spring Boot release's
 * dependency management pins (knowledge spring-boot-tomcat.json; a release the table lacks leaves it unknown).
 */
export function springBootReleases(
  documents: readonly ParsedDocument[],
  root: string,
  product: 'springBoot' | 'dropwizard' | 'embeddedTomcat' = 'springBoot',
): (file: string) => SpringBootRelease | undefined {
  const byDirectory = new Map<string, SpringBootRelease>();
  for (const doc of documents) {
    if (!BUILD_KINDS.has(doc.kind)) continue;
    const data = doc.data as ImageBuildData;
    const declared =
      product === 'embeddedTomcat' ? (data.embeddedTomcat ?? managedTomcat(data.springBoot)) : data[product];
    if (declared)
      byDirectory.set(path.dirname(doc.file.path), {
        version: declared.version,
        at: { file: doc.file.path, range: declared.range },
        by: declared.by,
      });
  }
  return (file) => {
    if (byDirectory.size === 0) return undefined;
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      const release = byDirectory.get(dir);
      if (release) return release;
      if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) return undefined;
    }
  };
}

/** The one release of several files' projects (an app's configuration files), or undefined when they differ or none says. */
export function commonRelease(
  files: readonly string[],
  releaseOf: (file: string) => SpringBootRelease | undefined,
): SpringBootRelease | undefined {
  const releases = new Set(files.map(releaseOf));
  const [only] = releases;
  return releases.size === 1 ? only : undefined;
}

/** The Tomcat release Spring Boot's dependency management pins for the release a build file names, where it says it. */
function managedTomcat(springBoot: SpringBootDeclaration | undefined): SpringBootDeclaration | undefined {
  const managed = springBoot && springBootManagedTomcat(springBoot.version);
  return (
    managed && {
      version: managed.tomcat,
      range: springBoot.range,
      by: `Spring Boot ${springBoot.version}'s dependency management (spring-boot-dependencies pins Tomcat ${managed.tomcat})`,
    }
  );
}
