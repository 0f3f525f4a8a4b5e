"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
const chlauth_1 = require("./_lib/chlauth");
const mq_channel_access_1 = require("../../model/mq-channel-access");
const access_1 = require("./_lib/access");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/channel-without-tls',
        description: 'Warn about inbound channels (SVRCONN, RCVR, RQSTR, CLUSRCVR, MQTT) defined without SSLCIPH: traffic and passwords flow in clear (AMQP: mq/amqp-channel-without-tls)',
        severity: 'warning',
        appliesTo: { components: ['mq.svrconn'] },
        messages: {
            plaintext: '{{chltype}} channel {{channel}} has no SSLCIPH: anyone who can reach the listener talks to it in plaintext, and user ids/passwords flow unencrypted. Set SSLCIPH (e.g. ANY_TLS12_OR_HIGHER) with a queue manager certificate, or block the channel with CHLAUTH',
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        for (const { component: c, channel: a } of (0, shared_1.serverChannels)(ctx.deployment)) {
            if (!a.mqscChannel || !(0, chlauth_1.definedInScript)(a.mqscChannel) || a.channelName.startsWith('SYSTEM.'))
                continue;
            if (a.chltype === 'AMQP')
                continue; // mq/amqp-channel-without-tls
            const trptype = a.mqscChannel.attributes.get('TRPTYPE')?.value?.toUpperCase();
            if (trptype && trptype !== 'TCP')
                continue;
            if (a.sslciph && (a.sslciph.value.trim() || a.sslciph.templated))
                continue;
            // Blocked with CHLAUTH, as the message advises: no peer gets to talk to it (AMQ9777 for every connection).
            const input = (0, access_1.inputOf)(a);
            const access = input && a.qmgr?.mqsc ? (0, access_1.accessOf)(ctx.deployment, a.qmgr.mqsc, input) : undefined;
            if (access && (0, access_1.refusedToEveryone)(access))
                continue;
            const location = a.sslciph?.location ?? a.nameLocation;
            ctx.report({
                messageId: 'plaintext',
                data: { chltype: a.chltype, channel: a.channelName },
                location,
                ...(location === a.nameLocation ? (0, access_1.nameRole)(access) : {}),
                // Where the channel is defined and last altered, and an ALTER that would have set SSLCIPH but fails.
                related: [
                    ...(0, access_1.storyRole)(access, (0, shared_1.channelStory)(a, location)),
                    // A templated record refusing access (USERSRC(NOACCESS)) that may match the channel may block it after all.
                    ...(access ? (0, mq_channel_access_1.uncertainPlaces)(access, (r) => r.attributes.USERSRC === 'NOACCESS') : []),
                ],
                fingerprint: [c.id, 'no-tls'],
            });
        }
    },
});
