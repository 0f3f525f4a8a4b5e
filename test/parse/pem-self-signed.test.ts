import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePem } from '../../src/parse/pem';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/certs', name), 'utf8');

// Self-signed is issued by itself (RFC 5280 §3.2), not "subject equals issuer": `openssl req` with every prompt left
// at its default gives a CA and the leaves it signs one DN (CrowdSalat/boilerplate@fad7d32's server.crt and ca.pem).
describe('PEM certificates: self-signed', () => {
  it.each([
    ['samedn-ca.crt', true, 'the CA, issued by its own key'],
    ['samedn-leaf.crt', false, "a leaf with its CA's DN, its authority key id naming the CA's key"],
    ['rsa1024-self.crt', true, 'a self-signed leaf (`openssl req -x509`)'],
    ['api-san.crt', false, 'a leaf of another DN than its CA'],
    // OpenSSL 3 has no MD2: Node's verify() answers false, which said "another key signed it".
    [
      'md2-self-signed.crt',
      true,
      'MD2withRSA, a digest this OpenSSL lacks: the names decide (apache/activemq broker1.ks)',
    ],
  ])('%s: selfSigned %s (%s)', (name, selfSigned) => {
    const text = fixture(name);
    const doc = parsePem({ path: `/x/${name}`, text, hadBom: false }, 'pem.certificate');
    expect(doc.data.certificates.map((c) => c.selfSigned)).toEqual([selfSigned]);
  });
});
