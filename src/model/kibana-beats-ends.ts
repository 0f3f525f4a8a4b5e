/**
 * What ./kibana-beats.ts and ./kibana-compose.ts share: the hosts a client calls, its certificate check as written, and
 * the ends whose PEM files the certificate rules judge.
 */
import type { Location } from '../core/types';
import type { ElasticStackClient, ElasticVerification, KibanaServerRecord } from './kibana-beats-records';
import type { StoreRef, TlsImplementation, UnlinkedEnd } from './types';
import { RUN_TIME } from './elastic-host-word';

const MODES = new Set(['none', 'certificate', 'full', 'strict']);

/** What the files of a deployment give. */
export interface Recorded {
  clients: ElasticStackClient[];
  servers: KibanaServerRecord[];
  ends: UnlinkedEnd[];
}

export function verificationOf(setting: string, at: Location, value: string): ElasticVerification {
  const mode = value.trim().toLowerCase();
  return {
    mode: MODES.has(mode) && !RUN_TIME.test(value) ? (mode as ElasticVerification['mode']) : 'unknown',
    setting,
    at,
  };
}

export /** The ends of a client or server's CA files and certificate, for the certificate rules. */
function endsOf(
  name: string,
  location: Location,
  implementation: TlsImplementation,
  cas: readonly StoreRef[],
  certificate: StoreRef | undefined,
  verifies: boolean,
): UnlinkedEnd[] {
  const trust = {
    defaultTrust: 'system' as const,
    verifiesPeer: { value: verifies, from: { kind: 'file' as const, location } },
  };
  const ends: UnlinkedEnd[] = cas.map((ca, i) => ({
    name,
    location,
    implementation,
    trust: { ...trust, trustStore: ca, ...(i === 0 && certificate ? { keyStore: certificate } : {}) },
  }));
  if (ends.length === 0 && certificate)
    ends.push({ name, location, implementation, trust: { ...trust, keyStore: certificate } });
  return ends;
}
