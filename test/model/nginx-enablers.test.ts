import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../src/rules/nginx/listen-spdy-removed';
import { lintTree } from '../engine/lint-helper';
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
    // The shape of a log-redaction check script that runs the host's Debian layout in a container.
    "a script mounts the directory at sites-enabled through a bash array's items",
    'check.sh',
    '#!/usr/bin/env bash\nDIR="$(cd "$(dirname "$0")" && pwd)"\nmounts=(-v "$DIR/nginx/nginx.conf:/etc/nginx/nginx.conf:ro" -v "$DIR/nginx/sites-available:/etc/nginx/sites-enabled:ro")\ndocker run -d --name check "${mounts[@]}" "${NGINX_IMAGE:-nginx:1.27}"\n',
    3,
  ],
  [
    'a script mounts a directory a variable names at conf.d',
    'run.sh',
    '#!/bin/sh\ndocker run -v "$SITES:/etc/nginx/conf.d" nginx\n',
    2,
  ],
];

// Chef, Puppet and Salt resources (src/parse/provisioning-placements.ts).
const RECIPE = 'cookbooks/web/recipes/default.rb';
const MANIFEST = 'modules/web/manifests/init.pp';
const STATE = 'salt/web/init.sls';
enabling.push(
  [
    'a Chef link resource links it into sites-enabled',
    RECIPE,
    "link '/etc/nginx/sites-enabled/a.conf' do\n  to '/etc/nginx/sites-available/a.conf'\nend\n",
    1,
  ],
  [
    'a Chef link resource links a site an attribute names',
    RECIPE,
    "site = node['web']['site']\nlink \"#{node['nginx']['dir']}/sites-enabled/#{site}\" do\n  to \"#{node['nginx']['dir']}/sites-available/#{site}\"\nend\n",
    2,
  ],
  ["the nginx cookbook's nginx_site enables it", RECIPE, "nginx_site 'a.conf' do\n  action :enable\nend\n", 1],
  [
    'a Chef execute resource links it',
    RECIPE,
    "execute 'enable a' do\n  command 'ln -sf /etc/nginx/sites-available/a.conf /etc/nginx/sites-enabled/'\nend\n",
    1,
  ],
  [
    'a Puppet file resource links it into sites-enabled',
    MANIFEST,
    "class web {\n  file { '/etc/nginx/sites-enabled/a.conf':\n    ensure => link,\n    target => '/etc/nginx/sites-available/a.conf',\n  }\n}\n",
    2,
  ],
  [
    'a Puppet file resource copies it from the module into conf.d',
    MANIFEST,
    "file { '/etc/nginx/conf.d/a.conf':\n  ensure => file,\n  source => 'puppet:///modules/web/sites-available/a.conf',\n}\n",
    1,
  ],
  [
    'a Salt file.symlink links it into sites-enabled',
    STATE,
    '/etc/nginx/sites-enabled/a.conf:\n  file.symlink:\n    - target: /etc/nginx/sites-available/a.conf\n',
    2,
  ],
  [
    'a Salt file.managed puts it in conf.d from the master',
    STATE,
    'web-site:\n  file.managed:\n    - name: /etc/nginx/conf.d/a.conf\n    - source: salt://web/sites-available/a.conf\n',
    2,
  ],
);

const notEnabling: Case[] = [
  [
    'a Puppet file resource puts it in sites-available',
    MANIFEST,
    "file { '/etc/nginx/sites-available/a.conf':\n  source => 'puppet:///modules/web/a.conf',\n}\n",
  ],
  [
    'a Chef link resource links another site',
    RECIPE,
    "link '/etc/nginx/sites-enabled/b.conf' do\n  to '/etc/nginx/sites-available/b.conf'\nend\n",
  ],
  [
    'a Salt file.managed puts it in sites-available',
    STATE,
    '/etc/nginx/sites-available/a.conf:\n  file.managed:\n    - source: salt://web/sites-available/a.conf\n',
  ],
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

/** A Deployment whose container mounts ConfigMap `name` at `mountPath` (line 13; a subPath on line 14). */
const deployment = (name: string, mountPath: string, subPath?: string) =>
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n' +
  '        - name: web\n          image: registry.example/web:1\n          volumeMounts:\n            - name: sites\n' +
  `              mountPath: ${mountPath}\n${subPath ? `              subPath: ${subPath}\n` : ''}` +
  `      volumes:\n        - name: sites\n          configMap:\n            name: ${name}\n`;
const kubectl = (args: string) =>
  `#!/bin/sh\nkubectl -n web create configmap nginx-sites ${args} --dry-run=client -o yaml | kubectl apply -f -\n`;
const HELM_CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nginx-sites\ndata:\n';

type ConfigMapCase = [name: string, files: Record<string, string>, related: [string, number][]];

const configMapEnabling: ConfigMapCase[] = [
  [
    'kubectl makes a ConfigMap of it that a Deployment mounts at conf.d',
    {
      'deploy.sh': kubectl('--from-file=nginx/sites-available/a.conf'),
      'k8s/web.yaml': deployment('nginx-sites', '/etc/nginx/conf.d'),
    },
    [
      ['deploy.sh', 2],
      ['k8s/web.yaml', 13],
    ],
  ],
  [
    'kubectl makes it a key of its own that a subPath mounts in conf.d',
    {
      'deploy.sh': kubectl('--from-file=site.conf=./nginx/sites-available/a.conf'),
      'k8s/web.yaml': deployment('nginx-sites', '/etc/nginx/conf.d/site.conf', 'site.conf'),
    },
    [
      ['deploy.sh', 2],
      ['k8s/web.yaml', 13],
    ],
  ],
  [
    'kubectl makes a ConfigMap of the directory, mounted at sites-enabled',
    {
      'deploy.sh': kubectl('--from-file nginx/sites-available'),
      'k8s/web.yaml': deployment('nginx-sites', '/etc/nginx/sites-enabled'),
    },
    [
      ['deploy.sh', 2],
      ['k8s/web.yaml', 13],
    ],
  ],
  [
    'kubectl makes a ConfigMap no Pod of the tree mounts (where it goes is unknown)',
    { 'deploy.sh': kubectl('--from-file=nginx/sites-available/a.conf') },
    [['deploy.sh', 2]],
  ],
  [
    "a kustomization's configMapGenerator makes it a ConfigMap mounted at conf.d",
    {
      'k8s/kustomization.yaml':
        'resources:\n  - web.yaml\nconfigMapGenerator:\n  - name: nginx-sites\n    files:\n      - ../nginx/sites-available/a.conf\n',
      'k8s/web.yaml': deployment('nginx-sites', '/etc/nginx/conf.d'),
    },
    [
      ['k8s/kustomization.yaml', 6],
      ['k8s/web.yaml', 13],
    ],
  ],
  [
    "a Helm template's .Files.Get puts it in a ConfigMap mounted at conf.d",
    {
      'nginx/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'nginx/templates/configmap.yaml': `${HELM_CONFIG_MAP}  a.conf: |-\n{{ .Files.Get "sites-available/a.conf" | indent 4 }}\n`,
      'nginx/templates/web.yaml': deployment('nginx-sites', '/etc/nginx/conf.d'),
    },
    [
      ['nginx/templates/configmap.yaml', 7],
      ['nginx/templates/web.yaml', 13],
    ],
  ],
  [
    "a Helm template's .Files.Glob AsConfig puts the directory in a ConfigMap mounted at sites-enabled",
    {
      'nginx/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'nginx/templates/configmap.yaml': `${HELM_CONFIG_MAP}{{ (.Files.Glob "sites-available/*").AsConfig | indent 2 }}\n`,
      'nginx/templates/web.yaml': deployment('nginx-sites', '/etc/nginx/sites-enabled'),
    },
    [
      ['nginx/templates/configmap.yaml', 6],
      ['nginx/templates/web.yaml', 13],
    ],
  ],
];

/** The cases whose Pod mounts the ConfigMap elsewhere: the mount is named, it decides the verdict. */
const configMapNotEnabling: [string, Record<string, string>, mountNamed?: boolean][] = [
  [
    'kubectl makes a ConfigMap of it mounted at sites-available',
    {
      'deploy.sh': kubectl('--from-file=nginx/sites-available/a.conf'),
      'k8s/web.yaml': deployment('nginx-sites', '/etc/nginx/sites-available'),
    },
    true,
  ],
  [
    'kubectl makes a ConfigMap of another site, mounted at conf.d',
    {
      'deploy.sh': kubectl('--from-file=nginx/sites-available/b.conf'),
      'k8s/web.yaml': deployment('nginx-sites', '/etc/nginx/conf.d'),
    },
  ],
  [
    'a subPath mounts another key of the directory in conf.d',
    {
      'deploy.sh': kubectl('--from-file=nginx/sites-available'),
      'k8s/web.yaml': deployment('nginx-sites', '/etc/nginx/conf.d/b.conf', 'b.conf'),
    },
    true,
  ],
  [
    "a kustomization's configMapGenerator makes a ConfigMap of another file",
    {
      'k8s/kustomization.yaml':
        'configMapGenerator:\n  - name: nginx-sites\n    files:\n      - ../nginx/conf.d/default.conf\n',
      'k8s/web.yaml': deployment('nginx-sites', '/etc/nginx/conf.d'),
    },
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
    ...configMapEnabling.map(([name, files, related]) => ({
      name: `${name}: nginx may load it, an error naming where it is made and mounted`,
      files: { ...TREE, ...files },
      errors: [
        {
          ...enabledBy('', 0)[0]!,
          related: [{ file: 'Dockerfile', line: 1 }, ...related.map(([file, line]) => ({ file, line }))],
        },
      ],
    })),
    ...configMapNotEnabling.map(([name, files, mountNamed]) => ({
      name: `${name}: still unloaded, an info${mountNamed ? ' naming the mount' : ''}`,
      files: { ...TREE, ...files },
      errors: [
        {
          ...UNLOADED[0]!,
          related: [{ file: 'nginx/nginx.conf', line: 1 }, ...(mountNamed ? [{ file: 'k8s/web.yaml', line: 13 }] : [])],
        },
      ],
    })),
  ],
});

// Symbolic links, as the walk met them (Deployment.treeLinks): the model reads no file system.
describe('symbolic links beside the site', () => {
  it.each([
    [
      'a link to it in sites-enabled',
      'nginx/sites-enabled/a.conf',
      '../sites-available/a.conf',
      'error',
      ['nginx/sites-enabled/a.conf'],
    ],
    [
      'sites-enabled, a link to sites-available',
      'nginx/sites-enabled',
      'sites-available',
      'error',
      ['nginx/sites-enabled'],
    ],
    // Where it leads is a path of the machine it is deployed on: unknown, so judged as loaded, naming nothing.
    ['a dangling link beside it', 'nginx/sites-enabled/a.conf', '/etc/nginx/sites-available/a.conf', 'error', []],
    ['a link to another site', 'nginx/sites-enabled/b.conf', '../sites-available/b.conf', 'info', ['nginx/nginx.conf']],
  ])('%s', (_name, link, target, severity, related) => {
    const { findings, root } = lintTree(
      { ...TREE, 'nginx/sites-available/b.conf': 'server {\n  listen 80;\n}\n' },
      {
        builtIn: ['nginx/listen-spdy-removed'],
        prepare: (at) => {
          fs.mkdirSync(path.dirname(path.join(at, link)), { recursive: true });
          fs.symlinkSync(target, path.join(at, link));
        },
      },
    );
    const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
    const found = findings.filter((f) => f.ruleId === 'nginx/listen-spdy-removed');
    expect(found.map((f) => [relative(f.location.file), f.severity])).toEqual([[SITE, severity]]);
    expect((found[0]?.related ?? []).map((r) => relative(r.file)).filter((f) => f !== 'Dockerfile')).toEqual(related);
  });
});
