/**
 * Targeted families of seeded client/server pairs for the rare real outcomes of the interop run (issue 15: every
 * outcome slice >= 2,000 pairs, none merged). Each family draws sides like generate.ts does, then constrains them
 * towards one outcome: a required client certificate that is absent (JSSE server, or OpenSSL server in TLS 1.3),
 * an anonymous suite under a required client certificate, a JSSE end left with nothing to offer. The outcome is
 * still what the real handshake does and the prediction still what predictHandshake says: a family only makes a
 * case likely, and a pair that ends otherwise counts under its own real outcome.
 */
import { LEGACY_POOL, pick, rng, side, TLS13, type Pair } from './generate';
import type { JvmProfile, LabSide } from './stacks';
import { NO_ALERT } from './outcome-slices';

export interface Family {
  name: string;
  /** The real outcome (outcome-slices.ts label) the family is drawn for: the run stops it once that slice is full. */
  target: string;
  draw(r: () => number): { client: LabSide; server: LabSide };
}

const ANON = LEGACY_POOL.filter((s) => s.includes('_anon_'));
const AUTHENTICATED = LEGACY_POOL.filter((s) => !s.includes('_anon_') && !s.includes('_NULL_'));
const MODERN_PROTOCOLS = [['TLSv1.3', 'TLSv1.2'], ['TLSv1.2'], ['TLSv1.3']];
const impl = (r: () => number) => (r() < 0.5 ? 'jsse' : 'openssl');
const jvmOf = (r: () => number): JvmProfile => (r() < 0.5 ? 'legacy' : 'default');

/** Both ends on modern protocols with at least one suite in common (so the handshake gets to client authentication). */
function sharing(r: () => number, client: LabSide, server: LabSide, tls13Only = false): void {
  client.protocols = pick(r, tls13Only ? [['TLSv1.3', 'TLSv1.2'], ['TLSv1.3']] : MODERN_PROTOCOLS, 1)[0];
  server.protocols = tls13Only
    ? pick(r, [['TLSv1.3'], ['TLSv1.3', 'TLSv1.2']], 1)[0]
    : r() < 0.7
      ? client.protocols
      : ['TLSv1.3', 'TLSv1.2'];
  const tls13 = pick(r, TLS13, 1 + Math.floor(r() * 3));
  const legacy = pick(r, AUTHENTICATED, 1 + Math.floor(r() * 6));
  client.suites = [...tls13, ...legacy];
  // The server keeps a part of the client's suites (never none of either kind) and adds some of its own.
  const keep = <T>(items: T[]) => pick(r, items, 1 + Math.floor(r() * items.length));
  server.suites = pick(
    r,
    [...new Set([...keep(tls13), ...keep(legacy), ...pick(r, [...TLS13, ...AUTHENTICATED], Math.floor(r() * 3))])],
    99,
  );
}

/** A server that requires a client certificate, a client that (mostly) has none, a suite in common. */
function absentClientCertificate(r: () => number, server: 'jsse' | 'openssl', tls13Only: boolean) {
  const jvm = jvmOf(r);
  const sides = { client: side(r, impl(r), jvm, 'client'), server: side(r, server, jvm, 'server') };
  sharing(r, sides.client, sides.server, tls13Only);
  sides.server.clientAuth = 'required';
  sides.client.hasClientCert = r() < 0.1;
  return sides;
}

export const FAMILIES: Family[] = [
  {
    // JSSE: "Empty client certificate chain", bad_certificate (TLS 1.2 and 1.3).
    name: 'JSSE server needs a client certificate, the client has none',
    target: 'fails: bad_certificate',
    draw: (r) => absentClientCertificate(r, 'jsse', false),
  },
  {
    // OpenSSL 3 in TLS 1.3: "peer did not return a certificate", certificate_required.
    name: 'OpenSSL server requires a client certificate in TLS 1.3, the client has none',
    target: 'fails: certificate_required',
    draw: (r) => absentClientCertificate(r, 'openssl', true),
  },
  {
    // OpenSSL sends a CertificateRequest in an anonymous handshake; the client aborts with unexpected_message.
    name: 'OpenSSL server requires a client certificate, only anonymous suites in common (TLS 1.2 and lower)',
    target: 'fails: unexpected_message',
    draw(r) {
      // Only the legacy lab JVM enables anon suites; an OpenSSL client runs at @SECLEVEL=0.
      const clientImpl = impl(r);
      const client = side(r, clientImpl, 'legacy', 'client');
      const server = side(r, 'openssl', 'legacy', 'server');
      const anon = pick(r, ANON, 1 + Math.floor(r() * ANON.length));
      client.protocols = pick(r, [['TLSv1.2'], ['TLSv1.2', 'TLSv1.1'], ['TLSv1.3', 'TLSv1.2']], 1)[0];
      server.protocols = pick(r, [['TLSv1.2'], ['TLSv1.2', 'TLSv1.1', 'TLSv1']], 1)[0];
      client.suites = pick(r, [...anon, ...pick(r, AUTHENTICATED, Math.floor(r() * 2))], 99);
      server.suites = pick(r, [...pick(r, anon, 1 + Math.floor(r() * anon.length)), ...pick(r, TLS13, 1)], 99);
      server.clientAuth = 'required';
      client.hasClientCert = r() < 0.5;
      return { client, server };
    },
  },
  {
    // JSSE builds no hello (client) or accepts nothing (server): no alert, the connection closes.
    name: 'a JSSE end with nothing to offer (protocols and suites that do not fit, or all disabled)',
    target: NO_ALERT,
    draw(r) {
      const jvm = jvmOf(r);
      const brokenClient = r() < 0.5;
      const client = side(r, brokenClient ? 'jsse' : impl(r), jvm, 'client');
      const server = side(r, brokenClient ? impl(r) : 'jsse', jvm, 'server');
      const broken = brokenClient ? client : server;
      const way = Math.floor(r() * 4);
      if (way === 0) {
        broken.protocols = ['TLSv1.3'];
        broken.suites = pick(r, AUTHENTICATED, 1 + Math.floor(r() * 4));
      } else if (way === 1) {
        broken.protocols = pick(r, [['TLSv1.2'], ['TLSv1.2', 'TLSv1.1']], 1)[0];
        broken.suites = pick(r, TLS13, 1 + Math.floor(r() * 3));
      } else if (way === 2) {
        // This JDK's java.security disables TLS 1.0 and 1.1 (the legacy lab JVM does not).
        broken.jvm = 'default';
        (brokenClient ? server : client).jvm = 'default';
        broken.protocols = pick(r, [['TLSv1'], ['TLSv1.1'], ['TLSv1.1', 'TLSv1']], 1)[0];
      } else {
        // anon and NULL are in this JDK's jdk.tls.disabledAlgorithms.
        broken.jvm = 'default';
        (brokenClient ? server : client).jvm = 'default';
        broken.protocols = ['TLSv1.2'];
        broken.suites = pick(r, [...ANON, ...LEGACY_POOL.filter((s) => s.includes('_NULL_'))], 1 + Math.floor(r() * 3));
      }
      return { client, server };
    },
  },
];

/** Batch `batch` of a family: `count` pairs, seeded by the run's seed, the family and the batch. */
export function familyPairs(family: Family, seed: number, batch: number, count: number): Pair[] {
  const index = FAMILIES.indexOf(family);
  const r = rng(seed * 1_000_003 + (index + 1) * 7919 + batch * 104_729);
  return Array.from({ length: count }, (_, i) => {
    const { client, server } = family.draw(r);
    // JSSE pairs share one lab JVM.
    if (client.impl === 'jsse' && server.impl === 'jsse') client.jvm = server.jvm;
    if (client.impl !== 'jsse') delete client.jvm;
    if (server.impl !== 'jsse') delete server.jvm;
    return { id: 100_000 * (index + 1) + batch * 10_000 + i, client, server };
  });
}
