"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const mq_scripts_1 = require("../../model/mq-scripts");
const mq_chlauth_1 = require("../../model/mq-chlauth");
const types_1 = require("../types");
const access_1 = require("./_lib/access");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/address-map-allows-all',
        description: "Report SET CHLAUTH TYPE(ADDRESSMAP) ADDRESS('*') records that admit every address to a channel which then runs as the client-asserted user, the queue manager's own user or an administrator, without certificate or password",
        severity: 'warning',
        appliesTo: { documents: ['mq.mqsc'] },
        messages: {
            allowsAll: "SET CHLAUTH('{{profile}}') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC({{usersrc}}) admits every address, and nothing else identifies the peer: {{channels}}. Restrict ADDRESS to the clients' network, map them to a low-privilege user (USERSRC(MAP) MCAUSER('app')) or require a password (CHCKCLNT(REQUIRED))",
        },
        defaultOptions: {},
        symptoms: ['AMQ9777', 'MQRC_NOT_AUTHORIZED', 'RC=2035', 'Channel was blocked'],
    },
    check(ctx) {
        for (const mqsc of (0, mq_scripts_1.mqscScriptsOf)(ctx.deployment)) {
            const records = (0, mq_chlauth_1.effectiveChlauthRecords)(mqsc.data.objects, mqsc.data.commands, mqsc.file.path);
            for (const record of records) {
                if (record.from.kind !== 'file' ||
                    record.type !== 'ADDRESSMAP' ||
                    !(0, mq_chlauth_1.matchesEveryAddress)(record.attributes.ADDRESS))
                    continue;
                const usersrc = record.attributes.USERSRC ?? 'MAP';
                if (usersrc === 'NOACCESS')
                    continue;
                const exposed = (0, access_1.documentChannels)(mqsc)
                    .filter((input) => (0, mq_chlauth_1.chlauthProfileMatches)(record.profile, input.name))
                    .map((input) => ({ input, access: (0, access_1.accessOf)(ctx.deployment, mqsc, input) }))
                    .filter(({ access }) => {
                    const path = access?.paths.find((p) => p.record?.command === record.command && p.record?.from.kind === 'file');
                    if (!access || access.exit || !path || path.needsCertificate || path.password === 'all')
                        return false;
                    return path.identity.kind === 'client' || path.identity.kind === 'mca' || path.admin;
                });
                if (exposed.length === 0)
                    continue;
                const location = record.from.location;
                const confident = exposed.some(({ input, access }) => input.attributes && access.adminWithoutSecret && access.assumed.length === 0);
                ctx.report({
                    messageId: 'allowsAll',
                    data: { profile: record.profile, usersrc, channels: (0, access_1.channelList)(exposed) },
                    location,
                    related: (0, access_1.channelRelated)(exposed),
                    severity: confident ? 'error' : 'warning',
                    fingerprint: [mqsc.file.path, record.profile, 'ADDRESSMAP *'],
                });
            }
        }
    },
});
