import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { classifyFile } from '../../src/parse/registry';
import { writeTree } from '../helpers/rule-tester';

/**
 * `keycloak.conf` is Keycloak's options file, but the proxy in front of Keycloak is often kept under the same name: an
 * nginx server block in `nginx/conf.d/keycloak.conf` (the shape of antoinecrochet/keycloak-with-docker-examples and
 * ten more Keycloak compose setups of sweep66b), an httpd <VirtualHost> in an Ansible role's `templates/keycloak.conf.j2`
 * (nesi/training-environment). Read as properties, their repeated `proxy_set_header` and `RequestHeader` lines were
 * 303 false parse/duplicate-key findings on 12 trees, and the proxy itself went unread.
 */
const NGINX_SITE = [
  'upstream keycloak { server keycloak:8443; }',
  'server {',
  '    listen 443 ssl;',
  '    server_name auth.example.test;',
  '    ssl_protocols TLSv1 TLSv1.2;',
  '    location / {',
  '        proxy_set_header Host $host;',
  '        proxy_set_header X-Forwarded-Proto $scheme;',
  '        proxy_pass https://keycloak;',
  '    }',
  '}',
  '',
].join('\n');

const HTTPD_VHOST = [
  '<VirtualHost *:443>',
  '  ServerName {{ oidc_hostname }}',
  '  SSLEngine on',
  '  ProxyPass / http://localhost:8080/',
  '  RequestHeader set X-Forwarded-Proto "https"',
  '  RequestHeader set X-Forwarded-Port "443"',
  '</VirtualHost>',
  '',
].join('\n');

describe('keycloak.conf holding a web server configuration', () => {
  test.each([
    ['nginx/conf.d/keycloak.conf', NGINX_SITE, 'nginx.conf'],
    [
      'gateway/conf.d/keycloak.conf',
      'server {\n  listen 80;\n  return 301 https://$host$request_uri;\n}\n',
      'nginx.conf',
    ],
    ['roles/keycloak/templates/keycloak.conf', HTTPD_VHOST, 'httpd.conf'],
    // Keycloak's own file stays Keycloak's, templated or not.
    ['conf/keycloak.conf', 'https-port=8443\nhttps-key-store-file=conf/server.p12\n', 'keycloak.conf'],
    ['templates/keycloak.conf', 'db=postgres\ndb-username={{ dbuser }}\nhostname={{ hostname }}\n', 'keycloak.conf'],
    ['conf/keycloak.conf', '# every option commented out\n#https-port=8443\n', 'keycloak.conf'],
    ['conf/keycloak.conf', '', 'keycloak.conf'],
  ])('%s holding %j is %s', (file, text, kind) => {
    expect(classifyFile(file, text)?.kind).toBe(kind);
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      'an nginx site under conf.d: no duplicate key, its TLS versions judged as nginx',
      { 'nginx/conf.d/keycloak.conf': NGINX_SITE },
      ['tls/server-allows-legacy-protocols@5'],
    ],
    [
      "an httpd virtual host in a Keycloak role's template: no duplicate key",
      { 'roles/keycloak/templates/keycloak.conf.j2': HTTPD_VHOST },
      [],
    ],
    [
      "Keycloak's own file setting an option twice still warns",
      { 'conf/keycloak.conf': 'http-port=8080\nhttp-port=8081\n' },
      ['parse/duplicate-key@2'],
    ],
  ])('%s', (_name, files, expected) => {
    const root = writeTree(files);
    const found = lint({ paths: [root], cwd: root, config: defaultConfig(root) })
      .findings.filter((f) => f.severity !== 'info')
      .map((f) => `${f.ruleId}@${(f.location.range?.start.line ?? -1) + 1}`);
    fs.rmSync(root, { recursive: true, force: true });
    expect(found).toEqual(expected);
  });
});
