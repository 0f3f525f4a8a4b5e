import { POSTGRES } from '../../knowledge';
import type { Component } from '../../model/types';
import { ours, said } from '../../core/phrase';
import { defineRule } from '../types';
import { appConfiguredAt } from './_lib/jdbc-related';

/**
 * A Java application whose pgjdbc URL names an `sslmode` its driver does not know (Deployment.pgjdbcUnknownModes,
 * ../../model/pgjdbc-modes.ts): `sslmode=prefer` or `allow` with a pgjdbc before 42.2.5 that the build file pins. The
 * driver throws "Invalid sslmode value" before it connects, so every connection fails (knowledge postgres-servers.json).
 */
export default defineRule({
  meta: {
    id: 'tls/pgjdbc-sslmode-unknown',
    description:
      "Predict a Java application's PostgreSQL JDBC connection that fails because the URL's sslmode is one the build's pgjdbc release does not know (prefer or allow before 42.2.5)",
    severity: 'error',
    messages: {
      unknownMode:
        "{{client}} connects to PostgreSQL with sslmode={{mode}} ({{setting}}), but the build pins pgjdbc {{version}}, which knows only {{known}}: every connection fails with '{{refusal}}' before it reaches the server. Upgrade pgjdbc to {{since}} or later (it knows prefer and allow), or use a mode it knows",
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'] },
    symptoms: ['Invalid sslmode value'],
  },
  check(ctx) {
    const byId = new Map<string, Component>(ctx.deployment.components.map((c) => [c.id, c]));
    const { modes } = POSTGRES.driver;
    for (const use of ctx.deployment.pgjdbcUnknownModes ?? [])
      ctx.report({
        messageId: 'unknownMode',
        data: {
          client: use.clientName,
          mode: use.mode,
          setting: use.setting,
          version: use.driver.version,
          known: ours(modes.knownBefore.join(', ')),
          refusal: said`Invalid sslmode value: ${use.mode}`,
          since: ours(modes.allSince),
        },
        location: use.location,
        related: [
          { ...use.driver.at, message: said`pgjdbc ${use.driver.version}, pinned here` },
          ...appConfiguredAt(use, byId.get(use.client)),
        ],
        fingerprint: [use.client, use.mode, 'pgjdbc sslmode unknown'],
      });
  },
});
