/**
 * Seeded random client/server pairs for the differential tests, their HandshakeSides (what the predictor
 * sees) and the comparison of a prediction with the real outcome.
 */
import { disabledEntryFor, protocolDisabledBy, splitAlgorithmList } from '../../src/knowledge';
import { predictHandshake } from '../../src/handshake/predict';
import type { HandshakePrediction, HandshakeSide } from '../../src/handshake/types';
import type { JvmProfile, LabSide, RealOutcome, RealSideOutcome } from './stacks';
import { seededRandom } from '../helpers/seeded-random';

export interface Pair {
  id: number;
  client: LabSide;
  server: LabSide;
}

export const TLS13 = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
/** Suites both OpenSSL 3.0 (at @SECLEVEL=0) and SunJSSE 17 implement. */
export const LEGACY_POOL = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_DH_anon_WITH_AES_128_CBC_SHA',
  'TLS_ECDH_anon_WITH_AES_128_CBC_SHA',
  'TLS_DH_anon_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_NULL_SHA',
  'TLS_RSA_WITH_NULL_SHA256',
];
export const VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Seeded generator for reproducible pairs. */
export const rng = seededRandom;

export function pick<T>(r: () => number, items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

function protocols(r: () => number): string[] {
  if (r() < 0.15) return VERSIONS.filter(() => r() < 0.5);
  // Mostly modern ranges, sometimes legacy ones.
  const lo = r() < 0.6 ? 2 : Math.floor(r() * 4);
  const hi = lo + Math.floor(r() * (4 - lo));
  return VERSIONS.slice(lo, hi + 1).reverse();
}

export function side(r: () => number, impl: 'openssl' | 'jsse', jvm: JvmProfile, role: 'client' | 'server'): LabSide {
  const protos = protocols(r);
  const tls13 = r() < 0.85 ? pick(r, TLS13, 1 + Math.floor(r() * 3)) : [];
  const legacy = pick(r, LEGACY_POOL, 1 + Math.floor(r() * 7));
  const suites = r() < 0.5 ? [...tls13, ...legacy] : pick(r, [...tls13, ...legacy], tls13.length + legacy.length);
  const s: LabSide = { impl, protocols: protos, suites, ...(impl === 'jsse' ? { jvm } : {}) };
  if (role === 'server') {
    s.serverPref = r() < 0.5;
    s.cert = r() < 0.65 ? 'rsa' : 'ec';
    const ca = r();
    s.clientAuth = ca < 0.85 ? 'none' : ca < 0.95 ? 'required' : 'optional';
  }
  return s;
}

export function generatePairs(seed: number, count: number): Pair[] {
  const r = rng(seed);
  const combos: ['openssl' | 'jsse', 'openssl' | 'jsse'][] = [
    ['openssl', 'openssl'],
    ['openssl', 'jsse'],
    ['jsse', 'openssl'],
    ['jsse', 'jsse'],
  ];
  const pairs: Pair[] = [];
  for (let id = 0; id < count; id++) {
    const [ci, si] = combos[id % combos.length];
    const jvm: JvmProfile = r() < 0.5 ? 'legacy' : 'default';
    const client = side(r, ci, jvm, 'client');
    const server = side(r, si, jvm, 'server');
    if (server.clientAuth !== 'none') client.hasClientCert = r() < 0.5;
    pairs.push({ id, client, server });
  }
  return pairs;
}

/** What the predictor is given for a lab side: for JSSE, the lab JVM's disabled algorithms are applied first. */
export function handshakeSide(s: LabSide, jvmDisabled: Record<JvmProfile, string>): HandshakeSide {
  let protocolsAfter = s.protocols;
  let suitesAfter = s.suites;
  if (s.impl === 'jsse') {
    const entries = splitAlgorithmList(jvmDisabled[s.jvm ?? 'default']);
    protocolsAfter = s.protocols.filter((p) => !protocolDisabledBy(p, entries));
    suitesAfter = s.suites.filter((n) => !disabledEntryFor(n, entries));
  }
  return {
    implementation: s.impl,
    protocols: protocolsAfter,
    cipherSuites: suitesAfter,
    serverOrderWins: s.serverPref,
    certificate: s.cert ? { keyType: s.cert === 'ec' ? 'EC' : 'RSA' } : undefined,
    ...(s.cert === 'dual' ? { moreCertificates: [{ keyType: 'EC' as const }] } : {}),
    clientAuth: s.clientAuth,
    hasClientCertificate: s.hasClientCert,
  };
}

export function predictPair(pair: Pair, jvmDisabled: Record<JvmProfile, string>): HandshakePrediction {
  return predictHandshake(handshakeSide(pair.client, jvmDisabled), handshakeSide(pair.server, jvmDisabled));
}

const normProtocol = (p: string | undefined) => (p === 'TLSv1.0' ? 'TLSv1' : p);

/** Transport-level noise that can replace a peer's message (the peer's socket died before it read the alert). */
const TRANSPORT_NOISE = /Broken pipe|Connection reset|SocketException/;

/** Empty when the prediction matches the real outcome; else the differences. */
export function compare(prediction: HandshakePrediction, real: RealOutcome): string[] {
  const diffs: string[] = [];
  const sideCheck = (role: 'client' | 'server', got: RealSideOutcome) => {
    if (prediction.ok) {
      if (!got.ok)
        diffs.push(`${role}: predicted OK ${prediction.protocol} ${prediction.cipherSuite}, real error: ${got.error}`);
      else {
        if (got.protocol && normProtocol(got.protocol) !== prediction.protocol)
          diffs.push(`${role}: protocol ${got.protocol} != predicted ${prediction.protocol}`);
        if (got.suite && got.suite !== prediction.cipherSuite)
          diffs.push(`${role}: suite ${got.suite} != predicted ${prediction.cipherSuite}`);
      }
      return;
    }
    const expected = prediction.messages[role];
    if (got.ok)
      diffs.push(
        `${role}: predicted failure (${prediction.reason}: ${expected}), real OK ${got.protocol} ${got.suite}`,
      );
    else if (!(got.error ?? '').includes(expected)) {
      const peer = role !== prediction.failingSide;
      if (!(peer && TRANSPORT_NOISE.test(got.error ?? '')))
        diffs.push(`${role}: predicted "${expected}" (${prediction.reason}), real: ${got.error}`);
    }
  };
  sideCheck('client', real.client);
  sideCheck('server', real.server);
  return diffs;
}

export interface PairResult {
  pair: Pair;
  prediction: HandshakePrediction;
  real: RealOutcome;
  diffs: string[];
}

/** Runs pairs with bounded concurrency. */
export async function runPairs(
  pairs: Pair[],
  run: (p: Pair) => Promise<RealOutcome>,
  predict: (p: Pair) => HandshakePrediction,
  concurrency: number,
): Promise<PairResult[]> {
  const results: PairResult[] = new Array(pairs.length);
  let next = 0;
  const worker = async () => {
    while (next < pairs.length) {
      const i = next++;
      const pair = pairs[i];
      const real = await run(pair);
      const prediction = predict(pair);
      results[i] = { pair, prediction, real, diffs: compare(prediction, real) };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
