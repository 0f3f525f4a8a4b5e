"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProgressLine = exports.PROGRESS_DELAY_MS = void 0;
exports.progressWanted = progressWanted;
exports.describe = describe;
const clock_1 = require("../../core/clock");
function progressWanted({ stderrIsTTY, env, quiet }) {
    const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
    return stderrIsTTY && !ci && !quiet && env.TERM !== 'dumb';
}
exports.PROGRESS_DELAY_MS = 1000;
const REDRAW_MS = 100;
const CLEAR = '\r\u001b[K';
class ProgressLine {
    write;
    now;
    delayMs;
    started;
    lastDraw = -Infinity;
    shown = false;
    constructor(write, now = clock_1.monotonicMs, delayMs = exports.PROGRESS_DELAY_MS) {
        this.write = write;
        this.now = now;
        this.delayMs = delayMs;
        this.started = now();
    }
    update = (update) => {
        const t = this.now();
        const elapsed = t - this.started;
        if (elapsed < this.delayMs || t - this.lastDraw < REDRAW_MS)
            return;
        this.lastDraw = t;
        this.shown = true;
        this.write(`${CLEAR}${describe(update, elapsed)}`);
    };
    /** Clears the line (if it was ever drawn) before the report is printed. */
    done() {
        if (this.shown)
            this.write(CLEAR);
        this.shown = false;
    }
}
exports.ProgressLine = ProgressLine;
function describe({ filesRead, deploymentsDone, deploymentsTotal }, elapsedMs) {
    const remaining = deploymentsDone > 0 ? (elapsedMs / deploymentsDone) * (deploymentsTotal - deploymentsDone) : undefined;
    const eta = remaining === undefined ? '' : `, ETA ${formatDuration(remaining)}`;
    return `lint-deploy: ${filesRead} files read, ${deploymentsDone}/${deploymentsTotal} deployments checked${eta}`;
}
function formatDuration(ms) {
    const s = Math.ceil(ms / 1000);
    return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
