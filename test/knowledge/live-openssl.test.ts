import { execFileSync } from 'child_process';
import { findCipherSuite } from '../../src/knowledge';
import type { CipherSuite } from '../../src/knowledge';

function opensslCiphers(): string | undefined {
  try {
    return execFileSync('openssl', ['ciphers', '-V', '-stdname', 'ALL:COMPLEMENTOFALL'], {
      encoding: 'utf8',
      timeout: 10_000,
    });
  } catch {
    return undefined;
  }
}

const output = opensslCiphers();
if (output === undefined) console.warn('skipping live OpenSSL registry test: `openssl` not runnable');

/** Our kx/au/enc/mac in OpenSSL's words (Kx=ECDH for ECDHE, Au=None for anon, Enc=AESGCM(128) …). */
function asOpenssl(suite: CipherSuite) {
  const kx = suite.flags.tls13
    ? 'any'
    : ((
        { ECDHE: 'ECDH', DHE: 'DH', RSA_PSK: 'RSAPSK', DHE_PSK: 'DHEPSK', ECDHE_PSK: 'ECDHEPSK' } as Record<
          string,
          string
        >
      )[suite.kx] ?? suite.kx);
  const au = suite.flags.tls13 ? 'any' : suite.au === 'anon' ? 'None' : suite.au;
  const m = /^(AES|CAMELLIA|ARIA)_(\d+)_(CBC|GCM|CCM_8|CCM)$/.exec(suite.enc);
  let enc = suite.enc;
  if (m) {
    const family = { AES: 'AES', CAMELLIA: 'Camellia', ARIA: 'ARIA' }[m[1]]!;
    const mode = { CBC: '', GCM: 'GCM', CCM: 'CCM', CCM_8: 'CCM8' }[m[3]]!;
    enc = `${family}${mode}(${m[2]})`;
  } else if (suite.enc.startsWith('CHACHA20')) enc = 'CHACHA20/POLY1305(256)';
  else if (suite.enc === 'NULL') enc = 'None';
  return { kx, au, enc, mac: suite.mac };
}

(output === undefined ? describe.skip : describe)("registry agrees with this machine's OpenSSL", () => {
  const lines = (output ?? '').split('\n').filter((l) => l.trim());
  test('OpenSSL lists suites', () => expect(lines.length).toBeGreaterThan(50));
  test.each(lines.map((l) => [l.trim().split(/\s+/)[2], l] as const))('%s', (_iana, line) => {
    const [code, , iana, , openssl, proto, kx, au, enc, mac] = line.trim().split(/\s+/);
    const byCode = findCipherSuite(code);
    expect(byCode?.iana).toBe(iana);
    expect(findCipherSuite(iana)).toBe(byCode);
    expect(findCipherSuite(openssl)).toBe(byCode);
    expect(byCode!.openssl).toBe(openssl);
    expect(byCode!.minProtocol).toBe(proto);
    expect(asOpenssl(byCode!)).toEqual({ kx: kx.slice(3), au: au.slice(3), enc: enc.slice(4), mac: mac.slice(4) });
  });
});
