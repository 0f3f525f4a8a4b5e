import rule from '../../../src/rules/nginx/certificate-missing';
import { ruleTester } from '../../helpers/rule-tester';
import { availableSite, LINKING_ENTRYPOINT } from '../../helpers/nginx-available';

// Each shape checked with Debian's nginx 1.22.1 (`nginx -t`, real certificate files): the invalid ones fail with
// the [emerg] the message quotes, the valid ones pass.
const CERT = 'ssl_certificate /etc/nginx/tls/api.crt; ssl_certificate_key /etc/nginx/tls/api.key;';
const http = (...servers: string[]) => `http {\n${servers.map((s) => `  server { ${s} }`).join('\n')}\n}\n`;
// Stream shapes checked the same way with libnginx-mod-stream 1.22.1 (cdSheriff/server@7fd651e deploy/ shape: an MQTT
// TLS proxy in a stream block).
const stream = (...servers: string[]) =>
  `stream {\n${servers.map((s) => `  server { proxy_pass 127.0.0.1:1883; ${s} }`).join('\n')}\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'a certificate and its key', files: { 'nginx.conf': http(`listen 443 ssl; ${CERT}`) } },
    {
      name: 'the certificate and key set at the http level',
      files: { 'nginx.conf': `http {\n  ${CERT}\n  server { listen 443 ssl; }\n}\n` },
    },
    {
      name: 'the key at the http level, the certificate in the server (each list is inherited on its own)',
      files: {
        'nginx.conf':
          'http {\n  ssl_certificate_key /etc/nginx/tls/api.key;\n  server { listen 443 ssl; ssl_certificate /etc/nginx/tls/api.crt; }\n}\n',
      },
    },
    {
      name: 'the default server has one; a second server of the address without one still starts',
      files: { 'nginx.conf': http(`listen 443 ssl; ${CERT}`, 'listen 443 ssl; server_name b.example;') },
    },
    {
      name: 'ssl_reject_handshake on the default server, the other server has a certificate',
      files: {
        'nginx.conf': http('listen 443 ssl default_server; ssl_reject_handshake on;', `listen 443 ssl; ${CERT}`),
      },
    },
    {
      // A conf.d file's servers inherit from an http level the tree does not hold (the image's nginx.conf).
      name: 'a conf.d snippet: its http level is elsewhere',
      files: { 'conf.d/site.conf': 'server {\n  listen 443 ssl;\n  server_name a.example;\n}\n' },
    },
    {
      name: 'an include the tree does not hold may set the certificate',
      files: { 'nginx.conf': http('listen 443 ssl; include /etc/nginx/snippets/tls.conf;') },
    },
    {
      name: 'a template: what it renders is not known here',
      files: { 'nginx.conf.j2': http('listen 443 ssl; {% if tls %}ssl_certificate {{ cert }};{% endif %}') },
    },
    { name: 'no TLS listen', files: { 'nginx.conf': http('listen 80;') } },
    {
      // SPIFFE's nginx fork loads the SVID from the Workload API (maxlambrecht/spiffe-nginx-tomcat@73c50e5
      // back-end/nginx/nginx-backend.conf; spiffe/spiffe-nginx@560633d ngx_http_ssl_merge_srv_conf).
      name: 'ssl_spiffe on: the certificate comes from the SPIFFE Workload API',
      files: {
        'nginx.conf': http(
          'listen 8443 ssl; ssl_spiffe_sock /tmp/agent.sock; ssl on; ssl_verify_client on; ssl_spiffe on;',
        ),
      },
    },
    { name: 'stream: a certificate and its key', files: { 'nginx.conf': stream(`listen 8883 ssl; ${CERT}`) } },
    {
      name: 'stream: the certificate and key at the stream level',
      files: { 'nginx.conf': `stream {\n  ${CERT}\n  server { listen 8883 ssl; proxy_pass 127.0.0.1:1883; }\n}\n` },
    },
    {
      // 1.22 starts (plain TCP on 8883); 1.25.5 and later refuse the certificate without a key: left unsaid.
      name: 'stream: a certificate without listen … ssl',
      files: { 'nginx.conf': stream('listen 8883; ssl_certificate /etc/nginx/tls/api.crt;') },
    },
    {
      // Several servers of one address: 1.25.5 and later only, where the default server decides.
      name: 'stream: two servers of one address',
      files: { 'nginx.conf': stream(`listen 8883 ssl; ${CERT}`, 'listen 8883 ssl; server_name b.example;') },
    },
  ],
  invalid: [
    {
      name: 'listen 443 ssl without a certificate',
      files: { 'nginx.conf': http('listen 443 ssl; ssl_protocols TLSv1.2 TLSv1.3;') },
      errors: [{ messageId: 'noCertificate', file: 'nginx.conf', line: 2, messageIncludes: ['*:443', '[emerg]'] }],
    },
    {
      name: 'the second server is the default_server, and it has none',
      files: {
        'nginx.conf': http(`listen 443 ssl; ${CERT}`, 'listen 443 ssl default_server; server_name b.example;'),
      },
      errors: [{ messageId: 'noCertificate', file: 'nginx.conf', line: 3 }],
    },
    {
      name: 'ssl_reject_handshake on the default server: every other server of the address needs one',
      files: {
        'nginx.conf': http('listen 443 ssl; ssl_reject_handshake on;', 'listen 443 ssl; server_name b.example;'),
      },
      errors: [{ messageId: 'noCertificate', file: 'nginx.conf', line: 3 }],
    },
    {
      name: 'a specific address is its own: its first server has none though the wildcard one has',
      files: {
        'nginx.conf': http(`listen 443 ssl; ${CERT}`, 'listen 10.0.0.5:443 ssl; server_name b.example;'),
      },
      errors: [{ messageId: 'noCertificate', file: 'nginx.conf', line: 3, messageIncludes: ['10.0.0.5:443'] }],
    },
    {
      name: 'ssl_certificate without ssl_certificate_key',
      files: { 'nginx.conf': http('listen 443 ssl; ssl_certificate /etc/nginx/tls/api.crt;') },
      errors: [
        {
          messageId: 'noKey',
          file: 'nginx.conf',
          line: 2,
          messageIncludes: ['no "ssl_certificate_key" is defined for certificate "/etc/nginx/tls/api.crt"'],
        },
      ],
    },
    {
      name: 'an RSA and an ECDSA certificate, one key',
      files: {
        'nginx.conf': http(
          'listen 443 ssl; ssl_certificate rsa.crt; ssl_certificate ec.crt; ssl_certificate_key rsa.key;',
        ),
      },
      errors: [{ messageId: 'noKey', file: 'nginx.conf', line: 2, messageIncludes: ['certificate "ec.crt"'] }],
    },
    {
      name: 'stream: listen … ssl without a certificate',
      files: { 'nginx.conf': stream('listen 8883 ssl; ssl_protocols TLSv1.2;') },
      errors: [
        {
          messageId: 'noCertificate',
          file: 'nginx.conf',
          line: 2,
          messageIncludes: ['*:8883', 'at the stream level', '[emerg]'],
        },
      ],
    },
    {
      name: 'stream: listen … ssl, a certificate without its key',
      files: { 'nginx.conf': stream('listen 8883 ssl; ssl_certificate /etc/nginx/tls/api.crt;') },
      errors: [
        { messageId: 'noKeyStream', file: 'nginx.conf', line: 2, messageIncludes: ['"/etc/nginx/tls/api.crt"'] },
      ],
    },
    {
      name: 'in a sites-available file nothing enables: an info, it stops nginx only once enabled',
      files: availableSite('nginx', stream('listen 8883 ssl; ssl_certificate /etc/nginx/tls/mqtt.crt;')),
      errors: [
        {
          messageId: 'unloaded',
          severity: 'info',
          file: 'nginx/sites-available/site',
          line: 2,
          messageIncludes: [
            'sets ssl_certificate /etc/nginx/tls/mqtt.crt without an ssl_certificate_key',
            'lies in sites-available',
          ],
        },
      ],
    },
    {
      name: 'in a sites-available file an entrypoint links into sites-enabled: an error',
      files: {
        ...availableSite('nginx', stream('listen 8883 ssl; ssl_certificate /etc/nginx/tls/mqtt.crt;')),
        'entrypoint.sh': LINKING_ENTRYPOINT,
      },
      errors: [{ messageId: 'noKeyStream', file: 'nginx/sites-available/site', line: 2 }],
    },
  ],
});
