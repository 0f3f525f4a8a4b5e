/**
 * What a word of a shell function's body is at the calls the script makes: `docker exec "$1" runmqsc …` inside
 * `define_objects() { … }`, or `local cname="$1"` then `"$cname"`, called as `define_objects qmcoord QMCOORD` and
 * `define_objects qmcmd QMCMD`, runs in the container qmcoord, then in qmcmd. bash(1) "FUNCTIONS": "the arguments to
 * the function become the positional parameters during its execution". Only what the script writes decides: a call
 * whose argument is not a literal (a variable the script assigns once to a literal aside) gives nothing for that call,
 * and a function called from nowhere in the file, or a word that is no positional parameter, gives none.
 */
import type { Range } from '../core/types';
import { shellCommands } from './shell-commands';
import { literalAssignments } from './shell-assignments';

/** One call of the function and the value the word takes there. */
export interface CallValue {
  value: string;
  /** The function's name, and the call's line. */
  functionName: string;
  range: Range;
}

/** `name() {`, `name () {`, `function name {`, `function name() {`: the line that opens a function body. */
const OPENS_FUNCTION = /^\s*(?:function\s+([A-Za-z_][\w:.-]*)\s*(?:\(\s*\))?|([A-Za-z_][\w:.-]*)\s*\(\s*\))\s*\{?\s*$/;
/** The brace that closes a function body written at the start of a line. */
const CLOSES_FUNCTION = /^\}\s*(?:#.*)?$/;
/** `$1`, `${1}`, `$NAME`, `${NAME}`: the whole word is one plain expansion. */
export const WHOLE_EXPANSION = /^\$(?:\{([A-Za-z_]\w*|\d)\}|([A-Za-z_]\w*|\d))$/;

/**
 * The values the word `written` (as the line writes it, quotes removed) of line `at` takes at each call of the
 * function around it whose argument is known; undefined when the line is in no function or the word is no parameter.
 */
export function valuesAtCalls(lines: readonly string[], at: number, written: string): CallValue[] | undefined {
  const expansion = WHOLE_EXPANSION.exec(written);
  if (!expansion) return undefined;
  const body = functionAround(lines, at);
  if (!body) return undefined;
  const name = (expansion[1] ?? expansion[2])!;
  const position = /^\d$/.test(name) ? Number(name) : parameterOf(lines.slice(body.open + 1, at), name);
  if (!position) return undefined;
  const assignments = literalAssignments(lines, lines.length);
  const values: CallValue[] = [];
  lines.forEach((line, i) => {
    if (i >= body.open && i <= body.close) return;
    for (const command of line.includes(body.name) ? shellCommands(line) : []) {
      if (command.words[0]?.text !== body.name) continue;
      const argument = command.words[position]?.text;
      const value = argument === undefined ? undefined : literalOf(argument, assignments);
      if (value === undefined) continue;
      const indent = line.length - line.trimStart().length;
      values.push({
        value,
        functionName: body.name,
        range: { start: { line: i, character: indent }, end: { line: i, character: line.trimEnd().length } },
      });
    }
  });
  return values;
}

/** The function whose body holds line `at`: its name, the line that opens it and the line that closes it. */
export function functionAround(
  lines: readonly string[],
  at: number,
): { name: string; open: number; close: number } | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (CLOSES_FUNCTION.test(line)) return undefined;
    const m = OPENS_FUNCTION.exec(line);
    if (!m) continue;
    let close = at + 1;
    while (close < lines.length && !CLOSES_FUNCTION.test(lines[close]!)) close++;
    return close < lines.length ? { name: (m[1] ?? m[2])!, open: i, close } : undefined;
  }
  return undefined;
}

/** The positional parameter a variable of the body is given (`local cname="$1" qmgr="$2"`, `cname=$1`), assigned once. */
function parameterOf(body: readonly string[], name: string): number | undefined {
  const assigned = new RegExp(`(?:^|[\\s;])${name}=("?)\\$\\{?(\\d)\\}?\\1(?=[\\s;]|$)`);
  const anyAssignment = new RegExp(`(?:^|[\\s;])${name}=`);
  const found = body.filter((line) => anyAssignment.test(line));
  const m = found.length === 1 ? assigned.exec(found[0]!) : null;
  return m ? Number(m[2]) : undefined;
}

/** The word's value as the shell gives it: as written, or the literal the script assigns the variable it expands. */
function literalOf(word: string, assignments: ReadonlyMap<string, string>): string | undefined {
  if (!word.includes('$') && !word.includes('`')) return word;
  const m = WHOLE_EXPANSION.exec(word);
  const value = m ? assignments.get((m[1] ?? m[2])!) : undefined;
  return value !== undefined && !value.includes('$') ? value : undefined;
}
