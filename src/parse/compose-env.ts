/**
 * Docker Compose interpolation from the `.env` file of the project directory. Compose replaces `${VAR}`, `$VAR`,
 * `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+word}` and `${VAR+word}` in the
 * Compose file's values with the shell's environment, else with the `.env` file of the project directory (the
 * directory of the first Compose file unless `--project-directory` or `--env-file` says otherwise); `$$` is a `$`.
 * lint-deploy sees no shell: a `.env` value is what the file runs with unless the shell that runs `docker compose`
 * sets the variable, as a chart's values.yaml default is what a Helm template renders to unless `--set` overrides it.
 * A variable the `.env` does not set stays a placeholder: unknown.
 * https://docs.docker.com/reference/compose-file/interpolation/
 * https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax
 */
import type { Location, Range } from '../core/types';
import { RenderedText, type Replacement } from './rendered';
import type { TemplateInfo, TemplateSpan } from './template';
import { LineIndex } from './text';
import { isSecretKey } from './types';

/** One variable a `.env` file sets. */
export interface DotEnvVariable {
  name: string;
  /** Its value as Compose reads it (quotes removed, escapes applied, earlier variables put in). */
  value: string;
  /** The assignment, `NAME=value` (where a finding about the value points). */
  range: Range;
  nameRange: Range;
  /** The value as written (inside its quotes). */
  valueRange: Range;
  secret: boolean;
}

/**
 * A variable an env file names, as Compose's dotenv parser reads it (compose-go dotenv/parser.go). Its value is
 * undefined when only the run knows it: a bare `NAME` line takes the value of the shell running Compose (or of the
 * project's environment) and is dropped when that has none; a value that refers to a variable the file does not set
 * before it is filled in by the run; a YAML-style `NAME: value` line is not read here.
 */
export interface EnvFileVariable extends Omit<DotEnvVariable, 'value'> {
  value: string | undefined;
  /** A line without `=`: a bare `NAME` (or `NAME: value`), where valueRange is the name's. */
  bare?: true;
}

/**
 * Every variable an env file names, in order, the last line of a name winning (see EnvFileVariable): the lines
 * `NAME=value`, `export NAME=value`, `NAME="value"` (escapes, interpolated, may span lines), `NAME='value'` (literal),
 * `NAME=` (empty: set to nothing), a bare `NAME` (unknown); `#` starts a comment line, or one after a blank in an
 * unquoted value. https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax
 */
export function envFileVariables(text: string): EnvFileVariable[] {
  const index = new LineIndex(text);
  const known = new Map<string, string>();
  const variables: EnvFileVariable[] = [];
  const STATEMENT = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][\w.-]*)[ \t]*(?:(=)|(:)|\r?$)[ \t]*/gm;
  let resumeAt = 0;
  for (const m of text.matchAll(STATEMENT)) {
    if (m.index < resumeAt) continue; // inside a quoted value that spans lines
    const start = m.index + m[0].length - m[0].trimStart().length;
    const nameStart = m.index + m[1]!.length;
    const name = m[2]!;
    const nameRange = index.rangeAt(nameStart, nameStart + name.length);
    const secret = isSecretKey(name);
    if (m[3] === undefined) {
      // A bare `NAME` (the run's value, or none) or `NAME: value`: only the run knows it.
      known.delete(name);
      const end = m.index + m[0].trimEnd().length;
      variables.push({
        name,
        value: undefined,
        range: index.rangeAt(start, end),
        nameRange,
        valueRange: nameRange,
        secret,
        bare: true,
      });
      continue;
    }
    const read = readValue(text, m.index + m[0].length);
    resumeAt = read.end;
    const value = read.interpolated ? interpolate(read.value, known) : read.value;
    if (value === undefined) known.delete(name);
    else known.set(name, value);
    variables.push({
      name,
      value,
      range: index.rangeAt(start, read.valueEnd + (read.quoted ? 1 : 0)),
      nameRange,
      valueRange: index.rangeAt(read.valueStart, read.valueEnd),
      secret,
    });
  }
  // A later line of a name wins.
  const last = new Map(variables.map((v) => [v.name, v]));
  return variables.filter((v) => last.get(v.name) === v);
}

/** The variables of a `.env` file whose value is known (envFileVariables), in order. */
export function dotEnvVariables(text: string): DotEnvVariable[] {
  return envFileVariables(text).filter((v): v is DotEnvVariable => v.value !== undefined);
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };

/** A value from `at`: single-quoted (literal), double-quoted (escapes, interpolated) or bare (to ` #` or the line end). */
function readValue(
  text: string,
  at: number,
): { value: string; valueStart: number; valueEnd: number; end: number; quoted: boolean; interpolated: boolean } {
  const quote = text.charAt(at);
  if (quote === "'" || quote === '"') {
    let value = '';
    let i = at + 1;
    for (; i < text.length && text.charAt(i) !== quote; i++) {
      const ch = text.charAt(i);
      if (ch === '\\' && i + 1 < text.length) {
        const next = text.charAt(i + 1);
        const escaped = quote === '"' ? ESCAPES[next] : undefined;
        if (escaped !== undefined) {
          value += escaped;
          i++;
          continue;
        }
        if (next === quote) {
          value += quote;
          i++;
          continue;
        }
      }
      value += ch;
    }
    return { value, valueStart: at + 1, valueEnd: i, end: i + 1, quoted: true, interpolated: quote === '"' };
  }
  let end = at;
  while (end < text.length && text.charAt(end) !== '\n' && text.charAt(end) !== '\r') end++;
  const line = text.slice(at, end);
  const comment = / #/.exec(line);
  const value = (comment ? line.slice(0, comment.index) : line).trimEnd();
  return { value, valueStart: at, valueEnd: at + value.length, end, quoted: false, interpolated: true };
}

/** A `$` reference of a text: `${NAME}`, `${NAME<op>word}` or `$NAME`, at [start, end). */
interface Reference {
  start: number;
  end: number;
  name: string;
  op?: string;
  word?: string;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATOR = /:-|:\?|:\+|-|\?|\+/y;

/** The references of `text`, in order (`$$` is a literal `$`; an unclosed `${` is none). */
function references(text: string): Reference[] {
  const found: Reference[] = [];
  for (let i = text.indexOf('$'); i !== -1 && i < text.length; i = text.indexOf('$', i)) {
    const next = text.charAt(i + 1);
    if (next === '$') {
      i += 2;
      continue;
    }
    if (next === '{') {
      NAME.lastIndex = i + 2;
      const name = NAME.exec(text)?.[0];
      if (!name) {
        i += 2;
        continue;
      }
      let at = i + 2 + name.length;
      OPERATOR.lastIndex = at;
      const op = text.charAt(at) === '}' ? undefined : OPERATOR.exec(text)?.[0];
      if (op) at += op.length;
      const close = closingBrace(text, at);
      if (close === -1 || (!op && close !== at)) {
        i += 2;
        continue;
      }
      found.push({ start: i, end: close + 1, name, op, word: op ? text.slice(at, close) : undefined });
      i = close + 1;
      continue;
    }
    NAME.lastIndex = i + 1;
    const name = NAME.exec(text)?.[0];
    if (name) found.push({ start: i, end: i + 1 + name.length, name });
    i += 1 + (name?.length ?? 0);
  }
  return found;
}

/** The `}` that closes a `${` whose word starts at `from` (a nested `${…}` inside the word is skipped). */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n') return -1;
    if (ch === '$' && text.charAt(i + 1) === '{') {
      depth++;
      i++;
    } else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** What a reference resolves to with `known` variables; undefined when the shell could decide it (unknown). */
function resolve(ref: Reference, known: ReadonlyMap<string, string>): string | undefined {
  const value = known.get(ref.name);
  if (value === undefined) return undefined;
  const word = () => interpolate(ref.word ?? '', known);
  switch (ref.op) {
    case undefined:
    case '-':
    case '?':
      return value;
    case ':-':
      return value !== '' ? value : word();
    case ':?':
      return value !== '' ? value : undefined;
    case ':+':
      return value !== '' ? word() : '';
    case '+':
      return word();
    default:
      return undefined;
  }
}

/** The text with every reference resolved; undefined when one is unknown. `$$` stays as written. */
function interpolate(text: string, known: ReadonlyMap<string, string>): string | undefined {
  let out = '';
  let at = 0;
  for (const ref of references(text)) {
    const value = resolve(ref, known);
    if (value === undefined) return undefined;
    out += text.slice(at, ref.start) + value;
    at = ref.end;
  }
  return out + text.slice(at);
}

/**
 * Characters a value put into the YAML text cannot hold without changing how the YAML reads (a quote, a line break,
 * a comment, a flow collection's punctuation, a `key: value` separator); such a value stays a placeholder.
 */
const UNSAFE_IN_YAML = /["'\\\r\n#,[\]{}]|: |:$|^[\s*&!|>%@`]|^[-?:](\s|$)|\s$/;

/** The key a reference is written after on its line (`- KEYSTORE_PW=${PW}`, `-Dx.password=${PW}`), to know a secret. */
function keyBefore(line: string, at: number): string {
  return /([\w.-]+)\s*[=:]\s*["']?$/.exec(line.slice(0, at))?.[1] ?? '';
}

export interface ComposeEnvRendering {
  rendered: RenderedText;
  template: TemplateInfo;
}

/**
 * The Compose file's text with each reference to a variable its `.env` sets put in (positions mapped back to the
 * reference), and the references as substituted template spans that name the `.env` line; undefined when none is.
 */
export function renderComposeEnv(
  source: string,
  envFile: string,
  variables: readonly DotEnvVariable[],
): ComposeEnvRendering | undefined {
  if (variables.length === 0 || !source.includes('$')) return undefined;
  const known = new Map(variables.map((v) => [v.name, v.value]));
  const byName = new Map(variables.map((v) => [v.name, v]));
  const index = new LineIndex(source);
  const replacements: Replacement[] = [];
  const spans: TemplateSpan[] = [];
  let lineStart = 0;
  for (const line of source.split('\n')) {
    const lineEnd = lineStart + line.length;
    // A comment line is no value: nothing there is interpolated.
    if (!/^\s*#/.test(line))
      for (const ref of references(line)) {
        const value = resolve(ref, known);
        const variable = byName.get(ref.name);
        if (value === undefined || !variable || UNSAFE_IN_YAML.test(value)) continue;
        const start = lineStart + ref.start;
        const end = lineStart + ref.end;
        const from: Location = { file: envFile, range: variable.range };
        replacements.push({ cutStart: start, cutEnd: end, spanStart: start, spanEnd: end, text: value });
        spans.push({
          kind: 'value',
          engine: 'compose',
          text: line.slice(ref.start, ref.end),
          start,
          end,
          range: index.rangeAt(start, end),
          substituted: {
            key: ref.name,
            value,
            from,
            secret: variable.secret || isSecretKey(keyBefore(line, ref.start)),
          },
        });
      }
    lineStart = lineEnd + 1;
  }
  if (replacements.length === 0) return undefined;
  return {
    rendered: new RenderedText(source, source, replacements),
    template: { engines: ['compose'], spans, masked: source, branches: [] },
  };
}
