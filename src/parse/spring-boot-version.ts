/**
 * The Spring Boot release a Maven or Gradle build file builds its project with, where it says so:
 * - Maven: the `<parent>` `spring-boot-starter-parent` (or `spring-boot-dependencies`), else a
 *   `spring-boot-dependencies` BOM imported in `<dependencyManagement>`, else the `spring-boot-maven-plugin`'s own
 *   `<version>`; `${name}` resolved from the pom's `<properties>`
 *   (https://docs.spring.io/spring-boot/maven-plugin/using.html).
 * - Gradle: the `org.springframework.boot` plugin's `version` in `plugins {}`, else the `spring-boot-gradle-plugin`
 *   or `spring-boot-dependencies` coordinates (`buildscript` classpath, `mavenBom`, `platform(…)`); `${name}` /
 *   `$name` resolved from an `ext`/`extra` assignment in the same file
 *   (https://docs.spring.io/spring-boot/gradle-plugin/getting-started.html).
 * A version kept elsewhere (a parent pom outside the tree, gradle.properties, a version catalog) is not read here: the
 * release is then unknown, and nothing that depends on it is decided.
 */
import type { Range } from '../core/types';
import type { LineIndex } from './text';

export interface SpringBootDeclaration {
  /** As written once resolved: `3.2.0`, `2.7.18`, `2.1.4.RELEASE`. */
  version: string;
  /** Where the version is written (a `<properties>` entry or `ext` assignment when the coordinate names one). */
  range: Range;
  /** What says it, as users say it: `the Maven parent spring-boot-starter-parent`. */
  by: string;
}

/** The text with comments blanked out (same length, so offsets stay those of the file). */
function withoutComments(text: string, xml: boolean): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return xml
    ? text.replace(/<!--[\s\S]*?-->/g, blank)
    : text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/^[ \t]*\/\/.*$/gm, blank);
}

interface Written {
  value: string;
  start: number;
}

const MAVEN_ARTIFACTS: Record<string, string> = {
  'spring-boot-starter-parent': 'the Maven parent spring-boot-starter-parent',
  'spring-boot-dependencies': 'the Maven BOM spring-boot-dependencies',
  'spring-boot-maven-plugin': 'the version of spring-boot-maven-plugin',
};

/** A pom's `<properties>`, each with where its value starts (the first of a name wins). */
function pomProperties(source: string): Map<string, Written> {
  const properties = new Map<string, Written>();
  const block = /<properties>([\s\S]*?)<\/properties>/.exec(source);
  if (block)
    for (const p of block[1]!.matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g)) {
      const start = block.index + '<properties>'.length + p.index + p[0].indexOf(p[2]!, p[1]!.length + 2);
      if (!properties.has(p[1]!)) properties.set(p[1]!, { value: p[2]!, start });
    }
  return properties;
}

/** A pom's Spring Boot release, or undefined. */
export function mavenSpringBoot(text: string, index: LineIndex): SpringBootDeclaration | undefined {
  const source = withoutComments(text, true);
  const properties = pomProperties(source);
  const found: { rank: number; declaration: SpringBootDeclaration }[] = [];
  for (const element of source.matchAll(/<(parent|dependency|plugin)>([\s\S]*?)<\/\1>/g)) {
    // The element's own coordinates: those of a plugin's nested dependencies or configuration are not its own.
    const own = element[2]!.split(/<(?:configuration|dependencies|executions|exclusions)>/)[0]!;
    const artifact = /<artifactId>\s*([^<]+?)\s*<\/artifactId>/.exec(own)?.[1];
    const group = /<groupId>\s*([^<]+?)\s*<\/groupId>/.exec(own)?.[1];
    const version = /<version>\s*([^<]+?)\s*<\/version>/.exec(own);
    if (!artifact || !MAVEN_ARTIFACTS[artifact] || !version) continue;
    if (group !== undefined && group !== 'org.springframework.boot') continue;
    if (element[1] === 'dependency' && artifact !== 'spring-boot-dependencies') continue;
    const at = element.index + element[0].indexOf(element[2]!) + version.index + version[0].indexOf(version[1]!);
    const written = resolve({ value: version[1]!, start: at }, properties);
    if (!written) continue;
    const rank = element[1] === 'parent' ? 0 : element[1] === 'dependency' ? 1 : 2;
    found.push({ rank, declaration: declaration(written, index, MAVEN_ARTIFACTS[artifact]) });
  }
  return found.sort((a, b) => a.rank - b.rank)[0]?.declaration;
}

const GRADLE_PLUGIN =
  /\bid\s*\(?\s*["']org\.springframework\.boot["']\s*\)?\s*\.?\s*version\s*\(?\s*["']([^"'\n]+)["']/g;
const GRADLE_COORDINATE = /["']org\.springframework\.boot:spring-boot-(gradle-plugin|dependencies):([^"'\n:@]+)["']/g;

/** A Gradle build script's Spring Boot release, or undefined. */
export function gradleSpringBoot(text: string, index: LineIndex): SpringBootDeclaration | undefined {
  const source = withoutComments(text, false);
  const variables = new Map<string, Written>();
  // `springBootVersion = '2.7.18'` (an `ext {}` block), `set('springBootVersion', "…")`, `extra["…"] = "…"`.
  const assignment =
    /(?:\b([\w.]+)\s*=\s*|\bset\(\s*["']([\w.]+)["']\s*,\s*|\bextra\[\s*["']([\w.]+)["']\s*\]\s*=\s*)["']([^"'\n$]+)["']/g;
  for (const m of source.matchAll(assignment)) {
    const name = (m[1] ?? m[2] ?? m[3])!.replace(/^(ext|project\.ext)\./, '');
    if (!variables.has(name)) variables.set(name, { value: m[4]!, start: m.index + m[0].lastIndexOf(m[4]!) });
  }
  for (const m of source.matchAll(GRADLE_PLUGIN)) {
    const written = resolve({ value: m[1]!, start: m.index + m[0].lastIndexOf(m[1]!) }, variables);
    if (written) return declaration(written, index, 'the Gradle plugin org.springframework.boot');
  }
  for (const m of source.matchAll(GRADLE_COORDINATE)) {
    const written = resolve({ value: m[2]!, start: m.index + m[0].lastIndexOf(m[2]!) }, variables);
    if (written) return declaration(written, index, `org.springframework.boot:spring-boot-${m[1]}`);
  }
  return undefined;
}

/** A written version, or the variable it names (`${spring-boot.version}`, `$springBootVersion`); undefined if unset. */
function resolve(written: Written, variables: ReadonlyMap<string, Written>): Written | undefined {
  const name = /^\$\{([\w.-]+)\}$|^\$([\w.]+)$/.exec(written.value);
  if (!name) return written.value.includes('$') ? undefined : written;
  const value = variables.get((name[1] ?? name[2])!);
  return value && !value.value.includes('$') ? value : undefined;
}

function declaration(written: Written, index: LineIndex, by: string): SpringBootDeclaration {
  return { version: written.value, range: index.rangeAt(written.start, written.start + written.value.length), by };
}

/**
 * The Dropwizard release of a build file's project, read the same way: Maven, the first `io.dropwizard` artifact
 * with a `<version>` (a `<dependency>` — also the `dropwizard-bom`/`dropwizard-dependencies` import of
 * `<dependencyManagement>` — or the `<parent>` `dropwizard-parent`), `${name}` from the pom's `<properties>`;
 * Gradle, the first `io.dropwizard:<artifact>:<version>` coordinate (`$name` / `${name}` from an `ext` assignment).
 * `io.dropwizard.metrics` and `io.dropwizard.modules` are other groups with their own releases.
 */
export function mavenDropwizard(text: string, index: LineIndex): SpringBootDeclaration | undefined {
  const source = withoutComments(text, true);
  const properties = pomProperties(source);
  for (const d of pomElements(source, /<(parent|dependency)>([\s\S]*?)<\/\1>/g)) {
    if (d.group !== 'io.dropwizard' || !d.artifact || !d.version) continue;
    const written = resolve(d.version, properties);
    if (written) return declaration(written, index, `the Maven ${d.kind} io.dropwizard:${d.artifact}`);
  }
  return undefined;
}

/**
 * The version a pom gives the dependency `group:artifact` itself (a `<dependency>`, in `<dependencyManagement>` too, with
 * its own `<version>`; `${name}` from the pom's `<properties>`), or undefined: a version a BOM or parent manages is not
 * read here.
 */
export function mavenDependencyVersion(
  text: string,
  index: LineIndex,
  group: string,
  artifact: string,
): SpringBootDeclaration | undefined {
  const source = withoutComments(text, true);
  const properties = pomProperties(source);
  for (const d of pomElements(source, /<(dependency)>([\s\S]*?)<\/\1>/g)) {
    if (d.group !== group || d.artifact !== artifact || !d.version) continue;
    const written = resolve(d.version, properties);
    if (written) return declaration(written, index, `the Maven dependency ${group}:${artifact}`);
  }
  return undefined;
}

/** The pom elements `pattern` matches (groups: the element's name, its body), each with its own coordinates. */
function* pomElements(
  source: string,
  pattern: RegExp,
): Generator<{ kind: string; group?: string; artifact?: string; version?: Written }> {
  for (const element of source.matchAll(pattern)) {
    const own = element[2]!.split(/<(?:exclusions)>/)[0]!;
    const version = /<version>\s*([^<]+?)\s*<\/version>/.exec(own);
    const at =
      version && element.index + element[0].indexOf(element[2]!) + version.index + version[0].indexOf(version[1]!);
    yield {
      kind: element[1]!,
      group: /<groupId>\s*([^<]+?)\s*<\/groupId>/.exec(own)?.[1],
      artifact: /<artifactId>\s*([^<]+?)\s*<\/artifactId>/.exec(own)?.[1],
      ...(version && { version: { value: version[1]!, start: at! } }),
    };
  }
}

const GRADLE_DROPWIZARD = /["']io\.dropwizard:([\w.-]+):([^"'\n:@]+)["']/g;

export function gradleDropwizard(text: string, index: LineIndex): SpringBootDeclaration | undefined {
  return gradleCoordinate(text, index, GRADLE_DROPWIZARD, (m) => `io.dropwizard:${m[1]}`);
}

/** The version a Gradle build script's `group:artifact:<version>` coordinate gives (`$name` from an `ext` assignment). */
export function gradleDependencyVersion(
  text: string,
  index: LineIndex,
  group: string,
  artifact: string,
): SpringBootDeclaration | undefined {
  const quoted = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const coordinate = new RegExp(`["'](${quoted(group)}:${quoted(artifact)}):([^"'\\n:@]+)["']`, 'g');
  return gradleCoordinate(text, index, coordinate, (m) => m[1]!);
}

/** The first coordinate `pattern` matches (its version in group 2), resolved, with what names it. */
function gradleCoordinate(
  text: string,
  index: LineIndex,
  pattern: RegExp,
  by: (m: RegExpMatchArray) => string,
): SpringBootDeclaration | undefined {
  const source = withoutComments(text, false);
  const variables = new Map<string, Written>();
  for (const m of source.matchAll(/\b([\w.]+)\s*=\s*["']([^"'\n$]+)["']/g)) {
    const name = m[1]!.replace(/^(ext|project\.ext)\./, '');
    if (!variables.has(name)) variables.set(name, { value: m[2]!, start: m.index + m[0].lastIndexOf(m[2]!) });
  }
  for (const m of source.matchAll(pattern)) {
    const written = resolve({ value: m[2]!, start: m.index + m[0].lastIndexOf(m[2]!) }, variables);
    if (written) return declaration(written, index, by(m));
  }
  return undefined;
}

/**
 * The embedded Tomcat release a Spring Boot build pins by overriding the `tomcat.version` property Spring Boot's
 * dependency management reads (https://docs.spring.io/spring-boot/maven-plugin/using.html#using.parent-pom and
 * https://docs.spring.io/spring-boot/gradle-plugin/managing-dependencies.html#managing-dependencies.dependency-management-plugin.customizing):
 * a pom's `<properties><tomcat.version>`, a Gradle script's `ext['tomcat.version'] = …`, `set('tomcat.version', …)` or
 * `extra["tomcat.version"] = …`. Read only in a build file that names its Spring Boot release (`boot`): elsewhere the
 * property may mean anything.
 */
export function embeddedTomcatOverride(
  text: string,
  index: LineIndex,
  xml: boolean,
  boot: SpringBootDeclaration | undefined,
): SpringBootDeclaration | undefined {
  if (!boot) return undefined;
  const source = withoutComments(text, xml);
  if (xml) {
    const written = pomProperties(source).get('tomcat.version');
    return written && !written.value.includes('$')
      ? declaration(written, index, 'the Maven property tomcat.version')
      : undefined;
  }
  const m =
    /\b(?:(?:project\.)?ext|extra)\[\s*["']tomcat\.version["']\s*\]\s*=\s*["']([^"'$\n]+)["']|\bset\(\s*["']tomcat\.version["']\s*,\s*["']([^"'$\n]+)["']/.exec(
      source,
    );
  const value = m?.[1] ?? m?.[2];
  if (!m || value === undefined) return undefined;
  const start = m.index + m[0].lastIndexOf(value);
  return declaration({ value, start }, index, 'the Gradle property tomcat.version');
}
