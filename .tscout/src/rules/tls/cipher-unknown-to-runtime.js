"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const derive_1 = require("../../derive/derive");
const links_1 = require("../../handshake/links");
const types_1 = require("../types");
const sources_1 = require("../_lib/sources");
const phrase_1 = require("../../core/phrase");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/cipher-unknown-to-runtime',
        description: 'Catch configured cipher-suite names that no TLS runtime knows (typos, made-up names)',
        severity: 'error',
        messages: {
            unknown: "{{component}} lists '{{name}}', which is not a cipher suite {{runtime}} knows (IANA, OpenSSL, IBM or MQ spelling). JSSE rejects the list (Unsupported CipherSuite) or ignores the name; OpenSSL ignores it",
        },
        defaultOptions: {},
        symptoms: ['Unsupported CipherSuite', 'no cipher match'],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            const suites = component.tls?.cipherSuites;
            if (!suites || suites.from.kind !== 'file')
                continue;
            const endpoint = (0, derive_1.ownEndpoint)(ctx.deployment, component);
            if (!endpoint)
                continue;
            for (const name of endpoint.unknownSuites) {
                // OpenSSL cipher-string keywords (HIGH, !aNULL, @STRENGTH…) are the nginx rules' business.
                if (/^[!+\-@]|^[A-Z0-9]+$/.test(name) && !name.includes('_'))
                    continue;
                ctx.report({
                    messageId: 'unknown',
                    data: { component: component.name, name, runtime: component.tls?.implementation ?? 'the runtime' },
                    location: (0, links_1.placeOf)(component, suites.from),
                    // The variables that produced the list (Liberty `${…}`) and the file that includes the list's file decide it too.
                    related: (0, sources_1.withSources)((0, links_1.placeOf)(component, suites.from), suites.from.kind === 'file' ? (suites.from.via ?? []) : [], [{ ...component.location, message: (0, phrase_1.said) `${component.name} is defined here` }]),
                    fingerprint: [component.id, name],
                });
            }
        }
    },
});
