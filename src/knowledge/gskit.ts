/**
 * Signer certificates IBM's key database tools add to a CMS key database by themselves (data/gskit-signers.json):
 * GSKit's vendor roots, which the deployment did not choose, as a JDK's cacerts holds its vendor's.
 */
import { lazy } from '../core/lazy';

type GskitSignersData = typeof import('./data/gskit-signers.json');
/** Read on first use, when a CMS key database is read (a chunk of its own, scripts/build.mjs; docs/performance.md). */
const fingerprints = lazy(
  () => new Set((require('./data/gskit-signers.json') as GskitSignersData).signers.map((s) => s.sha256)),
);

/** Whether a certificate (its SHA-256 fingerprint, hex with or without colons) is one GSKit's tools add by themselves. */
export function isGskitDefaultSigner(fingerprintSha256: string): boolean {
  return fingerprints().has(fingerprintSha256.replace(/:/g, '').toLowerCase());
}
