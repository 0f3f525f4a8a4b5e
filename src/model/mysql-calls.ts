/**
 * A Java application's JDBC connection to a MySQL server that a Compose service of the tree runs from Docker's official
 * image (Deployment.mysqlCalls): `spring.datasource.url` (or its SPRING_DATASOURCE_URL spelling, a profile's or a start
 * argument's, as Spring binds it) = `jdbc:mysql://host[:port]/…`, whose host is the service's name, container name,
 * host name or network alias on the application's Compose project (a service of it builds the app, mounts its files or
 * sets the URL). MySQL Connector/J then asks for TLS whenever the
 * server offers it, unless the URL turns it off: `sslMode=DISABLED`, or without `sslMode` a `useSSL=false` (property
 * names without regard to case: knowledge CONNECTOR_J). The server's side comes from knowledge (mysqlServerFromImage):
 * the release its image tag names, the protocols that release speaks and whether the image's first start turns TLS on.
 * A call is recorded only where all of it is known: one host (no failover list or `address=(…)` form), the port the
 * server listens on (3306: nothing in the service moves it), no placeholder, a service whose `command:` and mounted
 * configuration (anything under /etc/mysql, /etc/my.cnf) say nothing the model would have to read about TLS.
 */
import type { Location } from '../core/types';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { Entry, ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import { mysqlServerFromImage } from '../knowledge';
import { composeProjectOf } from './compose-mounts';
import type { ModelContext } from './contributor';
import { callerProjects, containerRunners } from './loopback';
import type { SpringSettings } from './spring-settings';
import type { MysqlCall } from './types';

/** `jdbc:mysql://host[:port][/database][?query]`: one host, no user-info, no `address=(…)` or list form. */
const MYSQL_URL = /^jdbc:mysql:\/\/([A-Za-z0-9._-]+)(?::(\d+))?(?:\/[^?]*)?(?:\?(.*))?$/;
const MYSQL_PORT = 3306;
/** Where a service's mount would put MySQL server configuration (my.cnf, conf.d), which may turn TLS off or move the port. */
const SERVER_CONFIG = /^\/etc\/(?:mysql(?:\/|$)|my\.cnf)/;
/** A `command:` word that may change what the server speaks or where it listens. */
const SERVER_SWITCH = /ssl|tls|port|defaults-file|defaults-extra-file/i;

/** The URL's query parameters, names lower case (Connector/J matches them without regard to case), the last one winning. */
function queryParameters(query: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (query ?? '').split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      out.set(decodeURIComponent(part.slice(0, eq)).toLowerCase(), decodeURIComponent(part.slice(eq + 1)).trim());
    } catch {
      out.set(part.slice(0, eq).toLowerCase(), part.slice(eq + 1).trim());
    }
  }
  return out;
}

/** The URL's own words that ask for TLS (`sslMode=REQUIRED`, `useSSL=true`), if any: else the driver's default decides. */
function tlsAskedBy(parameters: Map<string, string>): string | undefined {
  const mode = parameters.get('sslmode');
  if (mode !== undefined) return `sslMode=${mode}`;
  for (const [name, written] of [
    ['usessl', 'useSSL'],
    ['requiressl', 'requireSSL'],
  ] as const) {
    const value = parameters.get(name)?.toLowerCase();
    if (value === 'true' || value === 'yes') return `${written}=${value}`;
  }
  return undefined;
}

/** Whether the URL turns TLS off: sslMode=DISABLED, or no sslMode and useSSL false (Connector/J reads `no` as false too). */
function tlsOff(parameters: Map<string, string>): boolean {
  const mode = parameters.get('sslmode');
  if (mode !== undefined) return mode.toUpperCase() === 'DISABLED';
  const useSsl = parameters.get('usessl')?.toLowerCase();
  return useSsl === 'false' || useSsl === 'no';
}

interface ServiceAt {
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

/** Whether the service's command or mounts may change the server's TLS or port (then what it speaks is not known here). */
function serverSettingsUnknown({ service, doc }: ServiceAt): boolean {
  const prefix = `services.${service.name}.`;
  const command = doc.entries.some(
    (e) => (e.key === `${prefix}command` || e.key.startsWith(`${prefix}command[`)) && SERVER_SWITCH.test(e.value),
  );
  const configured = doc.data.mounts.some((m) => m.service === service.name && SERVER_CONFIG.test(m.target));
  return command || configured;
}

/**
 * The app's JDBC call to a MySQL server of the tree, when everything the verdict rests on is known (see above).
 * `settings`: the app's Spring settings as Spring binds them; `appFile`: a file of the app, to find its Compose project.
 */
export function mysqlCallOf(
  ctx: ModelContext,
  app: { id: string; name: string },
  settings: SpringSettings,
  appFile: string,
): MysqlCall | undefined {
  const key = 'spring.datasource.url';
  const entry: Entry | undefined = settings.setting(key);
  if (!entry || settings.setAtRunTime(key) || entry.value.includes('${')) return undefined;
  const url = MYSQL_URL.exec(entry.value.trim());
  if (!url) return undefined;
  const host = url[1]!.toLowerCase();
  const port = url[2] ? Number(url[2]) : MYSQL_PORT;
  const parameters = queryParameters(url[3]);
  if (port !== MYSQL_PORT || tlsOff(parameters)) return undefined;
  // The Compose projects the app runs in: those of the URL's own file (a Compose `environment:`, a file a service
  // mounts), else those of the app's files.
  const servicesOf = containerRunners(ctx);
  const urlProjects = callerProjects(ctx, servicesOf, settings.doc(entry).file.path);
  const appProjects = urlProjects.size > 0 ? urlProjects : callerProjects(ctx, servicesOf, appFile);
  // An app no Compose service runs (built, mounted or given its environment) may reach another server of that name
  // where it does run (a Kubernetes Service): not this one.
  if (appProjects.size === 0) return undefined;
  const candidates = servicesNamed(ctx, host).filter((s) => appProjects.has(composeProjectOf(s.doc.file.path)));
  // Several services answer to the name (two Compose files of one project, overrides): which one runs is not settled.
  if (candidates.length !== 1) return undefined;
  const server = candidates[0]!;
  const image = server.service.image;
  const tls = image ? mysqlServerFromImage(image) : undefined;
  if (!image || !tls?.protocols || !tls.tlsAtFirstStart.value || serverSettingsUnknown(server)) return undefined;
  const protocolsParameter = parameters.has('tlsversions') ? 'tlsVersions' : 'enabledTLSProtocols';
  const protocols = parameters.get(protocolsParameter.toLowerCase());
  const asked = tlsAskedBy(parameters);
  const doc = settings.doc(entry);
  const location: Location = entryLocation(doc, entry, 'value');
  return {
    client: app.id,
    clientName: app.name,
    setting: settings.nameAsWritten(entry),
    location,
    host,
    port,
    ...(asked && { tlsAskedBy: asked }),
    ...(protocols !== undefined && {
      protocols: {
        parameter: protocolsParameter,
        value: protocols
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      },
    }),
    server: {
      service: server.service.name,
      image,
      at: { file: server.doc.file.path, ...(server.service.imageRange && { range: server.service.imageRange }) },
      tls,
    },
  };
}
