/**
 * Secrets a Compose file takes from a `.env` variable (`KEYSTORE_PASSWORD=${KEYSTORE_PASSWORD}`): the rule
 * security/plaintext-secret judges the value once, in the `.env`, and names the Compose file that reads it.
 */
import * as path from 'node:path';
import { isSecretKey, type Entry, type ParsedDocument } from '../../../parse/types';
import { substitutedSpansAt } from '../../../parse/template';
import type { RuleRelated } from '../../types';

/**
 * A value a Compose file takes from a `.env` variable named like a secret (`KEYSTORE_PASSWORD=${KEYSTORE_PASSWORD}`):
 * written in the `.env`, where its own entry is judged once, not at each reference.
 */
export function fromEnvSecret(doc: ParsedDocument, entry: Entry): boolean {
  return (
    doc.template !== undefined &&
    substitutedSpansAt(doc.template, entry.valueRange).some(
      (s) => s.engine === 'compose' && isSecretKey(s.substituted?.key ?? ''),
    )
  );
}

/** Per `.env` variable (`<file>\0<name>`), the first Compose reference that takes its value. */
export function composeReferences(documents: readonly ParsedDocument[]): Map<string, RuleRelated[]> {
  const found = new Map<string, RuleRelated[]>();
  for (const doc of documents)
    for (const span of doc.template?.spans ?? []) {
      const put = span.substituted;
      const key = put?.from.file !== undefined ? `${put.from.file}\0${put.key}` : '';
      if (span.engine !== 'compose' || !put || found.has(key)) continue;
      const message = `${path.basename(doc.file.path)} takes ${put.key} from the .env`;
      found.set(key, [{ file: doc.file.path, range: span.range, message }]);
    }
  return found;
}
