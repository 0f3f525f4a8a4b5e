"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/runtime-api-security-too-high',
        description: 'Require cleartrust.runtime_api.security to be at most cleartrust.net.ssl.use (clear < anon < auth)',
        severity: 'error',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            tooHigh: "cleartrust.runtime_api.security is '{{value}}', above this server's cleartrust.net.ssl.use '{{mode}}': clients (agents included) can no longer create SSO tokens. Set it to '{{mode}}' or lower",
        },
        defaultOptions: {},
    },
    check(ctx) {
        for (const security of (0, shared_1.settingsOf)(ctx.deployment, ['cleartrust.aserver'], 'cleartrust.runtime_api.security')) {
            const modeEntry = (0, shared_1.lastEntry)(security.doc, 'cleartrust.net.ssl.use');
            if (!modeEntry)
                continue;
            const mode = modeEntry.value.trim().toLowerCase();
            if ((0, shared_1.modeRank)(security.normalized) < 0 || (0, shared_1.modeRank)(mode) < 0 || (0, shared_1.modeRank)(security.normalized) <= (0, shared_1.modeRank)(mode))
                continue;
            ctx.report({
                messageId: 'tooHigh',
                data: { value: security.normalized, mode },
                location: (0, shared_1.valueLocation)(security),
                related: [
                    (0, shared_1.relatedTo)({ ...security, entry: modeEntry, normalized: mode }, `cleartrust.net.ssl.use is '${mode}' here`),
                ],
                fingerprint: [security.component?.id ?? 'aserver', security.normalized, mode],
            });
        }
    },
});
