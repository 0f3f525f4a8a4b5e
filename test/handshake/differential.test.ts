/**
 * Fast tier of the differential tests: 200 seeded client/server pairs through real OpenSSL 3 and JDK 17
 * JSSE handshakes on 127.0.0.1, each compared with predictHandshake. The long run is `npm run interop`.
 * Skipped (with a note) when openssl or a JDK is not installed.
 */
import { generatePairs, predictPair, runPairs } from '../interop/generate';
import { FAMILIES, familyPairs } from '../interop/families';
import { outcomeOfPair } from '../interop/outcome-slices';
import { installed, Lab, stacksInstalled, startLab } from '../interop/stacks';
import { recordings, replay, serverConfigs, shuffled, startReplayLab } from '../interop/replay';

const describeIfStacks = stacksInstalled() ? describe : describe.skip;
if (!stacksInstalled())
  console.warn(
    'differential handshake test skipped: `openssl` and a JDK (`javac`) are needed on PATH (apt-get install openssl openjdk-17-jdk-headless)',
  );

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
    const results = await runPairs(
      pairs,
      (p) => lab.run(p.client, p.server),
      (p) => predictPair(p, lab.jvmDisabled),
      6,
    );
    const disagreements = results
      .filter((r) => r.diffs.length > 0)
      .map((r) => ({ id: r.pair.id, client: r.pair.client, server: r.pair.server, diffs: r.diffs }));
    expect(disagreements).toEqual([]);
    // The run must exercise both outcomes and all four stack combinations.
    expect(results.some((r) => r.prediction.ok)).toBe(true);
    expect(results.some((r) => !r.prediction.ok)).toBe(true);
  }, 120_000);

  it.each(FAMILIES.map((f) => [f.name, f] as const))(
    'targeted family "%s": 8 pairs agree, and the family reaches its outcome',
    async (_name, family) => {
      const results = await runPairs(
        familyPairs(family, 20240401, 0, 8),
        (p) => lab.run(p.client, p.server),
        (p) => predictPair(p, lab.jvmDisabled),
        4,
      );
      expect(results.filter((r) => r.diffs.length > 0).map((r) => ({ pair: r.pair, diffs: r.diffs }))).toEqual([]);
      expect(results.map(outcomeOfPair)).toContain(family.target);
    },
    60_000,
  );
});

const opensslInstalled = installed('openssl', ['version']);

describe('recorded JDK ClientHellos (6u45 … 21.0.6) replayed to real openssl s_server configurations (fast tier)', () => {
  const run = opensslInstalled ? it : it.skip;
  run(
    'agrees on 204 pairs: 17 server configurations x 12 recorded hellos, every slice represented',
    async () => {
      const lab = startReplayLab();
      try {
        const configs = shuffled(serverConfigs('base'), 15).slice(0, 17);
        const results = await replay(configs, recordings(), lab, 3);
        expect(results).toHaveLength(204);
        const disagreements = results
          .filter((r) => !r.agree)
          .map((r) => ({ recording: r.recording, server: r.server.id, real: r.real, predicted: r.predicted }));
        expect(disagreements).toEqual([]);
        expect(results.some((r) => r.real.kind === 'hello')).toBe(true);
        expect(results.some((r) => r.real.kind === 'alert' && r.real.alert === 'internal_error')).toBe(true);
      } finally {
        lab.close();
      }
    },
    120_000,
  );
});
