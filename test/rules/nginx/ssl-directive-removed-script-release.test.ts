import rule from '../../../src/rules/nginx/ssl-directive-removed';
import { ruleTester } from '../../helpers/rule-tester';

/** An nginx.conf whose server has `ssl on;` (line 4), which nginx 1.25.1 and later refuse at start. */
const nginxConf =
  'http {\n  server {\n    listen 443;\n    ssl on;\n    ssl_certificate /etc/nginx/tls/site.crt;\n    ssl_certificate_key /etc/nginx/tls/site.key;\n  }\n}\n';
const atSsl = { file: 'gw/nginx.conf', line: 4 };

/** A build script that downloads nginx.org's source archive of `release` and builds it. */
const buildScript = (release: string) =>
  [
    '#!/bin/sh',
    'set -e',
    `cd /tmp && curl -fsSLO https://nginx.org/download/nginx-${release}.tar.gz`,
    `tar xzf nginx-${release}.tar.gz && cd nginx-${release}`,
    './configure --prefix=/etc/nginx --with-http_ssl_module && make && make install',
    '',
  ].join('\n');

/** A script that installs nginx from the distribution's archive, pinned as `pin` says. */
const aptScript = (pin: string) =>
  [
    '#!/bin/bash',
    '# apt-get install nginx=1.26.2-1 is what staging runs',
    'apt-get update',
    `apt-get install -y \\`,
    `  ${pin} curl`,
    '',
  ].join('\n');

const dockerfile = (run: string) =>
  `FROM debian:bookworm\nCOPY scripts /opt/scripts\n${run}\nCOPY nginx.conf /etc/nginx/nginx.conf\n`;

/**
 * The nginx release a build script names when a RUN of the image runs it (as model/tomcat-release reads Tomcat's): the
 * nginx.org archive it downloads and builds, or the package pin of its apt-get install (`nginx=1.18.*`: the branch). A
 * script the image does not hold at the path the RUN gives, a pin in a comment and an unpinned package name nothing.
 */
ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'a RUN runs a copied script that downloads and builds nginx 1.26.2: nginx does not start',
      files: {
        'gw/nginx.conf': nginxConf,
        'gw/scripts/build-nginx.sh': buildScript('1.26.2'),
        'gw/Dockerfile': dockerfile('RUN sh /opt/scripts/build-nginx.sh'),
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          ...atSsl,
          messageIncludes: ['the image runs nginx 1.26.2'],
          related: [
            { file: 'gw/scripts/build-nginx.sh', line: 3 },
            { file: 'gw/Dockerfile', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'a script that only fetches and unpacks the archive (no copy, no install) is read too',
      files: {
        'gw/nginx.conf': nginxConf,
        'gw/scripts/fetch.sh':
          '#!/bin/sh\ncurl -fsSL https://nginx.org/download/nginx-1.26.2.tar.gz | tar xz -C /usr/src\n',
        'gw/Dockerfile': dockerfile('RUN /opt/scripts/fetch.sh'),
      },
      errors: [{ messageId: 'refused', severity: 'error', ...atSsl }],
    },
    {
      name: 'the release in a variable the script assigns once (NGINX_VERSION=1.12.2): located at the assignment',
      files: {
        'gw/nginx.conf': nginxConf,
        'gw/scripts/build.sh':
          '#!/bin/bash\nset -e\nNGINX_VERSION="1.12.2"\nwget "https://nginx.org/download/nginx-${NGINX_VERSION}.tar.gz"\ntar xzf nginx-$NGINX_VERSION.tar.gz\n',
        'gw/Dockerfile': dockerfile('RUN /opt/scripts/build.sh'),
      },
      errors: [
        {
          messageId: 'silent',
          severity: 'warning',
          ...atSsl,
          messageIncludes: ['nginx 1.12.2'],
          related: [
            { file: 'gw/scripts/build.sh', line: 3 },
            { file: 'gw/Dockerfile', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'a variable the script assigns twice (or takes from the environment): the release is unknown',
      files: {
        'gw/nginx.conf': nginxConf,
        'gw/scripts/build.sh':
          '#!/bin/bash\nNGINX_VERSION=1.12.2\n[ -n "$1" ] && NGINX_VERSION=$1\nwget https://nginx.org/download/nginx-${NGINX_VERSION}.tar.gz\n',
        'gw/Dockerfile': dockerfile('RUN /opt/scripts/build.sh'),
      },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning', ...atSsl }],
    },
    {
      name: 'the script downloads nginx 1.12.2: taken silently',
      files: {
        'gw/nginx.conf': nginxConf,
        'gw/scripts/build-nginx.sh': buildScript('1.12.2'),
        'gw/Dockerfile': dockerfile('RUN /opt/scripts/build-nginx.sh'),
      },
      errors: [{ messageId: 'silent', severity: 'warning', ...atSsl, messageIncludes: ['nginx 1.12.2'] }],
    },
    {
      name: "the script's apt-get pins nginx=1.18.* (the comment's pin is not read): the 1.18 branch warns",
      files: {
        'gw/nginx.conf': nginxConf,
        'gw/scripts/install.sh': aptScript('nginx=1.18.*'),
        'gw/Dockerfile': dockerfile('RUN bash /opt/scripts/install.sh'),
      },
      errors: [
        {
          messageId: 'deprecated',
          severity: 'warning',
          ...atSsl,
          messageIncludes: ['nginx 1.18 still takes it'],
          related: [
            { file: 'gw/scripts/install.sh', line: 5 },
            { file: 'gw/Dockerfile', line: 3 },
          ],
        },
      ],
    },
    {
      name: "the image's own RUN pins nginx=1.27.* : refused",
      files: {
        'gw/nginx.conf': nginxConf,
        'gw/Dockerfile':
          'FROM debian:bookworm\nRUN apt-get install -y nginx=1.27.*\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
      },
      errors: [{ messageId: 'refused', severity: 'error', ...atSsl, related: [{ file: 'gw/Dockerfile', line: 2 }] }],
    },
    {
      name: 'an unpinned package in the script: the release is unknown',
      files: {
        'gw/nginx.conf': nginxConf,
        'gw/scripts/install.sh': aptScript('nginx'),
        'gw/Dockerfile': dockerfile('RUN bash /opt/scripts/install.sh'),
      },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning', ...atSsl }],
    },
    {
      name: 'a RUN names a path where the image holds no tree script: the release is unknown',
      files: {
        'gw/nginx.conf': nginxConf,
        'gw/scripts/build-nginx.sh': buildScript('1.26.2'),
        'gw/Dockerfile': dockerfile('RUN sh /usr/local/bin/build-nginx.sh'),
      },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning', ...atSsl }],
    },
  ],
});
