/**
 * A Java application's JDBC calls to database servers of the tree, one record per product whose verdict is known
 * (./mysql-calls.ts, ./mssql-calls.ts, ./postgres-calls.ts), and its pgjdbc URL's sslmode the build's driver does not
 * know (./pgjdbc-modes.ts), kept on the deployment for the tls rules.
 */
import type { SpringBootRelease } from './attributes';
import type { ModelContext } from './contributor';
import { mssqlCallOf } from './mssql-calls';
import { mysqlCallOf } from './mysql-calls';
import { pgjdbcUnknownModeOf } from './pgjdbc-modes';
import { postgresCallOf } from './postgres-calls';
import type { SpringSettings } from './spring-settings';

/**
 * Records the app's JDBC call on the deployment where its URL calls a server of the tree. `settings`: the app's Spring
 * settings as Spring binds them; `appFile`: a file of the app, to find its Compose project; `springBoot`: the project's
 * release, which says which drivers it manages.
 */
export function recordJdbcCalls(
  ctx: ModelContext,
  app: { id: string; name: string },
  settings: SpringSettings,
  appFile: string,
  springBoot: SpringBootRelease | undefined,
): void {
  const deployment = ctx.deployment;
  const mysqlCall = mysqlCallOf(ctx, app, settings, appFile, springBoot);
  if (mysqlCall) (deployment.mysqlCalls ??= []).push(mysqlCall);
  const mssqlCall = mssqlCallOf(ctx, app, settings, appFile, springBoot);
  if (mssqlCall) (deployment.mssqlCalls ??= []).push(mssqlCall);
  const postgresCall = postgresCallOf(ctx, app, settings, appFile);
  if (postgresCall) (deployment.postgresCalls ??= []).push(postgresCall);
  const unknownMode = pgjdbcUnknownModeOf(ctx, app, settings, springBoot);
  if (unknownMode) (deployment.pgjdbcUnknownModes ??= []).push(unknownMode);
}
