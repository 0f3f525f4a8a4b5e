/**
 * httpd/security-level-refuses-certificate against the real Apache httpd: each virtual host (its SSLCertificateFile,
 * SSLCertificateChainFile and SSLCipherSuite) is started with apache2 -X and linted as a tree with a Dockerfile naming
 * Debian 12, whose OpenSSL 3.0 (security level 2 by default) the installed apache2 links. The rule must give its error
 * exactly where httpd stops with AH02562, and nothing where it serves. The key material is
 * test/interop/security-level.ts's (openssl req / x509, as the nginx oracle makes it).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { describeWithHttpd, startHttpd } from '../helpers/httpd';
import { expectOutcomesAgree, makeMaterials } from './security-level';

const RULE = 'httpd/security-level-refuses-certificate';

interface Case {
  /** The material's files: `<name>.crt` (leaf first, then the rest of its chain) and `<name>.key`. */
  material: string;
  ciphers?: string;
  /** An SSLCertificateChainFile of this material's certificate. */
  chainFile?: string;
  /** Only the first certificate of the material's file goes into SSLCertificateFile. */
  leafOnly?: boolean;
}

const CASES: Record<string, Case> = {
  'RSA 1024': { material: 'rsa1024' },
  'RSA 2048': { material: 'rsa2048' },
  'RSA 1024, SSLCipherSuite HIGH:!aNULL:@SECLEVEL=1': { material: 'rsa1024', ciphers: 'HIGH:!aNULL:@SECLEVEL=1' },
  'RSA 2048, SSLCipherSuite HIGH:@SECLEVEL=3': { material: 'rsa2048', ciphers: 'HIGH:@SECLEVEL=3' },
  'EC P-192': { material: 'ec192' },
  'EC P-224': { material: 'ec224' },
  'a leaf signed with SHA-1 by a 2048-bit CA': { material: 'sha1-leaf' },
  'a leaf signed with SHA-256': { material: 'sha256-leaf' },
  'a 1024-bit CA after the leaf in SSLCertificateFile': { material: 'chain-ca1024' },
  'the same at @SECLEVEL=1': { material: 'chain-ca1024', ciphers: 'DEFAULT:@SECLEVEL=1' },
  'the 1024-bit CA in SSLCertificateChainFile instead': {
    material: 'chain-ca1024',
    leafOnly: true,
    chainFile: 'ca1024',
  },
  'a leaf whose 1024-bit CA is in no file': { material: 'chain-ca1024', leafOnly: true },
};

let materials: string;
beforeAll(() => {
  materials = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-httpd-levels-'));
  makeMaterials(materials);
});
afterAll(() => fs.rmSync(materials, { recursive: true, force: true }));

/** The files of a case, by name: site.crt, site.key and chain.crt. */
function filesOf(c: Case): Record<string, string> {
  const text = fs.readFileSync(path.join(materials, `${c.material}.crt`), 'utf8');
  const first = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n/.exec(text)?.[0] ?? text;
  return {
    'site.crt': c.leafOnly ? first : text,
    'site.key': fs.readFileSync(path.join(materials, `${c.material}.key`), 'utf8'),
    ...(c.chainFile ? { 'chain.crt': fs.readFileSync(path.join(materials, `${c.chainFile}.crt`), 'utf8') } : {}),
  };
}

function configOf(c: Case): string {
  return [
    'Listen 127.0.0.1:@PORT@',
    '<VirtualHost *:@PORT@>',
    '  SSLEngine on',
    '  SSLCertificateFile "@DIR@/site.crt"',
    '  SSLCertificateKeyFile "@DIR@/site.key"',
    ...(c.chainFile ? ['  SSLCertificateChainFile "@DIR@/chain.crt"'] : []),
    ...(c.ciphers ? [`  SSLCipherSuite ${c.ciphers}`] : []),
    '</VirtualHost>',
    '',
  ].join('\n');
}

/** 'AH02562' when httpd stopped with it, 'started' when it served. */
async function realOutcome(c: Case): Promise<string> {
  try {
    const server = await startHttpd({ config: configOf(c), files: filesOf(c) });
    await server.stop();
    return 'started';
  } catch (e) {
    const log = String(e);
    return log.includes('AH02562') ? 'AH02562' : `failed otherwise: ${log.slice(-300)}`;
  }
}

/** The rule on the same files, linted as a tree: 'AH02562' for its error, 'unknown' for its info, else 'started'. */
function predicted(c: Case): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-httpd-level-'));
  try {
    for (const [name, text] of Object.entries(filesOf(c))) fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(path.join(dir, 'httpd.conf'), configOf(c).replaceAll('@PORT@', '443').replaceAll('@DIR@', dir));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:bookworm\nRUN apt-get install -y apache2\n');
    const findings = lint({ paths: [dir], cwd: dir, config: defaultConfig(dir) }).findings.filter(
      (f) => f.ruleId === RULE,
    );
    if (findings.some((f) => f.severity === 'error')) return 'AH02562';
    return findings.length > 0 ? 'unknown' : 'started';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeWithHttpd('httpd/security-level-refuses-certificate against the real apache2', () => {
  it('gives its error exactly where the real server stops with AH02562', async () => {
    await expectOutcomesAgree(CASES, realOutcome, predicted, ['AH02562', 'started']);
  }, 180_000);
});
