#!/usr/bin/env node
// Bundles the CLI and the library with esbuild: one file each, so start-up loads one module
// instead of hundreds (pre-commit runs the tool on every commit).
import { buildSync } from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = { bundle: true, platform: 'node', mainFields: ['module', 'main'], target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning', absWorkingDir: root };
buildSync({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js' });
buildSync({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
