/** What the CLI reads from and writes to: the process in bin.ts, a fake in tests. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  /**
   * The directory report paths are relative to (default: cwd). The GitHub Action sets the repository
   * root, so annotations and SARIF name repository paths when it runs in a `working-directory`.
   */
  reportRoot?: string;
  /** For the progress line of long runs (never drawn when false or absent). */
  stderrIsTTY?: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}
