import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * bench/cpu-by-thread.mjs classifies perf's on-CPU samples by thread and kind of work. A stand-in `perf` on
 * PATH records nothing and prints a fixed `perf script` text, so the classification is checked without perf
 * (and without timing anything).
 */
const script = path.join(__dirname, '..', '..', 'bench', 'cpu-by-thread.mjs');

/** `perf script -F pid,tid,ip,sym` output: a `pid/tid` line, then the stack innermost first, then a blank line. */
const SAMPLES = [
  // Main thread (pid = tid): JavaScript, a page fault under a builtin, a system call.
  ['100/100', '7f01 Builtins_LoadIC', '7f02 [unknown]'],
  ['100/100', 'ffffffff81000c82 asm_exc_page_fault', 'ffffffff82260286 exc_page_fault', '7f03 Builtins_CloneObjectIC'],
  ['100/100', 'ffffffff81676b10 __d_lookup_rcu', 'ffffffff81000080 entry_SYSCALL_64_after_hwframe', '7f04 __open64'],
  // The kernel on the thread's time without a system call (an interrupt).
  ['100/100', 'ffffffff8225fd19 pvm_irq_enable', 'ffffffff8134bbd7 flush_tlb_mm_range', '7f05 Builtins_LoadIC'],
  // Lazy compilation of a function on the main thread.
  ['100/100', '55 v8::internal::BytecodeGenerator::GenerateBytecode', '56 v8::internal::Compiler::Compile'],
  // V8's threads: TurboFan (twice) and a parallel scavenge.
  [
    '100/104',
    '57 v8::internal::compiler::GraphReducer::ReduceTop',
    '58 v8::internal::OptimizingCompileDispatcher::CompileTask::RunInternal',
  ],
  [
    '100/104',
    '59 v8::internal::compiler::Scheduler::ScheduleLate',
    '5a v8::internal::OptimizedCompilationJob::ExecuteJob',
  ],
  ['100/105', '5b v8::internal::Scavenger::ScavengeObject', '5c v8::internal::ScavengerCollector::JobTask::Run'],
]
  .map(([header, ...frames]) => [`    ${header} `, ...frames.map((f) => `\t    ${f}`)].join('\n'))
  .join('\n\n');

function fakePerf(dir: string, record: string): void {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(dir, 'samples.txt'), `${SAMPLES}\n`);
  fs.writeFileSync(
    path.join(bin, 'perf'),
    [
      '#!/bin/sh',
      `if [ "$1" = script ]; then cat '${path.join(dir, 'samples.txt')}'; exit 0; fi`,
      // `perf record … -o <file> …`: write the data file (or not, to fail).
      'while [ $# -gt 0 ]; do if [ "$1" = -o ]; then shift; out="$1"; fi; shift; done',
      record,
    ].join('\n'),
    { mode: 0o755 },
  );
}

function run(dir: string) {
  return spawnSync(process.execPath, [script, '--frequency', '100'], {
    cwd: dir,
    env: { ...process.env, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` },
    encoding: 'utf8',
  });
}

describe('bench/cpu-by-thread.mjs', () => {
  it('splits the samples by thread and kind of work', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-cpu-by-thread-'));
    try {
      fakePerf(dir, 'echo data > "$out"; exit 1');
      const result = run(dir);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toBe('8 samples at 100 Hz = 0.08 s of CPU; main thread  62.5%, other threads  37.5%');
      const row = (kind: string) => lines.find((l) => l.startsWith(kind))?.replace(/\s+/g, ' ');
      expect(row('optimizing compiler')).toBe('optimizing compiler (TurboFan, Maglev) 0.0% 0.00 s 25.0% 0.02 s');
      expect(row('garbage collector')).toBe('garbage collector 0.0% 0.00 s 12.5% 0.01 s');
      expect(row('bytecode compiler')).toBe('bytecode compiler (parse, Ignition, Sparkplug) 12.5% 0.01 s 0.0% 0.00 s');
      expect(row('page faults')).toBe('page faults 12.5% 0.01 s 0.0% 0.00 s');
      expect(row('kernel (system')).toBe('kernel (system calls) 12.5% 0.01 s 0.0% 0.00 s');
      expect(row('kernel (other')).toBe('kernel (other) 12.5% 0.01 s 0.0% 0.00 s');
      expect(row('JavaScript')).toBe('JavaScript, V8 builtins and runtime 12.5% 0.01 s 0.0% 0.00 s');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says in one line when perf recorded nothing, and exits 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-cpu-by-thread-'));
    try {
      fakePerf(dir, 'echo "perf_event_paranoid setting is 4" >&2; exit 255');
      const result = run(dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('cpu-by-thread: perf record failed (exit 255): perf_event_paranoid setting is 4\n');
      expect(result.stdout).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
