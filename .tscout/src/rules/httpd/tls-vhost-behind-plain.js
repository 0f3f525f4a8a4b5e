"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const types_1 = require("../types");
/**
 * A `<VirtualHost>` with `SSLEngine on` behind a plain one: on each of its addresses the first virtual host of the
 * address set does not turn SSLEngine on, so httpd starts those connections in plain HTTP and no TLS client reaches it
 * (src/model/httpd-order.ts; measured on apache2 2.4.71 with openssl s_client, curl and a JSSE client).
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'httpd/tls-vhost-behind-plain',
        description: 'Report httpd virtual hosts with SSLEngine on listed after a plain virtual host of the same address:port: the first one decides, the port speaks plain HTTP and TLS clients fail',
        severity: 'error',
        appliesTo: { documents: ['httpd.conf'] },
        messages: {
            behindPlain: "{{vhost}} turns SSLEngine on, but {{first}}, listed before it on {{address}}, does not: httpd starts every connection to {{address}} in plain HTTP (mod_ssl takes the first virtual host of an address to decide, before any server name is read), so this virtual host is never reached over TLS and TLS clients fail (OpenSSL, curl: 'wrong version number'; Java: 'Unsupported or unrecognized SSL message'). List the SSL virtual host first, or turn SSLEngine on in {{first}} too (with its certificate)",
        },
        options: {},
        symptoms: ['wrong version number', 'Unsupported or unrecognized SSL message'],
    },
    check(ctx) {
        for (const behind of ctx.deployment.httpdTlsBehindPlain ?? [])
            ctx.report({
                messageId: 'behindPlain',
                data: { vhost: behind.vhost, first: behind.first, address: behind.address },
                location: behind.at,
                related: behind.related,
                fingerprint: [behind.vhost, behind.address],
            });
    },
});
