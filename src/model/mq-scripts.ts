/**
 * The MQSC scripts of the tree's queue managers: each MQSC document alone, or the files one queue manager applies in
 * order combined into one script, so that a later file's ALTER, SET, DELETE or DEFINE REPLACE changes what an earlier
 * file defined (docs/mq-scripts.md). Files combine when MQ applies them together:
 * - numbered MQSC files of one directory (`10-dev.mqsc`, `20-dev-tls.mqsc`): the mq-container convention, whose
 *   queue manager is created with `crtmqm -ic /etc/mqm/` and so applies every `*.mqsc` there in name order
 *   (ibm-messaging/mq-container cmd/runmqserver/qmgr.go, getCreateQueueManagerArgs);
 * - the `*.mqsc` files of the directory a qm.ini names in `AutoConfig: MQSCConfig=<dir>` (IBM MQ 9.2 "Automatic
 *   configuration from an MQSC script at startup": every `*.mqsc` of the directory, in alphabetical order, at each start);
 * - the runmqsc inputs of one shell script given the same queue manager (`echo "…" | runmqsc $1` line after line,
 *   heredocs to `runmqsc QM1`), in the order of their lines, also those of the YAML blocks run as scripts in one
 *   sequence (the `run: |` steps of one job, the `shell: |` tasks of one play) (./mq-runmqsc-streams.ts), with a tree
 *   file such a script feeds runmqsc (`runmqsc QM1 < /etc/mqm/mq-dev-config`) at the line that feeds it.
 * Every command of a combined script keeps its file (MqscCommand.file, MqscParam.file), so locations name the file
 * and line that wrote each value.
 */
import * as path from 'node:path';
import type { MqIniData } from '../parse/mq-ini';
import { iniValue } from '../parse/mq-ini';
import type { Location, RelatedLocation } from '../core/types';
import type { MqscCommand, MqscData, MqscDefinedObject } from '../parse/mqsc';
import { resolveMqscObjects } from '../parse/mq/mqsc-objects';
import type { ParsedDocument } from '../parse/types';
import type { ImageScriptPart, ImageScripts } from './mq-image-scripts';
import { fedMqscInputs } from './mq-runmqsc-fed-files';
import { runmqscStreamMembers, type LoopTurn, type StreamMember } from './mq-runmqsc-streams';

/** `10-dev.mqsc`, `20_tls.mqsc.tpl`: a name that orders the file among its directory's scripts. */
const NUMBERED = /^\d+[-_.][^/]*\.mqsc(\.tpl|\.template)?$/i;
/** A corpus copy of an older revision (`x.mqsc@d56fce65`) is never applied with the current files. */
const REVISION = /@[0-9a-f]{6,40}$/i;

/**
 * The tree's MQSC scripts in document order: one per queue manager whose files combine, one per other MQSC document.
 * `imageScriptsOf`: the scripts the container image that runs a file applies itself (./mq-image-scripts.ts), joined
 * to it in name order.
 */
export function mqscScripts(
  documents: readonly ParsedDocument[],
  imageScriptsOf: (doc: ParsedDocument<MqscData>) => ImageScripts | undefined = () => undefined,
  root?: string,
): ParsedDocument<MqscData>[] {
  const mqsc = documents.filter((d): d is ParsedDocument<MqscData> => d.kind === 'mq.mqsc');
  const groupOf = new Map<ParsedDocument<MqscData>, string>();
  const autoConfigDirs = mqscConfigDirs(documents, mqsc);
  for (const doc of mqsc) {
    if (doc.data.embedded) continue;
    const dir = path.dirname(doc.file.path);
    const base = path.basename(doc.file.path);
    if (REVISION.test(base)) continue;
    if (autoConfigDirs.has(dir) ? /\.mqsc$/i.test(base) : NUMBERED.test(base)) groupOf.set(doc, dir);
  }
  const groups = new Map<string, ParsedDocument<MqscData>[]>();
  for (const [doc, dir] of groupOf) groups.set(dir, [...(groups.get(dir) ?? []), doc]);
  const scripts: ParsedDocument<MqscData>[] = [];
  const done = new Set<string>();
  // A ConfigMap's `*.mqsc` keys (read as one document) are mounted by Kubernetes containers: imageScriptsOf finds those.
  const imageOf = (doc: ParsedDocument<MqscData>) =>
    REVISION.test(path.basename(doc.file.path)) ? undefined : imageScriptsOf(doc);
  // A document of a loop joins one stream per queue manager the loop runs it on.
  const streamsOf = new Map<ParsedDocument<MqscData>, StreamMember[][]>();
  // A file a script feeds runmqsc joins the script's own runmqsc MQSC; one of a numbered group joins its group.
  const fed = fedMqscInputs(documents, mqsc, (d) => groupOf.has(d) || REVISION.test(path.basename(d.file.path)), root);
  for (const stream of runmqscStreamMembers(mqsc, fed))
    for (const { doc } of stream) streamsOf.set(doc, [...(streamsOf.get(doc) ?? []), stream]);
  const streamsDone = new Set<StreamMember[]>();
  for (const doc of mqsc) {
    const streams = streamsOf.get(doc);
    if (streams) {
      for (const stream of streams.filter((s) => !streamsDone.has(s))) {
        const script = joined(stream.map((m) => ({ doc: m.doc, commands: placedAll(m.doc) })));
        const turn = stream.find((m) => m.turn)?.turn;
        if (turn) script.data.turn = turnOf(script, turn);
        scripts.push(script);
        streamsDone.add(stream);
      }
      continue;
    }
    const dir = groupOf.get(doc);
    const members = dir === undefined ? undefined : groups.get(dir);
    if (!members || members.length < 2) {
      const image = imageOf(doc);
      scripts.push(image ? combined([{ doc, name: image.name }], image.parts) : doc);
    } else if (!done.has(dir!)) {
      done.add(dir!); // dir is set when members is
      const images = members.map(imageOf);
      const named = members.map((m, i) => ({ doc: m, name: images[i]?.name ?? path.basename(m.file.path) }));
      scripts.push(combined(named, images.find((i) => i !== undefined)?.parts ?? []));
    }
  }
  return scripts;
}

/** The loop turn a joined script runs in, as the script's data says it. */
function turnOf(script: ParsedDocument<MqscData>, { word, loop }: LoopTurn): NonNullable<MqscData['turn']> {
  const range = { start: { line: word.line, character: word.start }, end: { line: word.line, character: word.end } };
  return {
    name: word.text,
    location: { file: script.file.path, range, message: `the loop runs the MQSC on queue manager ${word.text}` },
    loopLine: loop.line,
    variable: loop.variable,
  };
}

/** Byte order of the names, as Go's filepath.Glob and MQ's alphabetical order sort them. */
const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function combined(
  members: { doc: ParsedDocument<MqscData>; name: string }[],
  imageParts: readonly ImageScriptPart[],
): ParsedDocument<MqscData> {
  return joined(
    [
      ...members.map((m) => ({ name: m.name, doc: m.doc, commands: placedAll(m.doc) })),
      ...imageParts.map((p) => ({ name: p.name, doc: undefined, commands: p.commands })),
    ].sort(byName),
  );
}

/**
 * One script of the parts' commands in the order given. Embedded parts (the runmqsc inputs of a shell script) keep the
 * first one's origin, with the defaults the script puts in at every part (src/model/script-defaults.ts reads them).
 */
function joined(
  ordered: readonly { doc: ParsedDocument<MqscData> | undefined; commands: MqscCommand[] }[],
): ParsedDocument<MqscData> {
  const commands = ordered.flatMap((part) => part.commands);
  const own = ordered.flatMap((part) => (part.doc ? [part.doc] : []));
  const first = own[0]!; // a combined script has a member of the tree
  const defaults = own.flatMap((doc) => doc.embedded?.defaults ?? []);
  return {
    ...first,
    ...(first.embedded && defaults.length > 0 && { embedded: { ...first.embedded, defaults } }),
    entries: [],
    comments: [],
    problems: [],
    data: { commands, objects: resolveMqscObjects(commands), embedded: false, members: own },
  };
}

/** A document's commands, each naming its file. */
const placedAll = (doc: ParsedDocument<MqscData>): MqscCommand[] =>
  doc.data.commands.map((c) => placed(c, doc.file.path));

function placed(command: MqscCommand, file: string): MqscCommand {
  return {
    ...command,
    file,
    name: command.name && { ...command.name, file },
    params: command.params.map((p) => ({ ...p, file })),
  };
}

/** Tree directories a qm.ini in the tree names as its `AutoConfig: MQSCConfig` directory (at or below the ini). */
function mqscConfigDirs(documents: readonly ParsedDocument[], mqsc: ParsedDocument<MqscData>[]): Set<string> {
  const dirs = new Set<string>();
  for (const ini of documents) {
    if (ini.kind !== 'mq.qm-ini') continue;
    const configured = iniValue((ini as ParsedDocument<MqIniData>).data, 'AutoConfig', 'MQSCConfig')?.value.trim();
    if (!configured || /\.mqsc$/i.test(configured)) continue; // one file: nothing to combine
    const last = configured
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop();
    if (!last) continue;
    const iniDir = path.dirname(ini.file.path);
    for (const doc of mqsc) {
      const dir = path.dirname(doc.file.path);
      if (path.basename(dir) === last && (dir === iniDir || dir.startsWith(iniDir + path.sep))) dirs.add(dir);
    }
  }
  return dirs;
}

/** The deployment's MQSC scripts as the model combined them (computed here for a deployment built without the model). */
export function mqscScriptsOf(deployment: {
  root?: string;
  documents: readonly ParsedDocument[];
  mqscScripts?: ParsedDocument<MqscData>[];
}): ParsedDocument<MqscData>[] {
  return deployment.mqscScripts ?? mqscScripts(deployment.documents, undefined, deployment.root);
}

/** Where an MQSC command is written: its own file in a combined script, else the script's file. */
export function commandLocation(script: ParsedDocument<MqscData>, command: MqscCommand): Location {
  return { file: command.file ?? script.file.path, range: command.range };
}

/** A command in words for messages: `ALTER CHANNEL(DEV.APP.SVRCONN)`. */
export function commandText(command: MqscCommand): string {
  return `${command.verb}${command.noun ? ` ${command.noun}(${command.name?.value ?? ''})` : ''}`;
}

/**
 * Related locations telling an object's story in the script: where it is defined, where it was last altered, and the
 * commands on it that MQ refuses (they change nothing), minus the command the finding sits in.
 */
export function objectHistory(
  script: ParsedDocument<MqscData>,
  noun: 'CHANNEL' | 'AUTHINFO',
  object: MqscDefinedObject,
  label: string,
  primary: Location,
): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  const at = (command: MqscCommand, said: string) => {
    const location = commandLocation(script, command);
    // A record an image applies itself is located at the line that joins the tree's file to it: say which record.
    const message = command.origin
      ? `${said}: ${command.origin.record} of ${command.origin.script} (${command.origin.source}#L${command.origin.line})`
      : said;
    // The command the finding sits in (a DEFINE continued over several lines) is not a place of its own.
    const line = primary.range?.start.line ?? -1;
    const within = location.file === primary.file && command.range.start.line <= line && line <= command.range.end.line;
    if (!within) out.push({ ...location, message });
  };
  if (object.definedBy) at(object.definedBy, `${label} defined here`);
  const lastAlter = object.commands.filter((c) => c.verb === 'ALTER').at(-1);
  if (lastAlter) at(lastAlter, `${label} last altered here`);
  const refused = script.data.objects.failed.filter((f) => f.noun === noun && f.key === object.name);
  for (const f of refused)
    at(
      f.command,
      f.reason === 'exists'
        ? `this DEFINE fails (the object already exists, AMQ8150) and changes nothing`
        : `this ALTER fails on a new queue manager (object not found, AMQ8147) and changes nothing`,
    );
  return out;
}
