/**
 * Signer certificates IBM's key database tools add to a CMS key database by themselves (data/gskit-signers.json):
 * GSKit's vendor roots, which the deployment did not choose, as a JDK's cacerts holds its vendor's.
 */
import data from './data/gskit-signers.json';

const FINGERPRINTS = new Set(data.signers.map((s) => s.sha256));

/** Whether a certificate (its SHA-256 fingerprint, hex with or without colons) is one GSKit's tools add by themselves. */
export function isGskitDefaultSigner(fingerprintSha256: string): boolean {
  return FINGERPRINTS.has(fingerprintSha256.replace(/:/g, '').toLowerCase());
}
