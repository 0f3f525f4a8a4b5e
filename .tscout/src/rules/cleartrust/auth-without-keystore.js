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
        ['cleartrust.net.ssl.keystore_file', 'cleartrust.net.ssl.keystore'],
    ],
    [['cleartrust.webagent'], 'cleartrust.agent.ssl.use', ['cleartrust.agent.ssl.keystore']],
];
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/auth-without-keystore',
        description: "Require a keystore when the SSL mode is 'auth'",
        severity: 'warning',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            missing: "{{modeKey}} is 'auth' but no keystore is configured ({{expected}} is missing or empty): the component has no certificate to authenticate with",
        },
        defaultOptions: {},
        symptoms: ['Fatal Alert received: Handshake Failure', 'no cipher suites in common'],
    },
    check(ctx) {
        for (const [kinds, modeKey, keystoreKeys] of MODES) {
            for (const mode of (0, shared_1.settingsOf)(ctx.deployment, kinds, modeKey)) {
                if (mode.normalized !== 'auth')
                    continue;
                if (mode.doc.entries.some((e) => keystoreKeys.includes(e.key) && e.value.trim() !== ''))
                    continue;
                ctx.report({
                    messageId: 'missing',
                    data: { modeKey, expected: keystoreKeys[0] },
                    location: (0, shared_1.valueLocation)(mode),
                    fingerprint: [mode.component?.id ?? mode.doc.kind],
                });
            }
        }
    },
});
