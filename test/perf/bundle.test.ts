import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.join(__dirname, '..', '..');
const dist = path.join(repo, 'dist');
/**
 * The chunks scripts/build.mjs writes (its CHUNKS table): text only that library's code holds → file name
 * in dist/chunks/. esbuild names every bundled module by its path (`__commonJS({"node_modules/yaml/…`).
 */
const chunks: Record<string, string> = {
  '"node_modules/yaml/': 'yaml',
  '"node_modules/ajv/': 'ajv',
  '"node_modules/fast-glob/': 'fast-glob',
  '"node_modules/marked/': 'marked',
  '"node_modules/jsonc-parser/': 'jsonc-parser',
  '"node_modules/saxes/': 'saxes',
  // The precompiled config validator (the chunk's entry, so not named by path).
  'schemaPath:"#/$defs/customRule/': 'config-validator',
  // The IBM MQ facts, required by src/knowledge/mq.ts on first use.
  'schemas/knowledge/mq.schema.json': 'mq-facts',
  // The Open Liberty feature lists, required by src/knowledge/liberty-features.ts on first use.
  'schemas/knowledge/liberty-features.schema.json': 'liberty-facts',
  // The Tomcat release each Spring Boot release pins, required by src/knowledge/spring-boot.ts on first use.
  'schemas/knowledge/spring-boot-tomcat.schema.json': 'spring-boot-tomcat',
  // Spring Boot's TLS settings by release, required by src/knowledge/spring-boot.ts on first use (a Spring Boot app).
  'schemas/knowledge/spring-boot.schema.json': 'spring-boot-facts',
  // Elasticsearch's and OpenSearch's node facts, required by src/knowledge/search-nodes.ts on first use (a search node).
  'schemas/knowledge/search-nodes.schema.json': 'search-node-facts',
  // Ignore files and patterns (src/discover/discover.ts), Liberty include locations with variables (liberty-config.ts).
  '"node_modules/ignore/': 'ignore',
  '"node_modules/picomatch/': 'picomatch',
  // The generated OpenSSL 3.0 cipher table (its `openssl version` line), required by openssl-cipher-string.ts on first use.
  '(Library: OpenSSL ': 'openssl-ciphers',
  // GSKit's own signers, required by src/knowledge/gskit.ts when a CMS key database is read.
  'schemas/knowledge/gskit-signers.schema.json': 'gskit-signers',
};
/** The files `npm test` builds first (scripts/build.mjs). */
const bundles = ['cli.js', 'index.js'].map((name) => path.join(dist, name));
const files = [...bundles, ...Object.values(chunks).map((name) => path.join(dist, 'chunks', `${name}.js`))];

describe('the bundles (start-up, docs/performance.md)', () => {
  it.each(files)('%s: ASCII (read as Latin-1), stored as an expression of its module function', (file) => {
    const code = fs.readFileSync(file, 'utf8');
    expect(code).toMatch(/^\(function\(main\)\{return this===globalThis\?main:main\.call\(this,exports,require,/);
    expect(code.trimEnd().endsWith('}));')).toBe(true);
    expect(code).not.toMatch(/[^\x00-\x7f]/);
  });

  it.each(bundles)('%s: no per-file getter copy of a node: module', (file) => {
    const code = fs.readFileSync(file, 'utf8');
    expect(code).not.toMatch(/__toESM\(require\("node:[a-z_/]+"\)\)/);
    // The rewrite kept the imports themselves.
    expect(code).toMatch(/require\("node:path"\)/);
    expect(code).toMatch(/require\("node:fs"\)/);
  });

  it.each(bundles)('%s: requires each chunk instead of holding a copy of its library', (file) => {
    const code = fs.readFileSync(file, 'utf8');
    for (const [marker, name] of Object.entries(chunks)) {
      const chunk = fs.readFileSync(path.join(dist, 'chunks', `${name}.js`), 'utf8');
      expect(`${name}: ${code.includes(marker)} in the bundle, ${chunk.includes(marker)} in the chunk`).toBe(
        `${name}: false in the bundle, true in the chunk`,
      );
      expect(code).toContain(`require("./chunks/${name}.js")`);
    }
  });

  // The bundle once crashed where ts-jest's src/ did not: a default import of node:path (spring-bundle-references.ts)
  // read `.default` of the plain module the build puts in its place. A Spring SSL bundle defined only in a profile
  // document reaches that module (sweep53's repro, a Spring Boot 3.1 layout).
  it('the built CLI reads a Spring SSL bundle that only a profile defines', () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-bundle-'));
    try {
      fs.mkdirSync(path.join(tree, 'src/main/resources'), { recursive: true });
      fs.writeFileSync(
        path.join(tree, 'src/main/resources/application.yml'),
        'server:\n  port: 8443\n  ssl:\n    bundle: web\n---\nspring:\n  config:\n    activate:\n      on-profile: tls\n' +
          '  ssl:\n    bundle:\n      pem:\n        web:\n          keystore:\n            certificate: classpath:certs/server.crt\n' +
          '            private-key: classpath:certs/server.key\n',
      );
      const run = spawnSync(process.execPath, [path.join(dist, 'cli.js'), '--format', 'json', tree], {
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect([0, 1]).toContain(run.status);
      expect((JSON.parse(run.stdout) as { summary: { files: number } }).summary.files).toBe(1);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('a loaded chunk is the library itself', () => {
    const yaml = require(path.join(dist, 'chunks', 'yaml.js')) as typeof import('yaml');
    expect(yaml.parse('a: [1, 2]')).toEqual({ a: [1, 2] });
    const validate = require(path.join(dist, 'chunks', 'config-validator.js')) as (raw: unknown) => boolean;
    expect(validate({ rules: {} })).toBe(true);
    expect(validate({ nonsense: 1 })).toBe(false);
    expect(require(path.join(dist, 'chunks', 'mq-facts.js'))).toEqual(
      JSON.parse(fs.readFileSync(path.join(repo, 'src/knowledge/data/mq.json'), 'utf8')),
    );
  });
});

describe('bin/lint-deploy.js loads only the chunks a run needs, each with its V8 code cache', () => {
  // A private copy of the installed layout: this test's caches are its own (other tests use dist/).
  // The private install and the trees the tests write, removed after them.
  const made: string[] = [];
  const scratch = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const install = scratch('lint-deploy-chunks-');
  fs.cpSync(path.join(repo, 'bin'), path.join(install, 'bin'), { recursive: true });
  fs.cpSync(dist, path.join(install, 'dist'), {
    recursive: true,
    filter: (source) => !source.endsWith('.v8cache'),
  });
  fs.copyFileSync(path.join(repo, 'package.json'), path.join(install, 'package.json'));
  // Records which files the run had loaded as modules (require.cache) and which of Node's own modules it
  // had loaded (process.moduleLoadList) when it exits.
  const recorder = path.join(install, 'record-modules.js');
  fs.writeFileSync(
    recorder,
    "process.once('exit', () => require('node:fs').writeFileSync(process.env.RECORD_TO, JSON.stringify({ files: Object.keys(require.cache), builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)) })));\n",
  );
  const loadedChunks = (args: string[]) => {
    const record = path.join(install, `modules-${Math.random().toString(36).slice(2)}.json`);
    const run = spawnSync(process.execPath, ['-r', recorder, path.join(install, 'bin', 'lint-deploy.js'), ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, RECORD_TO: record },
      timeout: 30000,
    });
    const { files: modules, builtins } = JSON.parse(fs.readFileSync(record, 'utf8')) as {
      files: string[];
      builtins: string[];
    };
    expect(modules).toContain(path.join(install, 'dist', 'cli.js'));
    return {
      stdout: run.stdout,
      stderr: run.stderr,
      chunks: modules
        .filter((m) => m.startsWith(path.join(install, 'dist', 'chunks') + path.sep))
        .map((m) => path.basename(m))
        .sort(),
      builtins,
    };
  };
  const cacheOf = (name: string) => path.join(install, 'dist', 'chunks', `${name}.v8cache`);

  it('a stylish run of a ClearTrust example loads no chunk', () => {
    const run = loadedChunks(['examples/cleartrust-anon-jdk8u202-broken']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/problems/);
    expect(run.chunks).toEqual([]);
    expect(fs.existsSync(path.join(install, 'dist', 'cli.js.v8cache'))).toBe(true);
    // Nor the Node modules such a run has no use for (each costs milliseconds of start-up: docs/performance.md):
    // node:crypto (no certificate or key store; fingerprints by src/core/sha256.ts; one deployment, no content
    // hashes), node:tty (output not a terminal), node:perf_hooks, node:os, and node:stream and node:net, which
    // process.stdout loads for a pipe (the report is written to the pipe with fs.writeSync: src/cli/std-streams.ts).
    expect(run.builtins).toContain('fs');
    expect(run.builtins.filter((m) => ['crypto', 'tty', 'perf_hooks', 'os', 'stream', 'net'].includes(m))).toEqual([]);
  });

  it('a run that reads a certificate loads node:crypto when it needs it', () => {
    const run = loadedChunks(['--format', 'json', 'examples/java-untrusted-server-broken']);
    expect(run.stderr).toBe('');
    expect(run.builtins).toContain('crypto');
  });

  it('a simple Spring YAML file (nested keys, plain values) loads no YAML library: src/parse/yaml-simple.ts reads it', () => {
    const run = loadedChunks(['--format', 'json', 'examples/java-untrusted-server-broken/orders-client']);
    expect(run.stderr).toBe('');
    // A Java app asks where JDKs live (its image, JAVA_HOME, option variables): the JDK locations, nothing else.
    expect(run.chunks).toEqual(['jdk-locations.js']);
  });

  it('a Spring YAML file with a list loads the yaml chunk alone; its cache is written once, then used', () => {
    const tree = scratch('lint-deploy-yaml-chunk-');
    fs.writeFileSync(
      path.join(tree, 'application.yml'),
      'server:\n  port: 8443\n  ssl:\n    enabled-protocols:\n      - TLSv1.2\n      - TLSv1.3\n',
    );
    const args = ['--format', 'json', tree];
    const first = loadedChunks(args);
    expect(first.stderr).toBe('');
    expect(first.chunks).toEqual(['yaml.js']);
    const written = fs.statSync(cacheOf('yaml.js'));
    const second = loadedChunks(args);
    expect(second.stdout).toBe(first.stdout);
    // V8 accepted the cache, so it was not rewritten.
    expect(fs.statSync(cacheOf('yaml.js')).mtimeMs).toBe(written.mtimeMs);
    const direct = spawnSync(process.execPath, [path.join(dist, 'cli.js'), ...args], { cwd: repo, encoding: 'utf8' });
    expect(second.stdout).toBe(direct.stdout);
  });

  it('a tree with MQ files loads the MQ facts; one without does not (above)', () => {
    const run = loadedChunks(['--format', 'json', 'examples/mq-mutual-tls-broken']);
    expect(run.stderr).toBe('');
    expect(run.chunks).toContain('mq-facts.js');
  });

  it('an XML file (Tomcat server.xml) loads the saxes chunk, its connector (an OpenSSL-syntax ciphers default) the cipher table', () => {
    const run = loadedChunks(['--format', 'json', 'examples/java-untrusted-server-fixed/api']);
    expect(run.stderr).toBe('');
    expect(run.chunks).toEqual(['openssl-ciphers.js', 'saxes.js']);
  });

  it('an ignore pattern loads the ignore chunk; a Liberty include whose location holds a variable loads picomatch', () => {
    const ignored = loadedChunks(['--ignore-pattern', '*.bak', 'examples/cleartrust-anon-jdk8u202-broken']);
    expect(ignored.stderr).toBe('');
    expect(ignored.chunks).toEqual(['ignore.js']);
    const tree = scratch('lint-deploy-liberty-include-');
    fs.writeFileSync(
      path.join(tree, 'server.xml'),
      '<server>\n  <featureManager><feature>transportSecurity-1.0</feature></featureManager>\n' +
        '  <include location="includes/${AUTH_TYPE}.xml"/>\n</server>\n',
    );
    fs.mkdirSync(path.join(tree, 'includes'));
    fs.writeFileSync(path.join(tree, 'includes', 'basic.xml'), '<server>\n  <ssl id="defaultSSLConfig"/>\n</server>\n');
    const liberty = loadedChunks(['--format', 'json', tree]);
    expect(liberty.stderr).toBe('');
    expect(liberty.chunks).toContain('picomatch.js');
  });

  it('a config file loads the config validator (jsonc-parser only to place a syntax error); --explain loads marked', () => {
    const dir = scratch('lint-deploy-config-');
    fs.writeFileSync(path.join(dir, 'lint-deploy.config.json'), '{ "rules": {} }\n');
    fs.writeFileSync(path.join(dir, 'aserver.conf'), 'cleartrust.net.ssl.use=auth\n');
    const valid = loadedChunks([dir]);
    expect(valid.stderr).toBe('');
    expect(valid.chunks).toEqual(['config-validator.js']);
    fs.writeFileSync(path.join(dir, 'lint-deploy.config.json'), '{ "rules": {}, }\n');
    const invalid = loadedChunks([dir]);
    expect(invalid.stderr).toMatch(/is not valid JSON: line 1, column 16: PropertyNameExpected/);
    expect(invalid.chunks).toEqual(['jsonc-parser.js']);
    const explain = loadedChunks(['--explain', 'cleartrust/anon-cipher-disabled']);
    expect(explain.stdout).toMatch(/anon-cipher-disabled/);
    expect(explain.chunks).toEqual(['marked.js']);
  });
});
