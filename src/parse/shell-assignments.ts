/**
 * A script's own literal assignments put into the heredocs it feeds (`SSLCIPH="TLS_…"` above `runmqsc QM <<EOF …
 * SSLCIPH('${SSLCIPH}')`): what the shell would put there, so the MQSC is judged with the value it really gets.
 * Only a variable the script assigns exactly once, unindented (not inside an `if`, a loop or a function), to a
 * literal value, before the heredoc; any other expansion stays a value known only when the script runs.
 */
import type { EmbeddedLine, EmbeddedRegion } from './yaml-blocks';

/** `NAME=value`, `export NAME="value"`, `readonly NAME='value'`: a literal value (no expansion) and nothing after. */
const LITERAL_ASSIGNMENT =
  /^(?:export\s+|readonly\s+)?([A-Za-z_]\w*)=(?:"([^"$`\\]*)"|'([^']*)'|([^\s"'$`\\;&|<>()]*))\s*(?:#.*)?$/;
/** Any assignment of a name (also `local X=`, `X+=`, inside a line): a second one makes the value conditional. */
const ANY_ASSIGNMENT = /(?:^|[\s;&|(])(?:export\s+|readonly\s+|local\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_]\w*)\+?=/g;
/** `$NAME` or `${NAME}` (no modifiers: `${NAME:-x}` depends on the environment). */
const PLAIN_EXPANSION = /\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g;

/** The literal values of variables the script assigns once, unindented, before line `before` (zero-based). */
export function literalAssignments(lines: readonly string[], before: number): Map<string, string> {
  const count = new Map<string, number>();
  for (const line of lines) {
    if (line.trimStart().startsWith('#')) continue;
    for (const m of line.matchAll(ANY_ASSIGNMENT)) count.set(m[1]!, (count.get(m[1]!) ?? 0) + 1);
    // `read NAME`, `for NAME in`: set by the script at run time.
    for (const m of line.matchAll(/\b(?:read(?:\s+-\w+)*|for)\s+([A-Za-z_]\w*)/g)) count.set(m[1]!, 2);
  }
  const values = new Map<string, string>();
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const m = LITERAL_ASSIGNMENT.exec(lines[i]!);
    if (m && count.get(m[1]!) === 1) values.set(m[1]!, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return values;
}

/**
 * The value as written (quotes removed, expansions kept: `${OUTPUT_DIR}/ssl-demo.conf`) of the last `NAME=…`
 * (`export`, `readonly`, `local`) above line `before`, whatever its value; undefined when none is.
 */
export function lastAssignedValue(lines: readonly string[], name: string, before: number): string | undefined {
  const assignment = new RegExp(
    `^\\s*(?:export\\s+|readonly\\s+|local\\s+)?${name}=(["']?)([^"'\\s]+)\\1\\s*(?:#.*)?$`,
  );
  for (let k = Math.min(before, lines.length) - 1; k >= 0; k--) {
    const value = assignment.exec(lines[k]!)?.[2]; // k < lines.length
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The region with each `$NAME`/`${NAME}` of a known name replaced by its value; every line keeps a map from its new
 * columns to the columns of the text as written, so positions stay in the enclosing file (a replaced expansion
 * spans the expansion).
 */
export function substituteAssignments(region: EmbeddedRegion, values: ReadonlyMap<string, string>): EmbeddedRegion {
  if (values.size === 0) return region;
  let changed = false;
  const lines = region.lines.map((line): EmbeddedLine => {
    // Pieces of the new text: [new start, new end, written start, written end, replaced].
    const pieces: [number, number, number, number, boolean][] = [];
    let text = '';
    let at = 0;
    for (const m of line.text.matchAll(PLAIN_EXPANSION)) {
      const value = values.get(m[1] ?? m[2]!);
      if (value === undefined) continue;
      const start = m.index ?? 0;
      pieces.push([text.length, text.length + start - at, at, start, false]);
      text += line.text.slice(at, start);
      pieces.push([text.length, text.length + value.length, start, start + m[0].length, true]);
      text += value;
      at = start + m[0].length;
    }
    if (pieces.length === 0) return line;
    changed = true;
    pieces.push([text.length, text.length + line.text.length - at, at, line.text.length, false]);
    text += line.text.slice(at);
    const written = (character: number): number => {
      for (const [from, to, writtenFrom, writtenTo, replaced] of pieces) {
        if (character < from || character > to) continue;
        if (!replaced) return writtenFrom + (character - from);
        return character === from ? writtenFrom : writtenTo;
      }
      return line.text.length;
    };
    return { ...line, text, written };
  });
  return changed ? { ...region, lines } : region;
}
