#!/usr/bin/env node
// `prepare`: npm runs it on `npm ci` / `npm install` in a checkout (to build dist/ for the dev loop), and
// also when a checkout is installed as a package without its devDependencies — `npx lint-deploy` in a
// fresh clone, a git dependency. With no esbuild there is nothing to build with: finish quietly, and
// bin/lint-deploy.js then says in one line that dist/ is missing (exit 2) instead of npm failing mute.
try {
  await import('esbuild');
} catch {
  process.exit(0);
}
const { build } = await import('./build.mjs');
build();
