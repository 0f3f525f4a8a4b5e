import { allCipherSuites, findCipherSuite } from '../../src/knowledge/ciphers';
import type { CipherSuite } from '../../src/knowledge/types';

/** findCipherSuite looks a name written in its normal form up as it is, and any other spelling normalised. */
describe('findCipherSuite', () => {
  it.each([
    'TLS_RSA_WITH_AES_128_CBC_SHA',
    'tls_rsa_with_aes_128_cbc_sha',
    '  TLS_RSA_WITH_AES_128_CBC_SHA\t',
    'SSL_RSA_WITH_AES_128_CBC_SHA',
    'AES128-SHA',
    'aes128-sha',
    '0x00,0x2F',
    '0x00, 0x2F',
    '0x002F',
    '002F',
  ])('%j is TLS_RSA_WITH_AES_128_CBC_SHA', (name) => {
    expect(findCipherSuite(name)?.iana).toBe('TLS_RSA_WITH_AES_128_CBC_SHA');
  });

  it('every suite is found by each of its names, in upper and lower case', () => {
    for (const suite of allCipherSuites())
      for (const name of [suite.iana, suite.openssl, suite.jsse, suite.ibm].filter((n): n is string => !!n)) {
        expect(findCipherSuite(name)).toBeDefined();
        expect(findCipherSuite(name.toLowerCase())).toBe(findCipherSuite(name));
      }
  });

  it('an unknown name is undefined', () => {
    expect(findCipherSuite('TLS_NOT_A_SUITE')).toBeUndefined();
    expect(findCipherSuite('')).toBeUndefined();
  });
});

/**
 * The lookup is split in two small indexes built on first use (names; code points) instead of one index of every
 * spelling (start-up builds it on every run that looks a suite up). This reference is the single index it replaced
 * (session 26): every spelling of every suite, and variants of them, must find the same suite in both.
 */
describe('findCipherSuite finds what the single index of every spelling found', () => {
  const suites = allCipherSuites();
  const reference = new Map<string, CipherSuite>();
  const add = (key: string | undefined, suite: CipherSuite) => {
    const upper = key?.toUpperCase();
    if (upper && !reference.has(upper)) reference.set(upper, suite);
  };
  for (const suite of suites) add(suite.iana, suite);
  for (const suite of suites) {
    if (suite.jsse !== suite.iana) add(suite.jsse, suite);
    add(suite.openssl, suite);
    if (suite.ibm !== suite.iana && suite.ibm !== suite.jsse) add(suite.ibm, suite);
    const hex = suite.code.replace(/0x|,/gi, '');
    add(suite.code, suite);
    add(`0x${hex}`, suite);
    add(hex, suite);
  }
  for (const suite of suites) for (const spec of suite.mq ?? []) add(spec, suite);
  const referenceFind = (name: string): CipherSuite | undefined => {
    const key = name.trim().toUpperCase().replace(/\s+/g, '');
    const direct = reference.get(key);
    if (direct) return direct;
    if (key.startsWith('SSL_')) return reference.get(`TLS_${key.slice(4)}`);
    if (key.startsWith('TLS_')) return reference.get(`SSL_${key.slice(4)}`);
    return undefined;
  };

  it('no name in the data has a blank (a name is looked up as written before it is normalised)', () => {
    const names = suites.flatMap((s) => [s.iana, s.jsse, s.openssl, s.ibm, ...(s.mq ?? [])]);
    expect(names.filter((n) => n !== undefined && /\s/.test(n))).toEqual([]);
  });

  it('every key and its variants (lower case, blanks, SSL_/TLS_ swapped, near misses)', () => {
    const names = [...reference.keys()].flatMap((key) => [
      key,
      key.toLowerCase(),
      ` ${key}\t`,
      key.replace(/^SSL_/, 'TLS_'),
      key.replace(/^TLS_/, 'SSL_'),
      `${key}X`,
      key.slice(1),
    ]);
    names.push('', '0x', '0X00', '00', '0x00,0x2', '0x00,,0x2F', 'ZZZZ', '0xGG,0x00', '0x00, 0x2F');
    const differ = names.filter((name) => findCipherSuite(name) !== referenceFind(name));
    expect(differ).toEqual([]);
    expect(names.length).toBeGreaterThan(7000);
  });
});
