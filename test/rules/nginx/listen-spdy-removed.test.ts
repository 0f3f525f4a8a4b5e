import rule from '../../../src/rules/nginx/listen-spdy-removed';
import { ruleTester } from '../../helpers/rule-tester';

// nginx/nginx@e829392 (first in release-1.19.7) dropped the warning that skipped 'spdy' on listen since 1.9.5: from
// 1.19.7 nginx stops at start with [emerg] invalid parameter "spdy" (measured: Debian's nginx 1.22.1, nginx -t).
const CERT = 'ssl_certificate /etc/nginx/tls/site.crt;\n    ssl_certificate_key /etc/nginx/tls/site.key;';
const withListen = (listen: string) => `http {\n  server {\n    listen ${listen};\n    ${CERT}\n  }\n}\n`;

/** pataquets/docker-nginx-ssl-proxy's layout: conf.d/default.conf includes a listen snippet; confs-available holds another. */
const AVAILABLE = {
  'files/etc/nginx/conf.d/default.conf': `server {\n  include conf.d/includes/tls-port-listen;\n  ${CERT}\n}\n`,
  'files/etc/nginx/conf.d/includes/tls-port-listen': 'listen 443 ssl;\n',
  'files/etc/nginx/confs-available/tls-port-listen-spdy': 'listen 443 ssl spdy;\n',
};
const SNIPPET = '/etc/nginx/confs-available/tls-port-listen-spdy';
const ADD_BOTH =
  'ADD files/etc/nginx/conf.d/ /etc/nginx/conf.d/\nADD files/etc/nginx/confs-available/ /etc/nginx/confs-available/\n';

/** The snippet's error, naming the image's FROM and what may enable it. */
const enabledBy = (file: string, line: number) => [
  {
    messageId: 'floating',
    severity: 'error' as const,
    file: 'files/etc/nginx/confs-available/tls-port-listen-spdy',
    line: 1,
    related: [
      { file: 'Dockerfile', line: 1 },
      { file, line },
    ],
  },
];
const STILL_UNLOADED = [
  {
    messageId: 'unloaded',
    severity: 'info' as const,
    file: 'files/etc/nginx/confs-available/tls-port-listen-spdy',
    line: 1,
  },
];

ruleTester(rule, {
  valid: [
    { name: "'listen 443 ssl http2' instead", files: { 'nginx.conf': withListen('443 ssl http2') } },
    {
      name: 'spdy as a server name is no listen parameter',
      files: { 'nginx.conf': `http {\n  server {\n    listen 443 ssl;\n    server_name spdy;\n    ${CERT}\n  }\n}\n` },
    },
    {
      name: "a template's conditional decides whether it is rendered",
      files: {
        'nginx.conf.erb': `http {\n  server {\n<% if @spdy -%>\n    listen 443 ssl spdy;\n<% end -%>\n    ${CERT}\n  }\n}\n`,
      },
    },
  ],
  invalid: [
    {
      // will-ob/routinating@53aaa75 reverse-proxy/sites-enabled/c.example.com: a conf.d snippet, no release named.
      name: 'a sites-enabled snippet, no release named: a warning that says which releases refuse it',
      files: { 'sites-enabled/c.example.com': `server {\n  listen 443 ssl spdy;\n  ${CERT}\n}\n` },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          file: 'sites-enabled/c.example.com',
          line: 2,
          messageIncludes: ["'listen 443 … spdy': nginx 1.19.7 and later", 'The tree names no nginx release'],
        },
      ],
    },
    {
      name: 'the image runs nginx 1.22.1: nginx does not start',
      files: {
        'gw/nginx.conf': withListen('443 ssl spdy'),
        'gw/Dockerfile': 'FROM nginx:1.22.1\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          file: 'gw/nginx.conf',
          line: 3,
          messageIncludes: ['the image runs nginx 1.22.1: nginx stops at start with [emerg] invalid parameter "spdy"'],
          related: [{ file: 'gw/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      name: 'nginx 1.18: skipped with a warning, the next upgrade does not start',
      files: { 'gw/nginx.conf': withListen('[::]:443 ssl spdy'), 'gw/Dockerfile': 'FROM nginx:1.18.0-alpine\n' },
      errors: [
        {
          messageId: 'superseded',
          severity: 'warning',
          file: 'gw/nginx.conf',
          line: 3,
          messageIncludes: ['nginx 1.18.0, which the image runs, skips spdy with a warning'],
        },
      ],
    },
    {
      name: 'nginx 1.9.4: SPDY is spoken by a build with its module',
      files: { 'gw/nginx.conf': withListen('443 ssl spdy'), 'gw/Dockerfile': 'FROM nginx:1.9.4\n' },
      errors: [{ messageId: 'spoken', severity: 'warning', file: 'gw/nginx.conf', line: 3 }],
    },
    {
      name: 'nginx 1.19 spans 1.19.6, which skips it, and 1.19.7 on, which refuses it',
      files: { 'gw/nginx.conf': withListen('443 ssl spdy'), 'gw/Dockerfile': 'FROM nginx:1.19\n' },
      errors: [
        {
          messageId: 'releaseUnknown',
          severity: 'warning',
          file: 'gw/nginx.conf',
          line: 3,
          messageIncludes: ["The image's tag 1.19 spans releases on both sides"],
        },
      ],
    },
    {
      name: 'a template on a release that refuses it: a warning, it may render otherwise',
      files: {
        'gw/nginx.conf.erb': withListen('<%= @port %> ssl spdy'),
        'gw/Dockerfile': 'FROM nginx:1.27.3\nCOPY nginx.conf.erb /etc/nginx/templates/\n',
      },
      errors: [{ messageId: 'refused', severity: 'warning', file: 'gw/nginx.conf.erb', line: 3 }],
    },
    {
      // A tag that names no release pulls the current one (knowledge: 1.26.0 or later since 2024-04-23).
      name: 'FROM nginx: every release the tag pulls refuses it',
      files: { 'gw/nginx.conf': withListen('443 ssl spdy'), 'gw/Dockerfile': 'FROM nginx\n' },
      errors: [
        {
          messageId: 'floating',
          severity: 'error',
          file: 'gw/nginx.conf',
          line: 3,
          related: [{ file: 'gw/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      // pataquets/docker-nginx-ssl-proxy@eda70ee (GPL-3.0): the official image's nginx.conf includes conf.d/*.conf only;
      // confs-available/ holds opt-in snippets nothing includes (Debian's sites-available idiom).
      name: 'a snippet in confs-available that no include reaches: an info, it stops nginx only once enabled',
      files: {
        ...AVAILABLE,
        Dockerfile: `FROM nginx\n${ADD_BOTH}`,
      },
      errors: [
        {
          messageId: 'unloaded',
          severity: 'info',
          file: 'files/etc/nginx/confs-available/tls-port-listen-spdy',
          line: 1,
          messageIncludes: ['would stop nginx at start if enabled', 'this file lies in confs-available'],
          related: [{ file: 'files/etc/nginx/conf.d/default.conf', line: 1 }],
        },
      ],
    },
    ...[
      ['a Dockerfile copies it into conf.d', 'ADD files/etc/nginx/confs-available/ /etc/nginx/conf.d/\n'],
      [
        'a Dockerfile here-document names it',
        `${ADD_BOTH}RUN <<EOF\nln -s /etc/nginx/confs-available/tls-port-listen-spdy /etc/nginx/conf.d/listen.conf\nEOF\n`,
      ],
      [
        'a Dockerfile links it into conf.d',
        `${ADD_BOTH}RUN ln -s /etc/nginx/confs-available/tls-port-listen-spdy /etc/nginx/conf.d/listen.conf\n`,
      ],
    ].map(([name, lines]) => ({
      name: `${name}: nginx loads it, an error`,
      files: { ...AVAILABLE, Dockerfile: `FROM nginx\n${lines}` },
      errors: [
        {
          messageId: 'floating',
          severity: 'error' as const,
          file: 'files/etc/nginx/confs-available/tls-port-listen-spdy',
          line: 1,
        },
      ],
    })),
    ...[
      [
        'an entrypoint links it into conf.d',
        'ln -sf /etc/nginx/confs-available/tls-port-listen-spdy /etc/nginx/conf.d/listen.conf',
      ],
      [
        'a start script links each file of the directory, through a variable',
        'for f in /etc/nginx/confs-available/*; do ln -s "$f" /etc/nginx/conf.d/; done',
      ],
      ['a script names the source through a variable only, into conf.d', 'cp "$SNIPPET" /etc/nginx/conf.d/'],
      [
        'a start script edits nginx.conf to include the directory',
        "sed -i 's|include /etc/nginx/conf.d/\\*.conf;|&\\n    include /etc/nginx/confs-available/*;|' /etc/nginx/nginx.conf",
      ],
      [
        'a start script appends an include of it to nginx.conf',
        "echo 'include /etc/nginx/confs-available/tls-port-listen-spdy;' >> /etc/nginx/nginx.conf",
      ],
      [
        'an entrypoint renders it into conf.d',
        'envsubst < /etc/nginx/confs-available/tls-port-listen-spdy > /etc/nginx/conf.d/listen.conf',
      ],
    ].map(([name, line]) => ({
      name: `${name}: nginx may load it, an error that names the command`,
      files: {
        ...AVAILABLE,
        Dockerfile: `FROM nginx\n${ADD_BOTH}`,
        'docker-entrypoint.sh': `#!/bin/sh\nset -e\n${line}\nexec "$@"\n`,
      },
      errors: enabledBy('docker-entrypoint.sh', 3),
    })),
    ...[
      [
        'a Compose command (exec form) links it into conf.d',
        'docker-compose.yml',
        4,
        `services:\n  web:\n    build: .\n    command: ["sh", "-c", "ln -s ${SNIPPET} /etc/nginx/conf.d/listen.conf && exec nginx -g 'daemon off;'"]\n`,
      ],
      [
        'a Compose entrypoint (a string) copies the directory into conf.d',
        'docker-compose.yml',
        4,
        `services:\n  web:\n    build: .\n    entrypoint: sh -c "cp /etc/nginx/confs-available/* /etc/nginx/conf.d/ && exec nginx -g 'daemon off;'"\n`,
      ],
      [
        'a Compose volume mounts the directory at conf.d',
        'docker-compose.yml',
        5,
        'services:\n  web:\n    build: .\n    volumes:\n      - ./files/etc/nginx/confs-available:/etc/nginx/conf.d:ro\n',
      ],
      [
        'a Compose volume mounts the file in conf.d',
        'docker-compose.yml',
        5,
        'services:\n  web:\n    build: .\n    volumes:\n      - ./files/etc/nginx/confs-available/tls-port-listen-spdy:/etc/nginx/conf.d/listen.conf\n',
      ],
      [
        'a Kubernetes container renders it into conf.d (command, then args)',
        'deployment.yaml',
        13,
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: nginx\n          image: nginx:1.25\n          command: ["/bin/sh", "-c"]\n          args:\n            - envsubst < ${SNIPPET} > /etc/nginx/conf.d/listen.conf && exec nginx -g 'daemon off;'\n`,
      ],
      [
        'an Ansible file task links it into conf.d',
        'roles/nginx/tasks/main.yml',
        3,
        `- name: enable the listen snippet\n  file:\n    src: ${SNIPPET}\n    dest: /etc/nginx/conf.d/listen.conf\n    state: link\n`,
      ],
      [
        // codeenigma/ce-provision@ecf8d48 (licence none) roles/debian/nginx/tasks/domain.yml "Enable vhost." shape.
        'an Ansible file task links a file named by a Jinja expression',
        'roles/nginx/tasks/domain.yml',
        3,
        '- name: Enable vhost.\n  ansible.builtin.file:\n    src: "/etc/nginx/confs-available/{{ domain.server_name }}"\n    dest: "/etc/nginx/conf.d/{{ domain.server_name }}.conf"\n    state: link\n',
      ],
      [
        'an Ansible file task (key=value) links it into conf.d',
        'roles/nginx/tasks/main.yml',
        1,
        `- file: src=${SNIPPET} dest=/etc/nginx/conf.d/listen.conf state=link\n`,
      ],
      [
        'an Ansible template task renders it into conf.d',
        'roles/nginx/tasks/main.yml',
        2,
        '- ansible.builtin.template:\n    src: tls-port-listen-spdy\n    dest: /etc/nginx/conf.d/listen.conf\n',
      ],
      [
        'an Ansible command links it into conf.d',
        'roles/nginx/tasks/main.yml',
        1,
        `- command: ln -s ${SNIPPET} /etc/nginx/conf.d/listen.conf\n  args:\n    creates: /etc/nginx/conf.d/listen.conf\n`,
      ],
    ].map(([name, file, line, text]) => ({
      name: `${name}: nginx may load it, an error that names it`,
      files: { ...AVAILABLE, Dockerfile: `FROM nginx\n${ADD_BOTH}`, [file as string]: text as string },
      errors: enabledBy(file as string, line as number),
    })),
    ...[
      [
        'a Dockerfile RUN that only makes the directory',
        'Dockerfile',
        `FROM nginx\nRUN mkdir -p /etc/nginx/confs-available\n${ADD_BOTH}`,
      ],
      [
        'a Compose command that copies into confs-available',
        'docker-compose.yml',
        'services:\n  web:\n    build: .\n    command: sh -c "cp /tmp/extra /etc/nginx/confs-available/ && nginx"\n',
      ],
      [
        'a Compose volume of the whole nginx directory (it stays in confs-available)',
        'docker-compose.yml',
        'services:\n  web:\n    build: .\n    volumes:\n      - ./files/etc/nginx:/etc/nginx\n',
      ],
      [
        'an Ansible copy task into confs-available',
        'roles/nginx/tasks/main.yml',
        '- copy: src=files/etc/nginx/confs-available/ dest=/etc/nginx/confs-available/\n',
      ],
      [
        'an Ansible file task that makes the directory',
        'roles/nginx/tasks/main.yml',
        '- file:\n    path: /etc/nginx/confs-available\n    state: directory\n',
      ],
    ].map(([name, file, text]) => ({
      name: `${name}: still unloaded, an info`,
      files: { ...AVAILABLE, Dockerfile: `FROM nginx\n${ADD_BOTH}`, [file!]: text! },
      errors: STILL_UNLOADED,
    })),
    ...[
      [
        'a script that copies other files, by variables, elsewhere',
        'cp "$APP_JAR" /app/app.jar\nln -s /usr/share/zoneinfo/UTC /etc/localtime',
      ],
      ['a script that copies into confs-available', 'cp /tmp/extra.conf /etc/nginx/confs-available/'],
      [
        'a script that links other files of the directory',
        'ln -s /etc/nginx/confs-available/gzip /etc/nginx/conf.d/gzip.conf\ncp /etc/nginx/confs-available/*.conf /etc/nginx/conf.d/',
      ],
    ].map(([name, line]) => ({
      name: `${name}: still unloaded, an info`,
      files: {
        ...AVAILABLE,
        Dockerfile: `FROM nginx\n${ADD_BOTH}`,
        'start.sh': `#!/bin/sh\n${line}\n`,
      },
      errors: STILL_UNLOADED,
    })),
    {
      name: 'a snippet in an -available directory with nothing beside it that nginx reads: judged as loaded',
      files: {
        'files/etc/nginx/confs-available/tls-port-listen-spdy': 'listen 443 ssl spdy;\n',
        Dockerfile: 'FROM nginx\nADD files/etc/nginx/ /etc/nginx/\n',
      },
      errors: [
        {
          messageId: 'floating',
          severity: 'error',
          file: 'files/etc/nginx/confs-available/tls-port-listen-spdy',
          line: 1,
        },
      ],
    },
  ],
});
