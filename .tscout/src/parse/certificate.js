"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnreadCertificate = void 0;
exports.describeCertificate = describeCertificate;
exports.describeOnce = describeOnce;
exports.parseNodeDn = parseNodeDn;
exports.subjectLabel = subjectLabel;
exports.formatDn = formatDn;
exports.spkiHash = spkiHash;
const node_crypto_1 = require("../core/node-crypto");
const der_1 = require("./mq/der");
const x509_extensions_1 = require("./x509-extensions");
/**
 * A DER certificate (from a key store) or a decoded X509Certificate, described like a PEM block.
 * Throws on an invalid certificate, as X509Certificate does.
 */
function describeCertificate(cert, range) {
    if (cert instanceof (0, node_crypto_1.nodeCrypto)().X509Certificate)
        return describeRead(cert, range);
    const key = `der:${cert.toString('base64')}`;
    let described = describedByPem.get(key);
    if (!described) {
        described = describeRead(new ((0, node_crypto_1.nodeCrypto)().X509Certificate)(cert), range);
        remember(key, described);
    }
    return { ...described, range };
}
/**
 * Thrown for a certificate OpenSSL reads but whose fields lint-deploy could not take (a public key algorithm Node's
 * crypto does not load: a post-quantum or GOST key where Node's OpenSSL lacks it): sound as far as anyone knows, so
 * unknown, never "not valid".
 */
class UnreadCertificate extends Error {
}
exports.UnreadCertificate = UnreadCertificate;
/** describe(), its failures on a certificate the X.509 reader took thrown as UnreadCertificate. */
function describeRead(cert, range) {
    try {
        return describe(cert, range);
    }
    catch {
        throw new UnreadCertificate('certificate fields not read');
    }
}
/**
 * Fleets copy the same CA and partner certificates into every environment: decoding a certificate
 * (X509Certificate + key details) was a third of parsing on a 2,000-environment fleet, so the
 * description is memoised by the PEM block's text (bounded; only `range` differs per file).
 * Invalid certificates are not memoised: they throw, as before.
 */
const describedByPem = new Map();
function describeOnce(pem, range) {
    let described = describedByPem.get(pem);
    if (!described) {
        described = describeRead(new ((0, node_crypto_1.nodeCrypto)().X509Certificate)(pem), range);
        remember(pem, described);
    }
    return { ...described, range };
}
function remember(key, described) {
    if (describedByPem.size >= 2000)
        describedByPem.clear();
    describedByPem.set(key, described);
}
function describe(cert, range) {
    const key = cert.publicKey;
    const details = key.asymmetricKeyDetails ?? {};
    const type = key.asymmetricKeyType;
    const keyType = type === 'rsa' || type === 'rsa-pss'
        ? 'RSA'
        : type === 'ec'
            ? 'EC'
            : type === 'dsa'
                ? 'DSA'
                : type === 'ed25519'
                    ? 'Ed25519'
                    : 'unknown';
    const curve = details.namedCurve;
    const keyBits = details.modulusLength ?? (curve ? curveBits(curve) : undefined);
    const oid = (0, der_1.signatureAlgorithmOid)(cert.raw);
    const san = cert.subjectAltName ?? '';
    const ext = (0, x509_extensions_1.readExtensions)(cert.raw);
    const sanParts = san.split(/,\s*/).filter(Boolean);
    return {
        range,
        subject: parseNodeDn(cert.subject),
        issuer: parseNodeDn(cert.issuer),
        subjectText: formatDn(parseNodeDn(cert.subject)),
        issuerText: formatDn(parseNodeDn(cert.issuer)),
        dnsNames: sanParts.filter((p) => p.startsWith('DNS:')).map((p) => p.slice(4)),
        ipAddresses: sanParts.filter((p) => p.startsWith('IP Address:')).map((p) => p.slice(11)),
        notBefore: new Date(cert.validFrom),
        notAfter: new Date(cert.validTo),
        keyType,
        keyBits,
        curve,
        signatureAlgorithm: (oid && der_1.SIGNATURE_OIDS[oid]) ?? oid ?? 'unknown',
        fingerprintSha256: cert.fingerprint256,
        publicKeySha256: spkiHash(key.export({ type: 'spki', format: 'der' })),
        serialNumber: cert.serialNumber,
        selfSigned: selfSigned(cert, ext, oid),
        isCa: cert.ca,
        ...(ext.keyUsage ? { keyUsage: ext.keyUsage } : {}),
        ...(ext.extKeyUsage ? { extKeyUsage: ext.extKeyUsage } : {}),
        ...(ext.pathLen !== undefined ? { pathLen: ext.pathLen } : {}),
        ...(ext.subjectKeyId ? { subjectKeyId: ext.subjectKeyId } : {}),
        ...(ext.authorityKeyId ? { authorityKeyId: ext.authorityKeyId } : {}),
        derBase64: cert.raw.toString('base64'),
    };
}
/**
 * Self-signed (RFC 5280 §3.2): issued by itself, its signature verifiable with its own key. A subject equal to the
 * issuer is not enough: `openssl req` with every prompt left at its default gives a CA and the leaves it signs the same
 * DN (CrowdSalat/boilerplate@fad7d32's server.crt, whose authority key id names ca.pem's key). A key id pair that
 * disagrees, or a signature the certificate's own key does not verify, says another key signed it.
 */
function selfSigned(cert, ext, signatureOid) {
    if (cert.subject !== cert.issuer)
        return false;
    if (ext.subjectKeyId && ext.authorityKeyId && ext.subjectKeyId !== ext.authorityKeyId)
        return false;
    // A signature algorithm this OpenSSL cannot check: the names decide. OpenSSL 3 has no MD2 or MD4, and Node's
    // verify() then answers false rather than throwing: apache/activemq@c3580e7's broker1.ks (2012, MD2withRSA,
    // subject = issuer) was judged a CA-issued leaf.
    if (signatureOid && !digestAvailable(signatureOid))
        return true;
    try {
        return cert.verify(cert.publicKey);
    }
    catch {
        return true;
    }
}
/** PKCS #1 signature algorithms whose digest an OpenSSL build may lack (RFC 8017 A.2.4: md2WithRSAEncryption, md4…). */
const LEGACY_DIGESTS = {
    '1.2.840.113549.1.1.2': 'md2',
    '1.2.840.113549.1.1.3': 'md4',
};
function digestAvailable(signatureOid) {
    const digest = LEGACY_DIGESTS[signatureOid];
    if (!digest)
        return true;
    try {
        (0, node_crypto_1.nodeCrypto)().createHash(digest);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Node prints a DN one attribute per line in encoding order (C first); MQ and RFC 4514 print it reversed. An empty DN
 * (RFC 5280 §4.1.2.6: the identity is then in a critical subjectAltName, as cert-manager issues a Certificate without
 * commonName) Node gives as `undefined`, not `''`: it is a DN of no attributes.
 */
function parseNodeDn(text) {
    return (text ?? '')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
        const eq = line.indexOf('=');
        return { type: line.slice(0, eq).toUpperCase(), value: line.slice(eq + 1) };
    })
        .reverse();
}
/** The subject as messages print it: an empty DN by the names of its subjectAltName, which carries the identity then. */
function subjectLabel(c) {
    if (c.subjectText)
        return c.subjectText;
    const names = [...c.dnsNames.map((n) => `DNS:${n}`), ...c.ipAddresses.map((n) => `IP:${n}`)];
    return names.length ? `(empty subject; ${names.join(', ')})` : '(empty subject)';
}
function formatDn(dn) {
    return dn.map((a) => `${a.type}=${a.value}`).join(',');
}
function spkiHash(der) {
    return (0, node_crypto_1.nodeCrypto)().createHash('sha256').update(der).digest('hex');
}
function curveBits(curve) {
    const m = /(\d{3})/.exec(curve);
    return m ? Number(m[1]) : undefined;
}
