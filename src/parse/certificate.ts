/**
 * What lint-deploy reads of one X.509 certificate (PEM block, key store entry, CMS record): subject, issuer, names,
 * validity, key, signature, extensions, fingerprints. The certificate itself is kept (DER) so a path's signatures can
 * be checked; nothing secret is.
 */
import type { X509Certificate } from 'node:crypto';
import { nodeCrypto } from '../core/node-crypto';
import type { Range } from '../core/types';
import { signatureAlgorithmOid, SIGNATURE_OIDS } from './mq/der';
import { readExtensions } from './x509-extensions';

/** One attribute of a distinguished name, e.g. `{ type: 'OU', value: 'Payments' }`. */
export interface DnAttribute {
  type: string;
  value: string;
}

export interface PemCertificate {
  range: Range;
  /** DN attributes most-specific first (the order MQ and RFC 4514 print: CN, OU…, O, C). */
  subject: DnAttribute[];
  issuer: DnAttribute[];
  subjectText: string;
  issuerText: string;
  dnsNames: string[];
  ipAddresses: string[];
  notBefore: Date;
  notAfter: Date;
  keyType: 'RSA' | 'EC' | 'DSA' | 'Ed25519' | 'unknown';
  keyBits?: number;
  curve?: string;
  /** Signature algorithm in JDK naming (`SHA256withRSA`), or the OID when unknown. */
  signatureAlgorithm: string;
  fingerprintSha256: string;
  /** SHA-256 of the SubjectPublicKeyInfo: equal for two certificates that share a key pair. */
  publicKeySha256: string;
  serialNumber: string;
  selfSigned: boolean;
  isCa: boolean;
  /** Key usage bit names (`digitalSignature`, `keyEncipherment`, `keyCertSign`…); absent without the extension. */
  keyUsage?: string[];
  /** Extended key usage (`serverAuth`, `clientAuth`, `anyExtendedKeyUsage` or an OID); absent without the extension. */
  extKeyUsage?: string[];
  /** basicConstraints pathLenConstraint. */
  pathLen?: number;
  /** Subject and authority key identifiers (hex), for chain building. */
  subjectKeyId?: string;
  authorityKeyId?: string;
  /** The certificate itself (DER, base64): public data, kept so a path's signatures can be checked. */
  derBase64: string;
}

/**
 * A DER certificate (from a key store) or a decoded X509Certificate, described like a PEM block.
 * Throws on an invalid certificate, as X509Certificate does.
 */
export function describeCertificate(cert: Buffer | X509Certificate, range: Range): PemCertificate {
  if (cert instanceof nodeCrypto().X509Certificate) return describeRead(cert, range);
  const key = `der:${cert.toString('base64')}`;
  let described = describedByPem.get(key);
  if (!described) {
    described = describeRead(new (nodeCrypto().X509Certificate)(cert), range);
    remember(key, described);
  }
  return { ...described, range };
}

/**
 * Thrown for a certificate OpenSSL reads but whose fields lint-deploy could not take (a public key algorithm Node's
 * crypto does not load: a post-quantum or GOST key where Node's OpenSSL lacks it): sound as far as anyone knows, so
 * unknown, never "not valid".
 */
export class UnreadCertificate extends Error {}

/** describe(), its failures on a certificate the X.509 reader took thrown as UnreadCertificate. */
function describeRead(cert: X509Certificate, range: Range): PemCertificate {
  try {
    return describe(cert, range);
  } catch {
    throw new UnreadCertificate('certificate fields not read');
  }
}

/**
 * Fleets copy the same CA and partner certificates into every environment: decoding a certificate
 * (X509Certificate + key details) was a third of parsing on a 2,000-environment fleet, so the
 * description is memoised by the PEM block's text (bounded; only `range` differs per file).
 * Invalid certificates are not memoised: they throw, as before.
 */
const describedByPem = new Map<string, PemCertificate>();
export function describeOnce(pem: string, range: Range): PemCertificate {
  let described = describedByPem.get(pem);
  if (!described) {
    described = describeRead(new (nodeCrypto().X509Certificate)(pem), range);
    remember(pem, described);
  }
  return { ...described, range };
}

function remember(key: string, described: PemCertificate): void {
  if (describedByPem.size >= 2000) describedByPem.clear();
  describedByPem.set(key, described);
}

function describe(cert: X509Certificate, range: Range): PemCertificate {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const type = key.asymmetricKeyType;
  const keyType: PemCertificate['keyType'] =
    type === 'rsa' || type === 'rsa-pss'
      ? 'RSA'
      : type === 'ec'
        ? 'EC'
        : type === 'dsa'
          ? 'DSA'
          : type === 'ed25519'
            ? 'Ed25519'
            : 'unknown';
  const curve = details.namedCurve;
  const keyBits = details.modulusLength ?? (curve ? curveBits(curve) : undefined);
  const oid = signatureAlgorithmOid(cert.raw);
  const san = cert.subjectAltName ?? '';
  const ext = readExtensions(cert.raw);
  const sanParts = san.split(/,\s*/).filter(Boolean);
  return {
    range,
    subject: parseNodeDn(cert.subject),
    issuer: parseNodeDn(cert.issuer),
    subjectText: formatDn(parseNodeDn(cert.subject)),
    issuerText: formatDn(parseNodeDn(cert.issuer)),
    dnsNames: sanParts.filter((p) => p.startsWith('DNS:')).map((p) => p.slice(4)),
    ipAddresses: sanParts.filter((p) => p.startsWith('IP Address:')).map((p) => p.slice(11)),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    keyType,
    keyBits,
    curve,
    signatureAlgorithm: (oid && SIGNATURE_OIDS[oid]) ?? oid ?? 'unknown',
    fingerprintSha256: cert.fingerprint256,
    publicKeySha256: spkiHash(key.export({ type: 'spki', format: 'der' })),
    serialNumber: cert.serialNumber,
    selfSigned: selfSigned(cert, ext, oid),
    isCa: cert.ca,
    ...(ext.keyUsage ? { keyUsage: ext.keyUsage } : {}),
    ...(ext.extKeyUsage ? { extKeyUsage: ext.extKeyUsage } : {}),
    ...(ext.pathLen !== undefined ? { pathLen: ext.pathLen } : {}),
    ...(ext.subjectKeyId ? { subjectKeyId: ext.subjectKeyId } : {}),
    ...(ext.authorityKeyId ? { authorityKeyId: ext.authorityKeyId } : {}),
    derBase64: cert.raw.toString('base64'),
  };
}

/**
 * Self-signed (RFC 5280 §3.2): issued by itself, its signature verifiable with its own key. A subject equal to the
 * issuer is not enough: `openssl req` with every prompt left at its default gives a CA and the leaves it signs the same
 * DN (CrowdSalat/boilerplate@fad7d32's server.crt, whose authority key id names ca.pem's key). A key id pair that
 * disagrees, or a signature the certificate's own key does not verify, says another key signed it.
 */
function selfSigned(
  cert: X509Certificate,
  ext: { subjectKeyId?: string; authorityKeyId?: string },
  signatureOid: string | undefined,
): boolean {
  if (cert.subject !== cert.issuer) return false;
  if (ext.subjectKeyId && ext.authorityKeyId && ext.subjectKeyId !== ext.authorityKeyId) return false;
  // A signature algorithm this OpenSSL cannot check: the names decide. OpenSSL 3 has no MD2 or MD4, and Node's
  // verify() then answers false rather than throwing: apache/activemq@c3580e7's broker1.ks (2012, MD2withRSA,
  // subject = issuer) was judged a CA-issued leaf.
  if (signatureOid && !digestAvailable(signatureOid)) return true;
  try {
    return cert.verify(cert.publicKey);
  } catch {
    return true;
  }
}

/** PKCS #1 signature algorithms whose digest an OpenSSL build may lack (RFC 8017 A.2.4: md2WithRSAEncryption, md4…). */
const LEGACY_DIGESTS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'md2',
  '1.2.840.113549.1.1.3': 'md4',
};

function digestAvailable(signatureOid: string): boolean {
  const digest = LEGACY_DIGESTS[signatureOid];
  if (!digest) return true;
  try {
    nodeCrypto().createHash(digest);
    return true;
  } catch {
    return false;
  }
}

/**
 * Node prints a DN one attribute per line in encoding order (C first); MQ and RFC 4514 print it reversed. An empty DN
 * (RFC 5280 §4.1.2.6: the identity is then in a critical subjectAltName, as cert-manager issues a Certificate without
 * commonName) Node gives as `undefined`, not `''`: it is a DN of no attributes.
 */
export function parseNodeDn(text: string | undefined): DnAttribute[] {
  return (text ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const eq = line.indexOf('=');
      return { type: line.slice(0, eq).toUpperCase(), value: line.slice(eq + 1) };
    })
    .reverse();
}

/** The subject as messages print it: an empty DN by the names of its subjectAltName, which carries the identity then. */
export function subjectLabel(c: Pick<PemCertificate, 'subjectText' | 'dnsNames' | 'ipAddresses'>): string {
  if (c.subjectText) return c.subjectText;
  const names = [...c.dnsNames.map((n) => `DNS:${n}`), ...c.ipAddresses.map((n) => `IP:${n}`)];
  return names.length ? `(empty subject; ${names.join(', ')})` : '(empty subject)';
}

export function formatDn(dn: DnAttribute[]): string {
  return dn.map((a) => `${a.type}=${a.value}`).join(',');
}

export function spkiHash(der: Buffer): string {
  return nodeCrypto().createHash('sha256').update(der).digest('hex');
}

function curveBits(curve: string): number | undefined {
  const m = /(\d{3})/.exec(curve);
  return m ? Number(m[1]) : undefined;
}
