#!/usr/bin/env node
// The static checks of `npm test` (test/meta/static.test.ts) in one process, with the same verdicts as
//   tsc --noEmit -p .   tsc --noEmit -p test   eslint --quiet src test scripts bench   prettier --list-different …
// run one by one, for less CPU:
// - ESLint's typed rules on src/ read the very program `tsc -p .` has just checked (parserOptions.programs instead
//   of projectService): the checker's types are computed once, not twice.
// - Both TypeScript programs share their parsed files (src/, lib and @types declarations): the options that
//   differ (noUncheckedIndexedAccess) change checking only, not parsing or binding — TypeScript's own language
//   service shares source files between projects on the same terms (its DocumentRegistry).
// - What is checked file by file keeps a cache in node_modules/.cache/lint-deploy, keyed by content: tsc -p test is
//   incremental (its .tsbuildinfo: a file is re-checked when it or a file it depends on changed), ESLint's untyped
//   rules on test/, scripts/ and bench/ use ESLint's cache, Prettier its own. A cache is dropped whenever the
//   tool's version or options change, so a cached run finds what a fresh one does. src/ is always checked whole:
//   the typed rules need the full program anyway.
// Prints one JSON object: { "<check>": "<its output, empty when clean>" }; exit status 1 when any has output.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ESLint } from 'eslint';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(repo, 'node_modules', '.cache', 'lint-deploy');
const LINTED = ['src', 'test', 'scripts', 'bench'];

const CACHES = ['prettier-cache.json', 'eslint-cache.json', 'tsc-test.tsbuildinfo'];

/**
 * Drops a cache this worktree does not own alone (a hard link, as when node_modules is copied with `cp -al`: a
 * write would change the other copy's) or that a killed run left unreadable (Prettier then refuses to start).
 */
function ownCaches() {
  for (const name of CACHES) {
    const file = path.join(cacheDir, name);
    try {
      if (fs.statSync(file).nlink > 1) throw new Error('shared');
      JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      fs.rmSync(file, { force: true });
    }
  }
}

function prettierCheck() {
  const bin = path.join(repo, 'node_modules', '.bin', 'prettier');
  const args = ['--list-different', '--cache', '--cache-strategy', 'content'];
  args.push('--cache-location', path.join(cacheDir, 'prettier-cache.json'), ...LINTED);
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: repo });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve(code === 0 ? out : out || `prettier exited with ${code}`));
    child.on('error', (e) => resolve(String(e)));
  });
}

const parsed = new Map();
function sharedHost(options) {
  // The incremental host stamps each file with a hash of its text, which the .tsbuildinfo compares.
  const host = ts.createIncrementalCompilerHost(options);
  const read = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    const o = languageVersionOrOptions;
    const key = typeof o === 'object' ? `${fileName}|${o.languageVersion}|${o.impliedNodeFormat}` : `${fileName}|${o}`;
    if (!shouldCreate && parsed.has(key)) return parsed.get(key);
    const file = read.call(host, fileName, languageVersionOrOptions, onError, shouldCreate);
    if (file) parsed.set(key, file);
    return file;
  };
  return host;
}

const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => repo,
  getNewLine: () => '\n',
};

/**
 * The program of one tsconfig and what `tsc --noEmit -p <dir>` would print for it; with `buildInfo`, what
 * `tsc --noEmit --incremental --tsBuildInfoFile <buildInfo> -p <dir>` would print.
 */
function typecheck(project, buildInfo) {
  const configErrors = [];
  const incremental = buildInfo ? { incremental: true, tsBuildInfoFile: buildInfo } : {};
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(repo, project, 'tsconfig.json'),
    { noEmit: true, ...incremental },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d) },
  );
  if (!config) return { program: undefined, output: ts.formatDiagnostics(configErrors, formatHost) };
  const input = {
    rootNames: config.fileNames,
    options: config.options,
    projectReferences: config.projectReferences,
    configFileParsingDiagnostics: config.errors,
    host: sharedHost(config.options),
  };
  const program = buildInfo ? ts.createIncrementalProgram(input) : ts.createProgram(input);
  // tsc's order (emitFilesAndReportErrors): config, options, global, syntax; semantics only when the syntax is clean.
  const diagnostics = [
    ...configErrors,
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
  ];
  if (diagnostics.length === 0) diagnostics.push(...program.getSemanticDiagnostics());
  // With noEmit, emit() writes only the .tsbuildinfo (with the diagnostics just computed).
  if (buildInfo) program.emit();
  return { program, output: ts.formatDiagnostics(ts.sortAndDeduplicateDiagnostics(diagnostics), formatHost) };
}

/** ESLint over LINTED, errors only (--quiet): src/ typed with `program`, the rest untyped with ESLint's cache. */
async function lint(program) {
  // Only src/ has typed rules (eslint.config.mjs); its files are all in the tsconfig.json program. A typed rule's
  // verdict on a file depends on other files, so typed linting keeps no cache.
  const typed = new ESLint({
    cwd: repo,
    overrideConfig: program
      ? [{ files: ['src/**/*.ts'], languageOptions: { parserOptions: { projectService: false, programs: [program] } } }]
      : [],
  });
  const untyped = new ESLint({
    cwd: repo,
    cache: true,
    cacheStrategy: 'content',
    cacheLocation: path.join(cacheDir, 'eslint-cache.json'),
  });
  const results = [
    ...(await typed.lintFiles(['src'])),
    ...(await untyped.lintFiles(LINTED.filter((dir) => dir !== 'src'))),
  ];
  const errors = ESLint.getErrorResults(results);
  if (errors.length === 0) return '';
  return (await typed.loadFormatter('stylish')).format(errors);
}

// LINT_DEPLOY_STATIC_TIMES=1 prints each step's CPU seconds (this process) to stderr.
let last = process.cpuUsage();
const step = (name) => {
  if (!process.env.LINT_DEPLOY_STATIC_TIMES) return;
  const now = process.cpuUsage();
  process.stderr.write(`${name}: ${((now.user + now.system - last.user - last.system) / 1e6).toFixed(1)} s CPU\n`);
  last = now;
};
ownCaches();
const prettier = prettierCheck();
const out = {};
const src = typecheck('.');
out['tsc -p .'] = src.output;
step('tsc -p .');
try {
  out.eslint = await lint(src.program);
} catch (e) {
  out.eslint = `eslint failed: ${e instanceof Error ? e.message : String(e)}`;
}
step('eslint');
out['tsc -p test'] = typecheck('test', path.join(cacheDir, 'tsc-test.tsbuildinfo')).output;
step('tsc -p test');
out.prettier = await prettier;
process.stdout.write(JSON.stringify(out) + '\n');
process.exitCode = Object.values(out).some((o) => o !== '') ? 1 : 0;
