"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rehash = rehash;
/**
 * H^n(x) for the PKCS#12 key derivation (RFC 7292 B.2), which hashes a digest again up to 100,000 times
 * per password tried: one node:crypto call per round costs ~4 µs, so SHA-1 and SHA-256 rounds on a
 * digest-sized input (always one padded block) run here in plain arithmetic (FIPS 180-4), several times
 * faster. Other hashes use node:crypto. The test compares both ways.
 */
const node_crypto_1 = require("../../core/node-crypto");
const sha256_1 = require("../../core/sha256");
/** SHA-256 of a 32-byte message held as 8 words, in place: one block (message, 0x80, zeros, bit length 256). */
function sha256Round(h, w) {
    // w holds 80 words and h 8: every index below is a loop bound under those lengths (see sha256Compress).
    for (let i = 0; i < 8; i++)
        w[i] = h[i];
    w[8] = 0x80000000;
    for (let i = 9; i < 15; i++)
        w[i] = 0;
    w[15] = 256;
    h.set(sha256_1.SHA256_INITIAL_STATE);
    (0, sha256_1.sha256Compress)(h, w);
}
/**
 * SHA-1 of a 20-byte message held as 5 words, in place: one block (message, 0x80, zeros, bit length 160). Four loops
 * of 20 steps on plain locals, rotations and constants written out: the bundle evaluates this module lazily, so a
 * module-level helper or constant is a mutable binding that the optimizing compiler cannot fold, and a store's MAC
 * can take 100,000 rounds a try (xipki/xipki@10c3450: 27 million rounds in one run; 650 ns a round with them, 220 without).
 */
function sha1Round(h, w) {
    // w holds 80 words and h 5: every index below is a loop bound under those lengths (see sha256Round).
    for (let i = 0; i < 5; i++)
        w[i] = h[i];
    w[5] = -0x80000000;
    for (let i = 6; i < 15; i++)
        w[i] = 0;
    w[15] = 160;
    for (let i = 16; i < 80; i++) {
        const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
        w[i] = (x << 1) | (x >>> 31);
    }
    // The initial state (FIPS 180-4 §5.3.1) as signed words: the same bits, small integers.
    let a = 0x67452301;
    let b = -0x10325477;
    let c = -0x67452302;
    let d = 0x10325476;
    let e = -0x3c2d1e10;
    let t;
    for (let i = 0; i < 20; i++) {
        t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[i]) | 0;
        e = d;
        d = c;
        c = (b << 30) | (b >>> 2);
        b = a;
        a = t;
    }
    for (let i = 20; i < 40; i++) {
        t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[i]) | 0;
        e = d;
        d = c;
        c = (b << 30) | (b >>> 2);
        b = a;
        a = t;
    }
    for (let i = 40; i < 60; i++) {
        t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e - 0x70e44324 + w[i]) | 0;
        e = d;
        d = c;
        c = (b << 30) | (b >>> 2);
        b = a;
        a = t;
    }
    for (let i = 60; i < 80; i++) {
        t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e - 0x359d3e2a + w[i]) | 0;
        e = d;
        d = c;
        c = (b << 30) | (b >>> 2);
        b = a;
        a = t;
    }
    h[0] = (a + 0x67452301) | 0;
    h[1] = (b - 0x10325477) | 0;
    h[2] = (c - 0x67452302) | 0;
    h[3] = (d + 0x10325476) | 0;
    h[4] = (e - 0x3c2d1e10) | 0;
}
/** `digest` hashed `times` more times with `hash` (the digest is that hash's output). */
function rehash(hash, digest, times) {
    const round = hash === 'sha256' && digest.length === 32
        ? sha256Round
        : hash === 'sha1' && digest.length === 20
            ? sha1Round
            : undefined;
    if (!round) {
        let a = digest;
        for (let r = 0; r < times; r++)
            a = (0, node_crypto_1.nodeCrypto)().createHash(hash).update(a).digest();
        return a;
    }
    const words = digest.length / 4;
    // Signed words (see sha256Compress): the same bits, and no heap numbers before the loop is optimised.
    const h = new Int32Array(words);
    for (let i = 0; i < words; i++)
        h[i] = digest.readInt32BE(i * 4);
    const w = new Int32Array(80);
    for (let r = 0; r < times; r++)
        round(h, w);
    const out = Buffer.alloc(digest.length);
    for (const [i, word] of h.entries())
        out.writeInt32BE(word, i * 4);
    return out;
}
