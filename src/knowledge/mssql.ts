/**
 * SQL Server as Microsoft's container image runs it, and the Microsoft JDBC Driver's TLS behaviour
 * (data/mssql-servers.json): a server with no certificate provisioned presents a self-signed one it makes at start, and
 * the driver validates the server's certificate whenever encryption is on and trustServerCertificate is not true.
 */
import data from './data/mssql-servers.json';
import { splitImageReference } from './jdk-locations';

/** Microsoft's SQL Server image an image reference names (any tag), or undefined. */
export function mssqlServerImage(reference: string): { name: string; source: string } | undefined {
  const { name } = splitImageReference(reference.trim().toLowerCase());
  const image = data.images.find((i) => i.repository.includes(name));
  return image && { name: image.name, source: image.source };
}

/** The facts a verdict on an SQL Server connection rests on, with their sources. */
export const MSSQL = {
  selfSigned: data.selfSignedWithoutCertificate,
  certificatePaths: data.certificateConfiguration.paths,
  certificateSource: data.certificateConfiguration.source,
  driver: data.driver,
};
