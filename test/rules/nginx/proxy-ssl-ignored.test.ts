import rule from '../../../src/rules/nginx/proxy-ssl-ignored';
import { httpServer as http } from '../../helpers/nginx-conf';
import { ruleTester } from '../../helpers/rule-tester';

// Each shape checked with Debian's nginx 1.22.1: `nginx -t` passes, and a request through a plain pass reaches a
// capturing socket as `GET / HTTP/1.0` in clear whatever proxy_ssl_* directives apply to it.
const TLS = 'proxy_ssl_verify on; proxy_ssl_trusted_certificate /etc/nginx/tls/ca.pem;';

ruleTester(rule, {
  valid: [
    { name: 'https:// target', files: { 'nginx.conf': http(`location / { proxy_pass https://app:8443; ${TLS} }`) } },
    {
      name: 'plain target, no proxy_ssl_*',
      files: { 'nginx.conf': http('location / { proxy_pass http://app:8080; }') },
    },
    {
      name: 'at the server level, one location plain and one TLS: used by the TLS one',
      files: {
        'nginx.conf': http(
          `${TLS}\nlocation /a/ { proxy_pass http://app:8080; }\nlocation /b/ { proxy_pass https://app:8443; }`,
        ),
      },
    },
    {
      name: 'the scheme is a variable: TLS or not per request',
      files: { 'nginx.conf': http(`location / { proxy_pass $backend_url; ${TLS} }`) },
    },
    {
      name: 'an include the tree does not hold in the server may hold a TLS pass',
      files: {
        'nginx.conf': http(`${TLS}\nlocation / { proxy_pass http://app:8080; }\ninclude /etc/nginx/tls-api.conf;`),
      },
    },
    {
      name: 'grpcs:// target',
      files: { 'nginx.conf': http('location / { grpc_pass grpcs://app:9443; grpc_ssl_verify off; }') },
    },
    {
      name: 'stream: proxy_ssl on',
      files: {
        'nginx.conf':
          'stream {\n  server {\n    listen 9000;\n    proxy_pass app:9443;\n    proxy_ssl on;\n    proxy_ssl_verify on;\n    proxy_ssl_trusted_certificate /etc/nginx/tls/ca.pem;\n  }\n}\n',
      },
    },
    {
      name: 'stream: an include the tree does not hold may set proxy_ssl on',
      files: {
        'nginx.conf':
          'stream {\n  include /etc/nginx/stream-tls.conf;\n  server {\n    listen 9000;\n    proxy_pass app:9443;\n    proxy_ssl_verify on;\n  }\n}\n',
      },
    },
    {
      name: 'a template: what it renders is not known here',
      files: {
        'nginx.conf.j2': http(
          `location / { proxy_pass {% if tls %}https{% else %}http{% endif %}://app:8443; proxy_ssl_verify on; }`,
        ),
      },
    },
    {
      name: 'no pass applies them (nothing to say)',
      files: { 'nginx.conf': http(`${TLS}\nlocation / { root /srv/www; }`) },
    },
  ],
  invalid: [
    {
      name: 'proxy_pass http:// to an upstream whose server listens on 8443, with proxy_ssl_* beside it',
      files: {
        'nginx.conf': http(
          `location /api/ {\n  proxy_pass http://javaapp;\n  proxy_ssl_protocols TLSv1.2 TLSv1.3;\n  ${TLS}\n}`,
          'upstream javaapp { server app:8443; }',
        ),
      },
      errors: [
        {
          messageId: 'ignored',
          file: 'nginx.conf',
          line: 7,
          messageIncludes: [
            'proxy_ssl_protocols TLSv1.2 TLSv1.3, proxy_ssl_verify on, proxy_ssl_trusted_certificate /etc/nginx/tls/ca.pem are set here',
            'proxy_pass http://javaapp is plain',
            'write proxy_pass https://javaapp',
          ],
          related: [
            { file: 'nginx.conf', line: 8 },
            { file: 'nginx.conf', line: 8 },
            { file: 'nginx.conf', line: 6 },
          ],
        },
      ],
    },
    {
      name: 'at the http level, every pass plain',
      files: {
        'nginx.conf': http(
          'location /a/ { proxy_pass http://app:8080; }\nlocation /b/ { proxy_pass http://app:8081/b/; }',
          'proxy_ssl_verify on; proxy_ssl_trusted_certificate /etc/nginx/tls/ca.pem;',
        ),
      },
      errors: [
        {
          messageId: 'ignored',
          file: 'nginx.conf',
          line: 2,
          messageIncludes: ['proxy_pass http://app:8080 and 1 other pass are plain'],
        },
      ],
    },
    {
      name: 'from an included snippet, to a plain pass',
      files: {
        'nginx.conf': http('location / {\n  proxy_pass http://app:8080;\n  include snippets/upstream-tls.conf;\n}'),
        'snippets/upstream-tls.conf':
          'proxy_ssl_certificate /etc/nginx/tls/client.pem;\nproxy_ssl_certificate_key /etc/nginx/tls/client.key;\n',
      },
      errors: [
        {
          messageId: 'ignored',
          file: 'snippets/upstream-tls.conf',
          line: 1,
          related: [
            { file: 'snippets/upstream-tls.conf', line: 2 },
            { file: 'nginx.conf', line: 6 },
            { file: 'nginx.conf', line: 7 },
          ],
        },
      ],
    },
    {
      name: 'grpc_pass without a scheme is plain',
      files: { 'nginx.conf': http('location / { grpc_pass app:9000; grpc_ssl_verify on; }') },
      errors: [{ messageId: 'ignored', file: 'nginx.conf', line: 5, messageIncludes: ['grpc_pass grpcs://app:9000'] }],
    },
    {
      name: 'stream proxy_pass without proxy_ssl on',
      files: {
        'nginx.conf':
          'stream {\n  server {\n    listen 9000;\n    proxy_pass app:9443;\n    proxy_ssl_verify on;\n    proxy_ssl_trusted_certificate /etc/nginx/tls/ca.pem;\n  }\n}\n',
      },
      errors: [{ messageId: 'ignored', file: 'nginx.conf', line: 5, messageIncludes: ['write proxy_ssl on'] }],
    },
  ],
});
