/**
 * Logstash's pipeline configuration language (`input { beats { port => 5044 } } output { elasticsearch { … } }`), read
 * as its grammar says: elastic/logstash@98eeb35e lib/logstash/config/grammar.treetop (Apache-2.0), the treetop grammar
 * logstash-core's lscl.treetop keeps. Sections `input`, `filter`, `output` hold plugin blocks and `if … {} else if … {}
 * else {}` branches; a plugin holds `name => value` attributes whose value is a string (`"…"`, `'…'`, a `\"` escaping
 * the quote), a bareword (`[A-Za-z_][A-Za-z0-9_]+`), a number, an array `[a, b]`, a hash `{ k => v }` or a plugin
 * (`codec => json_lines { … }`); `#` comments run to the end of the line wherever blanks may stand. Every value keeps
 * its place. Logstash refuses a file its grammar does not read ("Expected one of …, at line L, column C"): the reader
 * reports where, keeps what it read before, and never throws.
 */
import type { Range } from '../core/types';
import { LineIndex } from './text';
import {
  isSecretKey,
  type Comment,
  type Entry,
  type FormatHandler,
  type ParsedDocument,
  type ParseProblem,
} from './types';

export const LOGSTASH_PIPELINE_KIND = 'logstash.pipeline';

export type LogstashSectionType = 'input' | 'filter' | 'output';

/** A string, bareword or number as written (a string without its quotes). */
export interface LogstashScalar {
  kind: 'string' | 'bareword' | 'number';
  value: string;
  range: Range;
}

export type LogstashValue =
  | LogstashScalar
  | { kind: 'array'; items: LogstashValue[]; range: Range }
  | { kind: 'hash'; entries: LogstashAttribute[]; range: Range }
  | { kind: 'plugin'; plugin: LogstashPlugin; range: Range };

export interface LogstashAttribute {
  name: { value: string; range: Range };
  value: LogstashValue;
}

export interface LogstashPlugin {
  /** `elasticsearch`, `beats`, `opensearch`… as written. */
  name: { value: string; range: Range };
  section: LogstashSectionType;
  attributes: LogstashAttribute[];
  /** From the name to the closing brace. */
  range: Range;
  /** The conditions of the `if`/`else` branches it sits in, outermost first (`else` is written `else`). */
  conditions: string[];
}

export interface LogstashPipelineData {
  sections: { type: LogstashSectionType; range: Range }[];
  /** The plugins of every section, branches included, in the file's order (a codec given as a value is not one). */
  plugins: LogstashPlugin[];
}

/**
 * A pipeline file: its first word (after blanks and comments) opens a section and the section's first element is a
 * plugin block or a branch. nginx, httpd and other `.conf` files have no `input {`, `filter {` or `output {` block.
 */
const PIPELINE_HEAD =
  /^(?:\s|#[^\n]*(?:\n|$))*(?:input|filter|output)\s*\{(?:\s|#[^\n]*(?:\n|$))*(?:[A-Za-z0-9_-]+\s*\{|if[\s([!])/;

export function readsAsLogstashPipeline(head: string): boolean {
  return PIPELINE_HEAD.test(head);
}

export const logstashPipelineFormat: FormatHandler<LogstashPipelineData> = {
  id: 'logstash-pipeline',
  classify(_filePath, head) {
    return readsAsLogstashPipeline(head) ? LOGSTASH_PIPELINE_KIND : undefined;
  },
  parse(file, kind): ParsedDocument<LogstashPipelineData> {
    const { data, comments, problems } = parseLogstashPipeline(file.text);
    const entries: Entry[] = data.plugins.flatMap((plugin) =>
      plugin.attributes.flatMap((a): Entry[] => {
        const value = scalarText(a.value);
        if (value === undefined) return [];
        return [
          {
            key: a.name.value,
            value,
            keyRange: a.name.range,
            valueRange: a.value.range,
            section: `${plugin.section} ${plugin.name.value}`,
            secret: isSecretKey(a.name.value),
          },
        ];
      }),
    );
    return { file, kind, entries, comments, problems, data };
  },
};

/** A scalar's text, or an array of scalars' texts joined by commas; undefined for a hash or a plugin. */
export function scalarText(value: LogstashValue): string | undefined {
  if (value.kind === 'array') {
    const items = value.items.map(scalarText);
    return items.every((i) => i !== undefined) ? items.join(',') : undefined;
  }
  return value.kind === 'hash' || value.kind === 'plugin' ? undefined : value.value;
}

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

const NAME = /[A-Za-z0-9_-]+/y;
const BAREWORD = /[A-Za-z_][A-Za-z0-9_]+/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]*)?/y;
const PLACEHOLDER_VALUE = /\$\{[^}\n]*\}/y;
const SECTIONS = new Set<string>(['input', 'filter', 'output']);

/** Parses a whole pipeline file (see the header). */
export function parseLogstashPipeline(text: string): {
  data: LogstashPipelineData;
  comments: Comment[];
  problems: ParseProblem[];
} {
  const index = new LineIndex(text);
  const comments: Comment[] = [];
  const data: LogstashPipelineData = { sections: [], plugins: [] };
  let at = 0;
  let currentSection: LogstashSectionType = 'input';
  const range = (start: number, end = at): Range => index.rangeAt(start, end);

  const blanks = () => {
    for (;;) {
      const c = text.charAt(at);
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') at++;
      else if (c === '#') {
        const end = text.indexOf('\n', at);
        const stop = end < 0 ? text.length : end;
        comments.push({ text: text.slice(at + 1, stop).replace(/\r$/, ''), range: range(at, stop) });
        at = stop;
      } else return;
    }
  };
  const match = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) return undefined;
    at += m[0].length;
    return m[0];
  };
  const expect = (literal: string, what = `'${literal}'`) => {
    if (!text.startsWith(literal, at)) throw new SyntaxProblem(at, what);
    at += literal.length;
  };
  const quoted = (): LogstashScalar | undefined => {
    const quote = text.charAt(at);
    if (quote !== '"' && quote !== "'") return undefined;
    const start = at;
    let value = '';
    at++;
    while (at < text.length && text.charAt(at) !== quote) {
      if (text.charAt(at) === '\\' && text.charAt(at + 1) === quote) at++;
      value += text.charAt(at++);
    }
    if (at >= text.length) throw new SyntaxProblem(start, `the closing ${quote} of this string`);
    at++;
    return { kind: 'string', value, range: range(start) };
  };
  const name = (): { value: string; range: Range } | undefined => {
    const start = at;
    const word = match(NAME);
    if (word !== undefined) return { value: word, range: range(start) };
    const string = quoted();
    return string && { value: string.value, range: string.range };
  };

  const value = (): LogstashValue => {
    const start = at;
    const c = text.charAt(at);
    if (c === '"' || c === "'") return quoted()!;
    if (c === '[') {
      at++;
      const items: LogstashValue[] = [];
      blanks();
      if (text.charAt(at) !== ']')
        for (;;) {
          items.push(value());
          blanks();
          if (text.charAt(at) !== ',') break;
          at++;
          blanks();
        }
      expect(']', "',' or ']'");
      return { kind: 'array', items, range: range(start) };
    }
    if (c === '{') {
      at++;
      const entries = attributes('}', true);
      return { kind: 'hash', entries, range: range(start) };
    }
    // `${VAR}` unquoted: a template's value the reader masked so (../engine/run/read.ts), or an environment variable.
    const placeholder = match(PLACEHOLDER_VALUE);
    if (placeholder !== undefined) return { kind: 'string', value: placeholder, range: range(start) };
    const number = match(NUMBER);
    if (number !== undefined) return { kind: 'number', value: number, range: range(start) };
    const word = match(BAREWORD);
    if (word === undefined) throw new SyntaxProblem(start, 'a value (a string, number, array, hash or plugin)');
    const afterWord = at;
    blanks();
    if (text.charAt(at) === '{') {
      const plugin = pluginBody({ value: word, range: range(start, afterWord) }, start, currentSection, []);
      return { kind: 'plugin', plugin, range: plugin.range };
    }
    at = afterWord;
    return { kind: 'bareword', value: word, range: range(start) };
  };

  /** `name => value` pairs up to `close` (a hash may separate them by commas). */
  const attributes = (close: string, hash: boolean): LogstashAttribute[] => {
    const list: LogstashAttribute[] = [];
    for (;;) {
      blanks();
      if (text.charAt(at) === close) {
        at++;
        return list;
      }
      if (at >= text.length) throw new SyntaxProblem(at, `'${close}'`);
      const key = name();
      if (!key) throw new SyntaxProblem(at, hash ? `a hash key or '${close}'` : `a setting name or '${close}'`);
      blanks();
      expect('=>');
      blanks();
      list.push({ name: key, value: value() });
      // The grammar wants a blank between two attributes (`type => asa-syslog` is `asa` then no blank).
      if (!/^(?:[\s#]|$)/.test(text.charAt(at)) && text.charAt(at) !== close && !(hash && text.charAt(at) === ','))
        throw new SyntaxProblem(at, `a blank or '${close}'`);
      if (hash) {
        blanks();
        if (text.charAt(at) === ',') at++;
      }
    }
  };

  const pluginBody = (
    pluginName: { value: string; range: Range },
    start: number,
    section: LogstashSectionType,
    conditions: string[],
  ): LogstashPlugin => {
    expect('{');
    const list = attributes('}', false);
    return { name: pluginName, section, attributes: list, range: range(start), conditions };
  };

  /** A condition's text, up to the `{` that opens its block (outside strings, selectors, regexps and parentheses). */
  const condition = (): string => {
    const start = at;
    let depth = 0;
    let square = 0;
    while (at < text.length) {
      const c = text.charAt(at);
      if (c === '"' || c === "'") quoted();
      else if (c === '#' && square === 0) {
        const end = text.indexOf('\n', at);
        at = end < 0 ? text.length : end;
      } else if (c === '/' && /[=!]~\s*$/.test(text.slice(start, at))) {
        at++;
        while (at < text.length && text.charAt(at) !== '/') at += text.charAt(at) === '\\' ? 2 : 1;
        at++;
      } else if (c === '[' || c === '(') {
        depth++;
        if (c === '[') square++;
        at++;
      } else if (c === ']' || c === ')') {
        depth--;
        if (c === ']') square = Math.max(0, square - 1);
        at++;
      } else if (c === '{' && depth <= 0) return text.slice(start, at).trim();
      else at++;
    }
    throw new SyntaxProblem(start, "a condition followed by '{'");
  };

  /** Plugins and branches up to the closing brace of a section or branch. */
  const block = (section: LogstashSectionType, conditions: string[]) => {
    for (;;) {
      blanks();
      if (text.charAt(at) === '}') {
        at++;
        return;
      }
      if (at >= text.length) throw new SyntaxProblem(at, "'}'");
      const start = at;
      const word = name();
      if (!word) throw new SyntaxProblem(at, "a plugin, 'if' or '}'");
      blanks();
      if (word.value === 'if' && text.charAt(at) !== '{') {
        branch(section, conditions, condition());
        continue;
      }
      data.plugins.push(pluginBody(word, start, section, conditions));
    }
  };

  const branch = (section: LogstashSectionType, conditions: string[], first: string) => {
    expect('{');
    block(section, [...conditions, first]);
    for (;;) {
      const before = at;
      blanks();
      if (!text.startsWith('else', at) || /[A-Za-z0-9_-]/.test(text.charAt(at + 4))) {
        at = before;
        return;
      }
      at += 4;
      blanks();
      if (text.startsWith('if', at) && !/[A-Za-z0-9_-]/.test(text.charAt(at + 2))) {
        at += 2;
        blanks();
        const next = condition();
        expect('{');
        block(section, [...conditions, `else if ${next}`]);
        continue;
      }
      expect('{', "'{' or 'if' after 'else'");
      block(section, [...conditions, 'else']);
      return;
    }
  };

  const problems: ParseProblem[] = [];
  try {
    for (;;) {
      blanks();
      if (at >= text.length) break;
      const start = at;
      const word = match(NAME);
      if (word === undefined || !SECTIONS.has(word)) throw new SyntaxProblem(start, 'input, filter or output');
      const type = word as LogstashSectionType;
      currentSection = type;
      blanks();
      expect('{');
      block(type, []);
      data.sections.push({ type, range: range(start) });
    }
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    const found = text.slice(error.offset, error.offset + 20).split(/\r?\n/)[0] ?? '';
    problems.push({
      code: 'logstash-syntax',
      severity: 'error',
      message: found
        ? 'Logstash expects {{expected}} here, not "{{found}}": it refuses to start the pipeline'
        : 'Logstash expects {{expected}} before the end of the file: it refuses to start the pipeline',
      data: { expected: error.expected, found },
      range: index.rangeAt(error.offset, Math.min(text.length, error.offset + Math.max(1, found.length))),
    });
  }
  return { data, comments, problems };
}
