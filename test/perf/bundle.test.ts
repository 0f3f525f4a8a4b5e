import * as fs from 'node:fs';
import * as path from 'node:path';

/** The bundles `npm test` builds first (scripts/build.mjs). */
const bundles = ['cli.js', 'index.js'].map((name) => path.join(__dirname, '..', '..', 'dist', name));

describe('the bundles read Node built-ins directly (start-up, docs/performance.md)', () => {
  it.each(bundles)('%s: no per-file getter copy of a node: module', (file) => {
    const code = fs.readFileSync(file, 'utf8');
    expect(code).not.toMatch(/__toESM\(require\("node:[a-z_/]+"\)\)/);
    // The rewrite kept the imports themselves.
    expect(code).toMatch(/require\("node:path"\)/);
    expect(code).toMatch(/require\("node:fs"\)/);
  });
});
