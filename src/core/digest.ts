import * as crypto from 'node:crypto';

/** `crypto.hash` (Node ≥ 20.12) is one call; older Node 20 builds a Hash object each time (@types/node declares it always). */
const oneShot: typeof crypto.hash | undefined = 'hash' in crypto ? crypto.hash : undefined;

/** The digest of bytes or of a string's UTF-8, as `createHash(algorithm).update(data).digest(encoding)` gives it. */
export function digest(algorithm: string, data: Buffer | string, encoding: 'hex' | 'base64'): string {
  return oneShot ? oneShot(algorithm, data, encoding) : crypto.createHash(algorithm).update(data).digest(encoding);
}
