/**
 * A Java application's JDBC connection to SQL Server that a Compose service of the tree runs from Microsoft's image
 * (Deployment.mssqlCalls), where the Microsoft JDBC Driver validates the server's certificate: `spring.datasource.url`
 * = `jdbc:sqlserver://host[:1433][;property=value…]` (./jdbc-targets.ts ties the host to the service) with encryption
 * on and `trustServerCertificate` not true (or ignored: `encrypt=strict`). Encryption is on when the URL says
 * `encrypt=true` (`yes`, `mandatory`, `strict`), or, without `encrypt`, when the driver's default is on: mssql-jdbc
 * 10.1.0 and later, which the project's Spring Boot release manages from 2.7.0 (knowledge spring-boot.json
 * mssqlJdbcEncrypts) unless its build file names its own mssql-jdbc version. The server presents the self-signed
 * certificate it makes at start unless one is provisioned (mssql-conf: knowledge MSSQL.certificatePaths): a service
 * that mounts something there, a certificate file, or sets a TLS variable or command word is not judged. Neither is a
 * URL with a `trustStore` or `trustManagerClass` (they say which certificates the client trusts), an instance name
 * (`host\SQLEXPRESS`), or another port. Property names are matched without regard to case.
 */
import { MSSQL, mssqlServerImage } from '../knowledge';
import type { SpringBootRelease } from './attributes';
import type { ModelContext } from './contributor';
import {
  callOf,
  commandSays,
  imageLocation,
  jdbcUrlOf,
  mountsAt,
  releaseManagingDriver,
  serviceCalled,
  type ServiceAt,
} from './jdbc-targets';
import type { SpringSettings } from './spring-settings';
import type { MssqlCall } from './types';

/** `jdbc:sqlserver://host[:port][;properties]`: one host, no instance name. */
const MSSQL_URL = /^jdbc:sqlserver:\/\/([A-Za-z0-9._-]+)(?::(\d+))?\/?(?:;(.*))?$/i;
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

/** Whether the service may have a certificate of its own (see above). */
function certificateProvisioned(server: ServiceAt): boolean {
  const paths = MSSQL.certificatePaths;
  return (
    mountsAt(server, (target) => paths.includes(target.replace(/\/+$/, '')) || CERTIFICATE_WORD.test(target)) ||
    commandSays(server, CERTIFICATE_WORD) ||
    server.service.environment.some((v) => /TLS|SSL|CERT/i.test(v.name))
  );
}

export function mssqlCallOf(
  ctx: ModelContext,
  app: { id: string; name: string },
  settings: SpringSettings,
  appFile: string,
  springBoot: SpringBootRelease | undefined,
): MssqlCall | undefined {
  const url = jdbcUrlOf(settings, MSSQL_URL, MSSQL_PORT);
  if (!url) return undefined;
  const properties = urlProperties(url.parameters);
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
  const image = server?.service.image;
  const product = image ? mssqlServerImage(image) : undefined;
  if (!server || !image || !product || certificateProvisioned(server)) return undefined;
  return {
    ...callOf(app, url),
    ...(encrypt !== undefined ? { encrypt } : { managedBy: managedBy! }),
    server: { service: server.service.name, image, at: imageLocation(server), product: product.name },
  };
}
