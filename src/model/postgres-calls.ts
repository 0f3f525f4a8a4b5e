/**
 * A Java application's pgjdbc connection that requires SSL of a PostgreSQL server that a Compose service of the tree
 * runs from Docker's official image with ssl off (Deployment.postgresCalls): `spring.datasource.url` =
 * `jdbc:postgresql://host[:5432][/database][?query]` whose host names that service (./jdbc-targets.ts), with
 * `sslmode=require`, `verify-ca` or `verify-full`, or without `sslmode` `ssl=true` (knowledge POSTGRES.driver; pgjdbc
 * reads parameter names with their case). The image never turns ssl on (knowledge POSTGRES.sslOff, any tag), so the
 * call is recorded only where nothing in the service may: no `build:`, `entrypoint:`, `extends:` or `configs:`; a
 * `command:` of `postgres` or `-c name=value` options none of which names SSL, a configuration file, the port or the data
 * directory; no variable naming SSL or PGPORT, and env files the tree holds that do not either; no mount of
 * configuration, certificates or a data directory whose tree copy holds postgresql.conf; init scripts the tree holds
 * that do not mention SSL, a configuration file or the data directory. Parameters that move the connection elsewhere
 * or negotiate otherwise (`host`, `port`, `service`, `socketFactory`, `sslNegotiation`, `gssEncMode` prefer or require)
 * leave it unknown.
 */
import * as path from 'node:path';
import { readRegularFile } from '../core/safe-fs';
import { POSTGRES, postgresServerImage } from '../knowledge';
import type { ModelContext } from './contributor';
import { deploymentMounts } from './compose-mounts';
import { listedFilesOf, type ListedFiles } from './listed-files';
import { composeVariablesOf } from './compose-variables';
import { callOf, jdbcUrlOf, serverImage, serviceCalled, startValues, urlQuery } from './jdbc-targets';
import type { ServiceAt } from './jdbc-targets';
import type { SpringSettings } from './spring-settings';
import type { PostgresCall } from './types';

/** `jdbc:postgresql://host[:port][/database][?query]`: one host (no failover list, no IPv6 literal). */
export const POSTGRES_URL = /^jdbc:postgresql:\/\/([A-Za-z0-9._-]+)(?::(\d+))?(?:\/[^?]*)?(?:\?(.*))?$/;
export const POSTGRES_PORT = 5432;
/** A server option or variable that may turn SSL on, move the port or point the server at other configuration. */
const SERVER_SWITCH = /ssl|config|include|port|data_directory|hba|^-[pD]$/i;
/** What an init script would write to turn SSL on: the word itself, a configuration file, the data directory. */
const INIT_SWITCH = /ssl|\.conf\b|PGDATA|\/var\/lib\/postgresql|ALTER\s+SYSTEM/i;
/** A mount target other than init scripts or data that may hold configuration or key material. */
const CONFIG_TARGET = /postgres|\.conf$|ssl|tls|cert|key/i;
const MAX_SCRIPT_BYTES = 1 << 20;

/** The service's files read for what may turn SSL on (env files, init scripts): each decides the verdict. */
class ReadFiles {
  readonly files: { file: string; what: string }[] = [];
  /** Whether the file is not in the tree or says `words`; else it is kept as read. */
  mayChange(file: string, what: string, words: RegExp): boolean {
    const read = readRegularFile(file, MAX_SCRIPT_BYTES);
    if (!read.ok || words.test(read.bytes.toString('utf8'))) return true;
    this.files.push({ file, what });
    return false;
  }
}

/** The URL's words that require SSL, or undefined when it does not (pgjdbc's default `prefer` falls back to plain). */
function sslRequiredBy(parameters: Map<string, string>): { words: string; bySslTrue: boolean } | undefined {
  const mode = parameters.get('sslmode');
  if (mode !== undefined)
    return POSTGRES.driver.requiringModes.includes(mode) ? { words: `sslmode=${mode}`, bySslTrue: false } : undefined;
  const ssl = parameters.get('ssl');
  return ssl?.toLowerCase() === 'true' ? { words: `ssl=${ssl}`, bySslTrue: true } : undefined;
}

/** Parameters with which the URL alone does not say what the connection does. */
function connectsOtherwise(parameters: Map<string, string>): boolean {
  const negotiation = parameters.get('sslNegotiation');
  const gss = parameters.get('gssEncMode');
  // `host=`/`port=` (any case) and `PGHOST=`/`PGPORT=` replace the URL's own host and port (pgjdbc Driver.parseURL).
  const moved = [...parameters.keys()].some((name) => /^(?:PG)?(?:HOST|PORT)$/.test(name.toUpperCase()));
  return (
    moved ||
    parameters.has('service') ||
    parameters.has('socketFactory') ||
    (negotiation !== undefined && negotiation !== 'postgres') ||
    (gss !== undefined && gss !== 'disable' && gss !== 'allow')
  );
}

/** Whether the service's start (entrypoint, command) may turn SSL on or change where the server listens. */
function startMayChange(server: ServiceAt): boolean {
  const prefix = `services.${server.service.name}.`;
  if (
    server.doc.entries.some(
      (e) => /^(?:extends|configs)\b/.test(e.key.slice(prefix.length)) && e.key.startsWith(prefix),
    )
  )
    return true;
  if (startValues(server, 'entrypoint').length > 0) return true;
  const words = startValues(server, 'command').flatMap((value) => value.split(/\s+/).filter(Boolean));
  const first = words[0];
  // The image's entrypoint runs anything but `postgres` or an option as a program of its own: not known here.
  if (first !== undefined && first !== 'postgres' && !first.startsWith('-')) return true;
  return words.some((word) => SERVER_SWITCH.test(word));
}

/**
 * Whether the service's variables (its env files, then its `environment:`: ./compose-variables.ts) may turn SSL on or
 * move the port: one whose name or value says ssl, `PGPORT` (also a bare line, the run's value), or an env file the
 * tree does not hold. The env files are read otherwise.
 */
function variablesMayChange(ctx: ModelContext, server: ServiceAt, read: ReadFiles): boolean {
  const variables = composeVariablesOf(ctx, server.doc, server.service);
  if (variables.unread.length > 0) return true;
  for (const v of variables.variables.values())
    if (/ssl/i.test(`${v.name}=${v.value ?? ''}`) || v.name === 'PGPORT') return true;
  for (const file of variables.envFiles) read.files.push({ file, what: 'env file' });
  return false;
}

/**
 * The listed files directly in `hostPath` (or `hostPath` itself when the deployment lists it), with the directories
 * directly in it that hold listed files; undefined when the deployment lists nothing there (./listed-files.ts: an
 * ignored or unlisted file is not the tree's).
 */
function filesAt(hostPath: string, listed: ListedFiles): string[] | undefined {
  if (listed.has(hostPath)) return [hostPath];
  if (!listed.holdsFilesUnder(hostPath)) return undefined;
  const prefix = hostPath + path.sep;
  const below = listed.under(hostPath).map((file) => file.slice(prefix.length).split(path.sep)[0]!);
  return [...new Set(below)].map((name) => path.join(hostPath, name));
}

/** Whether init scripts at `hostPath` may turn SSL on: one the tree does not hold, compressed, or saying so. */
function initScriptsMayChange(hostPath: string, listed: ListedFiles, read: ReadFiles): boolean {
  const files = filesAt(hostPath, listed);
  if (!files) return true;
  return files.some((file) => {
    if (/\.sql\.(?:gz|xz|zst)$/.test(file)) return true;
    if (!/\.(?:sh|sql)$/.test(file)) return false; // the entrypoint ignores other files
    return read.mayChange(file, 'init script', INIT_SWITCH);
  });
}

/** Whether a data directory the tree mounts holds server configuration (a few levels down: PGDATA may be below it). */
function holdsConfiguration(hostPath: string, listed: ListedFiles, depth = 3): boolean {
  const files = depth > 0 ? filesAt(hostPath, listed) : undefined;
  if (!files || (files.length === 1 && files[0] === hostPath)) return false;
  return files.some(
    (file) =>
      POSTGRES.configuration.configurationFiles.includes(path.basename(file)) ||
      holdsConfiguration(file, listed, depth - 1),
  );
}

/** Whether the service's bind mounts may give the server configuration that turns SSL on (see above). */
function mountsMayChange(ctx: ModelContext, server: ServiceAt, read: ReadFiles): boolean {
  const { initScripts, dataDirectory } = POSTGRES.configuration;
  const pgdata = composeVariablesOf(ctx, server.doc, server.service).variables.get('PGDATA')?.value;
  const resolved = deploymentMounts(ctx).filter((m) => m.file === server.doc.file.path);
  const under = (target: string, dir: string) => target === dir || target.startsWith(`${dir}/`);
  const listed = listedFilesOf(ctx);
  return server.doc.data.mounts.some((mount) => {
    if (mount.service !== undefined && mount.service !== server.service.name) return false;
    const target = mount.target.replace(/\/+$/, '');
    const hostPath = resolved.find((m) => m.mount === mount)?.hostPath;
    if (under(target, initScripts)) return hostPath === undefined || initScriptsMayChange(hostPath, listed, read);
    if (under(target, dataDirectory) || (pgdata !== undefined && under(target, pgdata)))
      return hostPath === undefined || holdsConfiguration(hostPath, listed);
    return CONFIG_TARGET.test(target);
  });
}

/**
 * The app's pgjdbc call requiring SSL of a PostgreSQL server of the tree that runs without it, when everything the
 * verdict rests on is known (see above). `settings`: the app's Spring settings as Spring binds them; `appFile`: a file
 * of the app, to find its Compose project.
 */
export function postgresCallOf(
  ctx: ModelContext,
  app: { id: string; name: string },
  settings: SpringSettings,
  appFile: string,
): PostgresCall | undefined {
  const url = jdbcUrlOf(settings, POSTGRES_URL, POSTGRES_PORT);
  const parameters = urlQuery(url?.parameters);
  const required = sslRequiredBy(parameters);
  if (!url || !required || connectsOtherwise(parameters)) return undefined;
  const server = serviceCalled(ctx, url, appFile, url.host);
  // A service that builds its image runs what its Dockerfile makes of it (a configuration copied in): not judged.
  const image = server && serverImage(ctx, server);
  const product = image && !image.built ? postgresServerImage(image.image) : undefined;
  if (!server || !image || !product) return undefined;
  const read = new ReadFiles();
  if (startMayChange(server) || variablesMayChange(ctx, server, read) || mountsMayChange(ctx, server, read))
    return undefined;
  return {
    ...callOf(app, url),
    sslRequiredBy: required.words,
    bySslTrue: required.bySslTrue,
    server: { service: server.service.name, image: image.image, at: image.at, product: product.name },
    filesRead: read.files,
  };
}
