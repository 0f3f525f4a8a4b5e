/** Why a named store leaves a certificate check unknown: what names it, and why it cannot be read (derive/trust.ts). */
import { renderPhrase } from '../../src/core/phrase';
import { storeUnknown } from '../../src/derive/trust';
import type { StoreRef } from '../../src/model/types';

const at = { kind: 'file' as const, location: { file: '/t/x' } };
const ref = (value: string, type: string, setting?: string, file?: string): StoreRef => ({
  path: { value, from: at },
  type: { value: type, from: at },
  ...(setting ? { setting } : {}),
  ...(file ? { file } : {}),
});

describe('storeUnknown', () => {
  it.each([
    [
      'an MQ client key repository named by MQSSLKEYR, outside the tree',
      ref('${DIR}/../keys/app.kdb', 'CMS', 'MQSSLKEYR'),
      'missing',
      "C's key repository ${DIR}/../keys/app.kdb (MQSSLKEYR) is not in the tree",
    ],
    [
      'a CMS key database in the tree',
      ref('key.kdb', 'CMS', 'SSLKEYR', '/t/key.kdb'),
      'unreadable',
      "C's key repository key.kdb (SSLKEYR) is an IBM CMS key database (.kdb) of a layout lint-deploy does not read",
    ],
    [
      'a z/OS RACF key ring',
      ref('MQW1RING', 'KEYRING', 'SSLKEYR'),
      'missing',
      "C's key ring MQW1RING (SSLKEYR) is a z/OS RACF key ring, not a file of the tree",
    ],
    [
      'a locked PKCS#12 trust store',
      ref('trust.p12', 'PKCS12', undefined, '/t/trust.p12'),
      'unreadable',
      "C's trust store trust.p12 could not be read (no password tried opens it)",
    ],
  ] as const)('%s', (_name, store, why, expected) => {
    expect(renderPhrase(storeUnknown('C', store, 'trust store', why), (t) => t)).toContain(expected);
  });
});
