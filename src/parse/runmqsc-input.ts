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
import { simpleCommands } from './shell-commands';
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

/** Each pipeline of the line whose runmqsc reads a file: by `<` on its own command, or from a `cat <file> |` before it. */
export function inputsOf(line: string): Omit<RunmqscInput, 'range'>[] {
  const out: Omit<RunmqscInput, 'range'>[] = [];
  for (const command of simpleCommands(line)) {
    const stages: string[][] = [[]];
    for (const word of command)
      if (word === '|') stages.push([]);
      else stages[stages.length - 1]!.push(word);
    stages.forEach((words, s) => {
      const at = words.findIndex((w) => w.replace(/^.*\//, '') === 'runmqsc');
      if (at < 0) return;
      const { queueManager, input: redirected } = runmqscArguments(words.slice(at + 1));
      const input = redirected ?? (s > 0 ? catFile(stages[s - 1]!) : undefined);
      if (!input) return;
      const exec = execOf(words.slice(0, at));
      out.push({ input, ...(queueManager !== undefined && { queueManager }), ...(exec && { exec }) });
    });
  }
  return out;
}

/** runmqsc's queue manager argument and the file of a `<` redirection among the words after it. */
function runmqscArguments(words: readonly string[]): { queueManager?: string; input?: string } {
  let queueManager: string | undefined;
  let input: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (/^\d$/.test(word) && /^>/.test(words[i + 1] ?? '')) continue; // `2>&1`, `2> err.log`: a descriptor
    if (word === '<') input = words[++i];
    else if (/^<[^<&]/.test(word)) input = word.slice(1);
    else if (word.startsWith('<') || word.startsWith('>') || /^\d?>/.test(word)) {
      // a heredoc, a here-string or an output redirection (its target is the next word)
      if (/^\d?>+$/.test(word)) i++;
    } else if (VALUE_OPTIONS.has(word)) i++;
    else if (!word.startsWith('-') && queueManager === undefined && input === undefined) queueManager = word;
  }
  return { ...(queueManager !== undefined && { queueManager }), ...(input && { input }) };
}

/** `cat <file>` alone: the file it writes to the pipe. */
function catFile(words: readonly string[]): string | undefined {
  if (words[0]?.replace(/^.*\//, '') !== 'cat') return undefined;
  const files = words.slice(1).filter((w) => !w.startsWith('-'));
  return files.length === 1 && !files[0]!.startsWith('<') ? files[0] : undefined;
}
