import { presentedCertificates } from '../../derive/derive';
import { updatesText } from '../../derive/outcome-updates';
import type { Endpoint } from '../../handshake/endpoint';
import { placeOf, relatedOf } from '../../handshake/links';
import type { ProtocolName } from '../../knowledge';
import { suiteFacts, suiteSupportsProtocol } from '../../handshake/suites';
import type { NegotiatedOnUpdates } from '../../handshake/types';
import { linkSources, withSources } from '../_lib/sources';
import { defineRule } from '../types';

/** The client's first suite usable with `protocol`, from its lists on the span `index` (undefined: as drawn). */
function intendedSuite(client: Endpoint, protocol: ProtocolName, index: number | undefined) {
  const suites =
    (index === undefined ? undefined : client.updates?.candidates[index]?.patch.cipherSuites) ??
    client.side.cipherSuites;
  return suites
    .map((n) => suiteFacts(n))
    .find((f) => f && (protocol === 'TLSv1.3' ? f.tls13 : !f.tls13 && suiteSupportsProtocol(f, protocol)));
}

export default defineRule({
  meta: {
    id: 'tls/negotiates-unexpected-cipher',
    description:
      "Warn when the server's cipher order will pick a different suite than the client's configured first choice",
    severity: 'warning',
    messages: {
      unexpected:
        '{{client}} → {{server}}: {{client}} lists {{intended}} first, but {{server}} prefers its own order and will negotiate {{negotiated}} ({{protocol}}). Fix: put {{intended}} first on the server, or offer only the suites you intend',
      someUpdates:
        '{{client}} → {{server}}: {{client}} lists {{intended}} first, but on some updates of the JDK its name leaves open ({{updates}}) {{server}} prefers its own order and will negotiate {{negotiated}} ({{protocol}}). Fix: put {{intended}} first on the server, or offer only the suites you intend',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const { link, client, server, prediction, outcome } of ctx.deployment.derived.predictions) {
      // IBM MQ's own order vs SSLCIPH is mq/cipherspec-not-negotiated.
      if (!prediction.ok || outcome.kind !== 'negotiates' || server.side.implementation === 'gskit') continue;
      if (client.suitesFrom?.kind !== 'file') continue;
      // A JDK named by its feature only: each combination of update spans may negotiate otherwise (derive/outcome.ts).
      const results: NegotiatedOnUpdates[] = outcome.byUpdate ?? [prediction];
      const unexpected = new Map<string, { intended: string; found: NegotiatedOnUpdates[] }>();
      for (const r of results) {
        if (r.decidedBy !== 'server-order') continue;
        const intended = intendedSuite(client, r.protocol as ProtocolName, r.client);
        if (!intended || intended.name === r.cipherSuite) continue;
        const key = `${intended.name} ${r.cipherSuite} ${r.protocol}`;
        const entry = unexpected.get(key) ?? { intended: intended.name, found: [] };
        entry.found.push(r);
        unexpected.set(key, entry);
      }
      for (const { intended, found } of unexpected.values()) {
        const [{ cipherSuite: negotiated, protocol }] = found as [NegotiatedOnUpdates];
        const every = found.length === results.length;
        ctx.report({
          messageId: every ? 'unexpected' : 'someUpdates',
          data: {
            client: client.component.name,
            server: server.component.name,
            intended,
            negotiated,
            protocol,
            ...(every ? {} : { updates: updatesText(client, server, found) }),
          },
          location: placeOf(client.component, client.suitesFrom),
          related: withSources(
            placeOf(client.component, client.suitesFrom),
            [
              relatedOf(
                server.component,
                server.suitesFrom,
                `${server.component.name}'s order puts ${negotiated} first`,
              ),
            ],
            linkSources(link, client.component, server.component),
            presentedCertificates(ctx.deployment, server.component),
          ),
          fingerprint: [link.client, link.server, intended, negotiated],
        });
      }
    }
  },
});
