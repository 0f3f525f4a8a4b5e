import rule from '../../../src/rules/nginx/verify-without-ca-certificates';
import { httpServer as http } from '../../helpers/nginx-conf';
import { ruleTester } from '../../helpers/rule-tester';
import { availableSite, LINKING_ENTRYPOINT } from '../../helpers/nginx-available';

// Each shape checked with Debian's nginx 1.22.1 (`nginx -t`): the invalid ones fail with the [emerg] the message
// quotes, the valid ones pass.

const CERT = 'ssl_certificate /etc/nginx/tls/api.crt; ssl_certificate_key /etc/nginx/tls/api.key;';
const tlsServer = (body: string, outside = '') =>
  `http {\n  ${outside}\n  server {\n    listen 443 ssl;\n    ${CERT}\n    ${body}\n  }\n}\n`;

/** A site whose TLS server verifies clients and whose proxy verifies its upstream, with no CA file for either. */
const SITE = tlsServer(
  'ssl_verify_client on;',
  'server {\n    listen 80;\n    location / { proxy_pass https://api:8443; proxy_ssl_verify on; }\n  }',
);

ruleTester(rule, {
  valid: [
    {
      name: 'ssl_verify_client on with ssl_client_certificate',
      files: { 'nginx.conf': tlsServer('ssl_verify_client on; ssl_client_certificate /etc/nginx/tls/ca.pem;') },
    },
    {
      name: 'ssl_client_certificate at the http level',
      files: { 'nginx.conf': tlsServer('ssl_verify_client on;', 'ssl_client_certificate /etc/nginx/tls/ca.pem;') },
    },
    {
      name: 'optional_no_ca needs no CA file',
      files: { 'nginx.conf': tlsServer('ssl_verify_client optional_no_ca;') },
    },
    {
      name: 'ssl_trusted_certificate alone, the release unknown: 1.27.2 and later take it',
      files: { 'nginx.conf': tlsServer('ssl_verify_client on; ssl_trusted_certificate /etc/nginx/tls/ca.pem;') },
    },
    {
      name: 'ssl_trusted_certificate alone, the image runs nginx 1.27.3',
      files: {
        'gw/nginx.conf': tlsServer('ssl_verify_client on; ssl_trusted_certificate /etc/nginx/tls/ca.pem;'),
        'gw/Dockerfile': 'FROM nginx:1.27.3\n',
      },
    },
    {
      name: 'ssl_trusted_certificate alone, the image names nginx 1.27 (1.27.0 to 1.27.x): not settled',
      files: {
        'gw/nginx.conf': tlsServer('ssl_verify_client on; ssl_trusted_certificate /etc/nginx/tls/ca.pem;'),
        'gw/Dockerfile': 'FROM nginx:1.27\n',
      },
    },
    {
      name: 'ssl_verify_client on in a server with no certificate and no TLS listen: no TLS context',
      files: { 'nginx.conf': http('ssl_verify_client on;\nlocation / { proxy_pass http://app:8080; }') },
    },
    {
      name: 'an include the tree does not hold may set ssl_client_certificate',
      files: { 'nginx.conf': tlsServer('ssl_verify_client on; include /etc/nginx/client-ca.conf;') },
    },
    {
      name: 'proxy_ssl_verify on with proxy_ssl_trusted_certificate',
      files: {
        'nginx.conf': http(
          'location / { proxy_pass https://app:8443; proxy_ssl_verify on; proxy_ssl_trusted_certificate ca.pem; }',
        ),
      },
    },
    {
      name: 'the trusted certificate set at the http level, verify in the location',
      files: {
        'nginx.conf': http(
          'location / { proxy_pass https://app:8443; proxy_ssl_verify on; }',
          'proxy_ssl_trusted_certificate ca.pem;',
        ),
      },
    },
    {
      name: 'verify on over plain literal targets only: nginx builds no TLS client (and ignores it)',
      files: { 'nginx.conf': http('proxy_ssl_verify on;\nlocation / { proxy_pass http://app:8080; }') },
    },
    {
      name: 'verify off (the default)',
      files: { 'nginx.conf': http('location / { proxy_pass https://app:8443; }') },
    },
    {
      name: 'an include the tree does not hold may set the trusted certificate',
      files: {
        'nginx.conf': http(
          'include /etc/nginx/upstream-ca.conf;\nlocation / { proxy_pass https://app:8443; proxy_ssl_verify on; }',
        ),
      },
    },
    {
      // SPIFFE's nginx fork checks the upstream against the Workload API's bundle (spiffe/spiffe-nginx@560633d).
      name: 'proxy_ssl_spiffe on',
      files: {
        'nginx.conf': http('location / { proxy_pass https://app:8443; proxy_ssl_verify on; proxy_ssl_spiffe on; }'),
      },
    },
    {
      name: 'a template: what it renders is not known here',
      files: {
        'nginx.conf.j2': http(
          'location / { proxy_pass https://app:8443; proxy_ssl_verify on; {% if ca %}proxy_ssl_trusted_certificate {{ ca }};{% endif %} }',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'in a sites-available site nothing enables: infos, they stop nginx only once enabled',
      files: availableSite('gw', SITE),
      errors: [
        {
          messageId: 'unloaded',
          severity: 'info',
          file: 'gw/sites-available/site',
          line: 4,
          messageIncludes: [
            'proxy_ssl_verify on for proxy_pass https://api:8443 without proxy_ssl_trusted_certificate',
          ],
        },
        {
          messageId: 'unloaded',
          severity: 'info',
          file: 'gw/sites-available/site',
          line: 9,
          messageIncludes: [
            'ssl_verify_client on in nginx server',
            'without ssl_client_certificate would stop nginx at start if enabled',
            'lies in sites-available',
          ],
        },
      ],
    },
    {
      name: 'in a sites-available site an entrypoint links into sites-enabled: the errors',
      files: {
        ...availableSite('gw', SITE),
        'gw/entrypoint.sh': LINKING_ENTRYPOINT,
      },
      errors: [
        { messageId: 'proxyVerify', file: 'gw/sites-available/site', line: 4 },
        { messageId: 'verifyClient', file: 'gw/sites-available/site', line: 9 },
      ],
    },
    {
      name: 'listen 443 ssl, ssl_verify_client on, no CA file',
      files: { 'nginx.conf': tlsServer('ssl_verify_client on;') },
      errors: [
        {
          messageId: 'verifyClient',
          file: 'nginx.conf',
          line: 6,
          messageIncludes: ['[emerg] no ssl_client_certificate for ssl_verify_client', 'ssl_verify_client on'],
        },
      ],
    },
    {
      name: 'ssl_verify_client optional at the http level',
      files: { 'nginx.conf': tlsServer('', 'ssl_verify_client optional;') },
      errors: [
        { messageId: 'verifyClient', file: 'nginx.conf', line: 2, messageIncludes: ['ssl_verify_client optional'] },
      ],
    },
    {
      name: 'ssl_trusted_certificate alone, the image runs nginx 1.25',
      files: {
        'gw/nginx.conf': tlsServer('ssl_verify_client on;\n    ssl_trusted_certificate /etc/nginx/tls/ca.pem;'),
        'gw/Dockerfile': 'FROM nginx:1.25\n',
      },
      errors: [
        {
          messageId: 'verifyClientTrustedOnly',
          file: 'gw/nginx.conf',
          line: 6,
          messageIncludes: ['nginx 1.25 takes only ssl_client_certificate'],
          related: [
            { file: 'gw/nginx.conf', line: 7 },
            { file: 'gw/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'proxy_pass https:// with proxy_ssl_verify on and no trusted certificate',
      files: { 'nginx.conf': http('location / {\n  proxy_pass https://app:8443;\n  proxy_ssl_verify on;\n}') },
      errors: [
        {
          messageId: 'proxyVerify',
          file: 'nginx.conf',
          line: 7,
          messageIncludes: [
            '[emerg] no proxy_ssl_trusted_certificate for proxy_ssl_verify',
            'proxy_pass https://app:8443',
          ],
          related: [{ file: 'nginx.conf', line: 6 }],
        },
      ],
    },
    {
      name: 'proxy_pass http://$backend: a variable makes nginx build the TLS client',
      files: {
        'nginx.conf': http('set $backend app:8080;\nlocation / { proxy_pass http://$backend; proxy_ssl_verify on; }'),
      },
      errors: [
        {
          messageId: 'proxyVerify',
          file: 'nginx.conf',
          line: 6,
          messageIncludes: ['proxy_pass http://$backend'],
        },
      ],
    },
    {
      name: 'at the http level, two TLS passes: said once',
      files: {
        'nginx.conf': http(
          'location /a/ { proxy_pass https://a:8443; }\nlocation /b/ { proxy_pass https://b:8443; }',
          'proxy_ssl_verify on;',
        ),
      },
      errors: [{ messageId: 'proxyVerify', file: 'nginx.conf', line: 2, messageIncludes: ['and 1 other pass'] }],
    },
    {
      name: 'grpcs:// with grpc_ssl_verify on',
      files: { 'nginx.conf': http('location / { grpc_pass grpcs://app:9443; grpc_ssl_verify on; }') },
      errors: [
        {
          messageId: 'proxyVerify',
          file: 'nginx.conf',
          line: 5,
          messageIncludes: ['no grpc_ssl_trusted_certificate for grpc_ssl_verify'],
        },
      ],
    },
    {
      name: 'stream with proxy_ssl on',
      files: {
        'nginx.conf':
          'stream {\n  server {\n    listen 9000;\n    proxy_pass app:9443;\n    proxy_ssl on;\n    proxy_ssl_verify on;\n  }\n}\n',
      },
      errors: [{ messageId: 'proxyVerify', file: 'nginx.conf', line: 6 }],
    },
  ],
});
