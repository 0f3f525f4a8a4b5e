import rule from '../../../src/rules/nginx/ssl-directive-removed';
import { ruleTester } from '../../helpers/rule-tester';

// nginx/nginx@d32f66f (first in release-1.25.1) removed the http and mail modules' "ssl" directive: from 1.25.1 nginx
// stops at start with [emerg] unknown directive "ssl". Debian's nginx 1.22.1 here warns and accepts it (`nginx -t`).
const CERT = 'ssl_certificate /etc/nginx/tls/site.crt;\n    ssl_certificate_key /etc/nginx/tls/site.key;';
const withSsl = (value = 'on') => `http {\n  server {\n    listen 443;\n    ssl ${value};\n    ${CERT}\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    {
      name: "'listen 443 ssl' instead",
      files: { 'nginx.conf': `http {\n  server {\n    listen 443 ssl;\n    ${CERT}\n  }\n}\n` },
    },
    {
      name: 'ssl as a key of a map block is no directive',
      files: { 'nginx.conf': 'http {\n  map $scheme $tls {\n    ssl 1;\n    default 0;\n  }\n}\n' },
    },
    {
      name: "the ssl parameter of a stream server's listen",
      files: {
        'nginx.conf': `stream {\n  server {\n    listen 6443 ssl;\n    ${CERT}\n    proxy_pass backend:6443;\n  }\n}\n`,
      },
    },
    {
      // voxpupuli/puppet-nginx templates/server/server_ssl_settings.erb: written only for nginx before 1.15.0.
      name: "a template's conditional decides whether it is rendered",
      files: {
        'nginx.conf.erb': `http {\n  server {\n    listen 443;\n<% if scope.call_function('versioncmp', [scope['nginx::nginx_version'], '1.15.0']) < 0 -%>\n    ssl on;\n<% end -%>\n    ${CERT}\n  }\n}\n`,
      },
    },
  ],
  invalid: [
    {
      // CenterForOpenScience/cos-ansible-base@b2941d5: roles/docker-osf/files/nginx/conf.d/osf.conf, which the osf role's
      // nginx.conf and the shared docker-nginx role's both bring in by `include /etc/nginx/conf.d/*.conf`: one line,
      // one warning naming both includes (it was two identical warnings).
      name: 'a file two main configurations include: one warning naming both includes',
      files: {
        'roles/docker-osf/files/nginx/nginx.conf': 'events {}\nhttp {\n  include /etc/nginx/conf.d/*.conf;\n}\n',
        'roles/docker-osf/files/nginx/conf.d/osf.conf': `server {\n  listen 443;\n  ssl on;\n  ${CERT}\n}\n`,
        'roles/docker-nginx/files/conf/nginx.conf': 'events {}\nhttp {\n  include /etc/nginx/conf.d/*.conf;\n}\n',
      },
      errors: [
        {
          messageId: 'releaseUnknown',
          file: 'roles/docker-osf/files/nginx/conf.d/osf.conf',
          line: 3,
          related: [
            { file: 'roles/docker-nginx/files/conf/nginx.conf', line: 3 },
            { file: 'roles/docker-osf/files/nginx/nginx.conf', line: 3 },
          ],
        },
      ],
    },
    {
      // amitbansal26/nexus-nginx-ssl: `FROM nginx` and `ssl on;` in a server block.
      name: 'the image names no release: a warning that says which releases refuse it',
      files: { 'nginx.conf': withSsl() },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          file: 'nginx.conf',
          line: 4,
          messageIncludes: [
            "'ssl on' is deprecated since nginx 1.15.0 and removed in 1.25.1",
            'The tree names no nginx release',
          ],
        },
      ],
    },
    {
      name: 'the image runs nginx 1.27.3: nginx does not start',
      files: {
        'gw/nginx.conf': withSsl(),
        'gw/Dockerfile': 'FROM nginx:1.27.3\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          file: 'gw/nginx.conf',
          line: 4,
          messageIncludes: ['the image runs nginx 1.27.3: nginx stops at start with [emerg] unknown directive "ssl"'],
          related: [{ file: 'gw/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      name: "'ssl off' on nginx 1.26 (a minor release after the removal): refused too",
      files: { 'gw/nginx.conf': withSsl('off'), 'gw/Dockerfile': 'FROM nginx:1.26-alpine\n' },
      errors: [{ messageId: 'refused', severity: 'error', file: 'gw/nginx.conf', line: 4 }],
    },
    {
      name: 'nginx 1.22: it starts with a warning, the next upgrade does not',
      files: { 'gw/nginx.conf': withSsl(), 'gw/Dockerfile': 'FROM nginx:1.22.1\n' },
      errors: [
        {
          messageId: 'deprecated',
          severity: 'warning',
          file: 'gw/nginx.conf',
          line: 4,
          messageIncludes: ['nginx 1.22.1 still takes it, with a warning'],
        },
      ],
    },
    {
      // marianar97/VaicoSnakeWP@cfb00da and thankyo/frontend@9b715f1 (no licence files): FROM nginx:1.13.3 and
      // 1.13.11 with 'ssl on;' were told 'still takes it, with a warning'; nginx/nginx release-1.14.0's
      // ngx_http_ssl_module.c has no ngx_conf_deprecated for it (release-1.15.0 adds it).
      name: 'nginx 1.13: it starts without a warning, the upgrade to a current release does not',
      files: { 'gw/nginx.conf': withSsl(), 'gw/Dockerfile': 'FROM nginx:1.13.3\n' },
      errors: [
        {
          messageId: 'silent',
          severity: 'warning',
          file: 'gw/nginx.conf',
          line: 4,
          messageIncludes: ['taken without a warning by nginx 1.13.3'],
          messageExcludes: ['still takes it, with a warning'],
        },
      ],
    },
    {
      // jannhendrik/haproxy-ssl@c015e94 (no licence file): FROM debian:jessie installs nginx.org's package pinned by
      // ENV NGINX_VERSION 1.12.1-1~jessie (nginx=${NGINX_VERSION}); it was 'the tree names no nginx release'.
      name: "the release an apt pin of the image's own RUN names (a variable of the stage): 1.12.1, silent",
      files: {
        'gw/nginx.conf': withSsl(),
        'gw/Dockerfile':
          'FROM debian:jessie\nENV NGINX_VERSION 1.12.1-1~jessie\nRUN apt-get update && \\\n    apt-get install --no-install-recommends -y ca-certificates nginx=${NGINX_VERSION} gettext-base\nCOPY nginx.conf /etc/nginx\n',
      },
      errors: [
        {
          messageId: 'silent',
          severity: 'warning',
          file: 'gw/nginx.conf',
          line: 4,
          messageIncludes: ['nginx 1.12.1'],
          related: [{ file: 'gw/Dockerfile', line: 3 }],
        },
      ],
    },
    {
      // maxlambrecht/spiffe-nginx-tomcat@73c50e5: spire/Dockerfile (FROM ubuntu:xenial) downloads SPIFFE's build of nginx
      // 1.13.9 (nginx-${NGINX_VERSION}.tgz, ARG NGINX_VERSION=1.13.9spiffe5); docker-compose.yml builds it as `image:
      // spire`; back-end/Dockerfile is `FROM spire` and copies the configuration in. It was 'the tree names no nginx release'.
      name: 'FROM an image the tree builds, which downloads nginx 1.13.9 (a build label): silent',
      files: {
        'back-end/nginx/nginx.conf': withSsl(),
        'back-end/Dockerfile': 'FROM spire\nCOPY nginx/nginx.conf /usr/local/nginx/conf/nginx.conf\n',
        'spire/Dockerfile':
          'FROM ubuntu:xenial\nARG NGINX_VERSION=1.13.9spiffe5\nARG NGINX_RELEASE="https://github.com/spiffe/spiffe-nginx/releases/download/${NGINX_VERSION}/nginx-${NGINX_VERSION}.tgz"\nRUN curl --silent --location ${NGINX_RELEASE} | tar -xzf -\n',
        'docker-compose.yml':
          'services:\n  spire-server:\n    build: ./spire\n    image: spire\n  backend:\n    build: ./back-end\n',
      },
      errors: [
        {
          messageId: 'silent',
          severity: 'warning',
          file: 'back-end/nginx/nginx.conf',
          line: 4,
          messageIncludes: ['nginx 1.13.9, which the image runs'],
          related: [
            { file: 'spire/Dockerfile', line: 4 },
            { file: 'back-end/Dockerfile', line: 1 },
            { file: 'docker-compose.yml', line: 4 },
          ],
        },
      ],
    },
    {
      name: "nginx.org's source archive the image's own RUN downloads (ENV): 1.26.2 refuses it",
      files: {
        'gw/nginx.conf': withSsl(),
        'gw/Dockerfile':
          'FROM debian:bookworm\nENV NGINX_VERSION=1.26.2\nRUN curl -fsSLO https://nginx.org/download/nginx-$NGINX_VERSION.tar.gz && tar xzf nginx-$NGINX_VERSION.tar.gz && cd nginx-$NGINX_VERSION && ./configure --with-http_ssl_module && make install\nCOPY nginx.conf /usr/local/nginx/conf/nginx.conf\n',
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          file: 'gw/nginx.conf',
          line: 4,
          related: [{ file: 'gw/Dockerfile', line: 3 }],
        },
      ],
    },
    {
      name: 'FROM a local image no Compose service builds: the release is unknown',
      files: {
        'back-end/nginx/nginx.conf': withSsl(),
        'back-end/Dockerfile': 'FROM spire\nCOPY nginx/nginx.conf /usr/local/nginx/conf/nginx.conf\n',
        'spire/Dockerfile':
          'FROM ubuntu:xenial\nRUN curl -sL https://nginx.org/download/nginx-1.13.9.tar.gz | tar -xzf -\n',
      },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning', file: 'back-end/nginx/nginx.conf', line: 4 }],
    },
    {
      name: 'an unpinned nginx package: the archive decides, the release is unknown',
      files: {
        'gw/nginx.conf': withSsl(),
        'gw/Dockerfile':
          'FROM debian:bookworm\nRUN apt-get update && apt-get install -y nginx\nCOPY nginx.conf /etc/nginx\n',
      },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning', file: 'gw/nginx.conf', line: 4 }],
    },
    {
      name: 'nginx 1.25 spans 1.25.0, which takes it, and 1.25.1 on, which does not',
      files: { 'gw/nginx.conf': withSsl(), 'gw/Dockerfile': 'FROM nginx:1.25\n' },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          file: 'gw/nginx.conf',
          line: 4,
          messageIncludes: ["The image's tag 1.25 spans releases on both sides"],
        },
      ],
    },
    {
      name: 'in a mail server, whose module lost it in the same commit',
      files: {
        'gw/nginx.conf': `mail {\n  server {\n    listen 993;\n    ssl on;\n    protocol imap;\n    ${CERT}\n  }\n}\n`,
        'gw/Dockerfile': 'FROM nginx:1.27.3\n',
      },
      errors: [{ messageId: 'refused', file: 'gw/nginx.conf', line: 4 }],
    },
    // The official image under a tag that names no release runs the current one (official-images library/nginx:
    // every such tag has named 1.26.0 or later since 2024-04-23). Before, "the tree names no nginx release".
    ...['nginx', 'nginx:latest', 'nginx:stable-alpine', 'docker.io/library/nginx:alpine'].map((image) => ({
      name: `FROM ${image}: every release it pulls refuses it`,
      files: { 'gw/nginx.conf': withSsl(), 'gw/Dockerfile': `FROM ${image}\nCOPY nginx.conf /etc/nginx/nginx.conf\n` },
      errors: [
        {
          messageId: 'floating',
          severity: 'error' as const,
          file: 'gw/nginx.conf',
          line: 4,
          related: [{ file: 'gw/Dockerfile', line: 1 }],
          messageIncludes: [`the image '${image}' names no release`, 'nginx 1.26.0 or later'],
        },
      ],
    })),
    {
      // lucirr/httpd-tomcat-log-custom@a387baa (github.com/lucirr/httpd-tomcat-log-custom/blob/a387baaf4e20790e04f2ffbb93d0a19aa14f9568/nginx-homepage/https/Dockerfile):
      // `FROM nginx:latest` beside default.conf, but the Dockerfile copies default-https.conf, which the tree does not
      // hold: its image does not hold this file, so which nginx reads it is unknown (it was an error naming nginx:latest).
      name: 'FROM nginx:latest beside the file but copying another one: the release is unknown, a warning',
      files: {
        'nginx-homepage/https/default.conf': withSsl(),
        'nginx-homepage/https/Dockerfile':
          'FROM nginx:latest\n\nCOPY default-https.conf /etc/nginx/conf.d/\n\nRUN mkdir -p /etc/nginx/ssl\n',
      },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          file: 'nginx-homepage/https/default.conf',
          line: 4,
          messageIncludes: ['The tree names no nginx release'],
        },
      ],
    },
    {
      // The same shape under a pinned tag: the release of an image that does not hold the file says nothing of it.
      name: 'FROM nginx:1.27.3 beside the file but copying another one: the release is unknown, a warning',
      files: {
        'gw/default.conf': withSsl(),
        'gw/Dockerfile': 'FROM nginx:1.27.3\nCOPY other.conf /etc/nginx/conf.d/\n',
      },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning', file: 'gw/default.conf', line: 4 }],
    },
    {
      // credemol/websocket-https-nginx-springboot@d901498: docker/nginx/Dockerfile `FROM nginx`, and the Compose service
      // that builds it names the image credemol/md3-nginx:1.0.0, which Compose runs when it exists.
      name: 'FROM nginx built by Compose under an image name: a warning, an earlier image of that name may take it',
      files: {
        'docker/nginx/nginx.conf': withSsl(),
        'docker/nginx/Dockerfile': 'FROM nginx\nCOPY ./docker/nginx/nginx.conf /etc/nginx/conf.d/default.conf\n',
        'docker-compose.yml':
          'services:\n  nginx:\n    build:\n      context: ./\n      dockerfile: ./docker/nginx/Dockerfile\n    image: credemol/md3-nginx:1.0.0\n',
      },
      errors: [
        {
          messageId: 'floating',
          severity: 'warning',
          file: 'docker/nginx/nginx.conf',
          line: 4,
          related: [
            { file: 'docker/nginx/Dockerfile', line: 1 },
            { file: 'docker-compose.yml', line: 6 },
          ],
          messageIncludes: ['Compose names the image it builds credemol/md3-nginx:1.0.0'],
        },
      ],
    },
    {
      name: 'Compose runs image: nginx:alpine with the file mounted: an error',
      files: {
        'nginx.conf': withSsl(),
        'compose.yaml':
          'services:\n  web:\n    image: nginx:alpine\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n',
      },
      errors: [
        {
          messageId: 'floating',
          severity: 'error',
          file: 'nginx.conf',
          line: 4,
          related: [{ file: 'compose.yaml', line: 3 }],
        },
      ],
    },
    ...['nginx:bookworm', 'bitnami/nginx', 'nginx:mainline-bookworm'].map((image) => ({
      name: `FROM ${image}: a tag of a distribution or another vendor's image bounds nothing`,
      files: { 'gw/nginx.conf': withSsl(), 'gw/Dockerfile': `FROM ${image}\n` },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning' as const, file: 'gw/nginx.conf', line: 4 }],
    })),
    {
      // arillo/docker-nginx-ssl-proxy (nginx/proxy_ssl.conf): its entrypoint fills in {{TARGET_SERVICE}} with sed; the
      // template renders `ssl on;` as written.
      name: 'a template whose only syntax is a value on another line: rendered as written, an error',
      files: {
        'nginx/proxy_ssl.conf':
          'upstream target_service {\n  server {{TARGET_SERVICE}};\n}\nserver {\n  listen 443;\n  ssl on;\n  ssl_certificate /etc/secrets/proxycert;\n  ssl_certificate_key /etc/secrets/proxykey;\n}\n',
        Dockerfile: 'FROM nginx\nADD nginx/proxy_ssl.conf /usr/src/\n',
      },
      errors: [{ messageId: 'floating', severity: 'error', file: 'nginx/proxy_ssl.conf', line: 6 }],
    },
    {
      name: 'a template value alone on a line generates lines: it may render otherwise, a warning',
      files: {
        'nginx/proxy_ssl.conf':
          'server {\n  {{EXTRA}}\n  ssl on;\n  ssl_certificate /etc/secrets/proxycert;\n  ssl_certificate_key /etc/secrets/proxykey;\n}\n',
        Dockerfile: 'FROM nginx\nADD nginx/proxy_ssl.conf /usr/src/\n',
      },
      errors: [{ messageId: 'floating', severity: 'warning', file: 'nginx/proxy_ssl.conf', line: 3 }],
    },
    {
      name: 'in an nginx sites-available file that the nginx.conf beside it does not include: an info',
      files: {
        'etc/nginx/nginx.conf': 'events {}\nhttp {\n  include /etc/nginx/sites-enabled/*;\n}\n',
        'etc/nginx/sites-available/legacy': 'server {\n  listen 443;\n  ssl on;\n}\n',
        Dockerfile: 'FROM nginx:1.27.3\nCOPY etc/nginx/ /etc/nginx/\n',
      },
      errors: [{ messageId: 'unloaded', severity: 'info', file: 'etc/nginx/sites-available/legacy', line: 3 }],
    },
  ],
});
