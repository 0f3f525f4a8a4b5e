/**
 * The certificates of one store file (a key store read by src/parse/keystore, or a PEM file/bundle), as the
 * tree holds them: key entries with their chains, and what a verifier loading the store trusts.
 */
import { embeddedIn, type TreeCertificate } from '../model/mq-certs';
import type { Range } from '../core/types';
import type { StoreRef } from '../model/types';

/** A key store entry as TreeCertificate carries it (absent for a PEM file). */
interface StoreEntryInfo {
  alias?: string;
  /** 'private-key' (a key with its chain), 'trusted-cert', or 'certificate' (a PKCS#12 certificate Java does not load). */
  entry?: string;
  /** Place in the entry's chain (0 = the entry's own certificate). */
  chainIndex?: number;
}

function entryOf(c: TreeCertificate): StoreEntryInfo | undefined {
  const store = (c as TreeCertificate & { store?: StoreEntryInfo }).store;
  return store && typeof store === 'object' ? store : undefined;
}

/**
 * Every certificate of the store file, in file order; `embeddedAt` (StoreRef.embeddedAt): only those of the documents
 * embedded there.
 */
export function certificatesInStore(
  all: TreeCertificate[],
  file: string,
  embeddedAt?: readonly Range[],
): TreeCertificate[] {
  return all.filter((c) => c.doc.file.path === file && embeddedIn(c, embeddedAt));
}

/** The aliases of a store's entries, key and trusted-certificate ones, as read (none for a PEM file). */
export function storeAliases(all: TreeCertificate[], file: string): string[] {
  return [...new Set(certificatesInStore(all, file).flatMap((c) => entryOf(c)?.alias ?? []))];
}

/** The key entries of a store, each with its chain (leaf first); a PEM file with a private key is one entry. */
export function keyEntries(
  all: TreeCertificate[],
  file: string,
  embeddedAt?: readonly Range[],
): { alias: string; chain: TreeCertificate[] }[] {
  const inStore = certificatesInStore(all, file, embeddedAt);
  if (inStore.length === 0) return [];
  // A PEM file is one chain, sent in file order (nginx ssl_certificate): its key may well not be in the tree.
  if (!inStore.some((c) => entryOf(c)))
    return [{ alias: '', chain: [...inStore].sort((a, b) => a.cert.range.start.line - b.cert.range.start.line) }];
  const byAlias = new Map<string, TreeCertificate[]>();
  for (const c of inStore) {
    const e = entryOf(c);
    if (e?.entry !== 'private-key' || e.alias === undefined) continue;
    byAlias.set(e.alias, [...(byAlias.get(e.alias) ?? []), c]);
  }
  const order = (c: TreeCertificate) => entryOf(c)?.chainIndex ?? 0;
  return [...byAlias].map(([alias, chain]) => ({ alias, chain: [...chain].sort((a, b) => order(a) - order(b)) }));
}

/**
 * What a verifier trusts when it loads this store: every certificate of a PEM bundle; of a key store, its
 * trusted certificate entries and (JSSE: KeyStores.getTrustedCerts) the leaf of each key entry.
 */
export function trustedInStore(
  all: TreeCertificate[],
  file: string,
  jsse: boolean,
  embeddedAt?: readonly Range[],
): TreeCertificate[] {
  const inStore = certificatesInStore(all, file, embeddedAt);
  if (!inStore.some((c) => entryOf(c))) return inStore;
  const leaves = jsse ? keyEntries(all, file, embeddedAt).flatMap((e) => e.chain.slice(0, 1)) : [];
  return [...inStore.filter((c) => entryOf(c)?.entry === 'trusted-cert'), ...leaves];
}

/** `conf/trust.p12` or `conf/key.jks (alias api)`: a store for messages (its path as configured). */
export function storeLabel(store: StoreRef, alias?: string): string {
  return `${store.path.value}${alias ? ` (alias ${alias})` : ''}`;
}
