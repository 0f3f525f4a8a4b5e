import type * as os from 'node:os';
import { UsageError } from '../core/types';
import { msSinceProcessStart } from '../core/clock';
import {
  cacheKey,
  cacheSigningKey,
  LintCache,
  resolveCacheFile,
  type CacheStrategy,
} from '../engine/performance/cache';
import type { LintConfig } from '../core/config';
import type { LintOptions } from '../engine/lint';
import { ProgressLine, progressWanted } from '../engine/performance/progress';
import { parseShard } from '../engine/performance/shard';
import { RunStats, statsRequested } from '../engine/performance/stats';
import { ALL_RULES } from '../rules';
import type { AnyRule } from '../rules/types';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { readPackageVersion } from './package-info';

/** Reports that draw the deployments' model or list their files: they need every deployment parsed. */
const MODEL_FORMATS = new Set(['html', 'dot', 'mermaid', 'junit']);

export interface PerformanceSetup {
  stats: RunStats;
  /** The `lint()` options for --shard, --cache, --stats, the progress line and memory. */
  lintOptions(config: LintConfig, extraRules: AnyRule[], ruleOverrides: Record<string, string>): Partial<LintOptions>;
  /** Clears the progress line and saves the cache. */
  afterLint(): void;
  /** `--stats` / `TIMING=1`: the table on stderr. */
  printStats(): void;
  /** Worker threads for `--concurrency` (1 = the main thread only; `auto`: decided by `autoWorkerCount` once the deployments are known). */
  workerCount(): number | 'auto';
}

/** The glue between the performance flags (issue 10) and `lint()`; flags are checked before any work. */
export function performanceOptions(args: CliArgs, io: CliIo): PerformanceSetup {
  // CPU time per stage only when the table is printed (a getrusage per stage).
  const stats = new RunStats(statsRequested(args.stats, io.env));
  stats.startupMs = msSinceProcessStart();
  if (stats.cpuMs) {
    const used = process.cpuUsage();
    stats.startupCpuMs = (used.user + used.system) / 1000;
  }
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  const concurrency = parseConcurrency(args.concurrency);
  if (concurrency !== 1 && shard)
    throw new UsageError(
      '--concurrency and --shard cannot be used together (--shard splits across machines, --concurrency across threads)',
    );
  const strategy = parseCacheStrategy(args.cacheStrategy);
  // --debug prints how each deployment's files were read (src/cli/debug-resolution.ts): it needs the model too.
  const needsModel = args.formats.some((f) => MODEL_FORMATS.has(f)) || args.debug;
  if (args.cache && needsModel)
    io.stderr(
      `lint-deploy: --cache is not used with --format ${args.formats.filter((f) => MODEL_FORMATS.has(f)).join(', ')} (that report needs every deployment parsed)\n`,
    );
  const useCache = (args.cache || args.cacheLocation !== undefined) && !needsModel;
  const progress = progressWanted({ stderrIsTTY: io.stderrIsTTY ?? false, env: io.env, quiet: args.quiet })
    ? new ProgressLine((text) => io.stderr(text))
    : undefined;
  let cache: LintCache | undefined;
  return {
    stats,
    lintOptions(config, extraRules, ruleOverrides) {
      if (useCache) {
        const rules = [...ALL_RULES, ...extraRules].map((r) => ({
          id: r.meta.id,
          severity: r.meta.severity,
          defaultOptions: r.meta.defaultOptions as unknown,
        }));
        const key = cacheKey({
          toolVersion: readPackageVersion(),
          config,
          ruleOverrides,
          java: [args.javaVersion, args.javaVendor],
          rules,
          plugins: config.plugins,
          extra: { reportUnused: args.reportUnusedDisableDirectives },
        });
        cache = stats.time(
          'cache',
          () =>
            new LintCache(
              resolveCacheFile(args.cacheLocation, io.cwd),
              key,
              strategy,
              cacheSigningKey(io.env),
              args.cacheLocation !== undefined,
            ),
        );
      }
      return { shard, cache, stats, onProgress: progress?.update, keepModel: needsModel };
    },
    afterLint() {
      progress?.done();
      if (cache) {
        const c = cache;
        if (!stats.time('cache', () => c.save()))
          io.stderr(`lint-deploy: the cache was not saved: ${c.saveError ?? c.file}\n`);
      }
    },
    printStats() {
      if (statsRequested(args.stats, io.env)) io.stderr(stats.format());
    },
    workerCount(): number | 'auto' {
      // Reports that draw the model, the cache and the progress line need one process view of every deployment.
      return needsModel || useCache || progress ? 1 : concurrency;
    },
  };
}

/**
 * `--concurrency off|auto|<n>` (ESLint's flag): deployments are checked in n worker threads
 * (src/cli/parallel.ts). Default off: on 2 cores it does not pay (docs/performance.md).
 */
const MAX_WORKERS_PER_CPU = 4;

export function parseConcurrency(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'off') return 1;
  if (value === 'auto') return 'auto';
  const n = Number(value);
  // Each worker loads the whole tool: more than a few per CPU only costs memory and start-up.
  const max = MAX_WORKERS_PER_CPU * Math.max(1, availableParallelism());
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1 || n > max) {
    throw new UsageError(
      `--concurrency expects off, auto or a whole number from 1 to ${max} (${MAX_WORKERS_PER_CPU} per CPU here), got '${value}'`,
    );
  }
  return n;
}

/** Fewer cores than this: `auto` stays on one thread (measured on 2 cores: docs/performance.md). */
export const AUTO_MIN_CORES = 3;
/** Deployments a thread must get to pay back its start-up (its own module load and knowledge base). */
export const AUTO_DEPLOYMENTS_PER_THREAD = 200;

/**
 * `--concurrency auto`: threads only on more than 2 cores and for at least AUTO_DEPLOYMENTS_PER_THREAD
 * deployments per thread. On 2 cores two threads used 45 % more CPU than one and were slower in wall
 * time on the 2,000-deployment fleet (each thread loads the tool, and the machine's other work takes the
 * second core); a thread costs ~0.3 s of CPU to start, about 200 deployments' worth.
 */
export function autoWorkerCount(deployments: number, cores = availableParallelism()): number {
  if (cores < AUTO_MIN_CORES) return 1;
  return Math.max(1, Math.min(cores, Math.floor(deployments / AUTO_DEPLOYMENTS_PER_THREAD)));
}

function parseCacheStrategy(value: string | undefined): CacheStrategy {
  if (value === undefined || value === 'content' || value === 'metadata') return value ?? 'content';
  throw new UsageError(`--cache-strategy expects content or metadata, got '${value}'`);
}

/** The usable cores, by node:os on first use (not loaded at start-up: issue 21). */
function availableParallelism(): number {
  return (require('node:os') as typeof os).availableParallelism();
}
