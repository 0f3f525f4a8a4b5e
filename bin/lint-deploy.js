#!/usr/bin/env node
'use strict';
// Loads the one-file bundle dist/cli.js with a V8 code cache beside it (dist/cli.js.v8cache), so a
// pre-commit run does not re-compile 2 MB of JavaScript each time (Node 20 has no module compile cache).
// V8 rejects a cache made for other source or another V8; it is then rewritten. Any I/O problem just
// means no cache.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli.js');
const cacheFile = `${file}.v8cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
let source;
try {
  source = fs.readFileSync(file, 'utf8');
} catch (error) {
  // A copy that was never built (git clone, then npx lint-deploy before npm ci): one line, exit 2.
  process.stderr.write(`lint-deploy: ${path.relative(process.cwd(), file) || file} is missing (${error.code || error.message}): this copy of lint-deploy was never built; in a checkout run npm ci first (it builds dist/), or install a release (a vX.Y.Z tag, or npm install -g lint-deploy)\n`);
  process.exit(2);
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
const cli = new Module(file, module);
cli.filename = file;
cli.paths = Module._nodeModulePaths(path.dirname(file));
if (cachedData === undefined || script.cachedDataRejected) {
  // After the run, so the functions the run compiled are in the cache too.
  process.once('exit', () => {
    try {
      fs.writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // read-only install: run without a cache
    }
  });
}
script.runInThisContext().call(cli.exports, cli.exports, Module.createRequire(file), cli, file, path.dirname(file));
