"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.signatureCheck = signatureCheck;
exports.issued = issued;
exports.validatePath = validatePath;
exports.keyUsageProblem = keyUsageProblem;
exports.dateFailure = dateFailure;
const node_crypto_1 = require("../core/node-crypto");
function verifySignature(issuer, child, x509) {
    try {
        return x509(child).verify(x509(issuer).publicKey);
    }
    catch {
        return false;
    }
}
/**
 * The signature check of a run: with the run's memo (src/core/run-memo.ts) each issuer/child pair is verified once
 * per run, however many environments of a fleet copy the same CA and certificates; without one, every time.
 */
function signatureCheck(memo) {
    const decode = (c) => new ((0, node_crypto_1.nodeCrypto)().X509Certificate)(Buffer.from(c.derBase64, 'base64'));
    if (!memo)
        return (issuer, child) => verifySignature(issuer, child, decode);
    const x509 = (c) => memo.get('x509 certificates', c.fingerprintSha256, () => decode(c));
    return (issuer, child) => memo.get('certificate signatures', `${issuer.fingerprintSha256}>${child.fingerprintSha256}`, () => verifySignature(issuer, child, x509));
}
/** `issuer` issued `child`: the names chain, the key ids (when both carry them) agree, and the signature verifies. */
function issued(issuer, child, signed) {
    if (issuer.subjectText !== child.issuerText)
        return false;
    if (issuer.subjectKeyId && child.authorityKeyId && issuer.subjectKeyId !== child.authorityKeyId)
        return false;
    return signed(issuer, child);
}
const sameCertificate = (a, b) => a.fingerprintSha256 === b.fingerprintSha256;
/** JSSE also takes a sent certificate with a trusted certificate's name and key as trusted (a re-signed root). */
const sameNameAndKey = (a, b) => a.subjectText === b.subjectText && a.publicKeySha256 === b.publicKeySha256;
/** Validates the path the verifier builds (see the module comment). Dates are not judged here: `dateFailure`. */
function validatePath(input) {
    const { presented, anchors, stack, signed } = input;
    const [leaf] = presented;
    // Callers judge chains that exist (trust.ts keeps 'nothing presented' as a verdict of its own).
    if (!leaf)
        throw new Error('validatePath: no certificate presented');
    const isAnchor = (c) => anchors.some((a) => sameCertificate(a, c) || (stack === 'jsse' && sameNameAndKey(a, c)));
    // JSSE: a sent certificate (in issuing order) that is trusted ends the path; the leaf itself: trusted as is.
    if (stack === 'jsse') {
        for (const [i, cert] of presented.entries()) {
            const previous = presented[i - 1];
            if (previous && cert.subjectText !== previous.issuerText)
                break;
            if (isAnchor(cert)) {
                if (i === 0)
                    return { ok: true, path: [leaf], leafIsAnchor: true, dateChecked: [] };
                return finish(input, [leaf, ...presented.slice(1, i + 1)]);
            }
        }
    }
    else if (leaf.selfSigned && isAnchor(leaf)) {
        return finish(input, [leaf]);
    }
    // Build upwards: anchors first at each step (both builders prefer a trusted issuer), then what was sent.
    const path = [leaf];
    for (;;) {
        const current = path.at(-1) ?? leaf;
        const anchor = anchors.find((a) => !path.some((p) => sameCertificate(p, a)) && issued(a, current, signed));
        if (anchor) {
            path.push(anchor);
            if (stack === 'openssl' && !anchor.selfSigned) {
                // OpenSSL keeps looking for the anchor's own issuer; without one the path has no self-signed top.
                const above = anchors.find((a) => !path.some((p) => sameCertificate(p, a)) && issued(a, anchor, signed));
                if (!above)
                    return { ok: false, reason: 'anchor-not-self-signed', at: anchor, detail: anchor.issuerText, path };
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
        const missing = (input.elsewhere ?? []).find((c) => !path.some((p) => sameCertificate(p, c)) && issued(c, current, signed));
        if (missing && reachesAnchor(missing, anchors, input.elsewhere ?? [], stack, signed)) {
            return { ok: false, reason: 'missing-intermediate', at: current, detail: current.issuerText, missing, path };
        }
        return { ok: false, reason: 'no-anchor', at: current, detail: current.issuerText, path };
    }
}
/** Whether a certificate of the tree (not sent) would lead to an anchor: then the peer omits an intermediate. */
function reachesAnchor(start, anchors, elsewhere, stack, signed) {
    let current = start;
    for (let hops = 0; hops < 8; hops++) {
        if (anchors.some((a) => sameCertificate(a, current)))
            return stack === 'jsse' || current.selfSigned;
        const anchor = anchors.find((a) => issued(a, current, signed));
        if (anchor)
            return stack === 'jsse' || anchor.selfSigned;
        const next = elsewhere.find((c) => !sameCertificate(c, current) && issued(c, current, signed));
        if (!next)
            return false;
        current = next;
    }
    return false;
}
/** The checks on a built path: CA flags and path lengths, verify depth, the leaf's key usage; records what is date-checked. */
function finish(input, path) {
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
        if (!ca.isCa)
            return { ok: false, reason: 'not-ca', at: ca, detail: 'basicConstraints CA:FALSE or absent', path };
        if (ca.keyUsage && !ca.keyUsage.includes('keyCertSign'))
            return { ok: false, reason: 'not-ca', at: ca, detail: 'key usage without keyCertSign', path };
        // pathLen counts the non-self-issued intermediates below this CA.
        if (ca.pathLen !== undefined && i > ca.pathLen)
            return { ok: false, reason: 'path-length', at: ca, detail: `pathLen ${ca.pathLen}`, path };
    }
    // End-entity checks: JSSE skips them when the leaf is the anchor.
    if (!(stack === 'jsse' && leafIsAnchor)) {
        const usage = keyUsageProblem(leaf, input);
        if (usage)
            return { ok: false, reason: 'key-usage', at: leaf, detail: usage, path };
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
function keyUsageProblem(leaf, input) {
    const eku = leaf.extKeyUsage;
    // JSSE (EndEntityChecker) accepts anyExtendedKeyUsage; OpenSSL's purpose check does not.
    if (eku && !eku.includes(input.purpose) && !(input.stack === 'jsse' && eku.includes('anyExtendedKeyUsage'))) {
        return `extended key usage ${eku.join(', ')} without ${input.purpose}`;
    }
    const ku = leaf.keyUsage;
    if (!ku)
        return undefined;
    if (input.stack === 'jsse') {
        const needed = input.purpose === 'clientAuth' ? 'digitalSignature' : input.serverKeyUsage;
        if (needed && !ku.includes(needed))
            return `key usage ${ku.join(', ') || '(none)'} without ${needed}`;
        return undefined;
    }
    const accepted = input.purpose === 'clientAuth'
        ? ['digitalSignature', 'keyAgreement']
        : ['digitalSignature', 'keyEncipherment', 'keyAgreement'];
    if (!accepted.some((k) => ku.includes(k)))
        return `key usage ${ku.join(', ') || '(none)'} without ${accepted.join(' or ')}`;
    return undefined;
}
/** The first date-checked certificate of a built path that is not valid at `now` (leaf first, as verifiers report). */
function dateFailure(result, now) {
    for (const c of result.dateChecked) {
        if (c.notAfter < now)
            return { at: c, kind: 'expired' };
        if (c.notBefore > now)
            return { at: c, kind: 'not-yet-valid' };
    }
    return undefined;
}
