import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePem, pemFormat } from '../../src/parse/pem';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/certs', name), 'utf8');

describe('PEM DH parameters (nginx ssl_dhparam)', () => {
  it.each([
    ['dh1024.pem', 1024],
    ['dh2048.pem', 2048],
  ])('%s: its prime has %i bits, as `openssl dhparam -text` says', (name, bits) => {
    const text = fixture(name);
    expect(pemFormat.classify(`/x/${name}`, text)).toBe('pem.dh-parameters');
    const doc = parsePem({ path: `/x/${name}`, text, hadBom: false }, 'pem.dh-parameters');
    expect(doc.problems).toEqual([]);
    expect(doc.data.dhParameters).toEqual([{ range: expect.anything(), bits }]);
  });

  it('a block that is not DER leaves the size unknown, without a crash', () => {
    const text = '-----BEGIN DH PARAMETERS-----\nbm90IGRlcg==\n-----END DH PARAMETERS-----\n';
    const doc = parsePem({ path: '/x/dhparam.pem', text, hadBom: false }, 'pem.dh-parameters');
    expect(doc.data.dhParameters).toEqual([{ range: expect.anything() }]);
  });
});
