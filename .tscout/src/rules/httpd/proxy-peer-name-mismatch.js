"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const ip_1 = require("../../core/ip");
const hostname_mismatch_1 = require("../cert/hostname-mismatch");
const presented_1 = require("../cert/_lib/presented");
const shared_1 = require("../cert/_lib/shared");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * httpd as a TLS client checks the backend certificate's names against the host of the ProxyPass URL after the
 * handshake, whatever SSLProxyVerify says (SSLProxyCheckPeerName and SSLProxyCheckPeerCN, both on by default;
 * ssl_engine_io.c, modssl_X509_match_name: the subjectAltName DNS names and the subject CN, wildcards allowed). A
 * mismatch answers every proxied request with 500 (measured on httpd 2.4.71 with SSLProxyVerify none: AH00898 at error
 * level, AH02411 at info; CN=localhost with subjectAltName DNS:other.example passes for https://localhost/).
 * Not judged: an IP literal host, `ProxyPreserveHost on` (the client's Host header is the name), a check turned off,
 * or one a main configuration the tree does not hold may turn off.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'httpd/proxy-peer-name-mismatch',
        description: "Check that the host of an httpd ProxyPass https:// URL is a name the backend's certificate holds: mod_ssl checks it even with SSLProxyVerify none",
        severity: 'error',
        appliesTo: { components: ['httpd.proxy'] },
        messages: {
            mismatch: "{{client}} connects to {{host}}, but {{server}} presents {{dn}}, whose names ({{names}}) do not include it: mod_ssl checks the backend's name even with SSLProxyVerify {{verify}} (SSLProxyCheckPeerName on, the default), so httpd answers every request it proxies there with 500 and logs 'AH00898: Error during SSL Handshake with remote server' (the cause, 'AH02411: SSL Proxy: Peer certificate does not match for hostname {{host}}', only at LogLevel info). Call the backend by a name its certificate holds, or re-issue the certificate with DNS:{{host}} in its subjectAltName; set SSLProxyCheckPeerName off only where nobody can intercept the hop",
        },
        options: {},
        symptoms: [
            'AH02411',
            'Peer certificate does not match for hostname',
            'Error during SSL Handshake with remote server',
        ],
    },
    check(ctx) {
        for (const { client, server } of (0, presented_1.resolvedLinks)(ctx.deployment)) {
            if (client.type !== 'httpd.proxy')
                continue;
            const { peerChecks, peerChecksUnknown, preserveHost, urls, verify } = client.attributes;
            const [url] = urls;
            if (!url || peerChecksUnknown || preserveHost || !peerChecks.name.value || !peerChecks.cn.value)
                continue;
            if ((0, ip_1.isIpAddress)(url.host))
                continue;
            const [leaf] = (0, presented_1.presentedCertificates)(ctx.deployment, server);
            if (!leaf)
                continue;
            const names = [...leaf.cert.dnsNames, ...leaf.cert.subject.filter((a) => a.type === 'CN').map((a) => a.value)];
            if (names.some((n) => (0, hostname_mismatch_1.dnsNameMatches)(n, url.host)))
                continue;
            ctx.report({
                messageId: 'mismatch',
                data: {
                    client: client.name,
                    host: url.host,
                    server: server.name,
                    dn: (0, shared_1.certName)(leaf),
                    names: names.join(', ') || (0, phrase_1.ours)('none'),
                    verify: verify.value,
                },
                location: url.location,
                related: [
                    (0, presented_1.relatedCertificate)(leaf, `certificate presented by ${server.name}`),
                    { ...(0, presented_1.certificateReference)(server), message: (0, phrase_1.said) `${server.name} uses this certificate` },
                    ...(client.attributes.includedBy ?? []),
                ],
                fingerprint: [client.id, server.id, url.host],
            });
        }
    },
});
