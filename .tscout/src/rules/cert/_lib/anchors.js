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
exports.inTrustBundle = inTrustBundle;
exports.jsseTrustersOnly = jsseTrustersOnly;
exports.opensslVerifiersOfExpiredFile = opensslVerifiersOfExpiredFile;
/**
 * Who trusts a PEM file of CA certificates, for cert/expired: whether an expired anchor in it matters depends on the
 * verifier. JSSE's PKIXValidator takes an anchor as trusted without checking its dates; OpenSSL checks the dates of
 * every certificate of the chain it builds, the anchor from its CA file included (checked with OpenSSL 3.0: `openssl
 * verify -CAfile ca.pem client.pem` of a valid leaf under an expired CA gives "error 10 at 1 depth lookup: certificate
 * has expired"; test/interop/expired-anchor.test.ts).
 */
const path = __importStar(require("node:path"));
/**
 * A CA certificate of a PEM file that holds only CA certificates and no identity of its own (a trust
 * bundle such as `ca.crt` or `trusted_CAs.cer`): it is never presented, only trusted, so whether its dates
 * matter depends on the verifier that trusts it.
 */
function inTrustBundle(c) {
    return !c.store && !c.hasPrivateKey && 'certificates' in c.doc.data && c.doc.data.certificates.every((x) => x.isCa);
}
/** The components naming a certificate's file (PEM or store) only as their trust store; undefined when a placeholder reference may name it too. */
function trustersOf(deployment, c) {
    // A store too: JSSE trusts its trusted entries and the first certificate of each key entry
    // (sun.security.validator.TrustStoreUtil.getTrustedCerts; checked with JDK 17: a JKS holding one key entry, given to
    // TrustManagerFactory, accepts that entry's certificate as an issuer), and the rest of a key entry's chain is sent by
    // no one when the store is only a trust store. apache/activemq@c3580e7's activemq-revoke.xml names
    // activemq-revoke.jks, whose key entry expired in 2025, only as the broker's trust store.
    const files = deployment.derived.certificateFiles;
    const trusters = files.trustOnly.get(c.doc.file.path);
    return trusters && !files.namedOutside.has(path.basename(c.doc.file.path)) ? trusters : undefined;
}
/**
 * The components that name a PEM certificate's file, when every one names it as its trust store and verifies with JSSE
 * (PKIXValidator takes a sent certificate that is in the trust store as trusted, dates unchecked): undefined otherwise,
 * or when a reference the tree does not resolve names a file of its name.
 */
function jsseTrustersOnly(deployment, c) {
    const trusters = trustersOf(deployment, c);
    return trusters?.every((t) => t.jsse) ? [...new Set(trusters.map((t) => t.name))] : undefined;
}
/**
 * The OpenSSL ends that verify their peers against a PEM file every certificate of which is outside its dates at `now`
 * (CA certificates, or a self-signed one trusted directly, its key beside it or not)
 * (an nginx server's ssl_client_certificate with ssl_verify_client on, an nginx proxy's proxy_ssl_trusted_certificate
 * with proxy_ssl_verify on, an HAProxy ca-file with verify required): no chain they build can end in a valid anchor, so
 * every peer certificate is refused, whoever the peer is. Undefined when none does.
 */
function opensslVerifiersOfExpiredFile(deployment, c, now) {
    if (c.store || !('certificates' in c.doc.data))
        return undefined;
    if (!c.doc.data.certificates.every((x) => x.notAfter < now || x.notBefore > now))
        return undefined;
    const verifiers = (trustersOf(deployment, c) ?? []).flatMap((t) => t.opensslVerifies ? [{ ...t, opensslVerifies: t.opensslVerifies }] : []);
    return verifiers.length > 0 ? verifiers : undefined;
}
