#!/usr/bin/env node
// npm run bench — fleet benchmark (issues 10 and 21). Not a test: it measures and prints, it never fails
// on a number. The machine it runs on is usually shared, so every comparison is PAIRED: in each round the
// contenders run one after the other (the order alternates between rounds) and the figure is the median
// over rounds of the per-round ratio, in CPU time (user + sys of the child, GNU time) and in wall time.
//
//   (1) lint-deploy / read floor on the 200 and 2,000 fleets (~12 files per deployment), peak RSS;
//   (2) time(2,000) / time(200);
//   (3) one deployment of 80 environments / one of 10 (a config naming the whole tree one deployment);
//   (4) start-up: the command installed from the packed tarball (npm pack; npm install -g --prefix <tmp>)
//       on one example / `node -e 0`.
//
//   npm run bench [-- --rounds 5 --sizes 200,2000 --seed 42 --skip-install --json bench/out/results.json]
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describeStartup, installPacked, measureStartup } from './startup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench', 'out');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = option('sizes', '200,2000').split(',').map(Number);
const rounds = Math.max(5, Number(option('rounds', '5')));
const seed = Number(option('seed', '42'));
const concurrency = option('concurrency', undefined);
const jsonOut = path.resolve(root, option('json', path.join(out, 'results.json')));
const node = process.execPath;
const cli = path.join(root, 'dist', 'cli.js');
const log = (text) => process.stderr.write(`${text}\n`);

fs.mkdirSync(out, { recursive: true });
log('bench: building dist/cli.js and the fleet generator');
execFileSync(node, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
buildSync({
  entryPoints: [path.join(root, 'bench', 'genfleet.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: path.join(out, 'genfleet.cjs'),
  logLevel: 'warning',
});

/** CPU time and peak RSS need GNU time; install it when we can (root + apt-get), else stop. */
function findGnuTime() {
  const probe = () => spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  if (probe().status === 0) return '/usr/bin/time';
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    log('bench: installing GNU time (apt-get install -y time) for CPU time and peak RSS');
    spawnSync(
      'sh',
      [
        '-c',
        'apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1)',
      ],
      { stdio: 'ignore' },
    );
    if (probe().status === 0) return '/usr/bin/time';
  }
  throw new Error('bench: GNU time (/usr/bin/time) is needed for CPU time and peak RSS');
}
const gnuTime = findGnuTime();
const timeFile = path.join(os.tmpdir(), `lint-deploy-bench-time-${process.pid}`);

/** One run: wall and CPU (user + sys) seconds, peak RSS in MB, from GNU time. stdout is discarded. */
function measure(command, commandArgs, cwd) {
  fs.rmSync(timeFile, { force: true });
  const env = { ...process.env, CI: '1', NO_COLOR: '1', TIMING: '' };
  const result = spawnSync(gnuTime, ['-f', '%e %U %S %M', '-o', timeFile, command, ...commandArgs], {
    cwd,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}: ${result.stderr}`);
  const [wall, user, sys, rssKb] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rss: Math.round(rssKb / 1024) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Paired alternating runs: in round r the contenders run in order (reversed every other round). Returns
 * each contender's medians and, for each named pair [a, b], the median of the per-round ratios a/b.
 */
function paired(title, contenders, pairs) {
  const runs = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (const c of Object.values(contenders)) measure(c.command, c.args, c.cwd); // warm the page cache
  for (let r = 0; r < rounds; r++) {
    const order = Object.keys(contenders);
    if (r % 2) order.reverse();
    for (const name of order)
      runs[name].push(measure(contenders[name].command, contenders[name].args, contenders[name].cwd));
  }
  const summary = {};
  for (const [name, list] of Object.entries(runs)) {
    summary[name] = {
      cpu: median(list.map((m) => m.cpu)),
      wall: median(list.map((m) => m.wall)),
      rss: Math.max(...list.map((m) => m.rss)),
      runs: list,
    };
    log(
      `  ${title}: ${name.padEnd(26)} cpu ${summary[name].cpu.toFixed(2)} s  wall ${summary[name].wall.toFixed(2)} s  peak RSS ${summary[name].rss} MB  (cpu ${list.map((m) => m.cpu.toFixed(2)).join(' ')})`,
    );
  }
  const ratios = {};
  for (const [a, b] of pairs) {
    const per = (field) => median(runs[a].map((m, i) => m[field] / runs[b][i][field]));
    ratios[`${a}/${b}`] = { cpu: per('cpu'), wall: per('wall') };
  }
  return { summary, ratios };
}

function generated(name, count, configText) {
  const dir = path.join(out, name);
  const marker = path.join(dir, '.fleet.json');
  const want = JSON.stringify({
    count,
    seed,
    generator: fs.statSync(path.join(out, 'genfleet.cjs')).size,
    config: configText ?? null,
  });
  let summary;
  try {
    const [head, body] = fs.readFileSync(marker, 'utf8').split('\n');
    if (head === want) summary = JSON.parse(body);
  } catch {
    // generate below
  }
  if (!summary) {
    log(`bench: generating ${count} deployments in ${path.relative(root, dir)}`);
    summary = JSON.parse(
      execFileSync(node, [path.join(out, 'genfleet.cjs'), dir, String(count), String(seed)], { encoding: 'utf8' }),
    );
    if (configText) fs.writeFileSync(path.join(dir, 'lint-deploy.config.json'), configText);
    fs.writeFileSync(marker, `${want}\n${JSON.stringify(summary)}\n`);
  }
  return { dir, summary };
}

const lintArgs = ['--format', 'json', ...(concurrency ? ['--concurrency', concurrency] : [])];
const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}`,
  node: process.version,
  loadavg: os.loadavg(),
  rounds,
  lintArgs,
  fleets: [],
};

// (1) and (2): each fleet against the read floor.
for (const count of sizes) {
  const { dir, summary } = generated(`fleet-${count}`, count);
  log(
    `bench: fleet of ${count} deployments, ${summary.files} files, ${(summary.bytes / 2 ** 20).toFixed(1)} MB, ${typeof summary.defects === 'number' ? summary.defects : Object.keys(summary.defects).length} planted defects`,
  );
  const floor = { command: node, args: [path.join(root, 'bench', 'readfloor-sync.cjs'), dir], cwd: root };
  const grep = {
    command: 'grep',
    args: [
      '-r',
      '-E',
      'cleartrust\\.(net\\.ssl\\.use|agent\\.ssl\\.use|eserver\\.api_port\\.use_ssl|admingui\\.admin_api\\.use_ssl)',
      '.',
    ],
    cwd: dir,
  };
  const lint = { command: node, args: [cli, ...lintArgs], cwd: dir };
  const { summary: s, ratios } = paired(`${count}`, { 'read floor': floor, 'grep -r': grep, 'lint-deploy': lint }, [
    ['lint-deploy', 'read floor'],
    ['lint-deploy', 'grep -r'],
  ]);
  results.fleets.push({
    count,
    files: summary.files,
    bytes: summary.bytes,
    floor: s['read floor'],
    grep: s['grep -r'],
    lint: s['lint-deploy'],
    ca: ratios['lint-deploy/read floor'],
    cb: ratios['lint-deploy/grep -r'],
  });
}
const [small, large] = [results.fleets[0], results.fleets[results.fleets.length - 1]];
if (small && large && small !== large) {
  // Paired too: the two fleets alternate.
  const { ratios } = paired(
    'scaling',
    {
      [`fleet ${large.count}`]: {
        command: node,
        args: [cli, ...lintArgs],
        cwd: path.join(out, `fleet-${large.count}`),
      },
      [`fleet ${small.count}`]: {
        command: node,
        args: [cli, ...lintArgs],
        cwd: path.join(out, `fleet-${small.count}`),
      },
    },
    [[`fleet ${large.count}`, `fleet ${small.count}`]],
  );
  results.scaling = { from: small.count, to: large.count, ...ratios[`fleet ${large.count}/fleet ${small.count}`] };
}

// (3) One big deployment: the generated environments under envs/ linted as ONE deployment.
const one = Object.fromEntries(
  [10, 80].map((n) => {
    const { dir } = generated(`one-deployment-${n}`, n, JSON.stringify({ deployments: ['envs'] }) + '\n');
    return [`${n} environments`, { command: node, args: [cli, ...lintArgs], cwd: dir }];
  }),
);
const oneRun = paired('one deployment', one, [['80 environments', '10 environments']]);
results.oneDeployment = oneRun.ratios['80 environments/10 environments'];

// (4) Start-up from a fresh install of the packed tarball, as users and pre-commit get it (bench/startup.mjs).
let installed = path.join(root, 'bin', 'lint-deploy.js');
if (!args.includes('--skip-install')) {
  const install = installPacked();
  installed = install.bin;
  results.installedFrom = install.tgz;
}
log(`bench: start-up of ${installed}`);
const startup = measureStartup(installed, Math.max(rounds, 15));
results.startup = startup;
results.loadavgAtEnd = os.loadavg();

const f = (s) => `${s.toFixed(2)} s`;
const rows = [
  '| fleet | files | read floor (a) cpu / wall | lint-deploy (c) cpu / wall | c/a cpu | c/a wall | grep -r (b) wall | c/b wall | peak RSS (c) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...results.fleets.map(
    (r) =>
      `| ${r.count} | ${r.files} | ${f(r.floor.cpu)} / ${f(r.floor.wall)} | ${f(r.lint.cpu)} / ${f(r.lint.wall)} | ${r.ca.cpu.toFixed(2)} | ${r.ca.wall.toFixed(2)} | ${f(r.grep.wall)} | ${r.cb.wall.toFixed(2)} | ${r.lint.rss} MB |`,
  ),
];
const lines = [
  `${results.date} · ${results.machine} · Node ${results.node} · load average ${results.loadavg.map((l) => l.toFixed(2)).join(' ')} at start, ${results.loadavgAtEnd.map((l) => l.toFixed(2)).join(' ')} at end · ${rounds} paired rounds, medians · lint-deploy ${lintArgs.join(' ')}`,
  '',
  ...rows,
  '',
  results.scaling
    ? `scaling: time(${results.scaling.to})/time(${results.scaling.from}) = ${results.scaling.cpu.toFixed(2)} cpu, ${results.scaling.wall.toFixed(2)} wall (target ≤ 11)`
    : '',
  `one deployment: time(80 environments)/time(10 environments) = ${results.oneDeployment.cpu.toFixed(2)} cpu, ${results.oneDeployment.wall.toFixed(2)} wall (target ≤ 12 cpu)`,
  describeStartup(startup, !args.includes('--skip-install')),
];
process.stdout.write(`${lines.join('\n')}\n`);
fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
log(`bench: results in ${path.relative(root, jsonOut)}`);
