import { ownEndpoint } from '../../derive/derive';
import { placeOf } from '../../handshake/links';
import { parseProtocol, protocolRetirement } from '../../knowledge';
import { defineRule } from '../types';
import { ours } from '../../core/phrase';

const WEAK = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);
/** nginx/httpd/Tomcat/Spring servers are tls/server-allows-legacy-protocols. */
const COVERED_ELSEWHERE = /^(nginx\.|httpd\.server$|tomcat\.|spring\.server$)/;

export default defineRule({
  meta: {
    id: 'tls/weak-protocol-enabled',
    description: 'Warn when a component explicitly enables SSLv3, TLS 1.0 or TLS 1.1 and its runtime still allows them',
    severity: 'warning',
    messages: {
      weak: '{{component}} enables {{weak}} ({{retiredBy}}). Fix: allow only TLSv1.2 and TLSv1.3',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      if (!component.tls?.protocols || component.tls.protocols.from.kind !== 'file') continue;
      if (COVERED_ELSEWHERE.test(component.type) && component.role !== 'client') continue;
      const endpoint = ownEndpoint(ctx.deployment, component);
      if (!endpoint) continue;
      // Only what survives the runtime's disabled algorithms (disabled ones are java/protocol-disabled-by-runtime); on a
      // JDK named by its feature only, what some update of it leaves enabled (its side holds the latest update's).
      const enabled = endpoint.updates?.candidates.flatMap((c) => c.patch.protocols ?? []) ?? endpoint.side.protocols;
      const weak = [...new Set(enabled)]
        .map((p) => parseProtocol(p))
        .filter((p): p is NonNullable<typeof p> => p !== undefined && WEAK.has(p));
      if (weak.length === 0) continue;
      ctx.report({
        messageId: 'weak',
        data: { component: component.name, weak: weak.join(', '), retiredBy: ours(protocolRetirement(weak) ?? '') },
        location: placeOf(component, component.tls.protocols.from),
        fingerprint: [component.id, weak.join(',')],
      });
    }
  },
});
