import type { Range } from '../core/types';
import { range } from '../core/types';
import type { Comment, Entry, ParseProblem } from './types';
import { isSecretKey } from './types';
import { splitLines } from './text';
import { trailingCommentProblems } from './properties-trailing-comment';

/**
 * A position-keeping reader for java.util.Properties syntax
 * (https://docs.oracle.com/javase/8/docs/api/java/util/Properties.html#load-java.io.Reader-):
 * `key=value`, `key: value`, `key value`, `#`/`!` comments, `\` continuations
 * (leading blanks of the next line dropped), `\t \n \r \f \uXXXX` escapes, any
 * other `\x` = `x`. Lines end at LF, CR or CRLF.
 */
export interface PropertiesResult {
  entries: Entry[];
  comments: Comment[];
  problems: ParseProblem[];
}

const BLANK = new Set([' ', '\t', '\f']);

export interface PropertiesOptions {
  duplicateSeverity?: 'warning' | 'info';
  /** Which duplicated keys to report (default: all). */
  reportDuplicate?: (key: string) => boolean;
  /** Report a comment written after a value (parse/comment-in-value): for files java.util.Properties loads. */
  commentsInValues?: boolean;
  /**
   * The file started with a UTF-8 byte order mark, and a Java loader reads it (java.util.Properties, Spring Boot's
   * OriginTrackedPropertiesLoader): neither skips the mark, so a setting on the first line is read under another name.
   */
  byteOrderMark?: boolean;
  /**
   * Lines begun with ';' are reported as one info (parse/semicolon-comment) and never as duplicates: for files a Java
   * properties reader loads, where such a line is a setting no option is named by (keycloak.conf).
   */
  semicolonLines?: boolean;
}

export function parseProperties(text: string, options: PropertiesOptions = {}): PropertiesResult {
  const lines = splitLines(text);
  const entries: Entry[] = [];
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const seen = new Map<string, Entry>();
  const semicolonLines: Entry[] = [];

  let lineNo = 0;
  for (let first = lines[lineNo]; first !== undefined; first = lines[lineNo]) {
    const col = skipBlank(first, 0);
    if (col >= first.length) {
      lineNo++;
      continue;
    }
    if (first[col] === '#' || first[col] === '!') {
      comments.push({ text: first.slice(col + 1), range: range(lineNo, col, lineNo, first.length) });
      lineNo++;
      continue;
    }
    // Gather the logical line as a sequence of (line, startCol) segments.
    const segments: { line: number; start: number; text: string }[] = [];
    let current = lineNo;
    let start = col;
    for (let raw = first; ; ) {
      const continues = endsWithOddBackslashes(raw);
      segments.push({ line: current, start, text: continues ? raw.slice(start, raw.length - 1) : raw.slice(start) });
      const next = lines[current + 1];
      if (!continues || next === undefined) break;
      current++;
      start = skipBlank(next, 0);
      raw = next;
    }
    const entry = readEntry(segments, problems);
    if (options.byteOrderMark && lineNo === 0) markedFirstSetting(entry, problems);
    lineNo = current + 1;
    entries.push(entry);
    if (options.semicolonLines && first[col] === ';') {
      semicolonLines.push(entry);
      continue;
    }
    const previous = seen.get(entry.key);
    if (previous && (options.reportDuplicate?.(entry.key) ?? true))
      problems.push(duplicateKeyProblem(entry, previous, options.duplicateSeverity));
    seen.set(entry.key, entry);
  }
  if (semicolonLines.length > 0) problems.push(semicolonLineProblem(semicolonLines));
  if (options.commentsInValues) problems.push(...trailingCommentProblems(entries, lines));
  return { entries, comments, problems };
}

/**
 * Lines begun with ';' as INI files comment them out (deleze/keycloak-config-issue's keycloak.conf): java.util.Properties
 * (and SmallRye Config, which Keycloak and Quarkus read it with) takes only '#' and '!' for comments, so each such line
 * sets a key beginning with ';'. No program option has such a name, so the line changes nothing, as its author meant;
 * reported once per file, as an info, and never as a duplicate of another such line.
 */
function semicolonLineProblem(lines: Entry[]): ParseProblem {
  const [first] = lines as [Entry, ...Entry[]];
  const others = lines.length - 1;
  return {
    code: 'semicolon-comment',
    severity: 'info',
    message: `Line {{first}}${others > 0 ? ` and ${others} more` : ''} begin${others > 0 ? '' : 's'} with ';', which starts no comment in a properties file (only '#' and '!' do): Java reads each as a setting of a key beginning with ';' ('{{key}}'), which no option is named, so the setting written after ';' is not set. Write '#' to comment a line out`,
    data: { key: first.key },
    lines: { first: { ...first.keyRange.start } },
    range: first.keyRange,
  };
}

/**
 * The first line's setting behind a UTF-8 byte order mark: Java reads the mark as the key's first characters
 * ("\u00ef\u00bb\u00bf" through ISO-8859-1, U+FEFF through UTF-8), so the setting the line names is not set
 * (measured: JDK 17 ignores `jdk.tls.disabledAlgorithms=…` so written in a -Djava.security.properties file). The
 * entry keeps the name Java gives it, so no check takes it for the setting.
 */
function markedFirstSetting(entry: Entry, problems: ParseProblem[]): void {
  problems.push({
    code: 'byte-order-mark',
    severity: 'warning',
    message:
      "The file starts with a UTF-8 byte order mark, which Java's properties loaders read as text: the first line's key is read as '\\xef\\xbb\\xbf{{key}}', so {{key}} is not set. Save the file as UTF-8 without a byte order mark",
    data: { key: entry.key },
    range: entry.keyRange,
  });
  entry.key = `\ufeff${entry.key}`;
}

/**
 * A key set again where the last value wins (java.util.Properties, Spring Boot's loader). Set again to the same value
 * it changes nothing (fkshom/kafka-train's consumer.properties repeats `security.protocol=SASL_SSL`): an info.
 */
export function duplicateKeyProblem(
  entry: Entry,
  previous: Entry,
  severity: 'warning' | 'info' = 'warning',
): ParseProblem {
  if (entry.value === previous.value)
    return {
      code: 'duplicate-key',
      severity: 'info',
      message: `Key '{{key}}' is set again to the value it has on line {{first}}: the repeated line changes nothing`,
      data: { key: entry.key },
      lines: { first: { ...previous.keyRange.start } },
      range: entry.keyRange,
    };
  return {
    code: 'duplicate-key',
    severity,
    message: `Duplicate key '{{key}}' (first set on line {{first}}); the last one wins`,
    data: { key: entry.key },
    lines: { first: { ...previous.keyRange.start } },
    range: entry.keyRange,
  };
}

interface Cursor {
  segment: number;
  index: number;
}

/** Reads key and value from a logical line, tracking where each starts and ends in the file. */
function readEntry(segments: { line: number; start: number; text: string }[], problems: ParseProblem[]): Entry {
  // There is at least one segment and peek never moves the cursor past the last: segments[cursor.segment] exists.
  const at = (c: Cursor) => {
    const segment = segments[c.segment]!;
    return { line: segment.line, character: segment.start + c.index };
  };
  const cursor: Cursor = { segment: 0, index: 0 };
  const peek = (): string | undefined => {
    while (cursor.index >= segments[cursor.segment]!.text.length) {
      if (cursor.segment === segments.length - 1) return undefined;
      cursor.segment++;
      cursor.index = 0;
    }
    return segments[cursor.segment]?.text[cursor.index];
  };
  // Runs of characters without escapes are taken as slices (a file is mostly such runs), escapes one by one.
  const keyStart = at(cursor);
  let key = '';
  let keyEnd = keyStart;
  for (let ch = peek(); ch !== undefined; ch = peek()) {
    if (ch === '=' || ch === ':' || BLANK.has(ch)) break;
    if (ch === '\\') key += readChar(segments, cursor, problems);
    else {
      const text = segments[cursor.segment]!.text;
      let end = cursor.index + 1;
      while (end < text.length && !KEY_RUN_END.has(text.charAt(end))) end++;
      key += text.slice(cursor.index, end);
      cursor.index = end;
    }
    keyEnd = at(cursor);
  }
  // Separator: blanks, then at most one '=' or ':', then blanks.
  while (peek() !== undefined && BLANK.has(peek() as string)) cursor.index++;
  if (peek() === '=' || peek() === ':') {
    cursor.index++;
    while (peek() !== undefined && BLANK.has(peek() as string)) cursor.index++;
  }
  peek();
  const valueStart = at(cursor);
  let value = '';
  for (let ch = peek(); ch !== undefined; ch = peek()) {
    if (ch === '\\') value += readChar(segments, cursor, problems);
    else {
      const text = segments[cursor.segment]!.text;
      const escape = text.indexOf('\\', cursor.index);
      const end = escape === -1 ? text.length : escape;
      value += text.slice(cursor.index, end);
      cursor.index = end;
    }
  }
  const last = segments[segments.length - 1]!;
  const valueEnd = value === '' ? valueStart : { line: last.line, character: last.start + last.text.length };
  const keyRange: Range = { start: keyStart, end: keyEnd };
  return { key, value, keyRange, valueRange: { start: valueStart, end: valueEnd }, secret: isSecretKey(key) };
}

/** What ends a run of plain key characters: a separator, a blank, an escape. */
const KEY_RUN_END = new Set(['=', ':', ' ', '\t', '\f', '\\']);

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function readChar(
  segments: { line: number; start: number; text: string }[],
  cursor: Cursor,
  problems: ParseProblem[],
): string {
  // Called only when peek() found a character at the cursor.
  const seg = segments[cursor.segment]!;
  const ch = seg.text.charAt(cursor.index++);
  if (ch !== '\\') return ch;
  const next = seg.text[cursor.index];
  if (next === undefined) return ''; // a trailing backslash on the last line is dropped, as Java does
  cursor.index++;
  if (next === 'u') {
    const hex = seg.text.slice(cursor.index, cursor.index + 4);
    if (/^[0-9a-fA-F]{4}$/.test(hex)) {
      cursor.index += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const line = seg.line;
    const character = seg.start + cursor.index - 2;
    problems.push({
      code: 'malformed-unicode-escape',
      severity: 'error',
      message: 'Malformed \\uxxxx encoding: Java refuses to load this file (IllegalArgumentException)',
      range: range(line, character, line, character + 2 + hex.length),
    });
    return '';
  }
  return ESCAPES[next] ?? next;
}

function skipBlank(line: string, from: number): number {
  let i = from;
  while (i < line.length && BLANK.has(line.charAt(i))) i++;
  return i;
}

function endsWithOddBackslashes(line: string): boolean {
  let count = 0;
  for (let i = line.length - 1; line.charAt(i) === '\\'; i--) count++;
  return count % 2 === 1;
}

/** The entries java.util.Properties keeps, in file order: the last line of each key (Properties.load sets each in turn). */
export function keptProperties(entries: readonly Entry[]): Entry[] {
  const last = new Map<string, Entry>();
  for (const entry of entries) last.set(entry.key, entry);
  return entries.filter((entry) => last.get(entry.key) === entry);
}
