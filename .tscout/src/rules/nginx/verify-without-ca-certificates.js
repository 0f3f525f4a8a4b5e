"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const openssl_1 = require("../../knowledge/openssl");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/** The nginx release from which ssl_trusted_certificate alone serves ssl_verify_client. */
const SINCE = openssl_1.NGINX_FACTS.verifyClientTrustedCertificateSince.since;
/**
 * nginx verifies a peer's certificate only against the CA certificates a file names: it has no default trust store.
 * A server with `ssl_verify_client on|optional` and no `ssl_client_certificate` (before the release in
 * openssl-servers.json nginx.verifyClientTrustedCertificateSince; from it, nor
 * `ssl_trusted_certificate`) does not start: `[emerg] no ssl_client_certificate for ssl_verify_client`
 * (model/nginx-startup.ts).
 * With `proxy_ssl_verify on` (`grpc_ssl_verify`, `uwsgi_ssl_verify`, stream `proxy_ssl_verify`) and no
 * `proxy_ssl_trusted_certificate` where nginx builds the pass's TLS client — a TLS target, or any target with a
 * variable — nginx refuses to start: `[emerg] no proxy_ssl_trusted_certificate for proxy_ssl_verify`
 * (ngx_http_proxy_set_ssl; model/nginx-passes.ts). Measured with nginx 1.22.1 `nginx -t`, `proxy_pass http://$b` too;
 * the same `proxy_ssl_verify on` over plain literal targets only is accepted (and ignored: nginx/proxy-ssl-ignored).
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'nginx/verify-without-ca-certificates',
        description: 'Check that nginx has the CA certificates to verify with wherever proxy_ssl_verify or ssl_verify_client is on: without proxy_ssl_trusted_certificate (ssl_client_certificate) nginx refuses to start',
        severity: 'error',
        appliesTo: { documents: ['nginx.'] },
        messages: {
            verifyClient: "{{server}} has ssl_verify_client {{mode}} but neither ssl_client_certificate nor ssl_trusted_certificate: nginx has no default trust store to verify client certificates with, and refuses to start ([emerg] no ssl_client_certificate for ssl_verify_client; from {{since}} 'no ssl_client_certificate or ssl_trusted_certificate for ssl_verify_client'). Set ssl_client_certificate to the PEM file of the CA certificates that issue the clients' certificates, or ssl_verify_client optional_no_ca when the application checks the certificate itself",
            verifyClientTrustedOnly: '{{server}} has ssl_verify_client {{mode}} with ssl_trusted_certificate but no ssl_client_certificate: nginx {{release}} takes only ssl_client_certificate for it (ssl_trusted_certificate suffices from {{since}}) and refuses to start ([emerg] no ssl_client_certificate for ssl_verify_client). Set ssl_client_certificate to the CA file, or run nginx {{since}} or later',
            proxyVerify: "{{verify}} on applies to {{passes}}, but no {{trusted}} does: nginx has no default trust store, and refuses to start ([emerg] no {{trusted}} for {{verify}}; 'nginx -t' fails too). Set {{trusted}} to the PEM file of the CA certificates that issued the upstream's certificate, at the same level as {{verify}}",
        },
        options: {},
        symptoms: [
            'no proxy_ssl_trusted_certificate for proxy_ssl_verify',
            'no ssl_client_certificate for ssl_verify_client',
        ],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            if (component.type !== 'nginx.server')
                continue;
            const failure = component.attributes.startupFailure;
            if (failure?.kind !== 'no-client-ca')
                continue;
            const data = { server: component.name, mode: failure.mode, since: SINCE };
            const { trusted } = failure;
            if (trusted)
                ctx.report({
                    messageId: 'verifyClientTrustedOnly',
                    data: { ...data, release: trusted.nginx.release },
                    location: failure.at,
                    related: [
                        { ...trusted.at, message: (0, phrase_1.said) `ssl_trusted_certificate: not taken for ssl_verify_client before ${SINCE}` },
                        { ...trusted.nginx.at, message: (0, phrase_1.said) `the image runs nginx ${trusted.nginx.release}` },
                    ],
                    fingerprint: [component.id, failure.mode, trusted.nginx.release],
                });
            else
                ctx.report({
                    messageId: 'verifyClient',
                    data,
                    location: failure.at,
                    fingerprint: [component.id, failure.mode],
                });
        }
        for (const { verify, passes } of ctx.deployment.nginxVerifyWithoutAnchors ?? []) {
            const [pass] = passes;
            if (!pass)
                continue;
            const written = (p) => `${p.directive} ${p.target}`;
            const related = passes.map((p) => ({
                ...p.at,
                message: (0, phrase_1.said) `${written(p)}: nginx builds its TLS client${p.transport === 'tls' ? '' : (0, phrase_1.ours)(' (the target holds a variable)')}`,
            }));
            ctx.report({
                messageId: 'proxyVerify',
                data: {
                    verify: verify.name,
                    trusted: verify.name.replace(/_verify$/, '_trusted_certificate'),
                    passes: passes.length === 1
                        ? written(pass)
                        : (0, phrase_1.said) `${written(pass)} and ${passes.length - 1} other pass${passes.length > 2 ? (0, phrase_1.ours)('es') : ''}`,
                },
                location: verify.at,
                related,
                fingerprint: [verify.name, ...passes.map(written)],
            });
        }
    },
});
