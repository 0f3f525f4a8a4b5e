"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.chainFileLeaves = chainFileLeaves;
exports.caAboveLeaf = caAboveLeaf;
exports.chainLeaf = chainLeaf;
exports.trustedCopies = trustedCopies;
exports.trustedCopiesRelated = trustedCopiesRelated;
exports.chainFileLeavesRelated = chainFileLeavesRelated;
/**
 * A CA certificate above the leaf of a chain a component presents, judged where no link of the tree shows who verifies
 * it. JSSE (PKIXValidator.engineValidate: a sent certificate that is trusted, or has a trusted
 * certificate's name and key, ends the path; TrustAnchor dates are never checked) and OpenSSL (every certificate of the
 * path, the anchor included, is date-checked) differ exactly there. Measured with OpenJDK 17.0.15 (a JSSE client, a
 * JSSE server presenting leaf + CA): an expired self-signed root the client trusts: handshake completes; its renewal
 * (same name and key) trusted instead: completes; an expired intermediate under a trusted valid root:
 * CertificateExpiredException; the same intermediate trusted itself: completes. `openssl verify` refuses the
 * expired root as CAfile ('certificate has expired'), accepts the chain when the renewed root is the CAfile.
 */
const path = __importStar(require("node:path"));
const shared_1 = require("./shared");
const phrase_1 = require("../../../core/phrase");
/**
 * The leaves sent before each chain file (httpd SSLCertificateChainFile, Tomcat certificateChainFile), by file: the
 * first certificate of what each component naming it presents. The chain file's certificates follow that leaf on the
 * wire, so they are judged as the rest of a full-chain file is (measured, apache2 2.4.71 with openssl s_client and a
 * JSSE 17 client: an expired intermediate or root fails the same way from either file).
 */
function chainFileLeaves(deployment) {
    const leaves = new Map();
    for (const component of deployment.components)
        for (const store of component.tls?.trust?.chainStores ?? []) {
            const leaf = deployment.derived.presented.get(component.id)?.[0]?.certificates[0];
            if (store.file && leaf)
                leaves.set(store.file, [...(leaves.get(store.file) ?? []), leaf]);
        }
    return leaves;
}
/**
 * The certificate is a CA of a presented chain above its leaf: a key entry's chain member, or a PEM chain file's. A
 * self-signed root counts without basicConstraints: an X.509 v1 root (`openssl x509 -req` without extensions, the CA of
 * Confluent's test scripts) is a trust anchor all the same (fkshom/kafka-train@dede206's kafka.keystore.jks: leaf valid,
 * v1 root expired, a JDK 17 client trusting that root completes the handshake; `openssl verify` refuses it).
 */
function caAboveLeaf(c, chainFiles) {
    if (!c.cert.isCa && !c.cert.selfSigned)
        return false;
    if (chainFiles.has(c.doc.file.path))
        return true;
    if (c.store)
        return c.store.entry === 'private-key' && c.store.chainIndex > 0;
    if (!('certificates' in c.doc.data))
        return false;
    const [first, ...rest] = c.doc.data.certificates;
    // A file whose first certificate is a leaf (a server's chain file), not a bundle of CA certificates.
    return first !== undefined && !first.isCa && rest.some((x) => x.fingerprintSha256 === c.cert.fingerprintSha256);
}
/**
 * The leaf of the chain `c` is a member of: the key entry's own certificate, or the PEM file's first (undefined when
 * the tree does not hold it).
 */
function chainLeaf(deployment, c, chainFiles, now) {
    // A chain file sent after several leaves: one valid at `now` is enough for the CA's own dates to decide.
    const sentAfter = chainFiles.get(c.doc.file.path);
    if (sentAfter) {
        const leaves = sentAfter.map((leaf) => leaf.cert);
        return leaves.find((leaf) => leaf.notAfter >= now && leaf.notBefore <= now) ?? leaves[0];
    }
    const { store } = c;
    if (!store)
        return 'certificates' in c.doc.data ? c.doc.data.certificates[0] : undefined;
    return deployment.derived.certificates.find((t) => t.doc === c.doc && t.store?.alias === store.alias && t.store.chainIndex === 0)?.cert;
}
/**
 * The certificates of the tree that trust `c` directly, as a JSSE verifier matches them: a trusted-cert entry of a
 * store or a CA certificate of a PEM bundle, the same certificate or one of its name and key (a renewal). A JDK's own
 * cacerts is the vendor's, not the deployment's, and is left out.
 */
function trustedCopies(deployment, c) {
    return deployment.derived.certificates.filter((t) => t !== c &&
        (t.cert.fingerprintSha256 === c.cert.fingerprintSha256 ||
            (t.cert.subjectText === c.cert.subjectText && t.cert.publicKeySha256 === c.cert.publicKeySha256)) &&
        (t.store
            ? t.store.entry === 'trusted-cert' && !(0, shared_1.unusedOrVendors)(t)
            : !t.hasPrivateKey && 'certificates' in t.doc.data && t.doc.data.certificates.every((x) => x.isCa)));
}
/** The places of the trusted copies of `c`, for `related`: each file once. */
function trustedCopiesRelated(c, copies) {
    const seen = new Set();
    return copies.flatMap((t) => {
        if (seen.has(t.doc.file.path))
            return [];
        seen.add(t.doc.file.path);
        const what = t.cert.fingerprintSha256 === c.cert.fingerprintSha256
            ? 'this CA certificate'
            : `a certificate of this CA's name and key, valid until ${t.cert.notAfter.toISOString().slice(0, 10)}`;
        const alias = t.store ? ` (${(0, shared_1.entryWord)(t.store.type)} '${t.store.alias}')` : '';
        return [{ ...(0, shared_1.certLocation)(t), message: (0, phrase_1.said) `${path.basename(t.doc.file.path)} trusts ${what}${alias}` }];
    });
}
/** The leaves sent before `c`'s chain file, for `related`: whether they are valid decides how its CA is judged. */
function chainFileLeavesRelated(c, chainFiles) {
    const file = path.basename(c.doc.file.path);
    return (chainFiles.get(c.doc.file.path) ?? []).map((leaf) => ({
        ...(0, shared_1.certLocation)(leaf),
        message: (0, phrase_1.said) `the leaf sent before ${file}, valid until ${leaf.cert.notAfter.toISOString().slice(0, 10)}`,
    }));
}
