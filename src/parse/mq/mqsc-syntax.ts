import type { Position, Range } from '../../core/types';
import type { ParseProblem } from '../types';
import { typographicQuoteNote } from './mqsc-quote-note';

/**
 * MQSC command syntax (IBM MQ "Rules for using MQSC commands"):
 * `*` in column 1 = comment; blank lines ignored; a trailing `+` continues the
 * command from the first non-blank of the next line, a trailing `-` from its
 * column 1 (blanks kept); comments and blank lines between continued lines are
 * dropped; `;` ends a command; blanks and commas separate parameters; `'...'`
 * quotes a value verbatim (`''` = one quote); unquoted values fold to upper case.
 */

/** One physical line of MQSC text, with where it sits in the file (embedded MQSC starts at a column). */
export interface MqscLine {
  line: number;
  column: number;
  text: string;
  /** A folded YAML block scalar's line that YAML joins to the next with a space (src/parse/yaml-blocks.ts). */
  joinsNext?: true;
}

export interface MqscParam {
  /** Keyword in upper case, e.g. `SSLCIPH`. */
  keyword: string;
  /** Value as the queue manager sees it: unquoted values upper-cased, quotes removed. Undefined for a bare keyword (`REPLACE`). */
  value?: string;
  quoted: boolean;
  /** The value contains a template placeholder (`{{ .X }}`, `$X`, `+X+`): rules must not judge it. */
  templated: boolean;
  keywordRange: Range;
  valueRange?: Range;
  /**
   * The file the parameter is written in, set only on the commands of a queue manager's script combined from several
   * files (src/model/mq-scripts.ts); unset, it is the document's own file.
   */
  file?: string;
}

export interface MqscCommand {
  /** Verb in upper case: DEFINE, ALTER, SET, … */
  verb: string;
  /** Object keyword in upper case, synonyms resolved (`CHL` → `CHANNEL`, `QL` → `QLOCAL`). */
  noun?: string;
  /** Object name (`CHANNEL(NAME)` → `NAME`), or the generic profile for `SET CHLAUTH`. */
  name?: MqscParam;
  params: MqscParam[];
  range: Range;
  /** The file the command is written in, when it comes from a script combined from several files (see MqscParam.file). */
  file?: string;
  /**
   * Set on a command a container image applies itself (src/model/mq-image-scripts.ts), which no file of the tree
   * holds: the image, its file and the record's source. `file` and `range` are then the mount or COPY that joins the
   * tree's MQSC to it.
   */
  origin?: {
    /** The image's file and what joins the tree's file to it, in words. */
    script: string;
    /** The record in short (`SET CHLAUTH('DEV.APP.SVRCONN') TYPE(ADDRESSMAP)`), its source (a URL) and its line there. */
    record: string;
    source: string;
    line: number;
    /** The licence of the image that applies it, when its facts name one (IBM MQ Advanced for Developers: development only). */
    licence?: string;
  };
}

const NOUN_SYNONYMS: Record<string, string> = {
  CHL: 'CHANNEL',
  QL: 'QLOCAL',
  QR: 'QREMOTE',
  QA: 'QALIAS',
  QM: 'QMODEL',
  NL: 'NAMELIST',
  SVC: 'SERVICE',
  LSTR: 'LISTENER',
  PRO: 'PROCESS',
  STGCLASS: 'STGCLASS',
};
// runmqsc also ends on exit or quit ("You can also use the exit or the quit command", runmqsc reference, MQ 7.5 to 9.x).
const VERB_SYNONYMS: Record<string, string> = { DEF: 'DEFINE', DIS: 'DISPLAY', EXIT: 'END', QUIT: 'END' };
export const MQSC_VERBS = new Set([
  'ALTER',
  'ARCHIVE',
  'BACKUP',
  'CLEAR',
  'DEFINE',
  'DELETE',
  'DISPLAY',
  'END',
  'MOVE',
  'PING',
  'PURGE',
  'RECOVER',
  'REFRESH',
  'RESET',
  'RESOLVE',
  'RESUME',
  'RVERIFY',
  'SET',
  'START',
  'STOP',
  'SUSPEND',
  'RCDMQIMG',
  'RCRMQOBJ',
]);
const TEMPLATE = /\{\{|\$\{?[A-Za-z_]|__[A-Za-z]+__|\+[A-Za-z_]+\+/;

interface LogicalChar {
  ch: string;
  at: Position;
}

/** Joins physical lines into logical commands (chars with their file positions). */
export function joinCommands(lines: MqscLine[], commentsOut: { text: string; range: Range }[]): LogicalChar[][] {
  const commands: LogicalChar[][] = [];
  let current: LogicalChar[] | undefined;
  let continueFromColumnOne = false;
  // A folded YAML value (src/parse/yaml-blocks.ts) joins lines with a space: a `*` there is inside a line, and a
  // comment goes on with the lines joined to it (runmqsc gets them as one comment line).
  let joined = false;
  let inComment = false;
  for (const { line, column, text, joinsNext } of lines) {
    const joinedToPrevious = joined;
    joined = joinsNext === true;
    if (inComment || (text.startsWith('*') && !joinedToPrevious)) {
      commentsOut.push({
        text: inComment ? text : text.slice(1),
        range: { start: { line, character: column }, end: { line, character: column + text.length } },
      });
      inComment = joined;
      continue;
    }
    const trimmedEnd = text.replace(/\s+$/, '');
    if (trimmedEnd.trim() === '') continue;
    let start = 0;
    if (current && !continueFromColumnOne) start = text.length - text.trimStart().length;
    if (!current) {
      start = text.length - text.trimStart().length;
      current = [];
    }
    const last = trimmedEnd[trimmedEnd.length - 1];
    const marked = last === '+' || last === '-';
    const continues = marked || joined;
    // YAML reads the line break as a space: a `+` or `-` that ended the line is then inside the line.
    const end = marked && !joined ? trimmedEnd.length - 1 : trimmedEnd.length;
    let inQuote = false;
    for (let i = start; i < end; i++) {
      const ch = text[i]!; // i < end <= text.length
      if (ch === "'") inQuote = !inQuote;
      if (ch === ';' && !inQuote) {
        if (current.length) commands.push(current);
        current = [];
        continue;
      }
      current.push({ ch, at: { line, character: column + i } });
    }
    if (joined) {
      current.push({ ch: ' ', at: { line, character: column + trimmedEnd.length } });
      continueFromColumnOne = false;
    } else if (continues) {
      continueFromColumnOne = last === '-';
      // A continued line is joined without a separator only for `-` inside a word; MQSC keeps the text as written.
    } else {
      if (current.length) commands.push(current);
      current = undefined;
      continueFromColumnOne = false;
    }
  }
  if (current && current.length) commands.push(current);
  return commands;
}

/**
 * The text of `chars[from, to)`. Concatenated, not `slice().map().join()`: an optimized `map` returns an array of
 * another hidden class than the interpreter's, and the tokeniser was compiled again for it (docs/performance.md,
 * session 57).
 */
function textOf(chars: readonly LogicalChar[], from: number, to: number): string {
  let text = '';
  for (let k = from; k < Math.min(to, chars.length); k++) text += chars[k]!.ch;
  return text;
}

/** Tokenises one logical command into verb, noun(name) and parameters. */
export function parseCommand(chars: LogicalChar[], problems: ParseProblem[]): MqscCommand | undefined {
  const [first] = chars;
  if (!first) return undefined;
  const endOf = (i: number): Position => {
    const c = chars[Math.min(i, chars.length) - 1];
    return c ? { line: c.at.line, character: c.at.character + 1 } : first.at;
  };
  const rangeOf = (from: number, to: number): Range => {
    const start = (chars[Math.min(from, chars.length - 1)] ?? first).at;
    // An empty token (e.g. `(` right after a continuation) is an empty range at its start, not one ending on the line before.
    return { start, end: to > from ? endOf(to) : start };
  };
  const chAt = (k: number): string | undefined => chars[k]?.ch;
  const isSep = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === ',';
  const tokens: MqscParam[] = [];
  let i = 0;
  while (i < chars.length) {
    if (isSep(chAt(i))) {
      i++;
      continue;
    }
    const kwStart = i;
    while (i < chars.length && !isSep(chAt(i)) && chAt(i) !== '(') i++;
    const keyword = textOf(chars, kwStart, i).toUpperCase();
    const param: MqscParam = { keyword, quoted: false, templated: false, keywordRange: rangeOf(kwStart, i) };
    let j = i;
    while (chAt(j) === ' ' || chAt(j) === '\t') j++;
    if (chAt(j) === '(') {
      i = j + 1;
      const value = readValue(chars, i, problems, rangeOf);
      if (!value) return undefined;
      param.value = value.value;
      param.quoted = value.quoted;
      param.templated = TEMPLATE.test(value.raw);
      param.valueRange = rangeOf(value.start, value.end);
      i = value.next;
    } else if (keyword === '') {
      problems.push({
        code: 'mqsc-syntax',
        severity: 'error',
        message: `Unexpected '${chars[i]?.ch ?? '('}' in MQSC command (runmqsc: AMQ8405 syntax error)`,
        range: rangeOf(kwStart, kwStart + 1),
      });
      return undefined;
    }
    tokens.push(param);
  }
  const [verbToken] = tokens;
  if (!verbToken) return undefined;
  const verb = VERB_SYNONYMS[verbToken.keyword] ?? verbToken.keyword;
  if (!MQSC_VERBS.has(verb) || verbToken.value !== undefined) {
    problems.push({
      code: 'mqsc-syntax',
      severity: 'error',
      message: `'${verbToken.keyword}' is not an MQSC command verb (runmqsc reports AMQ8405 syntax error and skips the command)`,
      range: verbToken.keywordRange,
    });
    return undefined;
  }
  const nounToken = tokens[1];
  const noun = nounToken ? (NOUN_SYNONYMS[nounToken.keyword] ?? nounToken.keyword) : undefined;
  const name =
    nounToken && nounToken.value !== undefined ? { ...nounToken, keyword: noun ?? nounToken.keyword } : undefined;
  const params = tokens.slice(2);
  const seen = new Map<string, MqscParam>();
  // One repeat says runmqsc rejects the command; the others would only say it again (a folded YAML value that joins
  // three SET CHLAUTH commands into one repeats five parameters: jtarte/cp4i_demo qm1.mqsc).
  let repeated = false;
  for (const p of params) {
    const prev = seen.get(p.keyword);
    if (prev && !repeated) {
      repeated = true;
      problems.push({
        code: 'mqsc-duplicate-parameter',
        severity: 'error',
        message: `Parameter {{keyword}} appears twice in one command (first on line {{first}}); runmqsc rejects the command`,
        data: { keyword: p.keyword },
        lines: { first: { ...prev.keywordRange.start } },
        range: p.keywordRange,
      });
    }
    seen.set(p.keyword, p);
  }
  return { verb, noun, name, params, range: { start: first.at, end: endOf(chars.length) } };
}

/** One item of a list value after its comma: `'quoted'` (`''` = one quote) or unquoted up to `,` or `)` (folded to upper case). */
function readListItem(chars: LogicalChar[], from: number): { value: string; end: number } | undefined {
  const chAt = (k: number): string | undefined => chars[k]?.ch;
  let i = from;
  let value = '';
  if (chAt(i) === "'") {
    for (i++; ; i++) {
      const ch = chAt(i);
      if (ch === undefined) return undefined;
      if (ch === "'") {
        if (chAt(i + 1) !== "'") return { value, end: i + 1 };
        i++;
      }
      value += ch;
    }
  }
  for (let ch = chAt(i); ch !== undefined && ch !== ',' && ch !== ')'; ch = chAt(++i)) value += ch;
  value = value.trim();
  return value === '' ? undefined : { value: value.toUpperCase(), end: i };
}

interface ReadValue {
  value: string;
  raw: string;
  quoted: boolean;
  start: number;
  end: number;
  next: number;
}

function readValue(
  chars: LogicalChar[],
  from: number,
  problems: ParseProblem[],
  rangeOf: (a: number, b: number) => Range,
): ReadValue | undefined {
  const chAt = (k: number): string | undefined => chars[k]?.ch;
  let i = from;
  while (chAt(i) === ' ' || chAt(i) === '\t') i++;
  if (chAt(i) === "'") {
    const start = i;
    // A list value (`USERLIST('nobody','*MQADMIN')`, `NAMES('A',B)`) is items separated by commas, each quoted or not.
    const items: string[] = [];
    let value = '';
    i++;
    for (;;) {
      const ch = chAt(i);
      if (ch === undefined) {
        problems.push({
          code: 'mqsc-unterminated-quote',
          severity: 'error',
          message: `Quoted MQSC value is not closed (missing ')${typographicQuoteNote(chars, start)}`,
          range: rangeOf(start, chars.length),
        });
        return undefined;
      }
      if (ch === "'") {
        if (chAt(i + 1) === "'") {
          value += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value += ch;
      i++;
    }
    let end = i;
    for (;;) {
      let j = i;
      while (chAt(j) === ' ' || chAt(j) === '\t') j++;
      if (chAt(j) !== ',') break;
      items.push(value);
      j++;
      while (chAt(j) === ' ' || chAt(j) === '\t') j++;
      const item = readListItem(chars, j);
      if (item === undefined) break;
      value = item.value;
      i = end = item.end;
    }
    if (items.length > 0) value = [...items, value].join(',');
    let rest = '';
    for (let ch = chAt(i); ch !== undefined && ch !== ')'; ch = chAt(++i)) rest += ch;
    if (i >= chars.length || rest.trim() !== '') {
      problems.push({
        code: 'mqsc-syntax',
        severity: 'error',
        message: `Expected ')' after the quoted value${typographicQuoteNote(chars, start)}`,
        range: rangeOf(start, Math.min(i, chars.length)),
      });
      return undefined;
    }
    return { value, raw: value, quoted: true, start, end, next: i + 1 };
  }
  const start = i;
  let depth = 0;
  for (let ch = chAt(i); ch !== undefined; ch = chAt(++i)) {
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (i >= chars.length) {
    problems.push({
      code: 'mqsc-unbalanced-parentheses',
      severity: 'error',
      message: "Missing ')' in MQSC command",
      range: rangeOf(Math.max(from - 1, 0), chars.length),
    });
    return undefined;
  }
  let end = i;
  while (end > start && (chAt(end - 1) === ' ' || chAt(end - 1) === '\t')) end--;
  const raw = textOf(chars, start, end);
  const templated = TEMPLATE.test(raw);
  return {
    value: templated ? raw : raw.toUpperCase(),
    raw,
    quoted: false,
    start,
    end: Math.max(end, start),
    next: i + 1,
  };
}
