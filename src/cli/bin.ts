import { isMainThread, workerData } from 'node:worker_threads';
import { runCli } from './main';
import { isWorkerRequest, runLintWorker } from './parallel';

if (!isMainThread && isWorkerRequest(workerData)) runLintWorker(workerData);
else main();

function main(): void {
  const code = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  // Let stdout drain before exiting (large reports to a pipe).
  process.exitCode = code;
}
