"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
/**
 * An nginx `proxy_pass https://$backend` (or `grpc_pass grpcs://$backend`): nginx resolves the variable per
 * request (a `${BACKEND}` of a template, when the template is rendered), so which server the proxy reaches, and so
 * its handshake, is unknown. Said once per such directive the
 * lint-deploy config `links` does not pair with a server; never a guess at the target.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'nginx/proxy-target-unknown',
        description: 'Say when an nginx proxy_pass https target is a variable: which server it reaches, and its TLS handshake, is unknown',
        severity: 'info',
        appliesTo: { components: ['nginx.proxy'] },
        messages: {
            variableTarget: '{{directive}} {{target}}: the target holds a variable resolved at run time, so which server this proxy reaches is unknown and its TLS handshake (proxy_ssl_protocols, proxy_ssl_ciphers, certificate trust) is not checked. Declare the servers it reaches in lint-deploy.config.json: "links": [{ "client": "{{id}}", "server": "<server component id, name or host directory>" }]',
        },
        options: {},
    },
    check(ctx) {
        const linked = new Set(ctx.deployment.links.map((l) => l.client));
        for (const component of ctx.deployment.components) {
            if (component.type !== 'nginx.proxy' || linked.has(component.id))
                continue;
            const unresolved = component.attributes.unresolvedTarget;
            if (!unresolved)
                continue;
            ctx.report({
                messageId: 'variableTarget',
                data: { directive: component.attributes.directive, target: unresolved.written, id: component.id },
                // At the target: a template value there (`${BACKEND}` of an envsubst .template) is then said to decide it.
                location: unresolved.location,
                fingerprint: [component.id],
            });
        }
    },
});
