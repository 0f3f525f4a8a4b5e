/**
 * Runs the trust slices: generated cases through real handshakes (trust-lab.ts) and through the
 * predictor, per slice, with every disagreement. Used by the fast tier (test/handshake/trust-differential.test.ts)
 * and by `npm run interop` (scripts/interop.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTrustLab } from './trust-lab';
import { makeUniverse, storeMaker, writeUniverse } from './trust-pki';
import { caseFiles, observe, runReal, trustCases, type Observed, type Slice, type TrustCase } from './trust-cases';
import { agrees, observedFrom, predictDerived } from './trust-predict';
import { treeTrust, writeTrustTree } from './trust-trees';
import { outcomeOfTrust, type OutcomeRow } from './outcome-slices';

export interface SliceResult {
  slice: Slice;
  pairs: number;
  agree: number;
  /** Cases the tree-level prediction leaves unknown: not counted as agreement. */
  unknown: number;
  /** The derive-level prediction (the case's components built by hand, no files) disagreeing with the real run, where it decides. */
  deriveDisagreements: number;
  disagreements: { case: TrustCase; real: Observed; predicted: Observed | 'unknown'; detail: string }[];
  /** Real verdicts seen, for coverage. */
  verdicts: Record<string, number>;
  /** Each pair under its real outcome (protocol, or failure + alert) for the run's table by outcome. */
  outcomes: OutcomeRow[];
}

export async function runTrustSlices(
  perSlice: number,
  seed: number,
  concurrency = 4,
  slices: Slice[] = ['trust', 'client-auth', 'validity'],
): Promise<SliceResult[]> {
  const lab = await startTrustLab();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-trust-'));
  try {
    const universe = makeUniverse();
    writeUniverse(universe, dir);
    const stores = storeMaker(lab, dir);
    const results: SliceResult[] = [];
    for (const slice of slices) {
      const result: SliceResult = {
        slice,
        pairs: 0,
        agree: 0,
        unknown: 0,
        deriveDisagreements: 0,
        disagreements: [],
        verdicts: {},
        outcomes: [],
      };
      const queue = trustCases(slice, perSlice, seed);
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let c = queue.shift(); c; c = queue.shift()) {
            const files = await caseFiles(c, universe, stores, dir);
            const real = await runReal(lab, c, files);
            const observed = observe(c, real);
            const treeDir = path.join(dir, 'trees', c.id);
            writeTrustTree(c, files, treeDir);
            const tree = treeTrust(treeDir);
            fs.rmSync(treeDir, { recursive: true, force: true });
            const predicted = tree.links === 1 ? observedFrom(tree.trust, c.protocol) : 'unknown';
            const derived = observedFrom(predictDerived(c, universe), c.protocol);
            if (derived !== 'unknown' && !agrees(observed, derived)) result.deriveDisagreements++;
            result.pairs++;
            result.verdicts[observed.verdict] = (result.verdicts[observed.verdict] ?? 0) + 1;
            result.outcomes.push({
              outcome: outcomeOfTrust(c.protocol, c.server, observed),
              agree: predicted !== 'unknown' && agrees(observed, predicted),
            });
            if (predicted === 'unknown') result.unknown++;
            else if (agrees(observed, predicted)) result.agree++;
            else
              result.disagreements.push({
                case: c,
                real: observed,
                predicted,
                detail: `client: ${real.client.error ?? 'ok'} | server: ${real.server.error ?? 'ok'}`,
              });
          }
        }),
      );
      results.push(result);
    }
    return results;
  } finally {
    await lab.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
