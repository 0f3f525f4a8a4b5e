"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const mq_scripts_1 = require("../../model/mq-scripts");
const mq_chlauth_1 = require("../../model/mq-chlauth");
const types_1 = require("../types");
const access_1 = require("./_lib/access");
const blocksAdmins = (list) => (0, mq_chlauth_1.listValues)(list).some((u) => /^\*mqadmin$/i.test(u));
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/blockuser-override-removes-admin-block',
        description: "Report a channel-specific BLOCKUSER record that replaces the default USERLIST('*MQADMIN') block and so lets administrators connect",
        severity: 'warning',
        appliesTo: { documents: ['mq.mqsc'] },
        messages: {
            override: "SET CHLAUTH('{{profile}}') TYPE(BLOCKUSER) USERLIST({{userlist}}) is more specific than the record that blocks administrators (*MQADMIN), so for {{channels}} only {{userlist}} is blocked: administrators (mqm) can connect. Keep *MQADMIN in the list (USERLIST('*MQADMIN','nobody')), or admit administrators only by certificate from known addresses (SSLPEERMAP … USERSRC(MAP))",
        },
        defaultOptions: {},
        symptoms: ['AMQ9776', 'Channel was blocked by userid', 'MQRC_NOT_AUTHORIZED', 'RC=2035'],
    },
    check(ctx) {
        for (const mqsc of (0, mq_scripts_1.mqscScriptsOf)(ctx.deployment)) {
            if ((0, mq_chlauth_1.chlauthState)(mqsc.data.objects, mqsc.file.path).value !== 'ENABLED')
                continue; // disabled: mq/chlauth-disabled
            const records = (0, mq_chlauth_1.effectiveChlauthRecords)(mqsc.data.objects, mqsc.data.commands, mqsc.file.path);
            for (const record of records) {
                if (record.from.kind !== 'file' ||
                    record.type !== 'BLOCKUSER' ||
                    (blocksAdmins(record.attributes.USERLIST) && record.attributes.WARN !== 'YES'))
                    continue;
                const channels = (0, access_1.documentChannels)(mqsc).filter((input) => (0, mq_chlauth_1.chlauthProfileMatches)(record.profile, input.name) && (0, mq_chlauth_1.blockUserRecord)(records, input.name) === record);
                // Only an override: a less specific record for these channels blocks administrators.
                const overridden = records.some((r) => r !== record &&
                    r.type === 'BLOCKUSER' &&
                    blocksAdmins(r.attributes.USERLIST) &&
                    (0, mq_chlauth_1.profileSpecificity)(r.profile) < (0, mq_chlauth_1.profileSpecificity)(record.profile) &&
                    channels.some((c) => (0, mq_chlauth_1.chlauthProfileMatches)(r.profile, c.name)));
                if (!overridden)
                    continue;
                const exposed = channels
                    .map((input) => ({ input, access: (0, access_1.accessOf)(ctx.deployment, mqsc, input) }))
                    .filter(({ access }) => access &&
                    !access.exit &&
                    access.paths.some((p) => p.admin && p.blockUser === undefined && p.identity.kind !== 'blocked'));
                if (exposed.length === 0)
                    continue;
                const location = record.from.location;
                ctx.report({
                    messageId: 'override',
                    data: {
                        profile: record.profile,
                        userlist: (0, mq_chlauth_1.listValues)(record.attributes.USERLIST)
                            .map((u) => `'${u}'`)
                            .join(',') || "''",
                        channels: (0, access_1.channelList)(exposed),
                    },
                    location,
                    related: (0, access_1.channelRelated)(exposed),
                    severity: exposed.some(({ input, access }) => input.attributes && access.adminWithoutSecret && access.assumed.length === 0)
                        ? 'error'
                        : 'warning',
                    fingerprint: [mqsc.file.path, record.profile, 'BLOCKUSER'],
                });
            }
        }
    },
});
