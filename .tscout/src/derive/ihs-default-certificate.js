"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ihsDefaultCertificate = ihsDefaultCertificate;
/** Called for an end with no single label (keyAlias): why its certificate is unknown, for an IHS virtual host. */
function ihsDefaultCertificate(component) {
    if (component.type !== 'ihs.server')
        return undefined;
    const written = component.attributes.serverCert?.labels.join(' ');
    return {
        unknown: written
            ? `${component.name}'s SSLServerCert ${written} names a crypto token's certificate or more than one (RSA and ECDSA, chosen per client): which one is sent is not modelled`
            : `${component.name} sets no SSLServerCert: IBM HTTP Server presents the key database's default certificate, and which entry is the default is not read from a .kdb (name it: SSLServerCert <label>)`,
    };
}
