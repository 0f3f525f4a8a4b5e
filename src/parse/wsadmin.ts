/**
 * wsadmin Jython scripts of WebSphere traditional (`wsadmin.sh -lang jython -f updateSSLConfigs.py`): the SSL
 * configurations their `AdminTask.createSSLConfig` and `AdminTask.modifySSLConfig` calls write (IBM docs
 * "SSLConfigCommands command group for the AdminTask object",
 * https://www.ibm.com/support/knowledgecenter/SSAW57_9.0.5/com.ibm.websphere.nd.multiplatform.doc/ae/rxml_atsslconfig.html:
 * `-alias`, `-scopeName`, `-sslProtocol`, `-securityLevel`, `-enabledCiphers`, `-jsseProvider`, `-clientAuthentication`,
 * `-clientAuthenticationSupported`, `-clientKeyAlias`, `-serverKeyAlias`), each value with where the script writes it.
 * The argument is read from its Python string literals, in either form wsadmin takes (`'[-alias ADSSL -sslProtocol
 * TLSv1]'` or `['-alias', 'ADSSL']`); a part the script computes (`'[-alias ' + aliasName + ' …]'`) is unknown, and so
 * is the value it stands for. Lenient: what does not read as a parameter is skipped, never a crash.
 */
import type { Range } from '../core/types';
import type { Comment, FormatHandler, ParsedDocument, SourceFile } from './types';
import type { Located } from './mq/xml-values';
import type { WasSslConfig } from './websphere';
import { LineIndex } from './text';

export const WSADMIN_KIND = 'wsadmin.script';

/** A wsadmin script's name and content: Jython, calling the scripting objects. */
const SCRIPT_NAME = /\.(py|jy)$/i;
const CALLS_ADMIN = /\bAdmin(Task|Config|Control|App)\.\w+\s*\(/;
const SSL_CALL = /\bAdminTask\.(create|modify)SSLConfig\s*\(/g;

/** The `-parameter`s of createSSLConfig/modifySSLConfig kept as the WebSphere SSL configuration's settings. */
const SETTINGS: Record<string, keyof WasSslConfig['setting']> = {
  sslProtocol: 'sslProtocol',
  securityLevel: 'securityLevel',
  enabledCiphers: 'enabledCiphers',
  jsseProvider: 'jsseProvider',
  clientAuthentication: 'clientAuthentication',
  clientAuthenticationSupported: 'clientAuthenticationSupported',
  clientKeyAlias: 'clientKeyAlias',
  serverKeyAlias: 'serverKeyAlias',
};

/** An SSL configuration a call creates or modifies, with the settings it writes. */
export interface WsadminSslConfig extends WasSslConfig {
  command: 'create' | 'modify';
  /** The whole call. */
  range: Range;
}

export interface WsadminData {
  sslConfigs: WsadminSslConfig[];
}

export const wsadminFormat: FormatHandler<WsadminData> = {
  id: 'wsadmin',
  classify(path, head) {
    return SCRIPT_NAME.test(path) && CALLS_ADMIN.test(head) ? WSADMIN_KIND : undefined;
  },
  parse(file, kind) {
    return parseWsadmin(file, kind);
  },
};

/** A word of the argument (its offsets in the file), or a part the script computes. */
type Token = { word: string; start: number; end: number } | 'computed';

export function parseWsadmin(file: SourceFile, kind = WSADMIN_KIND): ParsedDocument<WsadminData> {
  const text = file.text;
  const index = new LineIndex(text);
  const range = (start: number, end: number) => index.rangeAt(start, end);
  const sslConfigs: WsadminSslConfig[] = [];
  for (const call of text.matchAll(SSL_CALL)) {
    const open = call.index + call[0].length;
    const tokens = argumentTokens(text, open);
    if (!tokens) continue;
    const params = new Map<string, Located | 'computed'>();
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token === 'computed' || token === undefined || !/^-[A-Za-z]+$/.test(token.word)) continue;
      const value = tokens[i + 1];
      if (value !== undefined && value !== 'computed' && /^-[A-Za-z]+$/.test(value.word)) continue;
      params.set(
        token.word.slice(1),
        value === undefined || value === 'computed'
          ? 'computed'
          : { value: value.word, range: range(value.start, value.end) },
      );
      i++;
    }
    const alias = params.get('alias');
    if (!alias || alias === 'computed') continue;
    const setting: WasSslConfig['setting'] = {};
    for (const [name, key] of Object.entries(SETTINGS)) {
      const value = params.get(name);
      if (value && value !== 'computed') setting[key] = value;
    }
    const scope = params.get('scopeName');
    sslConfigs.push({
      command: call[1] === 'create' ? 'create' : 'modify',
      alias,
      ...(scope && scope !== 'computed' ? { managementScope: scope } : {}),
      setting,
      range: range(call.index, tokens.end),
    });
  }
  return { file, kind, entries: [], comments: comments(text, index), problems: [], data: { sslConfigs } };
}

/** `#` comments (suppression directives are read from them); a `#` inside a string literal is not one. */
function comments(text: string, index: LineIndex): Comment[] {
  const out: Comment[] = [];
  for (const m of text.matchAll(/^[ \t]*(#.*)$/gm)) {
    const start = m.index + m[0].length - (m[1] ?? '').length;
    out.push({ text: m[1] ?? '', range: index.rangeAt(start, m.index + m[0].length) });
  }
  return out;
}

/**
 * The words of a call's argument, from `open` (after its `(`) to the matching `)`: each string literal's words (a
 * `"…"` group inside one is one word; in the list form, each literal whole), a `computed` token for what lies between literals other than `+`, `,` and
 * brackets. Undefined when the call does not close.
 */
function argumentTokens(text: string, open: number): (Token[] & { end: number }) | undefined {
  const tokens: Token[] = [];
  // `['-alias', 'A', '-enabledCiphers', 'X Y']`: each literal is one word.
  const listForm = /^\s*\[/.test(text.slice(open, open + 200));
  let depth = 0;
  let code = '';
  const flushCode = () => {
    if (/[A-Za-z0-9_]/.test(code)) tokens.push('computed');
    code = '';
  };
  for (let i = open; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "'" || c === '"') {
      flushCode();
      let j = i + 1;
      while (j < text.length && text.charAt(j) !== c && text.charAt(j) !== '\n') j += text.charAt(j) === '\\' ? 2 : 1;
      const end = Math.min(j, text.length);
      if (listForm) {
        const word = text.slice(i + 1, end).trim();
        const start = text.indexOf(word, i + 1);
        if (word) tokens.push({ word, start, end: start + word.length });
      } else literalWords(text, i + 1, end, tokens);
      i = j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' && depth === 0) {
      flushCode();
      return Object.assign(tokens, { end: i + 1 });
    }
    if (c === ')' || c === ']' || c === '}') depth--;
    if (c === '#') while (i < text.length && text.charAt(i) !== '\n') i++;
    else code += c;
  }
  return undefined;
}

/** The words of a literal's content `[from, to)`, brackets around a word dropped, a `"…"` group kept as one word. */
function literalWords(text: string, from: number, to: number, tokens: Token[]): void {
  const content = text.slice(from, to);
  for (const m of content.matchAll(/"[^"]*"|[^\s"]+/g)) {
    let start = from + m.index;
    let end = start + m[0].length;
    while (start < end && /[[\]]/.test(text.charAt(start))) start++;
    while (end > start && /[[\]]/.test(text.charAt(end - 1))) end--;
    if (text.charAt(start) === '"' && end - start >= 2 && text.charAt(end - 1) === '"') {
      start++;
      end--;
    }
    if (end > start) tokens.push({ word: text.slice(start, end), start, end });
  }
}
