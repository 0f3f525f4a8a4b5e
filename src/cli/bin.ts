import { isMainThread, workerData } from 'node:worker_threads';
import { runCli } from './main';
import { isCoordinatorRequest, isWorkerRequest, runCoordinator, runLintWorker } from './parallel';

if (!isMainThread && isWorkerRequest(workerData)) runLintWorker(workerData);
else if (!isMainThread && isCoordinatorRequest(workerData)) runCoordinator(workerData);
else main();

function main(): void {
  // `lint-deploy … | head -1`: the reader went away. Stop writing and end quietly with the run's code,
  // as Unix tools do, instead of an unhandled 'error' event and its stack trace.
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    process.exit(process.exitCode ?? 0);
  });
  const code = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdout: (text) => {
      if (!closed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
  });
  // Let stdout drain before exiting (large reports to a pipe).
  process.exitCode = code;
}
