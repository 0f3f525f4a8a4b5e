/**
 * The common shape of a Spring `application.yml` read without the yaml library: one document of block
 * mappings with plain keys and plain one-line values. The library costs ~0.5 ms a file until V8 has
 * compiled it (most of a fleet's YAML is read cold; docs/performance.md), this ~10 µs.
 *
 * It answers only where its answer is the library's by construction, and gives up (undefined) on
 * anything else: quotes, flow collections, sequences, block scalars, anchors, aliases, tags,
 * directives, `---`/`...`, multi-line scalars, tabs, characters outside printable ASCII, keys YAML's
 * core schema would not read as strings, values it would read as floats or hex/octal integers, and
 * indentation that is not one column per map. test/parse/yaml-simple.test.ts compares both on every
 * YAML text of the tests, examples and corpus, and on generated variations.
 */

/** One key path with its value as `String()` of the core schema's value ('' for null) and offsets. */
export interface SimpleYamlPair {
  /** Dotted path from the root (`server.ssl.enabled`). */
  key: string;
  value: string;
  /** Offsets of the key (the last segment) and of the value (an empty range where a null value starts). */
  keyRange: [number, number];
  valueRange: [number, number];
}

/** A plain key that the core schema reads as a string (no null/bool words, no leading digit or sign). */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** YAML limits an implicit key to 1024 characters (the library reports longer ones). */
const MAX_IMPLICIT_KEY = 1024;
const NOT_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** What may not start a plain scalar (YAML 1.2 c-indicators; `-` only before a space) or is left to the library (`?`, `:`). */
const INDICATOR_START = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?: |$))/;
const CORE_NULL = /^(?:~|[Nn]ull|NULL)$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
/** Core-schema floats, hex and octal integers, .inf and .nan: left to the library. */
const CORE_OTHER_NUMBER =
  /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** Printable ASCII and line feeds only (a carriage return is checked where it stands). */
const OUTSIDE_SUBSET = /[^\x20-\x7e\n\r]/;

interface OpenMap {
  /** Column of the key that holds this map (-1 for the document's root). */
  indent: number;
  /** Column of this map's keys, once its first key is read. */
  childIndent: number | undefined;
  path: string;
}

/** The pairs of a simple Spring YAML text in document order, or undefined when the library must read it. */
export function simpleYamlPairs(text: string): SimpleYamlPair[] | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  const pairs: SimpleYamlPair[] = [];
  const open: OpenMap[] = [{ indent: -1, childIndent: 0, path: '' }];
  /** The last key without a value: a map if the next key is deeper, else null. */
  let pending: { pair: SimpleYamlPair; indent: number } | undefined;
  const seen = new Set<string>();
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let contentEnd = lineEnd;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) contentEnd--;
    const line = text.slice(lineStart, contentEnd);
    if (line.includes('\r')) return undefined;
    const start = lineStart;
    lineStart = lineEnd + 1;
    // Reads stay inside the line: `charCodeAt` past the end deoptimized this function (docs/performance.md, session 57).
    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line.charCodeAt(indent) === 35 /* # */) continue; // blank or comment
    if (indent === 0 && /^(?:---|\.\.\.|%)/.test(line)) return undefined;
    const colon = line.indexOf(':', indent);
    if (colon === -1) return undefined;
    const key = line.slice(indent, colon);
    if (key.length > MAX_IMPLICIT_KEY || !PLAIN_KEY.test(key) || NOT_STRING_KEY.test(key)) return undefined;
    const afterColon = colon + 1;
    if (afterColon < line.length && line.charCodeAt(afterColon) !== 32) return undefined;
    let valueStart = afterColon;
    while (valueStart < line.length && line.charCodeAt(valueStart) === 32) valueStart++;
    let valueEnd = line.length;
    const comment = line.indexOf(' #', valueStart);
    if (comment !== -1) valueEnd = comment;
    // Nothing after the colon but spaces and perhaps a comment: a null, or the key of a deeper map.
    if (valueStart === line.length || line.charCodeAt(valueStart) === 35) valueEnd = valueStart;
    while (valueEnd > valueStart && line.charCodeAt(valueEnd - 1) === 32) valueEnd--;
    const raw = line.slice(valueStart, valueEnd);

    if (pending) {
      if (indent > pending.indent) {
        open.push({ indent: pending.indent, childIndent: undefined, path: pending.pair.key });
      } else pairs.push(pending.pair);
      pending = undefined;
    }
    while (open.length > 1 && open[open.length - 1]!.indent >= indent) open.pop(); // the root never pops
    const parent = open[open.length - 1]!;
    if (parent.childIndent === undefined) parent.childIndent = indent;
    else if (parent.childIndent !== indent) return undefined;

    const path = parent.path ? `${parent.path}.${key}` : key;
    // A key path read twice is a key set twice in one mapping (here or above): left to the library, which says so.
    if (seen.has(path)) return undefined;
    seen.add(path);
    const keyRange: [number, number] = [start + indent, start + colon];
    if (raw === '') {
      pending = {
        pair: { key: path, value: '', keyRange, valueRange: [start + valueStart, start + valueStart] },
        indent,
      };
      continue;
    }
    const value = coreString(raw);
    if (value === undefined) return undefined;
    pairs.push({ key: path, value, keyRange, valueRange: [start + valueStart, start + valueEnd] });
    // A deeper line after a value would continue a multi-line scalar: the next key's indentation check
    // refuses it (it is deeper than every open map's keys).
  }
  if (pending) pairs.push(pending.pair);
  return pairs.length ? pairs : undefined;
}

/** `String()` of what YAML 1.2's core schema makes of a one-line plain scalar, or undefined to leave it to the library. */
function coreString(raw: string): string | undefined {
  if (INDICATOR_START.test(raw) || raw.includes(': ') || raw.endsWith(':')) return undefined;
  if (CORE_NULL.test(raw)) return '';
  if (CORE_BOOL.test(raw)) return raw.charCodeAt(0) === 116 || raw.charCodeAt(0) === 84 ? 'true' : 'false';
  if (CORE_INT.test(raw)) return String(parseInt(raw, 10));
  if (CORE_OTHER_NUMBER.test(raw)) return undefined;
  return raw;
}
