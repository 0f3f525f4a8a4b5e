"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.serverOrder = serverOrder;
exports.clientAuthOf = clientAuthOf;
/**
 * The server side's own choices of an httpd virtual host (main server, virtual host; outermost first): whose cipher
 * order decides (SSLHonorCipherOrder) and whether it asks for client certificates (SSLVerifyClient).
 */
const openssl_1 = require("../knowledge/openssl");
const nginx_placed_1 = require("./nginx-placed");
const httpd_tls_1 = require("./httpd-tls");
/** `SSLHonorCipherOrder` (server side): whether the server's order decides. */
function serverOrder(levels) {
    const line = (0, httpd_tls_1.inEffect)(levels, 'sslhonorcipherorder');
    return line
        ? (0, nginx_placed_1.tracedAt)(line, line.directive.args[0]?.value.toLowerCase() === 'on')
        : {
            value: openssl_1.HTTPD_FACTS.honorCipherOrderDefault.value,
            from: {
                kind: 'default',
                origin: `httpd default SSLHonorCipherOrder off (${openssl_1.HTTPD_FACTS.honorCipherOrderDefault.source.split(' ')[0]})`,
                confidence: 'verified',
            },
        };
}
const CLIENT_AUTH = {
    require: 'required',
    optional: 'optional',
    optional_no_ca: 'optional',
    none: 'none',
};
/** `SSLVerifyClient` at the server level (per-directory values renegotiate and are not modelled). */
function clientAuthOf(levels) {
    const line = (0, httpd_tls_1.inEffect)(levels, 'sslverifyclient');
    const mode = line && CLIENT_AUTH[line.directive.args[0]?.value.toLowerCase() ?? ''];
    return line && mode ? (0, nginx_placed_1.tracedAt)(line, mode) : undefined;
}
