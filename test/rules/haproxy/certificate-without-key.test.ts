import rule from '../../../src/rules/haproxy/certificate-without-key';
import { ca, daysFromNow, leaf } from '../../helpers/pki';
import { ruleTester } from '../../helpers/rule-tester';

const root = ca('Example Root CA', undefined, { notAfter: daysFromNow(3650) });
const site = leaf('www.example.com', root, { notAfter: daysFromNow(365) });
const other = leaf('other.example.com', root, { notAfter: daysFromNow(365) });
/** An encrypted key: a key is there, its public half unknown without the passphrase. */
const encryptedKey =
  '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAiKpE1JvIhp5QICCAAw\n-----END ENCRYPTED PRIVATE KEY-----\n';
/** What HAProxy wants in a crt file: the chain, then the key. */
const bundle = site.pem + root.pem + site.keyPem;
const cfg = (...lines: string[]) => lines.join('\n') + '\n';
const frontend = (bind: string) =>
  cfg('global', '  log stdout format raw local0', 'frontend web', `  ${bind}`, '  default_backend app');

ruleTester(rule, {
  valid: [
    {
      name: 'crt file holding the chain and its key',
      files: {
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': bundle,
      },
    },
    {
      name: 'the key in <file>.key beside it, HAProxy 2.4 (FROM): ssl-load-extra-files all, the default from 2.2',
      files: {
        'lb/Dockerfile': 'FROM haproxy:2.4\nCOPY . /usr/local/etc/haproxy/\n',
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': site.pem,
        'lb/certs/site.pem.key': site.keyPem,
      },
    },
    {
      name: 'the key in <file>.key, release unnamed but ssl-load-extra-files written (a keyword of 2.2 and later)',
      files: {
        'lb/haproxy.cfg': cfg(
          'global',
          '  ssl-load-extra-files key ocsp',
          'frontend web',
          '  bind :443 ssl crt /etc/haproxy/certs/site.pem',
        ),
        'lb/certs/site.pem': site.pem,
        'lb/certs/site.pem.key': site.keyPem,
      },
    },
    {
      name: 'HAProxy 2.0 (Compose image) with the key in the crt file',
      files: {
        'docker-compose.yml':
          'services:\n  lb:\n    image: haproxy:2.0\n    volumes:\n      - ./lb:/usr/local/etc/haproxy:ro\n',
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /usr/local/etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': bundle,
      },
    },
    {
      name: 'the key in <file without extension>.key (ssl-load-extra-del-ext)',
      files: {
        'lb/haproxy.cfg': cfg(
          'global',
          '  ssl-load-extra-del-ext',
          'frontend web',
          '  bind :443 ssl crt /etc/haproxy/certs/site.crt',
        ),
        'lb/certs/site.crt': site.pem,
        'lb/certs/site.key': site.keyPem,
      },
    },
    {
      name: 'a crt directory whose files each hold their key; its .key files are skipped by HAProxy 2.6',
      files: {
        'lb/Dockerfile': 'FROM haproxy:2.6-alpine\n',
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /usr/local/etc/haproxy/certs/'),
        'lb/certs/a.pem': bundle,
        'lb/certs/b.pem': site.pem,
        'lb/certs/b.pem.key': site.keyPem,
      },
    },
    {
      name: 'a certificate outside the tree decides nothing',
      files: { 'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/ssl/private/site.pem') },
    },
    {
      name: 'a CA file that is the ca-file, not a crt',
      files: {
        'lb/haproxy.cfg': frontend(
          'bind :443 ssl crt /etc/haproxy/site.pem ca-file /etc/haproxy/ca.pem verify required',
        ),
        'lb/site.pem': bundle,
        'lb/ca.pem': root.pem,
      },
    },
    {
      name: 'a bind read under .if: only the start-up decides',
      files: {
        'lb/haproxy.cfg': cfg(
          'frontend web',
          '.if defined(TLS)',
          '  bind :443 ssl crt /etc/haproxy/site.pem',
          '.endif',
        ),
        'lb/site.pem': site.pem,
      },
    },
    {
      name: 'an encrypted key (its public half unknown) is not judged',
      files: {
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': site.pem + encryptedKey,
      },
    },
  ],
  invalid: [
    {
      // HAProxy 2.1 reads the key from the crt file only (src/ssl_sock.c ssl_sock_load_pem_into_ckch).
      name: 'HAProxy 2.1 (FROM): the .key beside the certificate is not read',
      files: {
        'lb/Dockerfile': 'FROM haproxy:2.1.12-alpine\n',
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': site.pem,
        'lb/certs/site.pem.key': site.keyPem,
      },
      errors: [
        {
          messageId: 'noKeyBeforeRelease',
          file: 'lb/certs/site.pem',
          line: 1,
          messageIncludes: [
            'HAProxy 2.1.12 reads the key from that file only',
            'site.pem.key',
            "unable to load SSL private key from PEM file 'site.pem'",
          ],
          related: [
            { file: 'lb/haproxy.cfg', line: 4 },
            { file: 'lb/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'HAProxy 1.8 (Compose image) and a crt file without its key, none beside it',
      files: {
        'docker-compose.yml':
          'services:\n  lb:\n    image: haproxy:1.8\n    volumes:\n      - ./lb:/usr/local/etc/haproxy:ro\n',
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /usr/local/etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': site.pem + root.pem,
      },
      errors: [
        {
          messageId: 'noKeyBeforeRelease',
          file: 'lb/certs/site.pem',
          line: 1,
          related: [
            { file: 'lb/haproxy.cfg', line: 4 },
            { file: 'docker-compose.yml', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'the key only in <file>.key and no release named: open (info), not an error',
      files: {
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': site.pem,
        'lb/certs/site.pem.key': site.keyPem,
      },
      errors: [
        {
          messageId: 'keyFileByRelease',
          severity: 'info',
          file: 'lb/certs/site.pem',
          line: 1,
          messageIncludes: ['site.pem.key', 'HAProxy 2.2 and later', 'does not name the HAProxy release'],
          related: [
            { file: 'lb/certs/site.pem.key', line: 1 },
            { file: 'lb/haproxy.cfg', line: 4 },
          ],
        },
      ],
    },
    {
      // Measured with HAProxy 2.6.12: "No Private Key found in '…/c.crt.key'" (the key file name is appended by default).
      name: 'site.crt beside site.key without ssl-load-extra-del-ext: HAProxy looks for site.crt.key',
      files: {
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/haproxy/certs/site.crt'),
        'lb/certs/site.crt': site.pem,
        'lb/certs/site.key': site.keyPem,
      },
      errors: [{ messageId: 'noKey', file: 'lb/certs/site.crt', line: 1, messageIncludes: ["'site.crt.key'"] }],
    },
    {
      // Measured with HAProxy 2.6.12: a crt directory with c.crt and c.crt.key under ssl-load-extra-files none is refused.
      name: 'ssl-load-extra-files none: the .key beside the certificate is not read',
      files: {
        'lb/haproxy.cfg': cfg(
          'global',
          '  ssl-load-extra-files none',
          'frontend web',
          '  bind :443 ssl crt /etc/haproxy/certs/site.pem',
        ),
        'lb/certs/site.pem': site.pem,
        'lb/certs/site.pem.key': site.keyPem,
      },
      errors: [
        {
          messageId: 'noKey',
          file: 'lb/certs/site.pem',
          line: 1,
          related: [
            { file: 'lb/haproxy.cfg', line: 4 },
            { file: 'lb/haproxy.cfg', line: 2 },
          ],
        },
      ],
    },
    {
      name: "the key in the file is another certificate's",
      files: {
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': site.pem + root.pem + other.keyPem,
      },
      errors: [
        {
          messageId: 'otherKey',
          file: 'lb/certs/site.pem',
          line: 1 + site.pem.split('\n').length - 1 + root.pem.split('\n').length - 1,
          messageIncludes: [
            "inconsistencies between private key and certificate loaded 'site.pem'",
            'CN=www.example.com',
          ],
          related: [
            { file: 'lb/certs/site.pem', line: 1 },
            { file: 'lb/haproxy.cfg', line: 4 },
          ],
        },
      ],
    },
    {
      name: "the key in <file>.key is another certificate's",
      files: {
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': site.pem,
        'lb/certs/site.pem.key': other.keyPem,
      },
      errors: [{ messageId: 'otherKey', file: 'lb/certs/site.pem.key', line: 1, messageIncludes: ['site.pem.key'] }],
    },
    {
      name: 'crt file with the chain and no key (a fullchain.pem without privkey.pem)',
      files: {
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /etc/haproxy/certs/site.pem'),
        'lb/certs/site.pem': site.pem + root.pem,
      },
      errors: [
        {
          messageId: 'noKey',
          file: 'lb/certs/site.pem',
          line: 1,
          messageIncludes: ["No Private Key found in 'site.pem.key'", 'CN=www.example.com', 'refuses to start'],
          related: [{ file: 'lb/haproxy.cfg', line: 4 }],
        },
      ],
    },
    {
      name: 'a CA certificate left in the crt directory (HAProxy loads every file of it)',
      files: {
        'lb/haproxy.cfg': frontend('bind :443 ssl crt /usr/local/etc/haproxy/certs/'),
        'lb/certs/site.pem': bundle,
        'lb/certs/ca.crt': root.pem,
      },
      errors: [{ messageId: 'noKey', file: 'lb/certs/ca.crt', line: 1, messageIncludes: ["'ca.crt.key'", 'ca-file'] }],
    },
    {
      name: 'a crt-list line naming a certificate without its key',
      files: {
        'lb/haproxy.cfg': frontend('bind :443 ssl crt-list /etc/haproxy/crt-list.txt'),
        'lb/crt-list.txt': '/etc/haproxy/certs/site.pem\n/etc/haproxy/certs/other.pem other.example.com\n',
        'lb/certs/site.pem': bundle,
        'lb/certs/other.pem': site.pem,
      },
      errors: [
        {
          messageId: 'noKey',
          file: 'lb/certs/other.pem',
          line: 1,
          related: [
            { file: 'lb/crt-list.txt', line: 2 },
            { file: 'lb/haproxy.cfg', line: 4 },
          ],
        },
      ],
    },
  ],
});
