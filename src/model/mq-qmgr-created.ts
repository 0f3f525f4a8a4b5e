/**
 * Where the tree creates the queue manager an MQSC configures. Such a queue manager starts with CHLAUTH(ENABLED) and the
 * default channel authentication records only (mq-access.json qmgrDefaults, defaultChlauthRecords), and the tree's
 * MQSC adds the rest: no record the tree does not show can decide who gets in. On a queue manager that already exists,
 * any record may have been set before (a back-stop `SET CHLAUTH('*') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS)`,
 * a QMGRMAP of the partners), so an access verdict there rests on there being none.
 * - A QueueManager resource of the IBM MQ Operator that applies the MQSC's ConfigMap (`spec.queueManager.mqsc`): the
 *   operator creates the queue manager the resource names and runs the ConfigMap's MQSC on it.
 * - A script that runs `crtmqm NAME` before it feeds the MQSC to `runmqsc NAME` (bpaskin/IBMMQ's setup.sh), also
 *   before its first heredoc or echo to `runmqsc NAME`, and in a turn of a `for` loop over names: `crtmqm $qm` before
 *   `runmqsc $qm <<EOF` in `for qm in FR1 FR2` creates FR1 and FR2 (ibm-messaging/mq-metric-samples crtClus.sh).
 * Not a container of IBM MQ's image that mounts the MQSC into /etc/mqm: the image may apply scripts of its own that the
 * tree leaves open (src/model/mq-image-scripts.ts), and its volume may hold a queue manager created before.
 */
import type { RelatedLocation } from '../core/types';
import type { MqscData } from '../parse/mqsc';
import { queueManagerOf } from '../parse/runmqsc-input';
import { shellCommands } from '../parse/shell-commands';
import { splitLines } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import { runmqscLineOf } from './mq-exec';
import { field, type ApplyingQueueManager } from './mq-resources';
import type { FedMqsc } from './mq-runmqsc-inputs';

export function queueManagerCreatedBy(
  applying: readonly ApplyingQueueManager[],
  fedBy: readonly FedMqsc[],
  documents: readonly ParsedDocument[],
  script?: ParsedDocument<MqscData>,
): RelatedLocation | undefined {
  for (const qm of applying) {
    const range = qm.rangeOf(['metadata', 'name']);
    if (range)
      return {
        file: qm.file,
        range,
        message: `QueueManager ${String(field(qm.resource, 'metadata', 'name'))} creates the queue manager that applies ConfigMap ${qm.configMap}: a new queue manager has CHLAUTH(ENABLED) and the default channel authentication records only`,
      };
  }
  for (const { at, queueManager } of fedBy) {
    if (!queueManager || !at.range) continue;
    const script = documents.find((d) => d.file.path === at.file);
    if (!script) continue;
    const lines = splitLines(script.file.text).slice(0, at.range.start.line);
    const created = creationAmong(lines, queueManager.name, at.file);
    if (created) return created;
  }
  return script ? createdBeforeRunmqsc(script) : undefined;
}

/**
 * Where a script creates the queue manager its first heredoc or echo to runmqsc runs on: that runmqsc's literal name,
 * or the word of the loop turn the joined script runs in, for which the turn's `crtmqm $qm` counts.
 */
function createdBeforeRunmqsc(script: ParsedDocument<MqscData>): RelatedLocation | undefined {
  const first = script.data.members?.[0] ?? script;
  const opener = first.embedded ? runmqscLineOf(first) : undefined;
  if (!opener) return undefined;
  const turn = script.data.turn;
  const name = turn?.name ?? literalTarget(opener.line);
  if (!name) return undefined;
  const variable = turn && new RegExp(`\\$\\{?${turn.variable}\\b\\}?|"\\$\\{?${turn.variable}\\b\\}?"`, 'g');
  const lines = opener.lines
    .slice(0, opener.at)
    .map((l, i) => (turn && variable && i > turn.loopLine ? l.replace(variable, name) : l));
  return creationAmong(lines, name, first.file.path, turn ? ` (the loop's turn for ${name})` : '');
}

/** The literal queue manager name a line's one runmqsc is given. */
function literalTarget(line: string): string | undefined {
  const runs = shellCommands(line).filter((c) => c.words.some((w) => w.text.replace(/^.*\//, '') === 'runmqsc'));
  if (runs.length !== 1) return undefined;
  const words = runs[0]!.words.map((w) => w.text); // runs.length is 1
  const name = queueManagerOf(words.slice(words.findIndex((w) => w.replace(/^.*\//, '') === 'runmqsc') + 1));
  return name && /^[A-Za-z0-9._%/]{1,48}$/.test(name) ? name : undefined;
}

/** The first of `lines` (a script's, up to where it runs the MQSC) that runs `crtmqm NAME`, as a related place. */
function creationAmong(lines: readonly string[], name: string, file: string, turn = ''): RelatedLocation | undefined {
  const creates = new RegExp(`\\bcrtmqm\\b[^\\n<|;&#]*\\s${escape(name)}\\s*(?=$|[|;&#)>])`, 'i');
  const line = lines.findIndex((l) => !l.trimStart().startsWith('#') && creates.test(l));
  if (line < 0) return undefined;
  return {
    file,
    range: { start: { line, character: 0 }, end: { line, character: lines[line]!.length } },
    message: `this command creates queue manager ${name}${turn} before the script runs the MQSC on it: a new queue manager has CHLAUTH(ENABLED) and the default channel authentication records only`,
  };
}

function escape(name: string): string {
  return name.replace(/[.+?^${}()|[\]\\%/]/g, '\\$&');
}
