import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFleet } from '../../bench/genfleet';
import { loadConfig } from '../../src/engine/config/load';
import { lint } from '../../src/engine/lint';
import { fnv1a, parseShard, shardKey, shardOf } from '../../src/engine/performance/shard';
import type { Finding } from '../../src/core/types';

/** Sharding (issue 10): shards partition the deployments, hence the findings, exactly. */
const fleet = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-shard-'));
afterAll(() => fs.rmSync(fleet, { recursive: true, force: true }));

const summary = generateFleet(fleet, { count: 36, seed: 7, defectRate: 0.5 });
const config = loadConfig(path.join(fleet, 'lint-deploy.config.json'), fleet);
const run = (shard?: { index: number; count: number }) =>
  lint({ paths: [], cwd: fleet, config, shard, keepModel: false });
const key = (f: Finding) => JSON.stringify(f);
const whole = run();

describe('--shard k/n', () => {
  it('the generated fleet has planted defects and findings', () => {
    expect(summary.deployments).toBe(36);
    expect(Object.keys(summary.defects).length).toBeGreaterThan(5);
    expect(whole.findings.length).toBeGreaterThan(10);
    expect(new Set(whole.findings.map((f) => f.deployment)).size).toBeGreaterThan(5);
  });

  it.each([1, 2, 3, 5])('the union of %i shards is the unsharded run, with no overlap', (count) => {
    const shards = Array.from({ length: count }, (_, i) => run({ index: i + 1, count }));
    const union = shards.flatMap((r) => r.findings.map(key));
    expect(new Set(union).size).toBe(union.length); // no finding in two shards
    expect(union.sort()).toEqual(whole.findings.map(key).sort());
    // Deployments (never split): each in exactly one shard.
    const roots = shards.flatMap((r) => r.deployments.map((d) => d.root));
    expect(roots.sort()).toEqual(whole.deployments.map((d) => d.root).sort());
    expect(shards.reduce((n, r) => n + r.fileCount, 0)).toBe(whole.fileCount);
    // Each finding stays with its deployment's shard.
    for (const r of shards)
      for (const f of r.findings) expect(r.deployments.some((d) => d.root === f.deployment)).toBe(true);
  });

  it('is deterministic and independent of the checkout path', () => {
    expect(run({ index: 2, count: 3 }).findings.map(key)).toEqual(run({ index: 2, count: 3 }).findings.map(key));
    expect(shardOf('/a/b/fleet/envs/env-0007', '/a/b/fleet', 4)).toBe(shardOf('/ci/x/envs/env-0007', '/ci/x', 4));
    expect(shardKey(path.join('/r', 'envs', 'e1'), '/r')).toBe('envs/e1');
    expect(shardKey('/r', '/r')).toBe('.');
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c); // FNV-1a reference value
  });

  it('spreads a large fleet evenly enough', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) counts[shardOf(`/f/envs/env-${String(i).padStart(4, '0')}`, '/f', 4) - 1]++;
    for (const c of counts) expect(c).toBeGreaterThan(400);
  });

  it('parses k/n and rejects everything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3', '-1/2', '1.5/3', ''])
      expect(() => parseShard(bad)).toThrow(/--shard expects k\/n/);
  });
});
