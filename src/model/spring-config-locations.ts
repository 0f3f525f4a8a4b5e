/**
 * Where a Spring Cloud Config server's native backend reads the files it serves: the directories of its search
 * locations (`spring.cloud.config.server.native.search-locations`, or a `composite` entry of `type: native`) in the
 * tree, `{application}`, `{profile}` and `{label}` kept. Asked twice: by the read stage, which reads the files of
 * those directories as Spring's (`orders-service.yml` is named after the client app it configures, not `application`),
 * and by the model, which serves them (./spring-config-server.ts).
 * https://docs.spring.io/spring-cloud-config/reference/server/environment-repository/file-system-backend.html
 */
import * as path from 'node:path';
import { listItems, springList, springSetting, springKey, type SpringConfigData } from '../parse/spring';
import type { Entry, ParsedDocument } from '../parse/types';
import { placeholderDefault } from '../core/placeholder';
import { PLACEHOLDER } from './store-files';
import { composeMountsOf } from './compose-mounts';
import type { TreeMount } from './types';
import type { TreeLink } from '../core/types';
import { composeServiceBuilds, type ComposeServiceBuild } from './compose-builds';
import { escapeRegExp } from '../core/regex';
import { posixPath, relativePosix } from '../core/posix-path';

type SpringDoc = ParsedDocument<SpringConfigData>;

/** `<project>/src/main/resources` of a file, if it is in one. */
export function resourcesDirOf(file: string): string | undefined {
  return /^(.*[\\/]src[\\/]main[\\/]resources)(?:[\\/]|$)/.exec(file)?.[1];
}

/** A setting's value with a `${VAR:default}` placeholder replaced by its default; undefined when no default. */
export function valueOrDefault(entry: Entry | undefined): string | undefined {
  if (!entry) return undefined;
  if (!PLACEHOLDER.test(entry.value)) return entry.value.trim();
  const fallback = placeholderDefault(entry.value)?.trim();
  return fallback && !PLACEHOLDER.test(fallback) ? fallback : undefined;
}

const COMPOSITE_LOCATION = /^spring\.cloud\.config\.server\.composite\[(\d+)\]\.searchlocations(?:\[\d+\])?$/;

/** The search locations of a native backend as written (`classpath:/config`, `file:./config-repo`). */
function writtenLocations(entries: Entry[]): string[] {
  const written: string[] = [
    ...(springList(entries, 'spring.cloud.config.server.native.search-locations')?.values ?? []),
  ];
  for (const entry of entries) {
    const composite = COMPOSITE_LOCATION.exec(springKey(entry.key));
    if (!composite) continue;
    const type = springSetting(entries, `spring.cloud.config.server.composite[${composite[1]}].type`);
    if (type?.value.trim().toLowerCase() === 'native') written.push(...listItems(entry.value));
  }
  return written;
}

/** What the tree says about where a config server runs: the directories its `file:` locations resolve from. */
export interface ServerPlace {
  /** The server's project directory (`gradle bootRun` / `mvn spring-boot:run` start in it). */
  project: string;
  /** The deployment root: a relative location is looked for from the project up to it. */
  root: string;
  /** Whether the tree holds configuration files in a directory (or below it). */
  holds: (dir: string) => boolean;
  /** The host directories Docker Compose mounts into the server's containers, by the container path. */
  mounts: readonly { target: string; hostPath: string }[];
}

/** `${PWD}`, `${user.dir}`: the working directory, as a location's start. */
const WORKING_DIRECTORY = /^\$\{(?:PWD|user\.dir)\}[\\/]?/;

/**
 * The tree directory a `file:` location names, `{application}`/`{profile}`/`{label}` kept: an absolute path through
 * a Compose bind mount into the server's container; a path relative to the working directory (`./config-repo`,
 * `${PWD}/config-repo`) where exactly one directory from the server's project up to the deployment root holds it
 * (the project when started by its build, the repository root when started there); otherwise unknown (undefined):
 * `${user.home}`, `~`, another variable, a host path no mount shows.
 */
function fileDirectory(written: string, place: ServerPlace): string | undefined {
  let value = written.replace(/^\/\/(?=\/)/, '').replace(WORKING_DIRECTORY, './');
  if (/\$\{|^~/.test(value)) return undefined;
  value = value.replace(/[\\/]+$/, '');
  // The part before a placeholder is what must exist (`./config/{application}`: ./config).
  const fixed = (dir: string) => dir.split(/\{(?:application|profile|label)\}/)[0]!.replace(/[\\/]+$/, '');
  if (path.posix.isAbsolute(value)) {
    const mount = place.mounts
      .filter((m) => value === m.target || value.startsWith(`${m.target}/`))
      .sort((a, b) => b.target.length - a.target.length)[0];
    return mount ? path.join(mount.hostPath, ...value.slice(mount.target.length).split('/')) : undefined;
  }
  const found: string[] = [];
  for (let base = place.project; ; base = path.dirname(base)) {
    const candidate = path.resolve(base, value);
    if (place.holds(fixed(candidate))) found.push(candidate);
    if (base === place.root || path.dirname(base) === base || !base.startsWith(place.root)) break;
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The directories (absolute, placeholders kept) a server at `place` whose resources directory is `resources`
 * searches: a `classpath:` location is in its resources, a `file:` one where the tree says (fileDirectory).
 */
function searchDirectories(entries: Entry[], resources: string, place: ServerPlace): string[] {
  return writtenLocations(entries).flatMap((written) => {
    const location = written.trim().replace(/^optional:/, '');
    const classpath = /^classpath\*?:\/*(.*?)\/*$/.exec(location);
    if (classpath) return [path.join(resources, classpath[1] ?? '')];
    const file = /^file:(.+)$/.exec(location)?.[1];
    const dir = file === undefined ? undefined : fileDirectory(file, place);
    return dir === undefined ? [] : [dir];
  });
}

/**
 * The directories a config server searches, from its own files: those its default profile names, unless every profile
 * that names locations the tree resolves names the same ones (Packt's Chapter12 config server: `file:${PWD}/config-repo`,
 * and in profile docker `file:/config-repo` where Compose mounts $PWD/config-repo: one directory either way).
 */
export function serverDirectories(docs: readonly SpringDoc[], resources: string, place: ServerPlace): string[] {
  const own = docs.filter(ownConfiguration);
  const byProfile = new Map<string, Entry[]>();
  for (const doc of own)
    for (const part of doc.data.parts)
      if (part.profile) byProfile.set(part.profile, [...(byProfile.get(part.profile) ?? []), ...part.entries]);
  const base = searchDirectories(defaultProfileEntries(own), resources, place);
  const sets = [base, ...[...byProfile.values()].map((entries) => searchDirectories(entries, resources, place))].filter(
    (set) => set.length > 0,
  );
  const distinct = new Set(sets.map((set) => [...new Set(set)].sort().join('\u0000')));
  return distinct.size === 1 && sets[0] ? sets[0] : base;
}

/** The host directories Compose mounts into the containers of the services built from the server's project. */
function serverMounts(
  builds: readonly ComposeServiceBuild[],
  mounts: readonly TreeMount[],
  project: string,
): ServerPlace['mounts'] {
  const built = new Set(
    builds.filter((b) => b.context === project).map((b) => `${b.doc.file.path}\u0000${b.service.name}`),
  );
  if (built.size === 0) return [];
  return mounts
    .filter((m) => m.mount.service !== undefined && built.has(`${m.file}\u0000${m.mount.service}`))
    .map((m) => ({ target: m.mount.target.replace(/\/+$/, ''), hostPath: m.hostPath }));
}

/** Where the server whose resources directory is `resources` runs, as far as the tree says (ServerPlace). */
export function serverPlace(
  resources: string,
  tree: { root: string; mounts: readonly TreeMount[]; builds: readonly ComposeServiceBuild[] },
  holds: (dir: string) => boolean,
): ServerPlace {
  const project = path.resolve(resources, '..', '..', '..');
  return { project, root: tree.root, holds, mounts: serverMounts(tree.builds, tree.mounts, project) };
}

/** Whether any of the paths lies in the directory or below it. */
export function holdsAny(paths: readonly string[]): (dir: string) => boolean {
  return (dir) => paths.some((p) => p.startsWith(dir + path.sep));
}

/** The settings of a server's files that apply whatever its profile (its search locations are read from them). */
export function defaultProfileEntries(docs: readonly SpringDoc[]): Entry[] {
  return docs.flatMap((d) => d.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries));
}

/** Whether Spring Boot reads the file as the configuration of the app whose resources hold it (`application*` at the classpath root or `config/`). */
export function ownConfiguration(doc: SpringDoc): boolean {
  const resources = resourcesDirOf(doc.file.path);
  if (!resources || !/^(?:application|bootstrap)(?:-[^.]+)?\.(?:ya?ml|properties)$/.test(path.basename(doc.file.path)))
    return false;
  const relative = relativePosix(resources, path.dirname(doc.file.path));
  return relative === '' || relative === 'config';
}

/** Packaged content directories of src/main/resources: view templates, and the static content Spring MVC serves. */
const CONTENT_DIR = /^(?:templates|static|public|META-INF\/resources)(?:\/|$)/;

/**
 * Whether a Spring-named file (`application.properties`) lies in the app's packaged content, not its configuration:
 * under `templates/`, `static/`, `public/` or `META-INF/resources/` of src/main/resources. Spring Boot reads
 * `application*` from the classpath root and `config/` only (https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.files),
 * so such a file configures nothing by itself (zzyyppqq/springboot_ssl_sample@4222efd: src/main/resources/templates/
 * application.properties, an older copy of its server.ssl.* settings, outranked the app's own file, and its expired
 * store was said to be served). A `spring.config.import` of it is not followed: its settings stay unsaid.
 */
export function packagedContentFile(doc: SpringDoc): boolean {
  const resources = resourcesDirOf(doc.file.path);
  return resources !== undefined && CONTENT_DIR.test(relativePosix(resources, path.dirname(doc.file.path)));
}

/** A directory pattern as a regular expression over absolute directories, capturing what each placeholder is. */
export function directoryPattern(directory: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = directory
    .split(path.sep)
    .join('/')
    .split(/(\{application\}|\{profile\}|\{label\})/)
    .map((part) => {
      const name = /^\{(application|profile|label)\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { regex: new RegExp(`^${source}/?$`), names };
}

/** The names apps of the tree ask a config server for (`spring.cloud.config.name`, else `spring.application.name`). */
function appNames(docs: readonly SpringDoc[]): Set<string> {
  const names = new Set<string>();
  for (const doc of docs)
    for (const key of ['spring.cloud.config.name', 'spring.application.name']) {
      const name = valueOrDefault(springSetting(doc.entries, key));
      if (name) names.add(name);
    }
  return names;
}

/**
 * The files of the tree in the search directories of its config servers that are named after an app of the tree
 * (`config-repo/orders-service.yml`, `orders-service-dev.properties`) and were not read as Spring files: the read stage
 * reads them as Spring's, which they are for the app they are served to.
 */
export function servedFilesToRead(
  documents: readonly ParsedDocument[],
  files: readonly string[],
  root: string,
  links: readonly TreeLink[] = [],
): string[] {
  const spring = documents.filter((d): d is SpringDoc => d.kind.startsWith('spring.'));
  const byResources = new Map<string, SpringDoc[]>();
  for (const doc of spring) {
    const resources = resourcesDirOf(doc.file.path);
    if (resources === undefined) continue;
    if (!byResources.has(resources)) byResources.set(resources, []);
    byResources.get(resources)!.push(doc);
  }
  const holds = holdsAny(files.filter((f) => /\.(?:ya?ml|properties)$/.test(f)));
  // Before the model: the read stage's documents give the mounts, once for every server.
  const tree = { root, mounts: composeMountsOf(documents, root, links), builds: composeServiceBuilds(documents) };
  const patterns = [...byResources].flatMap(([resources, docs]) =>
    serverDirectories(docs, resources, serverPlace(resources, tree, holds)).map((d) => directoryPattern(d).regex),
  );
  if (patterns.length === 0) return [];
  const names = [...appNames(spring)];
  const read = new Set(documents.map((d) => d.file.path));
  return files.filter((file) => {
    const base = /^(.+)\.(?:ya?ml|properties)$/.exec(path.basename(file))?.[1];
    if (base === undefined || read.has(file) || !names.some((n) => base === n || base.startsWith(`${n}-`)))
      return false;
    const dir = posixPath(path.dirname(file));
    return patterns.some((regex) => regex.test(dir));
  });
}
