"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const knowledge_1 = require("../../knowledge");
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
/**
 * The protocols a linked server accepts, when the tree says: explicit settings, or the
 * server JDK's effective server protocols for a JSSE server.
 */
function serverProtocols(server, memo) {
    if (server.tls?.protocols)
        return server.tls.protocols;
    if (server.runtime?.version.value &&
        (server.tls?.implementation === 'jsse' || server.tls?.implementation === 'ibmjsse2')) {
        return (0, knowledge_1.effectiveJdkTls)(server.runtime, memo).serverProtocols;
    }
    return undefined;
}
function tlsV1Only(protocols) {
    const [only, ...others] = protocols;
    return only !== undefined && others.length === 0 && (0, knowledge_1.normaliseProtocol)(only) === 'TLSv1';
}
const PROTOCOL_FAILURES = new Set(['no-common-protocol', 'protocol-rejected-by-client', 'no-protocol-enabled']);
/** IBM Java whose IBMJSSE2 SSLContext "TLS" default gives only TLSv1 (no overrideDefaultTLS, no explicit protocols). */
function ibmDefaultTlsV1(endpoint) {
    const { component } = endpoint;
    const runtime = component.runtime;
    if (endpoint.side.implementation !== 'ibmjsse2' || !runtime || component.tls?.protocols)
        return false;
    if (runtime.systemProperties['jdk.tls.client.protocols'])
        return false;
    return tlsV1Only((0, knowledge_1.effectiveJdkTls)(runtime).clientProtocols.value);
}
/** A protocol failure of a link whose client is such an IBM Java: this rule reports it with both ends. */
function ownsLinkFailure(lp) {
    return !lp.prediction.ok && PROTOCOL_FAILURES.has(lp.prediction.reason) && ibmDefaultTlsV1(lp.client);
}
function linksOf(deployment, client) {
    return deployment.links
        .filter((l) => l.client === client.id)
        .map((link) => ({ link, server: (0, shared_1.componentById)(deployment, link.server) }))
        .filter((x) => !!x.server);
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/ibm-default-tls-v1',
        description: 'Catch IBM Java clients whose SSLContext "TLS" enables only TLSv1 (no com.ibm.jsse2.overrideDefaultTLS=true)',
        severity: 'warning',
        messages: {
            tlsV1Only: '{{client}} runs on {{jdk}}, whose IBMJSSE2 SSLContext "TLS" enables only TLSv1 without com.ibm.jsse2.overrideDefaultTLS=true: servers that require TLSv1.2 will refuse it. Fix: add -Dcom.ibm.jsse2.overrideDefaultTLS=true to the JVM options (or set the protocols explicitly, or move to a newer IBM Java)',
            linkedServerRefuses: "{{client}} runs on {{jdk}}, whose IBMJSSE2 SSLContext \"TLS\" offers only TLSv1, but it calls {{server}}, which accepts only {{serverProtocols}}: the handshake fails — the client logs 'Received fatal alert: handshake_failure' (or protocol_version, depending on the server). Fix: add -Dcom.ibm.jsse2.overrideDefaultTLS=true to this component's JVM options",
        },
        defaultOptions: {},
        symptoms: [
            'Received fatal alert: handshake_failure',
            'Received fatal alert: protocol_version',
            'Default protocols (JDK): [TLSv1]',
        ],
        ownsLinkFailure,
    },
    check(ctx) {
        for (const client of ctx.deployment.components) {
            if ((client.role !== 'client' && client.role !== 'both') || !client.runtime || client.tls?.protocols)
                continue;
            const runtime = client.runtime;
            const tls = (0, knowledge_1.effectiveJdkTls)(runtime, ctx.memo);
            if (tls.implementation !== 'ibmjsse2' || !tlsV1Only(tls.clientProtocols.value))
                continue;
            // An explicit jdk.tls.client.protocols=TLSv1 is a choice, not the IBM default.
            if (runtime.systemProperties['jdk.tls.client.protocols'])
                continue;
            const related = [
                ...(0, shared_1.relatedFrom)(runtime.version.from, `${tls.label} runs ${client.name}`),
                ...(0, shared_1.relatedFrom)(tls.clientProtocols.from, 'TLSv1 is set here'),
            ];
            const fixAt = (0, shared_1.jvmOptionsLocation)(client);
            const failing = linksOf(ctx.deployment, client)
                .map(({ link, server }) => ({ link, server, protocols: serverProtocols(server, ctx.memo) }))
                .filter((x) => x.protocols &&
                x.protocols.value.length > 0 &&
                !x.protocols.value.some((p) => (0, knowledge_1.normaliseProtocol)(p) === 'TLSv1'));
            if (failing.length === 0) {
                ctx.report({
                    messageId: 'tlsV1Only',
                    data: { client: client.name, jdk: tls.label },
                    location: fixAt,
                    related,
                    fingerprint: [client.id, 'tlsv1-only'],
                });
                continue;
            }
            for (const { link, server, protocols } of failing) {
                const serverAt = (0, shared_1.locationOf)(protocols);
                ctx.report({
                    messageId: 'linkedServerRefuses',
                    severity: 'error',
                    data: {
                        client: client.name,
                        jdk: tls.label,
                        server: server.name,
                        serverProtocols: protocols.value.join(', '),
                    },
                    location: link.location ?? fixAt,
                    related: [
                        ...related,
                        ...(serverAt
                            ? [{ ...serverAt, message: (0, phrase_1.said) `${server.name} accepts only ${protocols.value.join(', ')}` }]
                            : [{ ...server.location, message: server.name }]),
                        ...(link.location
                            ? [{ ...fixAt, message: (0, phrase_1.ours)('add -Dcom.ibm.jsse2.overrideDefaultTLS=true to these JVM options') }]
                            : []),
                    ],
                    fingerprint: [client.id, server.id, 'tlsv1-only'],
                });
            }
        }
    },
});
