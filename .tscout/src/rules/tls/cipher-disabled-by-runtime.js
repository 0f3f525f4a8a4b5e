"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const derive_1 = require("../../derive/derive");
const links_1 = require("../../handshake/links");
const sources_1 = require("../_lib/sources");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/cipher-disabled-by-runtime',
        description: "Warn when a configured cipher suite is removed by the Java runtime's jdk.tls.disabledAlgorithms",
        severity: 'warning',
        messages: {
            disabled: "{{component}} lists {{name}}, but the runtime's jdk.tls.disabledAlgorithms entry '{{entry}}' disables it: it is silently dropped{{consequence}}",
        },
        defaultOptions: {},
        symptoms: ['No appropriate protocol (protocol is disabled or cipher suites are inappropriate)'],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            const suites = component.tls?.cipherSuites;
            // ClearTrust's anon mode is cleartrust/anon-cipher-disabled.
            if (!suites || suites.from.kind !== 'file' || component.type.startsWith('cleartrust.'))
                continue;
            const endpoint = (0, derive_1.ownEndpoint)(ctx.deployment, component);
            if (!endpoint)
                continue;
            const nothingLeft = endpoint.side.cipherSuites.length === 0;
            for (const { name, entry } of endpoint.disabledSuites) {
                ctx.report({
                    messageId: 'disabled',
                    data: {
                        component: component.name,
                        name,
                        entry: entry ?? '',
                        consequence: nothingLeft
                            ? (0, phrase_1.ours)('; no suite is left, so every handshake fails with "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)"')
                            : '',
                    },
                    location: (0, links_1.placeOf)(component, suites.from),
                    related: (0, sources_1.withSources)((0, links_1.placeOf)(component, suites.from), [], (0, sources_1.runtimeSources)(endpoint.component.runtime ?? ctx.deployment.runtime, component.name, [
                        'jdk.tls.disabledAlgorithms',
                    ])),
                    severity: nothingLeft ? 'error' : undefined,
                    fingerprint: [component.id, name],
                });
            }
        }
    },
});
