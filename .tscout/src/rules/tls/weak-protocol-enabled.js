"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const derive_1 = require("../../derive/derive");
const links_1 = require("../../handshake/links");
const knowledge_1 = require("../../knowledge");
const openssl_1 = require("../../knowledge/openssl");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
const WEAK = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);
/** nginx/httpd/Tomcat/Spring servers are tls/server-allows-legacy-protocols. */
const COVERED_ELSEWHERE = /^(nginx\.|httpd\.server$|tomcat\.|spring\.server$)/;
/**
 * What an OpenSSL client's security level does to the weak versions it enables (the model's `signatureFloor`): OpenSSL
 * 3 above level 0 accepts no signed TLS 1.0/1.1 key exchange, so over them only static-RSA suites connect
 * (openssl-servers.json legacyProtocolFailure, measured with HAProxy 2.6.12 on OpenSSL 3.0.19). `known` when the tree
 * names the OpenSSL; `open` when it names none and another series would connect; undefined otherwise.
 */
function clientFloor(component, weak) {
    const tls = component.tls;
    if (component.role !== 'client' || !tls)
        return undefined;
    const floor = tls.signatureFloor ?? tls.signatureFloorAlternative;
    const below = (value) => value !== undefined && weak.every((p) => (0, knowledge_1.protocolRank)(p) < (0, knowledge_1.protocolRank)(value));
    if (tls.signatureFloorAlternative)
        return below(floor?.value) ? { open: tls.signatureFloorAlternative.what } : undefined;
    return tls.signatureFloor && below(tls.signatureFloor.value) ? { known: tls.signatureFloor.value } : undefined;
}
/** Where the tree names the OpenSSL an OpenSSL client runs (the image), for a finding that depends on it. */
function opensslNamedAt(component) {
    const clientOfOpenssl = component.type === 'haproxy.server' || component.type === 'nginx.proxy' || component.type === 'httpd.proxy';
    const openssl = clientOfOpenssl ? component.attributes.openssl : undefined;
    return openssl?.at
        ? [
            {
                ...openssl.at,
                message: (0, phrase_1.said) `${openssl.via ?? 'this image'} runs OpenSSL ${openssl.release ?? 'of the image'}`,
            },
        ]
        : [];
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/weak-protocol-enabled',
        description: 'Warn when a component explicitly enables SSLv3, TLS 1.0 or TLS 1.1 and its runtime still allows them',
        severity: 'warning',
        messages: {
            weak: '{{component}} enables {{weak}} ({{retiredBy}}). Fix: allow only TLSv1.2 and TLSv1.3',
            weakSignedRefused: `{{component}} enables {{weak}} ({{retiredBy}}), but its {{runtime}} accepts no signed TLS 1.0/1.1 key exchange above security level 0: over {{weak}} it connects only with a static-RSA suite (no forward secrecy), and a server that picks an ECDHE or DHE suite there fails the handshake (alert ${openssl_1.LEGACY_PROTOCOL_FAILURE.alert}, '${openssl_1.LEGACY_PROTOCOL_FAILURE.clientMessage}'). Fix: allow only TLSv1.2 and TLSv1.3`,
            weakOpensslOpen: `{{component}} enables {{weak}} ({{retiredBy}}); what they do depends on {{open}}. With OpenSSL 3 only a static-RSA suite (no forward secrecy) connects over them, and a server that picks an ECDHE or DHE suite there fails the handshake (alert ${openssl_1.LEGACY_PROTOCOL_FAILURE.alert}, '${openssl_1.LEGACY_PROTOCOL_FAILURE.clientMessage}'). Fix: allow only TLSv1.2 and TLSv1.3`,
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            if (!component.tls?.protocols || component.tls.protocols.from.kind !== 'file')
                continue;
            if (COVERED_ELSEWHERE.test(component.type) && component.role !== 'client')
                continue;
            const endpoint = (0, derive_1.ownEndpoint)(ctx.deployment, component);
            if (!endpoint)
                continue;
            // Only what survives the runtime's disabled algorithms (disabled ones are java/protocol-disabled-by-runtime); on a
            // JDK named by its feature only, what some update of it leaves enabled (its side holds the latest update's).
            const enabled = endpoint.updates?.candidates.flatMap((c) => c.patch.protocols ?? []) ?? endpoint.side.protocols;
            const weak = [...new Set(enabled)]
                .map((p) => (0, knowledge_1.parseProtocol)(p))
                .filter((p) => p !== undefined && WEAK.has(p));
            if (weak.length === 0)
                continue;
            const data = {
                component: component.name,
                weak: weak.join(', '),
                retiredBy: (0, phrase_1.ours)((0, knowledge_1.protocolRetirement)(weak) ?? ''),
            };
            const floor = clientFloor(component, weak);
            const runtime = ctx.deployment.derived.stacks.get(component.id)?.label ?? 'OpenSSL';
            ctx.report({
                ...(floor && 'known' in floor
                    ? { messageId: 'weakSignedRefused', data: { ...data, runtime }, related: opensslNamedAt(component) }
                    : floor && 'open' in floor
                        ? { messageId: 'weakOpensslOpen', data: { ...data, open: floor.open } }
                        : { messageId: 'weak', data }),
                location: (0, links_1.placeOf)(component, component.tls.protocols.from),
                fingerprint: [component.id, weak.join(',')],
            });
        }
    },
});
