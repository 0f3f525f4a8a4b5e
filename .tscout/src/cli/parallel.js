"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runThread = runThread;
exports.lintInWorkers = lintInWorkers;
const node_worker_threads_1 = require("node:worker_threads");
const types_1 = require("../core/types");
const derive_1 = require("../derive/derive");
const lint_1 = require("../engine/lint");
const rules_1 = require("../rules");
const args_1 = require("./args");
const lint_inputs_1 = require("./lint-inputs");
const thread_argument_1 = require("./thread-argument");
/**
 * The entry point of a thread started with THREAD_ARGUMENT: the coordinator or a lint worker.
 * @public required lazily by bin.ts (knip does not follow `require`)
 */
function runThread() {
    if (!node_worker_threads_1.isMainThread && isWorkerRequest(node_worker_threads_1.workerData))
        runLintWorker(node_worker_threads_1.workerData);
    else if (!node_worker_threads_1.isMainThread && isCoordinatorRequest(node_worker_threads_1.workerData))
        runCoordinator(node_worker_threads_1.workerData);
}
function isWorkerRequest(data) {
    return typeof data === 'object' && data !== null && data.kind === 'lint-deploy-worker';
}
function isCoordinatorRequest(data) {
    return typeof data === 'object' && data !== null && data.kind === 'lint-deploy-coordinator';
}
/**
 * `--concurrency n`: deployments are dealt round-robin to n worker threads (never split: cross-file
 * rules stay whole). The CLI stays synchronous: the main thread sleeps on a shared counter
 * (Atomics.wait) while a coordinator thread, which has an event loop, starts the workers, hears
 * their replies and their `exit` (a worker that dies without replying fails the run at once instead
 * of being waited for forever), then posts every reply and wakes the main thread.
 * @public required lazily by main.ts, only when threads are used (knip does not follow `require`)
 */
function lintInWorkers(run, targets, count, extraRules) {
    if (!__filename.endsWith('.js'))
        throw new types_1.UsageError('--concurrency needs the built CLI (dist/cli.js)');
    const done = new SharedArrayBuffer(4);
    const counter = new Int32Array(done);
    const { port1, port2 } = new node_worker_threads_1.MessageChannel();
    const request = {
        kind: 'lint-deploy-coordinator',
        argv: run.argv,
        cwd: run.cwd,
        env: run.env,
        count,
        targets,
        done,
        port: port2,
    };
    const coordinator = new node_worker_threads_1.Worker(__filename, {
        workerData: request,
        transferList: [port2],
        env: run.env,
        argv: [thread_argument_1.THREAD_ARGUMENT],
    });
    while (Atomics.load(counter, 0) === 0)
        Atomics.wait(counter, 0, 0, 1000);
    const replies = ((0, node_worker_threads_1.receiveMessageOnPort)(port1)?.message ?? []);
    void coordinator.terminate();
    const failed = replies.length < count
        ? { ok: false, usage: false, message: 'the coordinator thread stopped' }
        : replies.find((r) => !r || !r.ok);
    if (failed) {
        if (failed.usage)
            throw new types_1.UsageError(failed.message);
        throw new types_1.UsageError(`--concurrency: ${failed.message}; run without --concurrency to see more`);
    }
    const ok = replies;
    const findings = [];
    for (const reply of ok)
        for (const finding of reply.findings)
            findings.push(finding);
    return {
        findings: findings.sort(types_1.compareFindings),
        deployments: ok
            .flatMap((r) => r.deployments)
            .sort((a, b) => ((a.name ?? a.root) < (b.name ?? b.root) ? -1 : 1))
            .map((d) => ({ ...d, documents: [], components: [], links: [], derived: (0, derive_1.emptyDerived)() })),
        fileCount: ok.reduce((n, r) => n + r.fileCount, 0),
        rules: [...rules_1.ALL_RULES, ...extraRules],
        internalError: ok.some((r) => r.internalError),
        // In the single-thread order: deployments sorted by root, each one's attachments in model order.
        runtimes: ok
            .flatMap((r) => r.runtimes)
            .sort((a, b) => (a.deployment < b.deployment ? -1 : a.deployment > b.deployment ? 1 : 0)),
    };
}
/** Runs in the coordinator thread: one worker per slice; each settles with its reply, or with its death. */
function runCoordinator(request) {
    const replies = new Array(request.count);
    let settled = 0;
    const finish = () => {
        request.port.postMessage(replies);
        const counter = new Int32Array(request.done);
        Atomics.store(counter, 0, 1);
        Atomics.notify(counter, 0);
    };
    for (let index = 0; index < request.count; index++) {
        const targets = request.targets.filter((_, i) => i % request.count === index);
        const work = {
            kind: 'lint-deploy-worker',
            argv: request.argv,
            cwd: request.cwd,
            env: request.env,
            targets,
        };
        const settle = (reply) => {
            if (replies[index])
                return;
            replies[index] = reply;
            if (++settled === request.count)
                finish();
        };
        let worker;
        try {
            worker = new node_worker_threads_1.Worker(__filename, {
                workerData: work,
                env: request.env,
                argv: [thread_argument_1.THREAD_ARGUMENT],
            });
        }
        catch (error) {
            settle({ ok: false, usage: false, message: `worker ${index + 1} could not start (${error.message})` });
            continue;
        }
        worker.on('message', (reply) => settle(reply));
        worker.on('error', (error) => settle({ ok: false, usage: false, message: `worker ${index + 1} failed (${error.message.split('\n')[0]})` }));
        // A reply posted just before the thread ended is delivered first; the turn after is the proof it never came.
        worker.on('exit', (code) => setImmediate(() => settle({
            ok: false,
            usage: false,
            message: `worker ${index + 1} stopped (exit code ${code}) before finishing`,
        })));
    }
}
/** Runs in a worker thread: lint one slice of the deployments and post the result. */
function runLintWorker(request) {
    let reply;
    try {
        const inputs = (0, lint_inputs_1.resolveLintInputs)((0, args_1.parseCliArgs)(request.argv), request.cwd);
        const result = (0, lint_1.lint)({ ...inputs.options, discovered: request.targets, keepModel: false });
        reply = {
            ok: true,
            findings: result.findings,
            deployments: result.deployments.map((d) => (d.name ? { root: d.root, name: d.name } : { root: d.root })),
            fileCount: result.fileCount,
            internalError: result.internalError,
            runtimes: result.runtimes,
        };
    }
    catch (error) {
        reply = { ok: false, usage: error instanceof types_1.UsageError, message: error?.message ?? String(error) };
    }
    node_worker_threads_1.parentPort?.postMessage(reply);
}
