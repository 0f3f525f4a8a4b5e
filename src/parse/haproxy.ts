import type { Range } from '../core/types';
import type { Comment, Entry, FormatHandler, ParsedDocument, ParseProblem } from './types';
import { LineIndex } from './text';
import { byteOrderMarkProblem } from './byte-order-mark';
import { basenameOf } from './java/jvm-args';

/** One word of a line as HAProxy reads it: quotes and backslash escapes removed, `${VAR}` kept as written. */
export interface HaproxyWord {
  value: string;
  range: Range;
}

/** A configuration line: its keyword and the words after it. */
export interface HaproxyLine {
  keyword: HaproxyWord;
  args: HaproxyWord[];
  /** From the keyword to the last word. */
  range: Range;
  /** Inside a `.if … .endif` block (HAProxy 2.4+): whether HAProxy reads it depends on the condition at start-up. */
  conditional?: true;
}

/** A section (`global`, `defaults`, `frontend <name>`, `backend <name>`, `listen <name>`, …) and its lines. */
export interface HaproxySection {
  /** The section keyword, lower-case. */
  kind: string;
  name?: HaproxyWord;
  head: HaproxyLine;
  lines: HaproxyLine[];
}

export interface HaproxyData {
  sections: HaproxySection[];
}

export const HAPROXY_KIND = 'haproxy.config';

/**
 * The section keywords of HAProxy 3.x (doc/configuration.txt, "3. Global parameters" … "12. Other sections"):
 * a line that starts with one opens a section; every other line belongs to the section above it.
 */
const SECTIONS = new Set([
  'global',
  'defaults',
  'frontend',
  'backend',
  'listen',
  'peers',
  'resolvers',
  'userlist',
  'mailers',
  'program',
  'http-errors',
  'ring',
  'cache',
  'log-forward',
  'crt-store',
  'traces',
  'acme',
]);

/** A proxy section at the start of a line (`frontend web`, `listen stats`, `global`, `defaults`). */
const SECTION_HEAD = /^(?:(?:frontend|backend|listen)[ \t]+\S+|global|defaults)(?:[ \t]+\S.*)?[ \t]*$/m;
/** A proxy keyword HAProxy files use and other `.cfg` formats do not, indented under its section. */
const PROXY_LINE =
  /^[ \t]+(?:bind[ \t]+\S*:|server[ \t]+\S+[ \t]+\S|default_backend[ \t]|use_backend[ \t]|mode[ \t]+(?:http|tcp)\b|balance[ \t]+\w|ssl-default-(?:bind|server)-)/m;

/**
 * HAProxy configuration (https://docs.haproxy.org/3.0/configuration.html, "2.1. Configuration format"): sections that
 * start with a keyword at the beginning of a line, then lines of words. Classified by name (`haproxy.cfg`,
 * `haproxy*.cfg|conf`, a `.cfg` under a `haproxy` directory) with a section head in the text, or for any other `.cfg`
 * by content: a proxy section head and an indented proxy keyword (`bind *:443`, `server app 10.0.0.1:8080`), so that
 * setup.cfg, Nagios or Kafka `.cfg` files are never read as HAProxy.
 */
export const haproxyFormat: FormatHandler<HaproxyData> = {
  id: 'haproxy',
  classify(filePath, head) {
    const base = basenameOf(filePath).toLowerCase();
    const named = base === 'haproxy.cfg' || /^haproxy[^/\\]*\.(cfg|conf)$/.test(base);
    const underHaproxy = /(^|[\\/])[^\\/]*haproxy[^\\/]*[\\/]/i.test(filePath) && /\.(cfg|conf)$/.test(base);
    if (named || underHaproxy) return SECTION_HEAD.test(head) ? HAPROXY_KIND : undefined;
    if (!base.endsWith('.cfg')) return undefined;
    return SECTION_HEAD.test(head) && PROXY_LINE.test(head) ? HAPROXY_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<HaproxyData> {
    const { sections, comments, problems: textProblems } = parseHaproxy(file.text);
    const bom = byteOrderMarkProblem(file, 'haproxy');
    const problems = bom ? [bom, ...textProblems] : textProblems;
    const entries: Entry[] = [];
    let index: LineIndex | undefined;
    const lineIndex = () => (index ??= new LineIndex(file.text));
    for (const section of sections) {
      const label = section.name ? `${section.kind} ${section.name.value}` : section.kind;
      for (const line of section.lines) {
        const first = line.args[0];
        const last = line.args.at(-1);
        const password = passwordOf(line, file.text, lineIndex);
        entries.push({
          key: line.keyword.value,
          value: password?.value ?? line.args.map((a) => a.value).join(' '),
          keyRange: line.keyword.range,
          valueRange:
            password?.range ?? (first && last ? { start: first.range.start, end: last.range.end } : line.keyword.range),
          section: label,
          secret: password !== undefined,
          ...(password?.label ? { label: password.label } : {}),
        });
      }
    }
    return { file, kind, entries, comments, problems, data: { sections } };
  },
};

/**
 * The password a line holds, which is its entry's value (never printed): a userlist's `user <name> password <hash>` or
 * `insecure-password <value>` (the word after the keyword), and `stats auth <user>:<password>` (the part after the
 * first colon; docs.haproxy.org/3.0/configuration.html "stats auth"). `password` takes a crypt(3) hash, which the
 * secret rules tell from a password by its shape. Only the password: the user name beside it is no secret, and a
 * password a template fills in (`stats auth admin:{{ password }}`, byjg/docker-easy-haproxy@8bd9f06
 * src/templates/haproxy.cfg.j2) is a placeholder, not plaintext.
 */
function passwordOf(
  line: HaproxyLine,
  text: string,
  lineIndex: () => LineIndex,
): { value: string; range: Range; label: string } | undefined {
  const keyword = line.keyword.value;
  let words: HaproxyWord[];
  let label = 'stats auth';
  if (keyword === 'user') {
    const at = line.args.findIndex((a) => a.value === 'password' || a.value === 'insecure-password');
    if (at < 0) return undefined;
    label = ['user', ...line.args.slice(0, at + 1).map((a) => a.value)].join(' ');
    const groups = line.args.findIndex((a, i) => i > at && a.value === 'groups');
    words = line.args.slice(at + 1, groups < 0 ? undefined : groups);
    if (words.length === 0) return { value: '', range: line.args[at]!.range, label };
  } else if (keyword === 'stats' && line.args[0]?.value === 'auth') {
    words = line.args.slice(1);
    if (words.length === 0) return { value: '', range: line.args[0].range, label };
  } else return undefined;
  // A template splits one word into several (`admin:{{ pw }}`): the words up to the line's end, as written.
  const index = lineIndex();
  const start = index.offsetAt(words[0]!.range.start);
  const end = index.offsetAt(words.at(-1)!.range.end);
  const written = text.slice(start, end);
  const plain = !/["'\\]/.test(written);
  const joined = plain ? written : words.map((w) => w.value).join(' ');
  const colon = keyword === 'stats' ? joined.indexOf(':') : -1;
  if (keyword === 'stats' && colon < 0) return { value: '', range: index.rangeAt(start, end), label };
  return {
    value: joined.slice(colon + 1),
    // The password's own place when the text is its value; a quoted or escaped one: all of its words.
    range: plain ? index.rangeAt(start + colon + 1, end) : index.rangeAt(start, end),
    label,
  };
}

/**
 * HAProxy's line splitting (src/tools.c parse_line): words separated by blanks; `"…"` and `'…'` quote (a double-quoted
 * `${VAR}` is expanded at start-up, a single-quoted one is not); `\` escapes the next character; an unquoted `#` ends
 * the line. Lines are never continued.
 */
export function splitHaproxyLine(
  text: string,
  start: number,
  end: number,
  index: LineIndex,
): { words: HaproxyWord[]; comment?: Comment; unterminated?: Range } {
  const words: HaproxyWord[] = [];
  let i = start;
  let comment: Comment | undefined;
  let unterminated: Range | undefined;
  while (i < end) {
    const ch = text.charAt(i);
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '#') {
      comment = { text: text.slice(i + 1, end), range: index.rangeAt(i, end) };
      break;
    }
    const wordStart = i;
    let value = '';
    let quote: string | undefined;
    while (i < end) {
      const c = text.charAt(i);
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === '\\' && quote === '"' && i + 1 < end) value += text.charAt(++i);
        else value += c;
        i++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '#') break;
      if (c === '"' || c === "'") quote = c;
      else if (c === '\\' && i + 1 < end) value += text.charAt(++i);
      else value += c;
      i++;
    }
    if (quote) unterminated = index.rangeAt(wordStart, end);
    words.push({ value, range: index.rangeAt(wordStart, i) });
  }
  return { words, ...(comment ? { comment } : {}), ...(unterminated ? { unterminated } : {}) };
}

export function parseHaproxy(text: string): {
  sections: HaproxySection[];
  comments: Comment[];
  problems: ParseProblem[];
} {
  const index = new LineIndex(text);
  const sections: HaproxySection[] = [];
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  let current: HaproxySection | undefined;
  // Nesting of `.if` blocks (src/cfgparse.c readcfgfile: `.elif` and `.else` stay in the block, `.endif` closes it).
  let conditionalDepth = 0;
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    const { words, comment, unterminated } = splitHaproxyLine(text, lineStart, lineEnd, index);
    if (comment) comments.push(comment);
    if (unterminated)
      problems.push({
        code: 'unterminated-quote',
        severity: 'error',
        message: 'Unterminated quoted string: HAProxy refuses the configuration ("unmatched quote")',
        range: unterminated,
      });
    const [keyword, ...args] = words;
    const last = words.at(-1);
    if (keyword && last) {
      const directive = keyword.value;
      if (directive === '.endif') conditionalDepth = Math.max(0, conditionalDepth - 1);
      const line: HaproxyLine = {
        keyword,
        args,
        range: { start: keyword.range.start, end: last.range.end },
        ...(conditionalDepth > 0 && directive !== '.elif' && directive !== '.else'
          ? { conditional: true as const }
          : {}),
      };
      if (directive === '.if') conditionalDepth++;
      const sectionKind = keyword.value.toLowerCase();
      if (SECTIONS.has(sectionKind)) {
        current = { kind: sectionKind, head: line, lines: [], ...(args[0] ? { name: args[0] } : {}) };
        sections.push(current);
      } else current?.lines.push(line);
      // A line before any section: a fragment the tree assembles (haproxy -f with several files); not judged.
    }
    if (!match) break;
    lineStart = match.index + match[0].length;
  }
  return { sections, comments, problems };
}
