import rule from '../../../src/rules/haproxy/bind-without-certificate';
import { ruleTester } from '../../helpers/rule-tester';

const cfg = (...lines: string[]) => ({ 'lb/haproxy.cfg': lines.join('\n') + '\n' });

ruleTester(rule, {
  valid: [
    {
      name: 'crt, crt-list, default-crt, a directory, a placeholder crt: each names certificates',
      files: cfg(
        'frontend web',
        '  bind :443 ssl crt /etc/haproxy/site.pem',
        '  bind :8443 ssl crt-list /etc/haproxy/crt-list.txt',
        '  bind :9443 ssl default-crt /etc/haproxy/default.pem crt /etc/haproxy/certs/',
        '  bind :10443 ssl crt "${CERT_FILE}"',
      ),
    },
    {
      name: 'a bind without ssl needs no certificate',
      files: cfg('frontend web', '  bind :80', '  bind :8080 crt x.pem'),
    },
    {
      name: 'a bind read under .if: only the start-up decides',
      files: cfg('frontend web', '.if defined(TLS)', '  bind :443 ssl', '.endif', '  bind :80'),
    },
    {
      name: 'a section opened under .if',
      files: cfg('.if defined(TLS)', 'frontend tls', '.endif', '  bind :443 ssl'),
    },
    {
      name: 'a placeholder or template word may expand to crt …',
      files: cfg(
        'frontend web',
        '  bind :443 ssl "${SSL_BIND_OPTS[*]}"',
        '  bind :8443 ssl {% if cert %}crt {{ cert }}{% endif %}',
        '  bind {{ listen_address }}:9443 ssl',
      ),
    },
    { name: 'ech keys (HAProxy 3.3) may serve the bind', files: cfg('frontend web', '  bind :443 ssl ech /etc/ech') },
  ],
  invalid: [
    {
      name: 'ssl and no crt: HAProxy refuses to start',
      files: cfg('global', '  crt-base /etc/haproxy/certs', 'frontend web', '  bind *:443 ssl alpn h2,http/1.1'),
      errors: [
        {
          messageId: 'refused',
          file: 'lb/haproxy.cfg',
          line: 4,
          messageIncludes: ["no SSL certificate specified for bind '*:443'", 'Fatal errors found in configuration'],
        },
      ],
    },
    {
      name: 'after .endif the line is read again; a listen section too',
      files: cfg('.if defined(X)', '.endif', 'listen web', '  bind :443 ssl generate-certificates'),
      errors: [{ messageId: 'refused', file: 'lb/haproxy.cfg', line: 4 }],
    },
    {
      name: 'strict-sni: HAProxy starts, every handshake fails',
      files: cfg('frontend web', '  bind :443 ssl strict-sni'),
      errors: [
        { messageId: 'strictSni', file: 'lb/haproxy.cfg', line: 2, messageIncludes: ['ssl connections will fail'] },
      ],
    },
  ],
});
