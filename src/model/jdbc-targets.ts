/**
 * The database server a Java application's `spring.datasource.url` calls, when a Compose service of the tree runs it:
 * the URL as Spring binds it (application.yml or .properties, the active profile's file, the Compose service's
 * SPRING_DATASOURCE_URL, a start argument), and the one service of the app's Compose project (a service of it builds
 * the app, mounts its files or sets the URL) whose name, container name, host name or network alias is the URL's host.
 * An app no service runs may reach another server of that name where it does run (a Kubernetes Service): no target.
 * The products' own parts (./mysql-calls.ts, ./mssql-calls.ts) read the URL's parameters and the server's image.
 */
import type { Location } from '../core/types';
import { serviceBuild, type ComposeData, type ComposeService } from '../parse/compose';
import type { Entry, ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import { variableAt, type ServiceVariables } from '../parse/compose-service-variables';
import { composeVariablesOf } from './compose-variables';
import { composeProjectOf } from './compose-mounts';
import type { DockerfileData } from '../parse/dockerfile';
import { runtimeStage } from '../parse/dockerfile-stages';
import type { ModelContext } from './contributor';
import { callerProjects, containerRunners } from './loopback';
import { springKey } from '../parse/spring';
import { springBootHas } from '../knowledge';
import type { SpringBootRelease } from './attributes';
import type { SpringSettings } from './spring-settings';
import type { JdbcCall } from './types';

const URL_SETTING = 'spring.datasource.url';
/**
 * Driver properties set beside the URL — Hikari's `spring.datasource.hikari.data-source-properties.*`, the Tomcat pool's
 * or DBCP2's `connection-properties` — reach the driver as the URL's parameters do (useSSL, sslMode, encrypt,
 * trustServerCertificate…): where any is set, the URL alone does not say what the connection does.
 */
const POOL_PROPERTIES = /^spring\.datasource\..*propert/;
/** The same set through a Compose `environment:` (a map key or a list item), which the app's settings do not bind. */
const POOL_PROPERTIES_VARIABLE = /(?:^|\.)environment\.SPRING_DATASOURCE_\w*PROPERT|^SPRING_DATASOURCE_\w*PROPERT\w*=/i;

/** The JDBC URL as the app reads it, when it is written in full (no placeholder, not set only at run time). */
interface DatasourceUrl {
  value: string;
  /** How the setting that writes it names it (`spring.datasource.url`, `SPRING_DATASOURCE_URL`), and its value's place. */
  setting: string;
  location: Location;
  /** The file that writes it. */
  file: string;
}

function datasourceUrl(settings: SpringSettings): DatasourceUrl | undefined {
  const entry: Entry | undefined = settings.setting(URL_SETTING);
  if (!entry || settings.setAtRunTime(URL_SETTING) || entry.value.includes('${')) return undefined;
  const doc = settings.doc(entry);
  return {
    value: entry.value.trim(),
    setting: settings.nameAsWritten(entry),
    location: entryLocation(doc, entry, 'value'),
    file: doc.file.path,
  };
}

/** A JDBC URL read by its product's pattern: its host (lower case), port and the text of its parameters. */
export interface JdbcUrl extends DatasourceUrl {
  host: string;
  port: number;
  parameters: string | undefined;
}

/**
 * The app's URL when `pattern` (groups: host, port, parameters) matches it, with the port it calls: the one it names,
 * else the driver's `defaultPort`. Whether a server listens there is the product's part to say (./mysql-calls.ts
 * serverPort: MYSQL_TCP_PORT moves it).
 */
export function writtenJdbcUrl(settings: SpringSettings, pattern: RegExp, defaultPort: number): JdbcUrl | undefined {
  const written = datasourceUrl(settings);
  const url = written && pattern.exec(written.value);
  if (!written || !url) return undefined;
  // Only for a URL of the product asked about: the app's settings are scanned for pool properties once it matches.
  if (settings.entries.some((e) => POOL_PROPERTIES.test(springKey(e.key)))) return undefined;
  const port = url[2] !== undefined ? Number(url[2]) : defaultPort;
  return { ...written, host: url[1]!.toLowerCase(), port, parameters: url[3] };
}

/**
 * The app's URL when `pattern` matches it and it calls the server's own `port` (the default when it names none):
 * another port is not the server's listener, and nothing in the service is read that would move it.
 */
export function jdbcUrlOf(settings: SpringSettings, pattern: RegExp, port: number): JdbcUrl | undefined {
  const url = writtenJdbcUrl(settings, pattern, port);
  return url?.port === port ? url : undefined;
}

/**
 * A URL's query parameters (`a=1&b=2`), decoded, each name as `nameOf` keeps it (Connector/J matches names without regard
 * to case, pgjdbc with it), the last of a name winning.
 */
export function urlQuery(
  query: string | undefined,
  nameOf: (name: string) => string = (name) => name,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (query ?? '').split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      out.set(nameOf(decodeURIComponent(part.slice(0, eq))), decodeURIComponent(part.slice(eq + 1)).trim());
    } catch {
      out.set(nameOf(part.slice(0, eq)), part.slice(eq + 1).trim());
    }
  }
  return out;
}

/** The service's `command:` (a string or a list) or `entrypoint:` values as written. */
export function startValues({ service, doc }: ServiceAt, key: 'command' | 'entrypoint'): string[] {
  const prefix = `services.${service.name}.${key}`;
  return doc.entries.filter((e) => e.key === prefix || e.key.startsWith(`${prefix}[`)).map((e) => e.value);
}

/** The fields every JDBC call record has, for the app and its URL. */
export function callOf(app: { id: string; name: string }, url: JdbcUrl): JdbcCall {
  return {
    client: app.id,
    clientName: app.name,
    setting: url.setting,
    location: url.location,
    host: url.host,
    port: url.port,
  };
}

/** A Compose service and the file that defines it. */
export interface ServiceAt {
  service: ComposeService;
  doc: ParsedDocument<ComposeData>;
}

/** The Compose services whose name, container name, host name or network alias is `host`. */
function servicesNamed(ctx: ModelContext, host: string): ServiceAt[] {
  const found: ServiceAt[] = [];
  for (const doc of ctx.documentsOf('compose') as ParsedDocument<ComposeData>[])
    for (const service of doc.data.services) {
      const names = [
        service.name,
        service.containerName?.value,
        service.hostname?.value,
        ...service.networkAliases.map((a) => a.value),
      ];
      if (names.some((n) => n?.toLowerCase() === host)) found.push({ service, doc });
    }
  return found;
}

/**
 * The one Compose service of the app's project that answers to `host`, if exactly one does. The projects are those of
 * the URL's own file (a Compose `environment:`, a file a service mounts), else those of the app's files (`appFile`).
 */
export function serviceCalled(
  ctx: ModelContext,
  url: DatasourceUrl,
  appFile: string,
  host: string,
): ServiceAt | undefined {
  const servicesOf = containerRunners(ctx);
  const urlProjects = callerProjects(ctx, servicesOf, url.file);
  const appProjects = urlProjects.size > 0 ? urlProjects : callerProjects(ctx, servicesOf, appFile);
  if (appProjects.size === 0) return undefined;
  const projectFiles = ctx.documentsOf('compose').filter((d) => appProjects.has(composeProjectOf(d.file.path)));
  if (
    projectFiles.some((d) =>
      d.entries.some((e) => POOL_PROPERTIES_VARIABLE.test(e.key) || POOL_PROPERTIES_VARIABLE.test(e.value)),
    )
  )
    return undefined;
  const candidates = servicesNamed(ctx, host).filter((s) => appProjects.has(composeProjectOf(s.doc.file.path)));
  // Several services answer to the name (two Compose files of one project, overrides): which one runs is not settled.
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * The service's variables (../parse/compose-service-variables.ts), when all are known: undefined when an env file is not
 * a document of the tree (outside it, missing, or a path a variable names), as it may set any variable.
 */
export function knownServiceVariables(ctx: ModelContext, { service, doc }: ServiceAt): ServiceVariables | undefined {
  const read = composeVariablesOf(ctx, doc, service);
  return read.unread.length > 0 ? undefined : read;
}

/**
 * The port a database server listens on when `variable` of its container's environment moves it (MYSQL_TCP_PORT,
 * MSSQL_TCP_PORT), else `defaultPort`; `at`: where the variable is set. Undefined when unknown: a value the shell or a
 * variable gives, or an env_file the tree does not hold (and no `environment:` entry that wins over it).
 */
export function serverPort(
  ctx: ModelContext,
  server: ServiceAt,
  variable: string,
  defaultPort: number,
): { port: number; at?: Location; envFiles: string[] } | undefined {
  const read = composeVariablesOf(ctx, server.doc, server.service);
  // An unread env file may set it, unless the service's own `environment:` does (which wins).
  const own = server.service.environment.some((v) => v.name === variable);
  if (!own && read.unread.length > 0) return undefined;
  const set = read.variables.get(variable);
  const envFiles = own ? [] : read.envFiles;
  if (!set) return { port: defaultPort, envFiles };
  return set.value !== undefined && /^\s*\d+\s*$/.test(set.value)
    ? { port: Number(set.value), at: variableAt(set, 'value'), envFiles }
    : undefined;
}

/** Whether a word of the service's `command:` matches `words` (an option that may change what the server does). */
export function commandSays(server: ServiceAt, words: RegExp): boolean {
  return startValues(server, 'command').some((value) => words.test(value));
}

/** Whether a bind mount of the service puts something at a container path `target` accepts. */
export function mountsAt({ service, doc }: ServiceAt, target: (path: string) => boolean): boolean {
  return doc.data.mounts.some((m) => m.service === service.name && target(m.target));
}

/** Where the service's `image:` is written. */
export function imageLocation({ service, doc }: ServiceAt): Location {
  return { file: doc.file.path, ...(service.imageRange && { range: service.imageRange }) };
}

/** The image a database service runs, where the tree names it, and the Dockerfile it is built from, if it is. */
export interface ServerImage {
  image: string;
  at: Location;
  built?: DockerfileData;
}

/**
 * The image a service runs: with `build:`, the runtime stage `FROM` of the Dockerfile it builds (its `image:` then
 * only names the result), undefined when the tree does not hold that Dockerfile or its FROM takes a build argument
 * without a default; else its `image:`.
 */
export function serverImage(ctx: ModelContext, server: ServiceAt): ServerImage | undefined {
  const { service, doc } = server;
  if (service.build === undefined)
    return service.image ? { image: service.image, at: imageLocation(server) } : undefined;
  const dockerfile = serviceBuild(doc.file.path, service)?.dockerfile;
  const built = ctx.deployment.documents.find((d) => d.file.path === dockerfile && d.kind === 'dockerfile');
  const data = built?.data as DockerfileData | undefined;
  const stage = data && runtimeStage(data);
  return built && data && stage?.image
    ? { image: stage.image, at: { file: built.file.path, range: stage.range }, built: data }
    : undefined;
}

/**
 * The project's Spring Boot release when it manages a driver with `feature` (knowledge spring-boot.json) and the build
 * file that names the release does not name a driver version of its own (`ownVersion`); else undefined: an older or
 * unknown release, a pinned driver, or a build file the tree does not hold leaves the driver's release unknown.
 */
export function releaseManagingDriver(
  ctx: ModelContext,
  release: SpringBootRelease | undefined,
  feature: Parameters<typeof springBootHas>[0],
  ownVersion: RegExp,
): SpringBootRelease | undefined {
  if (!release || springBootHas(feature, release.version) !== true) return undefined;
  const build = ctx.deployment.documents.find((d) => d.file.path === release.at.file);
  return build && !ownVersion.test(build.file.text) ? release : undefined;
}
