"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const mq_scripts_1 = require("../../model/mq-scripts");
const paths_1 = require("../../model/paths");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'mq/mqsc-command-fails',
        description: 'Report MQSC commands a queue manager refuses when its script runs in order, so they change nothing: an ALTER of an object the script defines only later, a DEFINE without REPLACE of an object it already defined (across the files one queue manager applies together)',
        severity: 'info',
        appliesTo: { documents: ['mq.mqsc'] },
        messages: {
            notFound: '{{command}} comes before the DEFINE of {{object}} ({{other}}): on a new queue manager runmqsc answers AMQ8147E "IBM MQ object {{name}} not found" and nothing it sets applies (lint-deploy judges {{object}} without it). Move it after the DEFINE, or put its attributes on the DEFINE',
            deleted: '{{command}} comes after {{object}} is deleted ({{other}}): runmqsc answers AMQ8147E "IBM MQ object {{name}} not found" and nothing it sets applies. Remove it, or DEFINE the object again first',
            exists: 'DEFINE {{object}} without REPLACE fails: {{other}} already defined it, so runmqsc answers AMQ8150E "IBM MQ object already exists" and the first definition stays (lint-deploy judges {{object}} as that one defines it). Add REPLACE to replace it, or ALTER the attributes that should change',
        },
        defaultOptions: {},
        symptoms: ['AMQ8147', 'AMQ8150', 'MQRCCF_OBJECT_ALREADY_EXISTS'],
    },
    check(ctx) {
        for (const script of (0, mq_scripts_1.mqscScriptsOf)(ctx.deployment)) {
            for (const failure of script.data.objects.failed) {
                const location = (0, mq_scripts_1.commandLocation)(script, failure.command);
                const other = failure.other && (0, mq_scripts_1.commandLocation)(script, failure.other);
                const where = other
                    ? `${(0, paths_1.relativePosix)(ctx.deployment.root, other.file)}:${(other.range?.start.line ?? 0) + 1}`
                    : 'earlier';
                const messageId = failure.reason === 'exists' ? 'exists' : failure.other?.verb === 'DELETE' ? 'deleted' : 'notFound';
                ctx.report({
                    messageId,
                    data: {
                        command: (0, mq_scripts_1.commandText)(failure.command),
                        object: failure.object,
                        name: failure.command.name?.value ?? '',
                        other: failure.other ? (0, phrase_1.said) `${(0, mq_scripts_1.commandText)(failure.other)} at ${where}` : where,
                    },
                    location,
                    related: other
                        ? [
                            {
                                ...other,
                                message: failure.reason === 'exists'
                                    ? (0, phrase_1.ours)('first defined here')
                                    : (0, phrase_1.said) `${(0, mq_scripts_1.commandText)(failure.other)} here`,
                            },
                        ]
                        : undefined,
                    fingerprint: [(0, paths_1.relativePosix)(ctx.deployment.root, location.file), failure.object, messageId],
                });
            }
        }
    },
});
