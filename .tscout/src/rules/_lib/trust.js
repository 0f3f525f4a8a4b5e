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
exports.certName = certName;
exports.linkProtocol = linkProtocol;
exports.anchorsText = anchorsText;
exports.chainText = chainText;
exports.pathFailureText = pathFailureText;
exports.certificatePlace = certificatePlace;
exports.treeCertificateOf = treeCertificateOf;
exports.verifierPlace = verifierPlace;
exports.peerPlace = peerPlace;
exports.trustRelated = trustRelated;
/** Shared plumbing for the certificate-trust rules: texts and places of a link's trust check (src/derive/trust.ts). */
const path = __importStar(require("node:path"));
const certificate_1 = require("../../parse/certificate");
const sources_1 = require("./sources");
const knowledge_1 = require("../../knowledge");
/** `CN=api.example.com` → `api.example.com`; else the whole subject. */
function certName(c) {
    return c.subject.find((a) => a.type === 'CN')?.value ?? (0, certificate_1.subjectLabel)(c);
}
/** The negotiated protocol of the link, when predicted. */
function linkProtocol(deployment, lt) {
    const p = deployment.derived.predictions.find((lp) => lp.link === lt.link)?.prediction;
    return p?.ok ? p.protocol : undefined;
}
function displayFile(root, file) {
    return path.relative(root, file).split(path.sep).join('/') || path.basename(file);
}
/** Whom the verifier trusts, in words: `conf/trust.p12 (CN=Root CA, CN=Other)`. */
function anchorsText(root, check) {
    const names = [...new Set(check.anchors.map((a) => certName(a.cert)))];
    const shown = names.length > 4 ? [...names.slice(0, 4), `${names.length - 4} more`] : names;
    const source = check.anchorSource;
    if (source?.kind === 'nothing')
        return `no certificate at all (${source.why})`;
    const where = source?.kind !== 'store'
        ? 'its trust store'
        : source.store.copiedBy && /(^|\/)lib\/security\/cacerts$/.test(source.store.path.value)
            ? `its JDK's cacerts, which its image replaces with ${displayFile(root, source.file)}`
            : source.store.copiedBy && (0, knowledge_1.systemJavaStoreAt)(source.store.path.value)
                ? `its JDK's cacerts (a link to ${source.store.path.value}), which its image replaces with ${displayFile(root, source.file)}`
                : displayFile(root, source.file);
    return `${where} (${shown.join(', ') || 'no certificate'})`;
}
/** What the peer sends, in words: `api.example.com ← Issuing CA`. */
function chainText(check) {
    return check.presented.map((c) => certName(c.cert)).join(' ← ') || '(nothing)';
}
/** A path failure in one clause. */
function pathFailureText(f) {
    switch (f.reason) {
        case 'no-anchor':
            return f.at.selfSigned
                ? `the chain ends in ${certName(f.at)}, which it does not trust`
                : `the chain ends at ${certName(f.at)}, issued by ${f.detail}, which it does not trust`;
        case 'missing-intermediate':
            return `the intermediate ${f.missing ? certName(f.missing) : f.detail} that links ${certName(f.at)} to a trusted root is not sent`;
        case 'anchor-not-self-signed':
            return `the path ends in the trusted ${certName(f.at)}, which is not self-signed, and OpenSSL needs the self-signed root too (no partial chains)`;
        case 'depth':
            return `the path is longer than the verify depth allows (${f.detail})`;
        case 'not-ca':
            return `${certName(f.at)} issues certificates but is not a CA (${f.detail})`;
        case 'path-length':
            return `${certName(f.at)}'s ${f.detail} is exceeded`;
        case 'key-usage':
            return `${certName(f.at)} has ${f.detail}`;
        case 'revocation':
            return `it checks revocation with nothing to answer it (${f.detail}), so ${certName(f.at)}, which it trusts only through its issuer, fails "Could not determine revocation status"`;
    }
}
/** The certificate's place in the tree (the store or PEM file; a store entry has no line). */
function certificatePlace(c) {
    return { file: c.doc.file.path, range: c.cert.range };
}
/** The tree certificate for a PEM certificate of a check (the presented or anchor entry). */
function treeCertificateOf(check, cert) {
    return [...check.presented, ...check.anchors].find((c) => c.cert.fingerprintSha256 === cert.fingerprintSha256);
}
/** Where the verifier's trust is configured, else the verifier itself. */
function verifierPlace(check) {
    return check.anchorsFrom ?? check.verifier.location;
}
/** Where the peer's certificate is configured, else the peer itself. */
function peerPlace(check) {
    return check.presentedFrom ?? check.peer.location;
}
/** The files a trust verdict depends on: both configurations, the trust store, the presented certificate or store. */
function trustRelated(lt, check, location) {
    const out = [];
    const add = (l, message) => {
        if (!l || out.some((o) => o.file === l.file) || l.file === location.file)
            return;
        out.push({ ...l, message });
    };
    add(check.anchorsFrom, `${check.verifier.name}'s trust store is configured here`);
    if (check.anchorSource?.kind === 'store')
        add({ file: check.anchorSource.file }, `${check.verifier.name} trusts the certificates of this store`);
    // The certificates an image adds to the JDK's cacerts (model/image-cacerts.ts).
    if (check.anchorSource?.kind === 'jdk-cacerts')
        for (const anchor of check.anchors)
            add({ file: anchor.doc.file.path }, `${check.verifier.name}'s image adds ${certName(anchor.cert)} to its JDK's cacerts`);
    if (check.anchorSource?.kind === 'unsettled')
        for (const r of check.anchorSource.related ?? [])
            add(r, r.message);
    add(check.presentedFrom, `${check.peer.name}'s certificate is configured here`);
    const leaf = check.presented[0];
    if (leaf)
        add(certificatePlace(leaf), `${check.peer.name} presents ${certName(leaf.cert)}`);
    for (const s of (0, sources_1.linkSources)(lt.link, lt.client, lt.server))
        add(s, s.message);
    return out;
}
