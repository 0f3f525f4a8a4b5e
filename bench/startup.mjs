#!/usr/bin/env node
// Start-up of the installed command (issue 21), as users and pre-commit get it: `npm pack`, `npm install -g
// --prefix <temp>` of the tarball, then the command on one example in the default format against `node -e 0`,
// in paired alternating rounds (median of the per-round ratios, CPU = user + sys of the child and wall time).
// The first run after the install writes the V8 code caches, as a user's first run does. Used by
// bench/bench.mjs (section 4) and alone:
//
//   npm run bench:startup [-- --rounds 30 --skip-install --compare <another install's bin/lint-deploy.js>]
//
// CPU time comes from bash's `time` (millisecond resolution; GNU time prints hundredths of a second, a
// tenth of `node -e 0`'s whole CPU time here). stdout goes to /dev/null.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STARTUP_EXAMPLE = path.join(root, 'examples', 'cleartrust-anon-jdk8u202-broken');

/** Packs this checkout and installs the tarball under a new temp prefix; returns the installed bin file. */
export function installPacked() {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-bench-install-'));
  const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', prefix], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  execFileSync(
    'npm',
    ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--silent', path.join(prefix, tgz)],
    { cwd: prefix, stdio: 'inherit' },
  );
  return { bin: path.join(prefix, 'lib', 'node_modules', 'lint-deploy', 'bin', 'lint-deploy.js'), tgz };
}

/** One run under bash's `time`: wall and CPU seconds (stdout and stderr discarded). */
function timed(argv) {
  const result = spawnSync(
    'bash',
    ['-c', 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>&1; } 2>&1', 'timed', ...argv],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1', NO_COLOR: '1', TIMING: '' } },
  );
  const [wall, user, sys] = result.stdout.trim().split('\n').pop().split(' ').map(Number);
  if (![wall, user, sys].every(Number.isFinite)) throw new Error(`bench: could not time ${argv.join(' ')}`);
  return { wall, cpu: user + sys };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Paired rounds of `bin <example>` (default format) and `node -e 0`, plus any `others` (other installs, e.g.
 * main's, run in the same rounds); medians and the median of the per-round ratios to `node -e 0`.
 */
export function measureStartup(bin, rounds, others = []) {
  const node = process.execPath;
  const bins = [bin, ...others];
  const contenders = [[node, '-e', '0'], ...bins.map((b) => [node, b, STARTUP_EXAMPLE])];
  for (const b of bins) timed([node, b, STARTUP_EXAMPLE]); // writes the V8 code caches, as the first run after install does
  const runs = contenders.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = contenders.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) runs[i].push(timed(contenders[i]));
  }
  const of = (i, field) => median(runs[i].map((m) => m[field]));
  const ratio = (i, field) => median(runs[i].map((m, r) => m[field] / runs[0][r][field]));
  const result = (i) => ({
    cpu: of(i, 'cpu'),
    wall: of(i, 'wall'),
    cpuRatio: ratio(i, 'cpu'),
    wallRatio: ratio(i, 'wall'),
  });
  const [lint, ...rest] = bins.map((_, i) => result(i + 1));
  // This install against each other one, round by round (both measured in the same round, next to each other).
  const paired = (i, field) => median(runs[1].map((m, r) => m[field] / runs[i][r][field]));
  return {
    lint: { cpu: lint.cpu, wall: lint.wall },
    node: { cpu: of(0, 'cpu'), wall: of(0, 'wall') },
    cpu: lint.cpuRatio,
    wall: lint.wallRatio,
    rounds,
    others: rest.map((o, i) => ({
      bin: others[i],
      ...o,
      thisCpu: paired(i + 2, 'cpu'),
      thisWall: paired(i + 2, 'wall'),
    })),
  };
}

export function describeStartup(startup, installed) {
  const s = (v) => `${v.toFixed(3)} s`;
  return [
    `start-up (${installed ? 'fresh install of the packed tarball' : 'bin/lint-deploy.js of this checkout'}, ${startup.rounds} paired rounds): lint-deploy on one example ${s(startup.lint.wall)} wall / ${s(startup.lint.cpu)} cpu vs node -e 0 ${s(startup.node.wall)} / ${s(startup.node.cpu)} = ${startup.wall.toFixed(2)}× wall, ${startup.cpu.toFixed(2)}× cpu (target ≤ 2×)`,
    ...(startup.others ?? []).map(
      (o) =>
        `  same rounds, ${o.bin}: ${s(o.wall)} wall / ${s(o.cpu)} cpu = ${o.wallRatio.toFixed(2)}× wall, ${o.cpuRatio.toFixed(2)}× cpu; this / it, paired: ${o.thisCpu.toFixed(3)} cpu, ${o.thisWall.toFixed(3)} wall`,
    ),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--rounds');
  const rounds = Math.max(5, Number(i >= 0 ? args[i + 1] : '30'));
  // --compare <bin>: another installed lint-deploy (e.g. main's) measured in the same rounds.
  const others = args.flatMap((a, j) => (a === '--compare' ? [path.resolve(args[j + 1])] : []));
  const install = !args.includes('--skip-install');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  const bin = install ? installPacked().bin : path.join(root, 'bin', 'lint-deploy.js');
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const before = load();
  const startup = measureStartup(bin, rounds, others);
  process.stdout.write(
    `${new Date().toISOString()} · Node ${process.version} · load average ${before} at start, ${load()} at end\n${describeStartup(startup, install)}\n`,
  );
}
