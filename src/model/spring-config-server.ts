/**
 * Spring Cloud Config: a config server with a native backend serves the Spring files of its search locations
 * (`spring.cloud.config.server.native.search-locations`, or a `composite` entry of `type: native`) to the client apps
 * that import it (`spring.config.import: configserver:…`, or a bootstrap file's `spring.cloud.config.uri`). A served
 * `application.yml` configures every client; it is not the server's own configuration unless it also sits where Spring
 * Boot reads the server's files (the classpath root or `config/`). The client reads a served file's `classpath:`
 * locations on its own classpath (gmjdev/microservices-demo: config-local/application.yml names
 * `classpath:cert/keystore.p12`, the key store of each client app, not of the config server).
 *
 * What the server sends (NativeEnvironmentRepository at spring-cloud-config v4.3.4 runs Spring Boot's config data loader
 * with `spring.config.name=application,<name>` over its search locations): for application `name`, profiles `p…` and
 * label `l`, the files `application`, `name`, `application-p` and `name-p` of each search location (that order, the
 * later winning), after `{application}`, `{profile}` and `{label}` in the location are put in. The files named after
 * a client (`config-repo/orders-service.yml`) are read as Spring's by the read stage (./spring-config-locations.ts).
 * A file in a search location is no app's own configuration unless Spring Boot reads it there (an `application*` at
 * the classpath root or `config/`): a file served to no client of the tree configures apps outside it.
 * https://docs.spring.io/spring-cloud-config/reference/server/environment-repository/file-system-backend.html
 * https://docs.spring.io/spring-cloud-config/reference/client.html
 */
import * as path from 'node:path';
import { listItems, springList, springSetting, type SpringConfigData } from '../parse/spring';
import type { Entry, ParsedDocument } from '../parse/types';
import type { TreeMount } from './types';
import type { ComposeServiceBuild } from './compose-builds';
import {
  defaultProfileEntries,
  directoryPattern,
  ownConfiguration,
  resourcesDirOf,
  holdsAny,
  serverDirectories,
  serverPlace,
  valueOrDefault,
} from './spring-config-locations';
import { posixPath } from '../core/posix-path';

type SpringDoc = ParsedDocument<SpringConfigData>;

/** Where a served file goes: the client app's group, and the path the file is read as there (in the client's resources). */
interface ServedTo {
  client: string;
  /** The file as the client reads it: itself, or for `<name>-<profile>.yml` a view whose settings are of that profile. */
  doc: SpringDoc;
  /** The file as if packaged with the client (`<client>/src/main/resources/application.yml`): its `classpath:` base. */
  readAs: string;
  /** Its precedence among the files served to the client, the higher winning: [its profile's rank, its name's rank]. */
  order: [number, number];
}

interface ConfigServer {
  group: string;
  resources: string;
  /** Search directories, absolute, placeholders kept. */
  directories: string[];
  port: string;
}

interface ConfigClient {
  group: string;
  name: string;
  profiles: string[];
  /** The profiles it asks the server for when it names them (`spring.cloud.config.profile`); else its active profiles. */
  requested?: string[];
  label?: string;
  /** The port of the server URL it names, when it names one. */
  port?: string;
  resources: string;
}

/** Spring Boot's port when `server.port` is not set. https://docs.spring.io/spring-boot/appendix/application-properties/index.html#application-properties.server.server.port */
const BOOT_DEFAULT_PORT = '8080';

/** The port of a URL written as `https://host:7575/…` or `https://user:pass@host:7575/…` (or its placeholder default). */
function urlPort(url: string | undefined): string | undefined {
  const match = url && /^[a-z]+:\/\/(?:[^\s/?#@]*@)?[^/:@]+:(\d+)/i.exec(url.trim());
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
  const asked = valueOrDefault(springSetting(entries, 'spring.cloud.config.profile'));
  const requested = asked === undefined ? undefined : listItems(asked);
  const profiles =
    requested ?? listItems(valueOrDefault(springSetting(entries, 'spring.profiles.active')) ?? 'default');
  const label = valueOrDefault(springSetting(entries, 'spring.cloud.config.label'));
  const port = urlPort(imported?.replace(/^(?:optional:)?configserver:/, '')) ?? urlPort(valueOrDefault(uri));
  return {
    group,
    name,
    profiles,
    resources,
    ...(requested && { requested }),
    ...(label && { label }),
    ...(port && { port }),
  };
}

/** The config name a served file's name is of for a client (application 0, the client's 1), and its profile. */
function servedName(file: string, client: ConfigClient): { rank: number; profile?: string } | undefined {
  const base = /^(.+)\.(?:ya?ml|properties)$/.exec(path.basename(file))?.[1];
  if (base === undefined) return undefined;
  // The server reads `application` and then the client's name: spring.config.name=application,<name>
  // (NativeEnvironmentRepository.getEnvironment at spring-cloud-config v4.3.4).
  for (const [rank, name] of [client.name, 'application'].entries()) {
    if (base === name) return { rank: 1 - rank };
    if (base.startsWith(`${name}-`)) return { rank: 1 - rank, profile: base.slice(name.length + 1) };
  }
  return undefined;
}

/**
 * Whether a server's directory is searched for the client (what its `{application}`, `{profile}`, `{label}` stand for).
 */
function searchedFor(client: ConfigClient, captured: Record<string, string>): boolean {
  if (captured.application !== undefined && captured.application !== client.name) return false;
  if (captured.profile !== undefined && !client.profiles.includes(captured.profile)) return false;
  return captured.label === undefined || captured.label === client.label;
}

/**
 * A served file as the client reads it. A file of a profile (`application-dev.yml`, `orders-dev.yml`: to a client
 * `orders-dev` the second is of no profile, so the parse gives it none) is sent when the client asks for that profile:
 * when it names the profiles it asks for, the file's settings are of no profile there (the server already chose);
 * else they are of that profile, which the client's active profiles apply or not (springSettings).
 */
function asServedTo(doc: SpringDoc, profile: string | undefined, client: ConfigClient): SpringDoc | undefined {
  if (profile === undefined) return doc;
  if (!client.requested) {
    if (doc.data.fileProfile === profile) return doc;
    const parts = doc.data.parts.map((part) => ({ ...part, profile: part.profile ?? profile }));
    return { ...doc, data: { ...doc.data, fileProfile: profile, parts } };
  }
  if (!client.requested.includes(profile)) return undefined;
  const parts = doc.data.parts.map((part) => (part.profile === profile ? { entries: part.entries } : part));
  return { ...doc, data: { parts } };
}

/** Where the deployment's config servers run (./spring-config-locations.ts ServerPlace): its root, documents, files. */
interface Tree {
  root: string;
  documents: readonly ParsedDocument[];
  mounts: readonly TreeMount[];
  builds: readonly ComposeServiceBuild[];
  holds: (dir: string) => boolean;
}

function configServer(group: string, docs: SpringDoc[], tree: Tree): ConfigServer | undefined {
  const resources = docs.map((d) => resourcesDirOf(d.file.path)).find((r) => r !== undefined);
  if (!resources) return undefined;
  // Its own files only: those of its search locations are the clients'.
  const entries = defaultProfileEntries(docs.filter(ownConfiguration));
  const directories = serverDirectories(docs, resources, serverPlace(resources, tree, tree.holds));
  if (directories.length === 0) return undefined;
  const port = valueOrDefault(springSetting(entries, 'server.port')) ?? BOOT_DEFAULT_PORT;
  return { group, resources, directories, port };
}

/**
 * The Spring files of the deployment a config server searches, each with the client apps that receive it (none: a
 * file served to apps outside the tree). A client is paired with the server its URL's port names, or with the only
 * config server of the deployment.
 */
function configServerServing(groups: ReadonlyMap<string, SpringDoc[]>, tree: Tree): Map<SpringDoc, ServedTo[]> {
  const servers: ConfigServer[] = [];
  const clients: ConfigClient[] = [];
  for (const [group, docs] of groups) {
    const server = configServer(group, docs, tree);
    if (server) {
      servers.push(server);
      continue;
    }
    const client = clientOf(group, docs, defaultProfileEntries(docs));
    if (client) clients.push(client);
  }
  const served = new Map<SpringDoc, ServedTo[]>();
  if (servers.length === 0) return served;
  const docs = [...groups.values()].flat();
  for (const server of servers) {
    const paired = clients.filter((c) => (servers.length === 1 && !c.port) || c.port === server.port);
    const patterns = server.directories.map(directoryPattern);
    for (const doc of docs) {
      const dir = posixPath(path.dirname(doc.file.path));
      for (const { regex, names } of patterns) {
        const match = regex.exec(dir);
        if (!match) continue;
        const captured = Object.fromEntries(names.map((n, i) => [n, match[i + 1] as string]));
        const to = served.get(doc) ?? [];
        for (const client of paired) {
          const name = servedName(doc.file.path, client);
          if (!name || !searchedFor(client, captured)) continue;
          const profile = name.profile ?? doc.data.fileProfile;
          const view = asServedTo(doc, profile, client);
          if (!view) continue;
          const readAs = path.join(client.resources, path.basename(doc.file.path));
          // application < name < application-{profile} < name-{profile}, a later profile winning (Spring Boot's order).
          const profileRank = profile === undefined ? 0 : 1 + (client.requested ?? client.profiles).indexOf(profile);
          to.push({ client: client.group, doc: view, readAs, order: [profileRank, name.rank] });
        }
        served.set(doc, to);
        break;
      }
    }
  }
  return served;
}

/**
 * The `application*` files of a config repository's directory (`application.yml` beside `orders-service.yml`): what the
 * repository serves to every app (Spring Cloud Config's git backend), not an app's own configuration — unless Spring
 * Boot reads them where they lie (a build project's resources) or the directory holds something else an app is made
 * of (a Dockerfile, JVM options, a Compose file: an app deployed with its files, which reads ./application.yml).
 */
function repositorySharedFiles(documents: readonly ParsedDocument[]): Set<ParsedDocument> {
  const repositoryDirectories = new Set<string>();
  const otherDirectories = new Set<string>();
  for (const doc of documents) {
    const directory = path.dirname(doc.file.path);
    if ((doc.data as Partial<SpringConfigData> | undefined)?.servedFile) repositoryDirectories.add(directory);
    else if (!doc.kind.startsWith('spring.')) otherDirectories.add(directory);
  }
  const shared = new Set<ParsedDocument>();
  for (const doc of documents) {
    const directory = path.dirname(doc.file.path);
    if (!repositoryDirectories.has(directory) || otherDirectories.has(directory)) continue;
    if (
      doc.kind.startsWith('spring.') &&
      SHARED_NAME.test(path.basename(doc.file.path)) &&
      !ownConfiguration(doc as SpringDoc)
    )
      shared.add(doc);
  }
  return shared;
}

/** What a config repository serves to every app: `application.yml`, `application-{profile}.properties`. */
const SHARED_NAME = /^application(?:-[^.]+)?\.(?:ya?ml|properties)$/;

/**
 * Moves each file a config server searches into the spring files of the client apps it is served to (last: a config
 * server's properties win over the client's own files), out of its own group unless Spring Boot reads it there too.
 * Returns, per client group, the path each served file is read as there.
 */
export function serveConfigServerFiles(
  groups: ReadonlyMap<string, { spring: SpringDoc[] }>,
  root: string,
  documents: readonly ParsedDocument[],
  mounts: readonly TreeMount[],
  builds: readonly ComposeServiceBuild[],
): Map<string, Map<ParsedDocument, string>> {
  // The tree's configuration files, as the read stage saw them (./spring-config-locations.ts servedFilesToRead).
  const holds = holdsAny(documents.map((d) => d.file.path).filter((f) => /\.(?:ya?ml|properties)$/.test(f)));
  const served = configServerServing(new Map([...groups].map(([key, group]) => [key, group.spring])), {
    root,
    documents,
    mounts,
    builds,
    holds,
  });
  const readAs = new Map<string, Map<ParsedDocument, string>>();
  for (const doc of served.keys()) {
    if (ownConfiguration(doc)) continue;
    for (const group of groups.values()) {
      const at = group.spring.indexOf(doc);
      if (at >= 0) group.spring.splice(at, 1);
    }
  }
  // A config repository's file (../parse/spring-config-repository.ts) configures an app elsewhere unless served here,
  // and so does the `application*` beside it: the settings the repository serves to every app.
  const sharedFiles = repositorySharedFiles(documents);
  for (const group of groups.values())
    for (let at = group.spring.length - 1; at >= 0; at--) {
      const doc = group.spring[at]!;
      if (doc.data.servedFile || sharedFiles.has(doc)) group.spring.splice(at, 1);
    }
  const targets = [...served.values()]
    .flat()
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.readAs.localeCompare(b.readAs));
  for (const target of targets) {
    groups.get(target.client)?.spring.push(target.doc);
    if (!readAs.has(target.client)) readAs.set(target.client, new Map());
    readAs.get(target.client)!.set(target.doc, target.readAs);
  }
  return readAs;
}
