"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const mq_scripts_1 = require("../../model/mq-scripts");
const types_1 = require("../types");
const sslpeer_1 = require("./_lib/sslpeer");
const types_2 = require("../../model/types");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/sslpeer-syntax',
        description: 'Check SSLPEER / SSLPEERNAME / certificatePeerName filters against IBM MQ peer-name syntax',
        severity: 'error',
        appliesTo: { components: ['mq.', 'jms.connection-factory'], documents: ['mq.mqsc'] },
        messages: {
            invalid: "Peer name filter '{{value}}' ({{where}}) is not valid MQ syntax: {{problem}}. runmqsc rejects it with AMQ8238 / MQRCCF_SSL_PEER_NAME_ERROR, a client with RC=2399 MQRC_SSL_PEER_NAME_ERROR",
        },
        defaultOptions: {},
        symptoms: ['AMQ8238', 'MQRC_SSL_PEER_NAME_ERROR', 'RC=2399'],
    },
    check(ctx) {
        const check = (v, where, id) => {
            if (!v || !v.value.trim() || v.templated)
                return;
            const filter = (0, sslpeer_1.parsePeerFilter)(v.value);
            if (filter.errors.length === 0)
                return;
            const location = v.location;
            ctx.report({
                messageId: 'invalid',
                data: { value: v.value, where, problem: filter.errors.map((e) => e.message).join('; ') },
                location,
                fingerprint: [id, where, v.value],
            });
        };
        for (const c of ctx.deployment.components) {
            if ((0, types_2.isMqChannel)(c))
                check(c.attributes.sslpeer, `${c.attributes.chltype} ${c.attributes.channelName}`, c.id);
            else if ((0, types_2.isJmsConnectionFactory)(c))
                check(c.attributes.sslPeerName, `SSLPEERNAME of ${c.attributes.factoryName}`, c.id);
        }
        for (const mqsc of (0, mq_scripts_1.mqscScriptsOf)(ctx.deployment)) {
            for (const record of mqsc.data.objects.chlauth) {
                const p = record.attributes.get('SSLPEER');
                if (!p?.value || !p.valueRange)
                    continue;
                check({ value: p.value, location: { file: p.file ?? mqsc.file.path, range: p.valueRange }, templated: p.templated }, `CHLAUTH(${record.profile}) SSLPEERMAP`, mqsc.file.path);
            }
        }
    },
});
