"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const main_1 = require("./main");
const std_streams_1 = require("./std-streams");
const thread_argument_1 = require("./thread-argument");
// Threads of --concurrency are started with THREAD_ARGUMENT (src/cli/parallel.ts): a plain run loads
// neither node:worker_threads nor the thread code.
if (process.argv.includes(thread_argument_1.THREAD_ARGUMENT)) {
    const { runThread } = require('./parallel');
    runThread();
}
else
    main();
function main() {
    // `lint-deploy … | head -1`: the reader went away. Stop writing and end quietly with the run's code,
    // as Unix tools do, instead of an unhandled 'error' event and its stack trace.
    let closed = false;
    const close = (error) => {
        if (error.code !== 'EPIPE')
            throw error;
        closed = true;
        process.exit(process.exitCode ?? 0);
    };
    const stdout = (0, std_streams_1.stdWriter)(1, close);
    const stderr = (0, std_streams_1.stdWriter)(2);
    const code = (0, main_1.runCli)(process.argv.slice(2), {
        cwd: process.cwd(),
        env: process.env,
        stdoutIsTTY: stdout.isTTY,
        stderrIsTTY: stderr.isTTY,
        stdout: (text) => {
            if (!closed && !stdout.write(text))
                closed = true;
        },
        stderr: (text) => {
            stderr.write(text);
        },
    });
    // Let stdout drain before exiting (large reports to a pipe Node writes).
    process.exitCode = code;
}
