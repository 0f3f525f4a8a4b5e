import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePem } from '../../src/parse/pem';
import { subjectLabel } from '../../src/parse/certificate';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/certs', name), 'utf8');

// RFC 5280 §4.1.2.6 allows an empty subject when a critical subjectAltName names the entity; cert-manager issues such
// certificates for a Certificate without commonName (italoag/bacen-drex-k8s-dev-stack@87f6cec redpanda/ca.crt).
// Node's X509Certificate gives the empty DN as undefined, which was read as "Not a valid X.509 certificate".
describe('PEM certificates with an empty subject DN', () => {
  it.each([
    ['empty-subject-self.crt', 'self-signed: empty subject and issuer', [['', '', true]]],
    [
      'empty-subject-chain.crt',
      'a leaf issued by a named CA, with that CA',
      [
        ['', 'CN=Empty Subject Test CA', false],
        ['CN=Empty Subject Test CA', 'CN=Empty Subject Test CA', true],
      ],
    ],
  ])('%s is read as certificates: %s', (name, _what, expected) => {
    const doc = parsePem({ path: `/x/${name}`, text: fixture(name), hadBom: false }, 'pem.certificate');
    expect(doc.problems).toEqual([]);
    expect(doc.data.certificates.map((c) => [c.subjectText, c.issuerText, c.selfSigned])).toEqual(expected);
    expect(doc.data.certificates[0]!.subject).toEqual([]);
    expect(doc.data.certificates[0]!.dnsNames).toEqual(['broker.example.internal']);
  });

  it.each([
    [{ subjectText: 'CN=a', dnsNames: ['a'], ipAddresses: [] }, 'CN=a'],
    [
      { subjectText: '', dnsNames: ['a.example', 'b.example'], ipAddresses: ['10.0.0.1'] },
      '(empty subject; DNS:a.example, DNS:b.example, IP:10.0.0.1)',
    ],
    [{ subjectText: '', dnsNames: [], ipAddresses: [] }, '(empty subject)'],
  ])('messages name %j as %s', (cert, label) => {
    expect(subjectLabel(cert)).toBe(label);
  });
});
