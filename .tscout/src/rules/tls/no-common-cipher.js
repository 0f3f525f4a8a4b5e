"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const derive_1 = require("../../derive/derive");
const links_1 = require("../../handshake/links");
const link_owners_1 = require("../_lib/link-owners");
const sources_1 = require("../_lib/sources");
const types_1 = require("../types");
const REASONS = new Set([
    'no-common-cipher',
    'no-cipher-for-certificate',
    'no-cipher-for-protocol',
    'client-cert-request-with-anon',
    // TLS 1.3 key share: a Java runtime without EC groups and a server that takes no finite-field group.
    'no-common-group',
]);
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/no-common-cipher',
        description: 'Catch client/server links that share no cipher suite usable with the negotiated protocol and the server certificate',
        severity: 'error',
        messages: {
            noCommonCipher: '{{client}} → {{server}}: no usable cipher suite in common: {{detail}}',
            noCommonGroup: '{{client}} → {{server}}: no TLS 1.3 key-share group in common: {{detail}}',
        },
        defaultOptions: {},
        symptoms: [
            'no cipher suites in common',
            'Received fatal alert: handshake_failure',
            'No appropriate protocol (protocol is disabled or cipher suites are inappropriate)',
            'no shared cipher',
            'sslv3 alert handshake failure',
            'no ciphers available',
            'AMQ9616E',
            'no suitable key share',
            'No common named group',
        ],
    },
    check(ctx) {
        // A more specific rule reports an owned failure with both ends (its meta.ownsLinkFailure); only a failure
        // predicted from known inputs is an error (tls/link-outcome-unknown covers the rest).
        for (const lp of (0, link_owners_1.unownedLinkFailures)(ctx.rules, ctx.deployment.derived.predictions, REASONS)) {
            const { link, client, server, prediction } = lp;
            // A Java end without the EC provider: the jlink RUN that left it out is where the fix goes.
            const jlinked = [client, server].flatMap((end) => (end.withoutEcProviderAt ? [end.withoutEcProviderAt] : []));
            const group = prediction.reason === 'no-common-group';
            const groups = server.component.tls?.finiteFieldGroups;
            const serverPlace = group
                ? (0, links_1.relatedOf)(server.component, groups?.from, `${server.component.name} key-share groups`)
                : (0, links_1.relatedOf)(server.component, server.suitesFrom, `${server.component.name} cipher suites`);
            const location = group && jlinked[0] ? jlinked[0] : (0, links_1.placeOf)(client.component, client.suitesFrom);
            ctx.report({
                messageId: group ? 'noCommonGroup' : 'noCommonCipher',
                data: {
                    client: client.component.name,
                    server: server.component.name,
                    detail: (0, links_1.describeFailure)(prediction, (0, derive_1.stackLabels)(ctx.deployment, lp)),
                },
                location: { file: location.file, ...(location.range ? { range: location.range } : {}) },
                related: (0, sources_1.withSources)(location, [
                    serverPlace,
                    ...(group
                        ? [
                            (0, links_1.relatedOf)(client.component, client.suitesFrom, `${client.component.name} calls ${server.component.name}`),
                        ]
                        : jlinked),
                ], (0, sources_1.linkSources)(link, client.component, server.component), (0, derive_1.presentedCertificates)(ctx.deployment, server.component)),
                fingerprint: [link.client, link.server, prediction.reason],
                outcome: 'fails',
            });
        }
    },
});
