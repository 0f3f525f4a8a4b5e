/**
 * Whether a trust store's password matters (DESIGN.md "Secrets"): a trust store holds public CA certificates, so its
 * password guards the store's integrity only (who can write the file can replace it whatever its password); it is a
 * secret when it is also a key store's — the trust store is the key store's file (./trust-store-is-key-store.ts), or
 * the same password opens a key store of the deployment (keyStoreSharingPassword below).
 */
import type { Entry, ParsedDocument } from '../../../parse/types';
import { LIBERTY_DEFAULT_KEY_STORE, type LibertyData } from '../../../parse/liberty';
import { attr } from '../../../parse/xml';
import { elytronCredentialUse } from './elytron-credentials';
import { TRUST_STORE_PASSWORD, UNDER_TRUST_STORE } from './secret-shapes';

const LIBERTY_KIND = 'liberty.server-xml';

/**
 * The id of the Liberty `<keyStore>` whose `password` `entry` is, when the server's configuration reads it as a trust
 * store only: some `trustStoreRef` names it, no `keyStoreRef` of any element does (`<ssl>`, `<jwtBuilder>`, which signs
 * with a key of it: COG-GTM/ibm-portfolio@aebe9e4 src/main/liberty/config/includes/*.xml), and it is not
 * `defaultKeyStore`, the key store of the TLS configuration Liberty builds around it, defaultSSLConfig
 * (https://openliberty.io/docs/22.0.0.3/reference/feature/transportSecurity-1.0.html; keyStoreRef "holds the key
 * required to make an SSL connection": https://www.ibm.com/support/knowledgecenter/SSRTLW_8.5.5/com.ibm.websphere.wlp.nd.multiplatform.doc/ae/rwlp_ssl.html).
 * Every Liberty file of the deployment is looked at (an `<include>`d file may hold the reference); a reference written
 * with a variable leaves it undecided (undefined), as does a `<keyStore>` nested in another element.
 */
export function libertyTrustOnlyStore(
  documents: readonly ParsedDocument[],
  doc: ParsedDocument,
  entry: Entry,
): string | undefined {
  const id = libertyKeyStoreId(doc, entry, true);
  if (!id || id === LIBERTY_DEFAULT_KEY_STORE.id) return undefined;
  const references = documents
    .filter((d) => d.kind === LIBERTY_KIND)
    .flatMap((d) => (d.data as LibertyData).xml.elements)
    .flatMap((e) => e.attributes)
    .filter((a) => /^(key|trust)StoreRef$/i.test(a.name));
  if (references.some((a) => a.value.includes('${'))) return undefined;
  const named = (side: RegExp) => references.some((a) => side.test(a.name) && a.value.trim() === id);
  return named(/^trustStoreRef$/i) && !named(/^keyStoreRef$/i) ? id : undefined;
}

/**
 * The id of the Liberty `<keyStore>` whose `password` `entry` is (`topLevel`: only one written directly under `<server>`),
 * to tell two stores' passwords apart in a message (both keyed `keyStore@password`).
 */
export function libertyKeyStoreId(doc: ParsedDocument, entry: Entry, topLevel = false): string | undefined {
  if (doc.kind !== LIBERTY_KIND || entry.key !== 'keyStore@password') return undefined;
  const element = (doc.data as LibertyData).xml.elements.find((e) => e.path === entry.section);
  return element && (!topLevel || element.parent?.parent === undefined) ? attr(element, 'id')?.value : undefined;
}

/** A trust store's password setting, by its name, its object, the WildFly resource or the Liberty reference that reads it. */
export function isTrustStorePassword(documents: readonly ParsedDocument[], doc: ParsedDocument, entry: Entry): boolean {
  return (
    TRUST_STORE_PASSWORD.test(entry.secretName ?? entry.key) ||
    UNDER_TRUST_STORE.test(entry.key) ||
    (entry.secretName !== undefined && UNDER_TRUST_STORE.test(entry.secretName)) ||
    elytronCredentialUse(doc, entry)?.serves?.kind === 'trust' ||
    libertyTrustOnlyStore(documents, doc, entry) !== undefined
  );
}

/** A key store's password setting by its name (`keyStorePassword`, `key-store-password`, Kafka `ssl.keystore.password`, keytool `-storepass`) or by its object (`keyStore.password`, Liberty `<keyStore password=…>`). */
const KEY_STORE_PASSWORD = /key[-_.]?store[-_.]?(pass|psw|pwd)|storepass/i;
const UNDER_KEY_STORE = /(^|[.@])[^.@]*key[-_]?store[^.@]*[.@][^.@]*(pass|psw)[^.@]*$/i;

/**
 * The key store password setting of the deployment that holds the same text as the trust store password `entry`
 * (`value`, trimmed): COG-GTM/ibm-portfolio@aebe9e4 server.xml gives its defaultTrustStore the defaultKeyStore's
 * password, so the trust store's line writes the key store's secret too. Values are compared here, never shown.
 */
export function keyStoreSharingPassword(
  documents: readonly ParsedDocument[],
  entry: Entry,
  value: string,
): { doc: ParsedDocument; entry: Entry } | undefined {
  for (const other of documents)
    for (const candidate of other.entries) {
      if (candidate === entry || !candidate.secret || candidate.value.trim() !== value) continue;
      const name = candidate.secretName ?? candidate.key;
      if (!KEY_STORE_PASSWORD.test(name) && !UNDER_KEY_STORE.test(candidate.key)) continue;
      if (!isTrustStorePassword(documents, other, candidate)) return { doc: other, entry: candidate };
    }
  return undefined;
}
