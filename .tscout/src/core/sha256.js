"use strict";
/**
 * SHA-256 (FIPS 180-4) in plain arithmetic, for two callers that are better without node:crypto: the findings'
 * fingerprints (`sha256Hex`: a run with no certificate or key store then never loads node:crypto, see
 * src/core/node-crypto.ts) and the PKCS#12 key derivation's 100,000 rounds on one block (src/parse/keystore/
 * iterated-hash.ts: one node:crypto call per round costs more than the round). test/core/sha256.test.ts and
 * test/parse/keystore tests check both against node:crypto (OpenSSL).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.SHA256_INITIAL_STATE = void 0;
exports.sha256Compress = sha256Compress;
exports.sha256Hex = sha256Hex;
const K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
]);
/** SHA-256's initial hash value (FIPS 180-4 §5.3.3). */
exports.SHA256_INITIAL_STATE = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
/**
 * One block of SHA-256 into `state` (8 words), in place: `w` (64 words) holds the block's 16 words on entry and
 * its message schedule after. Every index below is a loop bound under those lengths, so the reads are `!` (the
 * key derivation runs this up to 100,000 times per password tried: no checks in it). The words are Int32Arrays:
 * a word read from a Uint32Array at or above 2^31 is a heap number in bytecode that has not been optimised yet (a
 * one-deployment run hashes its findings' fingerprints cold: 200 KB of garbage), a signed one is a small integer;
 * the arithmetic is the same modulo 2^32.
 */
function sha256Compress(state, w) {
    for (let t = 16; t < 64; t++) {
        const x = w[t - 15];
        const y = w[t - 2];
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    let a = state[0];
    let b = state[1];
    let c = state[2];
    let d = state[3];
    let e = state[4];
    let f = state[5];
    let g = state[6];
    let h = state[7];
    for (let t = 0; t < 64; t++) {
        const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const temp1 = (h + s1 + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
        const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const temp2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + temp1) | 0;
        d = c;
        c = b;
        b = a;
        a = (temp1 + temp2) | 0;
    }
    // Int32Array stores each sum modulo 2^32.
    state[0] = state[0] + a;
    state[1] = state[1] + b;
    state[2] = state[2] + c;
    state[3] = state[3] + d;
    state[4] = state[4] + e;
    state[5] = state[5] + f;
    state[6] = state[6] + g;
    state[7] = state[7] + h;
}
/** SHA-256 of a string's UTF-8 bytes, in hex (what `createHash('sha256').update(text).digest('hex')` gives). */
function sha256Hex(text) {
    // The message, a 1 bit, zeros, and the length in bits as 64 bits: a whole number of 64-byte blocks.
    const length = Buffer.byteLength(text, 'utf8');
    const padded = Buffer.alloc(Math.ceil((length + 9) / 64) * 64);
    padded.write(text, 'utf8');
    padded[length] = 0x80;
    padded.writeUInt32BE(Math.floor(length / 0x20000000), padded.length - 8);
    padded.writeUInt32BE((length * 8) >>> 0, padded.length - 4);
    const state = Int32Array.from(exports.SHA256_INITIAL_STATE);
    const w = new Int32Array(64);
    for (let offset = 0; offset < padded.length; offset += 64) {
        // Big-endian words by hand: Buffer's readInt32BE is wrapped by Node in a function that collects its arguments
        // in a new array on every call (~26 KB of garbage per cold run).
        for (let t = 0, at = offset; t < 16; t++, at += 4)
            w[t] = (padded[at] << 24) | (padded[at + 1] << 16) | (padded[at + 2] << 8) | padded[at + 3];
        sha256Compress(state, w);
    }
    let hex = '';
    for (let i = 0; i < 8; i++)
        hex += (state[i] >>> 0).toString(16).padStart(8, '0');
    return hex;
}
