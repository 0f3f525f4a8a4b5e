import { runCli } from './main';
import { stdWriter } from './std-streams';
import { THREAD_ARGUMENT } from './thread-argument';

// Threads of --concurrency are started with THREAD_ARGUMENT (src/cli/parallel.ts): a plain run loads
// neither node:worker_threads nor the thread code.
if (process.argv.includes(THREAD_ARGUMENT)) {
  const { runThread } = require('./parallel') as typeof import('./parallel');
  runThread();
} else main();

function main(): void {
  // `lint-deploy … | head -1`: the reader went away. Stop writing and end quietly with the run's code,
  // as Unix tools do, instead of an unhandled 'error' event and its stack trace.
  let closed = false;
  const close = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    process.exit(process.exitCode ?? 0);
  };
  const stdout = stdWriter(1, close);
  const stderr = stdWriter(2);
  const code = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: stdout.isTTY,
    stderrIsTTY: stderr.isTTY,
    stdout: (text) => {
      if (!closed && !stdout.write(text)) closed = true;
    },
    stderr: (text) => {
      stderr.write(text);
    },
  });
  // Let stdout drain before exiting (large reports to a pipe Node writes).
  process.exitCode = code;
}
