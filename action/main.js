#!/usr/bin/env node
// GitHub Action entry (action.yml, runs.using: node20). Runs lint-deploy in-process on the
// bundled library (dist/index.js, built by `npm run build`; release tags carry dist/), writes
// SARIF for github/codeql-action/upload-sarif, and prints workflow-command annotations.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function input(name, fallback = '') {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

/** Splits a multi-line or space-separated input into arguments (quotes group words). */
function words(text) {
  return (text.match(/"[^"]*"|'[^']*'|\S+/g) || []).map((w) => w.replace(/^["']|["']$/g, ''));
}

function setOutput(name, value) {
  const file = process.env.GITHUB_OUTPUT;
  if (file) fs.appendFileSync(file, `${name}=${value}\n`);
}

let runCli;
try {
  ({ runCli } = require(path.join(__dirname, '..', 'dist', 'index.js')));
} catch (error) {
  // exit-code is an output every caller may test, even when the run could not start.
  setOutput('exit-code', '2');
  process.stdout.write(`::error title=lint-deploy action::dist/index.js is missing (${error.code || error.message}): use a release tag of the action (uses: <owner>/lint-deploy@v0), or run npm ci before uses: ./\n`);
  process.exit(2);
}

const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
const cwd = path.resolve(workspace, input('working-directory', '.'));
const sarifFile = input('sarif-file', 'lint-deploy.sarif');
// The default SARIF path lies in the checked-out tree: a symbolic link committed there is not written
// through (the CLI follows links only at paths the user named, as a sarif-file input is).
if (input('sarif-file') === '') {
  let isLink = false;
  try {
    isLink = fs.lstatSync(path.resolve(cwd, sarifFile)).isSymbolicLink();
  } catch {
    // nothing there yet
  }
  if (isLink) {
    process.stdout.write(`::error title=lint-deploy action::${sarifFile} in the working directory is a symbolic link: not written through (set the sarif-file input to name the path)\n`);
    process.exit(2);
  }
}
const args = ['--format', 'sarif', '--output-file', sarifFile];
// Plugins run code: only with the allow-plugins input (default off; docs/security.md).
if (input('allow-plugins', 'false') === 'true') args.push('--allow-plugins');
if (input('annotations', 'true') === 'true') args.push('--format', 'github');
const config = input('config');
if (config) args.push('--config', config);
const baseline = input('baseline');
if (baseline) args.push('--baseline', baseline);
const maxWarnings = input('max-warnings');
if (maxWarnings) args.push('--max-warnings', maxWarnings);
args.push(...words(input('args')), ...words(input('paths', '.')));

const code = runCli(args, {
  cwd,
  // Report paths relative to the repository root, not to working-directory: annotations and SARIF
  // results must name files as GitHub sees them.
  reportRoot: workspace,
  env: process.env,
  stdoutIsTTY: false,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
setOutput('sarif-file', path.resolve(cwd, sarifFile));
setOutput('exit-code', String(code));
// Exit 1 (findings) fails the step unless fail-on-findings is false; exit 2 (the run failed) always does.
process.exitCode = code === 1 && input('fail-on-findings', 'true') === 'false' ? 0 : code;
