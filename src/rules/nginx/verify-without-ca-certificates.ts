import type { RelatedLocation } from '../../core/types';
import { defineRule } from '../types';

/**
 * nginx verifies a peer's certificate only against the CA certificates a file names: it has no default trust store.
 * With `proxy_ssl_verify on` (`grpc_ssl_verify`, `uwsgi_ssl_verify`, stream `proxy_ssl_verify`) and no
 * `proxy_ssl_trusted_certificate` where nginx builds the pass's TLS client — a TLS target, or any target with a
 * variable — nginx refuses to start: `[emerg] no proxy_ssl_trusted_certificate for proxy_ssl_verify`
 * (ngx_http_proxy_set_ssl; model/nginx-passes.ts). Measured with nginx 1.22.1 `nginx -t`, `proxy_pass http://$b` too;
 * the same `proxy_ssl_verify on` over plain literal targets only is accepted (and ignored: nginx/proxy-ssl-ignored).
 */
export default defineRule({
  meta: {
    id: 'nginx/verify-without-ca-certificates',
    description:
      'Check that nginx has the CA certificates to verify with wherever proxy_ssl_verify is on: without proxy_ssl_trusted_certificate nginx refuses to start',
    severity: 'error',
    appliesTo: { documents: ['nginx.'] },
    messages: {
      proxyVerify:
        "{{verify}} on applies to {{passes}}, but no {{trusted}} does: nginx has no default trust store, and refuses to start ([emerg] no {{trusted}} for {{verify}}; 'nginx -t' fails too). Set {{trusted}} to the PEM file of the CA certificates that issued the upstream's certificate, at the same level as {{verify}}",
    },
    options: {},
    symptoms: ['no proxy_ssl_trusted_certificate for proxy_ssl_verify'],
  },
  check(ctx) {
    for (const { verify, passes } of ctx.deployment.nginxVerifyWithoutAnchors ?? []) {
      const [pass] = passes;
      if (!pass) continue;
      const written = (p: { directive: string; target: string }) => `${p.directive} ${p.target}`;
      const related: RelatedLocation[] = passes.map((p) => ({
        ...p.at,
        message: `${written(p)}: nginx builds its TLS client${p.transport === 'tls' ? '' : ' (the target holds a variable)'}`,
      }));
      ctx.report({
        messageId: 'proxyVerify',
        data: {
          verify: verify.name,
          trusted: verify.name.replace(/_verify$/, '_trusted_certificate'),
          passes:
            passes.length === 1
              ? written(pass)
              : `${written(pass)} and ${passes.length - 1} other pass${passes.length > 2 ? 'es' : ''}`,
        },
        location: verify.at,
        related,
        fingerprint: [verify.name, ...passes.map(written)],
      });
    }
  },
});
