"use strict";
/**
 * Clocks that do not load node:perf_hooks. The global `performance` loads it on first use, about 1.7 ms of a
 * start-up that is itself about 100 ms over `node -e 0` (issue 21, docs/performance.md); a run only needs
 * differences of a monotonic clock and, for `--stats`, the time since the process started.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.monotonicMs = monotonicMs;
exports.msSinceProcessStart = msSinceProcessStart;
/** Milliseconds on a monotonic clock (only differences mean anything). */
function monotonicMs() {
    return Number(process.hrtime.bigint()) / 1e6;
}
/** Milliseconds since the process started, as `performance.now()` counts them. */
function msSinceProcessStart() {
    return process.uptime() * 1000;
}
