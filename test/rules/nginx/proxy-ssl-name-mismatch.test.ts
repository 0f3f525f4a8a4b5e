import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/nginx/proxy-ssl-name-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

const cert = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/certs', name), 'utf8');
/** The upstream: nginx on 8443 presenting `certificate` (a fixture of test/fixtures/certs). */
const upstream = (certificate: string) => ({
  'api/nginx.conf': `http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate ${certificate};\n    ssl_certificate_key api.key;\n  }\n}\n`,
  [`api/${certificate}`]: cert(certificate),
});
/** The gateway: `lines` inside its location, after proxy_ssl_verify on and the trusted CA. */
const gateway = (lines: string, extra = '') => ({
  'gw/nginx.conf': `http {\n${extra}  server {\n    listen 80;\n    location / {\n      proxy_ssl_verify on;\n      proxy_ssl_trusted_certificate ca.crt;\n${lines}    }\n  }\n}\n`,
  'gw/ca.crt': cert('ca.crt'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'proxy_pass host is in the subjectAltName',
      files: { ...upstream('api-san.crt'), ...gateway('      proxy_pass https://api.example.internal:8443;\n') },
    },
    {
      name: 'an upstream group with proxy_ssl_name set to a name the certificate holds',
      files: {
        ...upstream('api-san.crt'),
        ...gateway(
          '      proxy_ssl_name api.example.internal;\n      proxy_pass https://backend;\n',
          '  upstream backend { server api.example.internal:8443; }\n',
        ),
      },
    },
    {
      name: 'proxy_ssl_name $proxy_host is the proxy_pass host, known here',
      files: {
        ...upstream('api-san.crt'),
        ...gateway('      proxy_ssl_name $proxy_host;\n      proxy_pass https://api.example.internal:8443;\n'),
      },
    },
    {
      name: 'a wildcard certificate covers one label',
      files: { ...upstream('wildcard.crt'), ...gateway('      proxy_pass https://api.example.internal:8443;\n') },
    },
    {
      name: 'proxy_ssl_verify off (the default): nginx checks no name',
      files: {
        ...upstream('api-san.crt'),
        'gw/nginx.conf':
          'http {\n  upstream backend { server api.example.internal:8443; }\n  server {\n    listen 80;\n    location / { proxy_pass https://backend; }\n  }\n}\n',
      },
    },
    {
      name: 'the certificate is not in the tree: nothing to check (certificate trust is unknown, said elsewhere)',
      files: {
        'api/nginx.conf':
          'http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate /etc/ssl/api.crt;\n    ssl_certificate_key api.key;\n  }\n}\n',
        ...gateway('      proxy_pass https://backend;\n', '  upstream backend { server api.example.internal:8443; }\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'proxy_pass to an upstream group: nginx checks the group name, which the certificate does not hold',
      files: {
        ...upstream('api-san.crt'),
        ...gateway('      proxy_pass https://backend;\n', '  upstream backend { server api.example.internal:8443; }\n'),
      },
      errors: [
        {
          messageId: 'mismatch',
          file: 'gw/nginx.conf',
          line: 8,
          messageIncludes: ['"backend"', 'DNS:api.example.internal, DNS:api', 'proxy_ssl_name'],
          related: [
            { file: 'api/api-san.crt', line: 1 },
            { file: 'api/nginx.conf', line: 5 },
            { file: 'gw/nginx.conf', line: 6 },
            { file: 'gw/nginx.conf', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'proxy_ssl_name names a host the certificate does not hold (CN is ignored when DNS names exist)',
      files: {
        ...upstream('www-san.crt'),
        ...gateway('      proxy_ssl_name api.example.internal;\n      proxy_pass https://api.example.internal:8443;\n'),
      },
      errors: [
        {
          messageId: 'mismatch',
          file: 'gw/nginx.conf',
          line: 7,
          related: [
            { file: 'api/www-san.crt', line: 1 },
            { file: 'api/nginx.conf', line: 5 },
            { file: 'gw/nginx.conf', line: 5 },
            { file: 'gw/nginx.conf', line: 8 },
          ],
        },
      ],
    },
    {
      name: 'a certificate without DNS names: its CN api.example.internal is compared, and "api" is not it',
      files: { ...upstream('api-cn-only.crt'), ...gateway('      proxy_pass https://api:8443;\n') },
      errors: [
        {
          messageId: 'mismatch',
          file: 'gw/nginx.conf',
          line: 7,
          messageIncludes: ['CN=api.example.internal'],
          related: [
            { file: 'api/api-cn-only.crt', line: 1 },
            { file: 'api/nginx.conf', line: 5 },
            { file: 'gw/nginx.conf', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'proxy_ssl_name $host: known per request only, an info naming the certificate',
      files: {
        ...upstream('api-san.crt'),
        ...gateway('      proxy_ssl_name $host;\n      proxy_pass https://api.example.internal:8443;\n'),
      },
      errors: [
        {
          messageId: 'variableName',
          file: 'gw/nginx.conf',
          line: 7,
          related: [
            { file: 'api/api-san.crt', line: 1 },
            { file: 'api/nginx.conf', line: 5 },
            { file: 'gw/nginx.conf', line: 5 },
            { file: 'gw/nginx.conf', line: 8 },
          ],
        },
      ],
    },
  ],
});
