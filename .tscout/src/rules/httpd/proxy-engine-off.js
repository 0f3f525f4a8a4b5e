"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * A `ProxyPass` / `BalancerMember` towards an `https://` (`wss://`, `h2://`) backend in a virtual host whose
 * SSLProxyEngine is off (httpd's default): mod_ssl refuses to open TLS for the proxy connection (AH01961) and mod_proxy
 * answers the request with 500 (AH00961). Measured on httpd 2.4.71 (Debian 12): the configuration test passes. Judged only where the tree holds every level that could turn it
 * on: a virtual host in a file no main configuration of the tree includes may inherit `SSLProxyEngine on` from it.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'httpd/proxy-engine-off',
        description: 'Report httpd ProxyPass and BalancerMember targets with https:// in a virtual host where SSLProxyEngine is off: every proxied request fails with 500',
        severity: 'error',
        appliesTo: { components: ['httpd.proxy'] },
        messages: {
            off: '{{proxy}} forwards to {{target}} over TLS, but SSLProxyEngine is off {{where}}: mod_ssl does not open TLS to the backend, so httpd answers every request it proxies there with 500 Internal Server Error and logs "AH01961: failed to enable ssl support [Hint: if using mod_ssl, see SSLProxyEngine]" and "AH00961: https: failed to enable ssl support for <backend address>". Add SSLProxyEngine on to this virtual host',
        },
        options: {},
        symptoms: ['AH01961', 'AH00961', 'failed to enable ssl support', 'SSL Proxy requested for'],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            if (component.type !== 'httpd.proxy')
                continue;
            const { engine, engineUnknown, target, serverBlock } = component.attributes;
            if (engine.value || engineUnknown)
                continue;
            ctx.report({
                messageId: 'off',
                data: {
                    proxy: (0, phrase_1.said) `httpd ${component.attributes.directive}`,
                    target,
                    where: engine.from.kind === 'file'
                        ? (0, phrase_1.ours)('here (SSLProxyEngine off is written for it)')
                        : (0, phrase_1.ours)('(no SSLProxyEngine in the virtual host or the main server: off by default)'),
                },
                location: component.attributes.urls[0]?.location ?? component.location,
                related: [
                    ...(engine.from.kind === 'file'
                        ? [{ ...engine.from.location, message: (0, phrase_1.ours)('SSLProxyEngine off') }]
                        : serverBlock
                            ? [{ ...serverBlock, message: (0, phrase_1.ours)('the virtual host that needs SSLProxyEngine on') }]
                            : []),
                    ...(component.attributes.includedBy ?? []),
                ],
                fingerprint: [component.id],
            });
        }
    },
});
