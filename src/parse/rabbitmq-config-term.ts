/**
 * The classic RabbitMQ configuration, an Erlang term (`[{rabbit, [{ssl_listeners, [5671]}, {ssl_options, [...]}]}].`),
 * read for its TLS settings as the entries rabbitmq.conf names them by (./rabbitmq-conf.ts). Terms: lists, tuples,
 * atoms (bare or quoted), strings, binaries (`<<"…">>`), numbers; `%` starts a comment. A file that is not such a term
 * (a template, a syntax error) gives no entries: its broker is then unknown, never guessed.
 */
import type { Position, Range } from '../core/types';
import type { Entry } from './types';

interface ListTerm {
  type: 'list';
  items: Term[];
  range: Range;
}
interface TupleTerm {
  type: 'tuple';
  items: Term[];
  range: Range;
}
interface ScalarTerm {
  type: 'atom' | 'string' | 'number';
  value: string;
  range: Range;
}
type Term = ListTerm | TupleTerm | ScalarTerm;

const TOKEN =
  /\s+|%[^\n]*|<<"(?:[^"\\]|\\.)*">>|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[[\]{},.]|-?\d+(?:\.\d+)?|[a-z][A-Za-z0-9_@]*/y;

/** The TLS entries of a classic configuration's text (none when it does not read as one term). */
export function classicConfigEntries(text: string): Entry[] {
  const term = readTerm(text);
  if (term?.type !== 'list') return [];
  const out: Entry[] = [];
  const rabbit = member(term, 'rabbit');
  const listeners = rabbit && member(rabbit, 'ssl_listeners');
  if (listeners?.type === 'list')
    listeners.items.forEach((port, i) => {
      if (port.type === 'number') out.push(entry(`listeners.ssl.${i + 1}`, port, port));
    });
  const options = rabbit && member(rabbit, 'ssl_options');
  if (options?.type === 'list') out.push(...optionEntries('ssl_options', options));
  const listener = member(member(term, 'rabbitmq_management'), 'listener');
  const ssl = member(listener, 'ssl');
  if (listener && ssl?.type === 'atom' && ssl.value === 'true') {
    const port = member(listener, 'port');
    if (port?.type === 'number') out.push(entry('management.ssl.port', port, port));
    const opts = member(listener, 'ssl_opts');
    if (opts?.type === 'list') out.push(...optionEntries('management.ssl', opts));
  }
  return out;
}

/** `{Key, Value}` options as `prefix.key` entries; a list of atoms or strings (versions, ciphers) as `prefix.key.N`. */
function optionEntries(prefix: string, options: ListTerm): Entry[] {
  const out: Entry[] = [];
  for (const option of options.items) {
    const [key, value] = option.type === 'tuple' ? option.items : [];
    if (key?.type !== 'atom' || !value) continue;
    if (value.type === 'list')
      value.items.forEach((item, i) => {
        // An item that is itself a term (a cipher suite as an Erlang tuple or map) is kept as `{…}`: a list with one is
        // not read as names (src/model/rabbitmq-listener.ts), never read as the items around it alone.
        const scalar: ScalarTerm =
          item.type === 'list' || item.type === 'tuple' ? { type: 'atom', value: '{…}', range: item.range } : item;
        out.push(entry(`${prefix}.${key.value}.${i + 1}`, key, scalar));
      });
    else if (value.type !== 'tuple') out.push(entry(`${prefix}.${key.value}`, key, value));
  }
  return out;
}

function entry(key: string, keyTerm: Term, value: ScalarTerm): Entry {
  return { key, value: value.value, keyRange: keyTerm.range, valueRange: value.range, secret: /password/i.test(key) };
}

/** The value of the `{name, Value}` tuple in a list term. */
function member(list: Term | undefined, name: string): Term | undefined {
  if (list?.type !== 'list') return undefined;
  for (const item of list.items)
    if (item.type === 'tuple' && item.items.length === 2 && item.items[0]!.type === 'atom')
      if (item.items[0]!.value === name) return item.items[1];
  return undefined;
}

interface Token {
  text: string;
  range: Range;
}

function tokens(text: string): Token[] | undefined {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const at = (offset: number): Position => {
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > offset) line--;
    return { line, character: offset - lineStarts[line]! };
  };
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    if (/^\s|^%/.test(m[0])) continue;
    out.push({ text: m[0], range: { start: at(start), end: at(start + m[0].length) } });
  }
  return out;
}

/** The one term of a configuration file (`Term.`), or undefined. */
function readTerm(text: string): Term | undefined {
  const list = tokens(text);
  if (!list) return undefined;
  let i = 0;
  const read = (): Term | undefined => {
    const t = list[i++];
    if (!t) return undefined;
    if (t.text === '[' || t.text === '{') {
      const close = t.text === '[' ? ']' : '}';
      const items: Term[] = [];
      while (list[i]?.text !== close) {
        const item = read();
        if (!item) return undefined;
        items.push(item);
        if (list[i]?.text === ',') i++;
        else if (list[i]?.text !== close) return undefined;
      }
      const end = list[i++]!.range.end;
      const range = { start: t.range.start, end };
      return close === ']' ? { type: 'list', items, range } : { type: 'tuple', items, range };
    }
    if (/^[\]},.]$/.test(t.text)) return undefined;
    return scalar(t);
  };
  const term = read();
  return term && list[i]?.text === '.' ? term : undefined;
}

function scalar(t: Token): ScalarTerm {
  const c = t.text[0];
  if (c === '"' || c === "'") return { type: c === '"' ? 'string' : 'atom', value: unquote(t.text), range: t.range };
  if (c === '<') return { type: 'string', value: unquote(t.text.slice(2, -2)), range: t.range };
  return { type: /^-?\d/.test(t.text) ? 'number' : 'atom', value: t.text, range: t.range };
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/g, '$1');
}
