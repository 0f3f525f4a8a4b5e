/** What the CLI reads from and writes to: the process in bin.ts, a fake in tests. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  /** For the progress line of long runs (never drawn when false or absent). */
  stderrIsTTY?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}
