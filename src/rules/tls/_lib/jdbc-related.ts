import { said, type Phrase } from '../../../core/phrase';
import type { Component, JdbcCall } from '../../../model/types';
import type { RuleRelated } from '../../types';

/**
 * Where a JDBC call's application is configured, as a related place: only when the URL is written in another file (a
 * Compose service's SPRING_DATASOURCE_URL), where the finding's own location does not show which application it is.
 */
export function appConfiguredAt(call: JdbcCall, app: Component | undefined): RuleRelated[] {
  return app && app.location.file !== call.location.file
    ? [{ ...app.location, message: said`${app.name} is configured here` }]
    : [];
}

/**
 * Where the server's container moves its port to the one the URL calls (MSSQL_TCP_PORT=1533), and the other env files
 * of its Compose service the verdict rests on (`reading`: what they were read for and found not to set), as related places.
 */
export function serverSetAt(call: JdbcCall, reading: Phrase): RuleRelated[] {
  const port: RuleRelated[] = call.serverPortAt
    ? [{ ...call.serverPortAt, message: said`the server listens on port ${call.port}, set here` }]
    : [];
  const envFiles = (call.serverEnvFiles ?? [])
    .filter((file) => file !== call.serverPortAt?.file)
    .map((file) => ({ file, message: said`an env file of the server's Compose service, read: ${reading}` }));
  return [...port, ...envFiles];
}
