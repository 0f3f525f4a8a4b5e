"use strict";
/** Just enough DER to read a certificate's outer signatureAlgorithm OID (node:crypto does not expose it). */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SIGNATURE_OIDS = void 0;
exports.readTlv = readTlv;
exports.decodeOid = decodeOid;
exports.signatureAlgorithmOid = signatureAlgorithmOid;
/** Reads the header at `offset`; throws a RangeError when the buffer ends inside it. */
function readTlv(buf, offset) {
    const tag = buf.readUInt8(offset);
    let length = buf.readUInt8(offset + 1);
    let headerLength = 2;
    if (length & 0x80) {
        const count = length & 0x7f;
        length = 0;
        for (let i = 0; i < count; i++)
            length = length * 256 + buf.readUInt8(offset + 2 + i);
        headerLength += count;
    }
    return { tag, start: offset, headerLength, length };
}
/** An OBJECT IDENTIFIER's content bytes in dotted form (the first byte holds two arcs, the first at most 2). */
function decodeOid(bytes) {
    const [head, ...rest] = bytes;
    if (head === undefined)
        return '';
    const first = Math.min(2, Math.floor(head / 40));
    const parts = [first, head - first * 40];
    let value = 0;
    for (const byte of rest) {
        value = value * 128 + (byte & 0x7f);
        if (!(byte & 0x80)) {
            parts.push(value);
            value = 0;
        }
    }
    return parts.join('.');
}
/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm AlgorithmIdentifier, signatureValue }. */
function signatureAlgorithmOid(der) {
    try {
        const outer = readTlv(der, 0);
        const tbs = readTlv(der, outer.start + outer.headerLength);
        const algId = readTlv(der, tbs.start + tbs.headerLength + tbs.length);
        const oid = readTlv(der, algId.start + algId.headerLength);
        if (oid.tag !== 0x06)
            return undefined;
        return decodeOid(der.subarray(oid.start + oid.headerLength, oid.start + oid.headerLength + oid.length));
    }
    catch {
        return undefined;
    }
}
/** Signature algorithm OIDs in JDK (`jdk.certpath.disabledAlgorithms`) naming. */
exports.SIGNATURE_OIDS = {
    '1.2.840.113549.1.1.4': 'MD5withRSA',
    '1.2.840.113549.1.1.2': 'MD2withRSA',
    '1.2.840.113549.1.1.5': 'SHA1withRSA',
    '1.2.840.113549.1.1.11': 'SHA256withRSA',
    '1.2.840.113549.1.1.12': 'SHA384withRSA',
    '1.2.840.113549.1.1.13': 'SHA512withRSA',
    '1.2.840.113549.1.1.14': 'SHA224withRSA',
    '1.2.840.113549.1.1.10': 'RSASSA-PSS',
    '1.2.840.10045.4.1': 'SHA1withECDSA',
    '1.2.840.10045.4.3.2': 'SHA256withECDSA',
    '1.2.840.10045.4.3.3': 'SHA384withECDSA',
    '1.2.840.10045.4.3.4': 'SHA512withECDSA',
    '1.2.840.10040.4.3': 'SHA1withDSA',
    '2.16.840.1.101.3.4.3.2': 'SHA256withDSA',
    '1.3.101.112': 'Ed25519',
};
