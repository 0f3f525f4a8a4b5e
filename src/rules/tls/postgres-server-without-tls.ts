import { POSTGRES } from '../../knowledge';
import type { Component, PostgresCall } from '../../model/types';
import { ours, said } from '../../core/phrase';
import { defineRule, type RuleRelated } from '../types';

/** Where the verdict's inputs are written besides the URL: the server's image, and the app when the URL is elsewhere. */
function relatedOf(call: PostgresCall, app: Component | undefined): RuleRelated[] {
  return [
    {
      ...call.server.at,
      message: said`Compose service ${call.server.service} runs ${ours(call.server.product)} ${call.server.image}, whose server starts with ssl off, and nothing in the service turns it on (${ours(POSTGRES.sslOff.source.split(' ')[0]!)})`,
    },
    ...call.filesRead.map(({ file, what }) => ({
      file,
      message: said`the service's ${ours(what)}, read: nothing in it turns SSL on`,
    })),
    ...(app && app.location.file !== call.location.file
      ? [{ ...app.location, message: said`${app.name} is configured here` }]
      : []),
  ];
}

/**
 * A Java application whose PostgreSQL JDBC driver (pgjdbc) connection requires SSL of a PostgreSQL server of the tree
 * that runs without it (Deployment.postgresCalls, ../../model/postgres-calls.ts): the URL's `sslmode=require`,
 * `verify-ca` or `verify-full` (or `ssl=true` without `sslmode`) against Docker's official `postgres` image, which starts
 * the server with ssl off unless the service turns it on. The server refuses pgjdbc's SSLRequest and the driver, which
 * falls back to plain only for `prefer`, fails every connection (knowledge postgres-servers.json).
 */
export default defineRule({
  meta: {
    id: 'tls/postgres-server-without-tls',
    description:
      "Predict a Java application's JDBC connection that requires SSL of a PostgreSQL server of the tree that runs without it",
    severity: 'error',
    messages: {
      sslRefused:
        "{{client}} connects to PostgreSQL at {{host}} ({{setting}}) with {{required}}, which requires SSL{{meaning}}, but the server of Compose service {{service}} runs with ssl off ({{product}} never turns it on, and nothing in the service does): the server refuses the driver's SSL request and every connection fails with '{{refusal}}'. {{fix}}",
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'] },
    symptoms: [POSTGRES.driver.refusal],
  },
  check(ctx) {
    const byId = new Map<string, Component>(ctx.deployment.components.map((c) => [c.id, c]));
    for (const call of ctx.deployment.postgresCalls ?? [])
      ctx.report({
        messageId: 'sslRefused',
        data: {
          client: call.clientName,
          host: `${call.host}:${call.port}`,
          setting: call.setting,
          required: call.sslRequiredBy,
          meaning: call.bySslTrue
            ? ours(` (without sslmode, pgjdbc reads ssl=true as ${POSTGRES.driver.sslTrueMeans})`)
            : ours(''),
          service: call.server.service,
          product: ours(call.server.product),
          refusal: ours(POSTGRES.driver.refusal),
          fix: ours(
            'Turn SSL on in the server (command: -c ssl=on -c ssl_cert_file=… -c ssl_key_file=…, with a certificate the application trusts for verify-ca or verify-full), or, where the network between the containers is trusted, use sslmode=prefer or disable',
          ),
        },
        location: call.location,
        related: relatedOf(call, byId.get(call.client)),
        fingerprint: [call.client, call.host, 'server without tls'],
      });
  },
});
