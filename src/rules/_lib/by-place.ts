import { joined, ours, said, type Phrase } from '../../core/phrase';
import type { Location } from '../../core/types';

/** Names shown in a message before "(+N more)". */
const SHOWN = 3;

/** The first names of a list, and how many more: `a, b, c, … (+2 more)`. */
export function firstNames(list: readonly string[]): Phrase {
  return said`${joined(list.slice(0, SHOWN), ', ')}${list.length > SHOWN ? said`, \u2026 (+${list.length - SHOWN} more)` : ours('')}`;
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

/**
 * The words with which a finding about the ends grouped at one place agrees with how many there are and how many
 * targets they call: "{{do}} not verify the certificate of the server {{they}} connect{{s}} to … that issued {{its}}
 * certificate".
 */
export function endsAgreement(ends: number, targets: number) {
  const one = ends === 1;
  return {
    do: one ? ours('does') : ours('do'),
    they: one ? ours('it') : ours('they'),
    s: one ? ours('s') : '',
    its: targets === 1 ? ours('its') : ours('their'),
  };
}
