"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.macOnly = exports.refusalOf = void 0;
exports.closeness = closeness;
exports.isOwnPasswordSetting = isOwnPasswordSetting;
exports.writtenAsLiteral = writtenAsLiteral;
exports.nearestTo = nearestTo;
exports.passwordPasses = passwordPasses;
exports.refusedBy = refusedBy;
exports.withWrongOwnPassword = withWrongOwnPassword;
/**
 * Which password setting is a store's own: the one the runtime loads the store with. When its literal value does not
 * pass the store's password check, the runtime refuses the store (JDK 17 `KeyStore.load`: PKCS12 "keystore password was
 * incorrect", JKS "Keystore was tampered with, or password was incorrect") — cert/store-password-wrong.
 */
const path = __importStar(require("node:path"));
const node_crypto_1 = require("../../core/node-crypto");
const pkcs12_1 = require("./pkcs12");
/** A setting's name without case and separators: `key-store`, `keyStore`, `KEYSTORE` and `key_store` compare equal. */
const settingWords = (key) => key.toLowerCase().replace(/[^a-z0-9]/g, '');
/**
 * Secret entries in the same section first, then the store's own password setting (the longest key prefix shared with
 * the setting that names the store: `ssl.keystore.location` → `ssl.keystore.password` before `ssl.truststore.password`),
 * then by line distance. Which setting opened the store is what findings about its certificates point at, and a trust
 * store's password often has the same value as the key store's (Dabz/kafka-security-playbook's Connect worker).
 */
function closeness(entry, anchor) {
    const lines = Math.min(Math.abs(entry.keyRange.start.line - anchor.keyRange.start.line), 9_999);
    const shared = Math.min(sharedPrefix(settingWords(entry.secretName ?? entry.key), settingWords(anchor.key)), 99);
    return (entry.section === anchor.section ? 0 : 1_000_000) + (99 - shared) * 10_000 + lines;
}
function sharedPrefix(a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n])
        n++;
    return n;
}
/** What ends the name of a setting that locates a store (`ssl.keystore.location`, `keystoreFile`, `keyStore@location`). */
const LOCATION_SUFFIX = /(location|path|file|resource|url|uri)$/;
/** What ends a store password setting's name (`key-store-password`, `keystorePass`, `trustStorePassword`). */
const PASSWORD_SUFFIX = /(password|pass|passwd|pwd|psw)$/;
/**
 * Whether `password` is the store password setting of the store `anchor` names: its name is the anchor's with
 * `password` for `location` (`ssl.keystore.location` → `ssl.keystore.password`, `server.ssl.key-store` →
 * `server.ssl.key-store-password`, `certificateKeystoreFile` → `certificateKeystorePassword`), in the same section.
 * A key's password (`key-password`, `keyPass`) and another store's (`trust-store-password` beside `key-store`) are not.
 */
function isOwnPasswordSetting(password, anchor) {
    // Liberty's default key store: its keyStore element's password attribute is what names it (libertyDefaultAnchors).
    if (password === anchor)
        return true;
    if (password.section !== anchor.section)
        return false;
    const words = settingWords(password.secretName ?? password.key);
    const stem = settingWords(anchor.key).replace(LOCATION_SUFFIX, '');
    if (!/store$/.test(stem) || !PASSWORD_SUFFIX.test(words))
        return false;
    return words.replace(PASSWORD_SUFFIX, '') === stem;
}
/**
 * Whether a value is a password as written, for the runtime to use as is: not a placeholder (`${KS_PW}`, `$KS_PW`,
 * `%KS_PW%`, `{{ ks_pw }}`, `<password>`) nor an encoding some other program decodes (Jetty's OBF:/MD5:/CRYPT:; {aes},
 * {cipher} and ENC(…) decodedPassword leaves unread; WildFly's masked `MASK-…;salt;iterations`) nor a `file:` path to
 * the file that holds it (Eclipse Hono's AbstractConfig.getPassword reads the first line of the file after `file:`:
 * `trustStorePassword: "file:/opt/hono/config/certs/trust-store-password"`, eclipse-hono/hono@cda9dd3).
 */
function writtenAsLiteral(value) {
    const trimmed = value.trim();
    return trimmed !== '' && !/\$[A-Za-z_{(]|%[A-Za-z_]\w*%|\{\{|^<.*>$|^(OBF|MD5|CRYPT|file):|^MASK-/i.test(trimmed);
}
/**
 * The one of `files` sharing the most directories with `file`, undefined on a tie: of the stores a reference like
 * `${server.config.dir}resources/security/validationKeystore.jks` names, the one of the server that reads it
 * (OpenLiberty/liberty-bikes: three services, three stores of that name, each with its own password).
 */
function nearestTo(file, files) {
    const dirs = path.dirname(file).split(path.sep);
    const shared = (f) => {
        const other = path.dirname(f).split(path.sep);
        let n = 0;
        while (n < dirs.length && n < other.length && dirs[n] === other[n])
            n++;
        return n;
    };
    const ranked = files.map((f) => ({ f, n: shared(f) })).sort((a, b) => b.n - a.n);
    return ranked.length > 0 && ranked[0].n !== ranked[1]?.n ? ranked[0].f : undefined;
}
/** The words JDK's JavaKeyStore (and JceKeyStore) key its integrity digest with (getPreKeyedHash). */
const JKS_DIGEST_WORDS = 'Mighty Aphrodite';
/**
 * Whether `password` passes a JKS or JCEKS store's integrity check, as `KeyStore.load` does it (OpenJDK 17
 * sun.security.provider.JavaKeyStore.engineLoad): SHA-1 over the password as UTF-16BE, the words above and the file
 * but its last 20 bytes, which must equal them. Undefined when the file is too short to hold a digest.
 */
function jksPasswordPasses(bytes, password) {
    if (bytes.length < 20 + 12)
        return undefined;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const utf16be = Buffer.from(password, 'utf16le').swap16();
    const digest = (0, node_crypto_1.nodeCrypto)()
        .createHash('sha1')
        .update(utf16be)
        .update(JKS_DIGEST_WORDS, 'utf8')
        .update(buf.subarray(0, buf.length - 20))
        .digest();
    return digest.equals(buf.subarray(buf.length - 20));
}
/**
 * Whether JDK 17's `KeyStore.load` accepts `password` for this store: a JKS or JCEKS store's digest, a PKCS#12 store's
 * MAC. Undefined when nothing here checks it (a PKCS#12 without a MAC, an unreadable file).
 */
function passwordPasses(doc, password) {
    const bytes = doc.file.bytes;
    if (!bytes)
        return undefined;
    return doc.data.storeType === 'PKCS12' ? (0, pkcs12_1.pkcs12MacPasses)(bytes, password) : jksPasswordPasses(bytes, password);
}
/**
 * Whether JDK 17's `KeyStore.load` refuses `password` for this store (`macOnly`: a PKCS#12 whose certificates are not
 * encrypted, only the MAC checks it). Undefined: it passes, or nothing here checks it.
 */
function refusedBy(doc, password) {
    return passwordPasses(doc, password) === false ? (0, exports.refusalOf)(doc) : undefined;
}
/** How the JVM refuses a wrong password of this store: `macOnly` when only a PKCS#12's MAC checks it. */
const refusalOf = (doc) => ({
    macOnly: doc.data.storeType === 'PKCS12' && doc.data.readable && doc.data.openedWith === 'none',
});
exports.refusalOf = refusalOf;
/**
 * A store whose certificates read without a password (JKS, JCEKS, a PKCS#12 whose certificates are not encrypted) with
 * the first of its own settings' literal passwords that fails its password check: the JVM checks it all the same.
 */
function withWrongOwnPassword(doc, candidates) {
    for (const c of candidates) {
        const refused = c.own ? refusedBy(doc, c.password) : undefined;
        if (refused && c.own)
            return { ...doc, data: { ...doc.data, wrongPassword: { ...c.at, key: c.own, ...(0, exports.macOnly)(refused) } } };
    }
    return doc;
}
/** `macOnly` only when set, so that stores of the other kinds keep the shape they had. */
const macOnly = (refused) => (refused.macOnly ? { macOnly: true } : {});
exports.macOnly = macOnly;
