import type { RuleRelated } from '../types';
import { NGINX_FACTS } from '../../knowledge/openssl';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { reportOnNginxFile } from './_lib/unloaded';

/** The nginx release from which ssl_trusted_certificate alone serves ssl_verify_client. */
const SINCE = NGINX_FACTS.verifyClientTrustedCertificateSince.since;

/**
 * nginx verifies a peer's certificate only against the CA certificates a file names: it has no default trust store.
 * A server with `ssl_verify_client on|optional` and no `ssl_client_certificate` (before the release in
 * openssl-servers.json nginx.verifyClientTrustedCertificateSince; from it, nor
 * `ssl_trusted_certificate`) does not start: `[emerg] no ssl_client_certificate for ssl_verify_client`
 * (model/nginx-startup.ts).
 * With `proxy_ssl_verify on` (`grpc_ssl_verify`, `uwsgi_ssl_verify`, stream `proxy_ssl_verify`) and no
 * `proxy_ssl_trusted_certificate` where nginx builds the pass's TLS client — a TLS target, or any target with a
 * variable — nginx refuses to start: `[emerg] no proxy_ssl_trusted_certificate for proxy_ssl_verify`
 * (ngx_http_proxy_set_ssl; model/nginx-passes.ts). Measured with nginx 1.22.1 `nginx -t`, `proxy_pass http://$b` too;
 * the same `proxy_ssl_verify on` over plain literal targets only is accepted (and ignored: nginx/proxy-ssl-ignored).
 * An info for a file of a `*-available` directory nginx does not read (./_lib/unloaded.ts).
 */
export default defineRule({
  meta: {
    id: 'nginx/verify-without-ca-certificates',
    description:
      'Check that nginx has the CA certificates to verify with wherever proxy_ssl_verify or ssl_verify_client is on: without proxy_ssl_trusted_certificate (ssl_client_certificate) nginx refuses to start',
    severity: 'error',
    appliesTo: { documents: ['nginx.'] },
    messages: {
      verifyClient:
        "{{server}} has ssl_verify_client {{mode}} but neither ssl_client_certificate nor ssl_trusted_certificate: nginx has no default trust store to verify client certificates with, and refuses to start ([emerg] no ssl_client_certificate for ssl_verify_client; from {{since}} 'no ssl_client_certificate or ssl_trusted_certificate for ssl_verify_client'). Set ssl_client_certificate to the PEM file of the CA certificates that issue the clients' certificates, or ssl_verify_client optional_no_ca when the application checks the certificate itself",
      verifyClientTrustedOnly:
        '{{server}} has ssl_verify_client {{mode}} with ssl_trusted_certificate but no ssl_client_certificate: nginx {{release}} takes only ssl_client_certificate for it (ssl_trusted_certificate suffices from {{since}}) and refuses to start ([emerg] no ssl_client_certificate for ssl_verify_client). Set ssl_client_certificate to the CA file, or run nginx {{since}} or later',
      unloaded:
        '{{on}} without {{trusted}} would stop nginx at start if enabled: nginx has no default trust store ([emerg] no {{trusted}} for {{verify}}), but this file lies in {{directory}}, which no include of the configuration nginx runs reaches, so nginx does not read it as the tree stands. Before enabling it, set {{trusted}} to the PEM file of the CA certificates it verifies with',
      proxyVerify:
        "{{verify}} on applies to {{passes}}, but no {{trusted}} does: nginx has no default trust store, and refuses to start ([emerg] no {{trusted}} for {{verify}}; 'nginx -t' fails too). Set {{trusted}} to the PEM file of the CA certificates that issued the upstream's certificate, at the same level as {{verify}}",
    },
    options: {},
    symptoms: [
      'no proxy_ssl_trusted_certificate for proxy_ssl_verify',
      'no ssl_client_certificate for ssl_verify_client',
    ],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      if (component.type !== 'nginx.server') continue;
      const { startupFailure: failure, loading } = component.attributes;
      if (failure?.kind !== 'no-client-ca') continue;
      const data = {
        server: component.name,
        mode: failure.mode,
        since: SINCE,
        on: said`ssl_verify_client ${failure.mode} in ${component.name}`,
        verify: ours('ssl_verify_client'),
        trusted: ours('ssl_client_certificate'),
      };
      const { trusted } = failure;
      if (trusted)
        reportOnNginxFile(ctx, loading, {
          messageId: 'verifyClientTrustedOnly',
          data: { ...data, release: trusted.nginx.release },
          location: failure.at,
          related: [
            { ...trusted.at, message: said`ssl_trusted_certificate: not taken for ssl_verify_client before ${SINCE}` },
            { ...trusted.nginx.at, message: said`the image runs nginx ${trusted.nginx.release}` },
          ],
          fingerprint: [component.id, failure.mode, trusted.nginx.release],
        });
      else
        reportOnNginxFile(ctx, loading, {
          messageId: 'verifyClient',
          data,
          location: failure.at,
          fingerprint: [component.id, failure.mode],
        });
    }
    for (const { verify, passes, loading } of ctx.deployment.nginxVerifyWithoutAnchors ?? []) {
      const [pass] = passes;
      if (!pass) continue;
      const written = (p: { directive: string; target: string }) => `${p.directive} ${p.target}`;
      const related: RuleRelated[] = passes.map((p) => ({
        ...p.at,
        message: said`${written(p)}: nginx builds its TLS client${p.transport === 'tls' ? '' : ours(' (the target holds a variable)')}`,
      }));
      const passesWritten =
        passes.length === 1
          ? written(pass)
          : said`${written(pass)} and ${passes.length - 1} other pass${passes.length > 2 ? ours('es') : ''}`;
      reportOnNginxFile(ctx, loading, {
        messageId: 'proxyVerify',
        data: {
          verify: verify.name,
          trusted: verify.name.replace(/_verify$/, '_trusted_certificate'),
          passes: passesWritten,
          on: said`${verify.name} on for ${passesWritten}`,
        },
        location: verify.at,
        related,
        fingerprint: [verify.name, ...passes.map(written)],
      });
    }
  },
});
