/**
 * Spring Cloud Config: a config server with a native backend serves the Spring files of its search locations
 * (`spring.cloud.config.server.native.search-locations`, or a `composite` entry of `type: native`) to the client apps
 * that import it (`spring.config.import: configserver:…`, or a bootstrap file's `spring.cloud.config.uri`). A served
 * `application.yml` configures every client; it is not the server's own configuration unless it also sits where Spring
 * Boot reads the server's files (the classpath root or `config/`). The client reads a served file's `classpath:`
 * locations on its own classpath (gmjdev/microservices-demo: config-local/application.yml names
 * `classpath:cert/keystore.p12`, the key store of each client app, not of the config server).
 *
 * What the server sends (the native EnvironmentRepository): for application `name`, profiles `p…` and label `l`, the
 * files `application[-p]` and `name[-p]` of each search location, after `{application}`, `{profile}` and `{label}` in
 * the location are put in. Only files lint-deploy reads as Spring's (`application*`) are served here; a client's own
 * `name.yml` is not read. https://docs.spring.io/spring-cloud-config/reference/server/environment-repository/file-system-backend.html
 * https://docs.spring.io/spring-cloud-config/reference/client.html
 */
import * as path from 'node:path';
import { listItems, springList, springSetting, springKey, type SpringConfigData } from '../parse/spring';
import type { Entry, ParsedDocument } from '../parse/types';
import { placeholderDefault } from '../core/placeholder';
import { PLACEHOLDER } from './store-files';

type SpringDoc = ParsedDocument<SpringConfigData>;

/** Where a served file goes: the client app's group, and the path the file is read as there (in the client's resources). */
interface ServedTo {
  server: string;
  client: string;
  /** The file as if packaged with the client (`<client>/src/main/resources/application.yml`): its `classpath:` base. */
  readAs: string;
  /** Whether the server reads it too (it sits in a location Spring Boot reads for the server itself). */
  serverReadsIt: boolean;
}

interface ConfigServer {
  group: string;
  resources: string;
  /** Search locations on the server's classpath, relative to its resources directory, placeholders kept. */
  locations: string[];
  port?: string;
}

interface ConfigClient {
  group: string;
  name: string;
  profiles: string[];
  label?: string;
  /** The port of the server URL it names, when it names one. */
  port?: string;
  resources: string;
}

/** `<project>/src/main/resources` of a file, if it is in one. */
function resourcesDirOf(file: string): string | undefined {
  return /^(.*[\\/]src[\\/]main[\\/]resources)(?:[\\/]|$)/.exec(file)?.[1];
}

/** A setting's value with a `${VAR:default}` placeholder replaced by its default; undefined when no default. */
function valueOrDefault(entry: Entry | undefined): string | undefined {
  if (!entry) return undefined;
  if (!PLACEHOLDER.test(entry.value)) return entry.value.trim();
  const fallback = placeholderDefault(entry.value)?.trim();
  return fallback && !PLACEHOLDER.test(fallback) ? fallback : undefined;
}

const COMPOSITE_LOCATION = /^spring\.cloud\.config\.server\.composite\[(\d+)\]\.searchlocations(?:\[\d+\])?$/;

/** The classpath search locations a group's files give a native backend (relative to the resources directory). */
function searchLocations(entries: Entry[]): string[] {
  const written: string[] = [
    ...(springList(entries, 'spring.cloud.config.server.native.search-locations')?.values ?? []),
  ];
  for (const entry of entries) {
    const composite = COMPOSITE_LOCATION.exec(springKey(entry.key));
    if (!composite) continue;
    const type = springSetting(entries, `spring.cloud.config.server.composite[${composite[1]}].type`);
    if (type?.value.trim().toLowerCase() === 'native') written.push(...listItems(entry.value));
  }
  return written.flatMap((location) => {
    const classpath = /^classpath\*?:\/*(.*?)\/*$/.exec(location.trim());
    return classpath ? [classpath[1] ?? ''] : [];
  });
}

/** The port of a URL written as `https://host:7575/…` (or its placeholder default). */
function urlPort(url: string | undefined): string | undefined {
  const match = url && /^[a-z]+:\/\/[^/:]+:(\d+)/i.exec(url.trim());
  return match ? match[1] : undefined;
}

function clientOf(group: string, docs: SpringDoc[], entries: Entry[]): ConfigClient | undefined {
  const imports = springList(entries, 'spring.config.import')?.values ?? [];
  const imported = imports.find((i) => /^(?:optional:)?configserver:/.test(i));
  const uri = springSetting(entries, 'spring.cloud.config.uri');
  if (imported === undefined && !uri) return undefined;
  if (valueOrDefault(springSetting(entries, 'spring.cloud.config.enabled'))?.toLowerCase() === 'false')
    return undefined;
  const resources = docs.map((d) => resourcesDirOf(d.file.path)).find((r) => r !== undefined);
  if (!resources) return undefined;
  const name =
    valueOrDefault(springSetting(entries, 'spring.cloud.config.name')) ??
    valueOrDefault(springSetting(entries, 'spring.application.name')) ??
    'application';
  const profiles = listItems(
    valueOrDefault(springSetting(entries, 'spring.cloud.config.profile')) ??
      valueOrDefault(springSetting(entries, 'spring.profiles.active')) ??
      'default',
  );
  const label = valueOrDefault(springSetting(entries, 'spring.cloud.config.label'));
  const port = urlPort(imported?.replace(/^(?:optional:)?configserver:/, '')) ?? urlPort(valueOrDefault(uri));
  return { group, name, profiles, resources, ...(label && { label }), ...(port && { port }) };
}

/** `config-{profile}` as a pattern over a directory relative to the resources, capturing what each placeholder is. */
function locationPattern(location: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = location
    .split(/(\{application\}|\{profile\}|\{label\})/)
    .map((part) => {
      const name = /^\{(application|profile|label)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { regex: new RegExp(`^${source}$`), names };
}

/** Whether a file the server's location `dir` holds (`application-dev.yml`, profile dev) is sent to the client. */
function sends(client: ConfigClient, captured: Record<string, string>, fileProfile: string | undefined): boolean {
  if (captured.application !== undefined && captured.application !== client.name) return false;
  if (captured.profile !== undefined && !client.profiles.includes(captured.profile)) return false;
  if (captured.label !== undefined && captured.label !== client.label) return false;
  return fileProfile === undefined || client.profiles.includes(fileProfile);
}

/** The profile a file name gives (`application-dev.yml`: dev). */
function fileProfileOf(file: string): string | undefined {
  return /^application-(.+)\.(?:ya?ml|properties)$/.exec(path.basename(file))?.[1];
}

/**
 * The Spring files config servers of the deployment serve, each with the client apps that receive it. A client is
 * paired with the server its URL's port names, or with the only config server of the deployment.
 */
function configServerServing(groups: ReadonlyMap<string, SpringDoc[]>): Map<SpringDoc, ServedTo[]> {
  const servers: ConfigServer[] = [];
  const clients: ConfigClient[] = [];
  for (const [group, docs] of groups) {
    const entries = docs.flatMap((d) => d.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries));
    const locations = searchLocations(entries);
    const resources = docs.map((d) => resourcesDirOf(d.file.path)).find((r) => r !== undefined);
    if (locations.length > 0 && resources) {
      const port = valueOrDefault(springSetting(entries, 'server.port'));
      servers.push({ group, resources, locations, ...(port && { port }) });
      continue;
    }
    const client = clientOf(group, docs, entries);
    if (client) clients.push(client);
  }
  const served = new Map<SpringDoc, ServedTo[]>();
  for (const server of servers) {
    const paired = clients.filter((c) => (servers.length === 1 && !c.port) || c.port === server.port);
    if (paired.length === 0) continue;
    const patterns = server.locations.map(locationPattern);
    for (const doc of groups.get(server.group) ?? []) {
      const relative = path.relative(server.resources, path.dirname(doc.file.path)).split(path.sep).join('/');
      if (relative.startsWith('..')) continue;
      // Spring Boot reads the server's own files from the classpath root and `config/`.
      const serverReadsIt = relative === '' || relative === 'config';
      for (const { regex, names } of patterns) {
        const match = regex.exec(relative);
        if (!match) continue;
        const captured = Object.fromEntries(names.map((n, i) => [n, match[i + 1] as string]));
        const to = paired
          .filter((c) => sends(c, captured, fileProfileOf(doc.file.path)))
          .map((c) => ({
            server: server.group,
            client: c.group,
            readAs: path.join(c.resources, path.basename(doc.file.path)),
            serverReadsIt,
          }));
        if (to.length > 0) served.set(doc, to);
        break;
      }
    }
  }
  return served;
}

/**
 * Moves each served file into the spring files of the client apps it is served to (last: a config server's
 * properties win over the client's own files), out of the server's unless the server reads it too. Returns, per
 * client group, the path each served file is read as there.
 */
export function serveConfigServerFiles(
  groups: ReadonlyMap<string, { spring: SpringDoc[] }>,
): Map<string, Map<ParsedDocument, string>> {
  const served = configServerServing(new Map([...groups].map(([key, group]) => [key, group.spring])));
  const readAs = new Map<string, Map<ParsedDocument, string>>();
  for (const [doc, targets] of served) {
    for (const target of targets) {
      groups.get(target.client)?.spring.push(doc);
      if (!readAs.has(target.client)) readAs.set(target.client, new Map());
      readAs.get(target.client)!.set(doc, target.readAs);
    }
    const server = groups.get(targets[0]!.server);
    if (server && !targets[0]!.serverReadsIt) server.spring.splice(server.spring.indexOf(doc), 1);
  }
  return readAs;
}
