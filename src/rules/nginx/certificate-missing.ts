import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { reportOnNginxFile } from './_lib/unloaded';

/**
 * nginx refuses to start (and `nginx -t` fails) when the default server of an address with `listen … ssl` has no
 * `ssl_certificate` of its own or from the http (stream) level, or when an `ssl_certificate` has no
 * `ssl_certificate_key` (src/model/nginx-startup.ts, from ngx_http_ssl_module.c and ngx_stream_ssl_module.c). Said
 * only when the tree holds everything that decides it; an info for a file of a `*-available` directory nginx does not
 * read (./_lib/unloaded.ts).
 */
export default defineRule({
  meta: {
    id: 'nginx/certificate-missing',
    description:
      'Check that every nginx server nginx needs a certificate for has one, and every ssl_certificate its key: without them nginx does not start',
    severity: 'error',
    appliesTo: { components: ['nginx.server'] },
    messages: {
      noCertificate:
        '{{server}} is the default server of {{listen}}, a listen with ssl, but no ssl_certificate is set in it or at the {{level}} level: nginx refuses to start ([emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive), so nothing on that port answers. Set ssl_certificate and ssl_certificate_key in the server block (or at the {{level}} level), or ssl_reject_handshake on for a server that should refuse TLS',
      unloaded:
        '{{server}} {{problem}}: it would stop nginx at start if enabled ([emerg] {{emerg}}), but this file lies in {{directory}}, which no include of the configuration nginx runs reaches, so nginx does not read it as the tree stands. Before enabling it, {{fix}}',
      noKey:
        '{{server}} sets ssl_certificate {{certificate}} without an ssl_certificate_key for it: nginx refuses to start ([emerg] no "ssl_certificate_key" is defined for certificate "{{certificate}}"). Add the ssl_certificate_key of that certificate at the same level',
      noKeyStream:
        '{{server}}, a stream server with listen … ssl, has ssl_certificate {{certificate}} without an ssl_certificate_key for it: nginx refuses to start ([emerg] no "ssl_certificate_key" is defined for certificate "{{certificate}}", up to 1.25.4 for the "listen ... ssl" directive). Add the ssl_certificate_key of that certificate at the same level',
    },
    options: {},
    symptoms: [
      'no "ssl_certificate" is defined for the "listen ... ssl" directive',
      'no "ssl_certificate_key" is defined',
    ],
  },
  check(ctx) {
    for (const component of ctx.deployment.components) {
      if (component.type !== 'nginx.server') continue;
      const { startupFailure: failure, loading } = component.attributes;
      if (!failure) continue;
      if (failure.kind === 'no-certificate')
        reportOnNginxFile(ctx, loading, {
          messageId: 'noCertificate',
          data: {
            server: component.name,
            listen: failure.listen,
            level: failure.level,
            problem: said`is the default server of ${failure.listen}, a listen with ssl, but no ssl_certificate is set in it or at the ${failure.level} level`,
            emerg: ours('no "ssl_certificate" is defined for the "listen ... ssl" directive'),
            fix: said`set ssl_certificate and ssl_certificate_key in the server block (or at the ${failure.level} level)`,
          },
          location: failure.at,
          fingerprint: [component.id, failure.listen],
        });
      else if (failure.kind === 'no-key')
        reportOnNginxFile(ctx, loading, {
          messageId: failure.level === 'stream' ? 'noKeyStream' : 'noKey',
          data: {
            server: component.name,
            certificate: failure.certificate,
            problem: said`sets ssl_certificate ${failure.certificate} without an ssl_certificate_key for it`,
            emerg: said`no "ssl_certificate_key" is defined for certificate "${failure.certificate}"`,
            fix: ours('add the ssl_certificate_key of that certificate at the same level'),
          },
          location: failure.at,
          fingerprint: [component.id, failure.certificate],
        });
    }
  },
});
