"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.keyStoreSharingTrustStore = keyStoreSharingTrustStore;
/** A trust store password's key, split where its store is named: `server.ssl.` + `trust-store` + `-password`. */
const TRUST_PASSWORD = /^(.*?)(trust)([-_.]?store)([-_.]?(?:pass(?:word)?|psw|pwd))$/i;
/** How a store's file is named after its stem: `trust-store`, `trustStoreFile`, `ssl.truststore.location`. */
const LOCATION_SUFFIXES = ['', 'File', 'file', '-file', '_file', 'Path', 'path', '-path', '.location', 'Location'];
/** `trust` written as `key` in the same case: `Trust` → `Key`, `TRUST` → `KEY`. */
const keyWord = (trust) => trust === trust.toUpperCase() ? 'KEY' : trust[0] === trust[0].toUpperCase() ? 'Key' : 'key';
const unquoted = (value) => value.trim().replace(/^(["'])(.*)\1$/, '$2');
/**
 * The key store setting of `doc` that names the same file as the trust store whose password `entry` is, in the same
 * section; undefined when there is none (or either names no file).
 */
function keyStoreSharingTrustStore(doc, entry) {
    const m = TRUST_PASSWORD.exec(entry.key);
    if (!m)
        return undefined;
    const [, prefix = '', trust = '', store = ''] = m;
    const inSection = (key) => doc.entries.find((e) => e.key === key && e.section === entry.section && unquoted(e.value) !== '');
    for (const suffix of LOCATION_SUFFIXES) {
        const trustStore = inSection(`${prefix}${trust}${store}${suffix}`);
        const keyStore = inSection(`${prefix}${keyWord(trust)}${store}${suffix}`);
        if (trustStore && keyStore && unquoted(trustStore.value) === unquoted(keyStore.value))
            return keyStore;
    }
    return undefined;
}
