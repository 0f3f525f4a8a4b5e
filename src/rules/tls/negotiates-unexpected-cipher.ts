import { presentedCertificates } from '../../derive/derive';
import { placeOf, relatedOf } from '../../handshake/links';
import type { ProtocolName } from '../../knowledge';
import { suiteFacts, suiteSupportsProtocol } from '../../handshake/suites';
import { linkSources, withSources } from '../_lib/sources';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'tls/negotiates-unexpected-cipher',
    description:
      "Warn when the server's cipher order will pick a different suite than the client's configured first choice",
    severity: 'warning',
    messages: {
      unexpected:
        '{{client}} → {{server}}: {{client}} lists {{intended}} first, but {{server}} prefers its own order and will negotiate {{negotiated}} ({{protocol}}). Fix: put {{intended}} first on the server, or offer only the suites you intend',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const { link, client, server, prediction, outcome } of ctx.deployment.derived.predictions) {
      // IBM MQ's own order vs SSLCIPH is mq/cipherspec-not-negotiated.
      if (
        !prediction.ok ||
        outcome.kind !== 'negotiates' ||
        prediction.decidedBy !== 'server-order' ||
        server.side.implementation === 'gskit'
      )
        continue;
      if (client.suitesFrom?.kind !== 'file') continue;
      const protocol = prediction.protocol as ProtocolName;
      const intended = client.side.cipherSuites
        .map((n) => suiteFacts(n))
        .find((f) => f && (protocol === 'TLSv1.3' ? f.tls13 : !f.tls13 && suiteSupportsProtocol(f, protocol)));
      if (!intended || intended.name === prediction.cipherSuite) continue;
      ctx.report({
        messageId: 'unexpected',
        data: {
          client: client.component.name,
          server: server.component.name,
          intended: intended.name,
          negotiated: prediction.cipherSuite,
          protocol: prediction.protocol,
        },
        location: placeOf(client.component, client.suitesFrom),
        related: withSources(
          placeOf(client.component, client.suitesFrom),
          [
            relatedOf(
              server.component,
              server.suitesFrom,
              `${server.component.name}'s order puts ${prediction.cipherSuite} first`,
            ),
          ],
          linkSources(link, client.component, server.component),
          presentedCertificates(ctx.deployment, server.component),
        ),
        fingerprint: [link.client, link.server, intended.name, prediction.cipherSuite],
      });
    }
  },
});
