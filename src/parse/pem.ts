import type { X509Certificate } from 'node:crypto';
import { nodeCrypto } from '../core/node-crypto';
import type { Range } from '../core/types';
import type { Comment, FormatHandler, ParsedDocument, ParseProblem, SourceFile } from './types';
import { LineIndex, splitLines } from './text';
import { signatureAlgorithmOid, SIGNATURE_OIDS } from './mq/der';
import { readExtensions } from './x509-extensions';
import { lastPathSegment } from '../core/path-name';

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

export interface PemData {
  certificates: PemCertificate[];
  /** SHA-256 of the public key of each private key block (the key itself is never kept). */
  privateKeys: { range: Range; publicKeySha256?: string }[];
  /** DH parameter blocks (nginx `ssl_dhparam`): the bit length of their prime, when it can be read. */
  dhParameters?: { range: Range; bits?: number }[];
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export const pemFormat: FormatHandler<PemData> = {
  id: 'pem',
  classify(path, head) {
    const base = lastPathSegment(path).toLowerCase();
    if (!/\.(pem|crt|cer|arm|cert|key)$/.test(base)) return undefined;
    if (/-----BEGIN CERTIFICATE-----/.test(head)) return 'pem.certificate';
    if (/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(head)) return 'pem.private-key';
    if (/-----BEGIN (X9\.42 )?DH PARAMETERS-----/.test(head)) return 'pem.dh-parameters';
    return undefined;
  },
  parse(file, kind) {
    return parsePem(file, kind);
  },
};

/**
 * The text of a certificate or private key block that stands for one instead of holding it (pegasystems/pega-helm-charts'
 * test values: `this is a test certificate`, `<<certificate content>>`), quoted and cut for a message; undefined for a
 * body of base64 (a certificate, possibly damaged). A DER certificate's or key's base64 runs on for 64 characters a line, so a
 * body without a run of 20 base64 characters is neither; nor is one that elides its base64 with `...` or
 * `…` (no base64 character: sreymja/mtls-proxy's test.crt, `MIIBIjANBgkq…AQEA...`), as documentation writes it.
 */
function placeholderText(body: string): string | undefined {
  const text = body.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
  if (/[A-Za-z0-9+/=]{20}/.test(text) && !/\.\.\.|\u2026/.test(text)) return undefined;
  if (text === '') return 'no text';
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}

/** What a placeholder key block holds, in words that quote none of it. */
function placeholderKind(body: string): string {
  const text = body.replace(/\\n/g, ' ').trim();
  if (text === '') return 'no text';
  return /\.\.\.|\u2026/.test(text) ? 'base64 elided with an ellipsis' : 'text that is not base64';
}

export function parsePem(file: SourceFile, kind = 'pem.certificate'): ParsedDocument<PemData> {
  const problems: ParseProblem[] = [];
  const certificates: PemCertificate[] = [];
  const privateKeys: PemData['privateKeys'] = [];
  const dhParameters: NonNullable<PemData['dhParameters']> = [];
  // LineIndex counts CR and CRLF line ends like splitLines (an LF-only index put positions past the end of CR-terminated lines).
  const lineIndex = new LineIndex(file.text);
  const rangeAt = (start: number, end: number): Range => lineIndex.rangeAt(start, end);
  for (const m of file.text.matchAll(BLOCK)) {
    const r = rangeAt(m.index ?? 0, (m.index ?? 0) + m[0].length);
    if (m[1] === 'CERTIFICATE') {
      try {
        certificates.push(describeOnce(m[0], r));
      } catch (error) {
        if (error instanceof UnreadCertificate) {
          problems.push({
            code: 'pem-certificate-unread',
            severity: 'info',
            message:
              'OpenSSL reads this certificate, but lint-deploy could not take its fields (its key algorithm or an unusual field): it is not checked',
            range: r,
          });
          continue;
        }
        const placeholder = placeholderText(m[2] ?? '');
        if (placeholder !== undefined) {
          problems.push({
            code: 'pem-placeholder',
            severity: 'info',
            message:
              'The certificate block holds placeholder text ({{text}}), not a certificate: the one that replaces it is not checked',
            data: { text: placeholder },
            range: r,
          });
          continue;
        }
        problems.push({
          code: 'pem-invalid-certificate',
          severity: 'error',
          message: 'Not a valid X.509 certificate: {{reason}}',
          data: { reason: (error as Error).message },
          range: r,
        });
      }
    } else if (/PRIVATE KEY$/.test(m[1]!)) {
      let publicKeySha256: string | undefined;
      // A passphrase-protected key (PKCS#8 `ENCRYPTED PRIVATE KEY`, or OpenSSL's legacy form: `Proc-Type: 4,ENCRYPTED`
      // and `DEK-Info` headers in an `RSA`/`EC PRIVATE KEY` block, as `openssl genrsa -aes256` writes it) is sound but
      // cannot be opened without its passphrase: its public key stays unknown, and nothing is wrong with it.
      const encrypted = m[1] === 'ENCRYPTED PRIVATE KEY' || /^Proc-Type:\s*4,\s*ENCRYPTED\s*$/m.test(m[2] ?? '');
      if (!encrypted) {
        try {
          publicKeySha256 = spkiHash(nodeCrypto().createPublicKey(m[0]).export({ type: 'spki', format: 'der' }));
        } catch {
          // Never the body itself: what stands in a key block may be part of a real key. Base64 that starts as DER
          // does (`MI…`: a SEQUENCE) and is not elided is a damaged key, however short.
          const body = m[2] ?? '';
          const derStart = /^\s*MI[A-Za-z0-9+/]/.test(body) && !/\.\.\.|\u2026/.test(body);
          const placeholder = !derStart && placeholderText(body) !== undefined ? placeholderKind(body) : undefined;
          problems.push(
            placeholder !== undefined
              ? {
                  code: 'pem-placeholder',
                  severity: 'info',
                  message:
                    'The private key block holds a placeholder ({{text}}), not a key: the one that replaces it is not checked',
                  data: { text: placeholder },
                  range: r,
                }
              : {
                  code: 'pem-invalid-key',
                  severity: 'warning',
                  message: 'Private key block could not be read',
                  data: {},
                  range: r,
                },
          );
        }
      }
      privateKeys.push({ range: r, publicKeySha256 });
    } else if (/DH PARAMETERS$/.test(m[1]!)) {
      const bits = dhPrimeBits(m[2] ?? '');
      dhParameters.push({ range: r, ...(bits !== undefined ? { bits } : {}) });
    }
  }
  if (kind === 'pem.certificate' && certificates.length === 0 && problems.length === 0) {
    problems.push({
      code: 'pem-empty',
      severity: 'warning',
      message: 'No PEM certificate block found',
      data: {},
      range: rangeAt(0, 0),
    });
  }
  const comments: Comment[] = [];
  splitLines(file.text).forEach((text, line) => {
    if (text.startsWith('#'))
      comments.push({
        text: text.slice(1),
        range: { start: { line, character: 0 }, end: { line, character: text.length } },
      });
  });
  return {
    file,
    kind,
    entries: [],
    comments,
    problems,
    data: { certificates, privateKeys, ...(dhParameters.length > 0 ? { dhParameters } : {}) },
  };
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
function describeOnce(pem: string, range: Range): PemCertificate {
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

function spkiHash(der: Buffer): string {
  return nodeCrypto().createHash('sha256').update(der).digest('hex');
}

function curveBits(curve: string): number | undefined {
  const m = /(\d{3})/.exec(curve);
  return m ? Number(m[1]) : undefined;
}

/**
 * The bit length of the prime of a DH parameter block (PKCS#3 DHParameter, and X9.42's DomainParameters: both a
 * SEQUENCE whose first INTEGER is p), as OpenSSL counts it for the security level; undefined when unreadable.
 */
export function dhPrimeBits(base64: string): number | undefined {
  const der = Buffer.from(base64.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  // A DER length at `at`: its value and where the content starts.
  const lengthAt = (at: number): { length: number; start: number } | undefined => {
    const first = der[at];
    if (first === undefined) return undefined;
    if (first < 0x80) return { length: first, start: at + 1 };
    const count = first & 0x7f;
    if (count === 0 || count > 4) return undefined;
    let length = 0;
    for (let i = 1; i <= count; i++) {
      const byte = der[at + i];
      if (byte === undefined) return undefined;
      length = length * 256 + byte;
    }
    return { length, start: at + 1 + count };
  };
  if (der[0] !== 0x30) return undefined;
  const sequence = lengthAt(1);
  if (!sequence || der[sequence.start] !== 0x02) return undefined;
  const integer = lengthAt(sequence.start + 1);
  if (!integer || integer.start + integer.length > der.length) return undefined;
  let at = integer.start;
  const end = integer.start + integer.length;
  while (at < end && der[at] === 0) at++;
  const top = der[at];
  if (top === undefined || at >= end) return undefined;
  return (end - at - 1) * 8 + (32 - Math.clz32(top));
}
