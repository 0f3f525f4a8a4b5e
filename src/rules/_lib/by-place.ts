import type { Location } from '../../core/types';

/** Names shown in a message before "(+N more)". */
const SHOWN = 3;

/** The first names of a list, and how many more: `a, b, c, … (+2 more)`. */
export function firstNames(list: readonly string[]): string {
  return list.slice(0, SHOWN).join(', ') + (list.length > SHOWN ? `, … (+${list.length - SHOWN} more)` : '');
}

/** Components grouped by the line that decides their finding (one finding per place), in first-seen order. */
export function groupedByPlace<T>(found: readonly { at: Location; item: T }[]): { at: Location; items: T[] }[] {
  const byPlace = new Map<string, { at: Location; items: T[] }>();
  for (const { at, item } of found) {
    const key = `${at.file}\u0000${at.range?.start.line ?? -1}\u0000${at.range?.start.character ?? -1}`;
    const place = byPlace.get(key) ?? { at, items: [] };
    place.items.push(item);
    byPlace.set(key, place);
  }
  return [...byPlace.values()];
}
