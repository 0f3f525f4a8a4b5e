/**
 * A Java application's pgjdbc URL whose `sslmode` its driver does not know (Deployment.pgjdbcUnknownModes): pgjdbc from
 * 9.2-1001, which reads `sslmode`, and before 42.2.5 knows only disable, require, verify-ca and verify-full (matched
 * with case), and throws "Invalid sslmode value: prefer" at every connection for anything else — `prefer` and `allow`
 * among them (knowledge POSTGRES.driver.modes). Recorded only where the driver's version is written in the build file
 * that names the app's Spring Boot release (a Maven `org.postgresql:postgresql` dependency's `<version>`, a Gradle
 * coordinate); a driver Spring Boot manages, or a version kept elsewhere, leaves it unknown. Whatever server the URL
 * names: the driver refuses the URL before it connects.
 */
import { pgjdbcKnowsMode } from '../knowledge';
import { gradleDependencyVersion, mavenDependencyVersion } from '../parse/spring-boot-version';
import { LineIndex } from '../parse/text';
import type { SpringBootRelease } from './attributes';
import type { ModelContext } from './contributor';
import { callOf, urlQuery, writtenJdbcUrl } from './jdbc-targets';
import { POSTGRES_PORT, POSTGRES_URL } from './postgres-calls';
import type { SpringSettings } from './spring-settings';
import type { PgjdbcUnknownMode } from './types';

export function pgjdbcUnknownModeOf(
  ctx: ModelContext,
  app: { id: string; name: string },
  settings: SpringSettings,
  springBoot: SpringBootRelease | undefined,
): PgjdbcUnknownMode | undefined {
  const url = springBoot && writtenJdbcUrl(settings, POSTGRES_URL, POSTGRES_PORT);
  const mode = urlQuery(url?.parameters).get('sslmode');
  if (!url || !springBoot || mode === undefined) return undefined;
  const build = ctx.deployment.documents.find((d) => d.file.path === springBoot.at.file);
  if (!build) return undefined;
  const read = /\.gradle(\.kts)?$/.test(build.file.path) ? gradleDependencyVersion : mavenDependencyVersion;
  const driver = read(build.file.text, new LineIndex(build.file.text), 'org.postgresql', 'postgresql');
  if (!driver || pgjdbcKnowsMode(driver.version, mode) !== false) return undefined;
  return {
    ...callOf(app, url),
    mode,
    driver: { version: driver.version, at: { file: build.file.path, range: driver.range } },
  };
}
