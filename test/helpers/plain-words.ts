import { Phrase, type PhraseValue } from '../../src/core/phrase';
import type { Location } from '../../src/core/types';
import type { DerivedDeployment } from '../../src/derive/types';
import { HOME_WORDS } from '../../src/derive/file-use';
import { imageReferencePhrases, MASK, secretMasker, type Masker } from '../../src/engine/run/redact';
import { ACCESS_WORDS } from '../../src/model/mq-access-words';
import { parseProperties } from '../../src/parse/properties';
import type { ParsedDocument } from '../../src/parse/types';
import { ALL_RULES } from '../../src/rules';
import type { runRules as RunRules } from '../../src/engine/run/run-rules';
import type { AnyRule, ReportDescriptor } from '../../src/rules/types';

/** A word of ours in a plain-string message value that a password equal to it would turn into `***`. */
export interface LostWord {
  messageId: string;
  /** The data key, or `related`. */
  value: string;
  word: string;
  text: string;
  masked: string;
}

interface Probe {
  /** Everything the deployment's files write, and their paths: a word found there may be the tree's. */
  tree: string;
  maskers: Map<string, Masker>;
}
const probes = new WeakMap<DerivedDeployment, Probe>();

/** The strings a value gives the masker: itself, or a phrase's string values. */
function plainStrings(value: PhraseValue): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Phrase) return value.values.flatMap(plainStrings);
  return [];
}

/** The masker of the deployment as src/engine/lint.ts builds it, with one more password: `word`. */
function maskerWith(deployment: DerivedDeployment, word: string): Masker {
  const text = `probe.password=${word}\n`;
  const doc = {
    ...parseProperties(text),
    file: { path: `${deployment.root}/probe-password.properties`, text, hadBom: false },
  } as ParsedDocument;
  return secretMasker(
    [...deployment.documents, doc],
    () => [
      ...deployment.components.map((c) => c.name),
      ...(deployment.unlinkedEnds ?? []).map((end) => end.name),
      ...(deployment.unservedTls ?? []).map((unserved) => unserved.server),
    ],
    [...Object.values(ACCESS_WORDS), ...HOME_WORDS, ...ALL_RULES.map((rule) => rule.meta.id)],
    () => [
      ...deployment.derived.certificates.map((c) => c.cert.subjectText),
      ...imageReferencePhrases(deployment.documents),
    ],
  );
}

/**
 * The words of ours a report gives as plain strings (data values, related messages, the string values inside
 * Phrases) that a password equal to the word would mask: each word of three or more letters and digits the tree never
 * writes is made a password of the deployment in turn, and the text masked as the engine masks it.
 */
export function lostWords(deployment: DerivedDeployment, descriptor: ReportDescriptor<string>): LostWord[] {
  let probe = probes.get(deployment);
  if (!probe) {
    // Certificates' subjects are the tree's too (a DER or PKCS#12 file has no text to search).
    const tree = [
      ...deployment.documents.map((doc) => `${doc.file.path}\n${doc.file.text ?? ''}`),
      ...deployment.derived.certificates.map((c) => c.cert.subjectText),
    ].join('\n');
    probes.set(deployment, (probe = { tree, maskers: new Map() }));
  }
  const { tree, maskers } = probe;
  const where: Location[] = [descriptor.location, ...(descriptor.related ?? [])];
  const lost: LostWord[] = [];
  const check = (value: string, text: string) => {
    const words = new Set(text.match(/[A-Za-z0-9]{3,}/g) ?? []);
    for (const word of words) {
      if (!/[A-Za-z]/.test(word) || tree.includes(word)) continue;
      let mask = maskers.get(word);
      if (!mask) maskers.set(word, (mask = maskerWith(deployment, word)));
      const masked = (mask.about?.(where) ?? mask)(text);
      if (masked.includes(MASK)) lost.push({ messageId: descriptor.messageId, value, word, text, masked });
    }
  };
  for (const [key, value] of Object.entries(descriptor.data ?? {}))
    if (typeof value !== 'number') for (const text of plainStrings(value)) check(key, text);
  for (const related of descriptor.related ?? [])
    for (const text of plainStrings(related.message)) check('related', text);
  return lost;
}

/** A lost word and the rule that gave it. */
export type RuleLostWord = LostWord & { rule: string };

/**
 * run-rules' module with each rule's `report` watched: `found` gets every word of ours a report gives as a plain
 * string (lostWords). For jest.mock('…/src/engine/run/run-rules', () => probedRunRules(jest.requireActual(…), …)).
 */
export function probedRunRules<M extends { runRules: typeof RunRules }>(
  actual: M,
  found: (lost: RuleLostWord) => void,
): M {
  type Args = Parameters<typeof RunRules>;
  const runRules = (
    deployment: Args[0],
    rules: Args[1],
    ...rest: Args extends [unknown, unknown, ...infer R] ? R : never
  ) =>
    actual.runRules(
      deployment,
      rules.map((rule: AnyRule) => ({
        ...rule,
        check: (ctx: Parameters<AnyRule['check']>[0]) =>
          rule.check({
            ...ctx,
            report: (descriptor) => {
              for (const lost of lostWords(deployment, descriptor)) found({ rule: rule.meta.id, ...lost });
              ctx.report(descriptor);
            },
          }),
      })),
      ...rest,
    );
  return { ...actual, runRules };
}
