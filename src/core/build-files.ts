import * as path from 'node:path';

/** A Maven or Gradle build file: its directory is one application's (or library's) source tree. */
export const isBuildFile = (file: string): boolean => /^(pom\.xml|build\.gradle(\.kts)?)$/.test(path.basename(file));
