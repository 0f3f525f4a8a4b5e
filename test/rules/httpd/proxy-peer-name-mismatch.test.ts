import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/httpd/proxy-peer-name-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

const cert = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/certs', name), 'utf8');
/** The backend: nginx on 8443 answering to api.example.internal, presenting `certificate` (test/fixtures/certs). */
const backend = (certificate: string) => ({
  'api/nginx.conf': `http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate ${certificate};\n    ssl_certificate_key api.key;\n  }\n}\n`,
  [`api/${certificate}`]: cert(certificate),
});
/** The front: httpd's main configuration with a virtual host holding `lines` (after SSLProxyEngine on). */
const front = (...lines: string[]) => ({
  'gw/conf/httpd.conf': [
    'ServerRoot "/usr/local/apache2"',
    'Listen 80',
    '<VirtualHost *:80>',
    '  SSLProxyEngine on',
    ...lines.map((l) => `  ${l}`),
    '</VirtualHost>',
    '',
  ].join('\n'),
});
const PASS = 'ProxyPass /api https://api.example.internal:8443/api';

ruleTester(rule, {
  valid: [
    { name: 'the URL host is in the subjectAltName', files: { ...backend('api-san.crt'), ...front(PASS) } },
    { name: 'a wildcard covers one label', files: { ...backend('wildcard.crt'), ...front(PASS) } },
    {
      // Measured with httpd 2.4.71: CN=localhost with subjectAltName DNS:other.example passes for https://localhost/
      // (modssl_X509_match_name takes the CN beside the DNS names, where Java and nginx ignore it).
      name: 'the CN names the host though the subjectAltName does not: httpd takes the CN too',
      files: { ...backend('www-san.crt'), ...front(PASS) },
    },
    {
      name: 'SSLProxyCheckPeerName off: no name check',
      files: {
        ...backend('api-cn-only.crt'),
        ...front('SSLProxyCheckPeerName off', PASS.replace('api.example', 'api2.example')),
      },
    },
    {
      name: 'ProxyPreserveHost on: the name checked is the client Host header, not known here',
      files: {
        ...backend('wildcard.crt'),
        ...front('ProxyPreserveHost On', 'ProxyPass / https://api.example.internal:8443/'),
      },
    },
    {
      name: 'a virtual host no main configuration of the tree includes: the main server may turn the checks off',
      files: {
        ...backend('wildcard.crt'),
        'gw/sites-available/app.conf':
          '<VirtualHost *:80>\nSSLProxyEngine on\nProxyPass / https://api.example.internal:8443/\n</VirtualHost>\n',
      },
    },
  ],
  invalid: [
    {
      // The common case behind "SSLProxyVerify none and still 500": a backend certificate for another name.
      name: 'SSLProxyVerify none, and the certificate names another host: 500 at every request',
      files: {
        ...backend('www-ec256.crt'),
        ...front('SSLProxyVerify none', PASS),
      },
      errors: [
        {
          messageId: 'mismatch',
          file: 'gw/conf/httpd.conf',
          line: 6,
          messageIncludes: ['SSLProxyVerify none', 'AH02411', 'for hostname api.example.internal'],
          related: [
            { file: 'api/www-ec256.crt', line: 1 },
            { file: 'api/nginx.conf', line: 5 },
          ],
        },
      ],
    },
  ],
});
