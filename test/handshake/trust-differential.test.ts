/**
 * Fast tier of the trust slices: generated certificate chains and keytool-made JKS/PKCS#12 stores, real
 * handshakes (JSSE 17 against JSSE and against OpenSSL 3 run as nginx runs it) against the verdict and
 * alert the whole pipeline derives from each case's tree (Tomcat or nginx, a Java client with -Djavax.net.ssl.*). The long run is `npm run interop` (300+ pairs per slice). Skipped without openssl or a JDK.
 */
import { stacksInstalled } from '../interop/stacks';
import { runTrustSlices, type SliceResult } from '../interop/trust-run';

const describeIfStacks = stacksInstalled() ? describe : describe.skip;

describeIfStacks('certificate trust: predicted verdicts vs real JSSE and OpenSSL handshakes', () => {
  let results: SliceResult[] = [];
  beforeAll(async () => {
    results = await runTrustSlices(16, 3);
  }, 150_000);

  it.each(['trust', 'client-auth', 'validity'])('slice %s agrees on every decided pair', (slice) => {
    const r = results.find((x) => x.slice === slice)!;
    expect(r.disagreements.map((d) => ({ case: d.case, real: d.real, predicted: d.predicted }))).toEqual([]);
    // Every tree decides: it carries its stores and the JDK's own cacerts.
    expect(r.unknown).toBe(0);
    expect(r.agree).toBe(r.pairs);
    expect(r.deriveDisagreements).toBe(0);
  });

  it('the cases reach rejections as well as successes', () => {
    const seen = new Set(results.flatMap((r) => Object.keys(r.verdicts)));
    expect([...seen].sort()).toEqual(['client-rejected', 'no-client-certificate', 'ok', 'server-rejected']);
  });
});
