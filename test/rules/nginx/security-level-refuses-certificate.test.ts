import rule from '../../../src/rules/nginx/security-level-refuses-certificate';
import { ruleTester } from '../../helpers/rule-tester';
import { availableSite, LINKING_ENTRYPOINT } from '../../helpers/nginx-available';
import { certFile } from '../cert/cert-files';

const server = (extra = '', certificate = '/etc/nginx/ssl/api.crt') =>
  [
    'http {',
    '  server {',
    '    listen 443 ssl;',
    '    server_name api.example.internal;',
    `    ssl_certificate ${certificate};`,
    '    ssl_certificate_key /etc/nginx/ssl/api.key;',
    extra,
    '  }',
    '}',
    '',
  ].join('\n');

const proxy = (extra = '') =>
  [
    'http {',
    '  server {',
    '    listen 80;',
    '    location / {',
    '      proxy_pass https://api:8443;',
    '      proxy_ssl_certificate /etc/nginx/client.crt;',
    '      proxy_ssl_certificate_key /etc/nginx/client.key;',
    extra,
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

const RSA1024 = certFile('rsa1024-self.crt');
/** A Debian site: a server block alone. */
const SITE =
  'server {\n  listen 443 ssl;\n  server_name api.example.internal;\n  ssl_certificate /etc/nginx/ssl/api.crt;\n  ssl_certificate_key /etc/nginx/ssl/api.key;\n}\n';

/** An upstream nginx on Alpine 3.19 (level 1: it loads a 1024-bit key) presenting `certificate`. */
const upstream = (certificate: string) => ({
  'api/nginx.conf':
    'http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate api.crt;\n    ssl_certificate_key api.key;\n  }\n}\n',
  'api/api.crt': certFile(certificate),
  'api/Dockerfile': 'FROM nginx:1.25-alpine\n',
});
/** A gateway verifying the upstream against `anchor`, on `image`. */
const verifyingGateway = (anchor: string, image?: string) => ({
  'gw/nginx.conf':
    'http {\n  server {\n    listen 80;\n    location / {\n      proxy_ssl_verify on;\n      proxy_ssl_trusted_certificate ca.crt;\n      proxy_pass https://api.example.internal:8443;\n    }\n  }\n}\n',
  'gw/ca.crt': certFile(anchor),
  ...(image ? { 'gw/Dockerfile': `FROM ${image}\n` } : {}),
});
const from = (image: string) => `FROM ${image}\nCOPY nginx.conf /etc/nginx/nginx.conf\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'a 2048-bit key on Debian (level 2)',
      files: {
        'gw/nginx.conf': server(),
        'gw/ssl/api.crt': certFile('api-san.crt'),
        'gw/Dockerfile': from('nginx:1.25'),
      },
    },
    {
      name: 'a 1024-bit key on Alpine 3.19 (OpenSSL 3.1, level 1)',
      files: { 'gw/nginx.conf': server(), 'gw/ssl/api.crt': RSA1024, 'gw/Dockerfile': from('nginx:1.25-alpine') },
    },
    {
      name: 'a 1024-bit key with @SECLEVEL=1 on nginx 1.25 (ciphers are set before certificates from 1.21.2)',
      files: {
        'gw/nginx.conf': server('    ssl_ciphers DEFAULT:@SECLEVEL=1;'),
        'gw/ssl/api.crt': RSA1024,
        'gw/Dockerfile': from('nginx:1.25'),
      },
    },
    {
      name: 'a 2048-bit self-signed CA certificate as the server certificate',
      files: { 'gw/nginx.conf': server(), 'gw/ssl/api.crt': certFile('ca.crt'), 'gw/Dockerfile': from('nginx:1.25') },
    },
    {
      name: 'a gateway on Alpine 3.19 (level 1) verifying a 1024-bit upstream certificate',
      files: { ...upstream('rsa1024-self.crt'), ...verifyingGateway('rsa1024-self.crt', 'nginx:1.25-alpine') },
    },
    {
      name: 'proxy_ssl_verify off: nginx checks nothing of the upstream certificate',
      files: {
        ...upstream('rsa1024-self.crt'),
        'gw/nginx.conf':
          'http {\n  server {\n    listen 80;\n    location / { proxy_pass https://api.example.internal:8443; }\n  }\n}\n',
        'gw/Dockerfile': 'FROM nginx:1.25\n',
      },
    },
    {
      name: 'the certificate is not in the tree',
      files: { 'gw/nginx.conf': server(), 'gw/Dockerfile': from('nginx:1.25') },
    },
    {
      name: 'OpenSSL 1.0.x has no security levels (nginx:1.9 → debian:jessie, OpenSSL 1.0.1t)',
      files: { 'gw/nginx.conf': server(), 'gw/ssl/api.crt': RSA1024, 'gw/Dockerfile': from('nginx:1.9') },
    },
  ],
  invalid: [
    {
      // remiq/nginx-ssl-client's shape in Compose v2 form: the image is the service's, the configuration bind-mounted.
      // nginx:1.14 is Debian stretch (OpenSSL 1.1.0: SHA-1 counts 80 bits, level 1 loads it; no source gives the level).
      name: 'a CA-signed SHA-1 certificate on the Compose image nginx:1.14 (OpenSSL 1.1.0): refused at 2, accepted at 1: unknown (info), not the OpenSSL 3 error',
      files: {
        'gw/nginx.conf': server(),
        'gw/ssl/api.crt': certFile('sha1-signed.crt'),
        'compose.yaml':
          'services:\n  gw:\n    image: nginx:1.14\n    volumes:\n      - ./gw/nginx.conf:/etc/nginx/nginx.conf:ro\n',
      },
      errors: [
        {
          messageId: 'levelUnknown',
          file: 'gw/nginx.conf',
          line: 5,
          severity: 'info',
          messageIncludes: ['80 security bits', 'nginx:1.14 → debian:stretch'],
        },
      ],
    },
    {
      // The same in Compose file format version 1 (services at the root, as remiq/nginx-ssl-client@c0ea118 writes it).
      name: 'the same in a Compose version 1 file: the image of the service that bind-mounts it',
      files: {
        'gw/nginx.conf': server(),
        'gw/ssl/api.crt': certFile('sha1-signed.crt'),
        'docker-compose.yml':
          'gw:\n  image: nginx:1.14\n  ports:\n    - "8443:443"\n  volumes:\n    - ./gw/nginx.conf:/etc/nginx/nginx.conf:ro\n',
      },
      errors: [
        {
          messageId: 'levelUnknown',
          file: 'gw/nginx.conf',
          line: 5,
          severity: 'info',
          messageIncludes: ['80 security bits', 'nginx:1.14 → debian:stretch'],
        },
      ],
    },
    {
      // remiq/nginx-ssl-client@c0ea118 as written: a Compose version 1 file names nginx:1.9 (Debian jessie, OpenSSL 1.0.1t,
      // no security levels) and mounts named volumes, so nothing ties the configuration to that image.
      name: 'an nginx image the tree names without tying the file to it, whose OpenSSL has no security levels: unknown (info)',
      files: {
        'nginx/ssl.conf': server(),
        'nginx/ssl/api.crt': certFile('sha1-signed.crt'),
        'docker-compose.yml':
          'nginx:\n  image: nginx:1.9\n  ports:\n    - "8443:443"\n  volumes:\n    - nginx:/etc/nginx/conf.d\n    - certs:/etc/nginx/certs\n',
      },
      errors: [
        {
          messageId: 'levelUnknown',
          file: 'nginx/ssl.conf',
          line: 5,
          severity: 'info',
          messageIncludes: ['accepted at 0', 'the tree names nginx:1.9 but nothing ties this file to it'],
          related: [
            { file: 'nginx/ssl/api.crt', line: 1 },
            { file: 'docker-compose.yml', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'an untied image whose OpenSSL refuses it too (nginx:1.25, level 2) leaves the error',
      files: {
        'nginx/ssl.conf': server(),
        'nginx/ssl/api.crt': certFile('sha1-signed.crt'),
        'docker-compose.yml':
          'services:\n  web:\n    image: nginx:1.25\n    volumes:\n      - html:/usr/share/nginx/html\n',
      },
      errors: [{ messageId: 'refused', file: 'nginx/ssl.conf', line: 5 }],
    },
    {
      name: 'a gateway on nginx:1.25 (level 2) verifying a 1024-bit upstream certificate: 66, 502',
      files: { ...upstream('rsa1024-self.crt'), ...verifyingGateway('rsa1024-self.crt', 'nginx:1.25') },
      errors: [
        {
          messageId: 'verifyRefused',
          file: 'gw/nginx.conf',
          line: 5,
          messageIncludes: ['66:EE certificate key too weak', 'the leaf', '@SECLEVEL=1 in proxy_ssl_ciphers', '502'],
        },
      ],
    },
    {
      name: 'a SHA-1-signed upstream leaf verified at level 1 (OpenSSL 3): 68',
      files: { ...upstream('sha1-signed.crt'), ...verifyingGateway('ca.crt', 'nginx:1.25-alpine') },
      errors: [
        // The upstream nginx (Alpine, level 1) refuses to load it too.
        { messageId: 'refused', file: 'api/nginx.conf', line: 5 },
        {
          messageId: 'verifyRefused',
          file: 'gw/nginx.conf',
          line: 5,
          messageIncludes: ['68:CA signature digest algorithm too weak'],
        },
      ],
    },
    {
      name: 'a verifying gateway whose image the tree does not name: unknown (info)',
      files: { ...upstream('rsa1024-self.crt'), ...verifyingGateway('rsa1024-self.crt') },
      errors: [{ messageId: 'verifyLevelUnknown', file: 'gw/nginx.conf', line: 5, severity: 'info' }],
    },
    {
      name: 'a 1024-bit RSA key on nginx:1.25 (Debian bookworm, level 2): nginx does not start',
      files: { 'gw/nginx.conf': server(), 'gw/ssl/api.crt': RSA1024, 'gw/Dockerfile': from('nginx:1.25') },
      errors: [
        {
          messageId: 'refused',
          file: 'gw/nginx.conf',
          line: 5,
          related: [
            { file: 'gw/ssl/api.crt', line: 1 },
            { file: 'gw/Dockerfile', line: 1 },
          ],
          messageIncludes: [
            'security level 2',
            'ee key too small',
            'SSL_CTX_use_certificate',
            '@SECLEVEL=1 in ssl_ciphers',
          ],
        },
      ],
    },
    {
      name: 'the same in a sites-available site nothing enables: an info, it stops nginx only once enabled',
      files: {
        ...availableSite('gw', SITE),
        'gw/ssl/api.crt': RSA1024,
        'gw/Dockerfile': 'FROM nginx:1.25\nCOPY . /etc/nginx/\n',
      },
      errors: [
        {
          messageId: 'unloaded',
          severity: 'info',
          file: 'gw/sites-available/site',
          line: 4,
          messageIncludes: [
            'nginx would not start if this file were enabled',
            'ee key too small',
            'lies in sites-available',
          ],
        },
      ],
    },
    {
      name: 'the same in a sites-available site an entrypoint links into sites-enabled: the error',
      files: {
        ...availableSite('gw', SITE),
        'gw/ssl/api.crt': RSA1024,
        'gw/Dockerfile': 'FROM nginx:1.25\nCOPY . /etc/nginx/\n',
        'gw/entrypoint.sh': LINKING_ENTRYPOINT,
      },
      errors: [{ messageId: 'refused', file: 'gw/sites-available/site', line: 4 }],
    },
    {
      name: 'an EC P-192 key on nginx:1.27-alpine (Alpine 3.21, OpenSSL 3.3: level 2)',
      files: {
        'gw/nginx.conf': server(),
        'gw/ssl/api.crt': certFile('ec192-self.crt'),
        'gw/Dockerfile': from('nginx:1.27-alpine'),
      },
      errors: [{ messageId: 'refused', file: 'gw/nginx.conf', line: 5, messageIncludes: ['needs 224 bits', 'P-256'] }],
    },
    {
      name: 'a CA-signed SHA-1 certificate on OpenSSL 3 at level 1 still fails (SHA-1 counts 63 bits)',
      files: {
        'gw/nginx.conf': server(),
        'gw/ssl/api.crt': certFile('sha1-signed.crt'),
        'gw/Dockerfile': from('nginx:1.25-alpine'),
      },
      errors: [
        {
          messageId: 'refused',
          file: 'gw/nginx.conf',
          line: 5,
          messageIncludes: ['ca md too weak', 'SHA-256 signature'],
        },
      ],
    },
    {
      name: '@SECLEVEL=1 on nginx 1.20 (certificates loaded before the ciphers): the image level applies',
      files: {
        'gw/nginx.conf': server('    ssl_ciphers DEFAULT:@SECLEVEL=1;'),
        'gw/ssl/api.crt': RSA1024,
        'gw/Dockerfile': from('nginx:1.20'),
      },
      errors: [{ messageId: 'refused', file: 'gw/nginx.conf', line: 5, messageIncludes: ['does not help'] }],
    },
    {
      name: '@SECLEVEL=2 written: refused whatever the image',
      files: {
        'gw/nginx.conf': server('    ssl_ciphers HIGH:@SECLEVEL=2;'),
        'gw/ssl/api.crt': RSA1024,
        'gw/Dockerfile': from('nginx:1.25-alpine'),
      },
      errors: [
        {
          messageId: 'refused',
          file: 'gw/nginx.conf',
          line: 5,
          related: [
            { file: 'gw/ssl/api.crt', line: 1 },
            { file: 'gw/nginx.conf', line: 7 },
            { file: 'gw/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'no image named: refused at 2, accepted at 1: unknown (info)',
      files: { 'gw/nginx.conf': server(), 'gw/ssl/api.crt': RSA1024 },
      errors: [{ messageId: 'levelUnknown', file: 'gw/nginx.conf', line: 5, severity: 'info' }],
    },
    {
      name: 'a 1024-bit client certificate of proxy_pass https on nginx:1.25',
      files: { 'gw/nginx.conf': proxy(), 'gw/client.crt': RSA1024, 'gw/Dockerfile': from('nginx:1.25') },
      errors: [
        {
          messageId: 'refused',
          file: 'gw/nginx.conf',
          line: 6,
          messageIncludes: ['proxy_ssl_certificate', '@SECLEVEL=1 in proxy_ssl_ciphers'],
        },
      ],
    },
    {
      name: 'a 1024-bit CA after the leaf in the ssl_certificate file (SSL_CTX_set0_chain: ca key too small)',
      files: {
        'gw/nginx.conf': server(),
        'gw/ssl/api.crt': certFile('api-san.crt') + RSA1024,
        'gw/Dockerfile': from('nginx:1.25'),
      },
      errors: [
        {
          messageId: 'refused',
          file: 'gw/nginx.conf',
          line: 5,
          messageIncludes: ['ca key too small', 'SSL_CTX_set0_chain'],
        },
      ],
    },
  ],
});
