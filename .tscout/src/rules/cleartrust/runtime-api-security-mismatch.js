"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/runtime-api-security-mismatch',
        description: 'Require the same cleartrust.runtime_api.security on every Authorization Server',
        severity: 'error',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            mismatch: "cleartrust.runtime_api.security is '{{value}}' here but '{{expected}}' in {{other}}; it must be the same on every Authorization Server",
        },
        defaultOptions: {},
    },
    check(ctx) {
        (0, shared_1.reportMismatches)(ctx, (0, shared_1.settingsOf)(ctx.deployment, ['cleartrust.aserver'], 'cleartrust.runtime_api.security'));
    },
});
