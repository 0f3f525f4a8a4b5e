/**
 * Fast fuzz tier (part of `npm test`): every format handler in the registry and
 * the whole pipeline, with a fixed seed so a failure replays. The long run is
 * `npm run fuzz` (scripts/fuzz.ts, ≥ 1M cases per parser).
 */
import fc from 'fast-check';
import { FORMAT_HANDLERS } from '../../src/parse/registry';
import {
  arbitraryDecodedBytes,
  arbitraryMutation,
  arbitraryStress,
  arbitraryText,
  checkParse,
  seedsByHandler,
} from './fuzz-support';
import { arbitraryAdversarialGlob, arbitraryGlobSubject, arbitraryIncludeTree, checkGlob } from './glob-fuzz-support';
import { arbitraryTree, checkPipeline } from './pipeline-support';
import { arbitraryStoreMutation, arbitraryStoreNoise, checkStoreParse, storeSeeds } from './keystore-fuzz-support';

const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const seeds = seedsByHandler();

describe('fuzz: every format handler', () => {
  it('has a seed file for every handler in the registry (add one to BUILT_IN_SEEDS for a new handler)', () => {
    expect(FORMAT_HANDLERS.filter((h) => !seeds.get(h)?.length).map((h) => h.id)).toEqual([]);
  });

  describe.each(FORMAT_HANDLERS.map((h) => [h.id, h] as const))('%s', (_id, handler) => {
    const handlerSeeds = seeds.get(handler) ?? [];
    const property = (input: fc.Arbitrary<string>) =>
      fc.property(fc.constantFrom(...handlerSeeds), input, (seed, text) => checkParse(handler, seed, text));

    it('parses its seed files (examples, shared/corpus, built-ins) with positions inside them', () => {
      for (const seed of handlerSeeds) checkParse(handler, seed, seed.text);
    });
    it('never throws on arbitrary text; positions inside; deterministic', () => {
      fc.assert(property(arbitraryText), { numRuns: RUNS, seed: SEED });
    });
    it('never throws on arbitrary bytes (decoded as the reader does)', () => {
      fc.assert(property(arbitraryDecodedBytes), { numRuns: Math.ceil(RUNS / 3), seed: SEED });
    });
    it('never throws on near-valid mutations of real files', () => {
      fc.assert(property(arbitraryMutation(handlerSeeds)), { numRuns: RUNS, seed: SEED });
    });
    it('survives deep nesting and huge lines', () => {
      fc.assert(property(arbitraryStress), { numRuns: 8, seed: SEED });
    });
  });
});

describe('fuzz: binary key store readers (JKS, JCEKS, PKCS#12)', () => {
  // IBM Stock Trader's stores derive their MAC key with 100,000 iterations (a second per store): the long run (`npm run fuzz`) has them.
  const stores = storeSeeds().filter((s) => !s.name.startsWith('stocktrader/'));
  it('reads every seed store', () => {
    expect(stores.length).toBeGreaterThan(5);
    for (const seed of stores) checkStoreParse(seed);
  });
  it('never throws on byte mutations of real stores; problems well formed; deterministic', () => {
    fc.assert(fc.property(arbitraryStoreMutation(stores), checkStoreParse), { numRuns: RUNS, seed: SEED });
  });
  it('never throws on random bytes behind a store header', () => {
    fc.assert(fc.property(arbitraryStoreNoise, checkStoreParse), { numRuns: RUNS, seed: SEED });
  });
});

describe('fuzz: the whole pipeline', () => {
  it('lint() on generated trees: no throw, no crash finding, locations inside files, same output twice', () => {
    fc.assert(
      fc.property(arbitraryTree(), (tree) => checkPipeline(tree)),
      { numRuns: Number(process.env.FUZZ_TREES ?? 25), seed: SEED },
    );
  });
});

describe('fuzz: glob matching and nginx include resolution (adversarial patterns)', () => {
  it('compileGlob: only GlobTooComplexError, and every match returns (no backtracking blow-up)', () => {
    fc.assert(
      fc.property(arbitraryAdversarialGlob, arbitraryGlobSubject, (pattern, subject) => checkGlob(pattern, subject)),
      { numRuns: RUNS * 2, seed: SEED },
    );
  });
  it('lint() on nginx trees that include each other through such globs: no throw, locations inside, deterministic', () => {
    fc.assert(
      fc.property(arbitraryIncludeTree(), (tree) => checkPipeline(tree)),
      { numRuns: Number(process.env.FUZZ_TREES ?? 25), seed: SEED },
    );
  });
});
