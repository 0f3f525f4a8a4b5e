import type { RelatedLocation } from '../core/types';
import type { Comment, Entry, FormatHandler, ParsedDocument, ParseProblem, SourceFile } from './types';
import { isSecretKey } from './types';
import { splitLines } from './text';
import { yamlBlocks } from './yaml-blocks';
import type { MqscCommand, MqscLine } from './mq/mqsc-syntax';
import { joinCommands, parseCommand } from './mq/mqsc-syntax';
import type { MqscObjects } from './mq/mqsc-objects';
import { resolveMqscObjects } from './mq/mqsc-objects';
import { unknownKeywordProblem } from './mq/mqsc-keywords';
import { lastPathSegment } from '../core/path-name';

export type { MqscCommand, MqscParam } from './mq/mqsc-syntax';
export type { MqscChannel, MqscChlauthRecord, MqscDefinedObject, MqscObjects } from './mq/mqsc-objects';

export interface MqscData {
  commands: MqscCommand[];
  objects: MqscObjects;
  /** True when the MQSC was read from a block scalar of a YAML file (Kubernetes ConfigMap, Helm template). */
  embedded: boolean;
  /**
   * The documents a queue manager's script is combined from, in the order MQ applies them (set only on a script the
   * model combines from several files: src/model/mq-scripts.ts).
   */
  members?: ParsedDocument<MqscData>[];
  /**
   * The queue manager a script's runmqsc inputs are joined for when a turn of a `for` loop over names gives it
   * (`for qm in FR1 FR2; do runmqsc $qm <<EOF`: src/model/mq-runmqsc-streams.ts): the word, where the loop lists it,
   * and the loop's head line and variable.
   */
  turn?: { name: string; location: RelatedLocation; loopLine: number; variable: string };
}

const MQSC_EXTENSIONS = /\.(mqsc|mqs|in)(\.tpl|\.template)?$/i;
/** A corpus/history suffix (`file.mqsc@d56fce65`) is not part of the name. */
const stripRevision = (name: string) => name.replace(/@[0-9a-f]{6,40}$/i, '');
const YAML_EXTENSIONS = /\.(ya?ml)(_template|\.tpl)?$/i;
const EMBEDDED_KEY = /^(\s*)([\w.-]+\.mqsc)\s*:\s*[|>][-+]?\s*$/;
const COMMAND_START =
  /^\s*(DEFINE|DEF|ALTER|SET|START|STOP|REFRESH|DELETE|DISPLAY|DIS)\s+(CHANNEL|CHL|QMGR|CHLAUTH|QLOCAL|QL|AUTHINFO|AUTHREC|LISTENER|SECURITY)\b/im;

/**
 * Whether a file's first characters read as MQSC, whatever its name: a line that starts an MQSC command on a channel,
 * the queue manager, a CHLAUTH record… (what a file a script feeds runmqsc must hold to be read as one: mq-docker's
 * extensionless `mq-dev-config`). A script (`#!`) or markup is not, whatever it quotes.
 */
export function readsAsMqsc(head: string): boolean {
  return !head.startsWith('#!') && !/^\s*</.test(head) && COMMAND_START.test(head);
}

export const mqscFormat: FormatHandler<MqscData> = {
  id: 'mqsc',
  classify(path, head) {
    const base = stripRevision(lastPathSegment(path));
    if (MQSC_EXTENSIONS.test(base) && (!/\.in$/i.test(base) || COMMAND_START.test(head))) return 'mq.mqsc';
    if (YAML_EXTENSIONS.test(base) && yamlDocumentsWithMqsc(head) === 1) return 'mq.mqsc';
    return undefined;
  },
  parse(file, kind) {
    return parseMqsc(file, kind);
  },
};

/**
 * How many YAML documents of a text hold `*.mqsc: |` keys. The keys of one document (one ConfigMap, one Helm template)
 * are one queue manager's script, read as one; keys spread over several documents (ibm-cloudintegration/mqoncp4i's
 * unicluster.yaml_template: three ConfigMaps, each named by its own QueueManager) belong to different queue managers,
 * and each key is then read as a document of its own (src/parse/embedded.ts).
 */
function yamlDocumentsWithMqsc(text: string): number {
  let documents = 0;
  let counted = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^---(\s|$)/.test(line)) counted = false;
    else if (!counted && EMBEDDED_KEY.test(line)) {
      documents++;
      counted = true;
    }
  }
  return documents;
}

export function parseMqsc(file: SourceFile, kind = 'mq.mqsc'): ParsedDocument<MqscData> {
  const physical = splitLines(file.text);
  const embedded = !MQSC_EXTENSIONS.test(stripRevision(file.path)) && physical.some((l) => EMBEDDED_KEY.test(l));
  const lines = embedded ? embeddedLines(physical) : physical.map((text, line) => ({ line, column: 0, text }));
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  // Every command read (its settings are entries, a password in it too); `commands` holds those runmqsc runs.
  const read: MqscCommand[] = [];
  const commands: MqscCommand[] = [];
  for (const chars of joinCommands(lines, comments)) {
    const command = parseCommand(chars, problems);
    if (!command) continue;
    read.push(command);
    const refused = unknownKeywordProblem(command);
    if (refused) problems.push(refused);
    else commands.push(command);
  }
  if (embedded) collectYamlComments(physical, comments);
  return {
    file,
    kind,
    entries: toEntries(read),
    comments,
    problems,
    data: { commands, objects: resolveMqscObjects(commands), embedded },
  };
}

/** The lines of every `*.mqsc: |` block scalar in a YAML file, with their indentation as column offset. */
function embeddedLines(physical: string[]): MqscLine[] {
  // A blank line after each block ends a command continued on its last line.
  return yamlBlocks(physical)
    .filter((block) => /\.mqsc$/.test(block.name))
    .flatMap((block) => {
      const last = block.lines.at(-1);
      return last ? [...block.lines, { line: last.line + 1, column: 0, text: '' }] : block.lines;
    });
}

function collectYamlComments(physical: string[], comments: Comment[]): void {
  physical.forEach((text, line) => {
    const m = /^(\s*)#(.*)$/.exec(text);
    if (m)
      comments.push({
        text: m[2]!,
        range: { start: { line, character: m[1]!.length }, end: { line, character: text.length } },
      });
  });
}

function toEntries(commands: MqscCommand[]): Entry[] {
  const entries: Entry[] = [];
  for (const command of commands) {
    const object = command.noun
      ? command.name
        ? `${command.noun}(${command.name.value})`
        : command.noun
      : command.verb;
    const section = `${command.verb} ${object}`;
    for (const p of command.params) {
      if (!p.valueRange || p.value === undefined) continue;
      entries.push({
        key: `${object}.${p.keyword}`,
        value: p.value,
        keyRange: p.keywordRange,
        valueRange: p.valueRange,
        section,
        secret: isSecretKey(p.keyword),
      });
    }
  }
  return entries;
}
