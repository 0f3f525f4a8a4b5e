import rule from '../../../src/rules/haproxy/verify-without-ca-file';
import { ruleTester } from '../../helpers/rule-tester';

const cfg = (...lines: string[]) => ({ 'lb/haproxy.cfg': lines.join('\n') + '\n' });

ruleTester(rule, {
  valid: [
    {
      name: 'a server with ssl and a ca-file (its own or its default-server)',
      files: cfg(
        'defaults',
        '  default-server ca-file /etc/ssl/ca.pem',
        'backend app',
        '  server a1 tomcat:8443 ssl',
        '  server a2 tomcat:8443 ssl verify required ca-file /etc/ssl/other.pem',
      ),
    },
    {
      name: 'verify none on the line, or global ssl-server-verify none',
      files: cfg(
        'global',
        '  ssl-server-verify none',
        'backend app',
        '  server a1 tomcat:8443 ssl',
        '  server a2 tomcat:8443 ssl verify none',
      ),
    },
    { name: 'a plain server (no ssl) needs no CA', files: cfg('backend app', '  server a1 tomcat:8080 check') },
    {
      name: 'haproxy -dV (default verification off) in the Compose command',
      files: {
        ...cfg('backend app', '  server a1 tomcat:8443 ssl'),
        'docker-compose.yml':
          'services:\n  lb:\n    image: haproxy:2.8\n    command: ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg", "-dV"]\n',
      },
    },
    {
      name: 'a placeholder ca-file is a ca-file',
      files: cfg('backend app', '  server a1 tomcat:8443 ssl ca-file "${CA_FILE}"'),
    },
    {
      name: 'a bind with verify optional and ca-file; a crt-list line with verify and its own ca-file',
      files: {
        ...cfg(
          'frontend web',
          '  bind :443 ssl crt site.pem verify optional ca-file clients-ca.pem',
          '  bind :8443 ssl crt-list /etc/haproxy/crt-list.txt',
        ),
        'lb/crt-list.txt': 'site.pem [verify required ca-file /etc/haproxy/ca.pem] api.example.com\nother.pem\n',
      },
    },
    {
      name: 'a bind or server read under .if: only the start-up decides',
      files: cfg(
        '.if defined(MTLS)',
        'frontend web',
        '  bind :443 ssl crt site.pem verify required',
        '.endif',
        'backend app',
        '.if defined(TLS)',
        '  server a1 tomcat:8443 ssl',
        '.endif',
      ),
    },
  ],
  invalid: [
    {
      name: 'a bind with a crt-list and verify required: a ca-file on the crt-list lines does not count',
      files: {
        ...cfg('frontend web', '  bind :8443 ssl crt-list /etc/haproxy/crt-list.txt verify required'),
        'lb/crt-list.txt': 'site.pem [ca-file /etc/haproxy/ca.pem] api.example.com\n',
      },
      errors: [{ messageId: 'bindCrtList', file: 'lb/haproxy.cfg', line: 2 }],
    },
    {
      name: 'a crt-list line with verify and no ca-file, on a bind without one',
      files: {
        ...cfg('frontend web', '  bind :8443 ssl crt-list /etc/haproxy/crt-list.txt'),
        'lb/crt-list.txt': '# mTLS for the API only\nsite.pem\napi.pem [verify required alpn h2] api.example.com\n',
      },
      errors: [
        {
          messageId: 'crtListLine',
          file: 'lb/crt-list.txt',
          line: 3,
          messageIncludes: ['no CA file specified for bind'],
        },
      ],
    },
    {
      // keycloak/keycloak-quickstarts@c93be99 (Apache-2.0) proxy/haproxy/reencrypt/haproxy.cfg, without its ca-file.
      name: 'a server with ssl and no ca-file: verify is required by default',
      files: cfg('backend keycloak', '  server keycloak1 keycloak1:8443 ssl crt /mnt/certs/haproxy-internal.pem check'),
      errors: [
        {
          messageId: 'serverDefault',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ['verify is enabled by default but no CA file specified', 'ca-file @system-ca'],
        },
      ],
    },
    {
      name: 'ssl from default-server, explicit verify required: the verify is the place',
      files: cfg('defaults', '  default-server ssl', 'backend app', '  server a1 tomcat:8443 check verify required'),
      errors: [{ messageId: 'serverExplicit', file: 'lb/haproxy.cfg', line: 4 }],
    },
    {
      name: 'a bind that asks for client certificates without a ca-file',
      files: cfg('frontend web', '  bind *:443 ssl crt /etc/ssl/site.pem verify required'),
      errors: [
        {
          messageId: 'bind',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ["no CA file specified for bind '*:443'"],
        },
      ],
    },
  ],
});
