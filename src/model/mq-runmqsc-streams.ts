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
 */
import type { MqscData } from '../parse/mqsc';
import { queueManagerOf } from '../parse/runmqsc-input';
import { expandWord, ScriptAssignments } from '../parse/shell-assignments';
import { shellCommands } from '../parse/shell-commands';
import { containerExecs } from '../parse/container-exec';
import { functionAround, WHOLE_EXPANSION } from '../parse/shell-functions';
import { splitLines } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import { runmqscLineOf, type RunmqscLine } from './mq-exec';
import { expandedByScript } from './mq-runmqsc-names';

/** The embedded containers runmqsc reads (src/parse/embedded.ts). */
const RUNMQSC_CONTAINERS = new Set(['heredoc to runmqsc', 'echo to runmqsc']);
/** A line that runs its command on another machine or pod. */
const REMOTE = /(^|[\s;&|"'(])(ssh|rsh|kubectl|oc)\s/;
/** A line that starts another branch of an `if` or a `case`: what follows it does not run after what precedes it. */
const OTHER_BRANCH = /^\s*(else|elif)\b|;;/;
/** `shift`, `set -- …`: the script's positional parameters change. */
const POSITIONAL_CHANGE = /(^|[\s;&|(])(shift|set\s+--)(?=[\s;)]|$)/;

/** What runmqsc is given, as a key equal for two inputs of one queue manager, and what changes it in between. */
interface RunmqscTarget {
  key: string;
  changedBy?: RegExp;
}

/**
 * The streams of two or more embedded MQSC documents (`mqsc`) that one script applies to one queue manager, each in
 * line order. Documents that join no other are left out.
 */
export function runmqscStreams(mqsc: readonly ParsedDocument<MqscData>[]): ParsedDocument<MqscData>[][] {
  const byScript = new Map<string, ParsedDocument<MqscData>[]>();
  for (const doc of mqsc)
    if (doc.embedded && RUNMQSC_CONTAINERS.has(doc.embedded.container))
      byScript.set(doc.file.path, [...(byScript.get(doc.file.path) ?? []), doc]);
  const streams: ParsedDocument<MqscData>[][] = [];
  for (const docs of byScript.values()) {
    if (docs.length < 2) continue;
    const lines = splitLines(docs[0]!.file.text); // a group holds at least one document
    const assignments = new ScriptAssignments(lines);
    const open = new Map<string, { docs: ParsedDocument<MqscData>[]; end: number }>();
    const inLineOrder = [...docs].sort((a, b) => a.embedded!.range.start.line - b.embedded!.range.start.line);
    for (const doc of inLineOrder) {
      const opener = runmqscLineOf(doc, lines);
      const target = opener && targetOf(opener, assignments);
      if (!opener || !target) continue;
      const stream = open.get(target.key);
      const between = stream ? lines.slice(stream.end + 1, opener.at) : [];
      const end = doc.embedded!.range.end.line; // every document here is embedded
      if (stream && !between.some((l) => OTHER_BRANCH.test(l) || target.changedBy?.test(l))) {
        stream.docs.push(doc);
        stream.end = end;
      } else {
        const started = { docs: [doc], end };
        open.set(target.key, started);
        streams.push(started.docs);
      }
    }
  }
  return streams.filter((s) => s.length > 1);
}

/** The queue manager the line's runmqsc is given, with where the line runs; undefined when known only at run time. */
function targetOf(opener: RunmqscLine, assignments: ScriptAssignments): RunmqscTarget | undefined {
  const { lines, at, line } = opener;
  if (REMOTE.test(line)) return undefined;
  const runs = shellCommands(line).filter((c) => c.words.some((w) => w.text.replace(/^.*\//, '') === 'runmqsc'));
  if (runs.length !== 1) return undefined;
  const words = runs[0]!.words; // runs.length is 1
  const after = words.slice(words.findIndex((w) => w.text.replace(/^.*\//, '') === 'runmqsc') + 1);
  const written = queueManagerOf(after.map((w) => w.text));
  const where = [
    `function ${functionAround(lines, at)?.open ?? 'none'}`,
    ...containerExecs(line).map((e) => `${e.by} ${e.name}`),
  ].join(' ');
  if (written === undefined) return { key: `${where}: the default queue manager` };
  if (!written.includes('$') && !written.includes('`')) return { key: `${where}: ${written}` };
  const word = after.find((w) => w.text === written);
  if (!word || !expandedByScript(line, word)) return undefined;
  const value = expandWord(written, { ...assignments.before(at), defaults: false });
  if (value !== undefined) return { key: `${where}: ${value}` };
  const expansion = WHOLE_EXPANSION.exec(written);
  if (!expansion) return undefined;
  const name = (expansion[1] ?? expansion[2])!; // one of the two groups matched
  return {
    key: `${where}: $${name}`,
    changedBy: /^\d$/.test(name)
      ? POSITIONAL_CHANGE
      : new RegExp(
          `(^|[\\s;&|(])(${name}\\+?=|(for|read|local|declare|typeset|export|readonly)\\b[^;#]*\\b${name}\\b)`,
        ),
  };
}
