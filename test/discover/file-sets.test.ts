import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { discover } from '../../src/discover/discover';
import { lint } from '../../src/engine/lint';
import { shardKey, shardOf } from '../../src/engine/performance/shard';
import { temporaryTrees } from '../helpers/rule-tester';
import { chart, gradle, sample } from './build-project-trees';

// Build projects that run together across the linted directory are a deployment of their own files (a file set):
// two such groups are two deployments, and the files outside every project stay with the files outside every
// deployment (docs/deployments.md, heuristic "separate build projects").
const { tree } = temporaryTrees();
const cli = path.resolve(__dirname, '../../dist/cli.js');

/** Two tie groups across the top, a sample tied to none, and a Compose file of its own at the top. */
const REPOSITORY = {
  'build.gradle': gradle,
  ...sample('servlet/login', 'build.gradle', 'issuer-uri=http://localhost:9000\n'),
  ...sample('reactive/authorization-server', 'build.gradle', 'server.port=9000\n'),
  ...sample('shop/orders', 'build.gradle', 'payments.url=https://payments:8443/pay\n'),
  ...sample('payments', 'build.gradle', 'server.port=8443\n'),
  ...sample('x509', 'build.gradle'),
  'docker/docker-compose.yml': 'services:\n  cas:\n    image: apereo/cas:6.6.6\n    ports:\n      - "8090:8080"\n',
};

/** The group of shop/orders and the payments project it names as a URL host. */
const SHOP = {
  name: '{payments,shop/orders}',
  root: '.',
  files: [
    'payments/build.gradle',
    'payments/src/main/resources/application.properties',
    'payments/src/main/resources/certs/server.crt',
    'shop/orders/build.gradle',
    'shop/orders/src/main/resources/application.properties',
    'shop/orders/src/main/resources/certs/server.crt',
  ],
};

const write = (files: Record<string, string>) => {
  const root = fs.realpathSync(tree(files));
  fs.mkdirSync(path.join(root, '.git'));
  return root;
};

describe('file sets: build projects tied across the linted directory', () => {
  const root = write(REPOSITORY);
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/') || '.';
  const found = (paths: string[]) =>
    discover({ paths, cwd: root, config: defaultConfig(root) }).map((d) => ({
      name: rel(d.name ?? d.root),
      root: rel(d.root),
      files: d.files.map(rel),
      focus: d.focus && [...d.focus].map(rel),
    }));

  it.each<[string, string[], { name: string; root: string; files: string[] }[]]>([
    [
      'two groups with the same common directory are two deployments (after the directories, by name); files outside every project stay at the top',
      ['.'],
      [
        { name: '.', root: '.', files: ['build.gradle', 'docker/docker-compose.yml'] },
        {
          name: 'x509',
          root: 'x509',
          files: [
            'x509/build.gradle',
            'x509/src/main/resources/application.properties',
            'x509/src/main/resources/certs/server.crt',
          ],
        },
        SHOP,
        {
          name: '{reactive/authorization-server,servlet/login}',
          root: '.',
          files: [
            'reactive/authorization-server/build.gradle',
            'reactive/authorization-server/src/main/resources/application.properties',
            'reactive/authorization-server/src/main/resources/certs/server.crt',
            'servlet/login/build.gradle',
            'servlet/login/src/main/resources/application.properties',
            'servlet/login/src/main/resources/certs/server.crt',
          ],
        },
      ],
    ],
    [
      'a file of a group is linted with its group alone (pre-commit)',
      ['shop/orders/src/main/resources/application.properties'],
      [SHOP],
    ],
    [
      "a file outside every project is linted with the top's other files, no group's",
      ['docker/docker-compose.yml'],
      [{ name: '.', root: '.', files: ['build.gradle', 'docker/docker-compose.yml'] }],
    ],
  ])('%s', (_, paths, expected) => {
    expect(found(paths).map(({ name, root, files }) => ({ name, root, files }))).toEqual(expected);
  });

  it('a file lands in exactly one deployment: the one that holds it', () => {
    const all = found(['.']);
    const files = all.flatMap((d) => d.files);
    expect(new Set(files).size).toBe(files.length);
    for (const file of files) {
      const [only, ...more] = found([file]);
      expect(more).toEqual([]);
      expect(only?.focus).toEqual([file]);
      expect(all.find((d) => d.files.includes(file))?.name).toBe(only?.name);
    }
  });

  it('findings, --shard and --cache name a file set by its name; an ordinary deployment by its root, as before', () => {
    const config = defaultConfig(root);
    const whole = lint({ paths: ['.'], cwd: root, config, keepModel: false });
    const names = whole.deployments.map((d) => rel(d.name ?? d.root)).sort();
    expect(names).toEqual(['.', 'x509', '{payments,shop/orders}', '{reactive/authorization-server,servlet/login}']);
    expect(new Set(whole.findings.map((f) => rel(f.deployment ?? ''))).has('{payments,shop/orders}')).toBe(true);
    // The shard key of a directory deployment is its root (unchanged); the sets' keys are distinct from it.
    expect(shardKey(path.join(root, 'x509'), root)).toBe('x509');
    const keys = whole.deployments.map((d) => shardKey(d.name ?? d.root, root));
    expect(new Set(keys).size).toBe(keys.length);
    // Every deployment is in exactly one of three shards, by that key.
    const shards = [1, 2, 3].map((index) =>
      lint({ paths: ['.'], cwd: root, config, keepModel: false, shard: { index, count: 3 } }),
    );
    const sharded = shards.flatMap((r, i) =>
      r.deployments.map((d) => {
        expect(shardOf(d.name ?? d.root, root, 3)).toBe(i + 1);
        return rel(d.name ?? d.root);
      }),
    );
    expect(sharded.sort()).toEqual(names);
  });

  it('--debug says why a file set is one, and reports name it as findings do', () => {
    const run = (format: string) =>
      spawnSync(process.execPath, [cli, '--debug', '--format', format, '.'], { cwd: root, encoding: 'utf8' });
    const json = run('json');
    expect(json.stderr).toContain(
      'lint-deploy: deployment {payments,shop/orders} (6 files): content: {payments,shop/orders} are 2 build projects whose files say they run together, linted apart from the other files of .; heuristic "separate build projects"',
    );
    const report = JSON.parse(json.stdout) as { findings: { deployment: string }[] };
    expect(report.findings.map((f) => f.deployment)).toContain('{payments,shop/orders}');
    const html = run('html').stdout;
    expect(html).toContain('<h2>{payments,shop/orders}</h2>');
    expect(html).toContain('<h2>{reactive/authorization-server,servlet/login}</h2>');
  });

  it('a single file of a chart below a group rooted at their parent is linted with its chart alone', () => {
    // bitnami/charts@5165628's shape: cert-manager names vault (one deployment at bitnami/), kafka calls neither.
    const charts = write({
      ...chart('bitnami/cert-manager', 'issuer: https://vault.vault.svc:8200/v1/pki\n'),
      ...chart('bitnami/vault'),
      ...chart('bitnami/kafka'),
    });
    const at = (file: string) =>
      discover({ paths: [file], cwd: charts, config: defaultConfig(charts) }).map((d) => ({
        root: path.relative(charts, d.root).split(path.sep).join('/'),
        files: d.files.map((f) => path.relative(charts, f).split(path.sep).join('/')),
      }));
    expect(at('bitnami/kafka/values.yaml')).toEqual([
      {
        root: 'bitnami/kafka',
        files: ['bitnami/kafka/Chart.yaml', 'bitnami/kafka/templates/deployment.yaml', 'bitnami/kafka/values.yaml'],
      },
    ]);
    expect(at('bitnami/vault/values.yaml')[0]?.files).not.toContain('bitnami/kafka/values.yaml');
  });
});
