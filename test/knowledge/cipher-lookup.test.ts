import { allCipherSuites, findCipherSuite } from '../../src/knowledge/ciphers';

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
