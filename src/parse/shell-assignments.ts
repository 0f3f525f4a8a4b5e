/**
 * A script's own literal assignments put into the heredocs it feeds (`SSLCIPH="TLS_…"` above `runmqsc QM <<EOF …
 * SSLCIPH('${SSLCIPH}')`): what the shell would put there, so the MQSC is judged with the value it really gets.
 * Only a variable the script assigns exactly once, unindented (not inside an `if`, a loop or a function), to a
 * literal value, before the heredoc; any other expansion stays a value known only when the script runs. A default the
 * script writes (`CIPHER="${CIPHER:-TLS_…}"`, or `${CIPHER:-TLS_…}` in the heredoc of a variable it never assigns) is
 * the value the script runs with unless its environment sets the variable: it is put in and kept in the region's
 * `defaults`, so that a model which finds the variable set by the image or the container can take it back.
 */
import { shellCommands } from './shell-commands';
import type { EmbeddedLine, EmbeddedRegion } from './yaml-blocks';

/** `NAME=value`, `export NAME="value"`, `readonly NAME='value'`: a literal value (no expansion) and nothing after. */
const LITERAL_ASSIGNMENT =
  /^(?:export\s+|readonly\s+)?([A-Za-z_]\w*)=(?:"([^"$`\\]*)"|'([^']*)'|([^\s"'$`\\;&|<>()]*))\s*(?:#.*)?$/;
/** `NAME="${NAME:-value}"`, `export NAME=${NAME-value}`: the variable's own default (a literal), and nothing after. */
const SELF_DEFAULT =
  /^(?:export\s+|readonly\s+)?([A-Za-z_]\w*)=("?)\$\{([A-Za-z_]\w*):?[-=]([^}$`"'\\\s]*)\}\2\s*(?:#.*)?$/;
/** Any assignment of a name (also `local X=`, `X+=`, inside a line): a second one makes the value conditional. */
const ANY_ASSIGNMENT = /(?:^|[\s;&|(])(?:export\s+|readonly\s+|local\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_]\w*)\+?=/g;
/**
 * `$NAME`, `${NAME}`, and `${NAME:-value}` / `${NAME-value}` / `${NAME:=value}` with a literal default (other
 * modifiers depend on the environment).
 */
const EXPANSION = /\$\{([A-Za-z_]\w*)(?:(:?)[-=]([^}$`"'\\]*))?\}|\$([A-Za-z_]\w*)/g;

/** How many times the script assigns each name (`read NAME…`, `for NAME in` count as many: set at run time). */
function assignmentCounts(lines: readonly string[], runTime = new Set<string>()): Map<string, number> {
  const count = new Map<string, number>();
  for (const line of lines) {
    if (line.trimStart().startsWith('#')) continue;
    for (const m of line.matchAll(ANY_ASSIGNMENT)) count.set(m[1]!, (count.get(m[1]!) ?? 0) + 1);
    for (const name of runTimeNames(line)) {
      count.set(name, 2);
      runTime.add(name);
    }
  }
  return count;
}

/** `read`'s options that take an argument (bash(1) "read"): `-a` names an array the line assigns. */
const READ_OPTION_ARGUMENT = /^-\w*[adinNptu]$/;
const NAME = /^[A-Za-z_]\w*$/;

/**
 * The names a line sets at run time: a `for`/`select` loop's variable, and every name `read` is given
 * (`while read PORT QM` sets QM too: bash(1) "read": "the first word is assigned to the first name, the second word to
 * the second name, and so on"), `-a NAME` included; the words as the shell splits them (a quoted prompt is one).
 */
function runTimeNames(line: string): string[] {
  const names: string[] = [];
  for (const m of line.matchAll(/\b(?:for|select)\s+([A-Za-z_]\w*)/g)) names.push(m[1]!);
  if (!/(?:^|[\s;&|(])read(?=\s|$)/.test(line)) return names;
  for (const { words } of shellCommands(line)) {
    const at = words.findIndex((w) => w.text === 'read');
    if (at < 0) continue;
    for (let i = at + 1; i < words.length; i++) {
      const word = words[i]!.text;
      if (word.startsWith('-')) {
        if (!READ_OPTION_ARGUMENT.test(word)) continue;
        if (word.endsWith('a') && NAME.test(words[i + 1]?.text ?? '')) names.push(words[i + 1]!.text);
        i++;
      } else if (NAME.test(word)) names.push(word);
    }
  }
  return names;
}

/** What the script says of its variables before a line: literal values, which are defaults, which it assigns at all. */
export interface ShellValues {
  values: Map<string, string>;
  /** Names whose value is the script's default for the environment's (`X="${X:-v}"`). */
  defaulted: Set<string>;
  /** Every name the script assigns anywhere (a default in a heredoc counts only for a name it never assigns). */
  assigned: Set<string>;
  /** `false`: defaults are not put in (a reader whose model cannot take them back where the environment sets them). */
  defaults?: false;
}

/**
 * A script's assignments, read once: a script that feeds many heredocs (vdesabou/kafka-docker-playground@95b2d38d1 scripts of
 * thousands of lines) asked for its values before each one and counted every assignment again each time.
 */
export class ScriptAssignments {
  private readonly count: Map<string, number>;
  /** The once-assigned literal values and self-defaults, in line order. */
  private readonly literals: Array<{ line: number; name: string; value: string; defaulted: boolean }> = [];
  /** The names a loop (`for`, `select`) or `read` sets, at each turn or read. */
  readonly setAtRunTime = new Set<string>();

  constructor(lines: readonly string[]) {
    this.count = assignmentCounts(lines, this.setAtRunTime);
    for (let i = 0; i < lines.length; i++) {
      const m = LITERAL_ASSIGNMENT.exec(lines[i]!);
      if (m && this.count.get(m[1]!) === 1)
        this.literals.push({ line: i, name: m[1]!, value: m[2] ?? m[3] ?? m[4] ?? '', defaulted: false });
      const d = m ? null : SELF_DEFAULT.exec(lines[i]!);
      if (d && d[1] === d[3] && this.count.get(d[1]!) === 1)
        this.literals.push({ line: i, name: d[1]!, value: d[4]!, defaulted: true });
    }
  }

  /** The literal values of variables the script assigns once, unindented, before line `before` (zero-based). */
  before(before: number): ShellValues {
    const values = new Map<string, string>();
    const defaulted = new Set<string>();
    for (const literal of this.literals) {
      if (literal.line >= before) break;
      values.set(literal.name, literal.value);
      if (literal.defaulted) defaulted.add(literal.name);
    }
    return { values, defaulted, assigned: new Set(this.count.keys()) };
  }
}

/** The literal values of variables the script assigns once, unindented, before line `before` (zero-based). */
export function shellValues(lines: readonly string[], before: number): ShellValues {
  return new ScriptAssignments(lines).before(before);
}

/** The literal values of variables the script assigns once, unindented, before line `before` (zero-based). */
export function literalAssignments(lines: readonly string[], before: number): Map<string, string> {
  return shellValues(lines, before).values;
}

/**
 * What one expansion gives (`$X`, `${X}`, `${X:-v}`): the script's value, else the default written in it for a name
 * the script never assigns; `defaulted` when the value is a default. Undefined when known only at run time.
 */
function valueOf(m: RegExpMatchArray, known: ShellValues): { value: string; defaulted: boolean } | undefined {
  const name = (m[1] ?? m[4])!;
  const value = known.values.get(name);
  if (known.defaults === false)
    return value !== undefined && !known.defaulted.has(name) && m[3] === undefined
      ? { value, defaulted: false }
      : undefined;
  const fallback = m[3];
  // `${X:-v}` gives v when X is empty too; `${X-v}` only when X is unset.
  if (value !== undefined && !(fallback !== undefined && m[2] === ':' && value === '')) {
    return { value, defaulted: known.defaulted.has(name) };
  }
  if (fallback !== undefined && !known.assigned.has(name)) return { value: fallback, defaulted: true };
  return undefined;
}

/** The word with each expansion replaced as the shell would (valueOf); undefined when one is known only at run time. */
export function expandWord(word: string, known: ShellValues): string | undefined {
  let out = '';
  let at = 0;
  for (const m of word.matchAll(EXPANSION)) {
    const found = valueOf(m, known);
    if (!found) return undefined;
    out += word.slice(at, m.index) + found.value;
    at = (m.index ?? 0) + m[0].length;
  }
  out += word.slice(at);
  return out.includes('$') || out.includes('`') ? undefined : out;
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
 * The region with each `$NAME`/`${NAME}`/`${NAME:-v}` of a known value replaced by it; every line keeps a map from its
 * new columns to the columns of the text as written, so positions stay in the enclosing file (a replaced expansion
 * spans the expansion). A value that is a default is listed in `defaults` with where its expansion is written.
 */
export function substituteAssignments(region: EmbeddedRegion, known: ShellValues): EmbeddedRegion {
  let changed = false;
  const defaults: NonNullable<EmbeddedRegion['defaults']> = [];
  const lines = region.lines.map((line): EmbeddedLine => {
    // Pieces of the new text: [new start, new end, written start, written end, replaced].
    const pieces: [number, number, number, number, boolean][] = [];
    let text = '';
    let at = 0;
    for (const m of line.text.matchAll(EXPANSION)) {
      const found = valueOf(m, known);
      if (found === undefined) continue;
      const start = m.index ?? 0;
      if (found.defaulted)
        defaults.push({
          name: (m[1] ?? m[4])!,
          line: line.line,
          start: line.column + start,
          end: line.column + start + m[0].length,
        });
      pieces.push([text.length, text.length + start - at, at, start, false]);
      text += line.text.slice(at, start);
      pieces.push([text.length, text.length + found.value.length, start, start + m[0].length, true]);
      text += found.value;
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
  return changed ? { ...region, lines, ...(defaults.length > 0 && { defaults }) } : region;
}
