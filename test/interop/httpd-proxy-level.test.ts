/**
 * httpd/security-level-refuses-certificate's proxy side against the real Apache httpd: an httpd proxy (Debian 12's
 * apache2, OpenSSL 3.0 at security level 2 by default) forwards to an `openssl s_server` backend presenting each
 * material (test/interop/security-level.ts), with SSLProxyVerify and SSLProxyCipherSuite as the case says; the same
 * proxy is linted as a tree beside an nginx upstream presenting that certificate. The rule must give its error exactly
 * where every proxied request fails with 500 and AH02276 (the verify error at the proxy's level), and nothing where
 * the request reaches the backend.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintTree } from '../engine/lint-helper';
import { describeWithHttpd, startHttpd, startTlsBackend, statusOf } from '../helpers/httpd';
import { expectOutcomesAgree, makeMaterials } from './security-level';

const RULE = 'httpd/security-level-refuses-certificate';
const UNTRUSTED = 'tls/untrusted-server-certificate';

interface Case {
  /** The backend's material (`<name>.crt` with its chain, `<name>.key`) and the anchor the proxy verifies with. */
  material: string;
  anchor: string;
  /** The proxy's lines besides SSLProxyEngine, SSLProxyCACertificateFile and the peer name checks. */
  lines: string[];
}

const REQUIRE = 'SSLProxyVerify require';
const CASES: Record<string, Case> = {
  'a SHA-1-signed leaf, SSLProxyVerify require': { material: 'sha1-leaf', anchor: 'ca2048', lines: [REQUIRE] },
  'the same, SSLProxyVerify none': { material: 'sha1-leaf', anchor: 'ca2048', lines: ['SSLProxyVerify none'] },
  'the same, require with SSLProxyCipherSuite DEFAULT:@SECLEVEL=0': {
    material: 'sha1-leaf',
    anchor: 'ca2048',
    lines: [REQUIRE, 'SSLProxyCipherSuite DEFAULT:@SECLEVEL=0'],
  },
  'a SHA-256 leaf of a 2048-bit CA, require': { material: 'sha256-leaf', anchor: 'ca2048', lines: [REQUIRE] },
  'a 1024-bit self-signed backend it trusts, require': { material: 'rsa1024', anchor: 'rsa1024', lines: [REQUIRE] },
  'a 2048-bit leaf of a 1024-bit CA, require': { material: 'chain-ca1024', anchor: 'ca1024', lines: [REQUIRE] },
  'the same, require with SSLProxyCipherSuite DEFAULT:@SECLEVEL=1': {
    material: 'chain-ca1024',
    anchor: 'ca1024',
    lines: [REQUIRE, 'SSLProxyCipherSuite DEFAULT:@SECLEVEL=1'],
  },
  // optional and optional_no_ca (the backend always sends its certificate): mod_ssl fails a refused chain as with
  // require; optional fails an untrusted one too, optional_no_ca forgives an unknown issuer only, not a key the level
  // refuses in the chain OpenSSL built (an untrusted 1024-bit self-signed backend: 66 'EE certificate key too weak').
  'a SHA-1-signed leaf, optional_no_ca, its CA trusted': {
    material: 'sha1-leaf',
    anchor: 'ca2048',
    lines: ['SSLProxyVerify optional_no_ca'],
  },
  'a SHA-1-signed leaf, optional_no_ca, its CA not in the file': {
    material: 'sha1-leaf',
    anchor: 'rsa1024',
    lines: ['SSLProxyVerify optional_no_ca'],
  },
  'a 1024-bit self-signed backend, optional_no_ca, trusted': {
    material: 'rsa1024',
    anchor: 'rsa1024',
    lines: ['SSLProxyVerify optional_no_ca'],
  },
  'a 2048-bit leaf of a 1024-bit CA, optional_no_ca, the CA not in the file': {
    material: 'chain-ca1024',
    anchor: 'ca2048',
    lines: ['SSLProxyVerify optional_no_ca'],
  },
  // Silent before session 47 (the model judged no path it could not take to an anchor).
  'a 1024-bit self-signed backend, optional_no_ca, not trusted': {
    material: 'rsa1024',
    anchor: 'ca2048',
    lines: ['SSLProxyVerify optional_no_ca'],
  },
  'a SHA-256 leaf, optional_no_ca, not trusted': {
    material: 'sha256-leaf',
    anchor: 'rsa1024',
    lines: ['SSLProxyVerify optional_no_ca'],
  },
  'a SHA-1-signed leaf, SSLProxyVerify optional, its CA trusted': {
    material: 'sha1-leaf',
    anchor: 'ca2048',
    lines: ['SSLProxyVerify optional'],
  },
  'a SHA-256 leaf, optional, not trusted': {
    material: 'sha256-leaf',
    anchor: 'rsa1024',
    lines: ['SSLProxyVerify optional'],
  },
};

let materials: string;
beforeAll(() => {
  materials = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-httpd-proxy-levels-'));
  makeMaterials(materials);
});
afterAll(() => fs.rmSync(materials, { recursive: true, force: true }));

const read = (name: string) => fs.readFileSync(path.join(materials, name), 'utf8');

/** The proxy's virtual host towards `backend` (`host:port`), the CA file in `@DIR@`. */
function proxyConfig(c: Case, listen: string, backend: string): string {
  return [
    `Listen ${listen}`,
    `<VirtualHost *:${listen.split(':').at(-1)}>`,
    '  SSLProxyEngine on',
    '  SSLProxyCACertificateFile "@DIR@/ca.crt"',
    // The materials' names are not the backend's host: only the level is under test.
    '  SSLProxyCheckPeerName off',
    '  SSLProxyCheckPeerCN off',
    ...c.lines.map((l) => `  ${l}`),
    `  ProxyPass /app https://${backend}/`,
    '</VirtualHost>',
    '',
  ].join('\n');
}

/** 'AH02276' when the proxied request failed with 500 and that verify error, 'served' when it reached the backend. */
async function realOutcome(c: Case): Promise<string> {
  // The backend runs at level 0 so that it can load every material. s_server sends the first certificate of -cert
  // only: a chain material's CA goes with -cert_chain, as the linted nginx upstream sends its whole bundle.
  const chain = c.material === 'chain-ca1024' ? ['-cert_chain', path.join(materials, 'ca1024.crt')] : [];
  const backend = await startTlsBackend(read(`${c.material}.crt`), read(`${c.material}.key`), [
    '-cipher',
    'DEFAULT:@SECLEVEL=0',
    ...chain,
  ]);
  try {
    const server = await startHttpd({
      config: proxyConfig(c, '127.0.0.1:@PORT@', `127.0.0.1:${backend.port}`),
      files: { 'ca.crt': read(`${c.anchor}.crt`) },
    });
    try {
      const status = await statusOf(server.port, '/app');
      if (status === 200) return 'served';
      return status === 500 && server.errorLog().includes('AH02276')
        ? 'AH02276'
        : `${status}: ${server.errorLog().slice(-300)}`;
    } finally {
      await server.stop();
    }
  } finally {
    await backend.stop();
  }
}

/**
 * The rule on the same proxy, linted as a tree beside an upstream presenting the material: 'AH02276' for its error or
 * tls/untrusted-server-certificate's (an untrusted backend fails the same way).
 */
function predicted(c: Case): string {
  const { findings } = lintTree(
    {
      'gw/conf/httpd.conf': `ServerRoot "/etc/httpd"\n${proxyConfig(c, '80', 'api.example.internal:8443').replaceAll('"@DIR@/', '"conf/')}`,
      'gw/conf/ca.crt': read(`${c.anchor}.crt`),
      'gw/Dockerfile': 'FROM debian:bookworm\nRUN apt-get install -y apache2\nCOPY conf/ /etc/httpd/conf/\n',
      'api/nginx.conf':
        'http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate api.crt;\n    ssl_certificate_key api.key;\n    ssl_ciphers DEFAULT:@SECLEVEL=0;\n  }\n}\n',
      'api/api.crt': read(`${c.material}.crt`),
    },
    { builtIn: [RULE, UNTRUSTED] },
  );
  const proxyFindings = findings.filter(
    (f) => (f.ruleId === RULE || f.ruleId === UNTRUSTED) && f.location.file.endsWith('httpd.conf'),
  );
  if (proxyFindings.some((f) => f.severity === 'error')) return 'AH02276';
  return proxyFindings.length > 0 ? 'unknown' : 'served';
}

describeWithHttpd('httpd/security-level-refuses-certificate on the proxy side against the real apache2', () => {
  it('gives its error exactly where every proxied request fails with AH02276', async () => {
    await expectOutcomesAgree(CASES, realOutcome, predicted, ['AH02276', 'served']);
  }, 180_000);
});
