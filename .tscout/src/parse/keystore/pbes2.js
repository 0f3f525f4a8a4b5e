"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnsupportedError = void 0;
exports.pbes2Of = pbes2Of;
exports.pbes2Key = pbes2Key;
exports.pbes2PasswordTest = pbes2PasswordTest;
exports.decipher = decipher;
/**
 * PBES2 (RFC 8018) as PKCS#12 files use it for their encrypted certificates: PBKDF2 and a CBC cipher. The key comes
 * from Node's (OpenSSL's) PBKDF2; only the certificate bags are ever decrypted (src/parse/keystore/pkcs12.ts).
 */
const node_crypto_1 = require("../../core/node-crypto");
const der_1 = require("./der");
/** A variant of the format that lint-deploy does not read (its message says which). */
class UnsupportedError extends Error {
}
exports.UnsupportedError = UnsupportedError;
const PBKDF2_OID = '1.2.840.113549.1.5.12';
/** Iterations tried at most: far above what keytool (10,000) and OpenSSL (2,048) write. */
const MAX_PBKDF2_ITERATIONS = 2_000_000;
const PRFS = {
    '1.2.840.113549.2.7': 'sha1',
    '1.2.840.113549.2.8': 'sha224',
    '1.2.840.113549.2.9': 'sha256',
    '1.2.840.113549.2.10': 'sha384',
    '1.2.840.113549.2.11': 'sha512',
};
const PBES2_CIPHERS = {
    '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
    '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
    '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
    '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
/** RFC 8018 PBES2 parameters: PBKDF2 (salt, iterations, PRF) and the cipher with its IV. */
function pbes2Of(params) {
    const kdf = (0, der_1.child)(params, 0, der_1.TAG.SEQUENCE);
    if ((0, der_1.oidOf)((0, der_1.child)(kdf, 0)) !== PBKDF2_OID)
        throw new UnsupportedError('its PBES2 key derivation is not PBKDF2');
    const kdfParams = (0, der_1.child)(kdf, 1, der_1.TAG.SEQUENCE);
    const salt = (0, der_1.octetsOf)((0, der_1.child)(kdfParams, 0));
    const iterations = (0, der_1.integerOf)((0, der_1.child)(kdfParams, 1));
    if (iterations > MAX_PBKDF2_ITERATIONS)
        throw new UnsupportedError(`its PBKDF2 iteration count (${iterations}) is above what lint-deploy tries`);
    const prfElement = (0, der_1.children)(kdfParams).find((e, index) => index >= 2 && e.tag === der_1.TAG.SEQUENCE);
    const prf = prfElement ? PRFS[(0, der_1.oidOf)((0, der_1.child)(prfElement, 0))] : 'sha1';
    if (!prf)
        throw new UnsupportedError('its PBKDF2 pseudo-random function is not one lint-deploy knows');
    const scheme = (0, der_1.child)(params, 1, der_1.TAG.SEQUENCE);
    const cipher = PBES2_CIPHERS[(0, der_1.oidOf)((0, der_1.child)(scheme, 0))];
    if (!cipher)
        throw new UnsupportedError(`its PBES2 cipher (${(0, der_1.oidOf)((0, der_1.child)(scheme, 0))}) is not one lint-deploy knows`);
    return { salt, iterations, prf, cipher, iv: (0, der_1.octetsOf)((0, der_1.child)(scheme, 1)) };
}
function pbes2Key(scheme, password) {
    const { salt, iterations, prf, cipher } = scheme;
    return (0, node_crypto_1.nodeCrypto)().pbkdf2Sync(Buffer.from(password ?? '', 'utf8'), salt, iterations, cipher.keyLength, prf);
}
/**
 * A cheap first test of passwords, for a store with a MAC whose first encrypted content (`params`, `ciphertext`) PBES2
 * encrypts (keytool since JDK 12, 11.0.12 and 8u301: JDK-8153005; OpenSSL 3): that key comes from the platform's PBKDF2
 * (native: ~0.1 µs a hash here), the MAC's from the PKCS#12 key derivation in JavaScript (~0.6 µs a hash), and a store
 * no candidate opens pays for every try (xipki/xipki@10c3450: 985 such stores, 4 tries each, ~40 s). The right
 * password always leaves good CBC padding at the end; a wrong one does with probability ~1/256, and the MAC then
 * refuses it. Undefined for parameters not known. The legacy PKCS#12 schemes derive their keys in JavaScript too: for
 * them the MAC is the cheaper test.
 */
function pbes2PasswordTest(params, ciphertext) {
    let scheme;
    try {
        scheme = pbes2Of(params);
    }
    catch {
        return undefined;
    }
    const block = scheme.cipher.name.startsWith('aes') ? 16 : 8;
    if (ciphertext.length < block || ciphertext.length % block !== 0)
        return undefined;
    // CBC: the last block decrypts with the one before it (or the IV) as its IV; only its padding is looked at.
    const last = ciphertext.subarray(ciphertext.length - block);
    const lastIv = ciphertext.length > block ? ciphertext.subarray(ciphertext.length - 2 * block, -block) : scheme.iv;
    const verdicts = new Map();
    return (password) => {
        // No password and the empty one are the same PBKDF2 input.
        const text = password ?? '';
        let verdict = verdicts.get(text);
        if (verdict === undefined) {
            try {
                decipher(scheme.cipher.name, pbes2Key(scheme, text), lastIv, last);
                verdict = true;
            }
            catch {
                verdict = false;
            }
            verdicts.set(text, verdict);
        }
        return verdict;
    };
}
function decipher(name, key, iv, data) {
    const d = (0, node_crypto_1.nodeCrypto)().createDecipheriv(name, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
}
