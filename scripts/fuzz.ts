/**
 * The long fuzz run (`npm run fuzz`): property-based fuzzing of every format
 * handler in src/parse/registry.ts, then of the whole pipeline.
 *
 *   npm run fuzz                              1,000,000 cases per parser, 2,000 pipeline trees
 *   npm run fuzz -- --runs 20000 --seed 42    fewer cases, a fixed seed (to replay a failure)
 *   npm run fuzz -- --only mqsc,nginx         some parsers only
 *   npm run fuzz -- --pipeline 0              skip the pipeline phase (and the glob/include phase:
 *                                             50 × N adversarial globs, N nginx include trees)
 *
 * Each parser's cases are split between arbitrary text, arbitrary bytes (decoded
 * as the reader decodes them), near-valid mutations of real files (examples/,
 * shared/corpus) and stress inputs (deep nesting, huge lines). Prints cases and
 * time per parser; exits 1 on the first counterexample (with its seed and path).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { FORMAT_HANDLERS } from '../src/parse/registry';
import {
  arbitraryDecodedBytes,
  arbitraryMutation,
  arbitraryStress,
  arbitraryText,
  checkParse,
  seedsByHandler,
} from '../test/reliability/fuzz-support';
import { checkPipeline, arbitraryTree } from '../test/reliability/pipeline-support';
import {
  arbitraryStoreMutation,
  arbitraryStoreNoise,
  checkStoreParse,
  storeSeeds,
} from '../test/reliability/keystore-fuzz-support';
import {
  arbitraryAdversarialGlob,
  arbitraryGlobSubject,
  arbitraryIncludeTree,
  checkGlob,
} from '../test/reliability/glob-fuzz-support';

interface Options {
  runs: number;
  pipeline: number;
  seed: number;
  only?: Set<string>;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 1_000_000, pipeline: 2000, seed: Date.now() % 2 ** 31 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--runs') options.runs = Number(value);
    else if (argv[i] === '--pipeline') options.pipeline = Number(value);
    else if (argv[i] === '--seed') options.seed = Number(value);
    else if (argv[i] === '--only') options.only = new Set(value.split(','));
    else continue;
    i++;
  }
  if (
    !Number.isInteger(options.runs) ||
    options.runs < 0 ||
    !Number.isInteger(options.pipeline) ||
    options.pipeline < 0 ||
    !Number.isInteger(options.seed)
  ) {
    console.error('fuzz: --runs, --pipeline and --seed expect whole numbers');
    process.exit(2);
  }
  return options;
}

/** Share of a parser's cases per generator (stress inputs are large: few of them). */
const SHARES = [
  ['text', 0.35],
  ['bytes', 0.2],
  ['mutation', 0.44],
  ['stress', 0.01],
] as const;

function report<T>(result: fc.RunDetails<T>): string {
  const file = path.join(os.tmpdir(), `lint-deploy-fuzz-counterexample-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(result.counterexample));
  console.error(`fuzz: counterexample written to ${file}`);
  const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  return `${handlerLine(result)}\n${error.slice(0, 3000)}`;
}

function handlerLine<T>(result: fc.RunDetails<T>): string {
  return `counterexample after ${result.numRuns} cases (replay: --seed ${result.seed}; fast-check path ${JSON.stringify(result.counterexamplePath)}):\n${JSON.stringify(result.counterexample).slice(0, 2000)}`;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const seeds = seedsByHandler();
  console.log(
    `fuzz: seed ${options.seed}, ${options.runs.toLocaleString('en')} cases per parser, ${FORMAT_HANDLERS.length} parsers`,
  );
  const started = Date.now();
  let total = 0;
  let failed = false;
  for (const handler of FORMAT_HANDLERS) {
    if (options.only && !options.only.has(handler.id)) continue;
    const handlerSeeds = seeds.get(handler) ?? [];
    if (!handlerSeeds.length) {
      console.error(
        `fuzz: no seed file for handler '${handler.id}': add one to BUILT_IN_SEEDS in test/reliability/fuzz-support.ts`,
      );
      failed = true;
      continue;
    }
    const kinds = [...new Set(handlerSeeds.map((s) => `${s.kind}`))];
    const t0 = Date.now();
    let cases = 0;
    for (const [name, share] of SHARES) {
      const numRuns = Math.round(options.runs * share);
      if (!numRuns) continue;
      const input =
        name === 'text'
          ? arbitraryText
          : name === 'bytes'
            ? arbitraryDecodedBytes
            : name === 'stress'
              ? arbitraryStress
              : arbitraryMutation(handlerSeeds);
      const property = fc.property(fc.constantFrom(...handlerSeeds), input, (seed, text) =>
        checkParse(handler, seed, text),
      );
      const result = fc.check(property, { numRuns, seed: options.seed });
      cases += result.numRuns;
      if (result.failed) {
        failed = true;
        console.error(report(result));
        break;
      }
    }
    const seconds = (Date.now() - t0) / 1000;
    total += cases;
    console.log(
      `${handler.id.padEnd(24)} ${cases.toLocaleString('en').padStart(11)} cases  ${seconds.toFixed(1).padStart(7)} s  ${Math.round(
        cases / Math.max(seconds, 0.001),
      )
        .toLocaleString('en')
        .padStart(8)}/s  kinds: ${kinds.join(', ')}`,
    );
  }
  if (!failed && (!options.only || options.only.has('keystore-binary'))) {
    // Binary key stores (src/parse/keystore): byte mutations of real stores and noise behind each header.
    // A PKCS#12 case costs key derivations (up to 100,000 iterations): a hundredth of the text parsers' cases.
    const t0 = Date.now();
    const numRuns = Math.max(1, Math.round(options.runs / 100));
    const stores = storeSeeds();
    const mutations = fc.check(fc.property(arbitraryStoreMutation(stores), checkStoreParse), {
      numRuns,
      seed: options.seed,
    });
    const noise = mutations.failed
      ? mutations
      : fc.check(fc.property(arbitraryStoreNoise, checkStoreParse), { numRuns, seed: options.seed });
    const cases = mutations.numRuns + (noise === mutations ? 0 : noise.numRuns);
    total += cases;
    console.log(
      `${'keystore (binary)'.padEnd(24)} ${cases.toLocaleString('en').padStart(11)} cases  ${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s`,
    );
    for (const result of [mutations, noise] as fc.RunDetails<unknown>[]) {
      if (result.failed) {
        failed = true;
        console.error(report(result));
        break;
      }
    }
  }
  if (options.pipeline > 0 && !failed) {
    const t0 = Date.now();
    const result = fc.check(
      fc.property(arbitraryTree(), (tree) => checkPipeline(tree)),
      { numRuns: options.pipeline, seed: options.seed },
    );
    const seconds = (Date.now() - t0) / 1000;
    console.log(
      `${'pipeline (lint on trees)'.padEnd(24)} ${result.numRuns.toLocaleString('en').padStart(11)} trees  ${seconds.toFixed(1).padStart(7)} s`,
    );
    if (result.failed) {
      failed = true;
      console.error(report(result));
    }
  }
  if (options.pipeline > 0 && !failed) {
    // Glob matching and include resolution with adversarial patterns (issue 18).
    const t0 = Date.now();
    const globs = fc.check(
      fc.property(arbitraryAdversarialGlob, arbitraryGlobSubject, (pattern, subject) => checkGlob(pattern, subject)),
      { numRuns: options.pipeline * 50, seed: options.seed },
    );
    const includes = globs.failed
      ? globs
      : fc.check(
          fc.property(arbitraryIncludeTree(), (tree) => checkPipeline(tree)),
          { numRuns: options.pipeline, seed: options.seed },
        );
    console.log(
      `${'globs + nginx includes'.padEnd(24)} ${(globs.numRuns + (includes === globs ? 0 : includes.numRuns)).toLocaleString('en').padStart(11)} cases  ${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s`,
    );
    for (const result of [globs, includes] as fc.RunDetails<unknown>[]) {
      if (result.failed) {
        failed = true;
        console.error(report(result));
        break;
      }
    }
  }
  console.log(
    `fuzz: ${total.toLocaleString('en')} parser cases in ${((Date.now() - started) / 1000).toFixed(1)} s${failed ? ': FAILED' : ''}`,
  );
  process.exit(failed ? 1 : 0);
}

main();
