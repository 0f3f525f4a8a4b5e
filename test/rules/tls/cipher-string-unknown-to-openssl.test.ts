import rule from '../../../src/rules/tls/cipher-string-unknown-to-openssl';
import { ruleTester } from '../../helpers/rule-tester';
import { nginx, nginxGateway } from './trees';
import { availableSite, LINKING_ENTRYPOINT } from '../../helpers/nginx-available';

/** A Debian site: a server block alone, with a cipher string OpenSSL 1.0.2 refuses. */
const SITE =
  "server {\n  listen 443 ssl;\n  ssl_certificate /etc/nginx/ssl/api.crt;\n  ssl_certificate_key /etc/nginx/ssl/api.key;\n  ssl_ciphers 'HIGH:!aNULL:@SECLEVEL=0';\n}\n";

ruleTester(rule, {
  valid: [
    {
      name: 'an nginx proxy with the default proxy_ssl_ciphers DEFAULT',
      files: nginxGateway(['proxy_ssl_protocols TLSv1.2;']),
    },
    {
      name: 'names OpenSSL 3 has',
      files: { 'api/nginx.conf': nginx('ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:HIGH:!aNULL;') },
    },
    { name: 'the nginx default cipher string', files: { 'api/nginx.conf': nginx('ssl_protocols TLSv1.2;') } },
    {
      // Fedora's and RHEL's nginx.conf ships `ssl_ciphers PROFILE=SYSTEM;`: their OpenSSL takes the host's crypto policy.
      name: 'ssl_ciphers PROFILE=SYSTEM (Fedora/RHEL crypto policy): unknown, not "no cipher match"',
      files: { 'api/nginx.conf': nginx('ssl_ciphers PROFILE=SYSTEM;') },
    },
    {
      name: 'proxy_ssl_ciphers PROFILE=SYSTEM: unknown too',
      files: nginxGateway(['proxy_ssl_ciphers PROFILE=SYSTEM;']),
    },
    {
      name: 'an exclusion of 3DES is no request for it',
      files: { 'api/nginx.conf': nginx("ssl_ciphers 'HIGH:!3DES:!RC4';") },
    },
    {
      // GoogleCloudPlatform/nginx-ssl-proxy@2037048 (Apache-2.0) nginx/proxy_ssl.conf: the RC4 suite it names is killed
      // by its own !RC4 on every OpenSSL that has it (a `!` term deletes for good: openssl-ciphers(1)).
      name: 'a name OpenSSL 3 lacks that a later !RC4 kills on the releases that have it: it enables nothing anywhere',
      files: {
        'api/nginx.conf': nginx(
          "ssl_ciphers 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-SHA:ECDHE-RSA-RC4-SHA:AES128-GCM-SHA256:HIGH:!RC4:!MD5:!aNULL:!EDH:!CAMELLIA';",
        ),
      },
    },
    {
      name: '@SECLEVEL=0 with the assumed OpenSSL 3: known, the unknown version stays unknown (no finding)',
      files: { 'api/nginx.conf': nginx("ssl_ciphers 'HIGH:!aNULL:@SECLEVEL=0';") },
    },
    {
      name: '@SECLEVEL=0 on nginx:1.14 (Debian stretch, OpenSSL 1.1.0l): security levels exist',
      files: {
        'api/nginx.conf': nginx("ssl_ciphers 'HIGH:!aNULL:@SECLEVEL=0';"),
        'api/Dockerfile': 'FROM nginx:1.14\n',
      },
    },
    {
      name: 'DEFAULT@SECLEVEL=1 on nginx:1.16 (Debian buster, OpenSSL 1.1.1)',
      files: { 'api/nginx.conf': nginx("ssl_ciphers 'DEFAULT@SECLEVEL=1';"), 'api/Dockerfile': 'FROM nginx:1.16\n' },
    },
    {
      name: '@STRENGTH on nginx:1.10 (Debian jessie, OpenSSL 1.0.1t): the one command 1.0.x knows',
      files: { 'api/nginx.conf': nginx("ssl_ciphers 'HIGH:!aNULL:@STRENGTH';"), 'api/Dockerfile': 'FROM nginx:1.10\n' },
    },
    {
      // aerohive/HiveClass@a28565d (GPL) deploy/roles/rp/templates/haproxy.cfg.tpl, with a string OpenSSL 3 knows whole.
      name: 'an HAProxy bind whose ssl-default-bind-ciphers OpenSSL 3 knows whole',
      files: {
        'rp/haproxy.cfg':
          'global\n    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:AES:!aNULL:!RC4\n\nfrontend https-in\n    bind *:443 ssl crt /etc/ssl/site.pem\n    default_backend http\n',
      },
    },
    {
      name: 'an HAProxy bind without ciphers: OpenSSL DEFAULT',
      files: { 'rp/haproxy.cfg': 'frontend https-in\n    bind *:443 ssl crt /etc/ssl/site.pem\n' },
    },
  ],
  invalid: [
    {
      // aerohive/HiveClass@a28565d (GPL) deploy/roles/rp/templates/haproxy.cfg.tpl: DES-CBC3-SHA in the bind ciphers.
      name: 'an HAProxy ssl-default-bind-ciphers naming 3DES that OpenSSL 3 lacks',
      files: {
        'rp/haproxy.cfg':
          'global\n    ssl-default-bind-options   no-sslv3 no-tls-tickets\n    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256:AES:DES-CBC3-SHA:!aNULL:!RC4\n\nfrontend https-in\n    bind *:443 ssl crt /etc/ssl/site.pem\n',
      },
      errors: [
        {
          messageId: 'olderOnly',
          file: 'rp/haproxy.cfg',
          line: 3,
          messageIncludes: [
            "'DES-CBC3-SHA' is no cipher of OpenSSL 3.x",
            'HAProxy drops it',
            'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
          ],
        },
      ],
    },
    {
      name: 'an HAProxy server line whose ciphers select nothing on OpenSSL 3: HAProxy does not start',
      files: {
        'rp/haproxy.cfg': 'backend app\n    server app1 tomcat:8443 ssl verify none ciphers RC4-SHA:DES-CBC3-SHA\n',
      },
      errors: [
        {
          messageId: 'noMatch',
          file: 'rp/haproxy.cfg',
          line: 2,
          messageIncludes: [
            "ciphers 'RC4-SHA:DES-CBC3-SHA' selects no cipher",
            "HAProxy does not start (unable to set SSL cipher list to 'RC4-SHA:DES-CBC3-SHA')",
          ],
        },
      ],
    },
    {
      name: '@SECLEVEL=0 on nginx:1.10 (Debian jessie, OpenSSL 1.0.1t, read as 1.0.2): the string is refused, nginx does not start',
      files: {
        'api/nginx.conf': nginx("ssl_ciphers 'HIGH:!aNULL:@SECLEVEL=0';"),
        'api/Dockerfile': 'FROM nginx:1.10\n',
      },
      errors: [
        {
          messageId: 'invalidCommand',
          file: 'api/nginx.conf',
          line: 5,
          messageIncludes: [
            'uses @SECLEVEL=0, which OpenSSL 1.0.2 does not know (only OpenSSL 1.1.0, 1.1.1 and 3.x know it)',
            'nginx does not start',
            'invalid command',
          ],
        },
      ],
    },
    {
      name: 'HIGH@SECLEVEL=0 (no separator) on centos:7 (OpenSSL 1.0.2k)',
      files: { 'api/nginx.conf': nginx("ssl_ciphers 'HIGH@SECLEVEL=0';"), 'api/Dockerfile': 'FROM centos:7\n' },
      errors: [{ messageId: 'invalidCommand', file: 'api/nginx.conf', line: 5, messageIncludes: ['OpenSSL 1.0.2'] }],
    },
    {
      name: 'the same in a sites-available site nothing enables: an info, it stops nginx only once enabled',
      files: {
        ...availableSite('api', SITE),
        'api/Dockerfile': 'FROM nginx:1.10\nCOPY . /etc/nginx/\n',
      },
      errors: [
        {
          messageId: 'unloaded',
          severity: 'info',
          file: 'api/sites-available/site',
          line: 5,
          messageIncludes: ['would stop nginx at start if enabled', 'invalid command', 'lies in sites-available'],
        },
      ],
    },
    {
      name: 'the same in a sites-available site an entrypoint links into sites-enabled: the warning',
      files: {
        ...availableSite('api', SITE),
        'api/Dockerfile': 'FROM nginx:1.10\nCOPY . /etc/nginx/\n',
        'api/entrypoint.sh': LINKING_ENTRYPOINT,
      },
      errors: [{ messageId: 'invalidCommand', file: 'api/sites-available/site', line: 5 }],
    },
    {
      name: 'a command no OpenSSL has (@FOO=1) is refused by every series',
      files: { 'api/nginx.conf': nginx("ssl_ciphers 'HIGH:@FOO=1';") },
      errors: [
        {
          messageId: 'invalidCommand',
          file: 'api/nginx.conf',
          line: 5,
          messageIncludes: ['no OpenSSL release knows it', 'assumed'],
        },
      ],
    },
    {
      name: 'a 2016 policy naming DES-CBC3-SHA: dropped by OpenSSL 3, enabled by 1.0.2/1.1.1',
      files: {
        'api/nginx.conf': nginx("ssl_ciphers 'ECDHE-RSA-AES128-GCM-SHA256:EDH-RSA-DES-CBC3-SHA:DES-CBC3-SHA';"),
      },
      errors: [
        {
          messageId: 'olderOnly',
          file: 'api/nginx.conf',
          line: 5,
          messageIncludes: [
            "'EDH-RSA-DES-CBC3-SHA', 'DES-CBC3-SHA' are no cipher of OpenSSL 3.x",
            'OpenSSL 1.0.2, 1.1.0 and 1.1.1',
            'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
            'Sweet32',
          ],
        },
      ],
    },
    {
      name: 'proxy_ssl_ciphers with @SECLEVEL=0 on nginx:1.10 (OpenSSL 1.0.2): the proxy directive is named',
      files: {
        ...nginxGateway(["proxy_ssl_ciphers 'HIGH:@SECLEVEL=0';"]),
        'gw/Dockerfile': 'FROM nginx:1.10\n',
      },
      errors: [
        {
          messageId: 'invalidCommand',
          file: 'gw/nginx.conf',
          line: 5,
          messageIncludes: ["proxy_ssl_ciphers 'HIGH:@SECLEVEL=0' uses @SECLEVEL=0", 'OpenSSL 1.0.2'],
          related: [{ file: 'gw/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      name: 'grpc_ssl_ciphers selecting nothing on OpenSSL 3: nginx does not start',
      files: {
        'gw/nginx.conf':
          "http {\n  server {\n    listen 443 ssl http2;\n    grpc_ssl_ciphers 'RC4-SHA';\n    location / { grpc_pass grpcs://api:50051; }\n  }\n}\n",
      },
      errors: [
        {
          messageId: 'noMatch',
          file: 'gw/nginx.conf',
          line: 4,
          messageIncludes: ["grpc_ssl_ciphers 'RC4-SHA' selects no cipher"],
        },
      ],
    },
    {
      name: 'a string made only of names OpenSSL 3 lacks: nginx does not start',
      files: { 'api/nginx.conf': nginx("ssl_ciphers 'DES-CBC3-SHA:RC4-SHA';") },
      errors: [
        { messageId: 'noMatch', file: 'api/nginx.conf', line: 5, messageIncludes: ['no cipher match', 'assumed'] },
      ],
    },
  ],
});
