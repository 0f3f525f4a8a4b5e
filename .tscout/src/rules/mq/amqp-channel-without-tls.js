"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const mq_scripts_1 = require("../../model/mq-scripts");
const types_1 = require("../types");
const access_1 = require("./_lib/access");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/amqp-channel-without-tls',
        description: 'Report AMQP channels that admit clients without SSLCIPH: SASL PLAIN passwords and messages cross the network in clear',
        severity: 'warning',
        appliesTo: { documents: ['mq.mqsc'] },
        messages: {
            plaintext: "AMQP channel {{channel}} has no SSLCIPH and admits clients ({{result}}){{assumed}}: SASL PLAIN user ids and passwords and every message cross the network in clear. Set SSLCIPH(ANY_TLS12_OR_HIGHER) on the channel (the queue manager's key repository provides the certificate) and connect with amqps://",
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        for (const mqsc of (0, mq_scripts_1.mqscScriptsOf)(ctx.deployment)) {
            // The tree's AMQP channels, and the shipped SYSTEM.DEF.AMQP when the script talks about AMQP.
            for (const input of (0, access_1.documentChannels)(mqsc).filter((c) => c.chltype === 'AMQP')) {
                const access = (0, access_1.accessOf)(ctx.deployment, mqsc, input);
                if (!access || access.exit || access.tls.unknown || access.tls.enabled || access.blockAll)
                    continue;
                const open = access.paths.filter((p) => p.identity.kind !== 'blocked');
                if (open.length === 0)
                    continue;
                // A shipped SYSTEM.DEF.AMQP the tree never names matters only when a record of the tree admits it.
                const admittedBy = open.find((p) => p.record?.from.kind === 'file')?.record;
                if (!input.attributes && !admittedBy)
                    continue;
                const location = input.location ?? (admittedBy.from.kind === 'file' ? admittedBy.from.location : undefined);
                if (!location)
                    continue;
                ctx.report({
                    messageId: 'plaintext',
                    data: { channel: input.name, result: (0, access_1.resultText)(access), assumed: (0, access_1.assumption)(access) },
                    location,
                    related: (0, access_1.relatedFor)(access, location),
                    severity: input.attributes && (0, access_1.confidentAdminWithoutSecret)(access) ? 'error' : 'warning',
                    fingerprint: [mqsc.file.path, input.name, 'amqp-plaintext'],
                });
            }
        }
    },
});
