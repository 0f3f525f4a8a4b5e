import { normaliseProtocol } from '../../knowledge';
import { defineRule } from '../types';
import { withSources } from '../_lib/sources';

/** Protocol versions RFC 8996 deprecates (SSLv2Hello is a hello format, not a version). */
const LEGACY = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);
const SERVER_TYPES = /^(nginx\.|tomcat\.|spring\.server$)/;

export default defineRule({
  meta: {
    id: 'tls/server-allows-legacy-protocols',
    description: 'Warn when an nginx, Tomcat or Spring Boot server enables SSLv3, TLSv1 or TLSv1.1',
    severity: 'warning',
    messages: {
      legacy:
        '{{server}} enables {{legacy}} (deprecated by RFC 8996; disabled by default in current JDKs, browsers and OpenSSL security level 2+). Fix: allow only TLSv1.2 and TLSv1.3, and upgrade the clients that still need {{legacy}}',
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    for (const server of ctx.deployment.components) {
      if (!SERVER_TYPES.test(server.type) || server.role === 'client') continue;
      const protocols = server.tls?.protocols;
      if (!protocols || protocols.from.kind !== 'file') continue;
      const legacy = protocols.value.map(normaliseProtocol).filter((p) => LEGACY.has(p));
      if (legacy.length === 0) continue;
      // Set outside the file that defines the server (a Spring `-Dserver.ssl.*` in a Dockerfile): that file decides
      // too, and so does what made the value apply (the place that activates its Spring profile).
      const elsewhere = protocols.from.location.file !== server.location.file;
      const defined = elsewhere ? [{ ...server.location, message: `${server.name} is defined here` }] : [];
      const related = withSources(protocols.from.location, defined, protocols.from.via ?? []);
      ctx.report({
        messageId: 'legacy',
        data: { server: server.name, legacy: legacy.join(', ') },
        location: protocols.from.location,
        ...(related.length > 0 ? { related } : {}),
        fingerprint: [server.id, legacy.join(',')],
      });
    }
  },
});
