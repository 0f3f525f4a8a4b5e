import * as path from 'node:path';
import { readTree } from '../helpers/read-tree';

/**
 * A file whose name does not classify it is read as what a Dockerfile's COPY/ADD or a Compose bind mount makes it
 * (src/engine/run/container-placed.ts). The first case is the shape of
 * https://github.com/tykoh/docker-jdk7-tomcat7-ssl/blob/0d8ad3ffe61f5c35fb6054635b50653780de9734/Dockerfile
 * (`ADD apache_default /etc/apache2/sites-available/000-default.conf`).
 */
const site = '<VirtualHost *:80>\n  ServerAdmin webmaster@localhost\n  JkMount /* worker1\n</VirtualHost>\n';
const nginxSite = 'server {\n    listen 80;\n    location / { proxy_pass http://app:8080; }\n}\n';

const kinds = (files: Record<string, string>) =>
  readTree(files, (read, dir) =>
    read.documents
      .filter((d) => !/(^|\/)(Dockerfile|[^/]*\.ya?ml)$/.test(d.file.path))
      .map((d) => `${path.relative(dir, d.file.path)} ${d.kind}`),
  );

const dockerfile = (...lines: string[]) => ['FROM ubuntu:22.04', ...lines, ''].join('\n');

describe('a file read as what the image or container that holds it makes it', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    [
      'ADD to a file name httpd reads (tykoh/docker-jdk7-tomcat7-ssl): httpd configuration',
      {
        Dockerfile: dockerfile('ADD apache_default /etc/apache2/sites-available/000-default.conf'),
        apache_default: site,
      },
      ['apache_default httpd.conf'],
    ],
    [
      'COPY into a Debian sites-available directory (a trailing /): a site of its own name, as ./ansible-placed.ts reads it',
      { Dockerfile: dockerfile('COPY apache_default /etc/apache2/sites-available/'), apache_default: site },
      ['apache_default httpd.conf'],
    ],
    [
      'COPY into an httpd conf.d directory: the file keeps its name, which no include there takes',
      { Dockerfile: dockerfile('COPY apache_default /etc/httpd/conf.d/'), apache_default: site },
      [],
    ],
    [
      'COPY into a Debian sites-enabled directory: a site of its own name, read as httpd reads it',
      { Dockerfile: dockerfile('COPY mysite /etc/apache2/sites-enabled/'), mysite: site },
      ['mysite httpd.conf'],
    ],
    [
      'a directory copied: each file at its path below the destination',
      { Dockerfile: dockerfile('COPY apache/ /etc/apache2/'), 'apache/sites-enabled/app': site },
      ['apache/sites-enabled/app httpd.conf'],
    ],
    [
      'copied where httpd reads it and to a backup place no format reads: httpd configuration',
      {
        Dockerfile: dockerfile(
          'ADD apache_default /etc/apache2/sites-available/000-default.conf',
          'COPY apache_default /root/apache_default.bak',
        ),
        apache_default: site,
      },
      ['apache_default httpd.conf'],
    ],
    [
      "copied where httpd reads it and into nginx's conf.d: nginx's handler refuses a VirtualHost, httpd's reads it",
      {
        Dockerfile: dockerfile(
          'ADD apache_default /etc/apache2/sites-available/000-default.conf',
          'COPY apache_default /etc/nginx/conf.d/default.conf',
        ),
        apache_default: site,
      },
      ['apache_default httpd.conf'],
    ],
    [
      'a wildcard source: unknown, not read',
      { Dockerfile: dockerfile('COPY apache_* /etc/apache2/sites-available/000-default.conf'), apache_default: site },
      [],
    ],
    [
      'a build argument in the destination: unknown, not read',
      {
        Dockerfile: dockerfile(
          'ARG SITES=/etc/apache2/sites-available',
          'COPY apache_default ${SITES}/000-default.conf',
        ),
        apache_default: site,
      },
      [],
    ],
    [
      "a --from copy: a stage's file, not the tree's",
      {
        Dockerfile: [
          'FROM ubuntu:22.04 AS build',
          'COPY apache_default /tmp/apache_default',
          'FROM ubuntu:22.04',
          'COPY --from=build /tmp/apache_default /etc/apache2/sites-available/000-default.conf',
          '',
        ].join('\n'),
        apache_default: site,
      },
      [],
    ],
    [
      'a copy into a stage the final image does not start from: not in the image',
      {
        Dockerfile: [
          'FROM ubuntu:22.04 AS build',
          'COPY apache_default /etc/apache2/sites-available/000-default.conf',
          'FROM nginx:1.25',
          '',
        ].join('\n'),
        apache_default: site,
      },
      [],
    ],
    [
      'content the destination does not read (a shell script copied to a .conf name): not read',
      {
        Dockerfile: dockerfile('COPY start /etc/apache2/conf-enabled/start.conf'),
        start: 'set -e\nexec apache2ctl -D FOREGROUND\n',
      },
      [],
    ],
    [
      'a Compose bind mount of the file to an nginx conf.d name: nginx',
      {
        'docker-compose.yml':
          'services:\n  web:\n    image: nginx:1.25\n    volumes:\n      - ./proxy_site:/etc/nginx/conf.d/default.conf:ro\n',
        proxy_site: nginxSite,
      },
      ['proxy_site nginx.conf'],
    ],
    [
      'a Compose bind mount of a directory to a sites-enabled directory: each file a site',
      {
        'docker-compose.yml':
          'services:\n  web:\n    image: httpd:2.4\n    volumes:\n      - ./sites:/etc/apache2/sites-enabled\n',
        'sites/app': site,
      },
      ['sites/app httpd.conf'],
    ],
    [
      'a mount target written with a variable: unknown, not read',
      {
        'docker-compose.yml':
          'services:\n  web:\n    image: nginx:1.25\n    volumes:\n      - ./proxy_site:${CONF_DIR}/default.conf\n',
        proxy_site: nginxSite,
      },
      [],
    ],
    [
      'a bind mount over the place the image copies it to: the mounted file is read there, not the copy',
      {
        Dockerfile: dockerfile('COPY apache_default /etc/apache2/sites-available/000-default.conf'),
        'docker-compose.yml':
          'services:\n  web:\n    build: .\n    volumes:\n      - ./other.conf:/etc/apache2/sites-available/000-default.conf\n',
        apache_default: site,
        'other.conf': site,
      },
      ['other.conf httpd.conf'],
    ],
  ];
  it.each(cases)('%s', (_name, files, expected) => {
    expect(kinds(files)).toEqual(expected);
  });
});
