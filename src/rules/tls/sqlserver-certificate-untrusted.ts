import { MSSQL } from '../../knowledge';
import type { Component, MssqlCall } from '../../model/types';
import { ours, said } from '../../core/phrase';
import { defineRule, type RuleRelated } from '../types';
import { appConfiguredAt, serverSetAt } from './_lib/jdbc-related';

/** Where the verdict's inputs are written besides the URL: the server's image, the app, the Spring Boot release. */
function relatedOf(call: MssqlCall, app: Component | undefined): RuleRelated[] {
  return [
    {
      ...call.server.at,
      message: said`Compose service ${call.server.service} runs ${ours(call.server.product)} ${call.server.image} with no certificate provisioned: SQL Server presents a self-signed one it makes at start (${ours(MSSQL.selfSigned.source.split(' ')[0]!)})`,
    },
    ...appConfiguredAt(call, app),
    ...serverSetAt(call, ours('it sets no TLS variable and does not move the port')),
    ...(call.managedBy
      ? [
          {
            ...call.managedBy.at,
            message: said`Spring Boot ${call.managedBy.version} (${call.managedBy.by}) manages an mssql-jdbc whose encrypt defaults to true (${ours(MSSQL.driver.encryptDefaultTrueSince)} and later)`,
          },
        ]
      : []),
  ];
}

/**
 * A Java application whose Microsoft JDBC Driver connection to SQL Server of the tree validates a certificate no trust
 * store holds (Deployment.mssqlCalls, ../../model/mssql-calls.ts): encryption on (the URL's `encrypt`, or the driver's
 * default from mssql-jdbc 10.1.0, which Spring Boot manages from 2.7.0) and `trustServerCertificate` not true, against
 * a server that presents the self-signed certificate SQL Server makes when none is provisioned. The driver validates it
 * against the JVM's trust store and refuses it (knowledge mssql-servers.json: mssql-jdbc IOBuffer.enableSSL).
 */
export default defineRule({
  meta: {
    id: 'tls/sqlserver-certificate-untrusted',
    description:
      "Predict a Java application's JDBC connection to SQL Server of the tree that fails because the driver validates the self-signed certificate SQL Server makes for itself",
    severity: 'error',
    messages: {
      untrusted:
        "{{client}} connects to SQL Server at {{host}} ({{setting}}) with encrypt={{encrypt}} and validates the server's certificate ({{validates}}), but the server of Compose service {{service}} has no certificate provisioned and presents the self-signed one it makes at start, which no trust store holds: every connection fails with '{{failure}}'. {{fix}}",
      untrustedByDefault:
        "{{client}} connects to SQL Server at {{host}} ({{setting}}) without encrypt, and the mssql-jdbc that Spring Boot {{boot}} manages encrypts by default and validates the server's certificate (trustServerCertificate is not true); the server of Compose service {{service}} has no certificate provisioned and presents the self-signed one it makes at start, which no trust store holds: every connection fails with '{{failure}}' (unless the build pins an mssql-jdbc older than {{driver}}, where encrypt defaults to false, somewhere lint-deploy does not read). {{fix}}",
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'] },
    symptoms: [MSSQL.driver.failure, 'unable to find valid certification path to requested target'],
  },
  check(ctx) {
    const byId = new Map<string, Component>(ctx.deployment.components.map((c) => [c.id, c]));
    const fix = ours(
      "Provision a certificate the application trusts on the server (mssql-conf network.tlscert and network.tlskey, its CA in the JVM's trust store or the URL's trustStore), or, where the network is trusted, add trustServerCertificate=true to the URL (encryption without certificate validation)",
    );
    for (const call of ctx.deployment.mssqlCalls ?? []) {
      const base = {
        client: call.clientName,
        host: `${call.host}:${call.port}`,
        setting: call.setting,
        service: call.server.service,
        failure: ours(MSSQL.driver.failure),
        fix,
      };
      const related = relatedOf(call, byId.get(call.client));
      const fingerprint = [call.client, call.host, 'certificate untrusted'];
      if (call.encrypt !== undefined)
        ctx.report({
          messageId: 'untrusted',
          data: {
            ...base,
            encrypt: call.encrypt,
            validates: ours(
              call.encrypt.toLowerCase() === 'strict'
                ? 'encrypt=strict validates it whatever trustServerCertificate says'
                : 'trustServerCertificate is not true',
            ),
          },
          location: call.location,
          related,
          fingerprint,
        });
      else
        ctx.report({
          messageId: 'untrustedByDefault',
          severity: 'warning',
          data: {
            ...base,
            boot: call.managedBy!.version, // mssqlCallOf records a call without encrypt only with the managing release
            driver: ours(MSSQL.driver.encryptDefaultTrueSince),
          },
          location: call.location,
          related,
          fingerprint,
        });
    }
  },
});
