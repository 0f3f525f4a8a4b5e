#!/usr/bin/env node
// Compares this checkout's build with another build of lint-deploy (e.g. main's, kept in a temp dir) on
// generated fleets: the JSON reports must be byte-identical (fields that hold times removed), and with
// --rounds N the two builds are timed in paired alternating runs (median CPU and wall time, GNU time).
//
//   git -C /work/main archive HEAD | tar -x -C /tmp/main-src && (cd /tmp/main-src && npm ci && npm run build)
//   node bench/compare.mjs /tmp/main-src [--fleets bench/out/fleet-2000,bench/out/fleet-200] [--rounds 5] [-- extra lint args]
// Exits 1 when a report differs.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dashdash = argv.indexOf('--');
const args = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
const extra = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const baseline = path.resolve(args[0] ?? '');
const baselineCli = path.join(baseline, 'dist', 'cli.js');
if (!args[0] || !fs.existsSync(baselineCli)) {
  process.stderr.write(
    'usage: node bench/compare.mjs <dir of another build with dist/cli.js> [--fleets a,b] [--rounds N] [-- lint args]\n',
  );
  process.exit(2);
}
const fleets = option('fleets', ['fleet-2000', 'fleet-200'].map((f) => path.join(root, 'bench', 'out', f)).join(','))
  .split(',')
  .map((f) => path.resolve(f));
const rounds = Number(option('rounds', '0'));
const builds = { baseline: baselineCli, this: path.join(root, 'dist', 'cli.js') };
const env = { ...process.env, CI: '1', NO_COLOR: '1', TIMING: '' };

/** Timing fields (none in the JSON report today; SARIF's invocation times) are not part of the comparison. */
const TIMING_KEYS = /^(startTimeUtc|endTimeUtc|elapsed|duration|durationMs|time|timing|ms)$/;
const withoutTiming = (value) =>
  Array.isArray(value)
    ? value.map(withoutTiming)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => !TIMING_KEYS.test(k))
            .map(([k, v]) => [k, withoutTiming(v)]),
        )
      : value;

let differs = false;
for (const fleet of fleets) {
  const reports = {};
  for (const [name, cli] of Object.entries(builds)) {
    const result = spawnSync(process.execPath, [cli, '--format', 'json', ...extra], {
      cwd: fleet,
      env,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
    reports[name] = { status: result.status, text: JSON.stringify(withoutTiming(JSON.parse(result.stdout)), null, 1) };
  }
  const same = reports.baseline.status === reports.this.status && reports.baseline.text === reports.this.text;
  process.stdout.write(
    `${path.relative(root, fleet) || fleet}: reports ${same ? 'byte-identical' : 'DIFFER'} (${reports.this.text.length} bytes, exit ${reports.this.status})\n`,
  );
  if (!same) {
    differs = true;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-compare-'));
    for (const [name, r] of Object.entries(reports)) fs.writeFileSync(path.join(dir, `${name}.json`), r.text);
    process.stdout.write(`  diff ${path.join(dir, 'baseline.json')} ${path.join(dir, 'this.json')}\n`);
  }
  if (rounds > 0) {
    const timeFile = path.join(os.tmpdir(), `lint-deploy-compare-time-${process.pid}`);
    const runs = { baseline: [], this: [] };
    for (let r = 0; r < rounds; r++) {
      for (const name of r % 2 ? ['this', 'baseline'] : ['baseline', 'this']) {
        spawnSync(
          '/usr/bin/time',
          ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, builds[name], '--format', 'json', ...extra],
          { cwd: fleet, env, stdio: 'ignore' },
        );
        const [wall, user, sys, rss] = fs
          .readFileSync(timeFile, 'utf8')
          .trim()
          .split('\n')
          .pop()
          .split(' ')
          .map(Number);
        runs[name].push({ wall, cpu: user + sys, rss: rss / 1024 });
      }
    }
    const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    for (const [name, list] of Object.entries(runs))
      process.stdout.write(
        `  ${name.padEnd(8)} cpu ${median(list.map((m) => m.cpu)).toFixed(2)} s  wall ${median(list.map((m) => m.wall)).toFixed(2)} s  RSS ${Math.max(...list.map((m) => m.rss)).toFixed(0)} MB  cpu runs ${list.map((m) => m.cpu.toFixed(2)).join(' ')}\n`,
      );
    process.stdout.write(
      `  this/baseline cpu ${median(runs.this.map((m, i) => m.cpu / runs.baseline[i].cpu)).toFixed(2)} (median of paired ratios), load ${os.loadavg()[0].toFixed(1)}\n`,
    );
  }
}
process.exit(differs ? 1 : 0);
