/**
 * A small certificate factory for tests: X.509 v3 certificates with chosen dates, CA flags, path lengths,
 * key usage and extended key usage, signed with node:crypto (EC P-256, SHA-256). No openssl process, so a
 * test can make hundreds of certificates quickly; `openssl x509` and keytool read the PEM it writes.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface Issued {
  name: string;
  pem: string;
  der: Buffer;
  keyPem: string;
  key: KeyObject;
  spki: Buffer;
}

export interface CertificateSpec {
  /** Common name (also the SAN DNS name of a leaf unless `dns` is given). */
  cn: string;
  /** The issuer; absent: self-signed. */
  issuer?: Issued;
  notBefore?: Date;
  notAfter?: Date;
  /** basicConstraints CA:TRUE (critical); false: CA:FALSE; undefined: no extension. */
  ca?: boolean;
  pathLen?: number;
  /** Key usage bit names; absent: no extension. */
  keyUsage?: string[];
  /** Extended key usage names (serverAuth, clientAuth, anyExtendedKeyUsage); absent: no extension. */
  extKeyUsage?: string[];
  dns?: string[];
  serial?: number;
}

// --- DER ---
const len = (n: number): Buffer => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};
/** One DER element: tag, length, content (also test/helpers/cms-kdb.ts). */
export const tlv = (tag: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), len(body.length), body]);
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts));
const octets = (b: Buffer) => tlv(0x04, b);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const explicit = (n: number, body: Buffer) => tlv(0xa0 + n, body);
function int(n: number): Buffer {
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  if (bytes.length === 0 || bytes[0] & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}
function oid(text: string): Buffer {
  const parts = text.split('.').map(Number);
  const bytes = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [];
    for (let v = p; ; v = Math.floor(v / 128)) {
      chunk.unshift((v & 0x7f) | (chunk.length ? 0x80 : 0));
      if (v < 128) break;
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}
const name = (cn: string) => seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn)))));

const KU_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];
const EKU_OIDS: Record<string, string> = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  anyExtendedKeyUsage: '2.5.29.37.0',
};

function keyUsageBits(names: string[]): Buffer {
  const bytes = [0, 0];
  for (const n of names) {
    const i = KU_BITS.indexOf(n);
    if (i < 0) throw new Error(`unknown key usage ${n}`);
    bytes[i >> 3] |= 0x80 >> (i & 7);
  }
  const used = bytes[1] ? bytes : [bytes[0]];
  let unused = 0;
  const last = used[used.length - 1];
  while (unused < 7 && last !== 0 && !(last & (1 << unused))) unused++;
  return tlv(0x03, Buffer.from([last === 0 ? 0 : unused, ...used]));
}

const ext = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
const keyId = (spki: Buffer) => createHash('sha1').update(spki).digest().subarray(0, 20);

let serialCounter = 1000;
const DAY = 86_400_000;

/** Issues one certificate (a fresh EC P-256 key). */
export function issue(spec: CertificateSpec): Issued {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const issuerName = spec.issuer ? spec.issuer.name : spec.cn;
  const signer = spec.issuer ? spec.issuer.key : privateKey;
  const exts: Buffer[] = [];
  if (spec.ca !== undefined)
    exts.push(
      ext(
        '2.5.29.19',
        true,
        seq(...(spec.ca ? [bool(true)] : []), ...(spec.ca && spec.pathLen !== undefined ? [int(spec.pathLen)] : [])),
      ),
    );
  if (spec.keyUsage) exts.push(ext('2.5.29.15', true, keyUsageBits(spec.keyUsage)));
  if (spec.extKeyUsage) exts.push(ext('2.5.29.37', false, seq(...spec.extKeyUsage.map((e) => oid(EKU_OIDS[e] ?? e)))));
  exts.push(ext('2.5.29.14', false, octets(keyId(spki))));
  exts.push(ext('2.5.29.35', false, seq(tlv(0x80, keyId(spec.issuer ? spec.issuer.spki : spki)))));
  if (!spec.ca)
    exts.push(ext('2.5.29.17', false, seq(...(spec.dns ?? [spec.cn]).map((d) => tlv(0x82, Buffer.from(d))))));
  const algorithm = seq(oid('1.2.840.10045.4.3.2'));
  const now = Date.now();
  const tbs = seq(
    explicit(0, int(2)),
    int(spec.serial ?? serialCounter++),
    algorithm,
    name(issuerName),
    seq(time(spec.notBefore ?? new Date(now - DAY)), time(spec.notAfter ?? new Date(now + 36500 * DAY))),
    name(spec.cn),
    spki,
    explicit(3, seq(...exts)),
  );
  const signature = sign('sha256', tbs, signer);
  const der = seq(tbs, algorithm, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const pem = `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { name: spec.cn, pem, der, keyPem, key: privateKey, spki };
}

/** A CA certificate with the usual extensions. */
export function ca(cn: string, issuer?: Issued, more: Partial<CertificateSpec> = {}): Issued {
  return issue({ cn, issuer, ca: true, keyUsage: ['keyCertSign', 'cRLSign'], ...more });
}

/** A leaf for TLS servers and clients. */
export function leaf(cn: string, issuer?: Issued, more: Partial<CertificateSpec> = {}): Issued {
  return issue({
    cn,
    issuer,
    ca: false,
    keyUsage: ['digitalSignature'],
    extKeyUsage: ['serverAuth', 'clientAuth'],
    ...more,
  });
}

export const daysFromNow = (days: number): Date => new Date(Date.now() + days * DAY);
