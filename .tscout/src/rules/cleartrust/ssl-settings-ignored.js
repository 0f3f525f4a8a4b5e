"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
const MODES = [
    [
        [
            'cleartrust.eserver',
            'cleartrust.aserver',
            'cleartrust.dispatcher',
            'cleartrust.lserver',
            'cleartrust.iserver',
            'cleartrust.keyserver',
            'cleartrust.admingui',
        ],
        'cleartrust.net.ssl.use',
        'cleartrust.net.ssl.',
    ],
    [['cleartrust.webagent'], 'cleartrust.agent.ssl.use', 'cleartrust.agent.ssl.'],
];
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/ssl-settings-ignored',
        description: 'Point out SSL settings that have no effect because the SSL mode is clear',
        severity: 'info',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            ignored: "{{key}} is set but {{modeKey}} is 'clear', so it is ignored",
        },
        defaultOptions: {},
    },
    check(ctx) {
        for (const [kinds, modeKey, prefix] of MODES) {
            for (const mode of (0, shared_1.settingsOf)(ctx.deployment, kinds, modeKey)) {
                if (mode.normalized !== 'clear')
                    continue;
                for (const entry of mode.doc.entries) {
                    // Empty values are the shipped template's placeholders, not settings.
                    if (!entry.key.startsWith(prefix) || entry.key === modeKey || entry.value.trim() === '')
                        continue;
                    ctx.report({
                        messageId: 'ignored',
                        data: { key: entry.key, modeKey },
                        location: (0, shared_1.valueLocation)({ ...mode, entry }),
                        fingerprint: [mode.component?.id ?? mode.doc.kind, entry.key],
                    });
                }
            }
        }
    },
});
