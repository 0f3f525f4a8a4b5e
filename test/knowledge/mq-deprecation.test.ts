import { mqCipherSpecDefaultState } from '../../src/knowledge';

/**
 * Whether a queue manager of a release refuses a deprecated CipherSpec by default (mq.json defaultDisabled): the
 * release line decides (V.R.0.F fix packs, V.R.M continuous-delivery releases), a later V.R inherits, and a release the
 * data does not settle stays unknown.
 */
describe('mqCipherSpecDefaultState', () => {
  it.each([
    // TLS 1.0: deprecated in 9.0.5 CD; 7.5, 8.0 and the 9.0.0 LTS fix packs keep it enabled.
    ['TLS_RSA_WITH_AES_128_CBC_SHA', '8.0.0.4', 'no'],
    ['TLS_RSA_WITH_AES_128_CBC_SHA', '9.0.0.8', 'no'],
    ['TLS_RSA_WITH_AES_128_CBC_SHA', '9.0.4.0', 'no'],
    ['TLS_RSA_WITH_AES_128_CBC_SHA', '9.0.5.0', 'yes'],
    ['TLS_RSA_WITH_AES_256_CBC_SHA', '9.1.0.0', 'yes'],
    ['TLS_RSA_WITH_AES_128_CBC_SHA', '9.4.0.5', 'yes'],
    ['TLS_RSA_WITH_AES_128_CBC_SHA', '7.1.0.0', 'unknown'],
    ['TLS_RSA_WITH_AES_128_CBC_SHA', undefined, 'unknown'],
    // SSL 3.0: 8.0.0.2 (and 7.5.0.6/7 fix packs).
    ['RC4_MD5_US', '8.0.0.1', 'no'],
    ['RC4_MD5_US', '8.0.0.2', 'yes'],
    ['RC4_MD5_US', '7.5.0.7', 'yes'],
    ['RC4_MD5_US', '7.5.0.5', 'no'],
    ['NULL_SHA', '9.0.1.0', 'yes'],
    // 3DES: 9.0.0.1 on the LTS line, 9.0.1 on the CD line; a 9.0.0.0 general-availability release still accepts it.
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', '9.0.0.0', 'no'],
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', '9.0.0.1', 'yes'],
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', '9.0.2.0', 'yes'],
    // A 9.0.0.0 point starts both 9.0 lines; no 8.0 fix pack captured for this spec.
    ['TLS_RSA_WITH_DES_CBC_SHA', '9.0.3.0', 'yes'],
    ['TLS_RSA_WITH_DES_CBC_SHA', '8.0.0.4', 'unknown'],
  ] as const)('%s on %s: disabled %s', (spec, release, disabled) => {
    expect(mqCipherSpecDefaultState(spec, release)?.disabled).toBe(disabled);
  });

  it('says nothing for a current spec or an alias', () => {
    expect(mqCipherSpecDefaultState('TLS_AES_128_GCM_SHA256', '9.4.0.5')).toBeUndefined();
    expect(mqCipherSpecDefaultState('ANY_TLS12_OR_HIGHER', '9.4.0.5')).toBeUndefined();
  });

  it('gives the deciding release and the re-enabling attribute with a source', () => {
    const state = mqCipherSpecDefaultState('TLS_RSA_WITH_AES_128_CBC_SHA', '9.2.0.0');
    expect(state).toMatchObject({ disabled: 'yes', since: '9.0.5', reenabledBy: ['AllowTLSV1'] });
    expect(state?.source).toMatch(/https:\/\/www\.ibm\.com\//);
  });
});
