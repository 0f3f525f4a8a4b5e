import { suitesDisabledFrom } from '../../src/knowledge/jdk-suites-disabled';

/** From data/jdk-tls-defaults.json: RC4 in the default list from 8u60 and 9, 3DES_EDE_CBC from 8u171 and 11, anon from 8u201, 7u211, 11.0.2. */
describe('suitesDisabledFrom: the JDKs whose default jdk.tls.disabledAlgorithms removes every suite given', () => {
  it.each([
    [
      // shendeswapnil6/amq-s2i's acceptor: the anon suite is 3DES too, removed from 8u171 and 11 before anon was.
      ['SSL_RSA_WITH_RC4_128_SHA', 'SSL_DH_anon_WITH_3DES_EDE_CBC_SHA'],
      {
        since: '8u171 and later 8 updates, JDK 11 and every later release',
        older: 'JDK 6, 7, 9 and 10, JDK 8 before 8u171',
        entries: ['RC4', '3DES_EDE_CBC'],
      },
    ],
    [
      ['TLS_RSA_WITH_RC4_128_SHA'],
      {
        since: '8u60 and later 8 updates, JDK 9 and every later release',
        older: 'JDK 6 and 7, JDK 8 before 8u60',
        entries: ['RC4'],
      },
    ],
    [
      ['TLS_DH_anon_WITH_AES_128_CBC_SHA'],
      {
        since:
          '7u211 and later 7 updates, 8u201 and later 8 updates, 11.0.2 and later 11 updates, JDK 12 and every later release',
        older: 'JDK 6, 9 and 10, JDK 7 before 7u211, JDK 8 before 8u201, JDK 11 before 11.0.2',
        entries: ['anon'],
      },
    ],
  ])('%j', (suites, expected) => {
    expect(suitesDisabledFrom(suites)).toEqual(expected);
  });

  it('none when the newest JDK keeps one of them, or for no suite', () => {
    expect(suitesDisabledFrom(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'])).toBeUndefined();
    expect(suitesDisabledFrom(['TLS_RSA_WITH_RC4_128_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'])).toBeUndefined();
    expect(suitesDisabledFrom([])).toBeUndefined();
  });
});
