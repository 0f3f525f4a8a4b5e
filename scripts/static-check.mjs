#!/usr/bin/env node
// The static checks of `npm test` (test/meta/static.test.ts) in one process, with the same verdicts as
//   tsc --noEmit -p .   tsc --noEmit -p test   eslint --quiet src test scripts bench   prettier --list-different …
// run one by one, for less CPU:
// - ESLint's typed rules on src/ read the very program `tsc -p .` has just checked (parserOptions.programs instead
//   of projectService): the checker's types are computed once, not twice.
// - Both TypeScript programs share their parsed files (src/, lib and @types declarations): the options that
//   differ (noUncheckedIndexedAccess) change checking only, not parsing or binding — TypeScript's own language
//   service shares source files between projects on the same terms (its DocumentRegistry).
// - Prettier runs beside them in a child process with a content-keyed cache (node_modules/.cache): a file is
//   re-checked whenever its text, Prettier's version or options change, so a cached run finds what a fresh one does.
// Prints one JSON object: { "<check>": "<its output, empty when clean>" }; exit status 1 when any has output.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ESLint } from 'eslint';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(repo, 'node_modules', '.cache', 'lint-deploy');

function prettierCheck() {
  const bin = path.join(repo, 'node_modules', '.bin', 'prettier');
  const args = ['--list-different', '--cache', '--cache-strategy', 'content'];
  args.push('--cache-location', path.join(cacheDir, 'prettier-cache.json'), 'src', 'test', 'scripts', 'bench');
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
  const host = ts.createCompilerHost(options);
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

/** The program of one tsconfig and what `tsc --noEmit -p <dir>` would print for it. */
function typecheck(project) {
  const configErrors = [];
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(repo, project, 'tsconfig.json'),
    { noEmit: true },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d) },
  );
  if (!config) return { program: undefined, output: ts.formatDiagnostics(configErrors, formatHost) };
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    projectReferences: config.projectReferences,
    configFileParsingDiagnostics: config.errors,
    host: sharedHost(config.options),
  });
  // tsc's order (emitFilesAndReportErrors): config, options, global, syntax; semantics only when the syntax is clean.
  const diagnostics = [
    ...configErrors,
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
  ];
  if (diagnostics.length === 0) diagnostics.push(...program.getSemanticDiagnostics());
  return { program, output: ts.formatDiagnostics(diagnostics, formatHost) };
}

async function lint(program) {
  const eslint = new ESLint({
    cwd: repo,
    // Only src/ has typed rules (eslint.config.mjs); its files are all in the tsconfig.json program.
    overrideConfig: program
      ? [{ files: ['src/**/*.ts'], languageOptions: { parserOptions: { projectService: false, programs: [program] } } }]
      : [],
  });
  const results = ESLint.getErrorResults(await eslint.lintFiles(['src', 'test', 'scripts', 'bench']));
  if (results.length === 0) return '';
  return (await eslint.loadFormatter('stylish')).format(results);
}

// LINT_DEPLOY_STATIC_TIMES=1 prints each step's CPU seconds (this process) to stderr.
let last = process.cpuUsage();
const step = (name) => {
  if (!process.env.LINT_DEPLOY_STATIC_TIMES) return;
  const now = process.cpuUsage();
  process.stderr.write(`${name}: ${((now.user + now.system - last.user - last.system) / 1e6).toFixed(1)} s CPU\n`);
  last = now;
};
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
out['tsc -p test'] = typecheck('test').output;
step('tsc -p test');
out.prettier = await prettier;
process.stdout.write(JSON.stringify(out) + '\n');
process.exitCode = Object.values(out).some((o) => o !== '') ? 1 : 0;
