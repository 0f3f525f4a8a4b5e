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

/**
 * The directories (absolute, placeholders kept) a server whose resources directory is `resources` searches: a
 * `classpath:` location is in its resources. Other locations are not followed.
 */
export function searchDirectories(entries: Entry[], resources: string): string[] {
  return writtenLocations(entries).flatMap((location) => {
    const classpath = /^(?:optional:)?classpath\*?:\/*(.*?)\/*$/.exec(location.trim());
    return classpath ? [path.join(resources, classpath[1] ?? '')] : [];
  });
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
  const relative = path.relative(resources, path.dirname(doc.file.path)).split(path.sep).join('/');
  return relative === '' || relative === 'config';
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
      if (!name) return part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
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
export function servedFilesToRead(documents: readonly ParsedDocument[], files: readonly string[]): string[] {
  const spring = documents.filter((d): d is SpringDoc => d.kind.startsWith('spring.'));
  const byResources = new Map<string, SpringDoc[]>();
  for (const doc of spring) {
    const resources = resourcesDirOf(doc.file.path);
    if (resources === undefined) continue;
    if (!byResources.has(resources)) byResources.set(resources, []);
    byResources.get(resources)!.push(doc);
  }
  const patterns = [...byResources].flatMap(([resources, docs]) =>
    searchDirectories(defaultProfileEntries(docs.filter(ownConfiguration)), resources).map(
      (d) => directoryPattern(d).regex,
    ),
  );
  if (patterns.length === 0) return [];
  const names = [...appNames(spring)];
  const read = new Set(documents.map((d) => d.file.path));
  return files.filter((file) => {
    const base = /^(.+)\.(?:ya?ml|properties)$/.exec(path.basename(file))?.[1];
    if (base === undefined || read.has(file) || !names.some((n) => base === n || base.startsWith(`${n}-`)))
      return false;
    const dir = path.dirname(file).split(path.sep).join('/');
    return patterns.some((regex) => regex.test(dir));
  });
}
