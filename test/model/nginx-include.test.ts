import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

/** `name protocols (file)` of every nginx server component. */
function servers(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return result.deployments[0].components
      .filter((c) => c.type.startsWith('nginx'))
      .map(
        (c) =>
          `${c.name.replace(/ \(.*\)$/, '')} ${c.tls?.protocols?.value.join(',') ?? 'default'} (${path.relative(root, c.location.file).split(path.sep).join('/')})`,
      )
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const SSL_PARAMS = 'ssl_protocols TLSv1.2 TLSv1.3;\n';

describe('nginx include of an installed (absolute) path', () => {
  it.each([
    [
      'a glob maps to the tree files ending with its longest suffix, not to any .conf',
      {
        'deploy/nginx/nginx.conf': 'http {\n  include /etc/nginx/conf.d/*.conf;\n}\n',
        'deploy/nginx/conf.d/api.conf': 'server {\n  listen 443 ssl;\n  ssl_protocols TLSv1.3;\n}\n',
        'unrelated.conf': 'server {\n  listen 8443 ssl;\n}\n',
      },
      ['nginx server _:443 TLSv1.3 (deploy/nginx/conf.d/api.conf)', 'nginx server _:8443 default (unrelated.conf)'],
    ],
    [
      'a file maps by its path suffix',
      {
        'nginx/nginx.conf':
          'http {\n  server {\n    listen 443 ssl;\n    include /etc/nginx/snippets/ssl-params.conf;\n  }\n}\n',
        'nginx/snippets/ssl-params.conf': SSL_PARAMS,
      },
      ['nginx server _:443 TLSv1.2,TLSv1.3 (nginx/nginx.conf)'],
    ],
    [
      "several hosts in one deployment: each includes the files of its own host (issue 21: each included every host's)",
      {
        'web1/nginx/nginx.conf': 'http {\n  include /etc/nginx/conf.d/*.conf;\n}\n',
        'web1/nginx/conf.d/a.conf': 'server {\n  listen 443 ssl;\n  ssl_protocols TLSv1.3;\n}\n',
        'web2/nginx/nginx.conf': 'http {\n  include /etc/nginx/conf.d/*.conf;\n}\n',
        'web2/nginx/conf.d/b.conf': 'server {\n  listen 8443 ssl;\n  ssl_protocols TLSv1.2;\n}\n',
      },
      [
        'nginx server _:443 TLSv1.3 (web1/nginx/conf.d/a.conf)',
        'nginx server _:8443 TLSv1.2 (web2/nginx/conf.d/b.conf)',
      ],
    ],
    [
      'an installed path maps at any depth below the root (three directories above nginx/: unresolved before)',
      {
        'srv/apps/web/nginx/nginx.conf': 'http {\n  ssl_protocols TLSv1.2;\n  include /etc/nginx/conf.d/*.conf;\n}\n',
        'srv/apps/web/nginx/conf.d/api.conf': 'server {\n  listen 443 ssl;\n}\n',
      },
      ['nginx server _:443 TLSv1.2 (srv/apps/web/nginx/conf.d/api.conf)'],
    ],
    [
      "an installed path's directory right at the root (conf.d/ beside nginx.conf at the top: unresolved before)",
      {
        'nginx.conf': 'http {\n  ssl_protocols TLSv1.2;\n  include /etc/nginx/conf.d/*.conf;\n}\n',
        'conf.d/api.conf': 'server {\n  listen 443 ssl;\n}\n',
      },
      ['nginx server _:443 TLSv1.2 (conf.d/api.conf)'],
    ],
    [
      'a path the tree does not hold maps to nothing',
      {
        'nginx/nginx.conf':
          'http {\n  server {\n    listen 443 ssl;\n    include /etc/letsencrypt/options-ssl-nginx.conf;\n  }\n}\n',
        'nginx/snippets/ssl-params.conf': SSL_PARAMS,
      },
      [
        'nginx TLS policy TLSv1.2,TLSv1.3 (nginx/snippets/ssl-params.conf)',
        'nginx server _:443 default (nginx/nginx.conf)',
      ],
    ],
  ])('%s', (_, files, expected) => expect(servers(files)).toEqual(expected));
});

describe('nginx include of a file no name or content test takes (read as nginx because nginx includes it)', () => {
  const SITE = 'server {\n  listen 443 ssl;\n  include ssl-params.inc;\n}\n';
  it.each([
    [
      'a relative `.inc` beside a site outside any nginx directory (never read before)',
      { 'deploy/site.conf': SITE, 'deploy/ssl-params.inc': SSL_PARAMS },
      ['nginx server _:443 TLSv1.2,TLSv1.3 (deploy/site.conf)'],
    ],
    [
      'a glob of `.inc` files, one of which includes another',
      {
        'deploy/site.conf': 'server {\n  listen 443 ssl;\n  include snippets/*.inc;\n}\n',
        'deploy/snippets/tls.inc': 'include ../policy/modern.txt;\n',
        'deploy/policy/modern.txt': 'ssl_protocols TLSv1.3;\n',
      },
      ['nginx server _:443 TLSv1.3 (deploy/site.conf)'],
    ],
    [
      'an installed path that maps by suffix to a file that is not nginx (Apache mime.types) is not read as nginx',
      {
        'deploy/site.conf':
          'types_hash_max_size 2048;\ninclude /etc/nginx/mime.types;\nserver {\n  listen 443 ssl;\n}\n',
        'httpd/conf/mime.types': 'application/json\t\t\t\tjson\ntext/html\t\t\t\thtml htm\n',
      },
      ['nginx server _:443 default (deploy/site.conf)'],
    ],
    [
      'a conf.d file without its nginx.conf: a relative include is resolved against the prefix conf.d sits in',
      {
        'config/conf.d/default.conf': 'server {\n  listen 8443 ssl;\n  include ssl_config.inc;\n}\n',
        'config/ssl_config.inc': 'ssl_protocols TLSv1.2;\n',
      },
      ['nginx server _:8443 TLSv1.2 (config/conf.d/default.conf)'],
    ],
    [
      'a read file that matches first is not passed over for an unread one of the same name in the prefix',
      {
        'web/nginx.conf': 'events {}\n',
        'web/nginx/site.conf': 'server {\n  listen 443 ssl;\n  include tls.inc;\n}\n',
        'web/nginx/tls.inc': 'ssl_protocols TLSv1.3;\n',
        'web/tls.inc': 'ssl_protocols TLSv1;\n',
      },
      ['nginx server _:443 TLSv1.3 (web/nginx/site.conf)'],
    ],
    [
      'a file named like source code is never read as nginx, even when included',
      { 'deploy/site.conf': 'server {\n  listen 443 ssl;\n  include tls.yml;\n}\n', 'deploy/tls.yml': SSL_PARAMS },
      ['nginx server _:443 default (deploy/site.conf)'],
    ],
  ])('%s', (_, files, expected) => expect(servers(files)).toEqual(expected));
});
