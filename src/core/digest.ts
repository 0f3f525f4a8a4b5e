import * as crypto from 'node:crypto';

type OneShot = (algorithm: string, data: Buffer | string, encoding: 'hex' | 'base64') => string;
/** `crypto.hash` (Node ≥ 20.12) is one call; older Node 20 builds a Hash object each time. */
const oneShot = (crypto as unknown as { hash?: OneShot }).hash;

/** The digest of bytes or of a string's UTF-8, as `createHash(algorithm).update(data).digest(encoding)` gives it. */
export function digest(algorithm: string, data: Buffer | string, encoding: 'hex' | 'base64'): string {
  return oneShot ? oneShot(algorithm, data, encoding) : crypto.createHash(algorithm).update(data).digest(encoding);
}
