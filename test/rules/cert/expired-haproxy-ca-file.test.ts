import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';
import { cert } from './cert-rules.trees';

/**
 * salimchehab/terraform-aws-haproxy-ssl-tls-bridging@425ad62 (no licence file): haproxy.cfg's `server backend-1 … check
 * ssl ca-file /home/ubuntu/EC2CA.pem` names the expired CA at a path only the README's scp places. HAProxy verifies
 * server certificates by default (verify required) with OpenSSL, which checks the CA's dates: every server is DOWN
 * (measured with HAProxy 2.6.12). The warning said Java's and MQ's words (CertificateExpiredException, AMQ9633).
 */
const haproxy = (server: string) =>
  [
    'frontend web',
    '  bind *:80',
    '  default_backend app',
    'backend app',
    `  server backend-1 backend-1.local.app:5000 check ${server}`,
    '',
  ].join('\n');

/** The tree with `server` options on the backend line; the CA's one finding, a warning, with what it must say. */
const perhapsNamed = (
  name: string,
  server: string,
  said: { messageIncludes?: string[]; messageExcludes: string[] },
) => ({
  name,
  files: { 'haproxy.cfg': haproxy(server), 'certificates/ca.crt': cert('ourca.crt') },
  options: { referenceDate: '2047-01-01' },
  errors: [
    {
      messageId: 'expiredPerhapsNamed',
      severity: 'warning' as const,
      file: 'certificates/ca.crt',
      line: 1,
      related: [{ file: 'haproxy.cfg', line: 5 }],
      ...said,
    },
  ],
});

ruleTester(rule, {
  valid: [],
  invalid: [
    perhapsNamed(
      "a CA file HAProxy verifies its servers against: what HAProxy does, not Java's words",
      'ssl ca-file /home/ubuntu/ca.crt',
      {
        messageIncludes: [
          "HAProxy checks each server's certificate against it with OpenSSL",
          '\'Layer6 invalid response, info: "SSL handshake failure"\'',
          '503',
        ],
        messageExcludes: ['AMQ9633'],
      },
    ),
    perhapsNamed(
      'the same with verify none: nothing verifies against it, the words stay general',
      'ssl verify none ca-file /home/ubuntu/ca.crt',
      { messageExcludes: ['HAProxy checks'] },
    ),
  ],
});
