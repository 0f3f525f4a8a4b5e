import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFleet } from '../../bench/genfleet';
import { loadConfig } from '../../src/engine/config/load';
import { defaultConfig } from '../../src/core/config';
import { withRecommended } from '../../src/engine/config/load';
import { lint } from '../../src/engine/lint';
import type { Finding } from '../../src/core/types';

// Issue 13: a fleet laid out as envs/<env>/… with no config gives exactly the findings of `lint-deploy envs/*`.
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function fleet(config: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-envs-'));
  dirs.push(dir);
  return { dir, summary: generateFleet(dir, { count: 24, seed: 11, defectRate: 0.5, config }) };
}
const withoutConfig = fleet(false);
const withConfig = fleet(true);
const key = (root: string) => (f: Finding) =>
  JSON.stringify({
    ...f,
    deployment: path.relative(root, f.deployment ?? ''),
    location: { ...f.location, file: path.relative(root, f.location.file) },
    related: f.related?.map((r) => ({ ...r, file: path.relative(root, r.file) })),
  });
const noConfig = (root: string) => withRecommended(defaultConfig(root));

describe('a generated fleet without config', () => {
  const { dir, summary } = withoutConfig;
  const found = lint({ paths: [dir], cwd: dir, config: noConfig(dir), keepModel: false });
  const envDirs = fs.readdirSync(path.join(dir, 'envs')).map((e) => path.join('envs', e));
  const oneByOne = lint({
    paths: envDirs.map((e) => path.join(dir, e)),
    cwd: dir,
    config: noConfig(dir),
    keepModel: false,
  });

  it('each envs/<env> is a deployment, found from the content', () => {
    expect(found.deployments.map((d) => path.relative(dir, d.root)).sort()).toEqual(envDirs.sort());
  });

  it('reports exactly what `lint-deploy envs/*` reports', () => {
    expect(found.findings.map(key(dir)).sort()).toEqual(oneByOne.findings.map(key(dir)).sort());
    expect(found.fileCount).toBe(oneByOne.fileCount);
  });

  it('errors only in the environments with a planted defect', () => {
    const failing = new Set(
      found.findings.filter((f) => f.severity === 'error').map((f) => path.relative(dir, f.deployment ?? '')),
    );
    for (const env of failing) expect(Object.keys(summary.defects)).toContain(env.split(path.sep).join('/'));
    expect(failing.size).toBeGreaterThan(3);
  });

  // (The CLI tests of test/discover/deployments-found.test.ts run it from unrelated working directories.)
  it('with the config inside the fleet, the same findings', () => {
    const root = withConfig.dir;
    const config = loadConfig(path.join(root, 'lint-deploy.config.json'), root);
    const fromConfig = lint({ paths: [root], cwd: root, config, keepModel: false });
    expect(fromConfig.findings.map(key(root)).sort()).toEqual(found.findings.map(key(dir)).sort());
  });
});
