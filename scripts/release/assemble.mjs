#!/usr/bin/env node
// Assembles the release artefact: the tree a `vX.Y.Z` tag carries, which `uses: <owner>/lint-deploy@vX`
// (GitHub Action) and `rev: vX.Y.Z` (pre-commit) check out. Shared by .github/workflows/release.yml and
// test/release/release.test.ts, so the test checks exactly what is published.
//
// Nothing in the artefact needs npm at run time: dist/ bundles every dependency (esbuild), and the
// package.json it carries has no dependencies, devDependencies or scripts, so pre-commit's node
// install (`npm install`, `npm pack`, `npm install -g <tarball>`) fetches nothing and runs no build.
//
// Usage: node scripts/release/assemble.mjs <empty-or-new-dir> [--expect-version X.Y.Z]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What the artefact holds, beside dist/ (cli.js, index.js) and package.json: what the command, the action and the hook read. */
export const RELEASE_FILES = [
  'action.yml',
  'action/main.js',
  'bin/lint-deploy.js',
  '.pre-commit-hooks.yaml',
  'README.md',
  'schemas',
  'docs',
];

/** package.json of the artefact: the source's identity and entry points, nothing to install or run. */
export function releasePackageJson(source) {
  const keep = [
    'name',
    'version',
    'description',
    'license',
    'type',
    'bin',
    'main',
    'engines',
    'repository',
    'homepage',
  ];
  const out = Object.fromEntries(keep.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
  out.files = ['bin', 'dist', 'schemas', 'docs', 'action', 'action.yml', '.pre-commit-hooks.yaml'];
  return out;
}

export function assemble(outDir, { expectVersion } = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (expectVersion !== undefined && expectVersion !== pkg.version) {
    throw new Error(`the tag says ${expectVersion} but package.json says ${pkg.version}: bump package.json first`);
  }
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new Error(`${outDir} is not empty`);
  fs.mkdirSync(outDir, { recursive: true });
  // A fresh build from these sources straight into the artefact (never a stale dist/ of the checkout,
  // and the checkout's dist/ is left alone while tests use it).
  build(path.join(outDir, 'dist'));
  for (const entry of RELEASE_FILES) fs.cpSync(path.join(root, entry), path.join(outDir, entry), { recursive: true });
  fs.writeFileSync(path.join(outDir, 'package.json'), JSON.stringify(releasePackageJson(pkg), null, 2) + '\n');
  return { version: pkg.version };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, flag, value] = process.argv.slice(2);
  if (!outDir || (flag !== undefined && (flag !== '--expect-version' || !value))) {
    process.stderr.write('usage: node scripts/release/assemble.mjs <dir> [--expect-version X.Y.Z]\n');
    process.exit(2);
  }
  try {
    const { version } = assemble(path.resolve(outDir), { expectVersion: value });
    process.stdout.write(`${version}\n`);
  } catch (error) {
    process.stderr.write(`assemble: ${error.message}\n`);
    process.exit(2);
  }
}
