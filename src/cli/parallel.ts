import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { Finding } from '../core/types';
import { compareFindings, UsageError } from '../core/types';
import { emptyDerived } from '../derive/derive';
import { lint, type LintResult } from '../engine/lint';
import { ALL_RULES } from '../rules';
import type { AnyRule } from '../rules/types';
import { parseCliArgs } from './args';
import { resolveLintInputs } from './lint-inputs';

/** What a worker needs: the same command line, so it resolves config, custom rules and plugins itself. */
interface WorkerRequest {
  kind: 'lint-deploy-worker';
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  slice: { index: number; count: number };
  done: SharedArrayBuffer;
  port: MessagePort;
}

type WorkerReply =
  | { ok: true; findings: Finding[]; roots: string[]; fileCount: number; internalError: boolean }
  | { ok: false; usage: boolean; message: string };

export function isWorkerRequest(data: unknown): data is WorkerRequest {
  return typeof data === 'object' && data !== null && (data as { kind?: string }).kind === 'lint-deploy-worker';
}

/**
 * `--concurrency n`: deployments are dealt round-robin to n worker threads (never split: cross-file
 * rules stay whole). The CLI stays synchronous: the main thread sleeps on a shared counter
 * (Atomics.wait) and reads the replies with receiveMessageOnPort.
 */
export function lintInWorkers(run: { argv: string[]; cwd: string; env: Record<string, string | undefined> }, count: number, extraRules: AnyRule[]): LintResult {
  if (!__filename.endsWith('.js')) throw new UsageError('--concurrency needs the built CLI (dist/cli.js)');
  const done = new SharedArrayBuffer(4);
  const counter = new Int32Array(done);
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let index = 0; index < count; index++) {
    const { port1, port2 } = new MessageChannel();
    const request: WorkerRequest = { kind: 'lint-deploy-worker', argv: run.argv, cwd: run.cwd, env: run.env, slice: { index, count }, done, port: port2 };
    workers.push(new Worker(__filename, { workerData: request, transferList: [port2], env: run.env as NodeJS.ProcessEnv }));
    ports.push(port1);
  }
  for (let seen = Atomics.load(counter, 0); seen < count; seen = Atomics.load(counter, 0)) Atomics.wait(counter, 0, seen, 1000);
  const replies = ports.map((port) => receiveMessageOnPort(port)?.message as WorkerReply | undefined);
  for (const worker of workers) void worker.terminate();
  const failed = replies.find((r) => !r || !r.ok) as Extract<WorkerReply, { ok: false }> | undefined;
  if (failed) {
    if (failed.usage) throw new UsageError(failed.message);
    throw new Error(`a worker failed: ${failed.message}`);
  }
  const ok = replies as Extract<WorkerReply, { ok: true }>[];
  return {
    findings: ok.flatMap((r) => r.findings).sort(compareFindings),
    deployments: ok.flatMap((r) => r.roots).sort().map((root) => ({ root, documents: [], components: [], links: [], derived: emptyDerived() })),
    fileCount: ok.reduce((n, r) => n + r.fileCount, 0),
    rules: [...ALL_RULES, ...extraRules],
    internalError: ok.some((r) => r.internalError),
  };
}

/** Runs in a worker thread: lint one slice of the deployments and post the result. */
export function runLintWorker(request: WorkerRequest): void {
  let reply: WorkerReply;
  try {
    const inputs = resolveLintInputs(parseCliArgs(request.argv), request.cwd);
    const result = lint({ ...inputs.options, slice: request.slice, keepModel: false });
    reply = { ok: true, findings: result.findings, roots: result.deployments.map((d) => d.root), fileCount: result.fileCount, internalError: result.internalError };
  } catch (error) {
    reply = { ok: false, usage: error instanceof UsageError, message: (error as Error)?.message ?? String(error) };
  }
  request.port.postMessage(reply);
  const counter = new Int32Array(request.done);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

