"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.certificatesInStore = certificatesInStore;
exports.storeAliases = storeAliases;
exports.keyEntries = keyEntries;
exports.trustedInStore = trustedInStore;
exports.storeLabel = storeLabel;
function entryOf(c) {
    const store = c.store;
    return store && typeof store === 'object' ? store : undefined;
}
/** Every certificate of the store file, in file order. */
function certificatesInStore(all, file) {
    return all.filter((c) => c.doc.file.path === file);
}
/** The aliases of a store's entries, key and trusted-certificate ones, as read (none for a PEM file). */
function storeAliases(all, file) {
    return [...new Set(certificatesInStore(all, file).flatMap((c) => entryOf(c)?.alias ?? []))];
}
/** The key entries of a store, each with its chain (leaf first); a PEM file with a private key is one entry. */
function keyEntries(all, file) {
    const inStore = certificatesInStore(all, file);
    if (inStore.length === 0)
        return [];
    // A PEM file is one chain, sent in file order (nginx ssl_certificate): its key may well not be in the tree.
    if (!inStore.some((c) => entryOf(c)))
        return [{ alias: '', chain: [...inStore].sort((a, b) => a.cert.range.start.line - b.cert.range.start.line) }];
    const byAlias = new Map();
    for (const c of inStore) {
        const e = entryOf(c);
        if (e?.entry !== 'private-key' || e.alias === undefined)
            continue;
        byAlias.set(e.alias, [...(byAlias.get(e.alias) ?? []), c]);
    }
    const order = (c) => entryOf(c)?.chainIndex ?? 0;
    return [...byAlias].map(([alias, chain]) => ({ alias, chain: [...chain].sort((a, b) => order(a) - order(b)) }));
}
/**
 * What a verifier trusts when it loads this store: every certificate of a PEM bundle; of a key store, its
 * trusted certificate entries and (JSSE: KeyStores.getTrustedCerts) the leaf of each key entry.
 */
function trustedInStore(all, file, jsse) {
    const inStore = certificatesInStore(all, file);
    if (!inStore.some((c) => entryOf(c)))
        return inStore;
    const leaves = jsse ? keyEntries(all, file).flatMap((e) => e.chain.slice(0, 1)) : [];
    return [...inStore.filter((c) => entryOf(c)?.entry === 'trusted-cert'), ...leaves];
}
/** `conf/trust.p12` or `conf/key.jks (alias api)`: a store for messages (its path as configured). */
function storeLabel(store, alias) {
    return `${store.path.value}${alias ? ` (alias ${alias})` : ''}`;
}
