"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
const verify_without_anchors_1 = require("../_lib/verify-without-anchors");
/**
 * `SSLProxyVerify require` (or `optional`) with no SSLProxyCACertificateFile / SSLProxyCACertificatePath for the
 * virtual host or the main server: mod_ssl loads no system CA store for the proxy (no SSL_CTX_set_default_verify_paths
 * in modules/ssl), so no backend certificate verifies and every proxied request fails — measured on httpd 2.4.71: the
 * start warns AH01897, each request answers 500 (AH02003 SSL Proxy connect failed, "certificate verify failed"), even
 * for a publicly signed backend. Judged only when the tree holds every level that could name the anchors.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'httpd/proxy-verify-without-ca',
        description: 'Report httpd proxies that verify the backend (SSLProxyVerify require) with no SSLProxyCACertificateFile or Path: mod_ssl trusts nothing then, and every proxied request fails',
        severity: 'error',
        appliesTo: { components: ['httpd.proxy'] },
        messages: {
            noAnchors: '{{proxy}} verifies the backend {{target}} (SSLProxyVerify {{verify}}) but no SSLProxyCACertificateFile or SSLProxyCACertificatePath names the CA certificates to verify it with, in the virtual host or the main server: mod_ssl uses no system CA store for proxies, so every request proxied there fails with 500 ("AH02003: SSL Proxy connect failed", "certificate verify failed"; at start "AH01897: Init: Oops, you want to request client authentication, but no CAs are known for verification!?"). Add SSLProxyCACertificateFile with the CA certificate that issued the backend\'s certificate',
        },
        options: {},
        symptoms: ['AH01897', 'AH02003', 'certificate verify failed', 'no CAs are known for verification'],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            if (component.type !== 'httpd.proxy')
                continue;
            // Without the engine the proxy speaks no TLS at all (httpd/proxy-engine-off says so); a CA file or directory, or a
            // level the tree does not hold, may name the anchors.
            if (!(0, verify_without_anchors_1.httpdProxyWithoutAnchors)(component))
                continue;
            const { verify, target, includedBy } = component.attributes;
            ctx.report({
                messageId: 'noAnchors',
                data: { proxy: component.name, target, verify: verify.value },
                location: component.attributes.urls[0]?.location ?? component.location,
                related: [
                    ...(verify.from.kind === 'file'
                        ? [{ ...verify.from.location, message: (0, phrase_1.ours)('SSLProxyVerify is set here') }]
                        : []),
                    ...(includedBy ?? []),
                ],
                fingerprint: [component.id],
            });
        }
    },
});
