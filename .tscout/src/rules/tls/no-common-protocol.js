"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const derive_1 = require("../../derive/derive");
const links_1 = require("../../handshake/links");
const link_owners_1 = require("../_lib/link-owners");
const sources_1 = require("../_lib/sources");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
// no-signature-algorithm: both enable the protocol, but the OpenSSL server cannot sign it, or the OpenSSL client
// accepts no signed key exchange in it, at its security level.
const REASONS = new Set([
    'no-common-protocol',
    'protocol-rejected-by-client',
    'no-protocol-enabled',
    'no-signature-algorithm',
]);
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/no-common-protocol',
        description: 'Catch client/server links whose enabled TLS protocol versions do not overlap',
        severity: 'error',
        messages: {
            noCommonProtocol: '{{client}} → {{server}}: no TLS protocol version in common: {{detail}}',
        },
        defaultOptions: {},
        symptoms: [
            'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
            'Received fatal alert: protocol_version',
            'are not accepted by server preferences',
            'is not enabled or supported in server context',
            'Remote host terminated the handshake',
            'unsupported protocol',
            'tlsv1 alert protocol version',
            'no suitable signature algorithm',
            'legacy sigalg disallowed or unsupported',
            'Received fatal alert: internal_error',
        ],
    },
    check(ctx) {
        // A more specific rule reports an owned failure with both ends (its meta.ownsLinkFailure); only a failure
        // predicted from known inputs is an error (tls/link-outcome-unknown covers the rest).
        for (const lp of (0, link_owners_1.unownedLinkFailures)(ctx.rules, ctx.deployment.derived.predictions, REASONS)) {
            const { link, client, server, prediction } = lp;
            ctx.report({
                messageId: 'noCommonProtocol',
                data: {
                    client: client.component.name,
                    server: server.component.name,
                    // The message says it already: "no TLS protocol version in common: the server answers with …".
                    detail: (0, links_1.describeFailure)(prediction, (0, derive_1.stackLabels)(ctx.deployment, lp)).replace(/^no protocol version in common: /, ''),
                },
                location: (0, links_1.placeOf)(client.component, client.protocolsFrom),
                related: (0, sources_1.withSources)((0, links_1.placeOf)(client.component, client.protocolsFrom), [
                    (0, links_1.relatedOf)(server.component, server.protocolsFrom, `${server.component.name} protocols: ${server.side.protocols.join(', ') || '(none)'}`),
                ], (0, sources_1.linkSources)(link, client.component, server.component), prediction.reason === 'no-signature-algorithm' ? opensslImage(lp[prediction.failingSide].component) : []),
                fingerprint: [link.client, link.server, prediction.reason],
                outcome: 'fails',
            });
        }
    },
});
/** The Dockerfile FROM whose image settles the OpenSSL release of a failing nginx or httpd end (its security level decides). */
function opensslImage(component) {
    if (component.type !== 'nginx.server' &&
        component.type !== 'nginx.tls-policy' &&
        component.type !== 'nginx.proxy' &&
        component.type !== 'httpd.server' &&
        component.type !== 'httpd.proxy')
        return [];
    const openssl = component.attributes.openssl;
    return openssl?.at
        ? [
            {
                ...openssl.at,
                message: (0, phrase_1.said) `${component.name} runs OpenSSL ${openssl.release ?? openssl.series} (${openssl.via ?? 'this image'})`,
            },
        ]
        : [];
}
