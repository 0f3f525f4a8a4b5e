/**
 * Targeted families of trust cases for the rare real outcomes of the trust slices (issue 15: every outcome slice
 * >= 2,000 pairs, none merged), as families.ts does for the seeded pairs. Each family draws cases like
 * trust-cases.ts does, constrained towards one outcome: a server certificate the client does not trust, an expired
 * one, nginx requiring a client certificate the client lacks or that fails verification, and the TLS 1.3 shapes in
 * which JSSE's alert may go unseen (the peer closed first). A family only makes its outcome likely: every case is
 * still a real handshake compared with the prediction from linting its tree, and counts under what really happened.
 */
import { seededRandom } from '../helpers/seeded-random';
import type { ServerKind, TrustCase } from './trust-cases';
import { outcomeOfTrust } from './outcome-slices';

export interface TrustFamily {
  /** Short name, used in case ids. */
  key: string;
  name: string;
  /** The real outcome (outcome-slices.ts label) the family is drawn for: the run stops it once that row is full. */
  target: string;
  draw(r: () => number, id: string): TrustCase;
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const server = (r: () => number): ServerKind => (r() < 0.5 ? 'jsse' : 'openssl');
const anyProtocol = (r: () => number) => pick(r, ['TLSv1.2', 'TLSv1.3'] as const);
const store = (r: () => number) => pick(r, ['jks', 'p12'] as const);
const sent = (r: () => number) => pick(r, ['chain', 'leaf', 'with-root'] as const);

/** What a family fixes of a case: its id and family, the server's kind and the protocol. */
type Shape = Pick<TrustCase, 'id' | 'slice' | 'server' | 'protocol'>;

const rejected = (verdict: string, alert: string) => outcomeOfTrust('', 'jsse', { verdict, alert });
const nginx400 = (verdict: string) => outcomeOfTrust('', 'openssl', { verdict, alert: 'none' });

/**
 * A server certificate the client is unlikely to trust: leaves under R1/I1/I2 against other anchors, R2's leaf and
 * the self-signed one against R1's, the JDK's cacerts for all, and leaves R1 would vouch for that are not fit for a
 * server (issued by a non-CA, wrong extended key usage, a key-encipherment-only EC key under JSSE).
 */
function untrustedServer(r: () => number, shape: Shape): TrustCase {
  const kind = shape.server;
  const foreign = r() < 0.7;
  const serverLeaf = foreign
    ? pick(r, ['S_I1', 'S_R1', 'S_I2', 'S_R2', 'S_self'])
    : pick(r, ['S_notca', 'S_wrongeku', ...(kind === 'jsse' ? ['S_kuenc'] : [])]);
  const others: (string[] | 'cacerts')[] = /R2/.test(serverLeaf)
    ? [['R1'], ['I1'], 'cacerts', ['S_self']]
    : serverLeaf === 'S_self'
      ? [['R1'], ['R2'], 'cacerts', ['I1']]
      : [['R2'], 'cacerts', ['S_self'], ...(serverLeaf === 'S_I2' ? [] : [['I2']])];
  return {
    ...shape,
    storeType: store(r),
    serverLeaf,
    serverSent: sent(r),
    clientTrusts: foreign ? pick(r, others) : pick(r, [['R1'], ['R1', 'R2']]),
    clientAuth: 'none',
    serverTrusts: ['R1'],
  };
}

/**
 * A trusted server that asks for a client certificate: the client has none, or holds one whose chain names no CA
 * of the server's list (JSSE then sends none), or one issued under the listed CAs that fails verification
 * (expired, not yet valid, under an expired CA, wrong extended key usage, a key-encipherment-only key, a chain too
 * long for nginx's ssl_verify_depth).
 */
function clientCertificate(r: () => number, shape: Shape, holds: 'none' | 'failing'): TrustCase {
  const kind = shape.server;
  const clientLeaf =
    holds === 'none'
      ? pick(r, [undefined, undefined, 'C_R2', 'C_self'])
      : pick(r, [
          'C_exp',
          'C_future',
          'C_IX',
          'C_wrongeku',
          'C_kuenc',
          ...(kind === 'openssl' ? ['C_I1', 'C_I2'] : []),
        ]);
  return {
    ...shape,
    storeType: store(r),
    serverLeaf: 'S_I1',
    serverSent: 'chain',
    clientTrusts: ['R1'],
    clientAuth: holds === 'none' || r() < 0.6 ? 'required' : 'optional',
    ...(clientLeaf ? { clientLeaf, clientSent: pick(r, ['chain', 'chain', 'with-root']) } : {}),
    serverTrusts: holds === 'none' ? pick(r, [['R1'], ['I1']]) : pick(r, [['R1'], ['I1'], ['R1', 'R2']]),
    ...(kind === 'openssl'
      ? { verifyDepth: holds === 'none' || !/C_I[12]$/.test(clientLeaf ?? '') ? 2 : pick(r, [0, 1]) }
      : {}),
  };
}

export const TRUST_FAMILIES: TrustFamily[] = [
  {
    key: 'tls13-untrusted',
    name: 'JSSE server in TLS 1.3, the client does not trust its certificate',
    target: rejected('server-rejected', 'none'),
    draw: (r, id) => untrustedServer(r, { id, slice: 'tls13-untrusted', server: 'jsse', protocol: 'TLSv1.3' }),
  },
  {
    key: 'tls13-client-rejected',
    name: 'JSSE server in TLS 1.3 rejects the client certificate',
    target: rejected('client-rejected', 'none'),
    draw: (r, id) =>
      clientCertificate(r, { id, slice: 'tls13-client-rejected', server: 'jsse', protocol: 'TLSv1.3' }, 'failing'),
  },
  {
    key: 'tls13-no-client-cert',
    name: 'JSSE server in TLS 1.3 needs a client certificate, the client sends none',
    target: rejected('no-client-certificate', 'none'),
    draw: (r, id) =>
      clientCertificate(r, { id, slice: 'tls13-no-client-cert', server: 'jsse', protocol: 'TLSv1.3' }, 'none'),
  },
  {
    key: 'untrusted',
    name: 'the client does not trust the server certificate (JSSE or nginx, TLS 1.2 or 1.3)',
    target: 'fails: certificate_unknown',
    draw: (r, id) => untrustedServer(r, { id, slice: 'untrusted', server: server(r), protocol: anyProtocol(r) }),
  },
  {
    key: 'expired',
    name: 'an expired server certificate in TLS 1.2',
    target: 'fails: certificate_expired',
    draw(r, id) {
      const [serverLeaf, clientTrusts] = pick(r, [
        ['S_exp', ['R1']],
        ['S_exp', ['I1']],
        ['S_IX', ['R1']],
      ] as [string, string[]][]);
      return {
        id,
        slice: 'expired',
        server: server(r),
        protocol: 'TLSv1.2',
        storeType: store(r),
        serverLeaf,
        serverSent: pick(r, ['chain', 'with-root']),
        clientTrusts,
        clientAuth: 'none',
        serverTrusts: ['R1'],
      };
    },
  },
  {
    key: 'nginx-no-client-cert',
    name: 'nginx with ssl_verify_client on, the client sends no certificate',
    target: nginx400('no-client-certificate'),
    draw: (r, id) =>
      clientCertificate(r, { id, slice: 'nginx-no-client-cert', server: 'openssl', protocol: anyProtocol(r) }, 'none'),
  },
  {
    key: 'nginx-client-rejected',
    name: 'nginx verifies a client certificate that fails verification',
    target: nginx400('client-rejected'),
    draw: (r, id) =>
      clientCertificate(
        r,
        { id, slice: 'nginx-client-rejected', server: 'openssl', protocol: anyProtocol(r) },
        'failing',
      ),
  },
];

/** Batch `batch` of a family: `count` cases, seeded by the run's seed, the family and the batch. */
export function trustFamilyCases(family: TrustFamily, seed: number, batch: number, count: number): TrustCase[] {
  const index = TRUST_FAMILIES.indexOf(family);
  const r = seededRandom(seed * 1_000_003 + (index + 1) * 7919 + batch * 104_729);
  return Array.from({ length: count }, (_, i) => family.draw(r, `${family.key}-${batch}-${i}`));
}
