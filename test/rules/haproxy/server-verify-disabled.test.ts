import rule from '../../../src/rules/haproxy/server-verify-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const cfg = (...lines: string[]) => ({ 'lb/haproxy.cfg': lines.join('\n') + '\n' });
const compose = (...lines: string[]) => ({ 'docker-compose.yml': ['services:', ...lines].join('\n') + '\n' });
/** The Compose service `lb` that bind-mounts lb/ (hence runs lb/haproxy.cfg), with `settings` before its volumes. */
const lb = (...settings: string[]) => [
  '  lb:',
  '    image: haproxy:2.8',
  ...settings,
  '    volumes:',
  '      - ./lb:/usr/local/etc/haproxy',
];

ruleTester(rule, {
  valid: [
    {
      name: 'verify required with a ca-file, and the default verify',
      files: cfg(
        'backend app',
        '  server a1 tomcat:8443 ssl verify required ca-file /etc/ssl/ca.pem sni str(tomcat)',
        '  server a2 tomcat:8443 ssl ca-file /etc/ssl/ca.pem',
      ),
    },
    {
      name: 'verify none on a plain server (no ssl): no TLS to verify',
      files: cfg('backend app', '  server a1 tomcat:8080 verify none'),
    },
    {
      name: 'ssl-server-verify none with every server verifying on its line',
      files: cfg(
        'global',
        '  ssl-server-verify none',
        'backend app',
        '  server a1 tomcat:8443 ssl verify required ca-file ca.pem',
      ),
    },
  ],
  invalid: [
    {
      // PhamHungdg96/SSO@3bcff59 haproxy/haproxy.cfg: two Keycloak servers with verify none.
      name: 'two servers with verify none on their lines: one finding each',
      files: cfg(
        'backend keycloak_Servers',
        '    server ks1  keycloak-server:8443 check cookie ks1 ssl verify none',
        '    server ks2  keycloak-server-1:8443 check cookie ks2 ssl verify none',
      ),
      errors: [
        { messageId: 'disabled', file: 'lb/haproxy.cfg', line: 2, messageIncludes: ['keycloak-server:8443'] },
        { messageId: 'disabled', file: 'lb/haproxy.cfg', line: 3 },
      ],
    },
    {
      name: 'global ssl-server-verify none: one finding at the global line for every server it leaves unverified',
      files: cfg(
        'global',
        '  ssl-server-verify none',
        'backend app',
        '  server a1 app1:8443 ssl',
        '  server a2 app2:8443 ssl',
      ),
      errors: [
        {
          messageId: 'disabled',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ['HAProxy server a1, server a2 do not verify', 'app1:8443, app2:8443'],
        },
      ],
    },
    {
      // keycloak/keycloak-quickstarts@c93be99 (Apache-2.0) proxy/haproxy/reencrypt/haproxy.cfg line 101.
      name: 'verify required, then check-ssl verify none on the same line: the later one wins for traffic too',
      files: cfg(
        'backend keycloak',
        '    server keycloak1 keycloak1:8443 ssl verify required crt /mnt/certs/haproxy-internal.pem ca-file /mnt/certs/keycloak1-cert.pem check port 9000 check-ssl verify none inter 5s fall 3 rise 2',
      ),
      errors: [
        {
          messageId: 'overridden',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ["keycloak1:8443's certificate is not verified at all"],
          related: [{ file: 'lb/haproxy.cfg', line: 2 }],
        },
      ],
    },
    {
      // mys1erious/packt-keycloak-identity ch9/haproxy.cfg: three Keycloak instances on the host HAProxy runs on.
      name: 'servers on 127.0.0.1 of the host that runs HAProxy (no container): info, saying why',
      files: cfg(
        'backend keycloak',
        '    server kc1 127.0.0.1:8443 check ssl verify none cookie kc1',
        '    server kc2 localhost:8543 check ssl verify none cookie kc2',
        '    server kc3 [::1]:8643 check ssl verify none cookie kc3',
        '    server kc4 ipv4@127.0.1.1:8743 check ssl verify none cookie kc4',
      ),
      errors: [2, 3, 4, 5].map((line) => ({
        messageId: 'loopback',
        severity: 'info' as const,
        file: 'lb/haproxy.cfg',
        line,
        messageIncludes: [
          'is loopback in the host that runs HAProxy',
          'only a local process that binds the port first',
        ],
      })),
    },
    {
      name: 'global ssl-server-verify none over a loopback and a remote server: a warning for the remote one, info for the loopback one',
      files: cfg(
        'global',
        '  ssl-server-verify none',
        'backend app',
        '  server a1 127.0.0.1:8443 ssl',
        '  server a2 app2.example.com:8443 ssl',
      ),
      errors: [
        {
          messageId: 'loopback',
          severity: 'info',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ['server a1', '127.0.0.1:8443 is loopback'],
        },
        {
          messageId: 'disabled',
          severity: 'warning',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ['server a2', 'app2.example.com:8443'],
        },
      ],
    },
    {
      name: 'HAProxy in a Compose service of its own: its localhost is its own container, not the host: the warning stays',
      files: {
        ...compose(...lb()),
        ...cfg('backend app', '  server a1 127.0.0.1:8443 ssl verify none'),
      },
      errors: [
        {
          messageId: 'disabled',
          severity: 'warning',
          file: 'lb/haproxy.cfg',
          line: 2,
          related: [{ file: 'docker-compose.yml', line: 5 }],
        },
      ],
    },
    {
      name: "HAProxy in a Compose service joined to the app's network (network_mode: service:app): info naming the app's container",
      files: {
        ...compose('  app:', '    image: example/app:1', ...lb('    network_mode: service:app')),
        ...cfg('backend app', '  server a1 localhost:8443 ssl verify none'),
      },
      errors: [
        {
          messageId: 'loopback',
          severity: 'info',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ['the container of Compose service app, whose network lb joins'],
          related: [
            { file: 'docker-compose.yml', line: 8 },
            { file: 'docker-compose.yml', line: 6 },
          ],
        },
      ],
    },
    {
      name: 'HAProxy on the host network of a Compose service (network_mode: host): info',
      files: {
        ...compose(...lb('    network_mode: host')),
        ...cfg('backend app', '  server a1 127.0.0.1:8443 ssl verify none'),
      },
      errors: [
        {
          messageId: 'loopback',
          severity: 'info',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ['the host, whose network Compose service lb shares'],
          related: [
            { file: 'docker-compose.yml', line: 6 },
            { file: 'docker-compose.yml', line: 4 },
          ],
        },
      ],
    },
    {
      name: 'addresses that only look like loopback (localhost.example.com, 10.127.0.1): the warning stays',
      files: cfg(
        'backend app',
        '  server a1 localhost.example.com:8443 ssl verify none',
        '  server a2 10.127.0.1:8443 ssl verify none',
      ),
      errors: [
        { messageId: 'disabled', severity: 'warning', file: 'lb/haproxy.cfg', line: 2 },
        { messageId: 'disabled', severity: 'warning', file: 'lb/haproxy.cfg', line: 3 },
      ],
    },
  ],
});
