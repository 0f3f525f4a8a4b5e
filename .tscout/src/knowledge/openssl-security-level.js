"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CIPHER_LEVEL_SINCE = void 0;
exports.levelRefusal = levelRefusal;
exports.dhLevelRefusal = dhLevelRefusal;
exports.verifyErrorOf = verifyErrorOf;
exports.securityLevelSource = securityLevelSource;
exports.defaultLevelsUnnamed = defaultLevelsUnnamed;
exports.cipherLevelAppliesToCertificates = cipherLevelAppliesToCertificates;
/**
 * OpenSSL security levels (data/openssl-servers.json `securityLevels`): what a level refuses when a certificate, its
 * chain or DH parameters are loaded into an SSL_CTX (ssl_security_cert, SSL_CTX_set0_tmp_dh_pkey) and when a peer's
 * chain is verified; and the level an image's libssl starts at (its compiled-in default or the system openssl.cnf).
 */
const openssl_servers_json_1 = __importDefault(require("./data/openssl-servers.json"));
const LEVELS = openssl_servers_json_1.default.securityLevels.value;
const LEVEL_SOURCES = openssl_servers_json_1.default.securityLevelSources;
function row(level) {
    // Level 0 permits everything (no row); above the last row OpenSSL treats the level as the last.
    return LEVELS.find((r) => r.level === Math.min(level, LEVELS.length));
}
/** The security bits OpenSSL counts for a signature with this digest, by series (SHA-1: 63 in 3.x, 80 in 1.1.x). */
function digestBits(facts, algorithm) {
    const digest = /^(MD5|SHA1|SHA224|SHA256|SHA384|SHA512)with/i.exec(algorithm)?.[1]?.toUpperCase();
    if (!digest)
        return undefined;
    const known = facts.digestSecurityBits?.[digest];
    if (known !== undefined)
        return { digest, bits: known };
    const size = Number(/\d+$/.exec(digest)?.[0]);
    return Number.isFinite(size) && size > 1 ? { digest, bits: size / 2 } : undefined;
}
/**
 * What `level` refuses of one certificate loaded into an SSL_CTX (nginx's ssl_certificate / proxy_ssl_certificate:
 * the leaf through SSL_CTX_use_certificate, the rest of the file through SSL_CTX_set0_chain) or verified in a peer's
 * chain: its key size, and the digest of its signature unless it is self-signed. undefined when it passes or the
 * series has no security levels (1.0.2).
 */
function levelRefusal(facts, level, cert, position) {
    const want = row(level);
    if (!want || facts.cipherStringCommands.every((c) => c !== 'SECLEVEL'))
        return undefined;
    const bits = cert.keyBits;
    const min = cert.keyType === 'RSA' || cert.keyType === 'DSA' ? want.rsaBits : cert.keyType === 'EC' ? want.eccBits : undefined;
    if (bits !== undefined && min !== undefined && bits < min)
        return {
            reason: position === 'leaf' ? 'ee key too small' : 'ca key too small',
            detail: `a ${bits}-bit ${cert.keyType} key; level ${level} needs ${min} bits`,
        };
    const signature = cert.selfSigned ? undefined : digestBits(facts, cert.signatureAlgorithm);
    if (signature && signature.bits < want.bits)
        return {
            reason: 'ca md too weak',
            detail: `a ${signature.digest}-signed certificate (${signature.bits} security bits); level ${level} needs ${want.bits}`,
        };
    return undefined;
}
/** What `level` refuses of DH parameters (SSL_CTX_set_tmp_dh, nginx's ssl_dhparam): a prime below its RSA size. */
function dhLevelRefusal(facts, level, bits) {
    const want = row(level);
    if (!want || bits >= want.rsaBits || facts.cipherStringCommands.every((c) => c !== 'SECLEVEL'))
        return undefined;
    return { reason: 'dh key too small', detail: `${bits}-bit DH parameters; level ${level} needs ${want.rsaBits} bits` };
}
/** The X509 verify error (`66:EE certificate key too weak`) a verifying peer reports for a refusal reason. */
function verifyErrorOf(reason) {
    const errors = openssl_servers_json_1.default.securityLevels.verifyErrors;
    return errors[reason];
}
/** The public source of an image row's security level (openssl-servers.json securityLevelSources). */
function securityLevelSource(key) {
    const found = LEVEL_SOURCES[key];
    if (!found)
        throw new Error(`knowledge openssl-servers.json: no securityLevelSources.${key}`);
    return found;
}
/**
 * The default levels an OpenSSL the tree does not name may start at: 1 (upstream 1.1.1 to 3.1, Alpine's builds of
 * them) and 2 (upstream 3.2 and later, Debian's and Ubuntu's builds), with why.
 */
function defaultLevelsUnnamed() {
    const byLevel = new Map();
    for (const d of openssl_servers_json_1.default.images.distributions) {
        if (d.securityLevel === undefined)
            continue;
        const who = byLevel.get(d.securityLevel) ?? new Set();
        who.add(d.image);
        byLevel.set(d.securityLevel, who);
    }
    return [...byLevel.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([level, who]) => ({ level, who: [...who].join(', ') }));
}
/** The nginx release from which @SECLEVEL of the cipher string applies to loading certificates. */
exports.CIPHER_LEVEL_SINCE = openssl_servers_json_1.default.nginx.cipherLevelBeforeCertificates.since;
/**
 * Whether `@SECLEVEL` of nginx's cipher string applies when its certificates are loaded: from the release that sets
 * the ciphers first (1.21.2). undefined when the release is unknown or a minor release that spans the change.
 */
function cipherLevelAppliesToCertificates(release) {
    if (!release)
        return undefined;
    const since = openssl_servers_json_1.default.nginx.cipherLevelBeforeCertificates.since.split('.').map(Number);
    const parts = release.split('.').map(Number);
    for (let i = 0; i < since.length; i++) {
        const have = parts[i];
        const want = since[i] ?? 0;
        // `1.21` stands for 1.21.0 to 1.21.6: on either side of 1.21.2.
        if (have === undefined)
            return undefined;
        if (have !== want)
            return have > want;
    }
    return true;
}
