/**
 * H^n(x) for the PKCS#12 key derivation (RFC 7292 B.2), which hashes a digest again up to 100,000 times
 * per password tried: one node:crypto call per round costs ~4 µs, so SHA-1 and SHA-256 rounds on a
 * digest-sized input (always one padded block) run here in plain arithmetic (FIPS 180-4), several times
 * faster. Other hashes use node:crypto. The test compares both ways.
 */
import { nodeCrypto } from '../../core/node-crypto';
import { SHA256_INITIAL_STATE, sha256Compress } from '../../core/sha256';

const IV1: readonly [number, number, number, number, number] = [
  0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
];

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** SHA-256 of a 32-byte message held as 8 words, in place: one block (message, 0x80, zeros, bit length 256). */
function sha256Round(h: Int32Array, w: Int32Array): void {
  // w holds 80 words and h 8: every index below is a loop bound under those lengths (see sha256Compress).
  for (let i = 0; i < 8; i++) w[i] = h[i]!;
  w[8] = 0x80000000;
  for (let i = 9; i < 15; i++) w[i] = 0;
  w[15] = 256;
  h.set(SHA256_INITIAL_STATE);
  sha256Compress(h, w);
}

/** SHA-1 of a 20-byte message held as 5 words, in place: one block (message, 0x80, zeros, bit length 160). */
function sha1Round(h: Int32Array, w: Int32Array): void {
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
  for (let i = 0; i < 5; i++) h[i] = IV1[i]! + out[i]!;
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
    for (let r = 0; r < times; r++) a = nodeCrypto().createHash(hash).update(a).digest();
    return a;
  }
  const words = digest.length / 4;
  // Signed words (see sha256Compress): the same bits, and no heap numbers before the loop is optimised.
  const h = new Int32Array(words);
  for (let i = 0; i < words; i++) h[i] = digest.readInt32BE(i * 4);
  const w = new Int32Array(80);
  for (let r = 0; r < times; r++) round(h, w);
  const out = Buffer.alloc(digest.length);
  for (const [i, word] of h.entries()) out.writeInt32BE(word, i * 4);
  return out;
}
