/**
 * A baseline recorded on one machine must match in CI's checkout: no finding's fingerprint may depend on
 * where the tree lies. Every example is linted at two places of different depth and the fingerprints compared.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

function fingerprints(root: string): string[] {
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  return result.findings.map((f) => `${f.ruleId} ${f.fingerprint ?? '-'}`).sort();
}

describe('fingerprints do not depend on where the tree lies', () => {
  const places = [fs.mkdtempSync(path.join(os.tmpdir(), 'ld-fp-')), fs.mkdtempSync(path.join(os.tmpdir(), 'ld-fp-'))];
  const [near, far] = places as [string, string];
  afterAll(() => places.forEach((p) => fs.rmSync(p, { recursive: true, force: true })));

  it.each(fs.readdirSync(EXAMPLES).filter((e) => fs.statSync(path.join(EXAMPLES, e)).isDirectory()))(
    '%s',
    (example) => {
      const a = path.join(near, example);
      const b = path.join(far, 'checkout', 'of', 'the', 'repository', example);
      fs.cpSync(path.join(EXAMPLES, example), a, { recursive: true });
      fs.cpSync(path.join(EXAMPLES, example), b, { recursive: true });
      const atA = fingerprints(a);
      // A broken example has findings to compare (a fixed one may have none).
      if (example.endsWith('-broken')) expect(atA.length).toBeGreaterThan(0);
      expect(fingerprints(b)).toEqual(atA);
    },
  );
});
