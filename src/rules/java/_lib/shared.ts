import { type Phrase } from '../../../core/phrase';
import type { RuleRelated } from '../../types';
import type { Location, Range } from '../../../core/types';
import type { Component, Deployment, Provenance, Traced } from '../../../model/types';
import { JVM_OPTION_KINDS } from '../../../model/java-shared';

/** A provenance as a related location, when it points into a file. */
export function relatedFrom(from: Provenance, message: string | Phrase): RuleRelated[] {
  return from.kind === 'file' ? [{ ...from.location, message }] : [];
}

export function locationOf(t: Traced<unknown>): Location | undefined {
  return t.from.kind === 'file' ? t.from.location : undefined;
}

/** Where a provenance comes from, in words: a file, a runtime default, the config. */
export function originText(from: Provenance): string {
  if (from.kind === 'default') return `the ${from.origin}`;
  if (from.kind === 'config') return from.origin;
  return 'a file in the tree';
}

/** Where JVM options of a component live (the place to add a `-D` fix), else its own location. */
export function jvmOptionsLocation(component: Component): Location {
  const doc = component.documents.find((d) => JVM_OPTION_KINDS.includes(d.kind));
  if (doc) return { file: doc.file.path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  return component.location;
}

export function componentById(deployment: Deployment, id: string): Component | undefined {
  return deployment.components.find((c) => c.id === id);
}

/** The sub-range of `name` inside a one-line list value range (falls back to the whole value). */
export function rangeOfItem(valueRange: Range, value: string, name: string): Range {
  const at = value.indexOf(name);
  if (at === -1 || valueRange.start.line !== valueRange.end.line) return valueRange;
  const start = valueRange.start.character + at;
  return {
    start: { line: valueRange.start.line, character: start },
    end: { line: valueRange.start.line, character: start + name.length },
  };
}
