/**
 * Shared set-up of the hostile-tree tests (issue 18): a sandbox with the linted tree, a directory
 * outside it that must not change, and a private cache home; the CLI run with its wall time and
 * peak memory measured, and the outcome checked against the contract (exit 0/1 with a report, or
 * exit 2 with exactly one line on stderr; never a stack trace).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeTree, type Tree } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');
export const cli = path.join(repo, 'dist/cli.js');

/** Generous bounds on 2 shared cores: each run must stay under both. */
export const TIME_BOUND_MS = 10_000;
export const MEMORY_BOUND_KB = 512 * 1024;

export interface Sandbox {
  /** The linted tree (the working directory of the runs). */
  root: string;
  /** A directory outside the tree: no run may write into it. */
  outside: string;
  /** Private XDG_CACHE_HOME (the cache signing key lives there). */
  cacheHome: string;
  remove(): void;
}

export function sandbox(files: Tree = {}): Sandbox {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-hostile-'));
  const root = path.join(base, 'tree');
  const outside = path.join(base, 'outside');
  const cacheHome = path.join(base, 'xdg');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'victim.txt'), 'precious\n');
  const written = writeTree(files);
  fs.renameSync(written, root);
  return { root, outside, cacheHome, remove: () => fs.rmSync(base, { recursive: true, force: true }) };
}

/** Names and content hashes of every entry under `dir` (links by their target), to compare before/after. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const name = path.relative(dir, full);
      if (entry.isSymbolicLink()) out[name] = `-> ${fs.readlinkSync(full)}`;
      else if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) out[name] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
      else out[name] = 'special';
    }
  };
  visit(dir);
  return out;
}

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** CPU time the CLI used (user + system), from the preloaded probe; undefined when it could not be preloaded. */
  cpuMs?: number;
  maxRssKb: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** A shell prefix such as `ulimit -f 1;` (the CLI then runs under bash). */
  shellPrefix?: string;
  input?: string;
  timeoutMs?: number;
}

export function runCli(args: string[], box: Sandbox, options: RunOptions = {}): Outcome {
  const rssFile = path.join(box.cacheHome, `..`, `rss-${process.pid}-${Date.now()}.json`);
  // The peak RSS comes from a preloaded module; Node's own loader then reads the package.json of the
  // working directory (a /dev/zero there would hang node itself, not lint-deploy), so such trees are
  // run without it and bounded by the V8 heap cap alone.
  const preload = cwdPackageJsonIsRegular(box.root) ? ['--require', path.join(__dirname, 'preload-rss.js')] : [];
  const node = [process.execPath, `--max-old-space-size=${MEMORY_BOUND_KB / 1024}`, ...preload, cli, ...args];
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    XDG_CACHE_HOME: box.cacheHome,
    LINT_DEPLOY_RSS_FILE: rssFile,
  };
  delete env.LINT_DEPLOY_CACHE_KEY;
  Object.assign(env, options.env);
  const started = Date.now();
  const result = options.shellPrefix
    ? spawnSync('bash', ['-c', `${options.shellPrefix} exec "$@"`, 'bash', ...node], {
        cwd: box.root,
        encoding: 'utf8',
        env,
        timeout: options.timeoutMs ?? 60_000,
        input: options.input,
        maxBuffer: 512 * 1024 * 1024,
      })
    : spawnSync(node[0], node.slice(1), {
        cwd: box.root,
        encoding: 'utf8',
        env,
        timeout: options.timeoutMs ?? 60_000,
        input: options.input,
        maxBuffer: 512 * 1024 * 1024,
      });
  const ms = Date.now() - started;
  let maxRssKb = 0;
  let cpuMs: number | undefined;
  if (fs.existsSync(rssFile)) {
    ({ maxRSS: maxRssKb, cpuMs } = JSON.parse(fs.readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpuMs: number });
    fs.rmSync(rssFile);
  }
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ms,
    ...(cpuMs !== undefined ? { cpuMs } : {}),
    maxRssKb,
  };
}

function cwdPackageJsonIsRegular(dir: string): boolean {
  try {
    const stat = fs.lstatSync(path.join(dir, 'package.json'));
    return stat.isFile();
  } catch {
    return true; // absent: nothing for the loader to read
  }
}

/** The contract of every hostile case: bounded, no stack trace, and either a report (0/1) or one line (2). */
export function expectContract(outcome: Outcome): void {
  expect({
    signal: outcome.signal,
    codeIsValid: outcome.code === 0 || outcome.code === 1 || outcome.code === 2,
  }).toEqual({ signal: null, codeIsValid: true });
  // Bounded work, not speed: the CLI's own CPU time, which other jobs on a loaded machine barely change (its wall
  // time doubled at load 10 here); wall time only when the probe could not be preloaded. A hang ends at the timeout.
  expect(outcome.cpuMs ?? outcome.ms).toBeLessThan(TIME_BOUND_MS);
  expect(outcome.maxRssKb).toBeLessThan(MEMORY_BOUND_KB);
  expect(outcome.stdout + outcome.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  expect(outcome.stderr).not.toMatch(/Maximum call stack|internal error/);
  if (outcome.code === 2) expect(oneLine(outcome)).toMatch(/^lint-deploy: /);
}

/** The single stderr line of an exit-2 run (fails when there are more). */
export function oneLine(outcome: Outcome): string {
  const lines = outcome.stderr.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

export function findingsOf(outcome: Outcome): { ruleId: string; file: string; line?: number; message: string }[] {
  return (
    JSON.parse(outcome.stdout) as { findings: { ruleId: string; file: string; line?: number; message: string }[] }
  ).findings;
}
