/**
 * SQL Server as Microsoft's container image runs it, and the Microsoft JDBC Driver's TLS behaviour
 * (data/mssql-servers.json): a server with no certificate provisioned presents a self-signed one it makes at start, and
 * the driver validates the server's certificate whenever encryption is on and trustServerCertificate is not true.
 */
import data from './data/mssql-servers.json';
import { serverImageNamed } from './server-images';

/** Microsoft's SQL Server image an image reference names (any tag), or undefined. */
export function mssqlServerImage(reference: string): { name: string; source: string } | undefined {
  return serverImageNamed(data.images, reference);
}

/** The facts a verdict on an SQL Server connection rests on, with their sources. */
export const MSSQL = {
  selfSigned: data.selfSignedWithoutCertificate,
  /** The container variable that moves the port SQL Server listens on, and the port without it. */
  portVariable: data.portVariable,
  certificatePaths: data.certificateConfiguration.paths,
  certificateSource: data.certificateConfiguration.source,
  driver: data.driver,
};
