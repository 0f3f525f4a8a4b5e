"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.looksLikePkcs12 = looksLikePkcs12;
exports.friendlyNameText = friendlyNameText;
exports.pkcs12MacPasses = pkcs12MacPasses;
exports.readPkcs12 = readPkcs12;
/**
 * PKCS#12 (RFC 7292) certificate reader. Only certificate bags are ever decrypted: private-key bags are
 * recognised by their attributes (alias, local key id) and never decrypted or kept. A password is only
 * ever held in a local variable while it is tried, and the result says which kind of password opened
 * the store (never the password).
 */
const node_crypto_1 = require("../../core/node-crypto");
const der_1 = require("./der");
const rc2_1 = require("./rc2");
const iterated_hash_1 = require("./iterated-hash");
const pbes2_1 = require("./pbes2");
const OID = {
    data: '1.2.840.113549.1.7.1',
    encryptedData: '1.2.840.113549.1.7.6',
    keyBag: '1.2.840.113549.1.12.10.1.1',
    shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
    certBag: '1.2.840.113549.1.12.10.1.3',
    safeContentsBag: '1.2.840.113549.1.12.10.1.6',
    x509Certificate: '1.2.840.113549.1.9.22.1',
    friendlyName: '1.2.840.113549.1.9.20',
    localKeyId: '1.2.840.113549.1.9.21',
    /** Oracle's attribute on certificate bags that keytool stores as trusted certificate entries. */
    javaTrustedKeyUsage: '2.16.840.1.113894.746875.1.1',
    pbes2: '1.2.840.113549.1.5.13',
};
/** Hashes by OID (MAC digests and PBKDF2 PRFs), with the PKCS#12 KDF block size. */
const SHA1 = { name: 'sha1', block: 64 };
const HASHES = {
    '1.3.14.3.2.26': SHA1,
    '2.16.840.1.101.3.4.2.4': { name: 'sha224', block: 64 },
    '2.16.840.1.101.3.4.2.1': { name: 'sha256', block: 64 },
    '2.16.840.1.101.3.4.2.2': { name: 'sha384', block: 128 },
    '2.16.840.1.101.3.4.2.3': { name: 'sha512', block: 128 },
};
/** PKCS#12 PBE schemes (RFC 7292 appendix C): cipher, key length, effective RC2 bits. */
const PKCS12_PBE = {
    '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24, name: 'pbeWithSHAAnd3-KeyTripleDES-CBC' },
    '1.2.840.113549.1.12.1.4': { cipher: 'des-ede-cbc', keyLength: 16, name: 'pbeWithSHAAnd2-KeyTripleDES-CBC' },
    '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLength: 16, rc2Bits: 128, name: 'pbeWithSHAAnd128BitRC2-CBC' },
    '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLength: 5, rc2Bits: 40, name: 'pbeWithSHAAnd40BitRC2-CBC' },
};
/** Whether the bytes start like a PFX: SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data|signedData … } }. */
function looksLikePkcs12(bytes) {
    // Every file of a tree is asked: a text file fails here, before a DER read that would throw.
    if (bytes[0] !== der_1.TAG.SEQUENCE)
        return false;
    try {
        const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const outer = (0, der_1.readDer)(buf, 0, Math.min(buf.length, (0, der_1.readDer)(buf).next));
        if (outer.tag !== der_1.TAG.SEQUENCE)
            return false;
        const version = (0, der_1.readDer)(outer.content, 0);
        if (version.tag !== der_1.TAG.INTEGER || version.content.length !== 1 || version.content[0] !== 3)
            return false;
        const info = (0, der_1.readDer)(outer.content, version.next);
        return info.tag === der_1.TAG.SEQUENCE && (0, der_1.oidOf)((0, der_1.readDer)(info.content, 0)).startsWith('1.2.840.113549.1.7.');
    }
    catch {
        return false;
    }
}
function parsePfx(buf) {
    const pfx = (0, der_1.readDer)(buf);
    if (pfx.tag !== der_1.TAG.SEQUENCE)
        throw new der_1.DerError('not a PFX');
    if ((0, der_1.integerOf)((0, der_1.child)(pfx, 0)) !== 3)
        throw new der_1.DerError('PFX version is not 3');
    const authSafeInfo = (0, der_1.child)(pfx, 1, der_1.TAG.SEQUENCE);
    const type = (0, der_1.oidOf)((0, der_1.child)(authSafeInfo, 0));
    if (type !== OID.data)
        throw new pbes2_1.UnsupportedError(`its integrity mode (${type}) is public-key signing, which lint-deploy does not read`);
    const authSafe = (0, der_1.octetsOf)((0, der_1.explicit)((0, der_1.child)(authSafeInfo, 1), 0));
    const macData = (0, der_1.children)(pfx)[2];
    if (!macData)
        return { authSafe };
    const digestInfo = (0, der_1.child)(macData, 0, der_1.TAG.SEQUENCE);
    const hashOid = (0, der_1.oidOf)((0, der_1.child)((0, der_1.child)(digestInfo, 0, der_1.TAG.SEQUENCE), 0));
    const hash = HASHES[hashOid];
    if (!hash)
        throw new pbes2_1.UnsupportedError(`its MAC algorithm (${hashOid}) is not one lint-deploy knows`);
    const iterationsElement = (0, der_1.children)(macData)[2];
    const iterations = iterationsElement ? (0, der_1.integerOf)(iterationsElement) : 1;
    if (iterations > MAX_KDF_ITERATIONS)
        throw new pbes2_1.UnsupportedError(`its MAC iteration count (${iterations}) is above what lint-deploy tries (${MAX_KDF_ITERATIONS})`);
    return {
        authSafe,
        mac: { hash, digest: (0, der_1.octetsOf)((0, der_1.child)(digestInfo, 1)), salt: (0, der_1.octetsOf)((0, der_1.child)(macData, 1)), iterations },
    };
}
/**
 * Iteration counts tried at most (each password try derives keys): far above what keytool (10,000),
 * OpenSSL (2,048) and Windows (2,000) write, low enough that a hostile file cannot stall a run.
 */
const MAX_KDF_ITERATIONS = 200_000;
/**
 * A friendlyName's BMPString as text. IBM's key tools end it with a NUL, as RFC 7292 B.1 ends a password (WebSphere's
 * key.p12 of todaynowork/websphere_ejb_lookup: 'default' then U+0000): the alias is the text before it, as
 * `openssl pkcs12 -info` prints it, never a message's 'default\u0000'.
 */
function friendlyNameText(bmp) {
    return Buffer.from(bmp).swap16().toString('utf16le').replace(/\0+$/, '');
}
/** RFC 7292 B.1: the password as a NUL-terminated big-endian BMPString; "no password" is empty. */
function bmpPassword(password) {
    if (password === undefined)
        return Buffer.alloc(0);
    const out = Buffer.alloc(password.length * 2 + 2);
    for (let i = 0; i < password.length; i++)
        out.writeUInt16BE(password.charCodeAt(i), i * 2);
    return out;
}
/** RFC 7292 appendix B.2: the PKCS#12 key derivation function. */
function pkcs12Kdf(hash, password, salt, id, iterations, length) {
    const v = hash.block;
    const fill = (data) => {
        if (data.length === 0)
            return Buffer.alloc(0);
        const out = Buffer.alloc(v * Math.ceil(data.length / v));
        for (let i = 0; i < out.length; i++)
            out[i] = data[i % data.length];
        return out;
    };
    const d = Buffer.alloc(v, id);
    const i = Buffer.concat([fill(salt), fill(password)]);
    const out = [];
    let produced = 0;
    while (produced < length) {
        const a = (0, iterated_hash_1.rehash)(hash.name, (0, node_crypto_1.nodeCrypto)().createHash(hash.name).update(d).update(i).digest(), iterations - 1);
        out.push(a);
        produced += a.length;
        if (produced >= length)
            break;
        const b = Buffer.alloc(v);
        for (let k = 0; k < v; k++)
            b[k] = a[k % a.length];
        for (let block = 0; block < i.length; block += v) {
            let carry = 1;
            for (let k = v - 1; k >= 0; k--) {
                // i is a whole number of v-byte blocks (fill) and b is v bytes: block + k < i.length, k < v.
                const sum = i[block + k] + b[k] + carry;
                i[block + k] = sum & 0xff;
                carry = sum >> 8;
            }
        }
    }
    return Buffer.concat(out).subarray(0, length);
}
function macMatches(parsed, password) {
    const mac = parsed.mac;
    if (!mac)
        return false;
    const { createHash, createHmac, timingSafeEqual } = (0, node_crypto_1.nodeCrypto)();
    const key = pkcs12Kdf(mac.hash, bmpPassword(password), mac.salt, 3, mac.iterations, createHash(mac.hash.name).digest().length);
    const computed = createHmac(mac.hash.name, key).update(parsed.authSafe).digest();
    return computed.length === mac.digest.length && timingSafeEqual(computed, mac.digest);
}
/**
 * Whether `password` passes a PKCS#12 store's MAC, as JDK 17's `KeyStore.load` checks it whenever a password is given
 * (PKCS12KeyStore.engineLoad; wrong: "Integrity check failed: … Failed PKCS12 integrity checking"), also when no
 * certificate is encrypted (`openssl pkcs12 -export -certpbe NONE`). Undefined when there is no MAC (the JDK checks
 * nothing then) or the file cannot be read.
 */
function pkcs12MacPasses(bytes, password) {
    try {
        const parsed = parsePfx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        return parsed.mac ? macMatches(parsed, password) : undefined;
    }
    catch {
        return undefined;
    }
}
/** Decrypts an EncryptedContentInfo's content with one password (PKCS#12 PBE or PBES2). */
function decrypt(algorithm, data, password) {
    const oid = (0, der_1.oidOf)((0, der_1.child)(algorithm, 0));
    const params = (0, der_1.child)(algorithm, 1, der_1.TAG.SEQUENCE);
    const legacy = PKCS12_PBE[oid];
    if (legacy) {
        const salt = (0, der_1.octetsOf)((0, der_1.child)(params, 0));
        const iterations = (0, der_1.integerOf)((0, der_1.child)(params, 1));
        if (iterations > MAX_KDF_ITERATIONS)
            throw new pbes2_1.UnsupportedError(`its encryption iteration count (${iterations}) is above what lint-deploy tries (${MAX_KDF_ITERATIONS})`);
        const bmp = bmpPassword(password);
        const key = pkcs12Kdf(SHA1, bmp, salt, 1, iterations, legacy.keyLength);
        const iv = pkcs12Kdf(SHA1, bmp, salt, 2, iterations, 8);
        if (legacy.cipher === 'rc2')
            return (0, rc2_1.rc2CbcDecrypt)(key, legacy.rc2Bits ?? 128, iv, data);
        return (0, pbes2_1.decipher)(legacy.cipher, key, iv, data);
    }
    if (oid !== OID.pbes2)
        throw new pbes2_1.UnsupportedError(`its certificates are encrypted with ${oid}, which lint-deploy does not know`);
    const scheme = (0, pbes2_1.pbes2Of)(params);
    return (0, pbes2_1.decipher)(scheme.cipher.name, (0, pbes2_1.pbes2Key)(scheme, password), scheme.iv, data);
}
function bagsOf(safeContents, out) {
    for (const bag of (0, der_1.children)((0, der_1.readDer)(safeContents))) {
        const type = (0, der_1.oidOf)((0, der_1.child)(bag, 0));
        const attributes = (0, der_1.children)(bag)[2];
        const read = { trusted: false };
        for (const attribute of attributes ? (0, der_1.children)(attributes) : []) {
            const attrOid = (0, der_1.oidOf)((0, der_1.child)(attribute, 0));
            const value = (0, der_1.children)((0, der_1.child)(attribute, 1, der_1.TAG.SET))[0];
            if (!value)
                continue;
            if (attrOid === OID.friendlyName && value.tag === der_1.TAG.BMP_STRING && value.content.length % 2 === 0)
                read.alias = friendlyNameText(value.content);
            else if (attrOid === OID.localKeyId && value.tag === der_1.TAG.OCTET_STRING)
                read.localKeyId = value.content.toString('hex');
            else if (attrOid === OID.javaTrustedKeyUsage)
                read.trusted = true;
        }
        if (type === OID.certBag) {
            const certBag = (0, der_1.explicit)((0, der_1.child)(bag, 1), 0);
            if ((0, der_1.oidOf)((0, der_1.child)(certBag, 0)) !== OID.x509Certificate)
                continue;
            out.push({ kind: 'certificate', ...read, der: Buffer.from((0, der_1.octetsOf)((0, der_1.explicit)((0, der_1.child)(certBag, 1), 0))) });
        }
        else if (type === OID.keyBag || type === OID.shroudedKeyBag) {
            out.push({ kind: 'key', ...read });
        }
        else if (type === OID.safeContentsBag) {
            bagsOf((0, der_1.explicit)((0, der_1.child)(bag, 1), 0).raw, out);
        }
    }
}
/** The bags of every ContentInfo, decrypting encrypted ones with `password` (throws when it does not open them). */
function readBags(parsed, password) {
    const bags = [];
    let encrypted = false;
    for (const info of (0, der_1.children)((0, der_1.readDer)(parsed.authSafe))) {
        const type = (0, der_1.oidOf)((0, der_1.child)(info, 0));
        if (type === OID.data) {
            bagsOf((0, der_1.octetsOf)((0, der_1.explicit)((0, der_1.child)(info, 1), 0)), bags);
        }
        else if (type === OID.encryptedData) {
            encrypted = true;
            const encryptedData = (0, der_1.explicit)((0, der_1.child)(info, 1), 0);
            const contentInfo = (0, der_1.child)(encryptedData, 1, der_1.TAG.SEQUENCE);
            const [, algorithm, content] = (0, der_1.children)(contentInfo);
            if (!algorithm || !content)
                continue;
            bagsOf(decrypt(algorithm, ciphertextOf(content), password), bags);
        }
    }
    return { bags, encrypted };
}
/** The cheap password test of the first encrypted content when PBES2 encrypts it (src/parse/keystore/pbes2.ts). */
function firstPbes2PasswordTest(info) {
    try {
        const [, algorithm, content] = (0, der_1.children)((0, der_1.child)((0, der_1.explicit)((0, der_1.child)(info, 1), 0), 1, der_1.TAG.SEQUENCE));
        if (!algorithm || !content || (0, der_1.oidOf)((0, der_1.child)(algorithm, 0)) !== OID.pbes2)
            return undefined;
        return (0, pbes2_1.pbes2PasswordTest)((0, der_1.child)(algorithm, 1, der_1.TAG.SEQUENCE), ciphertextOf(content));
    }
    catch {
        return undefined;
    }
}
/** [0] IMPLICIT OCTET STRING: primitive (0x80) or, in BER, constructed (0xa0) pieces. */
function ciphertextOf(content) {
    return content.tag === 0x80 ? content.content : Buffer.concat((0, der_1.children)(content).map(der_1.octetsOf));
}
/** The first encrypted ContentInfo of the store (its certificates, as keytool and OpenSSL write them), if any. */
function firstEncryptedContent(parsed) {
    try {
        return (0, der_1.children)((0, der_1.readDer)(parsed.authSafe)).find((info) => (0, der_1.oidOf)((0, der_1.child)(info, 0)) === OID.encryptedData);
    }
    catch {
        return undefined;
    }
}
/**
 * Reads the certificates of a PKCS#12 file. Tries reading without a password first (certificates in
 * plain bags), then each candidate in order: with a MAC the password is checked by the MAC before any
 * decryption; without one, a password is right when the decrypted content parses.
 */
function readPkcs12(bytes, candidates, tryNoPassword = true) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let parsed;
    try {
        parsed = parsePfx(buf);
    }
    catch (error) {
        return { ok: false, needsPassword: false, message: messageOf(error) };
    }
    const attempts = [
        ...(tryNoPassword ? [{ password: undefined, kind: 'none' }] : []),
        ...candidates.map((c) => ({ password: c.password, kind: c.kind })),
    ];
    // Certificates in plain bags are read without any password (a MAC, if any, is then not checked: it guards integrity, not secrecy).
    const encryptedContent = firstEncryptedContent(parsed);
    if (!encryptedContent) {
        try {
            return { ok: true, bags: readBags(parsed, undefined).bags, openedWith: 'none', encryptedCertificates: false };
        }
        catch (error) {
            return { ok: false, needsPassword: false, message: messageOf(error) };
        }
    }
    const precheck = parsed.mac ? firstPbes2PasswordTest(encryptedContent) : undefined;
    for (const attempt of attempts) {
        if (precheck && !precheck(attempt.password))
            continue;
        if (parsed.mac && !macMatches(parsed, attempt.password))
            continue;
        try {
            const { bags, encrypted } = readBags(parsed, attempt.password);
            return { ok: true, bags, openedWith: attempt.kind, encryptedCertificates: encrypted };
        }
        catch (error) {
            // With a verified MAC the password is right: a failure is the file's (or an unknown algorithm).
            if (parsed.mac || error instanceof pbes2_1.UnsupportedError)
                return { ok: false, needsPassword: false, message: messageOf(error) };
        }
    }
    return { ok: false, needsPassword: true, message: 'no password tried opens it' };
}
function messageOf(error) {
    if (error instanceof pbes2_1.UnsupportedError)
        return error.message;
    if (error instanceof der_1.DerError)
        return `it is not a well-formed PKCS#12 file (${error.message})`;
    return 'it could not be read';
}
