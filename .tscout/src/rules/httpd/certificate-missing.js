"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * A virtual host (or the main server) with `SSLEngine on` and no `SSLCertificateFile` of its own or from the main
 * server: httpd does not start (measured on httpd 2.4.71: the configuration test passes, the start fails with AH02572
 * "Failed to configure at least one certificate and key"; 2.4.6 says AH02240 "Server should be SSL-aware but has no
 * certificate configured"). Said only when the tree holds every level that could set one.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'httpd/certificate-missing',
        description: "Check that every httpd virtual host with SSLEngine on has an SSLCertificateFile (its own or the main server's): without one httpd does not start",
        severity: 'error',
        appliesTo: { components: ['httpd.server'] },
        messages: {
            noCertificate: '{{server}} turns SSLEngine on, but no SSLCertificateFile is set for it, in the virtual host or the main server: httpd does not start ("AH02572: Failed to configure at least one certificate and key for {{host}}"; httpd 2.4.6 and near: "AH02240: Server should be SSL-aware but has no certificate configured"), although apachectl configtest says Syntax OK. Set SSLCertificateFile and SSLCertificateKeyFile in {{where}}, or remove SSLEngine on',
        },
        options: {},
        symptoms: [
            'AH02572',
            'AH02240',
            'Failed to configure at least one certificate and key',
            'Server should be SSL-aware but has no certificate configured',
        ],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            if (component.type !== 'httpd.server' || component.tls?.certificate)
                continue;
            if (component.attributes.certificateUnknown)
                continue;
            const name = component.attributes.hostnames[0] ?? component.attributes.addresses[0]?.replace(/:\d+$/, '');
            const port = component.attributes.tlsPorts[0];
            ctx.report({
                messageId: 'noCertificate',
                data: {
                    server: component.name,
                    host: name && name !== '*' && name !== '_default_' && port !== undefined
                        ? (0, phrase_1.said) `${name}:${String(port)}`
                        : (0, phrase_1.ours)('<server name>:<port>'),
                    where: component.attributes.addresses.length > 0 ? (0, phrase_1.ours)('the virtual host') : (0, phrase_1.ours)('the main server'),
                },
                location: component.location,
                related: component.attributes.includedBy ?? [],
                fingerprint: [component.id],
            });
        }
    },
});
