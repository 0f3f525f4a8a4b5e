import type { Range } from '../../core/types';
import type { XmlAttribute, XmlElement } from '../xml';
import { attr } from '../xml';

/** A configuration value with where it is written (file range of the value). */
export interface Located {
  value: string;
  range: Range;
}

export function locatedAttr(element: XmlElement, name: string): Located | undefined {
  const a: XmlAttribute | undefined = attr(element, name);
  return a ? { value: a.value, range: a.valueRange } : undefined;
}

/** Reads the listed attributes of an element into a record of located values. */
export function locatedAttrs<K extends string>(element: XmlElement, names: readonly K[]): Partial<Record<K, Located>> {
  const out: Partial<Record<K, Located>> = {};
  for (const name of names) {
    const v = locatedAttr(element, name);
    if (v) out[name] = v;
  }
  return out;
}

/** The first element name of an XML head, skipping the declaration, comments and doctype. */
export function rootElementName(head: string): string | undefined {
  const stripped = head
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[\s\S]*?>/gi, '');
  const m = /<([A-Za-z_][\w:.-]*)/.exec(stripped);
  return m?.[1];
}
