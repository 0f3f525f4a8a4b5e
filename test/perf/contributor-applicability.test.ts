import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFleet } from '../../bench/genfleet';
import { defaultConfig } from '../../src/core/config';
import { loadConfig } from '../../src/engine/config/load';
import { lint, type LintOptions } from '../../src/engine/lint';
import type { ModelContributor } from '../../src/model/contributor';
import { MODEL_CONTRIBUTORS } from '../../src/model/registry';

/**
 * A model contributor's `reads` lets buildModel skip it on a deployment that holds no document of those kinds
 * (src/model/build.ts). Skipping must never change a report: the examples, the real files of test/fixtures/corpus
 * and a generated fleet of the three shapes report the same findings (and keep the same model) with every
 * contributor run on every deployment, and the fleet does skip contributors.
 */
const ROOT = path.resolve(__dirname, '../..');
const scoped = MODEL_CONTRIBUTORS.filter((c) => c.reads) as ModelContributor[];

let contributions = 0;
const originals = new Map<ModelContributor, ModelContributor['contribute']>();
beforeAll(() => {
  for (const contributor of MODEL_CONTRIBUTORS as ModelContributor[]) {
    const contribute = contributor.contribute;
    originals.set(contributor, contribute);
    contributor.contribute = (ctx) => {
      contributions++;
      contribute.call(contributor, ctx);
    };
  }
});
afterAll(() => {
  for (const [contributor, contribute] of originals) contributor.contribute = contribute;
});

/** The findings and models of a run, and how many contributions it made; `everywhere`: without any `reads`. */
function run(options: LintOptions, everywhere: boolean): { report: string; contributions: number } {
  const reads = new Map(scoped.map((c) => [c, c.reads]));
  if (everywhere) for (const c of scoped) c.reads = undefined;
  const before = contributions;
  try {
    const { findings, deployments } = lint({ ...options, keepModel: true });
    const models = deployments.map((d) => ({ components: d.components, links: d.links }));
    return { report: JSON.stringify({ findings, models }, modelValue), contributions: contributions - before };
  } finally {
    for (const [c, r] of reads) c.reads = r;
  }
}

/** A model as JSON: documents by path, an XML element without its parent (a cycle). */
function modelValue(key: string, value: unknown): unknown {
  if (key === 'parent') return undefined;
  if (key === 'documents' && Array.isArray(value)) return value.map((d: { file: { path: string } }) => d.file.path);
  return value;
}

const fleet = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-contributors-'));
generateFleet(fleet, { count: 24, seed: 11, defectRate: 0.5 });
fs.writeFileSync(path.join(fleet, 'lint-deploy.config.json'), JSON.stringify({ deployments: ['envs/*'] }));
afterAll(() => fs.rmSync(fleet, { recursive: true, force: true }));

const tree = (dir: string) => (): LintOptions => ({ paths: [dir], cwd: dir, config: defaultConfig(dir) });
const trees: [string, () => LintOptions][] = [
  ...fs
    .readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry): [string, () => LintOptions] => [
      `examples/${entry.name}`,
      tree(path.join(ROOT, 'examples', entry.name)),
    ]),
  ['test/fixtures/corpus', tree(path.join(ROOT, 'test/fixtures/corpus'))],
  [
    'a generated fleet of 24 environments',
    () => ({ paths: [], cwd: fleet, config: loadConfig(path.join(fleet, 'lint-deploy.config.json'), fleet) }),
  ],
];

describe('model contributors skipped where the deployment holds none of the documents they read', () => {
  it('the contributors that name what they read', () => {
    expect(scoped.map((c) => c.id)).toEqual(expect.arrayContaining(['cleartrust', 'mq', 'nginx', 'tomcat']));
    expect(scoped.filter((c) => c.reads!.length === 0).map((c) => c.id)).toEqual([]);
  });

  it.each(trees)('%s: the same model and findings as every contributor run everywhere', (_name, options) => {
    const everywhere = run(options(), true);
    const skipping = run(options(), false);
    expect(skipping.report).toBe(everywhere.report);
    expect(skipping.contributions).toBeLessThanOrEqual(everywhere.contributions);
  });

  it('the generated fleet (three products) skips contributors', () => {
    const [, options] = trees[trees.length - 1]!;
    expect(run(options(), false).contributions).toBeLessThan(run(options(), true).contributions * 0.75);
  });
});
