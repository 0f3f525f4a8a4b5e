"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AUTO_DEPLOYMENTS_PER_THREAD = exports.AUTO_MIN_CORES = void 0;
exports.performanceOptions = performanceOptions;
exports.parseConcurrency = parseConcurrency;
exports.autoWorkerCount = autoWorkerCount;
const types_1 = require("../core/types");
const clock_1 = require("../core/clock");
const cache_1 = require("../engine/performance/cache");
const progress_1 = require("../engine/performance/progress");
const shard_1 = require("../engine/performance/shard");
const stats_1 = require("../engine/performance/stats");
const rules_1 = require("../rules");
const package_info_1 = require("./package-info");
/** Reports that draw the deployments' model or list their files: they need every deployment parsed. */
const MODEL_FORMATS = new Set(['html', 'dot', 'mermaid', 'junit']);
/** The glue between the performance flags (issue 10) and `lint()`; flags are checked before any work. */
function performanceOptions(args, io) {
    // CPU time per stage only when the table is printed (a getrusage per stage).
    const stats = new stats_1.RunStats((0, stats_1.statsRequested)(args.stats, io.env));
    stats.startupMs = (0, clock_1.msSinceProcessStart)();
    if (stats.cpuMs) {
        const used = process.cpuUsage();
        stats.startupCpuMs = (used.user + used.system) / 1000;
    }
    const shard = args.shard === undefined ? undefined : (0, shard_1.parseShard)(args.shard);
    const concurrency = parseConcurrency(args.concurrency);
    if (concurrency !== 1 && shard)
        throw new types_1.UsageError('--concurrency and --shard cannot be used together (--shard splits across machines, --concurrency across threads)');
    const strategy = parseCacheStrategy(args.cacheStrategy);
    // --debug prints how each deployment's files were read (src/cli/debug-resolution.ts): it needs the model too.
    const needsModel = args.formats.some((f) => MODEL_FORMATS.has(f)) || args.debug;
    if (args.cache && needsModel)
        io.stderr(`lint-deploy: --cache is not used with --format ${args.formats.filter((f) => MODEL_FORMATS.has(f)).join(', ')} (that report needs every deployment parsed)\n`);
    const useCache = (args.cache || args.cacheLocation !== undefined) && !needsModel;
    const progress = (0, progress_1.progressWanted)({ stderrIsTTY: io.stderrIsTTY ?? false, env: io.env, quiet: args.quiet })
        ? new progress_1.ProgressLine((text) => io.stderr(text))
        : undefined;
    let cache;
    return {
        stats,
        lintOptions(config, extraRules, ruleOverrides) {
            if (useCache) {
                const rules = [...rules_1.ALL_RULES, ...extraRules].map((r) => ({
                    id: r.meta.id,
                    severity: r.meta.severity,
                    defaultOptions: r.meta.defaultOptions,
                }));
                const key = (0, cache_1.cacheKey)({
                    toolVersion: (0, package_info_1.readPackageVersion)(),
                    config,
                    ruleOverrides,
                    java: [args.javaVersion, args.javaVendor],
                    rules,
                    plugins: config.plugins,
                    extra: { reportUnused: args.reportUnusedDisableDirectives },
                });
                cache = stats.time('cache', () => new cache_1.LintCache((0, cache_1.resolveCacheFile)(args.cacheLocation, io.cwd), key, strategy, (0, cache_1.cacheSigningKey)(io.env), args.cacheLocation !== undefined));
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
            if ((0, stats_1.statsRequested)(args.stats, io.env))
                io.stderr(stats.format());
        },
        workerCount() {
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
function parseConcurrency(value) {
    if (value === undefined || value === 'off')
        return 1;
    if (value === 'auto')
        return 'auto';
    const n = Number(value);
    // Each worker loads the whole tool: more than a few per CPU only costs memory and start-up.
    const max = MAX_WORKERS_PER_CPU * Math.max(1, availableParallelism());
    if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1 || n > max) {
        throw new types_1.UsageError(`--concurrency expects off, auto or a whole number from 1 to ${max} (${MAX_WORKERS_PER_CPU} per CPU here), got '${value}'`);
    }
    return n;
}
/** Fewer cores than this: `auto` stays on one thread (measured on 2 cores: docs/performance.md). */
exports.AUTO_MIN_CORES = 3;
/** Deployments a thread must get to pay back its start-up (its own module load and knowledge base). */
exports.AUTO_DEPLOYMENTS_PER_THREAD = 200;
/**
 * `--concurrency auto`: threads only on more than 2 cores and for at least AUTO_DEPLOYMENTS_PER_THREAD
 * deployments per thread. On 2 cores two threads used 45 % more CPU than one and were slower in wall
 * time on the 2,000-deployment fleet (each thread loads the tool, and the machine's other work takes the
 * second core); a thread costs ~0.3 s of CPU to start, about 200 deployments' worth.
 */
function autoWorkerCount(deployments, cores = availableParallelism()) {
    if (cores < exports.AUTO_MIN_CORES)
        return 1;
    return Math.max(1, Math.min(cores, Math.floor(deployments / exports.AUTO_DEPLOYMENTS_PER_THREAD)));
}
function parseCacheStrategy(value) {
    if (value === undefined || value === 'content' || value === 'metadata')
        return value ?? 'content';
    throw new types_1.UsageError(`--cache-strategy expects content or metadata, got '${value}'`);
}
/** The usable cores, by node:os on first use (not loaded at start-up: issue 21). */
function availableParallelism() {
    return require('node:os').availableParallelism();
}
