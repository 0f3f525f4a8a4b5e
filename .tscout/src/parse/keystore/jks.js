"use strict";
/**
 * JKS and JCEKS reader (the layout of OpenJDK's sun.security.provider.JavaKeyStore and
 * com.sun.crypto.provider.JceKeyStore). Certificates are stored in the clear, so no password is
 * needed: private-key entries are skipped over (never decrypted or kept) and only their certificate
 * chains read. The trailing keyed SHA-1 digest is not checked (that needs the password).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.JCEKS_MAGIC = exports.JKS_MAGIC = void 0;
exports.jksMagic = jksMagic;
exports.readJks = readJks;
exports.JKS_MAGIC = 0xfeedfeed;
exports.JCEKS_MAGIC = 0xcececece;
class Truncated extends Error {
}
class Reader {
    buf;
    at = 0;
    constructor(buf) {
        this.buf = buf;
    }
    need(n) {
        if (n < 0 || this.at + n > this.buf.length)
            throw new Truncated(`the file ends inside an entry (offset ${this.at})`);
    }
    u16() {
        this.need(2);
        const v = this.buf.readUInt16BE(this.at);
        this.at += 2;
        return v;
    }
    u32() {
        this.need(4);
        const v = this.buf.readUInt32BE(this.at);
        this.at += 4;
        return v;
    }
    bytes(n) {
        this.need(n);
        const v = this.buf.subarray(this.at, this.at + n);
        this.at += n;
        return v;
    }
    /** DataOutputStream.writeUTF: a 2-byte length and modified UTF-8 (plain UTF-8 for the usual aliases). */
    utf() {
        return this.bytes(this.u16()).toString('utf8');
    }
}
function jksMagic(bytes) {
    if (bytes.length < 8)
        return undefined;
    // Read from the bytes as they are (every file of a tree is asked: no Buffer view per file).
    const magic = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
    if (magic === exports.JKS_MAGIC)
        return 'JKS';
    if (magic === exports.JCEKS_MAGIC)
        return 'JCEKS';
    return undefined;
}
/** Reads every entry it can; a malformed file gives the entries before the damage and a `problem`. */
function readJks(bytes) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const type = jksMagic(bytes);
    if (!type)
        return { type: 'JKS', entries: [], problem: 'it does not start with the JKS or JCEKS magic number' };
    const r = new Reader(buf);
    const entries = [];
    try {
        r.u32();
        const version = r.u32();
        if (version !== 1 && version !== 2)
            return { type, entries, problem: `its version (${version}) is not 1 or 2` };
        const count = r.u32();
        // Each entry takes at least 14 bytes: a count beyond that is damage, not a reason to loop for long.
        if (count > buf.length / 14)
            return { type, entries, problem: `it claims ${count} entries, more than the file can hold` };
        const certificate = () => {
            if (version === 2)
                r.utf(); // certificate type, "X.509"
            return Buffer.from(r.bytes(r.u32()));
        };
        for (let i = 0; i < count; i++) {
            const tag = r.u32();
            const alias = r.utf();
            r.bytes(8); // creation date
            if (tag === 1) {
                // The protected private key: skipped unread.
                r.bytes(r.u32());
                const chainLength = r.u32();
                if (chainLength > buf.length / 4)
                    throw new Truncated(`entry ${alias} claims ${chainLength} chain certificates`);
                const chain = [];
                for (let c = 0; c < chainLength; c++)
                    chain.push(certificate());
                entries.push({ alias, entry: 'private-key', chain });
            }
            else if (tag === 2) {
                entries.push({ alias, entry: 'trusted-cert', chain: [certificate()] });
            }
            else if (tag === 3 && type === 'JCEKS') {
                // A sealed secret key is a Java-serialised object of no fixed length: the entries after it cannot be found.
                entries.push({ alias, entry: 'secret-key', chain: [] });
                if (i < count - 1)
                    return {
                        type,
                        entries,
                        problem: `entry ${alias} is a secret key (a serialised Java object): the ${count - i - 1} entries after it are not read`,
                    };
            }
            else {
                return { type, entries, problem: `entry ${i + 1} has an unknown type (${tag})` };
            }
        }
    }
    catch (error) {
        if (error instanceof Truncated)
            return { type, entries, problem: error.message };
        throw error;
    }
    return { type, entries };
}
