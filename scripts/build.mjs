#!/usr/bin/env node
// Bundles the CLI and the library with esbuild: one file each, so start-up loads one module instead of
// hundreds (pre-commit runs the tool on every commit), plus one file per library that a plain run does
// not need (dist/chunks/), so a run reads, decodes and deserialises only the code it may use.
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Import specifier → chunk name (dist/chunks/<name>.js). Each is a self-contained library required on
 * first use (a YAML file, an XML file, a config file, a CCDT, rule options, config globs, `--explain`), never by a
 * one-directory run in the default format; the bundles require the chunk instead of holding a copy.
 * Only code with no state shared with the rest of the tool may be a chunk (it is a second module scope).
 */
const CHUNKS = {
  yaml: 'yaml',
  'ajv/dist/2020': 'ajv',
  'fast-glob': 'fast-glob',
  marked: 'marked',
  'jsonc-parser': 'jsonc-parser',
  saxes: 'saxes',
  ignore: 'ignore',
  picomatch: 'picomatch',
  './validator.generated': 'config-validator',
  // Knowledge a run asks for only when its tree holds the product (src/knowledge/mq.ts requires it on first use).
  './data/mq.json': 'mq-facts',
  './data/liberty-features.json': 'liberty-facts',
  './data/jdk-locations.json': 'jdk-locations',
  './data/spring-boot-tomcat.json': 'spring-boot-tomcat',
  './data/spring-boot.json': 'spring-boot-facts',
  './data/search-nodes.json': 'search-node-facts',
  './openssl-ciphers.data': 'openssl-ciphers',
  './data/gskit-signers.json': 'gskit-signers',
};
const CHUNK_ENTRIES = {
  './validator.generated': 'src/engine/config/validator.generated.js',
  './data/mq.json': 'src/knowledge/data/mq.json',
  './data/liberty-features.json': 'src/knowledge/data/liberty-features.json',
  './data/jdk-locations.json': 'src/knowledge/data/jdk-locations.json',
  './data/spring-boot-tomcat.json': 'src/knowledge/data/spring-boot-tomcat.json',
  './data/spring-boot.json': 'src/knowledge/data/spring-boot.json',
  './data/search-nodes.json': 'src/knowledge/data/search-nodes.json',
  './openssl-ciphers.data': 'src/knowledge/openssl-ciphers.data.ts',
  './data/gskit-signers.json': 'src/knowledge/data/gskit-signers.json',
};

/**
 * Every bundle file is stored as `(function (main) {…}).call(this, (function (exports, require, module,
 * __filename, __dirname) {<bundle>}))`: loaded by Node as a CommonJS module (`node dist/cli.js`, worker
 * threads, `require('lint-deploy')`) it runs the bundle; compiled as a plain script by bin/lint-deploy.js
 * it evaluates to the module function itself, so the installed command compiles the file's text as it is
 * read (no `Module.wrap` copy of the source) and with a V8 code cache beside it.
 */
const WRAP_HEAD =
  '(function(main){return this===globalThis?main:main.call(this,exports,require,module,__filename,__dirname)}).call(this,(function(exports,require,module,__filename,__dirname){';
const WRAP_TAIL = '\n}));\n';

const common = {
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  absWorkingDir: root,
  // Whitespace and syntax minified, names kept (stack traces and CPU profiles stay readable): a third less
  // JavaScript to read and load at start-up (docs/performance.md).
  minifyWhitespace: true,
  minifySyntax: true,
  // Non-ASCII characters escaped, so bin/lint-deploy.js may read the files as Latin-1 (checked below).
  charset: 'ascii',
  write: false,
};

/** The bundles require `./chunks/<name>.js` (next to them in dist/) instead of each CHUNKS specifier. */
function withChunkRequires(code) {
  return code.replace(/\brequire\("([^"]+)"\)/g, (call, specifier) =>
    Object.hasOwn(CHUNKS, specifier) ? `require("./chunks/${CHUNKS[specifier]}.js")` : call,
  );
}

/** Writes cli.js, index.js and chunks/*.js into `outDir` (default: dist/ of this checkout). */
export function build(outDir = path.join(root, 'dist')) {
  const outputs = [];
  for (const [entry, out] of [
    ['src/cli/bin.ts', 'cli.js'],
    ['src/index.ts', 'index.js'],
  ]) {
    const [bundle] = buildSync({
      ...common,
      entryPoints: [entry],
      outfile: path.join(outDir, out),
      external: Object.keys(CHUNKS),
    }).outputFiles;
    outputs.push(bundle);
  }
  for (const [specifier, name] of Object.entries(CHUNKS)) {
    const entry = CHUNK_ENTRIES[specifier];
    const [bundle] = buildSync({
      ...common,
      // A JSON file is required, not bundled as an entry: an entry's exports would be ES named exports.
      ...(entry && !entry.endsWith('.json')
        ? { entryPoints: [entry] }
        : {
            stdin: {
              contents: `module.exports = require(${JSON.stringify(entry ? `./${entry}` : specifier)});`,
              resolveDir: root,
            },
          }),
      outfile: path.join(outDir, 'chunks', `${name}.js`),
    }).outputFiles;
    outputs.push(bundle);
  }
  // Caches of an earlier build are left to V8 to reject (it does, by the source's length and its own
  // version); files of chunks that no longer exist are removed.
  fs.rmSync(path.join(outDir, 'chunks'), { recursive: true, force: true });
  for (const bundle of outputs) {
    const text = WRAP_HEAD + withChunkRequires(withPlainBuiltins(bundle.text)) + WRAP_TAIL;
    const nonAscii = /[^\x00-\x7f]/.exec(text);
    if (nonAscii) throw new Error(`${bundle.path}: non-ASCII character U+${nonAscii[0].codePointAt(0).toString(16)}`);
    fs.mkdirSync(path.dirname(bundle.path), { recursive: true });
    fs.writeFileSync(bundle.path, text);
  }
}

/**
 * `import * as path from 'node:path'` becomes `__toESM(require("node:path"))` in an esbuild CommonJS
 * bundle: a copy of the module with one getter per export, made again in every file that imports it
 * (51 copies of node:path, 14 of node:fs, all evaluated at start-up, and a getter call on every
 * `path.join`). Node's built-in modules are plain objects that the namespace import reads directly.
 * esbuild emits a default import (`import path from 'node:path'`) the same way, and reads `.default` of it, which
 * the plain object does not have: src/ never default-imports a `node:` module (eslint.config.mjs refuses it; the
 * built CLI crashed on the one that slipped in, session 53).
 */
export function withPlainBuiltins(code) {
  return code.replace(/__toESM\(require\("(node:[a-z_/]+)"\)\)/g, 'require("$1")');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) build();
