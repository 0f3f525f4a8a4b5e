"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readExtensions = readExtensions;
/**
 * The X.509 v3 extensions path validation needs and node:crypto does not expose as data: key usage bits,
 * extended key usage, basicConstraints pathLen, subject and authority key identifiers (RFC 5280 4.2.1).
 */
const der_1 = require("./mq/der");
const KEY_USAGE_BITS = [
    'digitalSignature',
    'nonRepudiation',
    'keyEncipherment',
    'dataEncipherment',
    'keyAgreement',
    'keyCertSign',
    'cRLSign',
    'encipherOnly',
    'decipherOnly',
];
const EKU_NAMES = {
    '1.3.6.1.5.5.7.3.1': 'serverAuth',
    '1.3.6.1.5.5.7.3.2': 'clientAuth',
    '1.3.6.1.5.5.7.3.3': 'codeSigning',
    '1.3.6.1.5.5.7.3.4': 'emailProtection',
    '1.3.6.1.5.5.7.3.8': 'timeStamping',
    '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
    '2.5.29.37.0': 'anyExtendedKeyUsage',
};
function children(der, parent) {
    const out = [];
    const end = parent.start + parent.headerLength + parent.length;
    for (let offset = parent.start + parent.headerLength; offset < end;) {
        const tlv = (0, der_1.readTlv)(der, offset);
        out.push(tlv);
        offset = tlv.start + tlv.headerLength + tlv.length;
    }
    return out;
}
const content = (der, t) => der.subarray(t.start + t.headerLength, t.start + t.headerLength + t.length);
/** Reads the extensions of a DER certificate; a malformed extension is left out (never throws). */
function readExtensions(der) {
    const out = {};
    try {
        const tbs = (0, der_1.readTlv)(der, (0, der_1.readTlv)(der, 0).headerLength);
        const wrapper = children(der, tbs).find((t) => t.tag === 0xa3);
        if (!wrapper)
            return out;
        const list = children(der, wrapper)[0];
        if (!list)
            return out;
        for (const ext of children(der, list)) {
            const parts = children(der, ext);
            const [first] = parts;
            const last = parts.at(-1);
            if (!first || !last)
                continue;
            const oid = (0, der_1.decodeOid)(content(der, first));
            const value = content(der, last);
            try {
                readOne(oid, value, out);
            }
            catch {
                // a malformed extension: left out, the rest is still read
            }
        }
    }
    catch {
        // not DER we can walk: no extensions known
    }
    return out;
}
function readOne(oid, value, out) {
    const inner = (0, der_1.readTlv)(value, 0);
    if (oid === '2.5.29.15' && inner.tag === 0x03) {
        const bits = content(value, inner);
        const names = [];
        for (const [i, name] of KEY_USAGE_BITS.entries()) {
            const byte = bits[1 + (i >> 3)];
            if (byte !== undefined && byte & (0x80 >> (i & 7)))
                names.push(name);
        }
        out.keyUsage = names;
    }
    else if (oid === '2.5.29.37' && inner.tag === 0x30) {
        out.extKeyUsage = children(value, inner).map((t) => {
            const o = (0, der_1.decodeOid)(content(value, t));
            return EKU_NAMES[o] ?? o;
        });
    }
    else if (oid === '2.5.29.19' && inner.tag === 0x30) {
        out.basicConstraintsCa = false;
        for (const t of children(value, inner)) {
            if (t.tag === 0x01)
                out.basicConstraintsCa = content(value, t)[0] !== 0;
            else if (t.tag === 0x02)
                out.pathLen = [...content(value, t)].reduce((n, b) => n * 256 + b, 0);
        }
    }
    else if (oid === '2.5.29.14' && inner.tag === 0x04) {
        out.subjectKeyId = content(value, inner).toString('hex');
    }
    else if (oid === '2.5.29.35' && inner.tag === 0x30) {
        const keyId = children(value, inner).find((t) => t.tag === 0x80);
        if (keyId)
            out.authorityKeyId = content(value, keyId).toString('hex');
    }
}
