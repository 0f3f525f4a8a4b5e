"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readCms = readCms;
/**
 * IBM CMS key databases (.kdb: GSKit, used by IBM MQ, IBM HTTP Server and the WebSphere web server plug-in). IBM does
 * not document the format; this reader takes only what real files show, and reads a file only when every part of it
 * has that shape (otherwise nothing: its certificates stay unknown, never half-read).
 *
 * Layout, as eight real files have it (version 3: lchudinov/tls-examples@85b37a1 key.kdb, made by z/OS gskkyman;
 * version 4, "GSKit CMS V4": ibm-messaging/mq-helm@d218ef6 samples/genericresources/createcerts/{server,application}.kdb,
 * made by runmqckm as its generate-test-cert.sh says, alexandrezanetti/claro@94770c8, robert0714/
 * vagrant_ihs_liberty_sticky-session@9164e7b, desamsett/bank@d02bdcc): a header that starts `37 48 vv 02 00 00 00 00`
 * `X509KEY\0`, then the record length (u32, big-endian: 5000, gskkyman's "database record length") and the record
 * count (u32), and integrity data — 80 bytes in all for version 3, 88 for version 4; then `count` slots of the record
 * length, each `u32 1, u32 record id, u32 length` and a DER record of that length: SEQUENCE { INTEGER id, [1]
 * Certificate (a signer certificate) | [2] SEQUENCE { Certificate, EncryptedPrivateKeyInfo } (a personal certificate
 * and its key), VisibleString label, BIT STRING flags }. Every record of those files has the flags `07 80` (one bit
 * set); what other flags mean (a signer whose trust is disabled?) is not known, so a record with others is not read.
 * Certificates are stored in clear (the stash file's password protects the private keys and the file's integrity,
 * not them); the private key is never read here.
 */
const der_1 = require("./der");
const MAGIC = Buffer.from('X509KEY\0', 'latin1');
/** The header's length by format version, as the files above have it. */
const HEADER_BY_VERSION = { 3: 80, 4: 88 };
const VISIBLE_STRING = 0x1a;
const BIT_STRING = 0x03;
/** The only record flags seen (every record of every file above). */
const SEEN_FLAGS = Buffer.from([0x07, 0x80]);
const u32 = (bytes, at) => bytes.readUInt32BE(at);
/** One record's certificate and label: a DerError when it is not of the shape above. */
function recordOf(record) {
    if (record.tag !== 0x30)
        throw new der_1.DerError('a record is not a SEQUENCE');
    const parts = (0, der_1.children)(record);
    const [id, body, label, flags] = parts;
    if (id?.tag !== 0x02 || !body || label?.tag !== VISIBLE_STRING || flags?.tag !== BIT_STRING || parts.length !== 4)
        throw new der_1.DerError('a record of another shape');
    // Other flags may mean another trust (a signer GSKit does not trust): unknown, so the file is not read.
    if (!flags.content.equals(SEEN_FLAGS))
        throw new der_1.DerError(`a record's flags (${flags.content.toString('hex')}) are unknown`);
    const named = { label: label.content.toString('latin1') };
    if (body.tag === 0xa1) {
        const certificate = (0, der_1.readDer)(body.content, 0);
        if (certificate.tag !== 0x30 || certificate.next !== body.content.length)
            throw new der_1.DerError('a signer record of another shape');
        return { ...named, kind: 'signer', certificate: certificate.raw };
    }
    if (body.tag === 0xa2) {
        const pair = (0, der_1.readDer)(body.content, 0);
        const [certificate, key] = pair.tag === 0x30 ? (0, der_1.children)(pair) : [];
        if (certificate?.tag !== 0x30 || key?.tag !== 0x30)
            throw new der_1.DerError('a personal record of another shape');
        return { ...named, kind: 'personal', certificate: certificate.raw };
    }
    throw new der_1.DerError('a record of an unknown kind');
}
/** The records of a CMS key database, or why it is not read (a layout other than the one above). */
function readCms(bytes) {
    const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const header = HEADER_BY_VERSION[file[2] ?? 0];
    if (file.length < 24 || file[0] !== 0x37 || file[1] !== 0x48 || !header || !file.subarray(8, 16).equals(MAGIC))
        return { ok: false, problem: 'its header is not that of the CMS key databases lint-deploy reads' };
    const size = u32(file, 16);
    const count = u32(file, 20);
    if (size < 16 || file.length !== header + count * size)
        return { ok: false, problem: 'its length does not match the record length and count its header gives' };
    const records = [];
    try {
        for (let slot = 0; slot < count; slot++) {
            const at = header + slot * size;
            const length = u32(file, at + 8);
            // A slot that is not in use (a deleted record: not seen) would make the rest uncertain.
            if (u32(file, at) !== 1 || length > size - 12)
                return { ok: false, problem: `record ${slot + 1} is not in use` };
            const record = (0, der_1.readDer)(file, at + 12, at + 12 + length);
            if (record.next !== at + 12 + length)
                throw new der_1.DerError('a record shorter than its length');
            records.push(recordOf(record));
        }
    }
    catch (error) {
        if (error instanceof der_1.DerError)
            return { ok: false, problem: error.message };
        throw error;
    }
    return { ok: true, records };
}
