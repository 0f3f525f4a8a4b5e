/**
 * Certification path validation as the verifying TLS stack does it, from what the peer sends plus the
 * verifier's trust anchors (pure; dates are judged separately by `dateFailure`, at a chosen time).
 *
 * JSSE (PKIXValidator.engineValidate, then the PKIX CertPathBuilder): a sent certificate that is itself a
 * trusted certificate ends the path there; the leaf in the trust store is trusted directly, without any
 * check. Any trusted certificate is an anchor (an intermediate too), and anchors are not date-checked.
 * The end-entity checks (key usage, extended key usage) are skipped when the leaf is the anchor.
 * OpenSSL (X509_verify_cert, no X509_V_FLAG_PARTIAL_CHAIN as nginx and s_server run it): the path must end
 * in a self-signed certificate of the trust store; every certificate of it, the anchor included, is
 * date-checked; `verify depth` is the number of intermediates allowed (depth+2 certificates at most).
 */
import type { Phrase } from '../core/phrase';
import type { X509Certificate } from 'node:crypto';
import { nodeCrypto } from '../core/node-crypto';
import type { RunMemo } from '../core/run-memo';
import type { PemCertificate } from '../parse/certificate';

export type VerifierStack = 'jsse' | 'openssl';
export type CertificatePurpose = 'serverAuth' | 'clientAuth';

export type PathFailureReason =
  /** No path to any anchor (no issuer found, or the issuer is trusted by nobody). */
  | 'no-anchor'
  /** The issuer that would complete the path is in the tree but the peer does not send it and the verifier does not trust it. */
  | 'missing-intermediate'
  /** OpenSSL: the path ends in a trusted certificate that is not self-signed (no partial chains). */
  | 'anchor-not-self-signed'
  /** More intermediates than the verify depth allows. */
  | 'depth'
  /** An issuing certificate is not a CA (basicConstraints) or lacks keyCertSign, or a pathLen is exceeded. */
  | 'not-ca'
  | 'path-length'
  /** The leaf's key usage or extended key usage does not allow the purpose. */
  | 'key-usage'
  /** JSSE with revocation checking on and no CRL or OCSP to answer it: a certificate below the anchor fails. */
  | 'revocation';

export interface PathSuccess {
  ok: true;
  /** Leaf first, anchor last (the anchor alone when the leaf is trusted directly). */
  path: PemCertificate[];
  /** The leaf itself is a trusted certificate (JSSE: no further check at all; OpenSSL: a trusted self-signed leaf). */
  leafIsAnchor: boolean;
  /** The certificates whose dates the verifier checks. */
  dateChecked: PemCertificate[];
}

export interface PathFailure {
  ok: false;
  reason: PathFailureReason;
  /** The certificate the failure is about. */
  at: PemCertificate;
  /** Missing issuer: the issuer DN that was looked for; key usage: what is missing; revocation: why nothing answers. */
  detail: string | Phrase;
  /** The intermediate the peer should send (missing-intermediate). */
  missing?: PemCertificate;
  /** The partial path built so far, leaf first. */
  path: PemCertificate[];
}

export type PathResult = PathSuccess | PathFailure;

export interface PathInput {
  /** What the peer sends, leaf first, in the order sent. */
  presented: PemCertificate[];
  /** The verifier's trusted certificates. */
  anchors: PemCertificate[];
  /** Other certificates of the tree, to tell a missing intermediate from an unknown issuer. */
  elsewhere?: PemCertificate[];
  stack: VerifierStack;
  purpose: CertificatePurpose;
  /** OpenSSL verify depth (nginx ssl_verify_depth, default 1); JSSE has none. */
  verifyDepth?: number;
  /** The key usage bit the negotiated key exchange needs of a server's leaf (JSSE): digitalSignature, keyEncipherment or keyAgreement. */
  serverKeyUsage?: string;
  /** How signatures are verified (`signatureCheck`: once per pair and run when given the run's memo). */
  signed: SignatureCheck;
  /**
   * JSSE PKIX with revocation checking enabled and nothing that can answer it (no CRL, OCSP or CRL distribution
   * points): why, in words. Every certificate below the anchor then fails "Could not determine revocation status".
   */
  revocationWithoutSource?: string | Phrase;
}

/** Whether `issuer`'s key verifies `child`'s signature. */
export type SignatureCheck = (issuer: PemCertificate, child: PemCertificate) => boolean;

function verifySignature(issuer: PemCertificate, child: PemCertificate, x509: (c: PemCertificate) => X509Certificate) {
  try {
    return x509(child).verify(x509(issuer).publicKey);
  } catch {
    return false;
  }
}

/**
 * The signature check of a run: with the run's memo (src/core/run-memo.ts) each issuer/child pair is verified once
 * per run, however many environments of a fleet copy the same CA and certificates; without one, every time.
 */
export function signatureCheck(memo?: RunMemo): SignatureCheck {
  const decode = (c: PemCertificate) => new (nodeCrypto().X509Certificate)(Buffer.from(c.derBase64, 'base64'));
  if (!memo) return (issuer, child) => verifySignature(issuer, child, decode);
  const x509 = (c: PemCertificate) => memo.get('x509 certificates', c.fingerprintSha256, () => decode(c));
  return (issuer, child) =>
    memo.get('certificate signatures', `${issuer.fingerprintSha256}>${child.fingerprintSha256}`, () =>
      verifySignature(issuer, child, x509),
    );
}

/** `issuer` issued `child`: the names chain, the key ids (when both carry them) agree, and the signature verifies. */
export function issued(issuer: PemCertificate, child: PemCertificate, signed: SignatureCheck): boolean {
  if (issuer.subjectText !== child.issuerText) return false;
  if (issuer.subjectKeyId && child.authorityKeyId && issuer.subjectKeyId !== child.authorityKeyId) return false;
  return signed(issuer, child);
}

const sameCertificate = (a: PemCertificate, b: PemCertificate) => a.fingerprintSha256 === b.fingerprintSha256;
/** JSSE also takes a sent certificate with a trusted certificate's name and key as trusted (a re-signed root). */
const sameNameAndKey = (a: PemCertificate, b: PemCertificate) =>
  a.subjectText === b.subjectText && a.publicKeySha256 === b.publicKeySha256;

/** A certification path, leaf first. */
type Path = [PemCertificate, ...PemCertificate[]];

/** Validates the path the verifier builds (see the module comment). Dates are not judged here: `dateFailure`. */
export function validatePath(input: PathInput): PathResult {
  const { presented, anchors, stack, signed } = input;
  const [leaf] = presented;
  // Callers judge chains that exist (trust.ts keeps 'nothing presented' as a verdict of its own).
  if (!leaf) throw new Error('validatePath: no certificate presented');
  const isAnchor = (c: PemCertificate) =>
    anchors.some((a) => sameCertificate(a, c) || (stack === 'jsse' && sameNameAndKey(a, c)));
  // JSSE: a sent certificate (in issuing order) that is trusted ends the path; the leaf itself: trusted as is.
  if (stack === 'jsse') {
    for (const [i, cert] of presented.entries()) {
      const previous = presented[i - 1];
      if (previous && cert.subjectText !== previous.issuerText) break;
      if (isAnchor(cert)) {
        if (i === 0) return { ok: true, path: [leaf], leafIsAnchor: true, dateChecked: [] };
        return finish(input, [leaf, ...presented.slice(1, i + 1)]);
      }
    }
  } else if (leaf.selfSigned && isAnchor(leaf)) {
    return finish(input, [leaf]);
  }
  // Build upwards: anchors first at each step (both builders prefer a trusted issuer), then what was sent.
  const path: Path = [leaf];
  for (;;) {
    const current = path.at(-1) ?? leaf;
    const anchor = anchors.find((a) => !path.some((p) => sameCertificate(p, a)) && issued(a, current, signed));
    if (anchor) {
      path.push(anchor);
      if (stack === 'openssl' && !anchor.selfSigned) {
        // OpenSSL keeps looking for the anchor's own issuer; without one the path has no self-signed top.
        const above = anchors.find((a) => !path.some((p) => sameCertificate(p, a)) && issued(a, anchor, signed));
        if (!above) return { ok: false, reason: 'anchor-not-self-signed', at: anchor, detail: anchor.issuerText, path };
        continue;
      }
      return finish(input, path);
    }
    if (current.selfSigned && issued(current, current, signed)) {
      return { ok: false, reason: 'no-anchor', at: current, detail: current.subjectText, path };
    }
    const next = presented.find((c) => !path.some((p) => sameCertificate(p, c)) && issued(c, current, signed));
    if (next) {
      path.push(next);
      continue;
    }
    const missing = (input.elsewhere ?? []).find(
      (c) => !path.some((p) => sameCertificate(p, c)) && issued(c, current, signed),
    );
    if (missing && reachesAnchor(missing, anchors, input.elsewhere ?? [], stack, signed)) {
      return { ok: false, reason: 'missing-intermediate', at: current, detail: current.issuerText, missing, path };
    }
    return { ok: false, reason: 'no-anchor', at: current, detail: current.issuerText, path };
  }
}

/** Whether a certificate of the tree (not sent) would lead to an anchor: then the peer omits an intermediate. */
function reachesAnchor(
  start: PemCertificate,
  anchors: PemCertificate[],
  elsewhere: PemCertificate[],
  stack: VerifierStack,
  signed: SignatureCheck,
): boolean {
  let current = start;
  for (let hops = 0; hops < 8; hops++) {
    if (anchors.some((a) => sameCertificate(a, current))) return stack === 'jsse' || current.selfSigned;
    const anchor = anchors.find((a) => issued(a, current, signed));
    if (anchor) return stack === 'jsse' || anchor.selfSigned;
    const next = elsewhere.find((c) => !sameCertificate(c, current) && issued(c, current, signed));
    if (!next) return false;
    current = next;
  }
  return false;
}

/** The checks on a built path: CA flags and path lengths, verify depth, the leaf's key usage; records what is date-checked. */
function finish(input: PathInput, path: Path): PathResult {
  const { stack } = input;
  const [leaf] = path;
  const anchor = path.at(-1) ?? leaf;
  const leafIsAnchor = path.length === 1;
  const intermediates = path.slice(1, -1);
  if (stack === 'openssl' && input.verifyDepth !== undefined && intermediates.length > input.verifyDepth) {
    return {
      ok: false,
      reason: 'depth',
      at: path[input.verifyDepth + 1] ?? leaf,
      detail: `${intermediates.length} intermediate(s), verify depth ${input.verifyDepth}`,
      path,
    };
  }
  // Issuers must be CAs allowed to sign certificates. JSSE does not check an anchor's extensions; OpenSSL does.
  const issuers = stack === 'jsse' ? intermediates : path.slice(1);
  for (const [i, ca] of issuers.entries()) {
    if (!ca.isCa) return { ok: false, reason: 'not-ca', at: ca, detail: 'basicConstraints CA:FALSE or absent', path };
    if (ca.keyUsage && !ca.keyUsage.includes('keyCertSign'))
      return { ok: false, reason: 'not-ca', at: ca, detail: 'key usage without keyCertSign', path };
    // pathLen counts the non-self-issued intermediates below this CA.
    if (ca.pathLen !== undefined && i > ca.pathLen)
      return { ok: false, reason: 'path-length', at: ca, detail: `pathLen ${ca.pathLen}`, path };
  }
  // End-entity checks: JSSE skips them when the leaf is the anchor.
  if (!(stack === 'jsse' && leafIsAnchor)) {
    const usage = keyUsageProblem(leaf, input);
    if (usage) return { ok: false, reason: 'key-usage', at: leaf, detail: usage, path };
  }
  // JSSE's PKIXValidator accepts a trusted end-entity before any path check; below an anchor, the validator's
  // revocation checker must answer for the leaf (measured: OpenJDK 17.0.15, CertPathTrustManagerParameters with
  // revocation enabled and no CRL: "Could not determine revocation status"; a trusted self-signed leaf passes).
  if (stack === 'jsse' && !leafIsAnchor && input.revocationWithoutSource)
    return { ok: false, reason: 'revocation', at: leaf, detail: input.revocationWithoutSource, path };
  const dateChecked = stack === 'jsse' ? (leafIsAnchor ? [] : path.slice(0, -1)) : path;
  return { ok: true, path, leafIsAnchor: leafIsAnchor || sameCertificate(leaf, anchor), dateChecked };
}

/** What the leaf's key usage or extended key usage lacks for the purpose, as the verifier sees it; undefined when fine. */
export function keyUsageProblem(
  leaf: PemCertificate,
  input: Pick<PathInput, 'stack' | 'purpose' | 'serverKeyUsage'>,
): string | undefined {
  const eku = leaf.extKeyUsage;
  // JSSE (EndEntityChecker) accepts anyExtendedKeyUsage; OpenSSL's purpose check does not.
  if (eku && !eku.includes(input.purpose) && !(input.stack === 'jsse' && eku.includes('anyExtendedKeyUsage'))) {
    return `extended key usage ${eku.join(', ')} without ${input.purpose}`;
  }
  const ku = leaf.keyUsage;
  if (!ku) return undefined;
  if (input.stack === 'jsse') {
    const needed = input.purpose === 'clientAuth' ? 'digitalSignature' : input.serverKeyUsage;
    if (needed && !ku.includes(needed)) return `key usage ${ku.join(', ') || '(none)'} without ${needed}`;
    return undefined;
  }
  const accepted =
    input.purpose === 'clientAuth'
      ? ['digitalSignature', 'keyAgreement']
      : ['digitalSignature', 'keyEncipherment', 'keyAgreement'];
  if (!accepted.some((k) => ku.includes(k)))
    return `key usage ${ku.join(', ') || '(none)'} without ${accepted.join(' or ')}`;
  return undefined;
}

/** The first date-checked certificate of a built path that is not valid at `now` (leaf first, as verifiers report). */
export function dateFailure(
  result: PathSuccess,
  now: Date,
): { at: PemCertificate; kind: 'expired' | 'not-yet-valid' } | undefined {
  for (const c of result.dateChecked) {
    if (c.notAfter < now) return { at: c, kind: 'expired' };
    if (c.notBefore > now) return { at: c, kind: 'not-yet-valid' };
  }
  return undefined;
}
