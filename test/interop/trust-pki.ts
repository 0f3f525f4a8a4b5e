/**
 * The certificate universe of the trust slices (made once per run, EC P-256) and the key stores the cases
 * carry, made as Java has them: a PKCS#12 file from openssl, imported into JKS or PKCS#12 by this JDK's
 * keytool; trusted certificate entries added with keytool -importcert. Stores are cached by content.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ca, daysFromNow, issue, leaf, type Issued } from '../helpers/pki';
import type { TrustLab } from './trust-lab';

export type StoreType = 'jks' | 'p12';

export interface Universe {
  roots: Record<'R1' | 'R2' | 'RX', Issued>;
  cas: Record<'I1' | 'I2' | 'IX', Issued>;
  /** Every certificate by name. */
  all: Record<string, Issued>;
  /** The issuing chain above a certificate (not the certificate itself), nearest first, root last. */
  above(name: string): Issued[];
}

const EXPIRED = { notBefore: daysFromNow(-800), notAfter: daysFromNow(-30) };
const FUTURE = { notBefore: daysFromNow(30), notAfter: daysFromNow(800) };

export function makeUniverse(): Universe {
  const R1 = ca('Trust Lab Root R1');
  const R2 = ca('Trust Lab Other Root R2');
  const RX = ca('Trust Lab Expired Root RX', undefined, EXPIRED);
  const I1 = ca('Trust Lab Issuing CA I1', R1);
  const I2 = ca('Trust Lab Sub CA I2', I1);
  const IX = ca('Trust Lab Expired CA IX', R1, EXPIRED);
  const parent = new Map<string, string>([
    ['I1', 'R1'],
    ['I2', 'I1'],
    ['IX', 'R1'],
  ]);
  const all: Record<string, Issued> = { R1, R2, RX, I1, I2, IX };
  const add = (name: string, issuer: string | undefined, make: (i?: Issued) => Issued) => {
    all[name] = make(issuer ? all[issuer] : undefined);
    if (issuer) parent.set(name, issuer);
  };
  for (const role of ['S', 'C'] as const) {
    const cn = (s: string) => `${role === 'S' ? 'server' : 'client'}-${s}.trust.test`;
    add(`${role}_I1`, 'I1', (i) => leaf(cn('i1'), i));
    add(`${role}_R1`, 'R1', (i) => leaf(cn('r1'), i));
    add(`${role}_I2`, 'I2', (i) => leaf(cn('i2'), i));
    add(`${role}_R2`, 'R2', (i) => leaf(cn('r2'), i));
    add(`${role}_self`, undefined, () => leaf(cn('self')));
    add(`${role}_exp`, 'I1', (i) => leaf(cn('expired'), i, EXPIRED));
    add(`${role}_future`, 'I1', (i) => leaf(cn('future'), i, FUTURE));
    add(`${role}_selfexp`, undefined, () => leaf(cn('self-expired'), undefined, EXPIRED));
    add(`${role}_RX`, 'RX', (i) => leaf(cn('under-expired-root'), i));
    add(`${role}_IX`, 'IX', (i) => leaf(cn('under-expired-ca'), i));
    add(`${role}_wrongeku`, 'I1', (i) =>
      leaf(cn('wrong-eku'), i, { extKeyUsage: [role === 'S' ? 'clientAuth' : 'serverAuth'] }),
    );
    add(`${role}_kuenc`, 'I1', (i) => leaf(cn('key-encipherment'), i, { keyUsage: ['keyEncipherment'] }));
  }
  // A leaf issued by a certificate that is not a CA.
  all.NOTCA = issue({ cn: 'Trust Lab Not A CA', issuer: R1, ca: false, keyUsage: ['digitalSignature'] });
  parent.set('NOTCA', 'R1');
  add('S_notca', 'NOTCA', (i) => leaf('server-under-not-ca.trust.test', i));
  const above = (name: string): Issued[] => {
    const out: Issued[] = [];
    for (let p = parent.get(name); p; p = parent.get(p)) out.push(all[p]);
    return out;
  };
  return { roots: { R1, R2, RX }, cas: { I1, I2, IX }, all, above };
}

/** Writes PEM files once per universe: `<name>.pem` and `<name>.key`. */
export function writeUniverse(u: Universe, dir: string): void {
  for (const [name, c] of Object.entries(u.all)) {
    fs.writeFileSync(path.join(dir, `${name}.pem`), c.pem);
    fs.writeFileSync(path.join(dir, `${name}.key`), c.keyPem);
  }
}

export interface StoreMaker {
  /** A key store holding one key entry (alias `alias`) whose chain is `chain` (leaf first). */
  keyStore(chain: Issued[], type: StoreType, alias: string): Promise<string>;
  /** A trust store holding these certificates as trusted entries. */
  trustStore(certs: Issued[], type: StoreType): Promise<string>;
}

export function storeMaker(lab: TrustLab, dir: string): StoreMaker {
  const made = new Map<string, Promise<string>>();
  const once = (key: string, make: (file: string) => Promise<void>, ext: string): Promise<string> => {
    const id = createHash('sha256').update(key).digest('hex').slice(0, 16);
    let p = made.get(id);
    if (!p) {
      const file = path.join(dir, `${id}.${ext}`);
      p = make(file).then(() => file);
      made.set(id, p);
    }
    return p;
  };
  return {
    keyStore(chain, type, alias) {
      return once(
        `key ${type} ${alias} ${chain.map((c) => c.name).join(',')}`,
        async (file) => {
          const chainFile = `${file}.chain.pem`;
          const keyFile = `${file}.key`;
          fs.writeFileSync(chainFile, chain.map((c) => c.pem).join(''));
          fs.writeFileSync(keyFile, chain[0].keyPem);
          const source = `${file}.src.p12`;
          execFileSync(
            'openssl',
            [
              'pkcs12',
              '-export',
              '-in',
              chainFile,
              '-inkey',
              keyFile,
              '-name',
              alias,
              '-out',
              source,
              '-passout',
              'pass:changeit',
            ],
            { stdio: 'ignore', timeout: 30_000 },
          );
          await lab.keytool([
            '-importkeystore',
            '-noprompt',
            '-srckeystore',
            source,
            '-srcstoretype',
            'PKCS12',
            '-srcstorepass',
            'changeit',
            '-destkeystore',
            file,
            '-deststoretype',
            type === 'jks' ? 'JKS' : 'PKCS12',
            '-deststorepass',
            'changeit',
            '-destkeypass',
            'changeit',
          ]);
          for (const f of [chainFile, keyFile, source]) fs.rmSync(f);
        },
        type,
      );
    },
    trustStore(certs, type) {
      return once(
        `trust ${type} ${certs.map((c) => c.name).join(',')}`,
        async (file) => {
          for (const [i, c] of certs.entries()) {
            const pem = `${file}.${i}.pem`;
            fs.writeFileSync(pem, c.pem);
            await lab.keytool([
              '-importcert',
              '-noprompt',
              '-alias',
              `ca${i}`,
              '-file',
              pem,
              '-keystore',
              file,
              '-storetype',
              type === 'jks' ? 'JKS' : 'PKCS12',
              '-storepass',
              'changeit',
            ]);
            fs.rmSync(pem);
          }
        },
        type,
      );
    },
  };
}
