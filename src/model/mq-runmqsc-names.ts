/**
 * The queue manager a script's runmqsc is given, as the shell gives it when the script writes it through a variable:
 * `runmqsc ${QMGR} <<EOF` after `QMGR=QM1`, or, in a shell function, `runmqsc "$1"` (or a local the function gives
 * `$1`) called as `configure QM1` and `configure QM2`: the MQSC runs on QM1, then on QM2 (bash(1) "FUNCTIONS": "the
 * arguments to the function become the positional parameters during its execution"; src/parse/shell-functions.ts).
 * Only what the script writes decides: a call whose argument is no literal, a variable assigned more than once or
 * set by the environment, or a word inside a single-quoted `-c` string (expanded by the inner shell, with its own
 * positional parameters) names nothing.
 */
import type { Range } from '../core/types';
import { openQuoteAt } from '../parse/script-regions';
import { queueManagerOf } from '../parse/runmqsc-input';
import { expandWord, shellValues } from '../parse/shell-assignments';
import { shellCommands, type ShellWord } from '../parse/shell-commands';
import { valuesAtCalls } from '../parse/shell-functions';
import type { ParsedDocument } from '../parse/types';
import type { ScriptQueueManagerName } from './attributes';
import { runmqscLineOf } from './mq-exec';

/** A queue manager name as MQ allows it (48 characters of A-Z a-z 0-9 . _ / %). */
const QMGR_NAME = /^[A-Za-z0-9._%/]{1,48}$/;

/** One value a written word takes: with the call of the function that gives it, when a call does. */
export interface WordValue {
  value: string;
  /** The call's line and the function's name, for a value a function's call gives. */
  call?: { range: Range; functionName: string };
}

/**
 * The values the word `written` (quotes removed) of script line `at` takes: itself when it expands nothing; the
 * script's once-assigned literals put in; else, for a whole `$1`/`${NAME}` of a shell function, the argument of each
 * call that writes a literal. None when a value is known only when the script runs.
 */
export function wordValues(lines: readonly string[], at: number, written: string): WordValue[] {
  if (!written.includes('$') && !written.includes('`')) return [{ value: written }];
  const value = expandWord(written, shellValues(lines, at));
  if (value !== undefined) return [{ value }];
  return (valuesAtCalls(lines, at, written) ?? []).map((c) => ({
    value: c.value,
    call: { range: c.range, functionName: c.functionName },
  }));
}

/** Whether the calling shell expands the word (it is not inside a single-quoted `-c` string of the line). */
export function expandedByScript(line: string, word: ShellWord): boolean {
  const offset = word.offsets[0];
  return offset === undefined || openQuoteAt(line, offset) !== "'";
}

/**
 * The queue managers that the runmqsc reading the embedded MQSC `mqsc` (a heredoc, an `echo … |`) is given through a
 * variable or a function's argument, each named where the script gives it; literal words are left to the scripts'
 * own names (./mq-qmgr-names.ts queueManagerNamesBeside).
 */
export function queueManagerNamesOfRunmqsc(mqsc: ParsedDocument): ScriptQueueManagerName[] {
  const opener = runmqscLineOf(mqsc);
  if (!opener) return [];
  const { lines, at, line, range } = opener;
  const names: ScriptQueueManagerName[] = [];
  for (const command of shellCommands(line, 0, line.length)) {
    const words = command.words;
    const k = words.findIndex((w) => w.text.replace(/^.*\//, '') === 'runmqsc');
    if (k < 0) continue;
    const written = queueManagerOf(words.slice(k + 1).map((w) => w.text));
    const word = words.slice(k + 1).find((w) => w.text === written);
    if (written === undefined || !word || !written.includes('$')) continue;
    if (!expandedByScript(line, word)) continue;
    for (const { value, call } of wordValues(lines, at, written)) {
      const name = value.toUpperCase();
      if (!QMGR_NAME.test(value) || names.some((n) => n.name === name)) continue;
      names.push({
        name,
        location: call
          ? {
              file: mqsc.file.path,
              range: call.range,
              message: `queue manager ${name} named here: this call of ${call.functionName} runs the MQSC with runmqsc ${written}`,
            }
          : {
              file: mqsc.file.path,
              range,
              message: `queue manager ${name} named here: runmqsc ${written}, which this script sets to ${value}`,
            },
      });
    }
  }
  return names;
}
