"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.trustUses = trustUses;
exports.ownSelfSigned = ownSelfSigned;
exports.unnamedPeers = unnamedPeers;
exports.presentedLeavesOf = presentedLeavesOf;
const phrase_1 = require("../../../core/phrase");
/**
 * Certificates of the tree that links use only where no date check happens: a JSSE trust anchor (PKIX does
 * not check an anchor's validity, e.g. a CA bundle file) and a leaf JSSE trusts directly because it is itself
 * in the trust store. A certificate some verifier does date-check (OpenSSL checks its anchors too) is not among them.
 */
function trustUses(deployment) {
    const checked = new Set();
    const undated = new Map();
    const presented = new Map();
    for (const lt of deployment.derived.trust) {
        for (const check of [lt.serverCertificate, lt.clientCertificate]) {
            if (!check)
                continue;
            for (const c of check.presented)
                presented.set(c.cert.fingerprintSha256, [...(presented.get(c.cert.fingerprintSha256) ?? []), { lt, check }]);
            if (check.verdict.kind !== 'trusted')
                continue;
            const { path, dateChecked } = check.verdict.result;
            for (const c of dateChecked)
                checked.add(c.fingerprintSha256);
            for (const c of path)
                if (!dateChecked.includes(c))
                    undated.set(c.fingerprintSha256, [...(undated.get(c.fingerprintSha256) ?? []), { lt, check }]);
        }
    }
    const used = new Set([...checked, ...undated.keys()]);
    for (const f of checked)
        undated.delete(f);
    return { undated, used, presented };
}
/**
 * A self-signed certificate that is its holder's own identity: the certificate of a key entry alone (no CA above it
 * in the entry's chain), or a PEM certificate that is the first of its file and whose key sits beside it or that a
 * component names as the certificate it presents (nginx `ssl_certificate` with its key in `/etc/ssl/private`, the
 * Debian layout credemol/websocket-https-nginx-springboot@d901498 keeps).
 */
function ownSelfSigned(c, presentedLeaves) {
    if (!c.cert.selfSigned)
        return false;
    if (c.store)
        return c.store.entry === 'private-key' && c.store.chainIndex === 0;
    return ((c.hasPrivateKey || presentedLeaves.has(c.cert.fingerprintSha256)) &&
        'certificates' in c.doc.data &&
        c.doc.data.certificates[0]?.fingerprintSha256 === c.cert.fingerprintSha256);
}
/**
 * What a peer does with an expired certificate no setting names, if something presented it. A root (self-signed and a CA,
 * the top of a key entry's chain, or a trusted entry; not the key pair's own certificate) is only ever trusted, and JSSE
 * ends a path at a trusted root without checking its dates (OpenJDK 17.0.15, measured for cert/expired's chain roots):
 * Basitkhan23/SF-Kafka-conn-ssl@c74edfe's stores and CA file, their CA expired, were said to be rejected by any peer.
 */
function unnamedPeers(c, presentedLeaves) {
    const root = c.cert.selfSigned &&
        !ownSelfSigned(c, presentedLeaves) &&
        (c.cert.isCa || (c.store !== undefined && (c.store.chainIndex > 0 || c.store.entry === 'trusted-cert')));
    return root
        ? (0, phrase_1.ours)("a peer accepts it only as a root it trusts, and a JSSE peer (Java) that does completes the handshake (JSSE does not check a trust anchor's dates) while OpenSSL and GSKit refuse it ('certificate has expired', AMQ9633, GSK_ERROR_BAD_DATE)")
        : (0, phrase_1.ours)('peers reject it (CertificateExpiredException, AMQ9633, GSK_ERROR_BAD_DATE)');
}
/** The fingerprints of the first certificate of each file a component names as the certificate it presents. */
function presentedLeavesOf(presented) {
    const leaves = new Set();
    for (const named of presented.values())
        for (const { certificates } of named)
            if (certificates[0])
                leaves.add(certificates[0].cert.fingerprintSha256);
    return leaves;
}
