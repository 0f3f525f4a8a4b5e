import rule from '../../../src/rules/haproxy/server-verify-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const cfg = (...lines: string[]) => ({ 'lb/haproxy.cfg': lines.join('\n') + '\n' });

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
  ],
});
