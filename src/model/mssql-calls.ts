/**
 * A Java application's JDBC connection to SQL Server that a Compose service of the tree runs from Microsoft's image
 * (Deployment.mssqlCalls), where the Microsoft JDBC Driver validates the server's certificate: `spring.datasource.url`
 * = `jdbc:sqlserver://host[:1433][;property=value…]` (./jdbc-targets.ts ties the host to the service) with encryption
 * on and `trustServerCertificate` not true (or ignored: `encrypt=strict`). Encryption is on when the URL says
 * `encrypt=true` (`yes`, `mandatory`, `strict`), or, without `encrypt`, when the driver's default is on: mssql-jdbc
 * 10.1.0 and later, which the project's Spring Boot release manages from 2.7.0 (knowledge spring-boot.json
 * mssqlJdbcEncrypts) unless its build file names its own mssql-jdbc version. The server presents the self-signed
 * certificate it makes at start unless one is provisioned (mssql-conf: knowledge MSSQL.certificatePaths): a service
 * that mounts something there, a certificate file, or sets a TLS variable or command word is not judged, nor one with
 * an env_file the tree does not hold (it may set any variable). Neither is a URL with a `trustStore` or
 * `trustManagerClass` (they say which certificates the client trusts), a port the server does not listen on (1433
 * unless the container's MSSQL_TCP_PORT moves it: knowledge MSSQL.portVariable), a named instance without a port
 * (mssqlPort), or a server built from a Dockerfile (its image may hold a certificate). Property names are matched
 * without regard to case.
 */
import { MSSQL, mssqlServerImage } from '../knowledge';
import type { SpringBootRelease } from './attributes';
import type { ModelContext } from './contributor';
import {
  callOf,
  commandSays,
  mountsAt,
  releaseManagingDriver,
  serverImage,
  serverPort,
  serviceCalled,
  knownServiceVariables,
  writtenJdbcUrl,
  type JdbcUrl,
  type ServiceAt,
} from './jdbc-targets';
import type { ServiceVariables } from '../parse/compose-service-variables';
import type { SpringSettings } from './spring-settings';
import type { MssqlCall } from './types';

/** `jdbc:sqlserver://host[\instance][:port][;properties]`: one host. */
const MSSQL_URL = /^jdbc:sqlserver:\/\/([A-Za-z0-9._-]+)(?:\\[^:;/]*)?(?::(\d+))?\/?(?:;(.*))?$/i;
/** A URL that names an instance after its host (`host\SQLEXPRESS`), and one that writes a port. */
const URL_INSTANCE = /^jdbc:sqlserver:\/\/[^;:\\]*\\/i;
const URL_PORT = /^jdbc:sqlserver:\/\/[^;:]*:\d/i;
const MSSQL_PORT = 1433;
const ON = new Set(['true', 'yes', 'mandatory', 'strict']);
/** A container path or command word that may provision the server's own certificate. */
const CERTIFICATE_WORD = /tls|ssl|cert|\.(?:pem|crt|cer|key|pfx|p12)$/i;
/** A build file that names its own mssql-jdbc version (Maven property or dependency version, Gradle coordinate). */
const OWN_DRIVER_VERSION =
  /mssql-jdbc\.version|<artifactId>\s*mssql-jdbc\s*<\/artifactId>\s*<version>|mssql-jdbc:\s*[\d$]/;

/** The URL's properties, names lower case, the last of a name winning; a `{…}` value without its braces. */
function urlProperties(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (text ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out.set(
      part.slice(0, eq).trim().toLowerCase(),
      part
        .slice(eq + 1)
        .trim()
        .replace(/^\{(.*)\}$/, '$1'),
    );
  }
  return out;
}

/**
 * The port the driver calls: `portNumber` (or its synonym `port`) among the properties, which the driver reads after
 * the URL's own `:port`, else that, else 1433 — except for a named instance (`host\SQLEXPRESS`, `instanceName=`) without
 * a port, whose port the driver asks SQL Server Browser for (UDP 1434): undefined, not known from the tree
 * (mssql-jdbc SQLServerConnection.primaryPermissionCheck: getInstancePort only when the port number is 0; Util.parseUrl
 * reads `\instance` and `:port` after the host; 'port' → portNumber in SQLServerDriver's synonyms: v12.8.1, 96c824d).
 */
function mssqlPort(url: JdbcUrl, properties: Map<string, string>): number | undefined {
  const property = properties.get('portnumber') ?? properties.get('port');
  if (property !== undefined) return /^\d+$/.test(property) ? Number(property) : undefined;
  if (!URL_PORT.test(url.value) && (URL_INSTANCE.test(url.value) || properties.has('instancename'))) return undefined;
  return url.port;
}

/** Whether the service may have a certificate of its own (see above): also when its variables are not all known. */
function certificateProvisioned(server: ServiceAt, variables: ServiceVariables | undefined): boolean {
  const paths = MSSQL.certificatePaths;
  return (
    mountsAt(server, (target) => paths.includes(target.replace(/\/+$/, '')) || CERTIFICATE_WORD.test(target)) ||
    commandSays(server, CERTIFICATE_WORD) ||
    !variables ||
    [...variables.variables.keys()].some((name) => /TLS|SSL|CERT/i.test(name))
  );
}

export function mssqlCallOf(
  ctx: ModelContext,
  app: { id: string; name: string },
  settings: SpringSettings,
  appFile: string,
  springBoot: SpringBootRelease | undefined,
): MssqlCall | undefined {
  const url = writtenJdbcUrl(settings, MSSQL_URL, MSSQL_PORT);
  if (!url) return undefined;
  const properties = urlProperties(url.parameters);
  const port = mssqlPort(url, properties);
  if (port === undefined) return undefined;
  const encrypt = properties.get('encrypt');
  // encrypt=strict (TDS 8.0) ignores trustServerCertificate and validates the certificate, unless `serverCertificate`
  // pins one (mssql-jdbc SQLServerConnection.connectHelper since #1757, 887cf6f, 2022-03-16).
  const strict = encrypt?.toLowerCase() === 'strict';
  const trustAll = !strict && ['true', 'yes'].includes(properties.get('trustservercertificate')?.toLowerCase() ?? '');
  if (trustAll || properties.has('truststore') || properties.has('trustmanagerclass')) return undefined;
  if (strict && properties.has('servercertificate')) return undefined;
  // `false`, `no`, `optional`: no validation of the certificate (the login alone is encrypted, with any certificate).
  if (encrypt !== undefined && !ON.has(encrypt.toLowerCase())) return undefined;
  // Without `encrypt`, the driver's default decides: known only where the project's Spring Boot release manages it.
  const managedBy =
    encrypt === undefined ? releaseManagingDriver(ctx, springBoot, 'mssqlJdbcEncrypts', OWN_DRIVER_VERSION) : undefined;
  if (encrypt === undefined && !managedBy) return undefined;
  const server = serviceCalled(ctx, url, appFile, url.host);
  const image = server && serverImage(ctx, server);
  const product = image && !image.built ? mssqlServerImage(image.image) : undefined;
  const variables = server && knownServiceVariables(ctx, server);
  if (!server || !image || !product || certificateProvisioned(server, variables)) return undefined;
  // No server listens where the URL calls (MSSQL_TCP_PORT moved it), or where it listens is unknown: nothing to judge.
  const listening = serverPort(ctx, server, MSSQL.portVariable.name, MSSQL.portVariable.defaultPort);
  if (!listening || listening.port !== port) return undefined;
  return {
    ...callOf(app, { ...url, port }),
    ...(listening.at && { serverPortAt: listening.at }),
    ...(variables!.envFiles.length > 0 && { serverEnvFiles: variables!.envFiles }), // known: not provisioned
    ...(encrypt !== undefined ? { encrypt } : { managedBy: managedBy! }),
    server: { service: server.service.name, image: image.image, at: image.at, product: product.name },
  };
}
