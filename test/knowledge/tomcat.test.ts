/**
 * Tomcat's connector defaults and its expansion of `ciphers`, against the real thing: each line of the fixture
 * is a `ciphers` value and the suites Tomcat 10.1.60's JSSEUtil enabled for it on OpenJDK 17.0.15 (Debian's
 * libtomcat10-java, SSLHostConfig.setCiphers + JSSEUtil.getEnabledCiphers; the JDK's supported list, which
 * leaves out what jdk.tls.disabledAlgorithms disables). The first line is Tomcat's default.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { disabledSuiteMatcher, jdkProfile, parseJavaVersion } from '../../src/knowledge';
import { suiteList } from '../../src/knowledge/jdk';
import { tomcatSuites, tomcatTlsFacts } from '../../src/knowledge/tomcat';

const FIXTURE = path.join(__dirname, 'fixtures', 'tomcat-10.1.60-openjdk17-ciphers.tsv');
const cases = fs
  .readFileSync(FIXTURE, 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t') as [string, string]);

const jdk17 = jdkProfile('openjdk', parseJavaVersion('17.0.15')!)!;
const disabled = disabledSuiteMatcher(jdk17.tlsDisabledAlgorithms.value);
const list = suiteList('jsse-17')!;
const implemented = new Set([...list.defaultEnabled, ...list.supportedNotEnabled]);

describe('Tomcat JSSE cipher expansion matches Tomcat 10.1.60 on OpenJDK 17', () => {
  const facts = tomcatTlsFacts('10.1.60');
  test.each(cases)('%s', (ciphers, real) => {
    const value = ciphers === 'HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!kRSA' ? undefined : ciphers;
    const mine = tomcatSuites(value, undefined, facts).suites.filter((s) => implemented.has(s) && !disabled(s));
    expect(mine.join(',')).toBe(real);
  });
});

describe('Tomcat facts by release', () => {
  test('the TLS 1.3 suites come from cipherSuites from 9.0.115, 10.1.52 and 11.0.18 on', () => {
    expect(
      ['9.0.114', '9.0.115', '10.1.51', '10.1.52', '11.0.17', '11.0.18'].map((r) => tomcatTlsFacts(r).tls13Suites),
    ).toEqual(['ciphers', 'cipherSuites', 'ciphers', 'cipherSuites', 'ciphers', 'cipherSuites']);
  });
  test('8.5 leaves the suite order to the JDK; 9.0 and later set client order unless honorCipherOrder', () => {
    expect(tomcatTlsFacts('8.5.100').honorCipherOrderDefault).toBe('jdk');
    expect(tomcatTlsFacts('9.0.0').honorCipherOrderDefault).toBe(false);
    expect(tomcatTlsFacts('11.0.2').honorCipherOrderDefault).toBe(false);
  });
  test("'all' names TLSv1.3 from 8.5.35 and 9.0.13", () => {
    expect(tomcatTlsFacts('8.5.34').protocolsAll).not.toContain('TLSv1.3');
    expect(tomcatTlsFacts('8.5.35').protocolsAll).toContain('TLSv1.3');
    expect(tomcatTlsFacts('9.0.12').protocolsAll).not.toContain('TLSv1.3');
    expect(tomcatTlsFacts('9.0.13').protocolsAll).toContain('TLSv1.3');
  });
  test('no version in the tree: the assumed release, said so', () => {
    const facts = tomcatTlsFacts();
    expect(facts.assumed).toBe(true);
    expect(facts.tls13Suites).toBe('cipherSuites');
    expect(tomcatTlsFacts('7.0.109').assumed).toBe(true);
  });
  test('older releases: an explicit list without TLS 1.3 names enables no TLS 1.3 suite; newer ones add the default three', () => {
    const list = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
    expect(tomcatSuites(list, undefined, tomcatTlsFacts('9.0.80')).suites).toEqual([list]);
    expect(tomcatSuites(list, undefined, tomcatTlsFacts('9.0.115')).suites).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_128_GCM_SHA256',
      list,
    ]);
    expect(tomcatSuites(list, 'TLS_AES_128_GCM_SHA256', tomcatTlsFacts('9.0.115')).suites).toEqual([
      'TLS_AES_128_GCM_SHA256',
      list,
    ]);
  });
});
