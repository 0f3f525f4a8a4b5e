"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const shared_1 = require("./_lib/shared");
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cleartrust/admin-api-ssl-mismatch',
        description: "Require the Admin Console's admin_api.use_ssl to match the Entitlements Server's api_port.use_ssl",
        severity: 'error',
        appliesTo: { documents: ['cleartrust.'] },
        messages: {
            mismatch: "cleartrust.admingui.admin_api.use_ssl is '{{value}}' but the Entitlements Server's cleartrust.eserver.api_port.use_ssl is '{{expected}}' ({{other}}): the Administration Console cannot connect",
        },
        defaultOptions: {},
        symptoms: ['Cannot connect to the Entitlements Server', 'Fatal Alert received: Handshake Failure'],
    },
    check(ctx) {
        const servers = (0, shared_1.settingsOf)(ctx.deployment, ['cleartrust.eserver'], 'cleartrust.eserver.api_port.use_ssl');
        if (servers.length === 0)
            return;
        for (const console of (0, shared_1.settingsOf)(ctx.deployment, ['cleartrust.admingui'], 'cleartrust.admingui.admin_api.use_ssl')) {
            const server = servers.find((s) => s.normalized === console.normalized) ? undefined : servers[0];
            if (!server)
                continue;
            ctx.report({
                messageId: 'mismatch',
                data: {
                    value: console.entry.value.trim(),
                    expected: server.entry.value.trim(),
                    other: (0, shared_1.shortName)(ctx.deployment, server.doc.file.path),
                },
                location: (0, shared_1.valueLocation)(console),
                related: [(0, shared_1.relatedTo)(server, `'${server.entry.value.trim()}' set here`)],
                fingerprint: [console.component?.id ?? 'admingui', console.normalized, server.normalized],
            });
        }
    },
});
