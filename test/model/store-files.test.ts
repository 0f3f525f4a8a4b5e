import { filesAsStores, resolveStoreFile } from '../../src/model/store-files';

const files = [
  '/t/env-1/ssl/trust.p12',
  '/t/env-2/ssl/trust.p12',
  '/t/env-2/conf/ssl/trust.p12',
  '/t/env-3/keystore.jks',
  '/t/env-4/other/keystore.jks',
  '/t/a.pem',
];

describe('resolveStoreFile', () => {
  it.each([
    // The path itself, or resolved against a base directory.
    ['/t/env-3/keystore.jks', ['/x'], '/t/env-3/keystore.jks'],
    ['keystore.jks', ['/t/env-3'], '/t/env-3/keystore.jks'],
    // A server path matched by its last segments: the longest tail wins, the first file in the list on a tie.
    ['/opt/app/ssl/trust.p12', ['/x'], '/t/env-1/ssl/trust.p12'],
    ['/opt/conf/ssl/trust.p12', ['/x'], '/t/env-2/conf/ssl/trust.p12'],
    // A bare file name counts only below a base directory.
    ['keystore.jks', ['/x'], undefined],
    ['keystore.jks', ['/t/env-4'], '/t/env-4/other/keystore.jks'],
    ['/opt/keystore.jks', ['/t/env-4'], undefined],
    // Only the part after a placeholder is matched.
    ['${SSL_DIR}/ssl/trust.p12', ['/x'], '/t/env-1/ssl/trust.p12'],
    ['/opt/app/nothing.p12', ['/t'], undefined],
    ['classpath:a.pem', ['/t'], '/t/a.pem'],
  ])('%j from %j is %j', (written, bases, expected) => {
    expect(resolveStoreFile(written, bases, filesAsStores(files, 'PKCS12'))).toBe(expected);
  });
});
