import type { Range } from '../../core/types';
import { LineIndex } from '../text';
import type { Entry } from '../types';
import { isSecretKey } from '../types';
import type { JavaHomeReference } from './java-home';
import { lastPathSegment } from '../../core/path-name';

/** One `-Dname=value` JVM system property found in a file, with the ranges of name and value. */
export interface JvmProperty {
  name: string;
  value: string;
  nameRange: Range;
  valueRange: Range;
  secret: boolean;
  /** The variable or instruction that carries it (`JAVA_OPTS`, `Environment`, `ENTRYPOINT`…), when known. */
  via?: string;
  /** True when the value holds a shell/placeholder expansion (`$X`, `${X}`, `%X%`): its run-time value is unknown. */
  unresolved: boolean;
  /**
   * The JDK feature releases it applies on, when its line says (`17-:-Dx=y` in an Elasticsearch, OpenSearch or
   * Logstash jvm.options file); no `max`: that release and later.
   */
  jdkFeatures?: { min: number; max?: number };
}

/** What every JVM-options-like format (jvm.options, setenv.sh, systemd units, Dockerfiles) puts in `data`. */
export interface JvmOptionsData {
  properties: JvmProperty[];
  /** Absolute JDK paths the file names (`JAVA_HOME=…`, `…/bin/java`): the JDK that runs what it starts. */
  javaHomes?: JavaHomeReference[];
  /**
   * Environment variables Spring Boot binds to a setting lint-deploy reads (`SERVER_SSL_KEY_STORE=…`), each named
   * by that setting, `via` the variable (src/parse/java/spring-environment.ts). Not system properties: kept apart.
   */
  springEnvironment?: JvmProperty[];
  /** Spring settings given as `--name=value` program arguments (src/parse/java/spring-arguments.ts). */
  springArguments?: JvmProperty[];
}

const D_OPTION = /(^|[\s"'[,=])-D((?:%[\w,-]+\.)?[A-Za-z_][\w.$-]*)(=?)/g;
export const PLACEHOLDER = /\$\{?[A-Za-z_]|%[A-Za-z_][\w]*%|\$\(/;

/**
 * Finds `-Dname[=value]` tokens in `text[from, to)`. A value ends at a blank or at
 * the quote that closes the enclosing string (`JAVA_OPTS="… -Da=b"`); a value that
 * starts with a quote runs to the matching quote.
 */
export function scanJvmProperties(
  text: string,
  index: LineIndex,
  from = 0,
  to = text.length,
  via?: string,
): JvmProperty[] {
  return scanOptions(D_OPTION, text, index, from, to, via);
}

/**
 * Tokens `<two-character prefix>name[=value]` matched by `option` (its groups: what precedes, the name, `=`), with
 * values read as `-D` values are.
 */
export function scanOptions(
  option: RegExp,
  text: string,
  index: LineIndex,
  from: number,
  to: number,
  via: string | undefined,
): JvmProperty[] {
  const slice = text.slice(from, to);
  const found: JvmProperty[] = [];
  for (const match of slice.matchAll(option)) {
    const nameStart = from + (match.index ?? 0) + match[1]!.length + 2;
    const name = match[2]!;
    const nameEnd = nameStart + name.length;
    let valueStart = nameEnd + match[3]!.length;
    let valueEnd = valueStart;
    let value = '';
    if (match[3] === '=') {
      // Only a quote inside the scanned window opens a quoted value (one just past `to` would give an inverted range).
      const quote = valueStart < to ? text.charAt(valueStart) : '';
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, valueStart + 1);
        valueStart += 1;
        valueEnd = close === -1 || close > to ? to : close;
      } else {
        // A command built in a double-quoted string writes its quotes escaped (`exec_cmd="… -Dx=\\"$HOME\\"/trust"`,
        // run by eval): they are part of the word, and not of the value.
        const wordEnd = (stops: RegExp) => {
          let end = valueEnd;
          while (end < to) {
            if (text.charAt(end) === '\\' && end + 1 < to && /["']/.test(text.charAt(end + 1))) end += 2;
            else if (stops.test(text.charAt(end))) break;
            else end++;
          }
          return end;
        };
        valueEnd = wordEnd(/[\s"'\],;]/);
        // `;` and `,` can be part of values (cipher lists use `,`): only stop at them inside JSON arrays.
        if (valueEnd < to && (text.charAt(valueEnd) === ',' || text.charAt(valueEnd) === ';'))
          valueEnd = wordEnd(/[\s"'\]]/);
      }
      const written = text.slice(valueStart, valueEnd);
      value = written.replace(/\\(["'])/g, '');
    }
    found.push({
      name,
      value,
      nameRange: index.rangeAt(nameStart, nameEnd),
      valueRange: index.rangeAt(valueStart, valueEnd),
      secret: isSecretKey(name),
      via,
      unresolved: PLACEHOLDER.test(value),
    });
  }
  return found;
}

export function propertyEntries(properties: JvmProperty[], section?: string): Entry[] {
  // Built by push: an optimized `map` returns an array of another hidden class than the interpreter's, and the
  // parsers that spread these lists were compiled again for it (docs/performance.md, session 56).
  const entries: Entry[] = [];
  for (const p of properties)
    entries.push({
      key: p.name,
      value: p.value,
      keyRange: p.nameRange,
      valueRange: p.valueRange,
      section: section ?? p.via,
      secret: p.secret,
    });
  return entries;
}

/** Offsets of the start of each line (for formats that work line by line but need offsets). */
export function lineOffsets(text: string): { start: number; end: number; text: string }[] {
  const lines: { start: number; end: number; text: string }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Joins backslash-continued lines (shell, systemd): returns logical lines with the offset range they span. */
export function logicalLines(
  text: string,
  continuation: RegExp = /\\$/,
): { start: number; end: number; first: number }[] {
  const lines = lineOffsets(text);
  const result: { start: number; end: number; first: number }[] = [];
  for (let first = 0; first < lines.length; ) {
    let i = first;
    let line = lines[i]!; // first < lines.length
    for (let next = lines[i + 1]; next && continuation.test(line.text); next = lines[i + 1]) {
      line = next;
      i++;
    }
    result.push({ start: lines[first]!.start, end: line.end, first });
    first = i + 1;
  }
  return result;
}

export function basenameOf(filePath: string): string {
  const base = lastPathSegment(filePath);
  // Corpus files are named `owner__repo__path__name@rev`: keep the last path part, drop the revision.
  if (!base.includes('__') && !base.includes('@')) return base;
  return base
    .split('__')
    .pop()!
    .replace(/@[^@]*$/, '');
}
