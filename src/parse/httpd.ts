import type { Range } from '../core/types';
import type { Comment, Entry, FormatHandler, ParsedDocument, ParseProblem } from './types';
import { LineIndex } from './text';
import { byteOrderMarkProblem } from './byte-order-mark';
import { basenameOf } from './java/jvm-args';

/** One argument as httpd reads it (ap_getword_conf): quotes removed, `${VAR}` kept as written. */
export interface HttpdArg {
  value: string;
  range: Range;
}

/** A directive line, or a section (`<VirtualHost *:443>` … `</VirtualHost>`) with its directives in `block`. */
export interface HttpdDirective {
  /** The name as written (`SSLProtocol`, `VirtualHost` for a section). */
  name: string;
  /** The name in lower case: httpd matches directive and section names without case. */
  key: string;
  nameRange: Range;
  args: HttpdArg[];
  /** The directive's line(s); for a section from `<` to the end of its closing tag. */
  range: Range;
  block?: HttpdDirective[];
}

export interface HttpdData {
  directives: HttpdDirective[];
}

export const HTTPD_KIND = 'httpd.conf';

/** The main configuration files of Apache httpd's layouts (upstream, RHEL, Debian/Ubuntu, the IBM HTTP Server). */
const MAIN_NAMES = new Set(['httpd.conf', 'apache2.conf', 'apache.conf', 'httpd-ssl.conf']);
/**
 * A line only httpd writes: a section tag of its core or mod_ssl/mod_proxy, or one of its TLS and server directives
 * in httpd's own spelling with no `;` at the end (nginx's `listen 443 ssl;`, `server_name x;` end with one).
 */
const HTTPD_SECTION = /^[ \t]*<(?:VirtualHost|IfModule|IfDefine|Directory|Location|Proxy|Files)\b[^>\n]*>[ \t]*\r?$/m;
const HTTPD_DIRECTIVE =
  /^[ \t]*(?:SSLEngine|SSLProtocol|SSLCipherSuite|SSLCertificateFile|SSLCertificateKeyFile|SSLProxyEngine|SSLProxyProtocol|SSLProxyCipherSuite|ServerRoot|LoadModule|ProxyPass|DocumentRoot|ServerName|ServerAdmin|Listen|IncludeOptional)[ \t]+[^;\n]*[^;\s]\r?$/m;
/** Directives whose value is a password (`AuthLDAPBindPassword`); `ProxyPass` passes requests, not a secret. */
const SECRET_DIRECTIVE = /passw(?:or)?d|secret/i;
/**
 * mod_jk's directives: no other program's configuration writes them, so one line makes a `.conf` httpd's (a mod_jk.conf
 * of `JkWorkersFile` and `JkMount` lines alone, AdoreJE/docker-httpd-tomcat-cluster@8a49ee3 httpd/conf.d/mod_jk.conf).
 */
const MOD_JK_DIRECTIVE = /^[ \t]*Jk(?:WorkersFile|Mount|MountFile|WorkerProperty|LogFile|ShmFile)[ \t]+[^;\s]/m;
/** Two lines, or a section tag, make a file httpd's: one `Listen 8080` alone could be anything. */
function looksLikeHttpd(head: string): boolean {
  if (HTTPD_SECTION.test(head) || MOD_JK_DIRECTIVE.test(head)) return true;
  const first = HTTPD_DIRECTIVE.exec(head);
  return !!first && HTTPD_DIRECTIVE.test(head.slice(first.index + first[0].length));
}
/** nginx's block heads (`server {`, `location / {`): such a file is nginx's, whatever else it holds. */
const NGINX_BLOCK = /^\s*(?:http|server|events|stream|upstream|location)\b[^;{\n]*\{/m;

/** Whether a file's first characters read as httpd configuration, whatever its name (no nginx block, httpd sections or directives). */
export function readsAsHttpd(head: string): boolean {
  return !NGINX_BLOCK.test(head) && looksLikeHttpd(head);
}

/**
 * Apache httpd configuration (https://httpd.apache.org/docs/2.4/configuring.html#syntax): one directive a line,
 * `\` at the end of a line continues it, `#` starts a comment only as the first character of a line, sections in
 * `<Name args>` … `</Name>`. Classified by name (`httpd.conf`, `apache2.conf`) or, for any `.conf`, by content.
 */
export const httpdFormat: FormatHandler<HttpdData> = {
  id: 'httpd',
  classify(filePath, head) {
    const base = basenameOf(filePath).toLowerCase();
    if (!MAIN_NAMES.has(base) && !base.endsWith('.conf')) return undefined;
    if (head === '') return MAIN_NAMES.has(base) ? HTTPD_KIND : undefined;
    if (NGINX_BLOCK.test(head)) return undefined;
    const main = MAIN_NAMES.has(base) && (HTTPD_SECTION.test(head) || HTTPD_DIRECTIVE.test(head));
    return main || looksLikeHttpd(head) ? HTTPD_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<HttpdData> {
    const { directives, comments, problems: textProblems } = parseHttpd(file.text);
    const bom = byteOrderMarkProblem(file, 'httpd');
    const problems = bom ? [bom, ...textProblems] : textProblems;
    const entries: Entry[] = [];
    const walk = (list: HttpdDirective[], section: string | undefined) => {
      for (const d of list) {
        if (d.block) {
          const label = [d.name, ...d.args.map((a) => a.value)].join(' ');
          walk(d.block, section ? `${section}/${label}` : label);
          continue;
        }
        const first = d.args[0]?.range.start ?? d.nameRange.end;
        const last = d.args.at(-1)?.range.end ?? d.nameRange.end;
        entries.push({
          key: d.name,
          value: d.args.map((a) => a.value).join(' '),
          keyRange: d.nameRange,
          valueRange: { start: first, end: last },
          ...(section ? { section } : {}),
          secret: SECRET_DIRECTIVE.test(d.name),
        });
      }
    };
    walk(directives, undefined);
    return { file, kind, entries, comments, problems, data: { directives } };
  },
};

/** A logical line: the offsets of its characters in the text (a continued line skips the `\` and line break). */
interface LogicalLine {
  chars: string;
  offsets: number[];
  /** Offset just past the last character of the last physical line. */
  end: number;
}

/** The logical lines of a text: ap_cfg_getline joins a line ending in `\` with the next. */
function logicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let chars = '';
  let offsets: number[] = [];
  let i = 0;
  while (i <= text.length) {
    const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    let stop = lineEnd;
    if (stop > i && text.charAt(stop - 1) === '\r') stop--;
    const continued = stop > i && text.charAt(stop - 1) === '\\';
    for (let k = i; k < (continued ? stop - 1 : stop); k++) {
      chars += text.charAt(k);
      offsets.push(k);
    }
    if (!continued || lineEnd >= text.length) {
      lines.push({ chars, offsets, end: stop });
      chars = '';
      offsets = [];
    }
    if (lineEnd >= text.length) break;
    i = lineEnd + 1;
  }
  return lines;
}

/** The words of a directive's arguments as ap_getword_conf reads them: `"…"` and `'…'` quote, `\` escapes the quote. */
function words(line: LogicalLine, from: number, to: number): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  let i = from;
  while (i < to) {
    while (i < to && /\s/.test(line.chars.charAt(i))) i++;
    if (i >= to) break;
    const quote = line.chars.charAt(i);
    let value = '';
    const start = i;
    if (quote === '"' || quote === "'") {
      i++;
      while (i < to && line.chars.charAt(i) !== quote) {
        if (line.chars.charAt(i) === '\\' && line.chars.charAt(i + 1) === quote) i++;
        value += line.chars.charAt(i++);
      }
      i++;
    } else {
      while (i < to && !/\s/.test(line.chars.charAt(i))) value += line.chars.charAt(i++);
    }
    out.push({ value, start, end: Math.min(i, to) });
  }
  return out;
}

/**
 * Sections httpd refuses without an argument ("<X> directive requires additional arguments", measured with Debian 12's
 * apache2 2.4 `-t`; `<Proxy>` alone is accepted, `<Else>` and `<RequireAll>` take none).
 */
const NEEDS_ARGUMENT = new Set(
  [
    'IfDefine',
    'IfModule',
    'IfFile',
    'IfDirective',
    'IfSection',
    'VirtualHost',
    'Directory',
    'DirectoryMatch',
    'Files',
    'FilesMatch',
    'Location',
    'LocationMatch',
    'If',
    'ElseIf',
  ].map((name) => name.toLowerCase()),
);

/**
 * A blank httpd does not take for one (ap_cfg_getline and ap_getword_conf skip apr_isspace's ASCII blanks only) in the
 * first word of a line, where JavaScript's `\s` would skip it: a no-break space (U+00A0) pasted from a web page or a
 * word processor (junseon1234/conf.d@(real-trees) vhost.conf). Measured with Debian 12's apache2 -t: AH00526
 * `Invalid command '\xc2\xa0ServerName'`. The word, the blank's name and the word's bytes as httpd prints them.
 */
function foreignSpace(
  chars: string,
): { start: number; end: number; space: string; word: string; bytes: string } | undefined {
  const start = chars.search(/[^ \t\v\f\r\n]/);
  // A `#` after ASCII blanks starts a comment, whatever follows it.
  if (start < 0 || chars.charAt(start) === '#') return undefined;
  let end = start;
  while (end < chars.length && !/[ \t\v\f\r\n]/.test(chars.charAt(end))) end++;
  const word = chars.slice(start, end);
  // The byte order mark (also `\s`) is parse/byte-order-mark's.
  const foreign = /[^\S \t\v\f\r\n\uFEFF]/.exec(word);
  if (!foreign) return undefined;
  const code = foreign[0].codePointAt(0)!;
  // httpd prints a byte above 0x7f as \xhh (measured: apache2 -t says '\xc2\xa0ServerName').
  const bytes = [...Buffer.from(word, 'utf8')]
    .map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16)}`))
    .join('');
  const space =
    code === 0xa0 ? 'no-break space (U+00A0)' : `U+${code.toString(16).toUpperCase().padStart(4, '0')} space`;
  const readable = word.replace(/[^\S ]/g, ' ').trim() || word;
  return { start, end, space, word: `${foreign.index === 0 ? 'before' : 'inside'} ${readable}`, bytes };
}

/** Sections whose body httpd may skip unread (ap_soak_end_container): what is inside is not parsed there. */
const isConditional = (section: HttpdDirective) => /^if|^else/.test(section.key);

export function parseHttpd(text: string): {
  directives: HttpdDirective[];
  comments: Comment[];
  problems: ParseProblem[];
} {
  const index = new LineIndex(text);
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const top: HttpdDirective[] = [];
  const open: HttpdDirective[] = [];
  const argumentless: Array<{ section: HttpdDirective; parent?: HttpdDirective; conditional: boolean }> = [];
  const rangeOf = (line: LogicalLine, from: number, to: number): Range =>
    index.rangeAt(line.offsets[from] ?? line.end, to > from ? (line.offsets[to - 1] ?? line.end - 1) + 1 : line.end);
  for (const line of logicalLines(text)) {
    const startAt = line.chars.search(/\S/);
    if (startAt < 0) continue;
    const unreadSpace = foreignSpace(line.chars);
    if (unreadSpace)
      problems.push({
        code: 'httpd-foreign-space',
        // Inside a conditional section httpd may skip unread (ap_soak_end_container), the line is not parsed there.
        severity: open.some(isConditional) ? 'warning' : 'error',
        message:
          'A {{space}} {{word}}: httpd separates words at ASCII blanks only, so it reads {{bytes}} as a directive name and refuses to start (AH00526 "Invalid command \'{{bytes}}\', perhaps misspelled or defined by a module not included in the server configuration"){{where}}',
        data: {
          space: unreadSpace.space,
          word: unreadSpace.word,
          bytes: unreadSpace.bytes,
          where: open.some(isConditional) ? ', where the section around it is read' : '',
        },
        range: rangeOf(line, unreadSpace.start, unreadSpace.end),
      });
    if (line.chars.charAt(startAt) === '#') {
      comments.push({ text: line.chars.slice(startAt + 1), range: rangeOf(line, startAt, line.chars.length) });
      continue;
    }
    const endAt = line.chars.trimEnd().length;
    const list = open.at(-1)?.block ?? top;
    if (line.chars.startsWith('</', startAt)) {
      const name = line.chars
        .slice(startAt + 2, endAt)
        .replace(/>$/, '')
        .trim();
      const section = open.at(-1);
      if (!section) {
        problems.push({
          code: 'httpd-unexpected-close',
          severity: 'error',
          message: `</${name}> closes no section: httpd refuses to start ("${name}> without matching <${name}> section")`,
          range: rangeOf(line, startAt, endAt),
        });
      } else if (section.key !== name.toLowerCase()) {
        problems.push({
          code: 'httpd-unexpected-close',
          severity: 'error',
          message: `</${name}> closes <${section.name}>: httpd refuses to start ("Expected </${section.name}> but saw </${name}>")`,
          range: rangeOf(line, startAt, endAt),
        });
      } else {
        section.range = { start: section.range.start, end: rangeOf(line, startAt, endAt).end };
        open.pop();
      }
      continue;
    }
    const section = line.chars.charAt(startAt) === '<';
    const nameStart = section ? startAt + 1 : startAt;
    let nameEnd = nameStart;
    while (nameEnd < endAt && !/[\s>]/.test(line.chars.charAt(nameEnd))) nameEnd++;
    const name = line.chars.slice(nameStart, nameEnd);
    // A section's arguments end at the line's last `>` (ap_strrchr_c in core.c's section handlers); httpd drops
    // whatever follows it unread (junseon1234/conf.d@(real-trees) vhost.conf: DocumentRoot and ServerName written
    // after `<VirtualHost *:80>` on its line; measured with Debian 12's apache2 -S: Syntax OK, the vhost without them).
    const closeAt = section ? line.chars.lastIndexOf('>', endAt - 1) : -1;
    const argsEnd = section && closeAt >= nameEnd ? closeAt : endAt;
    const dropped = section && closeAt >= nameEnd ? line.chars.slice(closeAt + 1, endAt).trim() : '';
    if (dropped !== '' && !dropped.startsWith('#'))
      problems.push({
        code: 'httpd-section-text-after-tag',
        severity: 'warning',
        message:
          'Text after the ">" of <{{section}}> on its line: httpd reads the section\'s arguments up to the last ">" and drops the rest unread, so {{dropped}} does not apply. Put each directive on a line of its own',
        data: { section: line.chars.slice(nameStart, closeAt).trim(), dropped },
        range: rangeOf(line, closeAt + 1, endAt),
      });
    const directive: HttpdDirective = {
      name,
      key: name.toLowerCase(),
      nameRange: rangeOf(line, nameStart, nameEnd),
      args: words(line, nameEnd, argsEnd).map((w) => ({ value: w.value, range: rangeOf(line, w.start, w.end) })),
      range: rangeOf(line, startAt, endAt),
    };
    list.push(directive);
    if (section) {
      if (directive.args.length === 0 && NEEDS_ARGUMENT.has(directive.key))
        argumentless.push({ section: directive, parent: open.at(-1), conditional: open.some(isConditional) });
      if (argsEnd === endAt)
        problems.push({
          code: 'httpd-section-unclosed-tag',
          severity: 'error',
          message: `<${name} lacks its closing ">": httpd refuses to start ("<${name}> directive missing closing '>'")`,
          range: directive.range,
        });
      directive.block = [];
      open.push(directive);
    }
  }
  // `<IfDefine>` left open inside an open `<IfDefine admin>`: a closing tag written without its `/`
  // (cws-khuntly/WebSphere@3daf161 IHS/IHSConfig/conf/httpd.conf). One problem, on the line to fix, for both sections.
  const unslashed = new Map<HttpdDirective, HttpdDirective>();
  for (const { section, parent } of argumentless)
    if (parent && parent.key === section.key && open.includes(section) && open.includes(parent))
      unslashed.set(parent, section);
  const explained = new Set(unslashed.values());
  for (const section of open) {
    if (explained.has(section)) continue;
    const closer = unslashed.get(section);
    problems.push({
      code: 'httpd-section-not-closed',
      severity: 'error',
      ...(closer
        ? {
            message:
              '<{{opening}}> on line {{openedAt}} is not closed: line {{closerAt}} writes <{{closer}}> where </{{name}}> would close it (its "/" is missing), so httpd refuses to start ("Expected </{{name}}> before end of configuration" where the section is skipped, "<{{closer}}> directive requires additional arguments" where it is read)',
            data: {
              opening: [section.name, ...section.args.map((a) => a.value)].join(' '),
              name: section.name,
              closer: closer.name,
            },
            lines: { openedAt: { ...section.range.start }, closerAt: { ...closer.range.start } },
          }
        : { message: `<${section.name}> is not closed: httpd refuses to start ("<${section.name}> was not closed.")` }),
      range: closer ? closer.range : section.nameRange,
    });
  }
  for (const { section, conditional } of argumentless) {
    if (open.includes(section)) continue;
    problems.push({
      code: 'httpd-section-missing-argument',
      // Inside a conditional section httpd skips unread, the section is not parsed: it fails only where it is read.
      severity: conditional ? 'warning' : 'error',
      message: conditional
        ? `<${section.name}> names nothing: where the section around it is read, httpd refuses to start ("<${section.name}> directive requires additional arguments")`
        : `<${section.name}> names nothing: httpd refuses to start ("<${section.name}> directive requires additional arguments")`,
      range: section.range,
    });
  }
  return { directives: top, comments, problems };
}
