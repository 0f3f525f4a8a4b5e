/**
 * Fast tier: nginx trees whose certificate an OpenSSL security level refuses or accepts, read by the whole pipeline,
 * against the real OpenSSL loading the same certificate at the same level (test/interop/security-level.ts). Every
 * case must be decided and agree; both verdicts must occur, so a pipeline that never predicts a refusal fails.
 * Skipped without openssl.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installed } from '../interop/stacks';
import { levelCases, makeMaterials, runLevelCase, runVerifyCase, verifyCases } from '../interop/security-level';

const describeIfOpenssl = installed('openssl', ['version']) ? describe : describe.skip;

describeIfOpenssl('nginx certificates at OpenSSL security levels vs the real OpenSSL', () => {
  let root: string;
  let materials: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-seclevel-'));
    materials = path.join(root, 'materials');
    fs.mkdirSync(materials);
    makeMaterials(materials);
  }, 60_000);
  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('predicts what OpenSSL refuses to load, at the level the tree gives', async () => {
    const disagreements: unknown[] = [];
    const seen = new Set<string>();
    for (const [i, c] of levelCases().entries()) {
      const { predicted, real } = await runLevelCase(c, materials, fs.mkdtempSync(path.join(root, `${i}-`)));
      seen.add(real.outcome);
      if (predicted !== real.outcome)
        disagreements.push({ case: c.name, predicted, real: real.outcome, openssl: real.text.split('\n').slice(0, 3) });
    }
    expect(disagreements).toEqual([]);
    expect([...seen].sort()).toEqual(['loaded', 'refused']);
  }, 120_000);

  it('predicts what a proxy with proxy_ssl_verify on refuses of the upstream chain, at its level', async () => {
    const disagreements: unknown[] = [];
    const seen = new Set<string>();
    for (const [i, c] of verifyCases().entries()) {
      const { predicted, real } = await runVerifyCase(c, materials, fs.mkdtempSync(path.join(root, `v${i}-`)));
      seen.add(real.outcome);
      if (predicted !== real.outcome)
        disagreements.push({ case: c.name, predicted, real: real.outcome, openssl: real.text.split('\n').slice(0, 4) });
    }
    expect(disagreements).toEqual([]);
    expect([...seen].sort()).toEqual(['loaded', 'refused']);
  }, 120_000);
});
