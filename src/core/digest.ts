import { nodeCrypto } from './node-crypto';

/** The digest of bytes or of a string's UTF-8, as `createHash(algorithm).update(data).digest(encoding)` gives it. */
export function digest(algorithm: string, data: Buffer | string, encoding: 'hex' | 'base64'): string {
  const crypto = nodeCrypto();
  // `crypto.hash` (Node ≥ 20.12) is one call; older Node 20 builds a Hash object each time (@types/node declares it always).
  const oneShot = crypto.hash as typeof crypto.hash | undefined;
  return oneShot ? oneShot(algorithm, data, encoding) : crypto.createHash(algorithm).update(data).digest(encoding);
}
