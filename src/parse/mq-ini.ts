import type { Range } from '../core/types';
import type { Comment, Entry, FormatHandler, ParsedDocument, ParseProblem, SourceFile } from './types';
import { isSecretKey } from './types';
import { splitLines } from './text';
import { lastPathSegment } from '../core/path-name';

/**
 * IBM MQ stanza files (qm.ini, mqs.ini, mqclient.ini, mqat.ini): a stanza line
 * `Name:` followed by indented `Key=Value` lines; `#` or `;` start a comment.
 * A stanza may repeat (ServiceComponent, NativeHAInstance): each occurrence is its own section.
 */
export interface IniStanza {
  name: string;
  /** 0-based occurrence of this stanza name in the file. */
  occurrence: number;
  range: Range;
  entries: Entry[];
}

export interface MqIniData {
  stanzas: IniStanza[];
  /** True for mqclient.ini (client side), false for qm.ini/mqs.ini (queue manager side). */
  client: boolean;
}

export const mqIniFormat: FormatHandler<MqIniData> = {
  id: 'mq-ini',
  classify(path, head) {
    const base = lastPathSegment(path).toLowerCase();
    if (isBracketIni(head)) return undefined;
    if (/(^|[^a-z])mqclient\.ini(\.tpl|\.template)?$/.test(base)) return 'mq.client-ini';
    if (/(^|[^a-z])(qm|mqs|mqat)\.ini(\.tpl|\.template)?$/.test(base)) return 'mq.qm-ini';
    // Other .ini files that are plainly MQ stanza files (Native HA fragments, AutoConfig IniConfig snippets).
    if (
      /\.ini(\.tpl)?$/.test(base) &&
      /^(SSL|Channels|NativeHALocalInstance|NativeHAInstance|TCP|Service|AutoConfig|Log|ExitPath|QueueManager|CHANNELS|MQClient):\s*$/m.test(
        head,
      )
    ) {
      return /^MQClient:|^CHANNELS:/m.test(head) ? 'mq.client-ini' : 'mq.qm-ini';
    }
    return undefined;
  },
  parse(file, kind) {
    return parseMqIni(file, kind);
  },
  notOfKind: (head) =>
    isBracketIni(head)
      ? "it is written with [Section] headers, which IBM MQ's stanza files never hold (they write `SSL:`, `CHANNELS:`, `Trace:`)"
      : undefined,
};

/** A `[Section]` header line, which MQ's stanza files never hold (their headers are `Name:`). */
const BRACKET_SECTION = /^[ \t]*\[[^\]\r\n]+\][ \t]*$/m;
/** An MQ stanza header line (`SSL:`, `CHANNELS:`), comment allowed after it. */
const STANZA_HEADER = /^[ \t]*[A-Za-z][\w.-]*[ \t]*:[ \t]*(?:[#;].*)?$/m;

/**
 * A Windows-style INI of another program that happens to be named like an MQ file: `[Section]` headers and no `Name:`
 * stanza (cumulus13/pyx@f91d611 qm.ini, a mail client's `[Qm]` settings, was read as a queue manager's qm.ini and
 * every line reported as outside any stanza). MQ's qm.ini, mqs.ini and mqclient.ini are stanza files, `Name:` then
 * `Key=Value` lines (https://ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.con.doc/q018710_.html, figure of a qm.ini;
 * https://www.ibm.com/docs/en/ibm-mq/9.1.x?topic=reference-stanza-information).
 */
function isBracketIni(head: string): boolean {
  return BRACKET_SECTION.test(head) && !STANZA_HEADER.test(head);
}

/** A stanza header with text after its colon (`Channels: 2`, copied with the footnote mark of IBM's qm.ini figure). */
const HEADER_WITH_TEXT = /^([A-Za-z][\w.-]*)\s*:\s*\S/;
/** The stanzas whose syntax strmqm checks before it starts a queue manager (IBM MQ strmqm, usage notes). */
const CHECKED_BY_STRMQM = /^(channels|ssl)$/i;

/**
 * What to say of a line that is neither a header nor an attribute. IBM documents no reading of such a line, except that
 * strmqm checks the CHANNELS and SSL stanzas of qm.ini before starting the queue manager and, on an error, writes
 * AMQ9224 and ends without starting it (https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_8.0.0/com.ibm.mq.ref.adm.doc/q083650_.htm,
 * usage notes; https://ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.con.doc/q018710_.html). So no "MQ ignores it":
 * ODOWDAIBM/mq01@a02230f qm.ini `Channels: 2` was said to be ignored, while the lines below it may then belong to the
 * stanza above, or strmqm may stop.
 */
function notSettingMessage(body: string, stanza: string | undefined, kind: string): string {
  const strmqm =
    kind === 'mq.qm-ini'
      ? 'strmqm checks the syntax of the CHANNELS and SSL stanzas before it starts the queue manager, and on an error there writes AMQ9224 and does not start it. '
      : '';
  const header = HEADER_WITH_TEXT.exec(body);
  if (header)
    return `Line looks like the header of stanza ${header[1]} with text after its colon, which a stanza header does not take: how MQ reads it is not documented. If not as the header, the attributes below it belong to ${stanza ? `stanza ${stanza} above` : 'no stanza'} and none of them configures ${header[1]}. ${CHECKED_BY_STRMQM.test(header[1]!) ? strmqm : ''}Write '${header[1]}:' alone on its line`;
  const inChecked = stanza !== undefined && CHECKED_BY_STRMQM.test(stanza);
  return `Line is neither a 'Stanza:' header nor a 'Key=Value' attribute: MQ reads no setting from it${inChecked ? `. ${strmqm.trimEnd().replace(/\.$/, '')}` : ''}`;
}

export function parseMqIni(file: SourceFile, kind = 'mq.qm-ini'): ParsedDocument<MqIniData> {
  const lines = splitLines(file.text);
  const entries: Entry[] = [];
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const stanzas: IniStanza[] = [];
  const occurrences = new Map<string, number>();
  let current: IniStanza | undefined;
  lines.forEach((text, line) => {
    const indent = text.length - text.trimStart().length;
    const body = text.trim();
    if (body === '') return;
    if (body.startsWith('#') || body.startsWith(';')) {
      comments.push({
        text: body.slice(1),
        range: { start: { line, character: indent }, end: { line, character: text.length } },
      });
      return;
    }
    const stanza = /^([A-Za-z][\w.-]*)\s*:\s*(?:[#;].*)?$/.exec(body);
    if (stanza) {
      const name = stanza[1]!;
      const occurrence = occurrences.get(name) ?? 0;
      occurrences.set(name, occurrence + 1);
      current = {
        name,
        occurrence,
        range: { start: { line, character: indent }, end: { line, character: indent + name.length } },
        entries: [],
      };
      stanzas.push(current);
      return;
    }
    const eq = body.indexOf('=');
    if (eq <= 0) {
      problems.push({
        code: 'ini-syntax',
        severity: 'warning',
        message: notSettingMessage(body, current?.name, kind),
        range: { start: { line, character: indent }, end: { line, character: text.trimEnd().length } },
      });
      return;
    }
    const key = body.slice(0, eq).trimEnd();
    let valueText = body.slice(eq + 1);
    const commentAt = valueText.search(/\s[#;]/);
    if (commentAt >= 0) valueText = valueText.slice(0, commentAt);
    const leading = valueText.length - valueText.trimStart().length;
    const value = valueText.trim();
    const valueStart = indent + eq + 1 + leading;
    if (!current) {
      problems.push({
        code: 'ini-no-stanza',
        severity: 'warning',
        message: `Attribute '${key}' is outside any stanza; MQ ignores it`,
        range: { start: { line, character: indent }, end: { line, character: indent + key.length } },
      });
    }
    const entry: Entry = {
      key,
      value,
      keyRange: { start: { line, character: indent }, end: { line, character: indent + key.length } },
      valueRange: { start: { line, character: valueStart }, end: { line, character: valueStart + value.length } },
      section: current ? current.name : undefined,
      secret: isSecretKey(key),
    };
    entries.push(entry);
    current?.entries.push(entry);
  });
  return { file, kind, entries, comments, problems, data: { stanzas, client: kind === 'mq.client-ini' } };
}

/** The last value of `key` in the stanzas named `stanza` (MQ reads the last one), case-insensitive key. */
export function iniValue(data: MqIniData, stanza: string, key: string): Entry | undefined {
  let found: Entry | undefined;
  for (const s of data.stanzas) {
    if (s.name.toLowerCase() !== stanza.toLowerCase()) continue;
    for (const e of s.entries) if (e.key.toLowerCase() === key.toLowerCase()) found = e;
  }
  return found;
}
