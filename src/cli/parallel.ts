import {
  isMainThread,
  MessageChannel,
  type MessagePort,
  parentPort,
  Worker,
  receiveMessageOnPort,
  workerData,
} from 'node:worker_threads';
import type { Finding } from '../core/types';
import { compareFindings, UsageError } from '../core/types';
import { emptyDerived } from '../derive/derive';
import { lint, type LintResult } from '../engine/lint';
import { ALL_RULES } from '../rules';
import type { AnyRule } from '../rules/types';
import type { RuntimeUse } from '../model/types';
import type { DiscoveredDeployment } from '../discover/discover';
import { parseCliArgs } from './args';
import { resolveLintInputs } from './lint-inputs';
import { THREAD_ARGUMENT } from './thread-argument';

/**
 * The entry point of a thread started with THREAD_ARGUMENT: the coordinator or a lint worker.
 * @public required lazily by bin.ts (knip does not follow `require`)
 */
export function runThread(): void {
  if (!isMainThread && isWorkerRequest(workerData)) runLintWorker(workerData);
  else if (!isMainThread && isCoordinatorRequest(workerData)) runCoordinator(workerData);
}

/** What a worker needs: the same command line, so it resolves config, custom rules and plugins itself. */
interface WorkerRequest {
  kind: 'lint-deploy-worker';
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** This thread's share of the deployments the main thread found. */
  targets: DiscoveredDeployment[];
}

/** The coordinator thread: starts the workers and watches them, so a worker that dies is noticed. */
interface CoordinatorRequest {
  kind: 'lint-deploy-coordinator';
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  count: number;
  /** Every deployment, dealt round-robin by position to the threads. */
  targets: DiscoveredDeployment[];
  done: SharedArrayBuffer;
  port: MessagePort;
}

type WorkerReply =
  | {
      ok: true;
      findings: Finding[];
      /** Each deployment's root, and its name when that is not the root (a file set). */
      deployments: { root: string; name?: string }[];
      fileCount: number;
      internalError: boolean;
      runtimes: RuntimeUse[];
    }
  | { ok: false; usage: boolean; message: string };

function isWorkerRequest(data: unknown): data is WorkerRequest {
  return typeof data === 'object' && data !== null && (data as { kind?: string }).kind === 'lint-deploy-worker';
}

function isCoordinatorRequest(data: unknown): data is CoordinatorRequest {
  return typeof data === 'object' && data !== null && (data as { kind?: string }).kind === 'lint-deploy-coordinator';
}

/**
 * `--concurrency n`: deployments are dealt round-robin to n worker threads (never split: cross-file
 * rules stay whole). The CLI stays synchronous: the main thread sleeps on a shared counter
 * (Atomics.wait) while a coordinator thread, which has an event loop, starts the workers, hears
 * their replies and their `exit` (a worker that dies without replying fails the run at once instead
 * of being waited for forever), then posts every reply and wakes the main thread.
 * @public required lazily by main.ts, only when threads are used (knip does not follow `require`)
 */
export function lintInWorkers(
  run: { argv: string[]; cwd: string; env: Record<string, string | undefined> },
  targets: DiscoveredDeployment[],
  count: number,
  extraRules: AnyRule[],
): LintResult {
  if (!__filename.endsWith('.js')) throw new UsageError('--concurrency needs the built CLI (dist/cli.js)');
  const done = new SharedArrayBuffer(4);
  const counter = new Int32Array(done);
  const { port1, port2 } = new MessageChannel();
  const request: CoordinatorRequest = {
    kind: 'lint-deploy-coordinator',
    argv: run.argv,
    cwd: run.cwd,
    env: run.env,
    count,
    targets,
    done,
    port: port2,
  };
  const coordinator = new Worker(__filename, {
    workerData: request,
    transferList: [port2],
    env: run.env as NodeJS.ProcessEnv,
    argv: [THREAD_ARGUMENT],
  });
  while (Atomics.load(counter, 0) === 0) Atomics.wait(counter, 0, 0, 1000);
  const replies = (receiveMessageOnPort(port1)?.message ?? []) as (WorkerReply | undefined)[];
  void coordinator.terminate();
  const failed =
    replies.length < count
      ? { ok: false as const, usage: false, message: 'the coordinator thread stopped' }
      : (replies.find((r) => !r || !r.ok) as Extract<WorkerReply, { ok: false }> | undefined);
  if (failed) {
    if (failed.usage) throw new UsageError(failed.message);
    throw new UsageError(`--concurrency: ${failed.message}; run without --concurrency to see more`);
  }
  const ok = replies as Extract<WorkerReply, { ok: true }>[];
  const findings: Finding[] = [];
  for (const reply of ok) for (const finding of reply.findings) findings.push(finding);
  return {
    findings: findings.sort(compareFindings),
    deployments: ok
      .flatMap((r) => r.deployments)
      .sort((a, b) => ((a.name ?? a.root) < (b.name ?? b.root) ? -1 : 1))
      .map((d) => ({ ...d, documents: [], components: [], links: [], derived: emptyDerived() })),
    fileCount: ok.reduce((n, r) => n + r.fileCount, 0),
    rules: [...ALL_RULES, ...extraRules],
    internalError: ok.some((r) => r.internalError),
    // In the single-thread order: deployments sorted by root, each one's attachments in model order.
    runtimes: ok
      .flatMap((r) => r.runtimes)
      .sort((a, b) => (a.deployment < b.deployment ? -1 : a.deployment > b.deployment ? 1 : 0)),
  };
}

/** Runs in the coordinator thread: one worker per slice; each settles with its reply, or with its death. */
function runCoordinator(request: CoordinatorRequest): void {
  const replies: (WorkerReply | undefined)[] = new Array<WorkerReply | undefined>(request.count);
  let settled = 0;
  const finish = () => {
    request.port.postMessage(replies);
    const counter = new Int32Array(request.done);
    Atomics.store(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
  for (let index = 0; index < request.count; index++) {
    const targets = request.targets.filter((_, i) => i % request.count === index);
    const work: WorkerRequest = {
      kind: 'lint-deploy-worker',
      argv: request.argv,
      cwd: request.cwd,
      env: request.env,
      targets,
    };
    const settle = (reply: WorkerReply) => {
      if (replies[index]) return;
      replies[index] = reply;
      if (++settled === request.count) finish();
    };
    let worker: Worker;
    try {
      worker = new Worker(__filename, {
        workerData: work,
        env: request.env as NodeJS.ProcessEnv,
        argv: [THREAD_ARGUMENT],
      });
    } catch (error) {
      settle({ ok: false, usage: false, message: `worker ${index + 1} could not start (${(error as Error).message})` });
      continue;
    }
    worker.on('message', (reply: WorkerReply) => settle(reply));
    worker.on('error', (error: Error) =>
      settle({ ok: false, usage: false, message: `worker ${index + 1} failed (${error.message.split('\n')[0]})` }),
    );
    // A reply posted just before the thread ended is delivered first; the turn after is the proof it never came.
    worker.on('exit', (code) =>
      setImmediate(() =>
        settle({
          ok: false,
          usage: false,
          message: `worker ${index + 1} stopped (exit code ${code}) before finishing`,
        }),
      ),
    );
  }
}

/** Runs in a worker thread: lint one slice of the deployments and post the result. */
function runLintWorker(request: WorkerRequest): void {
  let reply: WorkerReply;
  try {
    const inputs = resolveLintInputs(parseCliArgs(request.argv), request.cwd);
    const result = lint({ ...inputs.options, discovered: request.targets, keepModel: false });
    reply = {
      ok: true,
      findings: result.findings,
      deployments: result.deployments.map((d) => (d.name ? { root: d.root, name: d.name } : { root: d.root })),
      fileCount: result.fileCount,
      internalError: result.internalError,
      runtimes: result.runtimes,
    };
  } catch (error) {
    reply = { ok: false, usage: error instanceof UsageError, message: (error as Error)?.message ?? String(error) };
  }
  parentPort?.postMessage(reply);
}
