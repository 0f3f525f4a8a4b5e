import { nodeCrypto } from '../core/node-crypto';
import type { Range } from '../core/types';
import type { Comment, FormatHandler, ParsedDocument, ParseProblem, SourceFile } from './types';
import { LineIndex, splitLines } from './text';
import { describeOnce, spkiHash, UnreadCertificate, type PemCertificate } from './certificate';
import { lastPathSegment } from '../core/path-name';

export interface PemData {
  certificates: PemCertificate[];
  /** SHA-256 of the public key of each private key block (the key itself is never kept). */
  privateKeys: { range: Range; publicKeySha256?: string }[];
  /** DH parameter blocks (nginx `ssl_dhparam`): the bit length of their prime, when it can be read. */
  dhParameters?: { range: Range; bits?: number }[];
  /**
   * The file starts with a UTF-8 byte order mark (EF BB BF, written by Windows editors), `beforeBlock` when the mark
   * stands right before the first block's `-----BEGIN ` line, which then does not start with it for a reader that
   * looks for that line at the start (Tomcat's JSSE PEMFile, derive/pem-byte-order-mark.ts). OpenSSL 3 and Spring
   * Boot read such a file as without the mark.
   */
  byteOrderMark?: { beforeBlock: boolean };
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
  // A line of words among the base64 (pramodksahoo/keycloak-on-kubernetes@1859a19 certs/server.crt.pem: five lines of
  // base64, then `Need to place here the cert file`): a stand-in for the certificate to come, not a damaged one.
  const prose = body.split(/\r?\n/).find((line) => /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/.test(line.trim()));
  if (prose !== undefined) return `'${prose.trim().length > 40 ? `${prose.trim().slice(0, 40)}…` : prose.trim()}'`;
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
  if (file.utf16) return utf16Pem(file, kind, rangeAt(0, 0));
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
    data: {
      certificates,
      privateKeys,
      ...(dhParameters.length > 0 ? { dhParameters } : {}),
      ...(file.hadBom ? { byteOrderMark: { beforeBlock: file.text.startsWith('-----BEGIN ') } } : {}),
    },
  };
}

/**
 * A PEM file saved as UTF-16 (lint-deploy decodes it): the programs that load PEM files read it as bytes and find no
 * `-----BEGIN` line in it. Measured on Debian 12 with a UTF-16 LE certificate (the mark FF FE, then the text): OpenSSL
 * 3.0.19 `openssl x509` "Could not read certificate", nginx 1.22.1 `PEM_read_bio_X509_AUX() failed (… no start line …)`,
 * HAProxy 2.6.12 "unable to load certificate", httpd 2.4.71 AH00016 "Configuration Failed", keytool of OpenJDK 17.0.15
 * and Temurin 25.0.3 "Failed to parse input", Tomcat 10.1.60's PEMFile no certificate and no key, Spring Boot's
 * certificate pattern (v3.4.0) no match. So nothing is read from it: no block, one error (an info for a file nothing
 * names, engine/run/unused-pem-files.ts).
 */
function utf16Pem(file: SourceFile, kind: string, start: Range): ParsedDocument<PemData> {
  return {
    file,
    kind,
    entries: [],
    comments: [],
    problems: [
      {
        code: 'pem-encoding',
        severity: 'error',
        message:
          'The file is UTF-16 (it starts with the UTF-16 byte order mark {{mark}}): OpenSSL (nginx, HAProxy, httpd), Tomcat, keytool and Spring Boot read a PEM file as bytes and find no -----BEGIN line in it, so whatever loads it fails (nginx: `PEM_read_bio_X509_AUX() failed (... no start line ...)`, HAProxy: unable to load certificate). Its certificates and keys are not checked. Save the file as UTF-8 without a byte order mark',
        data: { mark: file.utf16 === 'be' ? '\\xfe\\xff' : '\\xff\\xfe' },
        range: start,
      },
    ],
    data: { certificates: [], privateKeys: [] },
  };
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
