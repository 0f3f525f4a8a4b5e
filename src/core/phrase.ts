import type { RelatedLocation } from './types';

/**
 * Message text made of our own words and values taken from the tree (DESIGN.md "Secrets"): only the values are masked,
 * never the words around them. A rule writes `said\`keeps it on ${host}\`` or `ours('the loopback address only')` where
 * a message value holds fixed text; a plain string value is the tree's and is masked whole. A password that is a common
 * word (`only`, `vault`, `password`) then never turns our words into `***`.
 */
export class Phrase {
  constructor(
    /** Our words: one more than `values`, as a tagged template's strings. */
    readonly words: readonly string[],
    readonly values: readonly PhraseValue[],
  ) {}

  /** A phrase is rendered with its values masked (renderPhrase), never turned into a string as it is. */
  toString(): string {
    throw new Error('a Phrase is rendered with renderPhrase, which masks its values');
  }
}

/** A value inside a phrase: the tree's text (masked), a number, or a phrase of ours (`undefined` as a template writes it). */
export type PhraseValue = string | number | Phrase | undefined;

/** A phrase whose literal parts are ours and whose `${…}` values are the tree's: said`on ${host} only`. */
export function said(words: TemplateStringsArray, ...values: PhraseValue[]): Phrase {
  return new Phrase([...words], values);
}

/** Text that is wholly ours (a fixed phrase, knowledge text): never masked. */
export function ours(text: string): Phrase {
  return new Phrase([text], []);
}

/** The text of a message value: a tree string masked whole, a number as written, a phrase with only its values masked. */
export function renderPhrase(value: PhraseValue, mask: (text: string) => string): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  if (typeof value === 'string') return mask(value);
  let out = value.words[0] ?? '';
  for (let i = 0; i < value.values.length; i++) out += renderPhrase(value.values[i], mask) + (value.words[i + 1] ?? '');
  return out;
}

/** Values with our separator between them (`a ← b`, `x, y`): each value masked on its own, the separator kept. */
export function joined(values: readonly PhraseValue[], separator: string): Phrase {
  return new Phrase(values.length === 0 ? [''] : ['', ...values.slice(1).map(() => separator), ''], values);
}

/** A related place worded as message values are: a string the tree's (masked whole), a Phrase keeping our words. */
export type PhrasedRelated = Omit<RelatedLocation, 'message'> & { message: string | Phrase };
