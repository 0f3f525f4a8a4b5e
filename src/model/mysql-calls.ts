/**
 * A Java application's JDBC connection to a MySQL server that a Compose service of the tree runs from Docker's official
 * image (Deployment.mysqlCalls): `spring.datasource.url` = `jdbc:mysql://host[:3306]/…` whose host names that service
 * (./jdbc-targets.ts), or builds from a Dockerfile whose runtime `FROM` is that image. MySQL Connector/J asks for TLS whenever the server offers it, unless the URL turns it off:
 * `sslMode=DISABLED`, or without `sslMode` a `useSSL=false` (property names without regard to case: knowledge
 * CONNECTOR_J). The server's side comes from knowledge (mysqlServerFromImage): the release its image tag names, the
 * protocols that release speaks and whether the image's first start turns TLS on. A call is recorded only where all of
 * it is known: one host (no failover list or `address=(…)` form), a service whose `command:`, mounted configuration
 * (anything under /etc/mysql, /etc/my.cnf) and Dockerfile say nothing the model would have to read about TLS or its
 * port, and a URL that calls the port the server listens on: 3306 unless MYSQL_TCP_PORT moves it (serverPort).
 */
import { mysqlServerFromImage } from '../knowledge';
import type { SpringBootRelease } from './attributes';
import type { ModelContext } from './contributor';
import { heldCommands, heldCopies } from '../parse/dockerfile-stages';
import type { DockerfileData } from '../parse/dockerfile';
import {
  callOf,
  commandSays,
  mountsAt,
  releaseManagingDriver,
  serverImage,
  serverPort,
  serviceCalled,
  urlQuery,
  writtenJdbcUrl,
} from './jdbc-targets';
import type { SpringSettings } from './spring-settings';
import type { MysqlCall } from './types';

/** `jdbc:mysql://host[:port][/database][?query]`: one host, no user-info, no `address=(…)` or list form. */
const MYSQL_URL = /^jdbc:mysql:\/\/([A-Za-z0-9._-]+)(?::(\d+))?(?:\/[^?]*)?(?:\?(.*))?$/;
const MYSQL_PORT = 3306;
/** Where a service's mount would put MySQL server configuration (my.cnf, conf.d), which may turn TLS off or move the port. */
const SERVER_CONFIG = /^\/etc\/(?:mysql(?:\/|$)|my\.cnf)/;
/** A `command:` word that may change what the server speaks or where it listens. */
const SERVER_SWITCH = /ssl|tls|port|defaults-file|defaults-extra-file/i;
/**
 * The environment variable mysqld takes its port from when no option names one (sql/mysqld.cc set_ports: 'either
 * default can be overridden by the environment variable MYSQL_TCP_PORT, which in turn can be overridden with command
 * line options'), and neither Docker's image nor its entrypoint names one (docker-library/mysql@3728e57: the entrypoint
 * starts its temporary server with --skip-networking, then execs mysqld with the container's arguments; its my.cnf
 * sets no port): the port the server listens on is read by serverPort (./jdbc-targets.ts).
 */
const PORT_VARIABLE = 'MYSQL_TCP_PORT';

/**
 * Whether the Dockerfile a server is built from may change what it speaks or where it listens: a copy into its
 * configuration (or to a place the model cannot tell), or an instruction that names TLS, a port or an options file.
 */
function builtToDiffer(built: DockerfileData | undefined): boolean {
  if (!built) return false;
  return (
    heldCopies(built).some((c) => c.destination === undefined || SERVER_CONFIG.test(c.destination)) ||
    heldCommands(built).some((c) => SERVER_SWITCH.test(c.joined) || /\/etc\/(?:mysql|my\.cnf)/.test(c.joined))
  );
}

/** A build file that names its own Connector/J version (Boot's mysql.version property, a Maven or Gradle version). */
const OWN_DRIVER_VERSION =
  /<mysql\.version>|mysql-connector-j(?:ava)?\.version|<artifactId>\s*mysql-connector-j(?:ava)?\s*<\/artifactId>\s*<version>|mysql-connector-j(?:ava)?:\s*[\d$]/;

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

/**
 * The app's JDBC call to a MySQL server of the tree, when everything the verdict rests on is known (see above).
 * `settings`: the app's Spring settings as Spring binds them; `appFile`: a file of the app, to find its Compose project;
 * `springBoot`: the project's release, which says which Connector/J it manages.
 */
export function mysqlCallOf(
  ctx: ModelContext,
  app: { id: string; name: string },
  settings: SpringSettings,
  appFile: string,
  springBoot?: SpringBootRelease,
): MysqlCall | undefined {
  const url = writtenJdbcUrl(settings, MYSQL_URL, MYSQL_PORT);
  const parameters = urlQuery(url?.parameters, (name) => name.toLowerCase());
  if (!url || tlsOff(parameters)) return undefined;
  const server = serviceCalled(ctx, url, appFile, url.host);
  const image = server && serverImage(ctx, server);
  const tls = image ? mysqlServerFromImage(image.image) : undefined;
  if (!server || !image || !tls?.protocols || !tls.tlsAtFirstStart.value) return undefined;
  if (commandSays(server, SERVER_SWITCH) || mountsAt(server, (target) => SERVER_CONFIG.test(target))) return undefined;
  // No server listens where the URL calls (MYSQL_TCP_PORT moved it), or where it listens is unknown: nothing to judge.
  const listening = serverPort(ctx, server, PORT_VARIABLE, MYSQL_PORT);
  if (builtToDiffer(image.built) || url.port !== listening?.port) return undefined;
  const protocolsParameter = parameters.has('tlsversions') ? 'tlsVersions' : 'enabledTLSProtocols';
  const protocols = parameters.get(protocolsParameter.toLowerCase());
  const asked = tlsAskedBy(parameters);
  // A release managing Connector/J 8.0.28 or later (TLSv1.2 and TLSv1.3 only), unless the build pins its own driver.
  const managedBy = releaseManagingDriver(ctx, springBoot, 'mysqlConnectorTls12Only', OWN_DRIVER_VERSION);
  return {
    ...callOf(app, url),
    ...(listening.at && { serverPortAt: listening.at }),
    ...(listening.envFiles.length > 0 && { serverEnvFiles: listening.envFiles }),
    ...(asked && { tlsAskedBy: asked }),
    ...(managedBy && { tls12OnlyBy: managedBy }),
    ...(protocols !== undefined && {
      protocols: {
        parameter: protocolsParameter,
        value: protocols
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      },
    }),
    server: { service: server.service.name, image: image.image, at: image.at, tls },
  };
}
