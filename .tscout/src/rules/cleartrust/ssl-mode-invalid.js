"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
const MODE_KEYS = [
    'cleartrust.net.ssl.use',
    'cleartrust.agent.ssl.use',
    'cleartrust.runtime_api.security',
    'cleartrust.admingui.admin_api.use_ssl',
    'cleartrust.eserver.api_port.use_ssl',
];
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/ssl-mode-invalid',
        description: 'Allow only clear, anon or auth as a ClearTrust SSL mode',
        severity: 'error',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            invalid: "{{key}} is '{{value}}', which is not an SSL mode: use clear, anon or auth",
        },
        defaultOptions: {},
    },
    check(ctx) {
        const kinds = [...new Set(ctx.deployment.documents.map((d) => d.kind).filter((k) => k.startsWith('cleartrust.')))];
        for (const key of MODE_KEYS) {
            for (const setting of (0, shared_1.settingsOf)(ctx.deployment, kinds, key)) {
                if (shared_1.SSL_MODES.includes(setting.normalized))
                    continue;
                ctx.report({
                    messageId: 'invalid',
                    data: { key, value: setting.entry.value.trim() },
                    location: (0, shared_1.valueLocation)(setting),
                    fingerprint: [setting.component?.id ?? setting.doc.kind, key, setting.normalized],
                });
            }
        }
    },
});
