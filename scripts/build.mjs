#!/usr/bin/env node
// Bundles the CLI and the library with esbuild: one file each, so start-up loads one module
// instead of hundreds (pre-commit runs the tool on every commit).
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Writes cli.js and index.js into `outDir` (default: dist/ of this checkout). */
export function build(outDir = path.join(root, 'dist')) {
  // Whitespace and syntax minified, names kept (stack traces and CPU profiles stay readable): a third less
  // JavaScript to read and load at start-up (docs/performance.md).
  const common = {
    bundle: true,
    platform: 'node',
    mainFields: ['module', 'main'],
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    logLevel: 'warning',
    absWorkingDir: root,
    minifyWhitespace: true,
    minifySyntax: true,
  };
  for (const [entry, out] of [
    ['src/cli/bin.ts', 'cli.js'],
    ['src/index.ts', 'index.js'],
  ]) {
    const [bundle] = buildSync({
      ...common,
      entryPoints: [entry],
      outfile: path.join(outDir, out),
      write: false,
    }).outputFiles;
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(bundle.path, withPlainBuiltins(bundle.text));
  }
}

/**
 * `import * as path from 'node:path'` becomes `__toESM(require("node:path"))` in an esbuild CommonJS
 * bundle: a copy of the module with one getter per export, made again in every file that imports it
 * (51 copies of node:path, 14 of node:fs, all evaluated at start-up, and a getter call on every
 * `path.join`). Node's built-in modules are plain objects that the namespace import reads directly;
 * only namespace and named imports are rewritten (a default import passes a second argument and keeps
 * its wrapper).
 */
export function withPlainBuiltins(code) {
  return code.replace(/__toESM\(require\("(node:[a-z_/]+)"\)\)/g, 'require("$1")');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) build();
