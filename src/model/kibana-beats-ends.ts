/**
 * What ./kibana-beats.ts and ./kibana-compose.ts share: the hosts a client calls, its certificate check as written, and
 * the ends whose PEM files the certificate rules judge.
 */
import type { Location } from '../core/types';
import type { ElasticStackClient, ElasticVerification, KibanaServerRecord } from './kibana-beats-records';
import type { StoreRef, TlsImplementation, UnlinkedEnd } from './types';

/** A value only the run knows: an environment variable (both products expand `${VAR}`) or a template's. */
export const RUN_TIME = /\$\{|\$[A-Za-z_]|\{\{/;
const MODES = new Set(['none', 'certificate', 'full', 'strict']);

/** What the files of a deployment give. */
export interface Recorded {
  clients: ElasticStackClient[];
  servers: KibanaServerRecord[];
  ends: UnlinkedEnd[];
}

export /** A host as a URL or `host:port` names it, lower case; undefined for a placeholder. */
function hostOf(written: string): { host: string; scheme?: string; port?: number } | undefined {
  const text = written.trim();
  if (RUN_TIME.test(text)) return undefined;
  const m = /^(?:([a-z][\w+.-]*):\/\/)?(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d+))?/i.exec(text);
  const host = m?.[2]?.replace(/^\[|\]$/g, '').toLowerCase();
  return host
    ? { host, ...(m?.[1] ? { scheme: m[1].toLowerCase() } : {}), ...(m?.[3] ? { port: Number(m[3]) } : {}) }
    : undefined;
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
