/**
 * Fast tier of the differential tests: 200 seeded client/server pairs through real OpenSSL 3 and JDK 17
 * JSSE handshakes on 127.0.0.1, each compared with predictHandshake. The long run is `npm run interop`.
 * Skipped (with a note) when openssl or a JDK is not installed.
 */
import { generatePairs, predictPair, runPairs } from '../interop/generate';
import { Lab, stacksInstalled, startLab } from '../interop/stacks';

const describeIfStacks = stacksInstalled() ? describe : describe.skip;
if (!stacksInstalled()) console.warn('differential handshake test skipped: `openssl` and a JDK (`javac`) are needed on PATH (apt-get install openssl openjdk-17-jdk-headless)');

describeIfStacks('handshake predictor vs real OpenSSL and JSSE handshakes (fast tier)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab();
  }, 90_000);
  afterAll(async () => {
    await lab?.close();
  });

  it('agrees with the real stacks on 200 seeded pairs', async () => {
    const pairs = generatePairs(20240401, 200);
    const results = await runPairs(pairs, (p) => lab.run(p.client, p.server), (p) => predictPair(p, lab.jvmDisabled), 6);
    const disagreements = results
      .filter((r) => r.diffs.length > 0)
      .map((r) => ({ id: r.pair.id, client: r.pair.client, server: r.pair.server, diffs: r.diffs }));
    expect(disagreements).toEqual([]);
    // The run must exercise both outcomes and all four stack combinations.
    expect(results.some((r) => r.prediction.ok)).toBe(true);
    expect(results.some((r) => !r.prediction.ok)).toBe(true);
  }, 120_000);
});
