/**
 * Fast tier of the trust slices: generated certificate chains and keytool-made JKS/PKCS#12 stores, real
 * handshakes (JSSE 17 against JSSE and against OpenSSL 3 run as nginx runs it) against the verdict and
 * alert the whole pipeline derives from each case's tree (Tomcat or nginx, a Java client with -Djavax.net.ssl.*). The long run is `npm run interop` (the slices, then the trust families until each real outcome has `--min-slice` pairs). Skipped without openssl or a JDK.
 */
import { stacksInstalled } from '../interop/stacks';
import { TRUST_FAMILIES, trustFamilyCases } from '../interop/trust-families';
import { runTrust, type SliceResult } from '../interop/trust-run';

const describeIfStacks = stacksInstalled() ? describe : describe.skip;

describeIfStacks('certificate trust: predicted verdicts vs real JSSE and OpenSSL handshakes', () => {
  let results: SliceResult[] = [];
  beforeAll(async () => {
    // The three slices, then one small batch of each targeted family.
    results = await runTrust({ perSlice: 16, seed: 3, minSlice: Infinity, familyCap: 4, batch: 4 });
    // A cap, not a duration: keytool and JVM starts take several times longer on a loaded machine (a landing train at
    // load 12–15 passed 150 s here and failed the whole run).
  }, 400_000);

  it.each(['trust', 'client-auth', 'validity', ...TRUST_FAMILIES.map((f) => f.key)])(
    'slice or family %s agrees on every decided pair',
    (slice) => {
      const r = results.find((x) => x.slice === slice)!;
      expect(r.disagreements.map((d) => ({ case: d.case, real: d.real, predicted: d.predicted }))).toEqual([]);
      // Every tree decides: it carries its stores and the JDK's own cacerts.
      expect(r.unknown).toBe(0);
      expect(r.agree).toBe(r.pairs);
      expect(r.deriveDisagreements).toBe(0);
    },
  );

  it('the cases reach rejections as well as successes', () => {
    const seen = new Set(results.flatMap((r) => Object.keys(r.verdicts)));
    expect([...seen].sort()).toEqual(['client-rejected', 'no-client-certificate', 'ok', 'server-rejected']);
  });
});

describe('trust families: each draws the shape it is named for', () => {
  const cases = (key: string) => trustFamilyCases(TRUST_FAMILIES.find((f) => f.key === key)!, 7, 0, 60);

  it('the TLS 1.3 families are JSSE against JSSE in TLS 1.3', () => {
    for (const key of ['tls13-untrusted', 'tls13-client-rejected', 'tls13-no-client-cert'])
      for (const c of cases(key)) expect([c.server, c.protocol]).toEqual(['jsse', 'TLSv1.3']);
  });

  it('the nginx families verify client certificates on an OpenSSL server, the client holding none or a failing one', () => {
    const none = cases('nginx-no-client-cert');
    expect(new Set(none.map((c) => `${c.server} ${c.clientAuth}`))).toEqual(new Set(['openssl required']));
    expect(none.filter((c) => c.clientLeaf && !['C_R2', 'C_self'].includes(c.clientLeaf))).toEqual([]);
    const failing = cases('nginx-client-rejected');
    expect(failing.every((c) => c.server === 'openssl' && c.clientAuth !== 'none' && c.clientLeaf)).toBe(true);
    // A chain of good certificates fails only by depth: nginx's ssl_verify_depth below its length.
    for (const c of failing.filter((x) => x.clientLeaf === 'C_I1' || x.clientLeaf === 'C_I2'))
      expect(c.verifyDepth).toBeLessThan(2);
  });

  it('the expired family serves an expired leaf or a leaf under an expired CA in TLS 1.2', () => {
    for (const c of cases('expired')) {
      expect(['S_exp', 'S_IX']).toContain(c.serverLeaf);
      expect(c.protocol).toBe('TLSv1.2');
    }
  });

  it('batches are seeded: the same seed and batch give the same cases, another batch others', () => {
    const family = TRUST_FAMILIES[0];
    expect(trustFamilyCases(family, 7, 1, 20)).toEqual(trustFamilyCases(family, 7, 1, 20));
    expect(trustFamilyCases(family, 7, 2, 20)).not.toEqual(trustFamilyCases(family, 7, 1, 20));
  });
});
