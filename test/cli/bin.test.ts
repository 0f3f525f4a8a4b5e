import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/lint-deploy.js');
const cache = path.join(repo, 'dist/cli.js.v8cache');
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30000,
  });

describe('bin/lint-deploy.js (the installed command) with its V8 code cache', () => {
  it('gives the same report with no cache, a fresh cache and a damaged cache', () => {
    const args = ['--format', 'json', 'examples/cleartrust-anon-jdk8u202-broken'];
    fs.rmSync(cache, { force: true });
    const first = run(args);
    expect(first.status).toBe(1);
    expect(first.stderr).toBe('');
    expect(fs.existsSync(cache)).toBe(true);
    const second = run(args);
    expect(second.stdout).toBe(first.stdout);
    fs.writeFileSync(cache, 'not a V8 code cache');
    const damaged = run(args);
    expect(damaged.stdout).toBe(first.stdout);
    expect(damaged.status).toBe(1);
    // The damaged cache was rejected by V8 and rewritten.
    expect(fs.readFileSync(cache).length).toBeGreaterThan(1000);
  });

  it('exit codes and usage errors pass through', () => {
    expect(run(['examples/cleartrust-anon-jdk8u202-fixed']).status).toBe(0);
    const missing = run(['no/such/path']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('lint-deploy: No such file or directory: no/such/path');
  });
});
