/**
 * Runs the trust slices: generated cases through real handshakes (trust-lab.ts) and through the
 * predictor, per slice, with every disagreement; then the targeted trust families (trust-families.ts), each in
 * batches until its real outcome has enough pairs. Used by the fast tier (test/handshake/trust-differential.test.ts)
 * and by `npm run interop` (scripts/interop.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTrustLab, type TrustLab } from './trust-lab';
import { makeUniverse, storeMaker, writeUniverse, type StoreMaker, type Universe } from './trust-pki';
import { caseFiles, observe, runReal, trustCases, type Observed, type Slice, type TrustCase } from './trust-cases';
import { TRUST_FAMILIES, trustFamilyCases, type TrustFamily } from './trust-families';
import { agrees, observedFrom, predictDerived } from './trust-predict';
import { treeTrust, writeTrustTree } from './trust-trees';
import { outcomeOfTrust, type OutcomeRow } from './outcome-slices';

export interface SliceResult {
  /** The slice (trust, client-auth, validity) or the family key. */
  slice: string;
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
  /** Trees written and linted (cases configured alike share one). */
  trees: number;
  /** Wall time of the slice or family, ms. */
  ms: number;
}

/** What every case of a run shares: the lab JVM, the certificate universe, the stores made so far. */
interface TrustContext {
  lab: TrustLab;
  dir: string;
  universe: Universe;
  stores: StoreMaker;
  /**
   * The pipeline's answer by tree: a case's tree is a function of its configuration (all but its id) and its store
   * files (made once per content), so cases configured alike share one linted tree. Each runs its own real handshake.
   */
  linted: Map<string, ReturnType<typeof treeTrust>>;
}

function emptyResult(slice: string): SliceResult {
  return {
    slice,
    pairs: 0,
    agree: 0,
    unknown: 0,
    deriveDisagreements: 0,
    disagreements: [],
    verdicts: {},
    outcomes: [],
    trees: 0,
    ms: 0,
  };
}

/** One case: its real handshake, its tree's prediction and the derive-level one, tallied into `result`. */
async function runCase(ctx: TrustContext, c: TrustCase, result: SliceResult): Promise<string> {
  const files = await caseFiles(c, ctx.universe, ctx.stores, ctx.dir);
  const real = await runReal(ctx.lab, c, files);
  const observed = observe(c, real);
  // The tree is a function of the case's configuration and its store files: written and linted once per distinct one.
  const { id: _id, slice: _slice, ...configuration } = c;
  const key = JSON.stringify([configuration, files]);
  let tree = ctx.linted.get(key);
  if (!tree) {
    const treeDir = path.join(ctx.dir, 'trees', c.id);
    writeTrustTree(c, files, treeDir);
    tree = treeTrust(treeDir);
    fs.rmSync(treeDir, { recursive: true, force: true });
    ctx.linted.set(key, tree);
    result.trees++;
  }
  const predicted = tree.links === 1 ? observedFrom(tree.trust, c.protocol) : 'unknown';
  const derived = observedFrom(predictDerived(c, ctx.universe), c.protocol);
  if (derived !== 'unknown' && !agrees(observed, derived)) result.deriveDisagreements++;
  result.pairs++;
  result.verdicts[observed.verdict] = (result.verdicts[observed.verdict] ?? 0) + 1;
  const outcome = outcomeOfTrust(c.protocol, c.server, observed);
  result.outcomes.push({ outcome, agree: predicted !== 'unknown' && agrees(observed, predicted) });
  if (predicted === 'unknown') result.unknown++;
  else if (agrees(observed, predicted)) result.agree++;
  else
    result.disagreements.push({
      case: c,
      real: observed,
      predicted,
      detail: `client: ${real.client.error ?? 'ok'} | server: ${real.server.error ?? 'ok'}`,
    });
  return outcome;
}

/** Runs `cases`, `concurrency` at a time; calls `seen` with each case's real outcome. */
async function runCases(
  ctx: TrustContext,
  cases: TrustCase[],
  result: SliceResult,
  concurrency: number,
  seen: (outcome: string) => void = () => undefined,
): Promise<void> {
  const queue = [...cases];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) seen(await runCase(ctx, c, result));
    }),
  );
  result.ms += Date.now() - started;
}

async function withContext<T>(run: (ctx: TrustContext) => Promise<T>): Promise<T> {
  const lab = await startTrustLab();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-trust-'));
  try {
    const universe = makeUniverse();
    writeUniverse(universe, dir);
    return await run({ lab, dir, universe, stores: storeMaker(lab, dir), linted: new Map() });
  } finally {
    await lab.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface TrustRunOptions {
  /** Cases per slice (trust, client-auth, validity). */
  perSlice: number;
  seed: number;
  concurrency?: number;
  slices?: Slice[];
  /** The families run until their target has `minSlice` pairs in `counts` (updated here), at most `familyCap` cases each. */
  minSlice?: number;
  familyCap?: number;
  /** Pairs per outcome so far in the run (the slices' outcomes are added). */
  counts?: Map<string, number>;
  families?: TrustFamily[];
  /** The first family batch's size (the fast tier runs one small batch a family). */
  batch?: number;
}

/** The slices, then the families; one result per slice and per family that ran. */
export async function runTrust(options: TrustRunOptions): Promise<SliceResult[]> {
  const { perSlice, seed, concurrency = 4, minSlice = 0, familyCap = 0, counts = new Map<string, number>() } = options;
  const count = (outcome: string) => counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return withContext(async (ctx) => {
    const results: SliceResult[] = [];
    for (const slice of options.slices ?? (['trust', 'client-auth', 'validity'] as Slice[])) {
      const result = emptyResult(slice);
      await runCases(ctx, trustCases(slice, perSlice, seed), result, concurrency, count);
      results.push(result);
    }
    for (const family of options.families ?? TRUST_FAMILIES) {
      const result = emptyResult(family.key);
      for (let batch = 0; (counts.get(family.target) ?? 0) < minSlice && result.pairs < familyCap; batch++) {
        const missing = minSlice - (counts.get(family.target) ?? 0);
        const size = Math.min(familyCap - result.pairs, options.batch ?? Math.max(48, Math.min(400, missing)));
        await runCases(ctx, trustFamilyCases(family, seed, batch, size), result, concurrency, count);
      }
      if (result.pairs > 0) results.push(result);
    }
    return results;
  });
}

/** The three slices alone, `perSlice` cases each (the fast tier's first part). */
export function runTrustSlices(
  perSlice: number,
  seed: number,
  concurrency = 4,
  slices: Slice[] = ['trust', 'client-auth', 'validity'],
): Promise<SliceResult[]> {
  return runTrust({ perSlice, seed, concurrency, slices, families: [] });
}
