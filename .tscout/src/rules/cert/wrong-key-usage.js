"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const trust_signals_1 = require("../../derive/trust-signals");
const trust_1 = require("../_lib/trust");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cert/wrong-key-usage',
        description: 'Catch certificates whose key usage or extended key usage does not allow the TLS role they are used in (serverAuth, clientAuth, digitalSignature)',
        severity: 'error',
        messages: {
            wrongUsage: '{{subject}}, which {{peer}} presents to {{verifier}} as a TLS {{role}} certificate, has {{detail}}: {{verifier}} rejects it with {{alert}} and logs "{{verifierLog}}"; {{peer}} sees "{{peerLog}}". Fix: reissue the certificate with {{wanted}}',
        },
        options: {},
        symptoms: [
            'Extended key usage does not permit use for TLS server authentication',
            'KeyUsage does not allow digital signatures',
            'unsupported certificate purpose',
        ],
    },
    check(ctx) {
        const seen = new Set();
        for (const lt of ctx.deployment.derived.trust) {
            for (const check of [lt.serverCertificate, lt.clientCertificate]) {
                const v = check?.verdict;
                if (!check || v?.kind !== 'untrusted' || v.result.reason !== 'key-usage')
                    continue;
                const leaf = (0, trust_1.treeCertificateOf)(check, v.result.at);
                const key = `${v.result.at.fingerprintSha256}|${check.verifier.id}|${check.direction}`;
                if (!leaf || seen.has(key))
                    continue;
                seen.add(key);
                const signals = (0, trust_signals_1.trustSignals)(check, 'key-usage', (0, trust_1.linkProtocol)(ctx.deployment, lt));
                const server = check.direction === 'server';
                const location = (0, trust_1.certificatePlace)(leaf);
                ctx.report({
                    messageId: 'wrongUsage',
                    data: {
                        subject: (0, trust_1.certName)(v.result.at),
                        peer: check.peer.name,
                        verifier: check.verifier.name,
                        role: server ? (0, phrase_1.ours)('server') : (0, phrase_1.ours)('client'),
                        detail: v.result.detail,
                        alert: signals.alert,
                        verifierLog: server ? signals.verifierLog : signals.verifierLog.replace('TLS server', 'TLS client'),
                        peerLog: signals.peerLog,
                        wanted: server
                            ? (0, phrase_1.ours)('extendedKeyUsage serverAuth and keyUsage digitalSignature (keyEncipherment for RSA key exchange)')
                            : (0, phrase_1.ours)('extendedKeyUsage clientAuth and keyUsage digitalSignature'),
                    },
                    location,
                    related: (0, trust_1.trustRelated)(lt, check, location),
                    fingerprint: [v.result.at.fingerprintSha256, check.direction, check.verifier.id],
                    outcome: 'fails',
                });
            }
        }
    },
});
