/**
 * Whether an IBM MQ queue manager of a given release knows a CipherSpec name (mq.json `cipherSpecs[].introducedIn`):
 * the alias CipherSpecs (ANY_TLS12_OR_HIGHER…) and the TLS 1.3 specs came with 9.1.4, so a 9.1.0 or 9.0 queue manager
 * refuses an SSLCIPH naming one. The comparison lives here, the releases in data.
 */
import { findCipherSpec } from './mq';
import { compareMqReleases } from './mq-releases';

/** Whether a release knows a CipherSpec name, with the data behind it. */
export interface MqIntroducedState {
  /** `yes`: it knows the name; `no`: it is older than the release that introduced it; `unknown`: no release, or one the sources leave unsettled. */
  known: 'yes' | 'no' | 'unknown';
  since: string;
  source: string;
  confidence: 'verified' | 'inferred';
}

const RELEASE = /^\d+\.\d+\.\d+(\.\d+)?$/;

/**
 * Whether a queue manager of `release` (V.R.M.F; undefined when the tree does not say) knows CipherSpec `name`.
 * Undefined for a name every release the data covers knows, or an unknown name.
 */
export function mqCipherSpecKnownIn(name: string, release: string | undefined): MqIntroducedState | undefined {
  const data = findCipherSpec(name)?.introducedIn;
  if (!data) return undefined;
  const base = { since: data.since, source: data.source, confidence: data.confidence };
  if (!release || !RELEASE.test(release)) return { known: 'unknown', ...base };
  if (compareMqReleases(release, data.since) >= 0) return { known: 'yes', ...base };
  if (data.unsettledFrom && compareMqReleases(release, data.unsettledFrom) >= 0) return { known: 'unknown', ...base };
  return { known: 'no', ...base };
}
