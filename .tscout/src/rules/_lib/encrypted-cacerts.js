"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TRUST_STORE_PASSWORD = void 0;
exports.cacertsWithoutAnchors = cacertsWithoutAnchors;
exports.TRUST_STORE_PASSWORD = 'javax.net.ssl.trustStorePassword';
/**
 * Whether the component's JDK certainly reads no trust anchor from its cacerts: its image copies a PKCS#12 store whose
 * certificates a password encrypts over them, nothing gives (or may give at run time) -Djavax.net.ssl.trustStorePassword,
 * no entrypoint merges more anchors in at start, and no later keytool run may rewrite the store unencrypted
 * (-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE). java/cacerts-unreadable reports it as an error; the trust-unknown
 * info then says nothing more about the links that client verifies (one verdict per fact).
 */
function cacertsWithoutAnchors(component, documents) {
    const replaced = component.tls?.trust?.cacertsReplaced;
    if (!replaced?.encrypted || replaced.merged)
        return false;
    const runtime = component.runtime;
    if (runtime?.systemProperties[exports.TRUST_STORE_PASSWORD] || runtime?.unknownSystemProperties?.[exports.TRUST_STORE_PASSWORD])
        return false;
    const dockerfile = documents.find((d) => d.file.path === replaced.at.file);
    return !dockerfile?.file.text.includes('keystore.pkcs12.');
}
