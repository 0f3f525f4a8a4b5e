"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/ssl-mode-mismatch',
        description: 'Require one SSL mode (clear, anon or auth) on every ClearTrust server and web agent',
        severity: 'error',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            mismatch: "{{key}} is '{{value}}' here but '{{expected}}' in {{other}}; servers and agents must all use the same SSL mode or their connections fail",
        },
        defaultOptions: {},
        symptoms: [
            'Fatal Alert received: Handshake Failure',
            'handshake_failure',
            'Unrecognized SSL message, plaintext connection?',
            'Remote host terminated the handshake',
        ],
        ownsLinkFailure: (lp) => (0, shared_1.failingAnonLink)(lp, false),
    },
    check(ctx) {
        const { deployment } = ctx;
        const settings = [
            ...(0, shared_1.settingsOf)(deployment, shared_1.SERVER_KINDS, 'cleartrust.net.ssl.use'),
            ...(0, shared_1.settingsOf)(deployment, ['cleartrust.webagent'], 'cleartrust.agent.ssl.use'),
        ].filter((s) => shared_1.SSL_MODES.includes(s.normalized));
        (0, shared_1.reportMismatches)(ctx, settings);
    },
});
