#!/usr/bin/env node
// Where a run's CPU time goes, by thread and by kind of work, from on-CPU samples of every thread (Linux
// `perf`). V8's sampling profiler (`--cpu-prof`) sees only the main thread and counts wall time (a frame
// that waits for a core is charged with the wait), so it cannot show what V8's own threads cost: the
// optimizing compiler and the garbage collector run beside the JavaScript, and `--stats` CPU is then
// larger than its wall time. perf's cpu-clock samples only threads that are on a CPU.
//
//   cd bench/out/fleet-2000 && node ../../cpu-by-thread.mjs [--frequency 499] [--cli <dist/cli.js>] [-- lint args]
//
// Prints the share of samples of the main thread and of the other threads in each kind of work, and the
// CPU seconds they stand for (samples / frequency). Exits 2 when perf is missing or may not sample.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dashdash = argv.indexOf('--');
const args = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
const lintArgs = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const frequency = Number(option('frequency', '499'));
const cli = path.resolve(option('cli', path.join(root, 'dist', 'cli.js')));

/** Kinds of work, first match wins; a sample is classified by its whole stack (the innermost frame first). */
const KINDS = [
  [
    'optimizing compiler (TurboFan, Maglev)',
    /OptimizingCompileDispatcher|PipelineCompilationJob|OptimizedCompilationJob|v8::internal::compiler::|v8::internal::maglev::/,
  ],
  [
    'garbage collector',
    /Scavenger|ScavengeJob|MarkCompact|ConcurrentMarking|IncrementalMarking|MinorMarkCompact|Sweeper|GCTracer|Heap::CollectGarbage|Evacuat|MemoryAllocator::Unmapper/,
  ],
  [
    'bytecode compiler (parse, Ignition, Sparkplug)',
    /Parser::|PreParser|BytecodeGenerator|Compiler::Compile|CompileLazy|baseline::/,
  ],
  ['page faults', /exc_page_fault|handle_mm_fault/],
  ['kernel (system calls)', /^(entry_SYSCALL|do_syscall|__x64_sys|ksys_|vfs_|__arm64_sys)/],
];
/** Other kernel work on the thread's time (interrupts, TLB flushes): the innermost frame is a kernel address. */
const KERNEL_OTHER = 'kernel (other)';
const OTHER = 'JavaScript, V8 builtins and runtime';

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, ...options });
  if (result.error) {
    process.stderr.write(`cpu-by-thread: ${command}: ${result.error.message}\n`);
    process.exit(2);
  }
  return result;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-perf-'));
// Also on process.exit (a failed perf run exits from inside the try below, past its finally).
process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const data = path.join(dir, 'perf.data');
try {
  const recorded = run(
    'perf',
    [
      'record',
      '-F',
      String(frequency),
      '-e',
      'cpu-clock',
      '-g',
      '-o',
      data,
      process.execPath,
      cli,
      '--format',
      'json',
      ...lintArgs,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (!fs.existsSync(data) || (recorded.status !== 0 && recorded.status !== 1)) {
    process.stderr.write(
      `cpu-by-thread: perf record failed (exit ${recorded.status}): ${recorded.stderr.trim().split('\n').pop()}\n`,
    );
    process.exit(2);
  }
  const script = run('perf', ['script', '-i', data, '-F', 'pid,tid,ip,sym'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const counts = new Map();
  let total = 0;
  let main = 0;
  const count = (thread, frames) => {
    if (!thread) return;
    const names = frames.map((f) => f.replace(/^[0-9a-f]+\s+/, ''));
    const kind =
      KINDS.find(([, pattern]) => names.some((f) => pattern.test(f)))?.[0] ??
      (/^ffffffff/.test(frames[0] ?? '') ? KERNEL_OTHER : OTHER);
    const key = `${thread.main ? 'main' : 'other'}\u0000${kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
    if (thread.main) main++;
  };
  let thread;
  let frames = [];
  for (const line of script.stdout.split('\n')) {
    const header = /^\s*(\d+)\/(\d+)\s*$/.exec(line);
    if (header) {
      count(thread, frames);
      thread = { main: header[1] === header[2] };
      frames = [];
    } else if (line.trim()) frames.push(line.trim());
  }
  count(thread, frames);
  if (total === 0) {
    process.stderr.write('cpu-by-thread: perf recorded no samples\n');
    process.exit(2);
  }
  const seconds = (n) => `${(n / frequency).toFixed(2)} s`;
  const share = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
  const kinds = [...KINDS.map(([kind]) => kind), KERNEL_OTHER, OTHER];
  const width = Math.max(...kinds.map((k) => k.length));
  process.stdout.write(
    `${total} samples at ${frequency} Hz = ${seconds(total)} of CPU; main thread ${share(main)}, other threads ${share(total - main)}\n`,
  );
  process.stdout.write(
    `${'kind of work'.padEnd(width)}  ${'main thread'.padStart(18)}  ${'other threads'.padStart(18)}\n`,
  );
  for (const kind of kinds) {
    const m = counts.get(`main\u0000${kind}`) ?? 0;
    const o = counts.get(`other\u0000${kind}`) ?? 0;
    if (m + o === 0) continue;
    process.stdout.write(
      `${kind.padEnd(width)}  ${share(m)} ${seconds(m).padStart(10)}  ${share(o)} ${seconds(o).padStart(10)}\n`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
