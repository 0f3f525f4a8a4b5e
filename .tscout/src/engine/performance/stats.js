"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RunStats = exports.STAGES = void 0;
exports.statsRequested = statsRequested;
const clock_1 = require("../../core/clock");
/**
 * Where a run spends its time (`--stats` or `TIMING=1`): wall time per pipeline stage,
 * plus counters. Timing is a monotonic clock (`monotonicMs`) around each stage; the stages do not
 * overlap, so their sum is the run's time after start-up. With `cpu`, also the process's CPU time
 * (user + system, all its threads: the garbage collector's too) per stage: on a shared machine wall
 * time counts the other processes' turns, CPU time does not.
 */
exports.STAGES = ['config', 'discover', 'cache', 'parse', 'model', 'derive', 'rules', 'report'];
const STAGE_LABELS = {
    config: 'config (load + validate)',
    discover: 'discover (walk + globs)',
    cache: 'cache (hash + load/save)',
    parse: 'parse (read + decode + classify + parse)',
    model: 'model (components + links)',
    derive: 'derive (certificates, endpoints, predictions)',
    rules: 'rules (+ suppressions, redaction)',
    report: 'report (format + write)',
};
class RunStats {
    ms = {
        config: 0,
        discover: 0,
        cache: 0,
        parse: 0,
        model: 0,
        derive: 0,
        rules: 0,
        report: 0,
    };
    files = 0;
    deployments = 0;
    cacheHits = 0;
    /** CPU milliseconds per stage, when measured (`cpu`). */
    cpuMs;
    /** Milliseconds from process start to the first stage (module loading and argument parsing). */
    startupMs;
    /** CPU milliseconds of the process before the first stage, when measured. */
    startupCpuMs;
    /** `cpu`: measure CPU time per stage too (one getrusage per stage; only when the table is printed). */
    constructor(cpu = false) {
        if (cpu)
            this.cpuMs = { config: 0, discover: 0, cache: 0, parse: 0, model: 0, derive: 0, rules: 0, report: 0 };
    }
    /** Runs `fn`, adding its wall time (and CPU time) to `stage`. */
    time(stage, fn) {
        const start = (0, clock_1.monotonicMs)();
        const cpuStart = this.cpuMs && process.cpuUsage();
        try {
            return fn();
        }
        finally {
            this.ms[stage] += (0, clock_1.monotonicMs)() - start;
            if (this.cpuMs && cpuStart) {
                const used = process.cpuUsage(cpuStart);
                this.cpuMs[stage] += (used.user + used.system) / 1000;
            }
        }
    }
    /** A table for stderr, like ESLint's TIMING output. */
    format() {
        const cpu = this.cpuMs;
        const rows = exports.STAGES.map((s) => [STAGE_LABELS[s], this.ms[s], cpu?.[s] ?? 0]);
        if (this.startupMs !== undefined)
            rows.unshift(['start-up (node + modules)', this.startupMs, this.startupCpuMs ?? 0]);
        const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
        const cpuTotal = rows.reduce((sum, [, , ms]) => sum + ms, 0);
        const width = Math.max(...rows.map(([label]) => label.length));
        const line = (label, ms, cpuMs) => `${label.padEnd(width)}  ${ms.toFixed(1).padStart(9)} ms  ${total ? ((100 * ms) / total).toFixed(1).padStart(5) : '  0.0'}%` +
            (cpu
                ? `  ${cpuMs.toFixed(1).padStart(9)} ms  ${cpuTotal ? ((100 * cpuMs) / cpuTotal).toFixed(1).padStart(5) : '  0.0'}%`
                : '');
        const memory = Math.round(process.resourceUsage().maxRSS / 1024);
        return [
            `${'Stage'.padEnd(width)}  ${'Time'.padStart(12)}  Share` + (cpu ? `  ${'CPU'.padStart(12)}  Share` : ''),
            ...rows.map(([label, ms, cpuMs]) => line(label, ms, cpuMs)),
            line('total', total, cpuTotal),
            `${this.deployments} deployment${this.deployments === 1 ? '' : 's'}, ${this.files} file${this.files === 1 ? '' : 's'} parsed${this.cacheHits ? `, ${this.cacheHits} from the cache` : ''}; peak RSS ${memory} MB`,
            '',
        ].join('\n');
    }
}
exports.RunStats = RunStats;
/** `--stats` or `TIMING=1` (any non-empty value but 0/false) asks for the table. */
function statsRequested(flag, env) {
    const timing = env.TIMING;
    return flag || (timing !== undefined && timing !== '' && timing !== '0' && timing.toLowerCase() !== 'false');
}
