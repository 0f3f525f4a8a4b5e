#!/usr/bin/env node
// npm run bench — fleet benchmark (issue 10). Not a test: it measures and prints, it never fails on
// a number. For each fleet size (default 200 and 2,000 deployments, ~12 files each) it runs, side by
// side, (a) the read floor, (b) grep -r for the ClearTrust keys, (c) lint-deploy --format json, and
// prints wall time (median of --repeat runs), peak RSS, c/a, c/b and time(2,000)/time(200).
// Then start-up: lint-deploy on one example vs `node -e 0`.
//
//   npm run bench [-- --sizes 200,2000 --repeat 3 --seed 42 --json bench/out/results.json]
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench', 'out');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = option('sizes', '200,2000').split(',').map(Number);
const repeat = Number(option('repeat', '3'));
const seed = Number(option('seed', '42'));
const jsonOut = path.resolve(root, option('json', path.join(out, 'results.json')));
const node = process.execPath;
const cli = path.join(root, 'dist', 'cli.js');
const log = (text) => process.stderr.write(`${text}\n`);

fs.mkdirSync(out, { recursive: true });
log('bench: building dist/cli.js and the fleet generator');
execFileSync(node, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
buildSync({ entryPoints: [path.join(root, 'bench', 'genfleet.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(out, 'genfleet.cjs'), logLevel: 'warning' });

/** Peak RSS needs GNU time (`/usr/bin/time -v`); install it when we can, else fall back to a preload hook for Node commands. */
function findGnuTime() {
  const probe = () => spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  if (probe().status === 0) return '/usr/bin/time';
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    log('bench: installing GNU time (apt-get install -y time) for peak RSS');
    spawnSync('sh', ['-c', 'apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1)'], { stdio: 'ignore' });
    if (probe().status === 0) return '/usr/bin/time';
  }
  log('bench: GNU time not available: peak RSS of Node commands comes from process.resourceUsage() (bench/maxrss-hook.cjs); grep shows "-"');
  return undefined;
}
const gnuTime = findGnuTime();
const hook = path.join(root, 'bench', 'maxrss-hook.cjs');

/** Runs a command once: wall ms (hrtime around the process) and peak RSS in MB. stdout goes to /dev/null. */
function measure(command, commandArgs, cwd) {
  const rssFile = path.join(os.tmpdir(), `lint-deploy-bench-rss-${process.pid}`);
  fs.rmSync(rssFile, { force: true });
  let file = command;
  let argv = commandArgs;
  let env = { ...process.env, CI: '1', NO_COLOR: '1', TIMING: '' };
  if (gnuTime) {
    file = gnuTime;
    argv = ['-f', '%M', '-o', rssFile, command, ...commandArgs];
  } else if (command === node) {
    env = { ...env, NODE_OPTIONS: `--require ${hook}`, LINT_DEPLOY_BENCH_RSS: rssFile };
  }
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}: ${result.stderr}`);
  let rss;
  try {
    rss = Math.round(Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024);
  } catch {
    rss = undefined;
  }
  return { ms, rss };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function series(label, command, commandArgs, cwd) {
  const runs = Array.from({ length: repeat }, () => measure(command, commandArgs, cwd));
  const ms = median(runs.map((r) => r.ms));
  const rssValues = runs.map((r) => r.rss).filter((r) => r !== undefined);
  const result = { label, ms, min: Math.min(...runs.map((r) => r.ms)), max: Math.max(...runs.map((r) => r.ms)), rss: rssValues.length ? Math.max(...rssValues) : undefined };
  log(`  ${label.padEnd(28)} ${ms.toFixed(0).padStart(7)} ms (min ${result.min.toFixed(0)}, max ${result.max.toFixed(0)})  ${result.rss ?? '-'} MB`);
  return result;
}

function fleet(count) {
  const dir = path.join(out, `fleet-${count}`);
  const marker = path.join(dir, '.fleet.json');
  const want = JSON.stringify({ count, seed, generator: fs.statSync(path.join(out, 'genfleet.cjs')).size });
  let summary;
  try {
    if (fs.readFileSync(marker, 'utf8').startsWith(want)) summary = JSON.parse(fs.readFileSync(marker, 'utf8').split('\n')[1]);
  } catch {
    // generate below
  }
  if (!summary) {
    log(`bench: generating ${count} deployments in ${path.relative(root, dir)}`);
    summary = JSON.parse(execFileSync(node, [path.join(out, 'genfleet.cjs'), dir, String(count), String(seed)], { encoding: 'utf8' }));
    fs.writeFileSync(marker, `${want}\n${JSON.stringify(summary)}\n`);
  }
  return { dir, summary };
}

const results = { date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}`, node: process.version, loadavg: os.loadavg(), repeat, fleets: [] };
for (const count of sizes) {
  const { dir, summary } = fleet(count);
  log(`bench: fleet of ${count} deployments, ${summary.files} files, ${(summary.bytes / 2 ** 20).toFixed(1)} MB, ${summary.defects} planted defects`);
  // Warm the page cache so every contender reads from memory.
  measure(node, [path.join(root, 'bench', 'readfloor-sync.cjs'), dir], root);
  const floorSync = series('read floor (sync)', node, [path.join(root, 'bench', 'readfloor-sync.cjs'), dir], root);
  const floorAsync = series('read floor (async)', node, [path.join(root, 'bench', 'readfloor-async.cjs'), dir], root);
  const floor = floorSync.ms <= floorAsync.ms ? floorSync : floorAsync;
  const grep = series('grep -r ClearTrust keys', 'grep', ['-r', '-E', 'cleartrust\\.(net\\.ssl\\.use|agent\\.ssl\\.use|eserver\\.api_port\\.use_ssl|admingui\\.admin_api\\.use_ssl)', '.'], dir);
  const lint = series('lint-deploy --format json', node, [cli, '--format', 'json'], dir);
  results.fleets.push({ count, files: summary.files, bytes: summary.bytes, floorSync, floorAsync, floor: floor.label, grep, lint, ca: lint.ms / floor.ms, cb: lint.ms / grep.ms });
}

log('bench: start-up (pre-commit case: one small example)');
const example = path.join(root, 'examples', 'cleartrust-anon-jdk8u202-broken');
const bare = series('node -e 0', node, ['-e', '0'], root);
// The installed command (bin/lint-deploy.js, with its V8 code cache), as pre-commit runs it; one warm-up run writes the cache.
const installed = path.join(root, 'bin', 'lint-deploy.js');
measure(node, [installed, '--format', 'json', example], root);
const one = series('lint-deploy <one example>', node, [installed, '--format', 'json', example], root);
results.startup = { node: bare, lint: one, ratio: one.ms / bare.ms };
results.loadavgAtEnd = os.loadavg();
const [small, large] = [results.fleets[0], results.fleets[results.fleets.length - 1]];
if (small && large && small !== large) results.scaling = { from: small.count, to: large.count, ratio: large.lint.ms / small.lint.ms };

const f = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rows = [
  '| fleet | files | read floor (a) | grep -r (b) | lint-deploy (c) | c/a | c/b | peak RSS (c) |',
  '|---|---|---|---|---|---|---|---|',
  ...results.fleets.map((r) => `| ${r.count} | ${r.files} | ${f(Math.min(r.floorSync.ms, r.floorAsync.ms))} ${r.floor.replace('read floor ', '')} | ${f(r.grep.ms)} | ${f(r.lint.ms)} | ${r.ca.toFixed(2)} | ${r.cb.toFixed(2)} | ${r.lint.rss ?? '-'} MB |`),
];
const lines = [
  `${results.date} · ${results.machine} · Node ${results.node} · load average ${results.loadavg[0].toFixed(1)} at start, ${results.loadavgAtEnd[0].toFixed(1)} at end · median of ${repeat}`,
  '',
  ...rows,
  '',
  results.scaling ? `scaling: time(${results.scaling.to})/time(${results.scaling.from}) = ${results.scaling.ratio.toFixed(2)} (target ≤ 11)` : '',
  `start-up: lint-deploy on one example ${f(one.ms)} vs node -e 0 ${f(bare.ms)} = ${results.startup.ratio.toFixed(2)}× (target ≤ 2×)`,
  `read floor, sync vs async: ${results.fleets.map((r) => `${r.count}: ${f(r.floorSync.ms)} vs ${f(r.floorAsync.ms)}`).join('; ')}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
log(`bench: results in ${path.relative(root, jsonOut)}`);
