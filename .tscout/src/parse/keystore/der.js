"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TAG = exports.DerError = void 0;
exports.readDer = readDer;
exports.children = children;
exports.child = child;
exports.oidOf = oidOf;
exports.integerOf = integerOf;
exports.octetsOf = octetsOf;
exports.explicit = explicit;
/**
 * A bounds-checked DER reader for the PKCS#12 structures (RFC 7292). Every read checks its lengths
 * against the enclosing element: a malformed store throws `DerError`, which the reader turns into a
 * parse problem (never an out-of-range read, never a crash of the run). PKCS#12 is BER: constructed
 * elements of indefinite length (BouncyCastle writes them, e.g. xipki/xipki's qa/keys/*.p12; OpenJDK 17's
 * keytool reads them) are read up to their end-of-contents octets.
 */
const der_1 = require("../mq/der");
class DerError extends Error {
}
exports.DerError = DerError;
/** How deep indefinite-length elements may nest: PKCS#12 needs a handful; a crafted file must not exhaust the stack. */
const MAX_INDEFINITE_DEPTH = 32;
/** Reads one element at `offset` of `buf`; `end` bounds it (the parent's end). */
function readDer(buf, offset = 0, end = buf.length, depth = 0) {
    if (offset + 2 > end)
        throw new DerError('truncated element');
    // offset + 2 <= end <= buf.length (end is the parent's end inside buf): both header bytes exist.
    const tag = buf[offset];
    if ((tag & 0x1f) === 0x1f)
        throw new DerError('multi-byte tags are not used in PKCS#12');
    let length = buf[offset + 1];
    let header = 2;
    if (length === 0x80)
        return readIndefinite(buf, offset, end, depth);
    if (length & 0x80) {
        const count = length & 0x7f;
        if (count > 4 || offset + 2 + count > end)
            throw new DerError('bad length');
        length = 0;
        for (const byte of buf.subarray(offset + 2, offset + 2 + count))
            length = length * 256 + byte;
        header += count;
    }
    const start = offset + header;
    if (start + length > end)
        throw new DerError('element runs past its container');
    return {
        tag,
        content: buf.subarray(start, start + length),
        raw: buf.subarray(offset, start + length),
        next: start + length,
    };
}
/** A constructed element of indefinite length (BER): its children up to the end-of-contents octets 00 00. */
function readIndefinite(buf, offset, end, depth) {
    const tag = buf[offset];
    if ((tag & 0x20) === 0)
        throw new DerError('indefinite length on a primitive element');
    if (depth >= MAX_INDEFINITE_DEPTH)
        throw new DerError('indefinite-length elements nested too deep');
    const start = offset + 2;
    let at = start;
    for (;;) {
        if (at + 2 > end)
            throw new DerError('indefinite-length element without its end-of-contents');
        if (buf[at] === 0 && buf[at + 1] === 0)
            break;
        at = readDer(buf, at, end, depth + 1).next;
    }
    return { tag, content: buf.subarray(start, at), raw: buf.subarray(offset, at + 2), next: at + 2 };
}
/** The elements inside a constructed element (SEQUENCE, SET, [n]). */
function children(parent) {
    const out = [];
    let at = 0;
    while (at < parent.content.length) {
        const child = readDer(parent.content, at);
        out.push(child);
        at = child.next;
    }
    return out;
}
/** The n-th child, of the expected tag. */
function child(parent, index, tag) {
    const all = children(parent);
    const found = all[index];
    if (!found || (tag !== undefined && found.tag !== tag))
        throw new DerError(`expected tag 0x${(tag ?? 0).toString(16)} at position ${index}`);
    return found;
}
function oidOf(element) {
    if (element.tag !== exports.TAG.OID || element.content.length === 0)
        throw new DerError('expected an OBJECT IDENTIFIER');
    return (0, der_1.decodeOid)(element.content);
}
function integerOf(element) {
    if (element.tag !== exports.TAG.INTEGER || element.content.length === 0 || element.content.length > 6)
        throw new DerError('expected a small INTEGER');
    let value = 0;
    for (const byte of element.content)
        value = value * 256 + byte;
    return value;
}
/** OCTET STRING content; a constructed OCTET STRING (BER, seen in some PKCS#12 files) is concatenated. */
function octetsOf(element) {
    if (element.tag === exports.TAG.OCTET_STRING)
        return element.content;
    if (element.tag === 0x24)
        return Buffer.concat(children(element).map(octetsOf));
    throw new DerError('expected an OCTET STRING');
}
/** The content of an explicit context tag [n]. */
function explicit(element, n) {
    if (element.tag !== (0xa0 | n))
        throw new DerError(`expected [${n}]`);
    return readDer(element.content, 0);
}
exports.TAG = {
    INTEGER: 0x02,
    OCTET_STRING: 0x04,
    NULL: 0x05,
    OID: 0x06,
    BMP_STRING: 0x1e,
    UTF8_STRING: 0x0c,
    SEQUENCE: 0x30,
    SET: 0x31,
};
