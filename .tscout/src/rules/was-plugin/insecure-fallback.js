"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * `UseInsecure="true"` in plugin-cfg.xml with servers that have both an https and an http transport: when the plug-in
 * cannot make its HTTPS connection to the application server (a missing signer in its key database, a protocol or
 * suite the server refuses), it sends the request over the http transport instead, in clear text, and the client that
 * came in over HTTPS never knows (IBM docs "Web server plug-in connections": from 8.5.5.0 the plug-in makes no
 * connection in that case unless UseInsecure is set). One finding per file, at the setting.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'was-plugin/insecure-fallback',
        description: 'Report a WebSphere plug-in configuration whose UseInsecure="true" lets HTTPS requests fall back to the application servers\' plain http transports',
        severity: 'warning',
        appliesTo: { components: ['was.plugin'] },
        messages: {
            fallback: "{{setting}} lets the plug-in send HTTPS requests over plain HTTP: when its TLS connection to an application server fails (a signer missing from its key database, a protocol or suite the server refuses), it uses the server's http transport instead ({{servers}}), unencrypted between the web server and the application server, and neither the client nor the log of a successful request says so. Remove UseInsecure (from plug-in 8.5.5.0 such a request then gets no connection, which shows the TLS problem), or remove the http transports if the servers must only be reached over TLS",
        },
        options: {},
        symptoms: [],
    },
    check(ctx) {
        const byFile = new Map();
        for (const c of ctx.deployment.components) {
            if (c.type !== 'was.plugin' || !c.attributes.useInsecure || !c.attributes.httpTransport)
                continue;
            byFile.set(c.location.file, [...(byFile.get(c.location.file) ?? []), c]);
        }
        for (const [file, transports] of byFile) {
            const setting = transports[0].attributes.useInsecure;
            const named = transports.map((t) => `${t.attributes.target} → ${t.attributes.httpTransport.target}`);
            ctx.report({
                messageId: 'fallback',
                data: {
                    setting: (0, phrase_1.said) `${setting.name}="${setting.value}"`,
                    // The count is ours: only the transports' names are the tree's.
                    servers: (0, phrase_1.said) `${named.slice(0, 3).join(', ')}${named.length > 3 ? (0, phrase_1.said) `, and ${named.length - 3} more` : (0, phrase_1.said) ``}`,
                },
                location: setting.location,
                related: transports.map((t) => ({
                    ...t.attributes.transport,
                    message: (0, phrase_1.said) `the https transport ${t.attributes.target}`,
                })),
                fingerprint: [file],
            });
        }
    },
});
