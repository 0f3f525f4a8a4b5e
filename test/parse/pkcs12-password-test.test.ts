/**
 * The PBES2 padding test that refuses wrong passwords before the MAC's key derivation (src/parse/keystore/pbes2.ts):
 * stores written by this machine's OpenSSL 3 with each PBES2 cipher a PKCS#12 file carries, plus legacy and
 * empty-password ones. Whatever the test decides, the store opens with exactly the password that opened it before
 * (the MAC still decides), and a wrong password never reaches the MAC of a PBES2 store.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PasswordCandidate } from '../../src/parse/keystore/pkcs12';

const rehashCalls = jest.fn();
jest.mock('../../src/parse/keystore/iterated-hash', () => {
  const actual = jest.requireActual('../../src/parse/keystore/iterated-hash');
  return {
    ...actual,
    rehash: (...args: unknown[]) => {
      rehashCalls(...args);
      return actual.rehash(...args);
    },
  };
});
const { readPkcs12 } = require('../../src/parse/keystore/pkcs12') as typeof import('../../src/parse/keystore/pkcs12');

const PASSWORD = 'Pbes2-planted-7q';
const WRONG = ['changeit', 'password', 'secret', 'Pbes2-planted-7Q', 'pbes2-planted-7q', '123456'];
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-pbes2-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', timeout: 60_000 });
  ssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'k.pem');
  ssl('req', '-x509', '-key', 'k.pem', '-out', 'c.pem', '-subj', '/CN=pbes2.example', '-days', '30');
  const store = (name: string, password: string, ...options: string[]) =>
    ssl(
      'pkcs12',
      '-export',
      '-inkey',
      'k.pem',
      '-in',
      'c.pem',
      '-out',
      name,
      '-passout',
      `pass:${password}`,
      ...options,
    );
  store('aes256.p12', PASSWORD);
  store('aes128.p12', PASSWORD, '-certpbe', 'AES-128-CBC', '-keypbe', 'AES-128-CBC');
  store('des3.p12', PASSWORD, '-certpbe', 'DES-EDE3-CBC', '-keypbe', 'DES-EDE3-CBC');
  store('sha1mac.p12', PASSWORD, '-macalg', 'sha1', '-iter', '100000');
  store('empty.p12', '');
  store('legacy.p12', PASSWORD, '-legacy');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const candidates = (...passwords: string[]): PasswordCandidate[] =>
  passwords.map((password) => ({ password, kind: 'configuration' }));
const open = (name: string, list: PasswordCandidate[]) => readPkcs12(fs.readFileSync(path.join(dir, name)), list);

describe('PBES2 stores: the padding test refuses wrong passwords before the MAC', () => {
  it.each(['aes256.p12', 'aes128.p12', 'des3.p12', 'sha1mac.p12'])('%s', (name) => {
    rehashCalls.mockClear();
    const locked = open(name, candidates(...WRONG));
    expect(locked).toMatchObject({ ok: false, needsPassword: true });
    // No password, the empty one and six wrong ones: the MAC (the only rehash caller for PBES2) is never derived,
    // but for the rare wrong password whose last block pads well by chance (~1/256 each, OpenSSL's salt being random
    // each run). No password and the empty one derive the same key, so they pad well together: two calls in ~1/256
    // of the stores (a fresh-clone CI run of session 64 had them); four or more ~1e-6. Without the padding test all
    // eight would derive it.
    expect(rehashCalls.mock.calls.length).toBeLessThanOrEqual(3);

    rehashCalls.mockClear();
    const opened = open(name, candidates(...WRONG, PASSWORD));
    expect(opened).toMatchObject({ ok: true, openedWith: 'configuration', encryptedCertificates: true });
    expect(opened.ok && opened.bags.filter((b) => b.kind === 'certificate')).toHaveLength(1);
    expect(rehashCalls.mock.calls.length).toBeGreaterThanOrEqual(1);
  });
});

it('a PBES2 store written with an empty password opens with the empty one, not with none (the MAC tells them apart)', () => {
  // No password and the empty one derive the same PBES2 key, so both pass the padding test; OpenSSL's MAC is over
  // the empty password's BMPString (its NUL terminator), which only the empty candidate gives.
  expect(open('empty.p12', candidates(...WRONG))).toMatchObject({ ok: false, needsPassword: true });
  const empty: PasswordCandidate = { password: '', kind: 'empty' };
  expect(open('empty.p12', [...candidates(...WRONG), empty])).toMatchObject({ ok: true, openedWith: 'empty' });
});

it('a legacy (RC2-40) store is still tested by its MAC: wrong passwords refused, the right one opens', () => {
  expect(open('legacy.p12', candidates(...WRONG))).toMatchObject({ ok: false, needsPassword: true });
  expect(open('legacy.p12', candidates(...WRONG, PASSWORD))).toMatchObject({ ok: true, openedWith: 'configuration' });
});
