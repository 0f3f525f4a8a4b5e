"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
/**
 * A `bind … ssl` line that names no certificate: no `crt`, no `crt-list` (nor `default-crt`, HAProxy 3.0+). HAProxy
 * alerts "no SSL certificate specified for bind '<address>' … (use 'crt')" and refuses the whole configuration
 * (src/ssl_sock.c ssl_sock_prepare_bind_conf, the same from 2.0 to 3.3; measured with Debian 12's HAProxy 2.6.12,
 * `haproxy -c`, also with `generate-certificates` and in a disabled proxy). With `strict-sni` it only warns and
 * starts, "ssl connections will fail": every handshake on that bind fails. There is no global default certificate
 * (2.6 refuses `ssl-default-bind-crt` as an unknown keyword). Not judged: a line read under `.if`, one with a
 * placeholder or template word (it may expand to `crt …`), one with `ech` keys.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'haproxy/bind-without-certificate',
        description: 'Check that every HAProxy bind line with ssl names a certificate (crt, crt-list): without one HAProxy refuses to start',
        severity: 'error',
        appliesTo: { components: ['haproxy.bind'] },
        messages: {
            refused: "{{bind}} uses ssl but names no certificate (no crt or crt-list on the line): HAProxy refuses to start (\"no SSL certificate specified for bind '{{address}}' … (use 'crt')\", then 'Fatal errors found in configuration'). Add crt with the PEM file that holds the server's certificate chain and its private key (or a directory of such files), or crt-list naming them",
            strictSni: "{{bind}} uses ssl and strict-sni but names no certificate (no crt or crt-list): HAProxy starts with the warning \"no SSL certificate specified for bind '{{address}}' …, ssl connections will fail (use 'crt')\", and refuses every TLS handshake on it. Add crt with the PEM file that holds the server's certificate chain and its private key, or crt-list naming them",
        },
        options: {},
        symptoms: ['no SSL certificate specified for bind', 'ssl connections will fail'],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            if (component.type !== 'haproxy.bind')
                continue;
            const { crt, crtList, strictSni, certificatesUnknown, address } = component.attributes;
            if (crt.length > 0 || crtList.length > 0 || certificatesUnknown)
                continue;
            ctx.report({
                messageId: strictSni ? 'strictSni' : 'refused',
                data: { bind: component.name, address },
                location: component.location,
                fingerprint: [component.id],
            });
        }
    },
});
