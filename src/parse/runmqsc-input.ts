/**
 * MQSC files a script feeds runmqsc on its standard input: `runmqsc QM1 < mqsc/dev.mqsc`, `cat dev.mqsc | runmqsc QM1`,
 * and the same run in a container, `docker exec -i qm1 runmqsc QM1 < dev.mqsc` (the shell opens the file on the host
 * and `-i` passes it on). runmqsc reads its commands from standard input and runs them on the queue manager it is
 * given, else the default one (https://www.ibm.com/docs/en/ibm-mq/9.4?topic=reference-runmqsc-run-mqsc-commands:
 * `runmqsc [-e] [-n] [-u UserId] [-v] [-w WaitTime [-x]] [-m LocalQmgrName] [QMgrName]`, "runmqsc QMGR < myprog.in").
 * Read from shell scripts, as a document of its own beside whatever else the file is; the model ties the files.
 */
import type { Range } from '../core/types';
import { execOf, type ContainerExec } from './container-exec';
import { isScript } from './embedded';
import { shellCommands } from './shell-commands';
import { splitLines } from './text';
import type { ParsedDocument, SourceFile } from './types';

export const RUNMQSC_INPUT_KIND = 'script.runmqsc-input';

export interface RunmqscInput {
  /** The file runmqsc reads, as written (`mqsc/dev.mqsc`, `$DIR/dev.mqsc`). */
  input: string;
  /** The queue manager it is given, as written; undefined for the default queue manager. */
  queueManager?: string;
  /** The container it runs in (`docker exec`, `docker compose exec`), when it does. */
  exec?: ContainerExec;
  /** The command's line (its first, when continued with `\`). */
  range: Range;
}

export interface RunmqscInputData {
  inputs: RunmqscInput[];
}

/** runmqsc options that take a value as the next word. */
const VALUE_OPTIONS = new Set(['-u', '-w', '-m']);

/** The files a script feeds runmqsc, or undefined when it feeds none. */
export function runmqscInputs(source: SourceFile): ParsedDocument<RunmqscInputData> | undefined {
  if (!/\brunmqsc\b/.test(source.text) || !isScript(source.path, source.text)) return undefined;
  const lines = splitLines(source.text);
  const inputs: RunmqscInput[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let line = lines[i]!;
    while (/\\$/.test(line) && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!;
    if (!/\brunmqsc\b/.test(line) || line.trimStart().startsWith('#')) continue;
    const written = lines[first]!;
    const range: Range = {
      start: { line: first, character: written.length - written.trimStart().length },
      end: { line: first, character: written.trimEnd().length },
    };
    for (const found of inputsOf(line)) inputs.push({ ...found, range });
  }
  if (inputs.length === 0) return undefined;
  return { file: source, kind: RUNMQSC_INPUT_KIND, entries: [], comments: [], problems: [], data: { inputs } };
}

/**
 * Each command of the line whose runmqsc reads a file: by `<` on its own command, or from a `cat <file> |` before
 * it. A runmqsc in the line that `su`, `runuser` or a shell runs with `-c` (`su - mqm -c "runmqsc QM1 < f.mqsc"`)
 * counts the same, unless that line runs in a container (`docker exec qm1 sh -c "…"`: the file is the container's).
 */
export function inputsOf(line: string): Omit<RunmqscInput, 'range'>[] {
  const out: Omit<RunmqscInput, 'range'>[] = [];
  const commands = shellCommands(line);
  commands.forEach((command, c) => {
    const words = command.words.map((w) => w.text);
    const at = words.findIndex((w) => w.replace(/^.*\//, '') === 'runmqsc');
    if (at < 0) return;
    for (let by = command.runBy; by; by = by.runBy) if (execOf(by.words.map((w) => w.text))) return;
    const queueManager = queueManagerOf(words.slice(at + 1));
    const previous = commands[c - 1];
    const redirected = command.redirections.find((r) => r.operator === '<' && r.descriptor === undefined)?.target;
    const piped = previous?.next === '|' ? catFile(previous.words.map((w) => w.text)) : undefined;
    const input = redirected?.text ?? piped;
    if (!input) return;
    const exec = execOf(words.slice(0, at));
    out.push({ input, ...(queueManager !== undefined && { queueManager }), ...(exec && { exec }) });
  });
  return out;
}

/** runmqsc's queue manager argument among the words after it. */
function queueManagerOf(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (VALUE_OPTIONS.has(word)) i++;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}

/** `cat <file>` alone: the file it writes to the pipe. */
function catFile(words: readonly string[]): string | undefined {
  if (words[0]?.replace(/^.*\//, '') !== 'cat') return undefined;
  const files = words.slice(1).filter((w) => !w.startsWith('-'));
  return files.length === 1 ? files[0] : undefined;
}
