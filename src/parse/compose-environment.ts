/**
 * A Compose service's `environment:` as the container gets it, read once at parse for every reader (Spring-bound
 * settings, secrets written in list form, Kafka broker and IBM MQ image variables). Both forms compose-go accepts
 * (types/mapping.go MappingWithEquals): the map (`NAME: value`) and the list (`- NAME=value`, the name up to the
 * first `=`; `- NAME` alone takes the variable from the shell that runs `docker compose`).
 * https://docs.docker.com/reference/compose-file/services/#environment
 */
import type { Range } from '../core/types';
import type { Entry } from './types';
import type { LineIndex } from './text';
import { scalarOffsets } from './java/spring-environment';
import { goYamlPlain } from './yaml-go';

/** One variable of a service's `environment:`. */
export interface ComposeVariable {
  name: string;
  /** The text the container gets; undefined when Compose takes it from the shell (`- NAME`, `NAME: ~`, `NAME:`). */
  value: string | undefined;
  form: 'map' | 'list';
  nameRange: Range;
  /** The value as written, without its quotes (for `- NAME`: the empty range after the name). */
  valueRange: Range;
  /** The parsed entry it comes from (a list item's entry holds the whole item). */
  entry: Entry;
}

/**
 * The variable an `environment:` entry sets: `mappedName` is the map form's key (the entry's key after
 * `environment.`), undefined for a list item. A list item that names no variable (`- =x`) sets none.
 */
export function composeVariable(
  entry: Entry,
  mappedName: string | undefined,
  text: string,
  index: LineIndex,
): ComposeVariable | undefined {
  const [start, end] = scalarOffsets(text, index, entry);
  if (mappedName !== undefined) {
    const nameEnd = index.offsetAt(entry.keyRange.end);
    const written = text.slice(index.offsetAt(entry.valueRange.start), index.offsetAt(entry.valueRange.end));
    // A plain scalar is typed by go-yaml's resolver (`0123` is 83, `~` is null): the container gets Go's text of it.
    // A quoted or block scalar is the string as parsed.
    const isPlain = written.trim() === '' || /^[^"'|>\s][^\r\n]*$/.test(written);
    return {
      name: mappedName,
      value: isPlain ? goYamlPlain(written.trim()) : entry.value,
      form: 'map',
      nameRange: index.rangeAt(nameEnd - mappedName.length, nameEnd),
      valueRange: index.rangeAt(start, end),
      entry,
    };
  }
  const eq = entry.value.indexOf('=');
  const name = eq < 0 ? entry.value.trim() : entry.value.slice(0, eq);
  if (name === '') return undefined;
  // Offsets inside the item: its text between the quotes is the value unescaped but for escapes, which an
  // environment item rarely holds; a range is only a place to point at.
  const equals = eq < 0 ? end : Math.min(start + eq, end);
  return {
    name,
    value: eq < 0 ? undefined : entry.value.slice(eq + 1),
    form: 'list',
    nameRange: index.rangeAt(start, Math.min(start + name.length, end)),
    valueRange: index.rangeAt(Math.min(equals + 1, end), end),
    entry,
  };
}
