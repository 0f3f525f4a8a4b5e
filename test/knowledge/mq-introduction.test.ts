import { mqCipherSpecKnownIn } from '../../src/knowledge';

/** Whether a queue manager of a release knows a CipherSpec name (mq.json introducedIn): aliases and TLS 1.3 from 9.1.4. */
describe('mqCipherSpecKnownIn', () => {
  it.each([
    ['ANY_TLS12_OR_HIGHER', '9.1.0.5', 'no'],
    ['ANY_TLS12_OR_HIGHER', '9.0.5.0', 'no'],
    ['ANY_TLS13', '8.0.0.5', 'no'],
    ['ANY_TLS12', '9.1.1.0', 'unknown'],
    ['ANY_TLS12', '9.1.3', 'unknown'],
    ['ANY_TLS12', '9.1.4.0', 'yes'],
    ['ANY', '9.2.0.0', 'yes'],
    ['ANY_TLS13_OR_HIGHER', '9.4.0.5', 'yes'],
    ['TLS_AES_128_GCM_SHA256', '9.1.2.0', 'no'],
    ['TLS_CHACHA20_POLY1305_SHA256', '9.1.5.0', 'yes'],
    ['ANY_TLS12_OR_HIGHER', undefined, 'unknown'],
  ] as const)('%s on %s: known %s', (spec, release, known) => {
    expect(mqCipherSpecKnownIn(spec, release)?.known).toBe(known);
  });

  it('says nothing for a name every release knows', () => {
    expect(mqCipherSpecKnownIn('TLS_RSA_WITH_AES_256_GCM_SHA384', '8.0.0.5')).toBeUndefined();
  });
});
