/**
 * The parse problems of a file a script writes in pieces (./shell-appends.ts), and when each holds. The file is read
 * with each piece once; each block that writes some pieces only when it runs (an `if` branch, a loop body, a `case` arm,
 * a function) is then left out once.
 * - A problem every reading has holds however the script runs: reported as the parser says.
 * - A problem that goes when a block is left out (one inside the block, a `}` the block writes beyond what it opens, a
 *   key set again whose first setting is in the block) holds only when that block runs. The tree does not say whether
 *   it does: not an error, a warning naming the blocks (`only when the script runs `if [ -n "$TLS" ]` (line 12)`).
 *   One that needs two branches of the same `if` (or arms of one `case`) never holds: they are alternatives.
 * - A problem only the reading without some block has says the file's structure depends on it (a branch opens what an
 *   unconditional piece closes): no problem of the file is then reported.
 */
import type { ShellBlock } from './shell-blocks';
import type { ParsedDocument, ParseProblem } from './types';
import type { ConditionalPieces, EmbeddedLine, EmbeddedRegion } from './yaml-blocks';

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
  const units = region.conditional ?? [];
  if (region.undecided || units.length > MOST_BLOCKS) return [];
  const all = new Set(problems.map(keyOf));
  const needs = new Map<ParseProblem, ConditionalPieces[]>();
  for (const unit of units) {
    const inUnit = new Set(unit.lines);
    const without = parse(region.lines.filter((l) => !inUnit.has(l.line)));
    // The reading without the block has a problem the full one has not: whether the block runs decides the file.
    if (without.problems.some((p) => !all.has(keyOf(p)))) return [];
    const found = new Set(without.problems.map(keyOf));
    for (const p of problems)
      if (inUnit.has(p.range.start.line) || !found.has(keyOf(p))) needs.set(p, [...(needs.get(p) ?? []), unit]);
  }
  return problems.flatMap((p) => {
    const blocks = needs.get(p)?.map((u) => u.block);
    if (!blocks) return [p];
    if (alternatives(blocks)) return [];
    return [
      {
        ...p,
        severity: p.severity === 'error' ? ('warning' as const) : p.severity,
        message: `${p.message} (${whenWritten(blocks)})`,
      },
    ];
  });
}

/** Two branches of one `if`, or two arms of one `case`: never both run. */
function alternatives(blocks: readonly ShellBlock[]): boolean {
  const branchOf = new Map<number, number>();
  for (const b of blocks) {
    const seen = branchOf.get(b.statement);
    if (seen !== undefined && seen !== b.id) return true;
    branchOf.set(b.statement, b.id);
  }
  return false;
}

/** `only when the script runs `if [ -n "$TLS" ]` (line 12) and the loop `for d in $DOMAINS` (line 3)`, outermost first. */
export function whenWritten(blocks: readonly ShellBlock[]): string {
  const said = [...new Map(blocks.map((b) => [b.id, b])).values()]
    .sort((a, b) => a.id - b.id)
    .map((b) => `${b.said} (line ${b.line + 1})`);
  return `only when the script runs ${said.join(' and ')}`;
}
