"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const encrypted_cacerts_1 = require("../_lib/encrypted-cacerts");
const trust_1 = require("../_lib/trust");
const types_1 = require("../types");
const plugin_keyring_1 = require("../_lib/plugin-keyring");
const verify_without_anchors_1 = require("../_lib/verify-without-anchors");
/** The top of a presented chain when it is a private root the tree holds (a public CA's root would not be in a deployment tree). */
function privateRoot(presented, all) {
    const top = presented[presented.length - 1];
    if (!top)
        return undefined;
    if (top.cert.selfSigned)
        return top;
    return all.find((c) => c.cert.selfSigned && c.cert.subjectText === top.cert.issuerText);
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/certificate-trust-unknown',
        description: "Say which links' certificate trust the tree does not decide (trust store outside the tree, the JDK's cacerts, a store that cannot be read), and what to add",
        severity: 'info',
        messages: {
            serverUnknown: "{{client}} → {{server}}: whether {{client}} trusts {{server}}'s certificate ({{chain}}) is unknown: {{missing}}{{hint}}",
            clientUnknown: "{{client}} → {{server}}: whether {{server}} accepts {{client}}'s client certificate is unknown: {{missing}}",
        },
        options: {},
        symptoms: [],
    },
    check(ctx) {
        const failsWithoutAnchors = (0, verify_without_anchors_1.linkFailsWithoutAnchors)(ctx.deployment);
        for (const lt of ctx.deployment.derived.trust) {
            // A plug-in transport with no key database: was-plugin/https-transport-without-keyring's warning says it once.
            if ((0, plugin_keyring_1.transportWithoutKeyring)(lt.client))
                continue;
            const server = lt.serverCertificate;
            // An nginx or httpd proxy, or an HAProxy server or bind line, that verifies with no CA file trusts nothing: its
            // product's rule says the link fails (nginx and HAProxy do not start, httpd fails every proxied request); "unknown:
            // no trust store configured" beside it did not. A CA file the tree does not settle (a placeholder, an include it
            // does not hold) stays unknown here.
            if (failsWithoutAnchors(lt.client, lt.server))
                continue;
            // A JDK that reads no anchor from its cacerts is java/cacerts-unreadable's error: one verdict per fact.
            const anchorless = server?.anchorSource?.kind === 'unsettled' && (0, encrypted_cacerts_1.cacertsWithoutAnchors)(lt.client, ctx.deployment.documents);
            if (server?.verdict.kind === 'unknown' && server.presented.length > 0 && !anchorless) {
                const root = server.anchorSource?.kind === 'jdk-cacerts'
                    ? privateRoot(server.presented, ctx.deployment.derived.certificates)
                    : undefined;
                const hint = root
                    ? `. Its root ${(0, trust_1.certName)(root.cert)} is a private CA: unless it was imported into that JDK's cacerts, the handshake fails with "PKIX path building failed"`
                    : server.anchorSource?.kind === 'jdk-cacerts'
                        ? ". It depends on the JDK's cacerts"
                        : '';
                const location = (0, trust_1.verifierPlace)(server);
                ctx.report({
                    messageId: 'serverUnknown',
                    data: {
                        client: lt.client.name,
                        server: lt.server.name,
                        chain: (0, trust_1.chainText)(server),
                        missing: server.verdict.missing,
                        hint,
                    },
                    location,
                    related: (0, trust_1.trustRelated)(lt, server, location),
                    fingerprint: [lt.link.client, lt.link.server, 'server-certificate'],
                    outcome: 'unknown',
                });
            }
            const client = lt.clientCertificate;
            if (client?.verdict.kind === 'unknown' && lt.clientAuth === 'required' && server?.verdict.kind !== 'untrusted') {
                const location = (0, trust_1.peerPlace)(client);
                ctx.report({
                    messageId: 'clientUnknown',
                    data: { client: lt.client.name, server: lt.server.name, missing: client.verdict.missing },
                    location,
                    related: (0, trust_1.trustRelated)(lt, client, location),
                    fingerprint: [lt.link.client, lt.link.server, 'client-certificate'],
                    outcome: 'unknown',
                });
            }
        }
    },
});
