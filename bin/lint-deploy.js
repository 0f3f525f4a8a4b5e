#!/usr/bin/env node
'use strict';
// Loads the bundle dist/cli.js, and the chunks it requires on first use (dist/chunks/*.js), each with a V8
// code cache beside it (<file>.v8cache), so a pre-commit run does not re-compile 2 MB of JavaScript each
// time (Node 20 has no module compile cache). V8 rejects a cache made for other source or another V8; it
// is then rewritten. Any I/O problem just means no cache. Each file is stored as an expression whose
// value, run as a plain script, is the module function (scripts/build.mjs), and only ASCII.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli.js');
/** Scripts compiled without an accepted cache: their cache is written at exit. */
const uncached = [];

/**
 * One buffer reads each bundle file and then its cache: memory first touched costs a page fault each 4 KB,
 * a large share of start-up on virtual machines, and the source is copied out of the buffer before its
 * cache is read into it (V8 reads the cache only while compiling).
 */
let scratch = Buffer.alloc(0);
function readIntoScratch(filename) {
  const fd = fs.openSync(filename, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(size);
    let length = 0;
    for (let read = -1; length < size && read !== 0; length += read)
      read = fs.readSync(fd, scratch, length, size - length, null);
    return scratch.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** The module function of one bundle file, compiled with its code cache. */
function compile(filename) {
  // Latin-1 decodes ASCII exactly and faster than UTF-8; the text is compiled as read (no wrapper copy).
  const source = readIntoScratch(filename).toString('latin1');
  let cachedData;
  try {
    cachedData = readIntoScratch(`${filename}.v8cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(source, { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) uncached.push([filename, script]);
  return script.runInThisContext();
}

/** Runs a bundle file as the CommonJS module `filename` (registered in require.cache like any module). */
function load(filename, parent, requireFor) {
  const main = compile(filename);
  const mod = new Module(filename, parent);
  mod.filename = filename;
  mod.paths = Module._nodeModulePaths(path.dirname(filename));
  require.cache[filename] = mod;
  main.call(mod.exports, mod.exports, requireFor(mod), mod, filename, path.dirname(filename));
  mod.loaded = true;
  return mod.exports;
}

/** The bundle's `require`: its chunks through `load` (with their caches), anything else as Node does. */
function bundleRequire(mod) {
  const plain = Module.createRequire(mod.filename);
  const chunks = path.join(path.dirname(mod.filename), 'chunks');
  const required = (id) => {
    if (!id.startsWith('./chunks/')) return plain(id);
    const chunk = path.join(chunks, path.basename(id));
    return require.cache[chunk]?.exports ?? load(chunk, mod, (m) => Module.createRequire(m.filename));
  };
  return Object.assign(required, { resolve: plain.resolve, cache: plain.cache, main: plain.main });
}

try {
  fs.accessSync(file);
} catch (error) {
  // A copy that was never built (git clone, then npx lint-deploy before npm ci): one line, exit 2.
  process.stderr.write(
    `lint-deploy: ${path.relative(process.cwd(), file) || file} is missing (${error.code || error.message}): this copy of lint-deploy was never built; in a checkout run npm ci first (it builds dist/), or install a release (a vX.Y.Z tag, or npm install -g lint-deploy)\n`,
  );
  process.exit(2);
}
// After the run, so the functions the run compiled are in the caches too.
process.once('exit', () => {
  for (const [filename, script] of uncached) {
    try {
      fs.writeFileSync(`${filename}.v8cache`, script.createCachedData());
    } catch {
      // read-only install: run without a cache
    }
  }
});
load(file, module, bundleRequire);
