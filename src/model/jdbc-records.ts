/**
 * The JDBC connections the model records on a deployment (Deployment's jdbc lists: MySQL, SQL Server, PostgreSQL calls):
 * kept apart from ./deployment-records.ts for its size; ./types.ts re-exports them.
 */
import type { Location } from '../core/types';
import type { SpringBootRelease } from './attributes';
import type { MysqlServerTls } from '../knowledge/mysql';

/** A Java application's JDBC connection to a database server of the tree (./jdbc-targets.ts). */
export interface JdbcCall {
  /** The application's component id and name. */
  client: string;
  clientName: string;
  /** How the setting that writes the URL names it (`spring.datasource.url`, `SPRING_DATASOURCE_URL`), and its value's place. */
  setting: string;
  location: Location;
  host: string;
  port: number;
  /** Where the server's container sets the variable that moves its port to `port` (MYSQL_TCP_PORT, MSSQL_TCP_PORT). */
  serverPortAt?: Location;
  /** The env files of the tree the server's Compose service reads, which the verdict rests on (they set nothing that changes it). */
  serverEnvFiles?: string[];
}

/**
 * A Java application's JDBC connection to a MySQL server a Compose service of the tree runs from Docker's official
 * image, where the URL leaves TLS on and everything about the server's side is known (./mysql-calls.ts).
 */
export interface MysqlCall extends JdbcCall {
  /** The URL's words that ask for TLS (`sslMode=REQUIRED`, `useSSL=true`); absent: Connector/J's default asks. */
  tlsAskedBy?: string;
  /** The protocols the URL's `tlsVersions` / `enabledTLSProtocols` names, as written. */
  protocols?: { parameter: string; value: string[] };
  /**
   * The project's Spring Boot release, where it manages a Connector/J that enables TLSv1.2 and TLSv1.3 only, whatever
   * the JDK allows (knowledge spring-boot.json mysqlConnectorTls12Only) and the build names no driver version of its own.
   */
  tls12OnlyBy?: SpringBootRelease;
  /** The Compose service that runs the server, its image as written and where, and what knowledge says of it. */
  server: { service: string; image: string; at: Location; tls: MysqlServerTls };
}

/**
 * A Java application's JDBC connection to SQL Server that a Compose service of the tree runs from Microsoft's image,
 * where the driver validates the certificate the server makes for itself (./mssql-calls.ts).
 */
export interface MssqlCall extends JdbcCall {
  /** `encrypt` as the URL writes it (`true`, `strict`…); absent: the driver's default, which `managedBy` decides. */
  encrypt?: string;
  /** The project's Spring Boot release, which manages an mssql-jdbc that encrypts by default. */
  managedBy?: SpringBootRelease;
  /** The Compose service that runs the server, its image as written and where, and the image's name in words. */
  server: { service: string; image: string; at: Location; product: string };
}

/** A Java application's pgjdbc URL whose sslmode the build's pinned pgjdbc release does not know (./pgjdbc-modes.ts). */
export interface PgjdbcUnknownMode extends JdbcCall {
  /** The URL's sslmode as written. */
  mode: string;
  /** The pgjdbc release the build file pins, and where. */
  driver: { version: string; at: Location };
}

/**
 * A Java application's pgjdbc connection that requires SSL of a PostgreSQL server a Compose service of the tree runs
 * from Docker's official image with ssl off, nothing in the service turning it on (./postgres-calls.ts).
 */
export interface PostgresCall extends JdbcCall {
  /** The URL's words that require SSL, as written (`sslmode=require`, `ssl=true`). */
  sslRequiredBy: string;
  /** Whether they are `ssl=true` without `sslmode` (pgjdbc's verify-full from 42.2.5 on, SSL required before). */
  bySslTrue: boolean;
  /** The Compose service that runs the server, its image as written and where, and the image's name in words. */
  server: { service: string; image: string; at: Location; product: string };
  /** The service's env files and init scripts read and found to say nothing that turns SSL on (`what`: which). */
  filesRead: { file: string; what: string }[];
}
