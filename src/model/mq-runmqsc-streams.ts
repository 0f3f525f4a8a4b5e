/**
 * The runmqsc inputs of one shell script that reach one queue manager, in the order the script runs them. A script
 * often configures its queue manager one command at a time: akainz/mq-docker@4c935f7 mq-config.sh runs
 * `su -l mqm -c "echo \"ALTER QMGR CHLAUTH(DISABLED)\" | runmqsc $1"`, then the same with `ALTER CHANNEL(SYSTEM.DEF.SVRCONN)
 * … MCAUSER('mqm')` and `ALTER AUTHINFO(…) CHCKCLNT(OPTIONAL)`: the three commands change one queue manager, as the
 * same lines in one .mqsc file do, and are read as one script (./mq-scripts.ts). Heredocs (`runmqsc QM1 <<EOF`) of the
 * script join the same stream. Two inputs are one queue manager's when runmqsc is given the same target:
 * - the same literal name (`runmqsc QM1`; a variable the script assigns once to a literal counts as that literal), or
 *   no name at all (the default queue manager);
 * - else the same plain variable word (`$1`, `"${QM}"`) that nothing between the two changes: no assignment, `for`,
 *   `read`, `local`… of the name, and for a positional parameter no `shift` or `set --`;
 * and the two lines run in the same place: the same shell function (or both outside any, which is the order the
 * script runs them), the same `docker exec` container as written, nothing between them that starts another branch
 * of an `if` or a `case` (`else`, `elif`, `;;`). A target known only when the script runs (`$(hostname)`, a `$1` the
 * inner shell of a single-quoted `su -c '…'` expands), several runmqsc on one line, and a line that runs on another
 * machine (`ssh`, `kubectl exec`, `oc exec`) leave the input a script of its own.
 *
 * A YAML block scalar run as a shell script (a GitHub Actions step's `run: |`, an Ansible task's `shell: |`, a GitLab
 * `script:` item `- |`, a container's `args: - |`, a Compose `command: |`) is such a script, and the blocks of the items
 * of one sequence (the steps of one job, the tasks of one play or tasks file) run one after the other on one machine:
 * their inputs join in file order, each block a shell of its own (a variable it assigns is its own). Blocks of different
 * sequences (two jobs, two plays) run on machines of their own and stay apart. A template expression the CI or Ansible
 * puts in before the shell runs (`${{ env.QM }}`, `{{ qm_name }}`) is the same target where it is the same expression;
 * it, or a shell variable, joins two blocks only when no YAML key of the sequence's items sets a name it reads (a
 * step's `env: QM: …`, a task's `vars:` or `set_fact:`), and a loop's `{{ item }}` never does.
 */
import type { MqscData } from '../parse/mqsc';
import { queueManagerOf, type RunmqscInput } from '../parse/runmqsc-input';
import { expandWord, ScriptAssignments } from '../parse/shell-assignments';
import { shellCommands } from '../parse/shell-commands';
import { containerExecs } from '../parse/container-exec';
import { functionAround, WHOLE_EXPANSION } from '../parse/shell-functions';
import { forLoopAround, type ForLoop, type LoopWord } from '../parse/shell-loops';
import { splitLines } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import { sequenceOfBlock, yamlBlocks, type EmbeddedRegion } from '../parse/yaml-blocks';
import { isRunmqscRegion, runmqscLineIn, type RunmqscLine } from './mq-exec';
import { expandedByScript } from './mq-runmqsc-names';

/** A line that runs its command on another machine or pod. */
const REMOTE = /(^|[\s;&|"'(])(ssh|rsh|kubectl|oc)\s/;
/** A line that starts another branch of an `if` or a `case`: what follows it does not run after what precedes it. */
const OTHER_BRANCH = /^\s*(else|elif)\b|;;/;
/** `shift`, `set -- …`: the script's positional parameters change. */
const POSITIONAL_CHANGE = /(^|[\s;&|(])(shift|set\s+--)(?=[\s;)]|$)/;
/** A GitHub Actions (`${{ env.QM }}`) or Jinja (`{{ qm_name }}`) expression, put in before the shell runs. */
const TEMPLATE_EXPRESSION = /\$?\{\{\s*(.*?)\s*\}\}/g;
/** Ansible's loop variable: another value at each turn of a task's loop. */
const LOOP_VARIABLE = /^item\b/;

/** What runmqsc is given, as a key equal for two inputs of one queue manager, and what changes it in between. */
interface RunmqscTarget {
  key: string;
  changedBy?: RegExp;
  /** The variables the target reads, which a YAML key of another block's item may set. */
  reads: string[];
  /** The queue manager a turn of a `for` loop gives the target (`runmqsc $qm` in `for qm in FR1 FR2`). */
  turn?: LoopTurn;
}

/** One turn of a `for` loop over literal queue manager names: the word it runs with, and the loop. */
export interface LoopTurn {
  word: LoopWord;
  loop: ForLoop;
}

/** A shell script of the file: its lines at their line in the file (blank elsewhere), first to last. */
interface ShellScript {
  lines: string[];
  assignments: ScriptAssignments;
  first: number;
  last: number;
}

/** The scripts of a file that run one after the other: the script file, or the YAML blocks of one sequence's items. */
interface ScriptGroup {
  members: StreamMember[];
  scriptOf: (doc: ParsedDocument<MqscData>) => ShellScript;
  /** The shell lines of its scripts at their line in the file (blank elsewhere). */
  shell: string[];
  /** The YAML lines of a sequence's items around its blocks, which may set what the blocks read (`env:`, `vars:`). */
  yaml: string[];
}

/** A tree MQSC file that one runmqsc input of a script feeds (`runmqsc QM1 < /etc/mqm/mq-dev-config`). */
export interface FedMqscInput {
  doc: ParsedDocument<MqscData>;
  input: RunmqscInput;
}

/** One runmqsc input of a stream: an embedded MQSC document, or a tree file the script feeds (`runmqsc QM1 < f`). */
export interface StreamMember {
  doc: ParsedDocument<MqscData>;
  /** The script line whose runmqsc reads it. */
  opener: RunmqscLine;
  /** The line where it runs among the script's lines: its own, or that of the one call of the function around it. */
  position: number;
  /** The one call of the shell function around it, where the script runs it. */
  call?: FunctionCall;
  /** A tree file the script feeds, not MQSC written in the script. */
  fed: boolean;
  /** The turn of a `for` loop it runs in for this stream: the member joins one stream per word of the loop. */
  turn?: LoopTurn;
}

/** The one call of a shell function, outside any function: its line and words (the function's name first). */
export interface FunctionCall {
  line: number;
  words: string[];
}

/**
 * The streams of two or more embedded MQSC documents (`mqsc`) that one script applies to one queue manager, each in
 * line order. Documents that join no other are left out. `fed`: per script, the tree MQSC files it feeds runmqsc
 * (./mq-runmqsc-fed-files.ts fedMqscByScript), which join its stream at the line that feeds them; in such a script the
 * MQSC of a function it calls once, outside any function, joins at the call.
 */
export function runmqscStreams(
  mqsc: readonly ParsedDocument<MqscData>[],
  fed: ReadonlyMap<string, readonly FedMqscInput[]> = new Map(),
): ParsedDocument<MqscData>[][] {
  return runmqscStreamMembers(mqsc, fed).map((s) => s.map((m) => m.doc));
}

/** The streams of runmqscStreams, with where each member runs. */
export function runmqscStreamMembers(
  mqsc: readonly ParsedDocument<MqscData>[],
  fed: ReadonlyMap<string, readonly FedMqscInput[]> = new Map(),
): StreamMember[][] {
  const byFile = new Map<string, ParsedDocument<MqscData>[]>();
  for (const doc of mqsc)
    if (doc.embedded && isRunmqscRegion(doc.embedded.container))
      byFile.set(doc.file.path, [...(byFile.get(doc.file.path) ?? []), doc]);
  const streams: StreamMember[][] = [];
  for (const [file, docs] of byFile) {
    const feeds = fed.get(file) ?? [];
    if (docs.length + feeds.length > 1) for (const group of groupsOf(docs, feeds)) streamsOf(group, streams);
  }
  // A loop's input joined to another input on one queue manager still runs alone on the loop's other queue managers.
  const joined = new Set(streams.filter((s) => s.length > 1).flatMap((s) => s.map((m) => m.doc)));
  return streams.filter((s) => s.length > 1 || (s[0]!.turn !== undefined && joined.has(s[0]!.doc)));
}

/** Appends to `streams` the streams of a group's inputs: each input joins the open one of its target, else opens one. */
function streamsOf(group: ScriptGroup, streams: StreamMember[][]): void {
  const open = new Map<string, { members: StreamMember[]; end: number; script: ShellScript }>();
  const inRunOrder = group.members.sort((a, b) => a.position - b.position || a.opener.at - b.opener.at);
  for (const member of inRunOrder) {
    const script = group.scriptOf(member.doc);
    // A loop's input runs once per word of its list: it joins the stream of each word's queue manager.
    for (const target of targetsOf(member.opener, script, member.call)) {
      const stream = open.get(target.key);
      const between = stream ? group.shell.slice(stream.end + 1, member.position) : [];
      const end = member.fed || member.call ? member.position : member.doc.embedded!.range.end.line;
      const otherScript = stream !== undefined && stream.script !== script;
      const turned = target.turn ? { ...member, turn: target.turn } : member;
      if (
        stream &&
        !leavesBranch(between) &&
        !between.some((l) => target.changedBy?.test(unquoted(l))) &&
        !(otherScript && target.reads.some((name) => setsKey(group.yaml, name)))
      ) {
        stream.members.push(turned);
        stream.end = end;
        stream.script = script;
      } else {
        const started = { members: [turned], end, script };
        open.set(target.key, started);
        streams.push(started.members);
      }
    }
  }
}

/**
 * Whether lines between two inputs start another branch of an `if` or a `case` open at either input (`else`, `elif`,
 * `;;`); the branches of an `if … fi` wholly between them (crtClus.sh's `if [ $? -eq 0 ] … else … fi` between two
 * heredocs to FR1) run after the first input and before the second, whichever is taken.
 */
function leavesBranch(between: readonly string[]): boolean {
  let depth = 0;
  for (const line of between) {
    const code = unquoted(line).replace(/(^|\s)#.*$/, '');
    if (OTHER_BRANCH.test(code) && depth === 0) return true;
    for (const m of code.matchAll(/(^|[\s;&|(])(if|case|fi|esac)(?=[\s;)]|$)/g))
      depth = Math.max(0, depth + (m[2] === 'if' || m[2] === 'case' ? 1 : -1));
  }
  return false;
}

/** The line with the text of its quoted strings left out (`echo "… for queue manager $QM"` changes no QM). */
const unquoted = (line: string): string => line.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""');

/** Whether a YAML line sets the key `name` (`QM: QM2` under a step's `env:`, `qm_name: QM2` under `vars:`). */
function setsKey(yaml: readonly string[], name: string): boolean {
  const key = new RegExp(`^\\s*(-\\s+)?(["']?)${name}\\2\\s*:`);
  return yaml.some((line) => key.test(line));
}

/** A file's runmqsc inputs, grouped by the scripts that run one after the other. */
function groupsOf(docs: ParsedDocument<MqscData>[], feeds: readonly FedMqscInput[]): ScriptGroup[] {
  const lines = splitLines(docs[0]!.file.text); // a file's group holds at least one document
  if (!docs[0]!.embedded!.container.includes(' in YAML key ')) {
    const script = { lines, assignments: new ScriptAssignments(lines), first: 0, last: lines.length - 1 };
    const calls = new Map<number, FunctionCall | undefined>();
    const members = docs.flatMap((doc): StreamMember[] => {
      const opener = runmqscLineIn(doc.embedded!, lines); // every document here is embedded
      if (!opener) return [];
      // A function's MQSC runs where the script calls it, when it does so once: only in a script that feeds a file.
      const around = feeds.length > 0 ? functionAround(lines, opener.at) : undefined;
      if (around && !calls.has(around.open)) calls.set(around.open, onlyCall(lines, around));
      const call = around && calls.get(around.open);
      return [{ doc, opener, position: call?.line ?? opener.at, ...(call && { call }), fed: false }];
    });
    for (const { doc, input } of feeds) {
      const at = input.range.start.line;
      members.push({ doc, opener: { lines, at, line: lines[at]!, range: input.range }, position: at, fed: true });
    }
    return [{ members, scriptOf: () => script, shell: lines, yaml: [] }];
  }
  const blocks = yamlBlocks(lines);
  const groups = new Map<string, ScriptGroup>();
  const scripts = new Map<EmbeddedRegion, ShellScript>();
  const scriptOfDoc = new Map<ParsedDocument<MqscData>, ShellScript>();
  for (const doc of docs) {
    const at = doc.embedded!.range.start.line; // every document here is embedded
    const block = blocks.find((b) => b.lines[0]!.line <= at && at <= b.lines.at(-1)!.line); // blocks have lines
    if (!block) continue;
    const script = scripts.get(block) ?? shellScriptOf(lines, block);
    scripts.set(block, script);
    scriptOfDoc.set(doc, script);
    const opener = runmqscLineIn(doc.embedded!, script.lines);
    if (!opener) continue;
    const sequence = sequenceOfBlock(lines, script.first - 1);
    const id = sequence ? `sequence ${sequence.key}` : `block ${script.first}`;
    const span = sequence ?? { key: script.first - 1, end: script.last };
    const group = groups.get(id) ?? {
      members: [],
      scriptOf: (d) => scriptOfDoc.get(d)!,
      ...linesOf(lines, blocks, span),
    };
    group.members.push({ doc, opener, position: opener.at, fed: false });
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** The one call of the function `body` in the script, when it is outside any function. */
function onlyCall(
  lines: readonly string[],
  body: { name: string; open: number; close: number },
): FunctionCall | undefined {
  const calls: FunctionCall[] = [];
  lines.forEach((line, i) => {
    if ((i >= body.open && i <= body.close) || !line.includes(body.name) || line.trimStart().startsWith('#')) return;
    for (const command of shellCommands(line))
      if (command.words[0]?.text === body.name) calls.push({ line: i, words: command.words.map((w) => w.text) });
  });
  const [only, ...more] = calls;
  return only && more.length === 0 && !functionAround(lines, only.line) ? only : undefined;
}

/** A YAML block scalar as a shell script: its lines at their line in the file, blank elsewhere. */
function shellScriptOf(lines: readonly string[], block: EmbeddedRegion): ShellScript {
  const own = lines.map(() => '');
  for (const l of block.lines) own[l.line] = l.text;
  return {
    lines: own,
    assignments: new ScriptAssignments(own),
    first: block.lines[0]!.line, // yamlBlocks gives blocks with lines
    last: block.lines.at(-1)!.line,
  };
}

/** The shell and the YAML lines of the blocks within the lines `span` (a sequence's key to its last line). */
function linesOf(
  lines: readonly string[],
  blocks: readonly EmbeddedRegion[],
  span: { key: number; end: number },
): Pick<ScriptGroup, 'shell' | 'yaml'> {
  const shell = lines.map(() => '');
  const yaml = lines.map((line, i) => (i > span.key && i <= span.end ? line : ''));
  for (const block of blocks)
    if (block.lines[0]!.line > span.key && block.lines.at(-1)!.line <= span.end)
      for (const l of block.lines) {
        shell[l.line] = l.text;
        yaml[l.line] = '';
      }
  return { shell, yaml };
}

/** The queue managers the line's runmqsc is given: one, one per turn of a `for` loop over names, or none (see targetOf). */
function targetsOf(opener: RunmqscLine, script: ShellScript, call?: FunctionCall): RunmqscTarget[] {
  const target = targetOf(opener, script, call);
  if (!target) return [];
  const name = target.turnOf;
  const loop = name === undefined ? undefined : forLoopAround(script.lines, call?.line ?? opener.at, name);
  if (!loop) return [target];
  const where = target.key.slice(0, target.key.lastIndexOf(': $'));
  return loop.words.map((word) => ({ key: `${where}: ${word.text}`, reads: [], turn: { word, loop } }));
}

/**
 * The queue manager the line's runmqsc is given, with where the line runs; undefined when known only at run time. In a
 * function placed at its one call (`call`), a positional parameter is the call's argument, read at the call.
 */
function targetOf(
  opener: RunmqscLine,
  script: ShellScript,
  call?: FunctionCall,
): (RunmqscTarget & { turnOf?: string }) | undefined {
  const { lines, at } = opener;
  // A template expression is put in before the shell runs: one word, whatever the spaces and quotes in it.
  const expressions = new Map<string, string>();
  const line = opener.line.replace(TEMPLATE_EXPRESSION, (_m, expression: string) => {
    const word = `__template__${expressions.size}__${expression.replace(/\W/g, (c) => `_${c.charCodeAt(0)}_`)}`;
    expressions.set(word, expression);
    return word;
  });
  const spelled = (key: string): string =>
    [...expressions].reduce((k, [word, expression]) => k.replaceAll(word, `{{ ${expression} }}`), key);
  if (REMOTE.test(line)) return undefined;
  const runs = shellCommands(line).filter((c) => c.words.some((w) => w.text.replace(/^.*\//, '') === 'runmqsc'));
  if (runs.length !== 1) return undefined;
  const words = runs[0]!.words; // runs.length is 1
  const after = words.slice(words.findIndex((w) => w.text.replace(/^.*\//, '') === 'runmqsc') + 1);
  const written = queueManagerOf(after.map((w) => w.text));
  const where = [
    `function ${functionAround(lines, call?.line ?? at)?.open ?? 'none'}`,
    ...containerExecs(line).map((e) => `${e.by} ${e.name}`),
  ].join(' ');
  if (written === undefined) return { key: spelled(`${where}: the default queue manager`), reads: [] };
  if (!written.includes('$') && !written.includes('`')) {
    const read = [...expressions].filter(([word]) => written.includes(word)).map(([, expression]) => expression);
    // A loop's item is another queue manager at each turn: it joins only inside its own block.
    const inLoop = read.some((e) => LOOP_VARIABLE.test(e)) ? ` in the block at ${script.first}` : '';
    return {
      key: spelled(`${where}: ${written}${inLoop}`),
      reads: read.flatMap((e) => [...e.matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0])),
    };
  }
  const word = after.find((w) => w.text === written);
  if (!word || !expandedByScript(line, word)) return undefined;
  const parameter = call && /^\$\{?(\d)\}?$/.exec(written);
  if (parameter) return callTarget(call.words[Number(parameter[1])], call.line, where, script);
  return expansionTarget(written, at, where, script, spelled);
}

/** The target of a function's positional parameter: the argument its one call gives, read at the call. */
function callTarget(
  argument: string | undefined,
  at: number,
  where: string,
  script: ShellScript,
): (RunmqscTarget & { turnOf?: string }) | undefined {
  if (argument === undefined) return undefined;
  if (!argument.includes('$') && !argument.includes('`')) return { key: `${where}: ${argument}`, reads: [] };
  return expansionTarget(argument, at, where, script, (key) => key);
}

/** The target of a word that expands a variable at line `at`: its value, else the variable while nothing changes it. */
function expansionTarget(
  written: string,
  at: number,
  where: string,
  script: ShellScript,
  spelled: (key: string) => string,
): (RunmqscTarget & { turnOf?: string }) | undefined {
  const value = expandWord(written, { ...script.assignments.before(at), defaults: false });
  if (value !== undefined) return { key: spelled(`${where}: ${value}`), reads: [] };
  const expansion = WHOLE_EXPANSION.exec(written);
  if (!expansion) return undefined;
  const name = (expansion[1] ?? expansion[2])!; // one of the two groups matched
  // A loop's own variable (`for qm in QM1 QM2`, `while read port qm`) is another queue manager at each turn: an input
  // after the loop's `done` runs once, with whatever the last turn left, not on each queue manager of the loop.
  const loopEnd = script.assignments.setAtRunTime.has(name) ? '|(^|[\\s;&|])done\\b' : '';
  return {
    key: spelled(`${where}: $${name}`),
    ...(script.assignments.setAtRunTime.has(name) && { turnOf: name }),
    changedBy: /^\d$/.test(name)
      ? POSITIONAL_CHANGE
      : new RegExp(
          `(^|[\\s;&|(])(${name}\\+?=|(for|read|local|declare|typeset|export|readonly)\\b[^;#]*\\b${name}\\b)${loopEnd}`,
        ),
    reads: [name],
  };
}
