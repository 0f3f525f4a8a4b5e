/**
 * Fast tier, tree level: nginx (OpenSSL) and Tomcat (JSSE) trees with RSA, ECDSA and dual RSA+ECDSA server
 * certificates, read by the whole pipeline, against real handshakes (test/interop/trees.ts). The outcome must
 * be decided (the certificates are in the tree) and agree with the real stacks; and nginx gateways whose proxy_pass
 * https reaches a Tomcat connector (test/interop/proxy-trees.ts). Skipped without openssl or a JDK.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compare } from '../interop/generate';
import { Lab, stacksInstalled, startLab } from '../interop/stacks';
import { runTreeCase, treeCases } from '../interop/trees';
import { proxyCases, runProxyCase } from '../interop/proxy-trees';

const describeIfStacks = stacksInstalled() ? describe : describe.skip;

describeIfStacks('pipeline on nginx and Tomcat trees vs real OpenSSL and JSSE (certificate key types)', () => {
  let lab: Lab;
  let root: string;
  beforeAll(async () => {
    lab = await startLab();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-trees-'));
  }, 90_000);
  afterAll(async () => {
    await lab?.close();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  /** Runs the cases; each must be decided, agree with the real stacks, and both verdicts must occur. */
  async function expectAgreement<C extends { name: string }>(
    cases: C[],
    run: (c: C, dir: string) => ReturnType<typeof runTreeCase>,
  ): Promise<void> {
    const disagreements: unknown[] = [];
    const kinds = new Set<string>();
    for (const [i, c] of cases.entries()) {
      const { verdict, real } = await run(c, fs.mkdtempSync(path.join(root, `${i}-`)));
      kinds.add(verdict.outcome?.kind ?? 'none');
      const diffs = verdict.prediction ? compare(verdict.prediction, real) : ['no prediction'];
      if (verdict.links !== 1 || verdict.outcome?.kind === 'unknown' || diffs.length > 0)
        disagreements.push({ case: c.name, outcome: verdict.outcome, diffs });
    }
    expect(disagreements).toEqual([]);
    expect([...kinds].sort()).toEqual(['fails', 'negotiates']);
  }

  it('agrees with the real stacks on every server kind, certificate and client offer', async () => {
    await expectAgreement(treeCases(), (c, dir) => runTreeCase(lab, c, dir));
  }, 120_000);

  it('agrees on nginx proxy_pass https trees: an OpenSSL client offering the proxy_ssl_* lists to Tomcat (JSSE)', async () => {
    await expectAgreement(proxyCases(), (c, dir) => runProxyCase(lab, c, dir));
  }, 120_000);
});
