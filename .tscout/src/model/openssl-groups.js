"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.opensslFiniteFieldGroups = opensslFiniteFieldGroups;
exports.nginxFiniteFieldGroups = nginxFiniteFieldGroups;
/**
 * Whether an OpenSSL server (nginx, HAProxy) takes a finite-field group (ffdhe2048…) in a TLS 1.3 key share
 * (TlsSettings.finiteFieldGroups), which is all a Java runtime without the EC provider offers: the groups the
 * configuration names, else OpenSSL's default groups, which have finite-field groups from 3.0 (knowledge
 * openssl-servers.json tls13FiniteFieldGroups). Measured with HAProxy 2.6.12 on OpenSSL 3 and a JDK 17 runtime jlinked
 * without jdk.crypto.ec: no groups option, TLS 1.3 goes on; `curves X25519:P-256` or `ecdhe prime256v1`, TLS 1.3 fails
 * with handshake_failure (TLS 1.2 with a DHE suite still works).
 */
const openssl_1 = require("../knowledge/openssl");
const nginx_placed_1 = require("./nginx-placed");
const FINITE_FIELD = /(^|[^a-z0-9])ffdhe\d+/i;
/** The groups as written (a colon list; OpenSSL 3.5's `?`, `*` and `/` marks allowed), else the series' defaults. */
function opensslFiniteFieldGroups(input) {
    const { written, openssl, assumed, product, directive } = input;
    if (written)
        return { value: FINITE_FIELD.test(written.value), from: written.from };
    const fact = (0, openssl_1.opensslTls13FiniteFieldGroups)(openssl.series);
    const has = (value) => (value ? 'include finite-field groups' : 'have none');
    return {
        value: fact.value,
        from: {
            kind: 'default',
            origin: `OpenSSL ${openssl.series}'s default TLS 1.3 groups ${has(fact.value)} (from OpenSSL ${fact.since}; ${fact.source.split(' ')[0]})`,
            confidence: 'verified',
        },
        ...(assumed
            ? {
                unknownWhat: `the OpenSSL release ${product} runs (OpenSSL ${openssl.series} assumed, whose default TLS 1.3 groups ${has(fact.value)}; releases before OpenSSL ${fact.since} have none): name ${product}'s image in a Dockerfile FROM beside the configuration, or set ${directive}`,
            }
            : {}),
    };
}
/**
 * nginx: `ssl_conf_command Groups|Curves`, else `ssl_ecdh_curve` (passed to SSL_CTX_set1_curves_list; `auto` keeps
 * OpenSSL's defaults, https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_ecdh_curve), else OpenSSL's defaults.
 */
function nginxFiniteFieldGroups(levels, openssl, assumed) {
    const command = (0, nginx_placed_1.innermostDirectives)(levels, 'ssl_conf_command')
        .filter((p) => /^(groups|curves)$/i.test(p.directive.args[0]?.value ?? ''))
        .at(-1);
    const curve = (0, nginx_placed_1.last)(levels.flat(), 'ssl_ecdh_curve');
    const curveList = curve?.directive.args[0]?.value;
    const written = command
        ? (0, nginx_placed_1.tracedAt)(command, command.directive.args[1]?.value ?? '')
        : curve && curveList && curveList !== 'auto'
            ? (0, nginx_placed_1.tracedAt)(curve, curveList)
            : undefined;
    return opensslFiniteFieldGroups({ written, openssl, assumed, product: 'nginx', directive: 'ssl_ecdh_curve' });
}
