import { monotonicMs } from '../../core/clock';

/**
 * The progress line of long runs: on a TTY, once a run has taken ~1 s, one line on stderr
 * (files read, deployments checked, ETA), redrawn at most every 100 ms and cleared at the end.
 * Never in CI (`CI` set), when stderr is not a TTY, or with `--quiet`.
 */
export interface ProgressUpdate {
  filesRead: number;
  deploymentsDone: number;
  deploymentsTotal: number;
}

export type ProgressSink = (update: ProgressUpdate) => void;

export interface ProgressEnvironment {
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  quiet: boolean;
}

export function progressWanted({ stderrIsTTY, env, quiet }: ProgressEnvironment): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return stderrIsTTY && !ci && !quiet && env.TERM !== 'dumb';
}

export const PROGRESS_DELAY_MS = 1000;
const REDRAW_MS = 100;
const CLEAR = '\r\u001b[K';

export class ProgressLine {
  private readonly started: number;
  private lastDraw = -Infinity;
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = monotonicMs,
    private readonly delayMs = PROGRESS_DELAY_MS,
  ) {
    this.started = now();
  }

  update = (update: ProgressUpdate): void => {
    const t = this.now();
    const elapsed = t - this.started;
    if (elapsed < this.delayMs || t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.shown = true;
    this.write(`${CLEAR}${describe(update, elapsed)}`);
  };

  /** Clears the line (if it was ever drawn) before the report is printed. */
  done(): void {
    if (this.shown) this.write(CLEAR);
    this.shown = false;
  }
}

export function describe({ filesRead, deploymentsDone, deploymentsTotal }: ProgressUpdate, elapsedMs: number): string {
  const remaining =
    deploymentsDone > 0 ? (elapsedMs / deploymentsDone) * (deploymentsTotal - deploymentsDone) : undefined;
  const eta = remaining === undefined ? '' : `, ETA ${formatDuration(remaining)}`;
  return `lint-deploy: ${filesRead} files read, ${deploymentsDone}/${deploymentsTotal} deployments checked${eta}`;
}

function formatDuration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
