import {
  disabledEntryFor,
  jdkProfile,
  parseJavaVersion,
  protocolDisabledBy,
  splitAlgorithmList,
} from '../../src/knowledge';
import { protocolCandidates } from '../../src/knowledge/jdk';
import type { JdkVendorFamily } from '../../src/model/types';

const profile = (vendor: JdkVendorFamily, raw: string) => {
  const p = jdkProfile(vendor, parseJavaVersion(raw)!);
  if (!p) throw new Error(`no profile for ${vendor} ${raw}`);
  return p;
};
const disabled = (vendor: JdkVendorFamily, raw: string) => profile(vendor, raw).tlsDisabledAlgorithms.value;

describe('JDK version boundaries', () => {
  test('8u191 allows anon/NULL, 8u201 (and OpenJDK 8u202) disable them', () => {
    expect(disabled('openjdk', '1.8.0_191')).not.toContain('anon');
    expect(disabledEntryFor('TLS_DH_anon_WITH_AES_128_CBC_SHA', disabled('openjdk', '8u192'))).toBeUndefined();
    expect(disabledEntryFor('TLS_DH_anon_WITH_AES_128_CBC_SHA', disabled('oracle', '1.8.0_201'))).toBe('anon');
    expect(disabledEntryFor('SSL_RSA_WITH_NULL_SHA', disabled('openjdk', '8u202'))).toBe('NULL');
    expect(profile('openjdk', '8u201').tlsDisabledAlgorithms.source).toContain('JDK-8211883');
  });
  test('any update resolves, not only tags', () => {
    expect(disabled('openjdk', '8u245')).toEqual(disabled('openjdk', '8u201'));
    expect(disabled('openjdk', '8u351')).toContain('TLSv1');
  });
  test('11.0.1 vs 11.0.2', () => {
    expect(disabled('openjdk', '11.0.1+13')).not.toContain('anon');
    expect(disabled('openjdk', '11.0.2+9')).toEqual(expect.arrayContaining(['anon', 'NULL']));
    expect(disabled('openjdk', '11')).toContain('DES40_CBC');
  });
  test('7u201 vs 7u211', () => {
    expect(disabled('openjdk', '1.7.0_201')).toContain('DES');
    expect(disabled('openjdk', '1.7.0_201')).not.toContain('anon');
    expect(disabled('openjdk', '1.7.0_211')).toEqual(expect.arrayContaining(['anon', 'NULL']));
    expect(disabled('openjdk', '1.7.0_211')).not.toContain('RC4'); // 7u never disables plain RC4
  });
  test('17.0.15 matches the Debian install; 21 GA is inferred', () => {
    expect(disabled('openjdk', '17.0.15')).toEqual(
      splitAlgorithmList(
        'SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH',
      ),
    );
    expect(profile('openjdk', '21').tlsDisabledAlgorithms.confidence).toBe('inferred');
    expect(profile('temurin', '25.0.3').tlsDisabledAlgorithms.value).toContain('TLS_RSA_*');
  });
  test('26 and 27 (read from sources, not measured): as 25.0.3, inferred', () => {
    for (const version of ['26', '26.0.1', '27', '27.0.1']) {
      const p = profile('temurin', version);
      expect(p.tlsDisabledAlgorithms.value).toEqual(profile('temurin', '25.0.3').tlsDisabledAlgorithms.value);
      expect(p.tlsDisabledAlgorithms.confidence).toBe('inferred');
      expect(p.defaultServerProtocols.value).toEqual(['TLSv1.3', 'TLSv1.2']);
      expect(protocolCandidates('temurin', parseJavaVersion(version)!).suites?.value).toBe('jsse-25');
    }
  });
  test('Corretto 8 keeps 3DES and, from 8.292, TLS 1.0/1.1', () => {
    expect(disabled('corretto', '8.202.08.2')).not.toContain('3DES_EDE_CBC');
    expect(disabled('corretto', '8.292.10.1')).not.toContain('TLSv1');
    expect(disabled('openjdk', '8u292')).toContain('TLSv1');
    expect(profile('corretto', '8.292.10.1').defaultClientProtocols.value).toContain('TLSv1');
  });
  test('Red Hat and Semeru follow upstream', () => {
    expect(disabled('redhat', '11.0.12')).toEqual(disabled('openjdk', '11.0.12'));
    expect(disabled('semeru', '17.0.15')).toEqual(disabled('openjdk', '17.0.15'));
  });
  test('protocol defaults', () => {
    expect(profile('openjdk', '1.7.0_121').defaultClientProtocols.value).toEqual(['TLSv1']);
    expect(profile('openjdk', '1.7.0_131').defaultClientProtocols.value).toEqual(['TLSv1.2', 'TLSv1.1', 'TLSv1']);
    expect(profile('openjdk', '8u262').defaultServerProtocols.value).not.toContain('TLSv1.3');
    expect(profile('openjdk', '8u272').defaultServerProtocols.value).toContain('TLSv1.3');
    expect(profile('openjdk', '8u272').defaultClientProtocols.value).not.toContain('TLSv1.3');
    expect(profile('oracle', '8u261').defaultServerProtocols.value).toContain('TLSv1.3');
    expect(profile('oracle', '8u341').defaultClientProtocols.value).toContain('TLSv1.3');
    expect(profile('openjdk', '8u352').defaultClientProtocols.value[0]).toBe('TLSv1.3');
    expect(profile('openjdk', '17.0.15').defaultClientProtocols.value).toEqual(['TLSv1.3', 'TLSv1.2']);
  });
  test('DH size and server order', () => {
    expect(profile('openjdk', '11.0.20').ephemeralDHKeySize.value).toBe('1024');
    expect(profile('openjdk', '11.0.21').ephemeralDHKeySize.value).toBe('2048');
    expect(profile('openjdk', '11.0.20').serverCipherOrderByDefault.value).toBe(false);
    expect(profile('openjdk', '11.0.21').serverCipherOrderByDefault.value).toBe(true);
    expect(profile('openjdk', '8u462').serverCipherOrderByDefault.value).toBe(false);
  });
  test('IBM SDK 8: SSLContext "TLS" is TLSv1 only before SR6 FP25', () => {
    expect(profile('ibm', '8.0.6.20').defaultClientProtocols.value).toEqual(['TLSv1']);
    expect(profile('ibm', '8.0.6.25').defaultClientProtocols.value).toEqual(['TLSv1.2', 'TLSv1.1', 'TLSv1']);
    expect(profile('ibm', '8.0.7.15').defaultClientProtocols.value[0]).toBe('TLSv1.3');
    expect(profile('ibm', '8.0.6.25').tlsDisabledAlgorithms.confidence).toBe('inferred');
  });
  test('unknown versions give undefined', () => {
    expect(jdkProfile('openjdk', parseJavaVersion('28.0.1')!)).toBeUndefined();
    expect(jdkProfile('ibm', parseJavaVersion('1.7.0_80')!)).toBeUndefined();
  });
});

describe('disabledAlgorithms semantics', () => {
  const jdk17 = splitAlgorithmList(
    'SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, \\\n    EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, include jdk.disabled.namedCurves',
  );
  test('splitAlgorithmList joins continuations and collapses blanks', () => {
    expect(jdk17).toContain('DH keySize < 1024');
    expect(jdk17).toContain('EC keySize < 224');
    expect(splitAlgorithmList('  "SSLv3,   RC4 ,,DH  keySize <  768"  ')).toEqual(['SSLv3', 'RC4', 'DH keySize < 768']);
  });
  test.each([
    ['TLS_ECDH_anon_WITH_AES_128_CBC_SHA', ['anon'], 'anon'],
    ['TLS_ECDH_anon_WITH_AES_128_CBC_SHA', ['ECDH'], 'ECDH'],
    ['AECDH-AES128-SHA', ['ECDH'], 'ECDH'],
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', ['ECDH'], undefined],
    ['TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256', ['ECDH'], 'ECDH'],
    ['TLS_RSA_WITH_AES_128_GCM_SHA256', ['TLS_RSA_*'], 'TLS_RSA_*'],
    ['SSL_RSA_WITH_3DES_EDE_CBC_SHA', ['TLS_RSA_*'], undefined],
    ['DES-CBC3-SHA', ['3DES_EDE_CBC'], '3DES_EDE_CBC'],
    ['TLS_ECDHE_RSA_WITH_RC4_128_SHA', ['RC4'], 'RC4'],
    ['SSL_RSA_EXPORT_WITH_RC4_40_MD5', ['RC4_40'], 'RC4_40'],
    ['SSL_RSA_WITH_DES_CBC_SHA', ['DES'], 'DES'],
    ['SSL_RSA_WITH_3DES_EDE_CBC_SHA', ['DES'], undefined],
    ['SSL_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA', ['DES40_CBC'], 'DES40_CBC'],
    ['TLS_ECDHE_ECDSA_WITH_NULL_SHA', ['NULL'], 'NULL'],
    ['TLS_DHE_RSA_WITH_AES_128_CBC_SHA', ['DH keySize < 1024', 'include jdk.disabled.namedCurves'], undefined],
    ['TLS_AES_128_GCM_SHA256', jdk17, undefined],
  ])('%s vs %j', (suite, entries, expected) => {
    expect(disabledEntryFor(suite, entries as string[])).toBe(expected);
  });
  test('protocolDisabledBy', () => {
    expect(protocolDisabledBy('TLSv1.0', jdk17)).toBe('TLSv1');
    expect(protocolDisabledBy('TLSv1.2', jdk17)).toBeUndefined();
    expect(protocolDisabledBy('DTLSv1.0', jdk17)).toBe('DTLSv1.0');
  });
});
