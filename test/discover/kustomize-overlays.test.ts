import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { discover } from '../../src/discover/discover';
import { temporaryTrees, type Tree } from '../helpers/rule-tester';

// Heuristic "Kustomize overlays" (src/discover/kustomize.ts, docs/deployments.md): two overlays of a tree are two
// deployments, each its own directory's files and its bases'; a base's generator input that an overlay's generator
// replaces is not the overlay's. Field names and semantics: kubernetes-sigs/kustomize@401be204 (api/v0.21.1).
const { tree } = temporaryTrees();
const cli = path.resolve(__dirname, '../../dist/cli.js');

const kustomization = (lines: string[]) => lines.join('\n') + '\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: orders}\n';
const spring = (protocols: string) =>
  `server:\n  port: 8443\n  ssl:\n    enabled: true\n    key-store: /certs/ks.p12\n    enabled-protocols: ${protocols}\n`;

/** A base generating orders-config from application.yml, and two overlays naming it. */
const BASE = {
  'k8s/base/kustomization.yaml': kustomization([
    'resources:',
    '  - deployment.yaml',
    'configMapGenerator:',
    '  - name: orders-config',
    '    files:',
    '      - application.yml',
  ]),
  'k8s/base/deployment.yaml': DEPLOYMENT,
  'k8s/base/application.yml': spring('TLSv1.2'),
};
const overlay = (name: string, extra: string[] = [], files: Tree = {}): Tree => ({
  [`k8s/overlays/${name}/kustomization.yaml`]: kustomization(['resources:', '  - ../../base', ...extra]),
  ...Object.fromEntries(Object.entries(files).map(([file, text]) => [`k8s/overlays/${name}/${file}`, text])),
});
const merge = (behavior: string, source = 'application.yml') => [
  'configMapGenerator:',
  '  - name: orders-config',
  `    behavior: ${behavior}`,
  '    files:',
  `      - ${source}`,
];

interface Found {
  name: string;
  files: string[];
}
const baseFiles = ['k8s/base/application.yml', 'k8s/base/deployment.yaml', 'k8s/base/kustomization.yaml'];
/** The deployment of an overlay and the base: the base's files and the overlay's kustomization, or the files given. */
const deploymentOf = (name: string, files = [...baseFiles, `k8s/overlays/${name}/kustomization.yaml`]): Found => ({
  name: `k8s/{base,overlays/${name}}`,
  files,
});
const DEV = deploymentOf('dev');

describe('Kustomize overlays are the deployments they are', () => {
  const found = (files: Tree, paths = ['.']) => {
    const root = fs.realpathSync(tree(files));
    const rel = (p: string) => path.relative(root, p).split(path.sep).join('/') || '.';
    return discover({ paths, cwd: root, config: defaultConfig(root) }).map((d) => ({
      name: rel(d.name ?? d.root),
      files: d.files.map(rel),
      reason: d.reason,
    }));
  };

  it.each<[string, Tree, Found[]]>([
    [
      'two overlays of one base: two deployments, each with the base; the rest of the tree stays at the top',
      { ...BASE, ...overlay('dev'), ...overlay('prod'), Dockerfile: 'FROM eclipse-temurin:17-jre\n' },
      [{ name: '.', files: ['Dockerfile'] }, DEV, deploymentOf('prod')],
    ],
    [
      "an overlay's generator with behavior: merge gives the key application.yml its file: the base's is not that overlay's",
      {
        ...BASE,
        ...overlay('dev'),
        ...overlay('prod', merge('merge'), { 'application.yml': spring('TLSv1.3') }),
      },
      [
        DEV,
        deploymentOf('prod', [
          'k8s/base/deployment.yaml',
          'k8s/base/kustomization.yaml',
          'k8s/overlays/prod/application.yml',
          'k8s/overlays/prod/kustomization.yaml',
        ]),
      ],
    ],
    [
      'merge under another key (application-prod.yml) adds a key: the base file stays',
      {
        ...BASE,
        ...overlay('dev'),
        ...overlay('prod', merge('merge', 'application-prod.yml'), { 'application-prod.yml': spring('TLSv1.3') }),
      },
      [
        DEV,
        deploymentOf('prod', [
          ...baseFiles,
          'k8s/overlays/prod/application-prod.yml',
          'k8s/overlays/prod/kustomization.yaml',
        ]),
      ],
    ],
    [
      'behavior: replace takes the whole object, whatever its keys (key=path form)',
      {
        ...BASE,
        ...overlay('dev'),
        ...overlay('prod', merge('replace', 'config.yml=prod.yml'), { 'prod.yml': spring('TLSv1.3') }),
      },
      [
        DEV,
        deploymentOf('prod', [
          'k8s/base/deployment.yaml',
          'k8s/base/kustomization.yaml',
          'k8s/overlays/prod/kustomization.yaml',
          'k8s/overlays/prod/prod.yml',
        ]),
      ],
    ],
    [
      'a base file every overlay replaces is deployed by none: it stays with the files outside every deployment',
      {
        ...BASE,
        ...overlay('dev', merge('merge'), { 'application.yml': spring('TLSv1.2') }),
        ...overlay('prod', merge('replace'), { 'application.yml': spring('TLSv1.3') }),
      },
      [
        { name: '.', files: ['k8s/base/application.yml'] },
        deploymentOf('dev', [
          'k8s/base/deployment.yaml',
          'k8s/base/kustomization.yaml',
          'k8s/overlays/dev/application.yml',
          'k8s/overlays/dev/kustomization.yaml',
        ]),
        deploymentOf('prod', [
          'k8s/base/deployment.yaml',
          'k8s/base/kustomization.yaml',
          'k8s/overlays/prod/application.yml',
          'k8s/overlays/prod/kustomization.yaml',
        ]),
      ],
    ],
    [
      'behavior: create of a name the base generates is a build error kustomize refuses: nothing is left out',
      { ...BASE, ...overlay('dev'), ...overlay('prod', merge('create'), { 'application.yml': spring('TLSv1.3') }) },
      [
        DEV,
        deploymentOf('prod', [
          ...baseFiles,
          'k8s/overlays/prod/application.yml',
          'k8s/overlays/prod/kustomization.yaml',
        ]),
      ],
    ],
    [
      'the old bases: field, a kustomization.yml and a file named Kustomization are read',
      {
        'base/Kustomization': 'resources:\n- svc.yaml\n',
        'base/svc.yaml': DEPLOYMENT,
        'dev/kustomization.yml': 'bases:\n- ../base\n',
        'prod/kustomization.yaml': 'bases:\n  - ../base/\n',
      },
      [
        { name: '{base,dev}', files: ['base/Kustomization', 'base/svc.yaml', 'dev/kustomization.yml'] },
        { name: '{base,prod}', files: ['base/Kustomization', 'base/svc.yaml', 'prod/kustomization.yaml'] },
      ],
    ],
    [
      'an overlay through another (prod names staging, staging names base): staging is a base of prod, no deployment of its own',
      {
        ...BASE,
        ...overlay('dev'),
        'k8s/overlays/staging/kustomization.yaml': 'resources:\n  - ../../base\n',
        'k8s/overlays/prod/kustomization.yaml': 'resources:\n  - ../staging\n',
      },
      [
        DEV,
        {
          name: 'k8s/{base,overlays/prod,overlays/staging}',
          files: [...baseFiles, 'k8s/overlays/prod/kustomization.yaml', 'k8s/overlays/staging/kustomization.yaml'],
        },
      ],
    ],
    [
      "a Flux Kustomization (kustomize.toolkit.fluxcd.io) is no kustomize file: it names no base (VadymKhvoinytskyi/rd-fluxcd-lesson@551191a's root)",
      {
        ...BASE,
        ...overlay('dev'),
        ...overlay('prod'),
        'flux/kustomization.yaml':
          'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: app}\nresources:\n  - ../k8s/base\n',
      },
      [DEV, deploymentOf('prod')],
    ],
    [
      'duplicate keys: the last wins, as kustomize decodes the file (MRoc/kubernetes-kustomize-playground@eb5063c writes patches: twice)',
      {
        ...BASE,
        ...overlay('dev', ['patches:', '- path: a.yaml', 'patches:', '- path: b.yaml']),
        ...overlay('prod', ['patches:', '- path: a.yaml', 'patches:', '- path: b.yaml']),
      },
      [DEV, deploymentOf('prod')],
    ],
    [
      // kubernetes-sigs/kustomize@12f9e639 examples/springboot: the staging overlay merges application.properties over
      // the base's demo-configmap, production patches the Deployment only.
      'the layout of kubernetes-sigs/kustomize@12f9e639 examples/springboot',
      {
        'base/kustomization.yaml':
          'resources:\n- deployment.yaml\n- service.yaml\nconfigMapGenerator:\n- name: demo-configmap\n  files:\n    - application.properties\n',
        'base/application.properties': 'app.name=Staging Kinflate Demo\n',
        'base/deployment.yaml': DEPLOYMENT,
        'base/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: sbdemo}\n',
        'overlays/production/kustomization.yaml':
          'resources:\n- ../../base\npatches:\n- path: patch.yaml\nnamePrefix: production-\n',
        'overlays/production/patch.yaml': DEPLOYMENT,
        'overlays/staging/kustomization.yaml':
          'resources:\n- ../../base\nnamePrefix: staging-\nconfigMapGenerator:\n- name: demo-configmap\n  behavior: merge\n  files:\n    - application.properties\n  literals:\n    - foo=bar\n  env: staging.env\n',
        'overlays/staging/application.properties': 'app.env=staging\n',
        'overlays/staging/staging.env': 'staging\n',
      },
      [
        {
          name: '{base,overlays/production}',
          files: [
            'base/application.properties',
            'base/deployment.yaml',
            'base/kustomization.yaml',
            'base/service.yaml',
            'overlays/production/kustomization.yaml',
            'overlays/production/patch.yaml',
          ],
        },
        {
          name: '{base,overlays/staging}',
          files: [
            'base/deployment.yaml',
            'base/kustomization.yaml',
            'base/service.yaml',
            'overlays/staging/application.properties',
            'overlays/staging/kustomization.yaml',
            'overlays/staging/staging.env',
          ],
        },
      ],
    ],
  ])('%s', (_, files, expected) => {
    expect(found(files).map(({ name, files }) => ({ name, files }))).toEqual(expected);
  });

  it('--debug names each overlay, the base files it leaves out and the remote resources it does not read', () => {
    const [dev, prod] = found({
      ...BASE,
      ...overlay('dev', ['  - github.com/example/app//deploy?ref=v1.2.0']),
      ...overlay('prod', merge('merge'), { 'application.yml': spring('TLSv1.3') }),
    });
    expect(dev?.reason).toBe(
      'content: k8s/{base,overlays/dev} is the Kustomize overlay k8s/overlays/dev with the base it builds on (k8s/base), one of the 2 overlays of k8s/overlays; heuristic "Kustomize overlays"; ' +
        'k8s/overlays/dev/kustomization.yaml:3 names the remote resource github.com/example/app//deploy?ref=v1.2.0: not read, what it adds is unknown',
    );
    expect(prod?.reason).toContain(
      '; k8s/base/application.yml left out: k8s/overlays/prod/kustomization.yaml:4 generates orders-config with behavior: merge, its key application.yml from k8s/overlays/prod/application.yml',
    );
  });

  it('a base file given alone (pre-commit) is linted with each overlay that keeps it, never the whole tree', () => {
    const files = {
      ...BASE,
      ...overlay('dev'),
      ...overlay('prod'),
      ...overlay('test', merge('merge'), { 'application.yml': spring('TLSv1.3') }),
      '.git/HEAD': 'ref: refs/heads/main\n',
    };
    expect(found(files, ['k8s/base/application.yml']).map((d) => d.name)).toEqual([
      'k8s/{base,overlays/dev}',
      'k8s/{base,overlays/prod}',
    ]);
    // One overlay alone: nothing to keep apart, the tree is one deployment as before.
    expect(found({ ...BASE, ...overlay('dev') }).map((d) => d.name)).toEqual(['.']);
  });

  it("a base file every overlay replaces, given alone, is linted with the git root's files outside every deployment, as in a directory run", () => {
    const replaced = {
      ...BASE,
      ...overlay('dev', merge('merge'), { 'application.yml': spring('TLSv1.2') }),
      ...overlay('prod', merge('replace'), { 'application.yml': spring('TLSv1.3') }),
      Dockerfile: 'FROM eclipse-temurin:17-jre\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
    };
    expect(found(replaced, ['k8s/base/application.yml']).map(({ name, files }) => ({ name, files }))).toEqual([
      { name: '.', files: ['Dockerfile', 'k8s/base/application.yml'] },
    ]);
  });

  it("each overlay's handshake is its own: the prod overlay's TLSv1.3-only server fails the base's TLSv1.2 proxy, dev's does not", () => {
    const root = tree({
      'base/kustomization.yaml':
        'resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: proxy\n    files:\n      - nginx.conf\n',
      'base/deployment.yaml': DEPLOYMENT,
      'base/nginx.conf':
        'events {}\nhttp {\n  server {\n    listen 80;\n    location / {\n      proxy_pass https://orders:8443;\n      proxy_ssl_protocols TLSv1.2;\n    }\n  }\n}\n',
      'overlays/dev/kustomization.yaml':
        'resources:\n  - ../../base\nconfigMapGenerator:\n  - name: orders\n    files:\n      - application.yml\n',
      'overlays/dev/application.yml': spring('TLSv1.2'),
      'overlays/prod/kustomization.yaml':
        'resources:\n  - ../../base\nconfigMapGenerator:\n  - name: orders\n    files:\n      - application.yml\n',
      'overlays/prod/application.yml': spring('TLSv1.3'),
      // The proxy reaches the app through a Kubernetes Service lint-deploy does not model: declared.
      'lint-deploy.config.json': JSON.stringify({
        links: [{ client: 'nginx.proxy:base/nginx.conf:6', server: 'spring.server:overlays:8443' }],
      }),
    });
    const run = spawnSync(process.execPath, [cli, '--format', 'json', '--java-version', '17', '.'], {
      cwd: root,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as {
      findings: { ruleId: string; severity: string; deployment: string; related?: { file: string }[] }[];
    };
    const links = report.findings.filter((f) => f.ruleId.startsWith('tls/'));
    expect(links.map((f) => [f.ruleId, f.severity, f.deployment, f.related?.map((r) => r.file)])).toEqual([
      ['tls/no-common-protocol', 'error', '{base,overlays/prod}', ['overlays/prod/application.yml']],
    ]);
    expect(run.status).toBe(1);
  });
});
