/**
 * H^n(x) for the PKCS#12 key derivation (RFC 7292 B.2), which hashes a digest again up to 100,000 times
 * per password tried: one node:crypto call per round costs ~4 µs, so SHA-1 and SHA-256 rounds on a
 * digest-sized input (always one padded block) run here in plain arithmetic (FIPS 180-4), several times
 * faster. Other hashes use node:crypto. The test compares both ways.
 */
import { createHash } from 'node:crypto';

const K256 = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const IV256: readonly [number, number, number, number, number, number, number, number] = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
const IV1: readonly [number, number, number, number, number] = [
  0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
];

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** SHA-256 of a 32-byte message held as 8 words, in place: one block (message, 0x80, zeros, bit length 256). */
function sha256Round(h: Uint32Array, w: Uint32Array): void {
  // w holds 64 words (80 allocated), h 8 and K256 64: every index below is a loop bound under those
  // lengths, so the reads are `!` (this loop runs up to 100,000 times per password: no checks in it).
  for (let i = 0; i < 8; i++) w[i] = h[i]!;
  w[8] = 0x80000000;
  for (let i = 9; i < 15; i++) w[i] = 0;
  w[15] = 256;
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15]!;
    const w2 = w[i - 2]!;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let [a, b, c, d, e, f, g, hh] = IV256;
  for (let i = 0; i < 64; i++) {
    const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i]! + w[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  const out = [a, b, c, d, e, f, g, hh] as const;
  for (let i = 0; i < 8; i++) h[i] = (IV256[i]! + out[i]!) >>> 0;
}

/** SHA-1 of a 20-byte message held as 5 words, in place: one block (message, 0x80, zeros, bit length 160). */
function sha1Round(h: Uint32Array, w: Uint32Array): void {
  // w holds 80 words and h 5: every index below is a loop bound under those lengths (see sha256Round).
  for (let i = 0; i < 5; i++) w[i] = h[i]!;
  w[5] = 0x80000000;
  for (let i = 6; i < 15; i++) w[i] = 0;
  w[15] = 160;
  for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
  let [a, b, c, d, e] = IV1;
  for (let i = 0; i < 80; i++) {
    const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
    const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
    const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
    e = d;
    d = c;
    c = rotl(b, 30);
    b = a;
    a = t;
  }
  const out = [a, b, c, d, e] as const;
  for (let i = 0; i < 5; i++) h[i] = (IV1[i]! + out[i]!) >>> 0;
}

/** `digest` hashed `times` more times with `hash` (the digest is that hash's output). */
export function rehash(hash: string, digest: Buffer, times: number): Buffer {
  const round =
    hash === 'sha256' && digest.length === 32
      ? sha256Round
      : hash === 'sha1' && digest.length === 20
        ? sha1Round
        : undefined;
  if (!round) {
    let a = digest;
    for (let r = 0; r < times; r++) a = createHash(hash).update(a).digest();
    return a;
  }
  const words = digest.length / 4;
  const h = new Uint32Array(words);
  for (let i = 0; i < words; i++) h[i] = digest.readUInt32BE(i * 4);
  const w = new Uint32Array(80);
  for (let r = 0; r < times; r++) round(h, w);
  const out = Buffer.alloc(digest.length);
  for (const [i, word] of h.entries()) out.writeUInt32BE(word, i * 4);
  return out;
}
