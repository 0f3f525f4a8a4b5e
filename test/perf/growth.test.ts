import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFleet } from '../../bench/genfleet';
import { work } from '../../src/core/work';
import { loadConfig } from '../../src/engine/config/load';
import { lint } from '../../src/engine/lint';

/**
 * One deployment grows linearly (issue 21): the generated environments under envs/ linted as ONE
 * deployment at 1×, 4× and 16× the files. The measure is the deterministic work counter of
 * src/core/work.ts (candidate comparisons of the lookups that pair components, plus links predicted),
 * never time. The shapes are the MQ/WAS and Java web environments, whose links follow host and channel
 * names; ClearTrust links every agent to every server of a deployment by design, so a deployment of n
 * ClearTrust environments has n² links and no linear bound (npm run bench measures the mixed case).
 */
const SHAPES = ['mq-was', 'java-web'];
const base = 4;
const runs = [1, 4, 16].map((factor) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-growth-'));
  const summary = generateFleet(dir, { count: base * factor, seed: 5, defectRate: 0.3, shapes: SHAPES });
  fs.writeFileSync(path.join(dir, 'lint-deploy.config.json'), JSON.stringify({ deployments: ['envs'] }));
  const config = loadConfig(path.join(dir, 'lint-deploy.config.json'), dir);
  const before = work.comparisons;
  const sitesBefore = { ...work.bySite };
  const result = lint({ paths: [], cwd: dir, config, keepModel: false });
  const comparisons = work.comparisons - before;
  const bySite = Object.fromEntries(
    Object.entries(work.bySite).map(([site, n]) => [site, n - (sitesBefore[site] ?? 0)]),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    factor,
    files: summary.files,
    comparisons,
    bySite,
    deployments: result.deployments.length,
    findings: result.findings.length,
  };
});

describe('one deployment of 1×, 4×, 16× the files', () => {
  it('is one deployment each time, with work to count', () => {
    expect(runs.map((r) => r.deployments)).toEqual([1, 1, 1]);
    expect(runs[0].comparisons).toBeGreaterThan(10);
    expect(runs[2].findings).toBeGreaterThan(runs[0].findings);
  });

  it.each([4, 16])('work grows linearly with the files at %i×', (factor) => {
    const run = runs.find((r) => r.factor === factor)!;
    const fileRatio = run.files / runs[0].files;
    const workRatio = run.comparisons / runs[0].comparisons;
    // Which lookup grew, when one does.
    const perSite = Object.fromEntries(
      Object.entries(run.bySite).map(([site, n]) => [site, +(n / (runs[0].bySite[site] || 1) / fileRatio).toFixed(2)]),
    );
    if (workRatio / fileRatio >= 1.3)
      throw new Error(
        `work per file grew ${(workRatio / fileRatio).toFixed(2)}×; per lookup: ${JSON.stringify(perSite)}`,
      );
    // Linear: work per file stays within 1.3× of the 1× run's (a quadratic lookup would be ~factor×).
    expect(workRatio / fileRatio).toBeLessThan(1.3);
    expect(workRatio / fileRatio).toBeGreaterThan(0.7);
  });
});
