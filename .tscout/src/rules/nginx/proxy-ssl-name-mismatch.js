"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkedName = checkedName;
exports.opensslHostMatches = opensslHostMatches;
const hostname_mismatch_1 = require("../cert/hostname-mismatch");
const presented_1 = require("../cert/_lib/presented");
const shared_1 = require("../cert/_lib/shared");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/** `proxy_ssl_name`, else the host part of the pass directive's target; the port stripped as nginx does. */
function checkedName(proxy) {
    const { sslName, target, directive } = proxy.attributes;
    const from = sslName?.from.kind === 'file' ? sslName.from.location : undefined;
    const authority = target.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
    // $proxy_host is the pass directive's host and port, known here; other variables are known per request only.
    const written = sslName ? sslName.value.replace(/\$proxy_host\b|\$\{proxy_host\}/g, authority) : authority;
    // ngx_http_upstream_ssl_name: a `[v6]` literal keeps its brackets, anything after the first ':' beyond them goes.
    const close = written.startsWith('[') ? written.indexOf(']') : -1;
    const colon = written.indexOf(':', close < 0 ? 0 : close);
    return {
        name: colon < 0 ? written : written.slice(0, colon),
        directive: sslName ? directive.replace(/_pass$/, '_ssl_name') : directive,
        location: from ?? proxy.location,
        variable: written.includes('$'),
    };
}
/** OpenSSL's X509_check_host with no flags: DNS subjectAltNames, else every subject CN; IP entries are not names. */
function opensslHostMatches(cert, name) {
    if (cert.dnsNames.length > 0)
        return cert.dnsNames.some((n) => (0, hostname_mismatch_1.dnsNameMatches)(n, name));
    return cert.subject.some((a) => a.type === 'CN' && (0, hostname_mismatch_1.dnsNameMatches)(a.value, name));
}
function namesOf(cert) {
    if (cert.dnsNames.length > 0)
        return `subjectAltName ${cert.dnsNames.map((n) => `DNS:${n}`).join(', ')}`;
    const cns = cert.subject.filter((a) => a.type === 'CN').map((a) => a.value);
    const ips = cert.ipAddresses.length > 0 ? ` (IP entries, which nginx does not compare: ${cert.ipAddresses.join(', ')})` : '';
    return `${cns.length > 0 ? `CN=${cns.join(', CN=')}` : 'no CN'} and no DNS subjectAltName${ips}`;
}
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'nginx/proxy-ssl-name-mismatch',
        description: "Check that the name an nginx proxy verifies its upstream's certificate against (proxy_ssl_name, else the proxy_pass host) is one the certificate holds",
        severity: 'error',
        appliesTo: { components: ['nginx.proxy'] },
        messages: {
            mismatch: '{{client}} verifies the upstream certificate (proxy_ssl_verify on) against "{{name}}" ({{nameFrom}}), but {{server}} presents {{dn}}, whose {{names}} does not cover it: nginx logs \'upstream SSL certificate does not match "{{name}}" while SSL handshaking to upstream\' and answers 502. Set {{sslNameDirective}} to a name the certificate holds ({{holds}}), or re-issue the certificate with DNS:{{name}} in its subjectAltName',
            variableName: "{{client}} verifies the upstream certificate (proxy_ssl_verify on) against {{written}}, a variable nginx evaluates per request, and {{server}} presents {{dn}} ({{names}}): every value it takes must be one of these names, or the request fails with 'upstream SSL certificate does not match' and a 502. Set {{sslNameDirective}} to a fixed name the certificate holds to have it checked here",
        },
        options: {},
        symptoms: ['upstream SSL certificate does not match'],
    },
    check(ctx) {
        for (const { link, client, server } of (0, presented_1.resolvedLinks)(ctx.deployment)) {
            if (client.type !== 'nginx.proxy' || !client.attributes.verify.value)
                continue;
            // The leaf of the server's certificate file, when the tree holds it (else tls/certificate-trust-unknown says so).
            const [leaf] = (0, presented_1.presentedCertificates)(ctx.deployment, server);
            if (!leaf)
                continue;
            const checked = checkedName(client);
            const sslNameDirective = client.attributes.directive.replace(/_pass$/, '_ssl_name');
            const verify = client.attributes.verify.from;
            const related = [
                (0, presented_1.relatedCertificate)(leaf, `certificate presented by ${server.name}: ${namesOf(leaf.cert)}`),
                { ...(0, presented_1.certificateReference)(server), message: (0, phrase_1.said) `${server.name} uses this certificate` },
                ...(verify.kind === 'file'
                    ? [{ ...verify.location, message: (0, phrase_1.ours)('proxy_ssl_verify on: nginx checks the name') }]
                    : []),
                ...(checked.location !== client.location
                    ? [{ ...client.location, message: (0, phrase_1.said) `${client.name}: its ${client.attributes.directive}` }]
                    : []),
                // An upstream group's server entry: where this server comes in.
                ...(link.location &&
                    (link.location.file !== client.location.file ||
                        link.location.range?.start.line !== client.location.range?.start.line)
                    ? [{ ...link.location, message: (0, phrase_1.said) `${server.name} is reached from here` }]
                    : []),
            ];
            const common = {
                client: client.name,
                server: server.name,
                dn: (0, shared_1.certName)(leaf),
                names: namesOf(leaf.cert),
                sslNameDirective,
            };
            if (checked.variable) {
                ctx.report({
                    messageId: 'variableName',
                    severity: 'info',
                    data: { ...common, written: checked.name },
                    location: checked.location,
                    related,
                    fingerprint: [client.id, server.id, checked.name],
                });
                continue;
            }
            if (!checked.name || opensslHostMatches(leaf.cert, checked.name))
                continue;
            const holds = leaf.cert.dnsNames.length > 0
                ? leaf.cert.dnsNames
                : leaf.cert.subject.filter((a) => a.type === 'CN').map((a) => a.value);
            ctx.report({
                messageId: 'mismatch',
                data: {
                    ...common,
                    name: checked.name,
                    nameFrom: checked.directive === sslNameDirective
                        ? sslNameDirective
                        : (0, phrase_1.said) `the host part of ${checked.directive}, which ${sslNameDirective} defaults to`,
                    holds: holds.join(', ') || 'none',
                },
                location: checked.location,
                related,
                fingerprint: [client.id, server.id, checked.name, leaf.cert.fingerprintSha256],
            });
        }
    },
});
