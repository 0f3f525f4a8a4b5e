import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFleet } from '../../bench/genfleet';
import type { Finding } from '../../src/core/types';
import { CACHE_FORMAT, cacheKey, LintCache, resolveCacheFile } from '../../src/engine/performance/cache';
import { loadConfig } from '../../src/engine/config/load';
import { lint } from '../../src/engine/lint';
import { defaultConfig } from '../../src/core/config';
import { RunStats } from '../../src/engine/performance/stats';

/** --cache (issue 10): unchanged deployments are not re-checked; a corrupt or stale cache is never trusted. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-cache-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function freshFleet() {
  const dir = path.join(tmp, `fleet-${n++}`);
  generateFleet(dir, { count: 12, seed: 3, defectRate: 0.6 });
  return {
    dir,
    config: loadConfig(path.join(dir, 'lint-deploy.config.json'), dir),
    cacheFile: path.join(dir, '.lint-deploy-cache'),
  };
}

const KEY = 'k1';
function runWith(fleet: ReturnType<typeof freshFleet>, key = KEY, strategy: 'content' | 'metadata' = 'content') {
  const cache = new LintCache(fleet.cacheFile, key, strategy);
  const stats = new RunStats();
  const result = lint({ paths: [], cwd: fleet.dir, config: fleet.config, cache, stats, keepModel: false });
  cache.save();
  return { result, cache, stats, findings: result.findings.map((f: Finding) => JSON.stringify(f)) };
}
const uncached = (fleet: ReturnType<typeof freshFleet>) =>
  lint({ paths: [], cwd: fleet.dir, config: fleet.config }).findings.map((f) => JSON.stringify(f));

describe('--cache', () => {
  it('a second run takes every deployment from the cache and reports the same findings', () => {
    const fleet = freshFleet();
    const first = runWith(fleet);
    expect(first.cache.rejected).toBe('missing');
    expect(first.cache.hits).toBe(0);
    expect(first.findings.length).toBeGreaterThan(3);
    const second = runWith(fleet);
    expect(second.cache.rejected).toBeUndefined();
    expect(second.cache.misses).toBe(0);
    expect(second.cache.hits).toBe(first.cache.misses);
    expect(second.stats.ms.parse).toBe(0); // nothing parsed
    expect(second.findings).toEqual(first.findings);
    expect(second.findings).toEqual(uncached(fleet));
    expect(second.result.fileCount).toBe(first.result.fileCount);
  });

  it('re-checks only the deployment whose file changed, and reports its new findings', () => {
    const fleet = freshFleet();
    runWith(fleet);
    const victim = fs.readdirSync(path.join(fleet.dir, 'envs'))[4];
    const jdk = path.join(fleet.dir, 'envs', victim, 'jdk', 'release');
    fs.writeFileSync(jdk, 'IMPLEMENTOR="IBM Corporation"\nJAVA_VERSION="1.8.0_191"\n'); // content change, maybe same size class
    const second = runWith(fleet);
    expect(second.cache.misses).toBe(1);
    expect(second.findings).toEqual(uncached(fleet));
  });

  it('notices a change that keeps size and mtime (content strategy)', () => {
    const fleet = freshFleet();
    runWith(fleet);
    const file = path.join(fleet.dir, 'envs', fs.readdirSync(path.join(fleet.dir, 'envs'))[0], 'README.md');
    const stat = fs.statSync(file);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('#', '%'));
    fs.utimesSync(file, stat.atime, stat.mtime);
    expect(runWith(fleet).cache.misses).toBe(1);
  });

  it('a file added to a deployment is a miss', () => {
    const fleet = freshFleet();
    runWith(fleet);
    fs.writeFileSync(
      path.join(fleet.dir, 'envs', fs.readdirSync(path.join(fleet.dir, 'envs'))[2], 'extra.conf'),
      'cleartrust.net.ssl.use=clear\n',
    );
    expect(runWith(fleet).cache.misses).toBe(1);
  });

  it('a symbolic link moved to another file of the same bytes is a miss (the links are part of the hash)', () => {
    const fleet = freshFleet();
    const env = path.join(fleet.dir, 'envs', fs.readdirSync(path.join(fleet.dir, 'envs'))[3]);
    for (const name of ['a.conf', 'b.conf']) fs.writeFileSync(path.join(env, name), 'cleartrust.net.ssl.use=clear\n');
    const link = path.join(env, 'current.conf');
    fs.symlinkSync('a.conf', link);
    runWith(fleet);
    expect(runWith(fleet).cache.misses).toBe(0);
    fs.unlinkSync(link);
    fs.symlinkSync('b.conf', link);
    const moved = runWith(fleet);
    expect(moved.cache.misses).toBe(1);
    expect(moved.findings).toEqual(uncached(fleet));
  });

  it.each([
    ['garbage', 'not json {'],
    ['empty', ''],
    ['an array', '[]'],
    ['another format', JSON.stringify({ format: 'eslintcache', key: KEY, strategy: 'content', entries: {} })],
    ['entries not an object', JSON.stringify({ format: CACHE_FORMAT, key: KEY, strategy: 'content', entries: 7 })],
  ])('a corrupt cache (%s) is ignored, not trusted, and rewritten', (_, text) => {
    const fleet = freshFleet();
    fs.writeFileSync(fleet.cacheFile, text);
    const run = runWith(fleet);
    expect(run.cache.rejected).toBe('corrupt');
    expect(run.cache.hits).toBe(0);
    expect(run.findings).toEqual(uncached(fleet));
    expect(JSON.parse(fs.readFileSync(fleet.cacheFile, 'utf8')).format).toBe(CACHE_FORMAT);
  });

  it('damaged entries whose hash still matches are misses, not crashes', () => {
    const fleet = freshFleet();
    runWith(fleet);
    const data = JSON.parse(fs.readFileSync(fleet.cacheFile, 'utf8'));
    const roots = Object.keys(data.entries);
    data.entries[roots[0]].findings = [{ ruleId: 'x' }];
    data.entries[roots[1]].fileCount = -1;
    data.entries[roots[2]].findings = 'nope';
    data.entries[roots[3]] = null;
    fs.writeFileSync(fleet.cacheFile, JSON.stringify(data));
    const run = runWith(fleet);
    expect(run.cache.misses).toBe(4);
    expect(run.findings).toEqual(uncached(fleet));
  });

  it('a cache written under another key (tool version, config, rules) or strategy is stale', () => {
    const fleet = freshFleet();
    runWith(fleet, 'k1');
    expect(runWith(fleet, 'k2').cache.rejected).toBe('stale');
    expect(runWith(fleet, 'k2', 'metadata').cache.rejected).toBe('stale');
    const base = { toolVersion: '1.0.0', config: fleet.config, rules: [{ id: 'a/b', severity: 'error' }] };
    expect(cacheKey(base)).toBe(cacheKey({ ...base }));
    expect(cacheKey(base)).not.toBe(cacheKey({ ...base, toolVersion: '1.0.1' }));
    expect(cacheKey(base)).not.toBe(cacheKey({ ...base, config: { ...fleet.config, rules: { 'a/b': 'off' } } }));
    expect(cacheKey(base)).not.toBe(cacheKey({ ...base, rules: [{ id: 'a/b', severity: 'warning' }] }));
    expect(cacheKey(base)).not.toBe(cacheKey({ ...base, ruleOverrides: { 'a/b': 'off' } }));
  });

  it('metadata strategy: hits on unchanged files, misses when the size changes', () => {
    const fleet = freshFleet();
    runWith(fleet, KEY, 'metadata');
    expect(runWith(fleet, KEY, 'metadata').cache.misses).toBe(0);
    const file = path.join(fleet.dir, 'envs', fs.readdirSync(path.join(fleet.dir, 'envs'))[1], 'README.md');
    fs.appendFileSync(file, 'more\n');
    expect(runWith(fleet, KEY, 'metadata').cache.misses).toBe(1);
  });

  it('an unwritable cache location costs time, not the run', () => {
    const cache = new LintCache(path.join(tmp, 'no-such-dir-file'), KEY);
    fs.writeFileSync(path.join(tmp, 'no-such-dir-file.blocker'), '');
    const blocked = new LintCache(path.join(tmp, 'no-such-dir-file.blocker', 'cache'), KEY);
    expect(blocked.save()).toBe(false);
    expect(cache.save()).toBe(true);
  });

  it('--cache-location: a directory gets .lint-deploy-cache', () => {
    expect(resolveCacheFile(undefined, '/w')).toBe(path.join('/w', '.lint-deploy-cache'));
    expect(resolveCacheFile('c/', '/w')).toBe(path.join('/w', 'c', '.lint-deploy-cache'));
    expect(resolveCacheFile(tmp, '/w')).toBe(path.join(tmp, '.lint-deploy-cache'));
    expect(resolveCacheFile('x.json', '/w')).toBe(path.join('/w', 'x.json'));
  });
});

describe('--cache and the files the model reads beside the documents', () => {
  // A QueueManager resource beside the ConfigMap of its MQSC (no format reads it: the model does, src/model/mq-resources.ts).
  const files = (snoaut: string): Record<string, string> => ({
    'mq/cm.yaml':
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: qm1-mqsc\ndata:\n  qm1.mqsc: |\n    DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) MCAUSER('app')\n",
    'mq/qm.yaml': `apiVersion: mq.ibm.com/v1beta1\nkind: QueueManager\nmetadata:\n  name: qm1\nspec:\n  queueManager:\n    name: QM1\n    mqsc:\n      - configMap:\n          name: qm1-mqsc\n  template:\n    pod:\n      containers:\n        - name: qmgr\n          env:\n            - name: MQSNOAUT\n              value: "${snoaut}"\n`,
  });
  const run = (dir: string, cache?: LintCache) => {
    const config = { ...defaultConfig(dir), rules: { 'mq/oam-disabled': 'warning' as const } };
    const findings = lint({ paths: [dir], cwd: dir, config, cache, keepModel: false }).findings;
    cache?.save();
    return findings.filter((f) => f.ruleId === 'mq/oam-disabled').map((f) => path.relative(dir, f.location.file));
  };
  const cached = (dir: string) => run(dir, new LintCache(path.join(dir, '.lint-deploy-cache'), KEY, 'content'));
  const tree = (extra: Record<string, string> = {}) => {
    const dir = fs.mkdtempSync(path.join(tmp, 'manifests-'));
    for (const [name, text] of Object.entries({ ...files('yes'), ...extra })) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };

  it('a QueueManager manifest edited after a cached run changes the report', () => {
    const dir = tree();
    expect(cached(dir)).toEqual(['mq/qm.yaml']);
    fs.writeFileSync(path.join(dir, 'mq/qm.yaml'), files('no')['mq/qm.yaml']!);
    expect(cached(dir)).toEqual([]);
  });

  it('an ignored manifest decides nothing, so editing it leaves the cached report right', () => {
    // It was read beside the ConfigMap all the same, and not hashed: the cached report kept MQSNOAUT=yes after the edit.
    const dir = tree({ '.lint-deployignore': 'mq/qm.yaml\n' });
    expect(cached(dir)).toEqual(run(dir));
    fs.writeFileSync(path.join(dir, 'mq/qm.yaml'), files('no')['mq/qm.yaml']!);
    expect(cached(dir)).toEqual(run(dir));
  });
});

describe('the CLI flags', () => {
  const repo = path.resolve(__dirname, '../..');
  const cli = path.join(repo, 'dist/cli.js');
  const run = (args: string[], cwd: string, env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [cli, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: '', TIMING: '', ...env },
      timeout: 30000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('--cache writes the cache and a second run gives the same report; shards add up', () => {
    const fleet = freshFleet();
    const plain = run(['--format', 'json'], fleet.dir);
    const first = run(['--format', 'json', '--cache', '--cache-location', 'out/'], fleet.dir);
    expect(fs.existsSync(path.join(fleet.dir, 'out', '.lint-deploy-cache'))).toBe(true);
    const second = run(['--format', 'json', '--cache', '--cache-location', 'out/', '--stats'], fleet.dir);
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.code).toBe(plain.code);
    expect(second.stderr).toMatch(/from the cache/);
    const all = JSON.parse(plain.stdout).findings.length;
    const shardCounts = [1, 2].map(
      (k) => JSON.parse(run(['--format', 'json', '--shard', `${k}/2`], fleet.dir).stdout).findings.length,
    );
    expect(shardCounts[0] + shardCounts[1]).toBe(all);
  });

  it('--stats and TIMING=1 print the stage table on stderr; flags are checked', () => {
    const fleet = freshFleet();
    expect(run(['--stats', '--format', 'json'], fleet.dir).stderr).toMatch(
      /discover[\s\S]*parse[\s\S]*model[\s\S]*rules[\s\S]*report[\s\S]*peak RSS/,
    );
    expect(run(['--format', 'json'], fleet.dir, { TIMING: '1' }).stderr).toMatch(/rules/);
    expect(run(['--format', 'json'], fleet.dir).stderr).toBe('');
    expect(run(['--shard', '3/2'], fleet.dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--shard expects k/n'),
    });
    expect(run(['--concurrency', 'many'], fleet.dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--concurrency expects'),
    });
    expect(run(['--cache-strategy', 'mtime'], fleet.dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--cache-strategy expects'),
    });
    expect(run(['--concurrency', 'auto', '--format', 'json'], fleet.dir).code).toBe(1);
  });
});
