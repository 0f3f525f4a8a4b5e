/**
 * The keys of a block-style YAML mapping whose value is a mapping — a block one below them, or an empty flow one
 * (`plain: {}`) — by their dotted path, with where each is written. The flattened entries (./yaml-flatten.ts) hold
 * scalars only, each at its own innermost key, so such a key leaves no entry of its own, yet its presence and its place
 * can mean something: Strimzi's `listeners: {plain: {}, tls: {}}` turns both listeners on. Read from the text, keys
 * under a sequence item left out (their path would need the item's index), and only in lines `[first, last]`.
 */
import type { Range } from '../core/types';

const KEY_LINE = /^( *)([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(\{[ \t]*\})?[ \t]*(?:#.*)?$/;

export interface MappingKey {
  path: string;
  /** The key's range. */
  range: Range;
  /** Whether its value is `{}`. */
  empty: boolean;
}

export function mappingKeys(text: string, first: number, last: number): MappingKey[] {
  const lines = text.split(/\r\n|\r|\n/);
  const found: MappingKey[] = [];
  // The open mappings above the line: their indentation and key; a sequence item's keys are not followed.
  const open: Array<{ indent: number; key: string | undefined }> = [];
  for (let line = first; line <= Math.min(last, lines.length - 1); line++) {
    const written = lines[line] ?? '';
    if (/^\s*(#|$)/.test(written) || /^(---|\.\.\.)\s*$/.test(written)) continue;
    const indent = /^ */.exec(written)?.[0].length ?? 0;
    while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop();
    const m = KEY_LINE.exec(written);
    if (!m) {
      // A sequence item (`- …`), or a line of a scalar or flow value: what is under it has no plain path.
      if (/^ *-( |$)/.test(written)) open.push({ indent, key: undefined });
      continue;
    }
    const key = m[2]!;
    const empty = m[3] !== undefined;
    if (!open.some((o) => o.key === undefined)) {
      const range = { start: { line, character: indent }, end: { line, character: indent + key.length } };
      found.push({ path: [...open.map((o) => o.key), key].join('.'), range, empty });
    }
    if (!empty) open.push({ indent, key });
  }
  return found;
}
