/**
 * The SSL bundles a Spring Boot app's own code registers. Spring Boot's bundle registry holds, besides the bundles of
 * `spring.ssl.bundle.*`, those every `SslBundleRegistrar` bean registers (`registry.registerBundle("web", bundle)`), and
 * an app may give its own registry bean instead (`new DefaultSslBundleRegistry("web", bundle)`): SslAutoConfiguration
 * and SslBundleRegistry at v3.1.0,
 * https://github.com/spring-projects/spring-boot/blob/v3.1.0/spring-boot-project/spring-boot-autoconfigure/src/main/java/org/springframework/boot/autoconfigure/ssl/SslAutoConfiguration.java.
 * Sources are not configuration: no format reads them, so they are read here, from the files the deployment lists
 * (./listed-files.ts: an ignored source registers nothing, and `--cache` sees an edit), and only when a setting names a
 * bundle the settings do not define (./spring-bundle-references.ts): the main Java and Kotlin sources of the build
 * project that holds the app's settings (the top-most directory with a build file above them, inside the deployment).
 * A registration whose name is a literal (or a constant the same file gives a literal) is read; any other (a name
 * computed at run time, a registrar or registry of the app's own) is a registration whose names are unknown.
 */
import * as path from 'node:path';
import { readRegularFile } from '../core/safe-fs';
import type { Location } from '../core/types';
import { LineIndex } from '../parse/text';
import type { ListedFiles } from './listed-files';

/** What the app's sources register. `names`: bundle name → where; `unread`: a registration whose name is not read. */
export interface CodeBundles {
  names: ReadonlyMap<string, Location>;
  unread?: Location;
}

const BUILD_FILES = ['pom.xml', 'build.gradle', 'build.gradle.kts'];
/** Directories that hold no main source the app runs: tests, build output, dependencies, VCS. */
const SKIPPED_DIRS = new Set(['test', 'tests', 'target', 'build', 'node_modules', '.git', '.gradle', '.idea', 'out']);
const SOURCE = /\.(?:java|kt)$/;
/** Past these listed files, what is left unread is not judged: the reading stops (what it found so far still counts). */
const MAX_ENTRIES = 20_000;
const MAX_SOURCE_BYTES = 1024 * 1024;
/** A file that may register a bundle names one of these. */
const MENTIONS = /SslBundleRegistrar|registerBundle\s*\(|DefaultSslBundleRegistry\s*\(|\bSslBundles\b/;
/** `registerBundle(<name>,` and `DefaultSslBundleRegistry(<name>,`: the name a literal or an identifier. */
const REGISTERS =
  /\b(?:registerBundle|DefaultSslBundleRegistry)\s*\(\s*(?:"([^"\\\n]*)"|([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*))?/g;
/**
 * A registrar (a class, a bean method, a lambda: any use of the type outside an import) or a registry of the app's own
 * (a class that implements SslBundles or SslBundleRegistry), whose registrations this reader does not follow.
 */
const OWN_REGISTRY =
  /^(?![ \t]*import\b).*\bSslBundleRegistrar\b|\b(?:implements\b|class[ \t]+\w+[^{;]*:)[^{;]*\bSslBundle(?:s|Registry)\b/m;

/** The top-most directory at or above `file`'s, inside `root`, that holds a build file. */
export function sourcesProjectDir(file: string, root: string, listed: ListedFiles): string {
  let dir = path.dirname(file);
  let found: string | undefined;
  for (;;) {
    if (BUILD_FILES.some((b) => listed.has(path.join(dir, b)))) found = dir;
    const parent = path.dirname(dir);
    if (dir === root || parent === dir || !parent.startsWith(root)) break;
    dir = parent;
  }
  // No build file: the project a `src/main/resources` directory is in, else the settings' directory.
  const sources = file.lastIndexOf(`${path.sep}src${path.sep}main${path.sep}`);
  return found ?? (sources > 0 ? file.slice(0, sources) : path.dirname(file));
}

/** The listed Java and Kotlin sources below `dir`, tests and build output left out, among its first MAX_ENTRIES files. */
function sourcesUnder(dir: string, listed: ListedFiles): string[] {
  const prefix = dir + path.sep;
  return listed
    .under(dir)
    .slice(0, MAX_ENTRIES)
    .filter((file) => {
      const parts = file.slice(prefix.length).split(path.sep);
      return SOURCE.test(parts.at(-1)!) && !parts.slice(0, -1).some((part) => SKIPPED_DIRS.has(part));
    })
    .sort();
}

/** The literal a constant of the file is given (`static final String WEB = "web"`, `const val WEB = "web"`). */
function constantOf(text: string, name: string): string | undefined {
  const last = name.split('.').at(-1)!;
  const given = [...text.matchAll(new RegExp(`\\b${last}\\s*(?::\\s*String\\s*)?=\\s*"([^"\\\\\\n]*)"`, 'g'))];
  return given.length === 1 ? given[0]![1] : undefined;
}

function readSource(file: string, found: { names: Map<string, Location>; unread?: Location }): void {
  const read = readRegularFile(file, MAX_SOURCE_BYTES);
  // Most sources name neither: a byte search rules them out before any decoding.
  if (!read.ok || (!read.bytes.includes('SslBundle') && !read.bytes.includes('registerBundle'))) return;
  const text = read.bytes.toString('utf8');
  if (!MENTIONS.test(text)) return;
  const index = new LineIndex(text);
  const at = (start: number, end: number): Location => ({ file, range: index.rangeAt(start, end) });
  let registers = false;
  for (const m of text.matchAll(REGISTERS)) {
    registers = true;
    const name = m[1] ?? (m[2] !== undefined ? constantOf(text, m[2]) : undefined);
    const where = at(m.index, m.index + m[0].length);
    if (name === undefined) found.unread ??= where;
    else if (!found.names.has(name)) found.names.set(name, where);
  }
  const own = OWN_REGISTRY.exec(text);
  if (own && !registers) found.unread ??= at(own.index, own.index + own[0].length);
}

/** The bundles the sources below a project directory (sourcesProjectDir) register. */
export function codeRegisteredBundles(project: string, listed: ListedFiles): CodeBundles {
  const found: { names: Map<string, Location>; unread?: Location } = { names: new Map() };
  for (const file of sourcesUnder(project, listed)) readSource(file, found);
  return found;
}
