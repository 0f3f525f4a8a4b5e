"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.levelRefusals = levelRefusals;
/**
 * What the OpenSSL security level of an nginx or httpd end refuses of the certificates it loads (ssl_certificate,
 * proxy_ssl_certificate, SSLCertificateFile) and of the upstream chains an nginx proxy verifies: computed once per
 * deployment (derive stage) and read by nginx/security-level-refuses-certificate, httpd/security-level-refuses-certificate,
 * and by cert/weak-key, which stays silent on a certificate the server refuses to load at every level (the stronger
 * fact). A refused load makes nginx log [emerg] and not start: the leaf through SSL_CTX_use_certificate ('ee key too
 * small', 'ca md too weak'), the rest of the file through SSL_CTX_set0_chain
 * (https://github.com/nginx/nginx/blob/release-1.27.3/src/event/ngx_event_openssl.c ngx_ssl_certificate). mod_ssl
 * loads SSLCertificateFile with its chain the same way (AH02562 'Failed to configure certificate … (with chain)', then
 * the library's reason); an SSLCertificateChainFile's certificates are added unchecked (measured with Debian 12's
 * apache2 2.4 and OpenSSL 3.0: a 1024-bit CA refused in the certificate file, accepted in the chain file).
 */
const types_1 = require("../core/types");
const openssl_security_level_1 = require("../knowledge/openssl-security-level");
const openssl_1 = require("../knowledge/openssl");
function levelRefusals(components, presented, trust) {
    return { load: loadRefusals(components, presented), verify: verifyRefusals(trust) };
}
function endOf(c) {
    if (c.type === 'nginx.server' && c.attributes.securityLevel)
        return { level: c.attributes.securityLevel, directive: 'ssl_certificate', series: c.attributes.openssl?.series };
    if (c.type === 'nginx.proxy' && c.attributes.securityLevel)
        return {
            level: c.attributes.securityLevel,
            directive: c.attributes.directive === 'grpc_pass' ? 'grpc_ssl_certificate' : 'proxy_ssl_certificate',
            series: c.attributes.openssl?.series,
        };
    if (c.type === 'httpd.server' && c.attributes.securityLevel)
        return { level: c.attributes.securityLevel, directive: 'SSLCertificateFile', series: c.attributes.openssl.series };
    return undefined;
}
/**
 * The certificates nginx ends load that some level they may run at refuses: one verdict per (certificate file,
 * directive), refused at every level the end may run at or at some of them only.
 */
function loadRefusals(components, presented) {
    const out = [];
    for (const component of components) {
        const end = endOf(component);
        const facts = end?.series ? (0, openssl_1.opensslSeriesOf)(end.series) : undefined;
        if (!end || !facts)
            continue;
        for (const { ref: named, certificates } of presented.get(component.id) ?? []) {
            const { reference, file, ...rest } = named;
            if (!reference || !file)
                continue;
            const ref = { ...rest, reference, file };
            // Several server blocks inherit one http-level directive: judged once.
            if (out.some((r) => (0, types_1.sameStart)(r.ref.reference, ref.reference)))
                continue;
            certificates.forEach((cert, i) => {
                const position = i === 0 ? 'leaf' : 'chain';
                const refusing = [];
                const accepting = [];
                for (const candidate of end.level.certificates) {
                    const refusal = (0, openssl_security_level_1.levelRefusal)(facts, candidate.level, cert.cert, position);
                    if (refusal)
                        refusing.push({ candidate, refusal });
                    else
                        accepting.push(candidate);
                }
                if (refusing.length > 0)
                    out.push({ component, level: end.level, ref, directive: end.directive, cert, position, refusing, accepting });
            });
        }
    }
    return out;
}
/**
 * An nginx or httpd proxy that verifies its backend's chain, with the levels it may run at. The link's trust check
 * exists only where the proxy verifies (proxy_ssl_verify on; SSLProxyVerify other than none, and with optional_no_ca
 * a path the proxy trusts or one that reaches no anchor: model/httpd-stores.ts, derive/trust.ts). httpd fails a refused
 * chain with every SSLProxyVerify but none, and an untrusted 1024-bit self-signed backend under optional_no_ca too
 * (measured: test/interop/httpd-proxy-level.test.ts).
 */
function verifyingProxy(c) {
    if (c.type === 'nginx.proxy' && c.attributes.securityLevel)
        return { level: c.attributes.securityLevel, openssl: c.attributes.openssl };
    if (c.type === 'httpd.proxy' && c.attributes.securityLevel && c.attributes.verify.value !== 'none')
        return { level: c.attributes.securityLevel, openssl: c.attributes.openssl };
    return undefined;
}
/**
 * The upstream chains nginx and httpd proxies verify (proxy_ssl_verify on, SSLProxyVerify but none) that a level they may run at refuses: OpenSSL checks
 * every key of the verified path, anchor included, and every signature but the anchor's (X509_verify_cert at the
 * SSL's security level: 66 'EE certificate key too weak', 67 'CA certificate key too weak', 68 'CA signature digest
 * algorithm too weak'; measured with s_client -verify_return_error). Only paths the tree otherwise trusts (an
 * untrusted one is another rule's finding), and those of an issuer optional_no_ca forgives. One per (proxy, certificate): the first refused certificate of the path.
 */
function verifyRefusals(trust) {
    const out = [];
    for (const { client, serverCertificate, unanchoredServerCertificate } of trust) {
        // A path the proxy trusts; or, under optional_no_ca, the chain OpenSSL built towards an issuer it lacks: the
        // callback forgives the unknown issuer, not a key or signature the level refuses (an untrusted 1024-bit self-signed
        // backend fails with 66 'EE certificate key too weak': test/interop/httpd-proxy-level.test.ts).
        const check = serverCertificate?.verdict.kind === 'trusted' ? serverCertificate : unanchoredServerCertificate;
        if (!check || (check.verdict.kind !== 'trusted' && check.verdict.kind !== 'untrusted'))
            continue;
        const verifier = verifyingProxy(client);
        if (!verifier)
            continue;
        const { level, openssl } = verifier;
        const facts = openssl ? (0, openssl_1.opensslSeriesOf)(openssl.series) : undefined;
        if (!level || !facts)
            continue;
        // The last certificate of the path (an anchor, or the top of an unanchored chain) has its key checked, not its
        // signature (OpenSSL's check_auth_level: the signatures of every certificate but the chain's last).
        const path = check.verdict.result.path;
        for (const [index, cert] of path.entries()) {
            const anchor = index === path.length - 1;
            // The anchor's own signature is not checked (it is trusted as it is).
            const judged = anchor ? { ...cert, selfSigned: true } : cert;
            const refusing = [];
            const accepting = [];
            for (const candidate of level.handshake) {
                const refusal = (0, openssl_security_level_1.levelRefusal)(facts, candidate.level, judged, index === 0 ? 'leaf' : 'chain');
                if (refusal)
                    refusing.push({ candidate, refusal });
                else
                    accepting.push(candidate);
            }
            if (refusing.length === 0)
                continue;
            out.push({ trust: check, level, cert, index, path: path.length, refusing, accepting });
            break;
        }
    }
    return out;
}
