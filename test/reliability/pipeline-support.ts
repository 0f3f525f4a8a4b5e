/**
 * Whole-pipeline fuzzing: small generated deployment trees (real file names,
 * mutated or arbitrary contents) go through lint(); it must not throw, every
 * finding must point inside its file, and two runs must give the same JSON.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { decodeFile } from '../../src/parse/text';
import {
  allSeeds,
  arbitraryDecodedBytes,
  arbitraryMutation,
  arbitraryStress,
  arbitraryText,
  findingViolations,
} from './fuzz-support';

export interface TreeFile {
  /** Relative path. */
  path: string;
  text: string;
}

/** 1–5 files, each named like a seed (in one of a few directories) with mutated, arbitrary or stress content. */
export function arbitraryTree(): fc.Arbitrary<TreeFile[]> {
  const seeds = allSeeds();
  const file = fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.constantFrom('', 'a/', 'b/c/'),
      fc.oneof(
        { weight: 6, arbitrary: arbitraryMutation(seeds) },
        { weight: 2, arbitrary: arbitraryText },
        { weight: 1, arbitrary: arbitraryDecodedBytes },
        { weight: 1, arbitrary: arbitraryStress },
      ),
      fc.boolean(),
    )
    .map(([seed, dir, text, keepSeedText]) => ({
      path: dir + path.basename(seed.path),
      text: keepSeedText ? seed.text : text,
    }));
  return fc.uniqueArray(file, { minLength: 1, maxLength: 5, selector: (f) => f.path });
}

export function writeTreeFiles(files: TreeFile[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-fuzz-'));
  for (const f of files) {
    const target = path.join(root, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.text);
  }
  return root;
}

/** Lints the tree twice: no throw, locations inside files, identical output. Throws with the reason otherwise. */
export function checkPipeline(files: TreeFile[]): void {
  const root = writeTreeFiles(files);
  try {
    const run = () => {
      try {
        return lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      } catch (error) {
        throw new Error(`lint() threw on ${JSON.stringify(files.map((f) => f.path))}: ${(error as Error).stack}`);
      }
    };
    const first = run();
    const crashes = first.findings.filter((f) => f.ruleId === 'internal-error' || f.ruleId === 'parse/parser-crash');
    if (crashes.length) throw new Error(`crash findings: ${crashes.map((f) => f.message).join('; ')}`);
    const violations = findingViolations(first.findings, (file) => {
      try {
        const decoded = decodeFile(fs.readFileSync(file));
        return decoded.ok ? decoded.text : undefined;
      } catch {
        return undefined;
      }
    });
    if (violations.length)
      throw new Error(`finding locations outside their files:\n  ${violations.slice(0, 5).join('\n  ')}`);
    const json = (r: ReturnType<typeof run>) => JSON.stringify(r.findings);
    if (json(first) !== json(run())) throw new Error('two runs on the same tree gave different findings');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
