import rule from '../../../src/rules/haproxy/removed-keyword';
import { ruleTester } from '../../helpers/rule-tester';

const cfg = (...lines: string[]) => lines.join('\n') + '\n';
/** A frontend that rewrites a request header the way HAProxy 2.0 and earlier did. */
const legacy = cfg(
  'defaults',
  '  mode http',
  '  timeout client 5s',
  'frontend web',
  '  bind :80',
  '  reqadd X-Forwarded-Proto:\\ http',
  '  default_backend app',
  'backend app',
  '  server s1 app:8080',
);

ruleTester(rule, {
  valid: [
    {
      name: 'the keywords that replaced them',
      files: {
        'lb/Dockerfile': 'FROM haproxy:2.8\n',
        'lb/haproxy.cfg': cfg(
          'global',
          '  log stdout format raw local0',
          'defaults',
          '  mode http',
          '  timeout client 5s',
          'frontend web',
          '  bind :80',
          '  http-request add-header X-Forwarded-Proto http',
          '  default_backend app',
          'backend app',
          '  http-response del-header Server',
          '  server s1 app:8080',
        ),
      },
    },
    {
      // `option redispatch` replaced the `redispatch` keyword: the word as an argument is no removed keyword.
      name: 'a removed word as an argument of its replacement',
      files: {
        'lb/Dockerfile': 'FROM haproxy:2.8\n',
        'lb/haproxy.cfg': cfg(
          'defaults',
          '  option redispatch',
          '  timeout client 5s',
          'backend app',
          '  server s1 app:8080',
        ),
      },
    },
    {
      // geerlingguy/ansible-role-haproxy@8b23ff0 templates/haproxy.cfg.j2: the old timeouts only for HAProxy 1.4 and
      // earlier (which take them), the new ones otherwise.
      name: 'a template that writes them only for releases before the removal (Ansible version test)',
      files: {
        'templates/haproxy.cfg.j2': cfg(
          'defaults',
          '  mode http',
          "{% if haproxy_version is version('1.4', '<=') %}",
          '  contimeout {{ haproxy_connect_timeout }}',
          '  clitimeout {{ haproxy_client_timeout }}',
          '{% else %}',
          '  timeout connect {{ haproxy_connect_timeout }}',
          '  timeout client {{ haproxy_client_timeout }}',
          '{% endif %}',
        ),
      },
    },
    {
      name: 'the else of a lower bound, and an ERB comparison',
      files: {
        'templates/haproxy.cfg.j2': cfg(
          'defaults',
          "{% if haproxy_version is version_compare('2.1', '>=') %}",
          '  timeout client 5s',
          '{% else %}',
          '  clitimeout 5000',
          '{% endif %}',
        ),
        'erb/templates/haproxy.cfg.erb': cfg(
          'frontend web',
          '  bind :80',
          '<% if @version.to_f < 2.1 -%>',
          '  reqadd X-Legacy:\\ 1',
          '<% end -%>',
        ),
      },
    },
  ],
  invalid: [
    {
      // Measured with Debian 12's HAProxy 2.6.12: "The 'reqadd' directive is not supported anymore since HAProxy 2.1",
      // then "Fatal errors found in configuration".
      name: 'reqadd under an image that names 2.6: an error at the keyword, the FROM related',
      files: {
        'lb/Dockerfile': 'FROM haproxy:2.6\nCOPY haproxy.cfg /usr/local/etc/haproxy/\n',
        'lb/haproxy.cfg': legacy,
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          file: 'lb/haproxy.cfg',
          line: 6,
          messageIncludes: ["'reqadd' is not supported anymore since HAProxy 2.1", 'HAProxy 2.6'],
          related: [{ file: 'lb/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      name: 'the same under HAProxy 2.0: it starts today, the next upgrade stops it (a warning)',
      files: { 'lb/Dockerfile': 'FROM haproxy:2.0.33\n', 'lb/haproxy.cfg': legacy },
      errors: [{ messageId: 'older', severity: 'warning', file: 'lb/haproxy.cfg', line: 6 }],
    },
    {
      // otgrkiss/vagrant-docker-haproxy-tls@0525c5c haproxy-tls1_2.cfg: `debug` in global, run by `image: haproxy`.
      name: 'global debug, the release unnamed (image: haproxy): a warning saying what to declare',
      files: {
        'docker-compose.yml':
          'services:\n  lb:\n    image: haproxy\n    volumes:\n      - ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg\n',
        'haproxy.cfg': cfg('global', '  debug', '  maxconn 256', 'frontend web', '  bind :80', '  default_backend app'),
      },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          file: 'haproxy.cfg',
          line: 2,
          messageIncludes: ["'debug' was removed in HAProxy 2.3", 'names no HAProxy release'],
        },
      ],
    },
    {
      // haproxy-ssl-poc/haproxy-cfg@1653d7b (no licence file) ha.sh runs cfg/haproxy.cfg (global `debug`) with
      // `docker run … -v $(pwd)/cfg/haproxy.cfg:/etc/haproxy/haproxy.cfg … haproxy:1.9.10`: 1.9 still takes `debug`.
      name: "global debug, a script's docker run mounting the file names 1.9.10: it starts today (a warning naming it)",
      files: {
        'ha.sh':
          '#!/bin/sh\ndocker run -d -p443:443 -v $(pwd)/certs:/etc/certs -v $(pwd)/cfg/haproxy.cfg:/etc/haproxy/haproxy.cfg --rm --name ilb haproxy:1.9.10 haproxy -f /etc/haproxy/haproxy.cfg\n',
        'cfg/haproxy.cfg': cfg('global', '  debug', 'frontend web', '  bind :80', '  default_backend app'),
      },
      errors: [
        {
          messageId: 'older',
          severity: 'warning',
          file: 'cfg/haproxy.cfg',
          line: 2,
          messageIncludes: ['HAProxy 1.9.10, which the image runs, still takes it'],
          related: [{ file: 'ha.sh', line: 2 }],
        },
      ],
    },
    {
      // The run mounts another file, or a path outside the tree: it says nothing of this one.
      name: "global debug, a script's docker run mounting another file: the release stays unnamed",
      files: {
        'ha.sh': 'docker run -v $(pwd)/other.cfg:/usr/local/etc/haproxy/haproxy.cfg -v /srv/cfg:/cfg haproxy:1.9.10\n',
        'cfg/haproxy.cfg': cfg('global', '  debug', 'frontend web', '  bind :80', '  default_backend app'),
      },
      errors: [{ messageId: 'releaseUnknown', severity: 'warning', file: 'cfg/haproxy.cfg', line: 2 }],
    },
    {
      name: 'old timeouts and rspdel in a backend, one finding each',
      files: {
        'lb/Dockerfile': 'FROM haproxy:3.0\n',
        'lb/haproxy.cfg': cfg('backend app', '  clitimeout 5000', '  rspdel ^Server:.*', '  server s1 app:8080'),
      },
      errors: [
        { messageId: 'refused', file: 'lb/haproxy.cfg', line: 2, messageIncludes: ["'clitimeout'"] },
        { messageId: 'refused', file: 'lb/haproxy.cfg', line: 3, messageIncludes: ["'rspdel'"] },
      ],
    },
    {
      // `< 2.2` lets 2.1 in, `or` any release, and the operating system's version bounds no HAProxy release.
      name: 'template bounds that do not keep the removed releases out: warnings',
      files: {
        'templates/haproxy.cfg.j2': cfg(
          'defaults',
          "{% if haproxy_version is version('2.2', '<') %}",
          '  contimeout 5000',
          '{% endif %}',
          "{% if haproxy_version is version('1.4', '<=') or legacy %}",
          '  clitimeout 5000',
          '{% endif %}',
          "{% if ansible_distribution_version is version('1.4', '<=') %}",
          '  srvtimeout 5000',
          '{% endif %}',
        ),
      },
      errors: [
        { messageId: 'releaseUnknown', severity: 'warning', file: 'templates/haproxy.cfg.j2', line: 3 },
        { messageId: 'releaseUnknown', severity: 'warning', file: 'templates/haproxy.cfg.j2', line: 6 },
        { messageId: 'releaseUnknown', severity: 'warning', file: 'templates/haproxy.cfg.j2', line: 9 },
      ],
    },
    {
      // HAProxy 2.4+ reads a .if block only when its condition holds at start-up.
      name: 'inside .if … .endif: a warning, the condition decides',
      files: {
        'lb/Dockerfile': 'FROM haproxy:2.6\n',
        'lb/haproxy.cfg': cfg('frontend web', '  bind :80', '.if defined(LEGACY)', '  reqadd X-Legacy:\\ 1', '.endif'),
      },
      errors: [{ messageId: 'refused', severity: 'warning', file: 'lb/haproxy.cfg', line: 4 }],
    },
  ],
});
