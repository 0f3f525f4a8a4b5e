import rule from '../../src/rules/nginx/listen-spdy-removed';
import { ruleTester } from '../helpers/rule-tester';

/**
 * What may enable a site of sites-available that no include reaches (src/model/nginx-enablers.ts), seen through a rule
 * whose verdict is "nginx does not start": an enabler makes it an error naming the enabler, nothing makes it an info.
 */
const SITE = 'nginx/sites-available/a.conf';
const TREE = {
  'nginx/nginx.conf':
    'events {}\nhttp {\n  include /etc/nginx/conf.d/*.conf;\n  include /etc/nginx/sites-enabled/*;\n}\n',
  'nginx/conf.d/default.conf': 'server {\n  listen 80;\n}\n',
  [SITE]:
    'server {\n  listen 443 ssl spdy;\n  ssl_certificate /etc/nginx/tls/a.crt;\n  ssl_certificate_key /etc/nginx/tls/a.key;\n}\n',
  Dockerfile: 'FROM nginx\nCOPY nginx/ /etc/nginx/\n',
};
const enabledBy = (file: string, line: number) => [
  {
    messageId: 'floating',
    severity: 'error' as const,
    file: SITE,
    line: 2,
    related: [
      { file: 'Dockerfile', line: 1 },
      { file, line },
    ],
  },
];
const UNLOADED = [{ messageId: 'unloaded', severity: 'info' as const, file: SITE, line: 2 }];

type Case = [name: string, file: string, text: string, line?: number];

const enabling: Case[] = [
  // docker run bind mounts, in a script or a Makefile recipe (read as Compose's).
  [
    'a script mounts the file in conf.d',
    'run.sh',
    '#!/bin/sh\ndocker run -d -v "$PWD/nginx/sites-available/a.conf:/etc/nginx/conf.d/a.conf:ro" nginx\n',
    2,
  ],
  [
    'a script mounts the directory at sites-enabled',
    'run.sh',
    '#!/bin/sh\ndocker run --rm \\\n  -v $(pwd)/nginx/sites-available:/etc/nginx/sites-enabled \\\n  nginx:1.25\n',
    3,
  ],
  [
    'a Makefile mounts the file with --mount type=bind',
    'Makefile',
    'up:\n\t@docker run --mount type=bind,source=$(CURDIR)/nginx/sites-available/a.conf,target=/etc/nginx/conf.d/a.conf nginx\n',
    2,
  ],
  [
    'a script mounts a directory a variable names at conf.d',
    'run.sh',
    '#!/bin/sh\ndocker run -v "$SITES:/etc/nginx/conf.d" nginx\n',
    2,
  ],
];

const notEnabling: Case[] = [
  [
    'a script mounts the whole nginx directory (it stays in sites-available)',
    'run.sh',
    '#!/bin/sh\ndocker run -v $PWD/nginx:/etc/nginx:ro nginx\n',
  ],
  [
    'a script mounts the directory at its own name',
    'run.sh',
    '#!/bin/sh\ndocker run -v $PWD/nginx/sites-available:/etc/nginx/sites-available nginx\n',
  ],
  [
    'a script mounts a named volume at conf.d',
    'run.sh',
    '#!/bin/sh\ndocker run -v sites-available:/etc/nginx/conf.d nginx\n',
  ],
];

ruleTester(rule, {
  valid: [],
  invalid: [
    { name: 'nothing enables it: an info', files: TREE, errors: UNLOADED },
    ...enabling.map(([name, file, text, line]) => ({
      name: `${name}: nginx may load it, an error naming it`,
      files: { ...TREE, [file]: text },
      errors: enabledBy(file, line!),
    })),
    ...notEnabling.map(([name, file, text]) => ({
      name: `${name}: still unloaded, an info`,
      files: { ...TREE, [file]: text },
      errors: UNLOADED,
    })),
  ],
});
