"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/sslcauth-optional-with-sslpeer',
        description: 'Warn when a server channel sets SSLPEER but lets clients connect without a certificate (SSLCAUTH(OPTIONAL))',
        severity: 'warning',
        appliesTo: { components: ['mq.svrconn'] },
        messages: {
            optional: "Channel {{channel}} sets SSLPEER('{{peer}}') but SSLCAUTH(OPTIONAL): a client that sends no certificate is not asked for one, so SSLPEER does not authenticate every client. Set SSLCAUTH(REQUIRED) (the default) for mutual TLS",
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        for (const { component: c, channel: a } of (0, shared_1.serverChannels)(ctx.deployment)) {
            if (!a.sslpeer?.value.trim() || a.sslpeer.templated || !a.sslciph?.value.trim())
                continue;
            if ((a.sslcauth?.value ?? 'REQUIRED').toUpperCase() !== 'OPTIONAL')
                continue;
            ctx.report({
                messageId: 'optional',
                data: { channel: a.channelName, peer: a.sslpeer.value },
                location: a.sslcauth.location,
                related: [
                    { ...a.sslpeer.location, message: (0, phrase_1.ours)('SSLPEER set here') },
                    ...(0, shared_1.channelStory)(a, a.sslcauth.location),
                ],
                fingerprint: [c.id, 'OPTIONAL'],
            });
        }
    },
});
