import { effectiveJdkTls, explainJdk } from '../../src/knowledge';
import type { JavaRuntime, JdkVendorFamily, Traced } from '../../src/model/types';

const cfg = <T>(value: T): Traced<T> => ({ value, from: { kind: 'config', origin: 'test' } });
const file = (value: string): Traced<string> => ({
  value,
  from: { kind: 'file', location: { file: '/x/java.security' } },
});
const runtime = (
  vendor: JdkVendorFamily,
  version: string,
  security: Record<string, string> = {},
  system: Record<string, string> = {},
): JavaRuntime => ({
  vendor: cfg(vendor),
  version: cfg(version),
  securityProperties: Object.fromEntries(Object.entries(security).map(([k, v]) => [k, file(v)])),
  systemProperties: Object.fromEntries(Object.entries(system).map(([k, v]) => [k, file(v)])),
});

describe('effectiveJdkTls', () => {
  test('default provenance names the version and the JDK bug', () => {
    const e = effectiveJdkTls(runtime('openjdk', '1.8.0_201'));
    expect(e.label).toBe('OpenJDK 8u201');
    expect(e.disabledAlgorithms.from).toEqual({
      kind: 'default',
      origin: 'OpenJDK 8u201 default (JDK-8211883)',
      confidence: 'verified',
    });
    expect(e.clientCipherSuites.value.some((s) => s.includes('_anon_'))).toBe(false);
    expect(e.implementation).toBe('jsse');
  });

  test('a java.security override wins, with its file provenance', () => {
    const e = effectiveJdkTls(runtime('openjdk', '1.8.0_201', { 'jdk.tls.disabledAlgorithms': 'SSLv3, RC4' }));
    expect(e.disabledAlgorithms.value).toEqual(['SSLv3', 'RC4']);
    expect(e.disabledAlgorithms.from.kind).toBe('file');
    expect(e.clientCipherSuites.value).toContain('TLS_RSA_WITH_3DES_EDE_CBC_SHA');
  });

  test('jdk.tls.client.protocols, minus disabled protocols', () => {
    const e = effectiveJdkTls(runtime('openjdk', '11.0.12', {}, { 'jdk.tls.client.protocols': 'TLSv1,TLSv1.2' }));
    expect(e.clientProtocols.value).toEqual(['TLSv1.2']);
    expect(e.clientProtocols.from.kind).toBe('file');
    expect(e.serverProtocols.value).toEqual(['TLSv1.3', 'TLSv1.2']);
  });

  test('jdk.tls.client.cipherSuites keeps the given order, ignores unknown and disabled names (8u201+ only)', () => {
    const suites =
      'TLS_RSA_WITH_AES_128_CBC_SHA, BOGUS, TLS_DH_anon_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
    const e = effectiveJdkTls(runtime('openjdk', '8u202', {}, { 'jdk.tls.client.cipherSuites': suites }));
    expect(e.clientCipherSuites.value).toEqual([
      'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    ]);
    const old = effectiveJdkTls(runtime('openjdk', '8u191', {}, { 'jdk.tls.client.cipherSuites': suites }));
    expect(old.clientCipherSuites.from.kind).toBe('default');
  });

  test('https.cipherSuites (HttpsURLConnection) sets the client suites when jdk.tls.client.cipherSuites is absent, on any update', () => {
    const e = effectiveJdkTls(
      runtime('openjdk', '8u191', {}, { 'https.cipherSuites': 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' }),
    );
    expect(e.clientCipherSuites.value).toEqual(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256']);
    expect(e.clientCipherSuites.from.kind).toBe('file');
    expect(e.serverCipherSuites.from.kind).toBe('default');
  });

  test('Oracle JDK 8 before 8u161 offers no AES_256 suite (limited policy); OpenJDK builds of the same update do', () => {
    const oracle = effectiveJdkTls(runtime('oracle', '1.8.0_151'));
    expect(oracle.clientCipherSuites.value.filter((s) => s.includes('AES_256'))).toEqual([]);
    expect(effectiveJdkTls(runtime('oracle', '1.8.0_161')).clientCipherSuites.value).toContain(
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
    );
    expect(effectiveJdkTls(runtime('openjdk', '1.8.0_151')).clientCipherSuites.value).toContain(
      'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
    );
  });

  test('IBM SDK 8: TLSv1 only before SR6 FP25 unless overrideDefaultTLS=true', () => {
    expect(effectiveJdkTls(runtime('ibm', '8.0.5.30')).clientProtocols.value).toEqual(['TLSv1']);
    const overridden = effectiveJdkTls(runtime('ibm', '8.0.5.30', {}, { 'com.ibm.jsse2.overrideDefaultTLS': 'true' }));
    expect(overridden.clientProtocols.value).toEqual(['TLSv1.2', 'TLSv1.1', 'TLSv1']);
    expect(overridden.implementation).toBe('ibmjsse2');
    expect(effectiveJdkTls(runtime('ibm', '8.0.6.25')).clientProtocols.value).toEqual(['TLSv1.2', 'TLSv1.1', 'TLSv1']);
    expect(
      effectiveJdkTls(runtime('ibm', '8.0.5.30', {}, { 'com.ibm.jsse2.overrideDefaultProtocol': 'TLSv12' }))
        .clientProtocols.value,
    ).toEqual(['TLSv1.2']);
  });

  test('unknown versions degrade to an inferred empty default', () => {
    const e = effectiveJdkTls(runtime('openjdk', '28.0.1'));
    expect(e.profile).toBeUndefined();
    expect(e.disabledAlgorithms).toMatchObject({ value: [], from: { kind: 'default', confidence: 'inferred' } });
  });
});

describe('explainJdk', () => {
  test('prints facts with sources and flags inferred ones', () => {
    const text = explainJdk('1.8.0_201');
    expect(text).toContain('OpenJDK 8u201');
    expect(text).toContain(
      'jdk.tls.disabledAlgorithms: SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL',
    );
    expect(text).toContain('JDK-8211883');
    expect(explainJdk('21')).toContain('INFERRED');
    expect(explainJdk('8.0.6.25')).toContain('IBM Java 8 SR6 FP25');
    expect(explainJdk('8u202', 'corretto')).toContain('Amazon Corretto 8u202');
    expect(explainJdk('28')).toContain('no TLS defaults');
    expect(explainJdk('nonsense')).toContain('Cannot read');
  });
});
