import { createHash, randomBytes } from 'node:crypto';
import { sha256Hex } from '../../src/core/sha256';

const opensslSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex (the fingerprints, without node:crypto)', () => {
  it.each([
    ['empty', ''],
    ['FIPS 180-2 one block', 'abc'],
    ['FIPS 180-2 two blocks', 'abcdbcdecdefdefgefghfghighijhijkijkljklmjklmnklmnolmnopmnopqnopq'],
    ['a finding key', 'cleartrust/anon-cipher\u0000aserver.conf\u0000Anonymous cipher suites are enabled'],
    ['non-ASCII (UTF-8 of several bytes per character)', 'Schlüssel \u2014 鍵 \u{1F511}'],
  ])('%s: as OpenSSL computes it', (_name, text) => {
    expect(sha256Hex(text)).toBe(opensslSha256(text));
  });

  it('agrees with OpenSSL at every length around the block and length-field boundaries, 0–300 bytes', () => {
    for (let length = 0; length <= 300; length++) {
      const text = randomBytes(length).toString('latin1').slice(0, length);
      expect([length, sha256Hex(text)]).toEqual([length, opensslSha256(text)]);
    }
  });

  it('agrees with OpenSSL on a long input (many blocks)', () => {
    const text = randomBytes(100_000).toString('base64');
    expect(sha256Hex(text)).toBe(opensslSha256(text));
  });
});
