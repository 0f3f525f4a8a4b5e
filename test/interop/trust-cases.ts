/**
 * The trust slices: generated cases (which chain the server sends, whom each side trusts, which client
 * certificate the client holds), each run as a real handshake (JSSE client against a JSSE server or an
 * OpenSSL server run as nginx runs it) and classified into a verdict with the alert or status each side sees.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALERT_NUMBER } from '../../src/derive/trust-signals';
import type { Issued } from '../helpers/pki';
import { seededRandom } from '../helpers/seeded-random';
import type { TrustLab, TrustRealOutcome } from './trust-lab';
import type { StoreMaker, StoreType, Universe } from './trust-pki';

export type Slice = 'trust' | 'client-auth' | 'validity';
export type ServerKind = 'jsse' | 'openssl';
/** What the server sends: its leaf and intermediates, the leaf alone, or the chain up to and with the root. */
export type Sent = 'chain' | 'leaf' | 'with-root';

export interface TrustCase {
  id: string;
  /** The slice or the family (trust-families.ts) that drew it. */
  slice: string;
  server: ServerKind;
  protocol: 'TLSv1.2' | 'TLSv1.3';
  storeType: StoreType;
  serverLeaf: string;
  serverSent: Sent;
  /** The client's trust store (certificate names), or the JDK's cacerts. */
  clientTrusts: string[] | 'cacerts';
  clientAuth: 'none' | 'optional' | 'required';
  /** The client's key entry: its leaf and what its chain holds; absent: the client has no key store. */
  clientLeaf?: string;
  clientSent?: Sent;
  serverTrusts: string[];
  /** nginx ssl_verify_depth (OpenSSL servers; absent: nginx's default 1). */
  verifyDepth?: number;
}

/**
 * The verdict of a handshake as both sides see it:
 * `ok`; `server-rejected` (the client rejects the server's certificate); `no-client-certificate` (the server
 * requires one and gets none); `client-rejected` (the server rejects the client's certificate).
 */
export type Verdict = 'ok' | 'server-rejected' | 'no-client-certificate' | 'client-rejected';

export interface Observed {
  verdict: Verdict;
  /** The TLS alert the failing side sends, `none` (nginx answers HTTP 400 instead), or '' when it succeeded. */
  alert: string;
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

const SERVERS: ServerKind[] = ['jsse', 'openssl'];
const PROTOCOLS = ['TLSv1.2', 'TLSv1.3'] as const;
const STORES: StoreType[] = ['jks', 'p12'];
const SENT: Sent[] = ['chain', 'leaf', 'with-root'];

/** `count` cases of a slice, seeded. */
export function trustCases(slice: Slice, count: number, seed: number): TrustCase[] {
  const rng = seededRandom(seed * 7919 + slice.length);
  const out: TrustCase[] = [];
  for (let i = 0; i < count; i++) {
    const base = {
      id: `${slice}-${i}`,
      slice,
      server: pick(rng, SERVERS),
      protocol: pick(rng, PROTOCOLS),
      storeType: pick(rng, STORES),
    };
    if (slice === 'trust') {
      // An OpenSSL server does not use its own EC certificate without digitalSignature (no shared cipher): that
      // is not a trust failure, so the key-usage leaf is served by JSSE only.
      const leaves = [
        'S_I1',
        'S_R1',
        'S_I2',
        'S_R2',
        'S_self',
        'S_notca',
        'S_wrongeku',
        ...(base.server === 'jsse' ? ['S_kuenc'] : []),
      ];
      out.push({
        ...base,
        serverLeaf: pick(rng, leaves),
        serverSent: pick(rng, SENT),
        clientTrusts: pick(rng, [['R1'], ['R2'], ['I1'], ['I2'], ['R1', 'R2'], 'cacerts', ['S_self'], ['S_I1']] as (
          | string[]
          | 'cacerts'
        )[]),
        clientAuth: 'none',
        serverTrusts: ['R1'],
      });
    } else if (slice === 'validity') {
      const clientSide = rng() < 0.4;
      const subject = pick(rng, ['exp', 'future', 'RX', 'IX', 'selfexp', 'self', 'I1']);
      const trusts = pick(rng, [['R1'], ['RX'], ['IX'], ['R1', 'RX'], ['self'], ['selfexp'], ['I1']]);
      const named = (role: 'S' | 'C') => trusts.map((t) => (t === 'self' || t === 'selfexp' ? `${role}_${t}` : t));
      out.push({
        ...base,
        serverLeaf: clientSide ? 'S_I1' : `S_${subject}`,
        serverSent: clientSide ? 'chain' : pick(rng, SENT),
        clientTrusts: clientSide ? ['R1'] : named('S'),
        clientAuth: clientSide ? 'required' : 'none',
        ...(clientSide ? { clientLeaf: `C_${subject}`, clientSent: pick(rng, SENT) } : {}),
        serverTrusts: clientSide ? named('C') : ['R1'],
        ...(base.server === 'openssl' ? { verifyDepth: 2 } : {}),
      });
    } else {
      const clientLeaf = pick(rng, [undefined, 'C_I1', 'C_R1', 'C_I2', 'C_R2', 'C_self', 'C_wrongeku', 'C_kuenc']);
      out.push({
        ...base,
        serverLeaf: 'S_I1',
        serverSent: 'chain',
        clientTrusts: ['R1'],
        clientAuth: pick(rng, ['required', 'optional'] as const),
        ...(clientLeaf ? { clientLeaf, clientSent: pick(rng, SENT) } : {}),
        serverTrusts: pick(rng, [['R1'], ['I1'], ['R2'], ['R1', 'R2'], ['C_self'], ['I2']]),
        ...(base.server === 'openssl' ? { verifyDepth: pick(rng, [0, 1, 2, undefined]) } : {}),
      });
    }
  }
  return out;
}

/** The certificates an end sends for its leaf. */
export function sentChain(u: Universe, leafName: string, sent: Sent): Issued[] {
  const above = u.above(leafName);
  const intermediates = above.slice(0, -1);
  if (sent === 'leaf') return [u.all[leafName]];
  if (sent === 'chain') return [u.all[leafName], ...intermediates];
  return [u.all[leafName], ...above];
}

/** The files a case's real handshake and tree use. */
export interface CaseFiles {
  serverKeyStore: string;
  serverPemChain: string;
  serverPemKey: string;
  clientKeyStore?: string;
  clientTrustStore?: string;
  serverTrustStore: string;
  serverTrustPem: string;
}

export async function caseFiles(c: TrustCase, u: Universe, stores: StoreMaker, pemDir: string): Promise<CaseFiles> {
  const serverChain = sentChain(u, c.serverLeaf, c.serverSent);
  const serverPemChain = path.join(pemDir, `${c.serverLeaf}.${c.serverSent}.chain.pem`);
  if (!fs.existsSync(serverPemChain)) fs.writeFileSync(serverPemChain, serverChain.map((x) => x.pem).join(''));
  const serverTrustPem = path.join(pemDir, `trust.${c.serverTrusts.join('+')}.pem`);
  if (!fs.existsSync(serverTrustPem))
    fs.writeFileSync(serverTrustPem, c.serverTrusts.map((n) => u.all[n].pem).join(''));
  return {
    serverKeyStore: await stores.keyStore(serverChain, c.storeType, 'server'),
    serverPemChain,
    serverPemKey: path.join(pemDir, `${c.serverLeaf}.key`),
    ...(c.clientLeaf
      ? {
          clientKeyStore: await stores.keyStore(
            sentChain(u, c.clientLeaf, c.clientSent ?? 'chain'),
            c.storeType,
            'client',
          ),
        }
      : {}),
    ...(c.clientTrusts !== 'cacerts'
      ? {
          clientTrustStore: await stores.trustStore(
            c.clientTrusts.map((n) => u.all[n]),
            c.storeType,
          ),
        }
      : {}),
    serverTrustStore: await stores.trustStore(
      c.serverTrusts.map((n) => u.all[n]),
      c.storeType,
    ),
    serverTrustPem,
  };
}

export async function runReal(lab: TrustLab, c: TrustCase, f: CaseFiles): Promise<TrustRealOutcome> {
  const client = { keystore: f.clientKeyStore, truststore: f.clientTrustStore };
  if (c.server === 'jsse')
    return lab.jsse(
      client,
      { keystore: f.serverKeyStore, truststore: f.serverTrustStore, clientAuth: c.clientAuth },
      c.protocol,
    );
  return lab.jsseToOpenssl(
    client,
    {
      certFile: f.serverPemChain,
      keyFile: f.serverPemKey,
      caFile: f.serverTrustPem,
      clientAuth: c.clientAuth,
      verifyDepth: c.verifyDepth ?? 1,
    },
    c.protocol,
  );
}

const ALERT = /Received fatal alert: (\w+)/;
const CERTIFICATE_FAILURE = /PKIX|[Cc]ertificate|[Kk]ey ?[Uu]sage|validity/;

/** The verdict and alert a real handshake shows. */
export function observe(c: TrustCase, r: TrustRealOutcome): Observed {
  const clientOwn = r.client.error && !ALERT.test(r.client.error) ? r.client.error : undefined;
  const serverOwn = r.server.error && !ALERT.test(r.server.error) ? r.server.error : undefined;
  if (c.server === 'openssl') {
    if (!r.client.ok) {
      const n = /SSL alert number (\d+)/.exec(r.server.error ?? '')?.[1];
      const alert = Object.entries(ALERT_NUMBER).find(([, v]) => String(v) === n)?.[0];
      return {
        verdict: 'server-rejected',
        alert: clientOwn && alert ? alert : `? ${r.client.error} / ${r.server.error}`,
      };
    }
    if (c.clientAuth !== 'none' && r.serverVerifyError) return { verdict: 'client-rejected', alert: 'none' };
    if (c.clientAuth === 'required' && r.serverSawNoCertificate)
      return { verdict: 'no-client-certificate', alert: 'none' };
    return { verdict: 'ok', alert: '' };
  }
  if (r.client.ok && r.server.ok) return { verdict: 'ok', alert: '' };
  // The side with its own exception failed; the other received its alert (or, in TLS 1.3, may only see the
  // connection close: then the alert is not observed).
  const received = ALERT.exec(r.server.error ?? '')?.[1] ?? ALERT.exec(r.client.error ?? '')?.[1] ?? 'none';
  if (clientOwn && CERTIFICATE_FAILURE.test(clientOwn)) return { verdict: 'server-rejected', alert: received };
  if (serverOwn && /Empty client certificate chain/.test(serverOwn))
    return { verdict: 'no-client-certificate', alert: received };
  if (serverOwn && CERTIFICATE_FAILURE.test(serverOwn)) return { verdict: 'client-rejected', alert: received };
  return { verdict: 'server-rejected', alert: `? ${r.client.error ?? ''} / ${r.server.error ?? ''}` };
}
