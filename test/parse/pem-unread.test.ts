/**
 * A PEM certificate OpenSSL reads but whose fields Node's crypto cannot take (its public key algorithm: a post-quantum
 * or GOST key where Node's OpenSSL lacks the algorithm) is unknown, not "Not a valid X.509 certificate" (an error
 * before). The fixture's key algorithm is one no OpenSSL knows (test/fixtures/certs/gen.sh).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { KEYSTORE_KINDS, openPkcs12 } from '../../src/parse/keystore/format';
import { parsePem } from '../../src/parse/pem';

const fixture = path.resolve(__dirname, '../fixtures/certs/unknown-key.crt');
const text = fs.readFileSync(fixture, 'utf8');

describe('a certificate whose key lint-deploy cannot load', () => {
  it('is one OpenSSL reads (the oracle)', () => {
    expect(execFileSync('openssl', ['x509', '-in', fixture, '-noout', '-subject'], { encoding: 'utf8' })).toMatch(
      /CN\s*=\s*unknown-key\.example\.internal/,
    );
  });

  it('is an unread certificate (info), not an invalid one', () => {
    const doc = parsePem({ path: '/t/server.crt', text, hadBom: false });
    expect(doc.problems.map((p) => [p.code, p.severity])).toEqual([['pem-certificate-unread', 'info']]);
    expect(doc.data.certificates).toEqual([]);
  });

  it('a damaged block stays invalid', () => {
    const damaged = text.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n');
    expect(parsePem({ path: '/t/server.crt', text: damaged, hadBom: false }).problems.map((p) => p.code)).toEqual([
      'pem-invalid-certificate',
    ]);
  });

  it('in a PKCS#12 store (openssl pkcs12 -export) is an unread entry (info), not an invalid one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unread-'));
    try {
      const store = path.join(dir, 'trust.p12');
      execFileSync('openssl', [
        'pkcs12',
        '-export',
        '-nokeys',
        '-in',
        fixture,
        '-out',
        store,
        '-passout',
        'pass:changeit',
      ]);
      const file = { path: store, text: '', hadBom: false, bytes: fs.readFileSync(store) };
      const doc = openPkcs12(file, KEYSTORE_KINDS.PKCS12, [{ password: 'changeit', kind: 'default' }], false);
      expect(doc.problems.map((p) => [p.code, p.severity])).toEqual([['keystore-certificate-unread', 'info']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
