"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/keyserver-ssl-mode-mismatch',
        description: 'Require the same cleartrust.net.ssl.use in every keyserver.conf (it need not match the other servers)',
        severity: 'error',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            mismatch: "cleartrust.net.ssl.use is '{{value}}' here but '{{expected}}' in {{other}}; every Key Server must use the same SSL mode",
        },
        defaultOptions: {},
        symptoms: ['Fatal Alert received: Handshake Failure'],
    },
    check(ctx) {
        (0, shared_1.reportMismatches)(ctx, (0, shared_1.settingsOf)(ctx.deployment, ['cleartrust.keyserver'], 'cleartrust.net.ssl.use'));
    },
});
