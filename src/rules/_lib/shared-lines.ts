import type { Location } from '../../core/types';
import type { Component } from '../../model/types';
import type { RuleRelated } from '../types';
import { ours, said, type Phrase } from '../../core/phrase';

/** The components that take one finding's setting from one line, what they share, and the places it depends on. */
export interface SharedLine<T> {
  components: Component[];
  value: T;
  related: RuleRelated[];
}

/**
 * Findings that several components would each repeat at one line (an nginx snippet many server blocks include, a
 * shared cipher string) gathered into one per line and `detail` (what the finding says beyond its place): the first
 * component's value stands for all, and the related places are the union of theirs.
 */
export class SharedLines<T> {
  private readonly byLine = new Map<string, SharedLine<T>>();

  add(at: Location, detail: string, component: Component, value: T, related: RuleRelated[] = []): void {
    const key = `${at.file}:${at.range?.start.line}:${at.range?.start.character}|${detail}`;
    const same = this.byLine.get(key);
    if (!same) {
      this.byLine.set(key, { components: [component], value, related: [...related] });
      return;
    }
    same.components.push(component);
    same.related.push(...related.filter((r) => !same.related.some((o) => sameRelated(o, r))));
  }

  values(): IterableIterator<SharedLine<T>> {
    return this.byLine.values();
  }
}

const sameRelated = (a: RuleRelated, b: RuleRelated) =>
  a.file === b.file &&
  a.range?.start.line === b.range?.start.line &&
  a.range?.start.character === b.range?.start.character;

/** One component by its name; several that read one line as a count ("servers" when none is a client) and a few names. */
export function readersNamed(components: readonly Component[]): string | Phrase {
  if (components.length === 1) return components[0]!.name;
  const noun = ours(components.some((c) => c.role === 'client') ? 'components' : 'servers');
  const shown = components.slice(0, 3).map((s) => s.name);
  const more = components.length - shown.length;
  return more > 0
    ? said`Each of ${components.length} ${noun} that read this line (${shown.join('; ')} and ${more} more)`
    : said`Each of ${components.length} ${noun} that read this line (${shown.join('; ')})`;
}
