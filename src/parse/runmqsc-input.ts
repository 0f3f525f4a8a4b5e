/**
 * MQSC files a script feeds runmqsc on its standard input: `runmqsc QM1 < mqsc/dev.mqsc`, `cat dev.mqsc | runmqsc QM1`,
 * and the same run in a container, `docker exec -i qm1 runmqsc QM1 < dev.mqsc` (the shell opens the file on the host
 * and `-i` passes it on). runmqsc reads its commands from standard input and runs them on the queue manager it is
 * given, else the default one (https://www.ibm.com/docs/en/ibm-mq/9.4?topic=reference-runmqsc-run-mqsc-commands:
 * `runmqsc [-e] [-n] [-u UserId] [-v] [-w WaitTime [-x]] [-m LocalQmgrName] [QMgrName]`, "runmqsc QMGR < myprog.in").
 * Read from shell scripts, as a document of its own beside whatever else the file is; the model ties the files.
 */
import type { Range } from '../core/types';
import { containerCopies, copiedFrom, type ContainerCopy } from './container-copies';
import { execOf, type ContainerExec } from './container-exec';
import { isScript } from './embedded';
import { shellCommands, type ShellCommand } from './shell-commands';
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
  /**
   * The line (zero-based) of the `docker cp` that put the host file `input` into the container, where runmqsc reads it
   * by the container's path (`docker exec qm1 bash -c "runmqsc QM1 < /tmp/x.mqsc"`).
   */
  copiedAt?: number;
  /**
   * Set when `input` is an absolute path of the container's own that no `docker cp` of the script put there
   * (`docker exec qm1 sh -c "runmqsc QM1 < /opt/mqsc/qm.mqsc"`): a tree file only where the container mounts one there.
   */
  inContainer?: true;
  /** The command's line (its first, when continued with `\`). */
  range: Range;
}

export interface RunmqscInputData {
  inputs: RunmqscInput[];
}

/**
 * runmqsc options that take a value as the next word: `-f filename` reads the commands from that file instead of
 * standard input (IBM MQ 9.4, https://www.ibm.com/docs/SSFKSJ_9.4.0/refadmin/q083460_.html).
 */
const VALUE_OPTIONS = new Set(['-u', '-w', '-m', '-f']);

/** The files a script feeds runmqsc, or undefined when it feeds none. */
export function runmqscInputs(source: SourceFile): ParsedDocument<RunmqscInputData> | undefined {
  if (!/\brunmqsc\b/.test(source.text) || !isScript(source.path, source.text)) return undefined;
  const lines = splitLines(source.text);
  const inputs: RunmqscInput[] = [];
  let copies: ContainerCopy[] | undefined;
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
    // A container's own path: the host file the script's latest `docker cp` before this line put there, if any.
    const copiedIn: CopiedIn = (exec, inside) => {
      if (exec.by !== 'container' || !inside.startsWith('/')) return undefined;
      const copied = copiedFrom((copies ??= containerCopies(lines)), exec.name, inside, first);
      return copied && { input: copied.host, copiedAt: copied.copy.line };
    };
    for (const found of inputsOf(line, copiedIn)) inputs.push({ ...found, range });
  }
  if (inputs.length === 0) return undefined;
  return { file: source, kind: RUNMQSC_INPUT_KIND, entries: [], comments: [], problems: [], data: { inputs } };
}

/** The host file a container's path names, when the script copied it there (`docker cp`); the exec runs in it. */
export type CopiedIn = (exec: ContainerExec, inside: string) => { input: string; copiedAt: number } | undefined;

/**
 * Each command of the line whose runmqsc reads a file: by `<` on its own command, or from a `cat <file> |` before
 * it. A runmqsc in the line that `su`, `runuser`, `sudo` or a shell runs with `-c` counts too: with its own `<`
 * (`su mqm -c "runmqsc QM1 < f.mqsc"`), or reading what the command that runs it reads (`su - mqm -c "runmqsc QM1"
 * < f.mqsc`, `docker exec -i qm1 bash -c "runmqsc QM1" < f.mqsc`: the calling shell opens the file). Not read: a
 * file named inside a line that runs in a container (the container's file), and a relative one inside a login
 * shell's line (`su - mqm -c "runmqsc QM1 < f.mqsc"`: `su -` starts in mqm's home directory, su(1)), unless `copiedIn`
 * knows the host file a `docker cp` put at that path of the container.
 */
export function inputsOf(line: string, copiedIn?: CopiedIn): Omit<RunmqscInput, 'range'>[] {
  const out: Omit<RunmqscInput, 'range'>[] = [];
  const commands = shellCommands(line);
  /** The file a command reads on its standard input, as the calling shell gives it. */
  const stdinOf = (command: ShellCommand): Fed | undefined => {
    const c = commands.indexOf(command);
    const redirected = command.redirections.find((r) => r.operator === '<' && r.descriptor === undefined)?.target;
    const previous = commands[c - 1];
    const piped = previous?.next === '|' ? catFile(previous.words.map((w) => w.text)) : undefined;
    const own = redirected?.text ?? piped;
    if (own !== undefined) {
      const inContainer = containerOf(command, false);
      if (inContainer) return copiedTo(inContainer, own, copiedIn);
      const login = [command.runBy, command.runBy?.runBy].some((by) => by && startsInHome(by));
      return login && !own.startsWith('/') ? undefined : { input: own };
    }
    // A command of a `-c` line that reads no file of its own reads what the command that runs it reads.
    const by = command.runBy;
    if (!by || (previous?.runBy === by && previous.next === '|')) return undefined;
    const outer = stdinOf(by);
    const exec = execOf(by.words.map((w) => w.text));
    return outer && { ...outer, ...(exec && !outer.exec && { exec }) };
  };
  for (const command of commands) {
    const words = command.words.map((w) => w.text);
    const at = words.findIndex((w) => w.replace(/^.*\//, '') === 'runmqsc');
    if (at < 0) continue;
    const named = inputFileOf(words.slice(at + 1));
    const fed = named === undefined ? stdinOf(command) : inputOfOption(command, named, copiedIn);
    if (!fed) continue;
    const queueManager = queueManagerOf(words.slice(at + 1));
    const exec = execOf(words.slice(0, at)) ?? fed.exec;
    out.push({
      input: fed.input,
      ...(queueManager !== undefined && { queueManager }),
      ...(exec && { exec }),
      ...(fed.copiedAt !== undefined && { copiedAt: fed.copiedAt }),
      ...(fed.inContainer && { inContainer: fed.inContainer }),
    });
  }
  return out;
}

/** The file runmqsc's `-f filename` (or `-ffilename`) names among the words after it. */
function inputFileOf(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-f') return words[i + 1];
    if (word.startsWith('-f') && word.length > 2) return word.slice(2);
    if (VALUE_OPTIONS.has(word)) i++;
  }
  return undefined;
}

/**
 * The file of `-f`, opened by runmqsc where it runs: not a host file when a container runs it (`docker exec qm1 runmqsc
 * QM1 -f /etc/mqm/x.mqsc` reads the container's), nor a relative one in a login shell's line (its home directory).
 */
function inputOfOption(command: ShellCommand, file: string, copiedIn: CopiedIn | undefined): Fed | undefined {
  const inContainer = containerOf(command, true);
  if (inContainer) return copiedTo(inContainer, file, copiedIn);
  const login = [command.runBy, command.runBy?.runBy].some((by) => by && startsInHome(by));
  return login && !file.startsWith('/') ? undefined : { input: file };
}

/** `su -`, `su -l`, `runuser --login`, `sudo -i`: the command line runs in a login shell, in the user's home. */
function startsInHome(command: ShellCommand): boolean {
  const words = command.words.map((w) => w.text);
  const at = words.findIndex((w) => /^(su|runuser|sudo)$/.test(w.replace(/^.*\//, '')));
  if (at < 0) return false;
  const login = words[at]!.endsWith('sudo') ? /^(-i|--login|-[a-zA-Z]*i)$/ : /^(-|-l|--login)$/;
  return words.slice(at + 1).some((w) => login.test(w));
}

/** The file a command reads, the container it is read in, and the `docker cp` that put it there. */
type Fed = { input: string; exec?: ContainerExec; copiedAt?: number; inContainer?: true };

/** The exec whose container runs the command (its own words, when `own`, or a command that runs it with `-c`). */
function containerOf(command: ShellCommand, own: boolean): ContainerExec | undefined {
  if (own) {
    const exec = execOf(command.words.map((w) => w.text));
    if (exec) return exec;
  }
  for (let by = command.runBy; by; by = by.runBy) {
    const exec = execOf(by.words.map((w) => w.text));
    if (exec) return exec;
  }
  return undefined;
}

/** A container's file read as the host file a `docker cp` put there; none when no copy is known. */
function copiedTo(exec: ContainerExec, inside: string, copiedIn: CopiedIn | undefined): Fed | undefined {
  const copied = copiedIn?.(exec, inside);
  if (copied) return { input: copied.input, exec, copiedAt: copied.copiedAt };
  // The container's own file: the model reads it where the container's bind mounts put a tree file there.
  return inside.startsWith('/') && !/[$`]/.test(inside) ? { input: inside, exec, inContainer: true } : undefined;
}

/** runmqsc's queue manager argument among the words after it. */
export function queueManagerOf(words: readonly string[]): string | undefined {
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
