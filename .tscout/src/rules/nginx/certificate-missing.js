"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
/**
 * nginx refuses to start (and `nginx -t` fails) when the default server of an address with `listen … ssl` has no
 * `ssl_certificate` of its own or from the http (stream) level, or when an `ssl_certificate` has no
 * `ssl_certificate_key` (src/model/nginx-startup.ts, from ngx_http_ssl_module.c and ngx_stream_ssl_module.c). Said
 * only when the tree holds everything that decides it.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'nginx/certificate-missing',
        description: 'Check that every nginx server nginx needs a certificate for has one, and every ssl_certificate its key: without them nginx does not start',
        severity: 'error',
        appliesTo: { components: ['nginx.server'] },
        messages: {
            noCertificate: '{{server}} is the default server of {{listen}}, a listen with ssl, but no ssl_certificate is set in it or at the {{level}} level: nginx refuses to start ([emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive), so nothing on that port answers. Set ssl_certificate and ssl_certificate_key in the server block (or at the {{level}} level), or ssl_reject_handshake on for a server that should refuse TLS',
            noKey: '{{server}} sets ssl_certificate {{certificate}} without an ssl_certificate_key for it: nginx refuses to start ([emerg] no "ssl_certificate_key" is defined for certificate "{{certificate}}"). Add the ssl_certificate_key of that certificate at the same level',
            noKeyStream: '{{server}}, a stream server with listen … ssl, has ssl_certificate {{certificate}} without an ssl_certificate_key for it: nginx refuses to start ([emerg] no "ssl_certificate_key" is defined for certificate "{{certificate}}", up to 1.25.4 for the "listen ... ssl" directive). Add the ssl_certificate_key of that certificate at the same level',
        },
        options: {},
        symptoms: [
            'no "ssl_certificate" is defined for the "listen ... ssl" directive',
            'no "ssl_certificate_key" is defined',
        ],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            if (component.type !== 'nginx.server')
                continue;
            const failure = component.attributes.startupFailure;
            if (!failure)
                continue;
            if (failure.kind === 'no-certificate')
                ctx.report({
                    messageId: 'noCertificate',
                    data: { server: component.name, listen: failure.listen, level: failure.level },
                    location: failure.at,
                    fingerprint: [component.id, failure.listen],
                });
            else if (failure.kind === 'no-key')
                ctx.report({
                    messageId: failure.level === 'stream' ? 'noKeyStream' : 'noKey',
                    data: { server: component.name, certificate: failure.certificate },
                    location: failure.at,
                    fingerprint: [component.id, failure.certificate],
                });
        }
    },
});
