import rule from '../../../src/rules/nginx/spdy-directive-removed';
import { ruleTester } from '../../helpers/rule-tester';

// nginx/nginx@e829392 (first in release-1.19.7) removed the spdy_* directives the HTTP/2 module had ignored with a
// warning since 1.9.5: from 1.19.7 nginx stops at start with [emerg] unknown directive (measured: Debian's nginx 1.22.1).
const CERT = 'ssl_certificate /etc/nginx/tls/site.crt;\n  ssl_certificate_key /etc/nginx/tls/site.key;';
const server = (extra: string) => `server {\n  listen 443 ssl http2;\n  ${CERT}\n  ${extra}\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'http2_* settings instead', files: { 'conf.d/site.conf': server('http2_max_field_size 16k;') } },
    {
      name: 'a commented-out line is no directive',
      files: { 'conf.d/site.conf': server('#spdy_headers_comp 5;') },
    },
    {
      name: 'a map entry named like one is no directive',
      files: {
        'nginx.conf': `http {\n  map $http_upgrade $spdy_headers_comp {\n    spdy_headers_comp 1;\n  }\n  ${server('')}}\n`,
      },
    },
    {
      name: "a template's conditional decides whether it is rendered",
      files: {
        'conf.d/site.conf.erb': server('<% if @spdy -%>\n  spdy_headers_comp 6;\n<% end -%>'),
      },
    },
  ],
  invalid: [
    {
      // linode/docs, Buildbot guide: listen … http2 with a leftover spdy_headers_comp, no release named.
      name: 'a conf.d snippet, no release named: a warning that says which releases refuse it',
      files: { 'conf.d/site.conf': server('spdy_headers_comp 5;') },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          file: 'conf.d/site.conf',
          line: 5,
          column: 3,
          messageIncludes: [
            "'spdy_headers_comp': nginx 1.19.7 and later",
            '[emerg] unknown directive "spdy_headers_comp"',
            'The tree names no nginx release',
          ],
        },
      ],
    },
    {
      name: 'the image runs nginx 1.22.1, the directive inside a location: nginx does not start',
      files: {
        'gw/nginx.conf': `events {}\nhttp {\n  ${server('location / {\n    spdy_chunk_size 8k;\n  }')}}\n`,
        'gw/Dockerfile': 'FROM nginx:1.22.1\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          file: 'gw/nginx.conf',
          line: 8,
          messageIncludes: [
            'the image runs nginx 1.22.1: nginx stops at start with [emerg] unknown directive "spdy_chunk_size"',
          ],
          related: [{ file: 'gw/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      name: 'nginx 1.18: ignored with a warning, the next upgrade does not start',
      files: {
        'gw/site.conf': server('spdy_keepalive_timeout 300;'),
        'gw/Dockerfile': 'FROM nginx:1.18.0-alpine\nCOPY site.conf /etc/nginx/conf.d/\n',
      },
      errors: [
        {
          messageId: 'superseded',
          severity: 'warning',
          file: 'gw/site.conf',
          line: 5,
          messageIncludes: ['nginx 1.18.0, which the image runs, ignores it with a warning'],
        },
      ],
    },
    {
      name: 'nginx 1.9.4: a build with the SPDY module takes it',
      files: { 'gw/site.conf': server('spdy_headers_comp 6;'), 'gw/Dockerfile': 'FROM nginx:1.9.4\n' },
      errors: [{ messageId: 'spoken', severity: 'warning', file: 'gw/site.conf', line: 5 }],
    },
    {
      name: 'nginx 1.19 spans 1.19.6, which ignores it, and 1.19.7 on, which refuses it',
      files: { 'gw/site.conf': server('spdy_headers_comp 6;'), 'gw/Dockerfile': 'FROM nginx:1.19\n' },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          file: 'gw/site.conf',
          line: 5,
          messageIncludes: ["The image's tag 1.19 spans releases on both sides"],
        },
      ],
    },
    {
      name: 'brought by an include, and a template on a release that refuses it: a warning, it may render otherwise',
      files: {
        'gw/nginx.conf': `events {}\nhttp {\n  include conf.d/*.conf;\n}\n`,
        'gw/conf.d/a.conf': server('spdy_recv_timeout 30s;'),
        // A value alone on its line generates lines of its own: what renders is unknown.
        'gw/site.conf.erb': server('<%= @extra %>\n  spdy_pool_size 4k;'),
        'gw/Dockerfile': 'FROM nginx:1.27.3\nCOPY . /etc/nginx/\n',
      },
      errors: [
        { messageId: 'refused', severity: 'error', file: 'gw/conf.d/a.conf', line: 5 },
        { messageId: 'refused', severity: 'warning', file: 'gw/site.conf.erb', line: 6 },
      ],
    },
    {
      name: 'in a sites-available file beside sites-enabled, which nothing includes: an info',
      files: {
        'etc/nginx/sites-enabled/default': server('listen 80;'),
        'etc/nginx/sites-available/old': server('spdy_headers_comp 6;'),
        Dockerfile: 'FROM nginx\nCOPY etc/nginx/ /etc/nginx/\n',
      },
      errors: [{ messageId: 'unloaded', severity: 'info', file: 'etc/nginx/sites-available/old', line: 5 }],
    },
    {
      // A tag that names no release pulls the current one (knowledge: 1.26.0 or later since 2024-04-23).
      name: 'FROM nginx:alpine: every release the tag pulls refuses it',
      files: {
        'gw/nginx.conf': `events {}\nhttp {\n  ${server('spdy_headers_comp 6;')}}\n`,
        'gw/Dockerfile': 'FROM nginx:alpine\nCOPY nginx.conf /etc/nginx/\n',
      },
      errors: [{ messageId: 'floating', severity: 'error', file: 'gw/nginx.conf', line: 7 }],
    },
  ],
});
