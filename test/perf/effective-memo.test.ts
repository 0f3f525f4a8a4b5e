import { RunMemo } from '../../src/core/run-memo';
import { effectiveJdkTls } from '../../src/knowledge';
import type { JavaRuntime, Provenance } from '../../src/model/types';

/**
 * effectiveJdkTls is answered once per run by input VALUES through the run's memo (issue 21: every environment
 * of a fleet sets the same properties in its own files). The answer must still carry each runtime's own
 * provenance, and equal what computing it afresh (no memo) gives.
 */
const at = (file: string, line: number): Provenance => ({
  kind: 'file',
  location: { file, range: { start: { line, character: 0 }, end: { line, character: 5 } } },
});
function runtime(env: string, ibm = false): JavaRuntime {
  const file = `/fleet/${env}/jdk/conf/security/java.security`;
  const setenv = `/fleet/${env}/bin/setenv.sh`;
  return {
    vendor: { value: ibm ? 'ibm' : 'openjdk', from: at(`/fleet/${env}/jdk/release`, 1) },
    version: { value: '1.8.0_202', from: at(`/fleet/${env}/jdk/release`, 2) },
    securityProperties: { 'jdk.tls.disabledAlgorithms': { value: 'SSLv3, RC4, DES', from: at(file, 7) } },
    systemProperties: ibm
      ? { 'com.ibm.jsse2.overrideDefaultProtocol': { value: 'TLSv12', from: at(setenv, 3) } }
      : {
          'jdk.tls.client.protocols': { value: 'TLSv1.2', from: at(setenv, 3) },
          'jdk.tls.server.cipherSuites': { value: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', from: at(setenv, 4) },
        },
  };
}

describe('effectiveJdkTls memo by values', () => {
  it.each([[false], [true]])(
    'two environments with the same values get the same answer with their own provenance (ibm: %s)',
    (ibm) => {
      const memo = new RunMemo();
      const a = effectiveJdkTls(runtime('env-a', ibm), memo);
      const b = effectiveJdkTls(runtime('env-b', ibm), memo);
      const json = (v: unknown) => JSON.stringify(v);
      expect(json(b)).toBe(json(effectiveJdkTls(runtime('env-b', ibm))));
      expect(json(b).replace(/env-b/g, 'env-a')).toBe(json(a));
      expect(json(b.disabledAlgorithms.from)).toContain('/fleet/env-b/');
      expect(json(b.clientProtocols.from)).toContain('/fleet/env-b/bin/setenv.sh');
      expect(json(b)).not.toContain('env-a');
    },
  );

  it('different values are different answers', () => {
    const memo = new RunMemo();
    const other = runtime('env-c');
    other.securityProperties['jdk.tls.disabledAlgorithms'] = { value: 'SSLv3', from: at('/x', 1) };
    expect(effectiveJdkTls(other, memo).disabledAlgorithms.value).toEqual(['SSLv3']);
    expect(effectiveJdkTls(runtime('env-d'), memo).disabledAlgorithms.value).toEqual(['SSLv3', 'RC4', 'DES']);
  });

  it('a runtime changed after it was asked about (the model fills runtimes in) gets a new answer', () => {
    const memo = new RunMemo();
    const r = runtime('env-e');
    expect(effectiveJdkTls(r, memo).disabledAlgorithms.value).toEqual(['SSLv3', 'RC4', 'DES']);
    r.securityProperties['jdk.tls.disabledAlgorithms'] = { value: 'RC4', from: at('/y', 2) };
    expect(effectiveJdkTls(r, memo).disabledAlgorithms).toEqual({ value: ['RC4'], from: at('/y', 2) });
  });

  it('the lists are shared within a run, never between runs', () => {
    const memo = new RunMemo();
    const first = effectiveJdkTls(runtime('env-f'), memo);
    expect(effectiveJdkTls(runtime('env-g'), memo).serverCipherSuites.value).toBe(first.serverCipherSuites.value);
    expect(effectiveJdkTls(runtime('env-f'), new RunMemo()).serverCipherSuites.value).not.toBe(
      first.serverCipherSuites.value,
    );
  });
});
