/**
 * The parse problems of a file a script writes in pieces (./shell-appends.ts) that hold however its `if`s and loops
 * run. The file is read with each piece once; each block that writes some pieces only when it runs (an `if` branch, a
 * loop body, a `case`, a function) is then left out once. A problem outside the block that the reading without it
 * does not have (a `}` the block's `{` would have opened, a key set again whose first setting is in the block) depends
 * on the block; a problem that only the reading without the block has says the file's content depends on it: no problem
 * of the file is then reported. Problems inside a block hold when it writes.
 */
import type { ParsedDocument, ParseProblem } from './types';
import type { EmbeddedLine, EmbeddedRegion } from './yaml-blocks';

/** At most this many blocks are left out one by one; a script with more has no structure verdict. */
const MOST_BLOCKS = 24;

/** A problem as said: where, what, and the places it names (`first set on line 113`: another block may hold it). */
const keyOf = (p: ParseProblem): string =>
  JSON.stringify([p.code, p.messageId, p.message, p.range.start, p.data, p.lines]);

export function problemsOnEveryPath(
  problems: ParseProblem[],
  region: EmbeddedRegion,
  parse: (lines: readonly EmbeddedLine[]) => ParsedDocument,
): ParseProblem[] {
  const blocks = region.conditional ?? [];
  if (region.undecided || blocks.length > MOST_BLOCKS) return [];
  let kept = problems;
  for (const block of blocks) {
    const inBlock = new Set(block);
    const without = parse(region.lines.filter((l) => !inBlock.has(l.line)));
    const outside = (p: ParseProblem) => !inBlock.has(p.range.start.line);
    const found = new Set(without.problems.map(keyOf));
    // The reading without the block has a problem the full one has not: whether the block runs decides the file.
    const all = new Set(problems.map(keyOf));
    if (without.problems.some((p) => !all.has(keyOf(p)))) return [];
    kept = kept.filter((p) => !outside(p) || found.has(keyOf(p)));
  }
  return kept;
}
