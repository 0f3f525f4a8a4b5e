import type { Entry, ParsedDocument } from '../../../parse/types';
import { ARTEMIS_USERS_KIND } from '../../../parse/artemis-users';
import { USER_PASSWORD_KINDS } from '../../../parse/activemq-users';
import { said, type Phrase } from '../../../core/phrase';
import { libertyKeyStoreId } from './trust-store-password';
import { withOwner } from './secret-words';
import type { elytronCredentialUse } from './elytron-credentials';

/**
 * How security/plaintext-secret names a secret's setting in its messages (never its value). An XML attribute made
 * secret by its element's name is said with that name: `variable@value (ibmmq.password)`.
 */
export function keyLabel(
  doc: ParsedDocument,
  entry: Entry,
  elytron: ReturnType<typeof elytronCredentialUse>,
  trustStore: boolean,
): Phrase | string {
  if (entry.secretName) return said`${entry.key} (${entry.secretName})`;
  if (elytron) return withOwner(entry.key, elytron.owner);
  if (trustStore) return storeKey(doc, entry);
  // A user's name; our words stay.
  if (doc.kind === ARTEMIS_USERS_KIND || USER_PASSWORD_KINDS.has(doc.kind))
    return said`the password of user ${entry.key}`;
  return entry.label ?? entry.key;
}

/** A store password's key for a message, a Liberty `<keyStore>`'s with its id (`keyStore@password (defaultTrustStore)`). */
export function storeKey(doc: ParsedDocument, entry: Entry): Phrase | string {
  const id = libertyKeyStoreId(doc, entry);
  return id ? said`${entry.key} (${id})` : (entry.label ?? entry.key);
}
