"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const calls_without_tls_1 = require("../_lib/calls-without-tls");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * A client URL `https://host:port` whose port is the `<httpEndpoint httpsPort>` of a Liberty server that enables no
 * feature including ssl-1.0 (model/unserved-tls.ts, Deployment.refusedCalls): Liberty opens no HTTPS listener there
 * ("The secure HTTPS listener is not started unless the transportSecurity-1.0 feature is enabled"), so nothing
 * listens on that port and the client's connection is refused. No link is made (there is no HTTPS server to link
 * to): without this rule the call would pass in silence. When the URL's host is one of the names the server answers
 * to, the server is the one called (a warning); when it is only the directory the server lies in (a Compose service
 * or image built from it, most likely), that is not proven: an info saying what is unknown.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'liberty/https-port-closed',
        description: 'Report a client calling the HTTPS port of a Liberty server that enables no SSL feature: nothing listens there, the connection is refused',
        severity: 'warning',
        messages: {
            refused: "{{client}} calls {{url}} ({{key}}), the HTTPS port of {{server}}, which opens no HTTPS listener: none of its features includes ssl-1.0 (transportSecurity-1.0, or a feature built on it such as appSecurity, mpJwt or microProfile), so nothing listens on port {{port}} and the connection is refused ('java.net.ConnectException: Connection refused'). Add transportSecurity-1.0 to the server's <featureManager>, or call its HTTP port",
            refusedIfThatServer: "{{client}} calls {{url}} ({{key}}); '{{host}}' is the directory of {{server}}, whose HTTPS port {{port}} is not opened: none of its features includes ssl-1.0, so Liberty starts no HTTPS listener. If '{{host}}' is that server (a Compose service or Kubernetes Service built from that directory), the connection is refused ('java.net.ConnectException: Connection refused'); the tree does not prove it. Add transportSecurity-1.0 to the server's <featureManager> if it is, or declare the link in the lint-deploy config `links`",
        },
        defaultOptions: {},
        appliesTo: { components: ['java.app', 'nginx.proxy'] },
        symptoms: ['Connection refused', 'ConnectException'],
    },
    check(ctx) {
        for (const { call, why, proven, data, fingerprint } of (0, calls_without_tls_1.callsWithoutTls)(ctx.deployment, 'no-ssl-feature'))
            ctx.report({
                messageId: proven ? 'refused' : 'refusedIfThatServer',
                data,
                location: call.url.location,
                related: [
                    { ...call.port.at, message: (0, phrase_1.said) `httpsPort ${call.port.port}: Liberty does not open it` },
                    { ...why.at, message: (0, phrase_1.ours)('these features include no ssl-1.0: Liberty opens no HTTPS listener') },
                ],
                fingerprint,
                ...(proven ? {} : { severity: 'info' }),
            });
    },
});
