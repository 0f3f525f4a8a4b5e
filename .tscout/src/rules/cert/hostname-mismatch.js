"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dnsNameMatches = dnsNameMatches;
exports.checkHost = checkHost;
const ip_1 = require("../../core/ip");
const types_1 = require("../types");
const sources_1 = require("../_lib/sources");
const presented_1 = require("./_lib/presented");
const shared_1 = require("./_lib/shared");
const phrase_1 = require("../../core/phrase");
/** Client kinds that verify the server's host name (HTTPS endpoint identification). MQ channels never do. */
const normalise = (name) => name.trim().toLowerCase().replace(/\.$/, '');
/**
 * RFC 6125 §6.4.3 matching of one DNS-ID against a host: exact (case-insensitive), or a
 * wildcard that is the whole (or the tail of the) left-most label and stands for exactly one
 * label, never in front of fewer than two labels (`*.com`), never for an IP address.
 */
function dnsNameMatches(pattern, host) {
    const p = normalise(pattern);
    const h = normalise(host);
    if (!p.includes('*'))
        return p === h;
    if ((0, ip_1.isIpAddress)(h))
        return false;
    const [first = '', ...rest] = p.split('.'); // split gives at least one part
    if (rest.length < 2 || rest.some((label) => label.includes('*')))
        return false;
    const [hostFirst = '', ...hostRest] = h.split('.');
    if (hostRest.join('.') !== rest.join('.'))
        return false;
    const star = first.indexOf('*');
    if (star !== first.lastIndexOf('*'))
        return false;
    const prefix = first.slice(0, star);
    const suffix = first.slice(star + 1);
    return (hostFirst.length >= prefix.length + suffix.length &&
        hostFirst.startsWith(prefix) &&
        hostFirst.endsWith(suffix) &&
        (prefix + suffix !== '' || hostFirst.length > 0));
}
/** What Java's HostnameChecker (TYPE_TLS) decides for this certificate and host. */
function checkHost(cert, host) {
    const h = normalise(host.replace(/^\[|\]$/g, ''));
    if ((0, ip_1.isIpAddress)(h)) {
        if (cert.ipAddresses.some((ip) => normalise(ip) === h))
            return { ok: true };
        if (cert.dnsNames.length === 0 && cert.ipAddresses.length === 0)
            return {
                ok: false,
                messageId: 'noSans',
                symptom: 'No subject alternative names present',
                names: 'no subjectAltName',
            };
        return {
            ok: false,
            messageId: 'noIpMatch',
            symptom: `No subject alternative names matching IP address ${h} found`,
            names: sanText(cert),
        };
    }
    if (cert.dnsNames.length > 0) {
        if (cert.dnsNames.some((n) => dnsNameMatches(n, h)))
            return { ok: true };
        return {
            ok: false,
            messageId: 'noSanMatch',
            symptom: `No subject alternative DNS name matching ${h} found.`,
            names: sanText(cert),
        };
    }
    const cn = cert.subject.find((a) => a.type === 'CN')?.value;
    if (cn && dnsNameMatches(cn, h))
        return { ok: true };
    return {
        ok: false,
        messageId: 'noCnMatch',
        symptom: `No name matching ${h} found`,
        names: cn ? `CN=${cn}, no DNS subjectAltName` : 'no CN and no DNS subjectAltName',
    };
}
function sanText(cert) {
    const names = [...cert.dnsNames.map((n) => `DNS:${n}`), ...cert.ipAddresses.map((ip) => `IP:${ip}`)];
    return `subjectAltName ${names.join(', ') || '(empty)'}`;
}
/** The URL of a client that made this link (the link's location is the URL's setting). */
function urlOf(link, urls) {
    const at = link.location;
    if (!at)
        return undefined;
    return urls.find((u) => u.location.file === at.file &&
        u.location.range?.start.line === at.range?.start.line &&
        u.location.range?.start.character === at.range?.start.character);
}
/** The leaf of each certificate a server is configured with that the tree holds (nginx and Tomcat: RSA and ECDSA). */
function presentedLeaves(deployment, server) {
    const named = deployment.derived.presented.get(server.id) ?? [];
    const leaves = named.flatMap(({ certificates }) => certificates.slice(0, 1));
    return [...new Map(leaves.map((leaf) => [leaf.cert.fingerprintSha256, { leaf }])).values()];
}
/** The certificate a TLS 1.2 suite authenticates with (`TLS_ECDHE_ECDSA_…` → EC, `…_RSA_…` → RSA); undefined otherwise. */
function selectedByPrediction(candidates, suite) {
    const keyType = !suite
        ? undefined
        : /_ECDSA_/.test(suite)
            ? 'EC'
            : /^TLS_(ECDHE_|DHE_)?RSA_/.test(suite)
                ? 'RSA'
                : undefined;
    const matching = keyType ? candidates.filter((c) => c.leaf.cert.keyType === keyType) : [];
    return matching.length === 1 ? matching[0] : undefined;
}
const FIX = 'Re-issue the certificate with DNS:{{host}} in its subjectAltName (CN alone is ignored when SANs exist), or call the server by a name the certificate holds';
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'cert/hostname-mismatch',
        description: "Check that the host name an HTTPS client connects to is in the server certificate's subjectAltName (or CN when it has no DNS names)",
        severity: 'error',
        messages: {
            noSanMatch: `{{client}} connects to {{url}}, but {{server}} presents {{dn}} whose {{names}} does not cover {{host}}: host name verification fails with 'java.security.cert.CertificateException: {{symptom}}' (javax.net.ssl.SSLHandshakeException). ${FIX}`,
            noCnMatch: `{{client}} connects to {{url}}, but {{server}} presents {{dn}} ({{names}}) which does not match {{host}}: host name verification fails with 'java.security.cert.CertificateException: {{symptom}}' (javax.net.ssl.SSLHandshakeException). ${FIX}`,
            noIpMatch: `{{client}} connects to {{url}} by IP address, but {{server}} presents {{dn}} whose {{names}} has no IP:{{host}} entry (Java never matches an IP against CN or DNS names): 'java.security.cert.CertificateException: {{symptom}}'. Add IP:{{host}} to the subjectAltName or connect by a DNS name the certificate holds`,
            oneOfSeveral: `{{client}} connects to {{url}}; {{server}} holds {{count}} certificates and one of them, {{dn}} ({{keyType}} key), has {{names}}, not {{host}}: whenever the handshake selects it (by the suite or the signature algorithms the peers agree on), the client fails with 'java.security.cert.CertificateException: {{symptom}}'. Re-issue that certificate with DNS:{{host}} in its subjectAltName, or remove it`,
            noSans: `{{client}} connects to {{url}} by IP address, but {{server}} presents {{dn}} without any subjectAltName: 'java.security.cert.CertificateException: {{symptom}}'. Add IP:{{host}} to the subjectAltName or connect by a DNS name the certificate holds`,
        },
        defaultOptions: {},
        symptoms: [
            'No subject alternative DNS name matching',
            'No name matching',
            'No subject alternative names matching IP address',
            'No subject alternative names present',
        ],
    },
    check(ctx) {
        for (const { link, client, server, predicted } of (0, presented_1.resolvedLinks)(ctx.deployment)) {
            if (client.type !== 'java.app' || server.type.startsWith('mq.'))
                continue;
            const disabled = client.runtime?.systemProperties['jdk.internal.httpclient.disableHostnameVerification'];
            if (disabled && disabled.value.trim().toLowerCase() !== 'false')
                continue;
            const url = urlOf(link, client.attributes.urls);
            // A REST client with its own host name verifier (`…/mp-rest/hostnameVerifier`) does not make the JDK's check.
            if (!url || url.hostnameVerifier)
                continue;
            const candidates = presentedLeaves(ctx.deployment, server).map((c) => ({
                ...c,
                result: checkHost(c.leaf.cert, url.host),
            }));
            const failing = candidates.filter((c) => !c.result.ok);
            if (failing.length === 0)
                continue;
            // Which certificate a dual-certificate server presents: the one the negotiated suite authenticates with
            // (TLS 1.2); in TLS 1.3 or without a prediction, the peers' signature algorithms decide: not known here; nor
            // when the suite depends on the update a JDK's feature-only name runs (byUpdate).
            const outcome = predicted?.outcome;
            const chosen = candidates.length > 1
                ? selectedByPrediction(candidates, outcome?.kind === 'negotiates' && !outcome.byUpdate ? outcome.cipherSuite : undefined)
                : candidates[0];
            if (chosen && chosen.result.ok)
                continue;
            const bad = chosen ?? (failing.length === candidates.length ? failing[0] : undefined);
            const reference = (0, presented_1.certificateReference)(server);
            if (!bad) {
                // Some certificates match, one does not, and which one the handshake selects is not known: a warning.
                const [odd] = failing;
                if (!odd || odd.result.ok)
                    continue;
                ctx.report({
                    messageId: 'oneOfSeveral',
                    severity: 'warning',
                    data: {
                        client: client.name,
                        url: url.url,
                        server: server.name,
                        count: String(candidates.length),
                        dn: (0, shared_1.certName)(odd.leaf),
                        keyType: odd.leaf.cert.keyType,
                        names: odd.result.names,
                        host: url.host,
                        symptom: odd.result.symptom,
                    },
                    location: url.location,
                    related: [
                        ...candidates.map((c) => (0, presented_1.relatedCertificate)(c.leaf, `certificate ${server.name} holds (${c.leaf.cert.keyType}): ${c.result.ok ? 'names ' + url.host : c.result.names}`)),
                        { ...reference, message: (0, phrase_1.said) `${server.name} uses these certificates` },
                        ...(0, presented_1.certificateMount)(server),
                    ],
                    fingerprint: [client.id, server.id, url.host, odd.leaf.cert.fingerprintSha256],
                });
                continue;
            }
            if (bad.result.ok)
                continue;
            ctx.report({
                messageId: bad.result.messageId,
                data: {
                    client: client.name,
                    url: url.url,
                    server: server.name,
                    dn: (0, shared_1.certName)(bad.leaf),
                    names: bad.result.names,
                    host: url.host,
                    symptom: bad.result.symptom,
                },
                location: url.location,
                related: (0, sources_1.withSources)(url.location, [
                    (0, presented_1.relatedCertificate)(bad.leaf, `certificate presented by ${server.name}: ${bad.result.names}`),
                    { ...reference, message: (0, phrase_1.said) `${server.name} uses this certificate` },
                    ...(0, presented_1.certificateMount)(server),
                ], 
                // Chosen among several by the negotiated suite: what the client offers decides it too.
                chosen && candidates.length > 1
                    ? (0, sources_1.runtimeSources)(client.runtime, client.name, ['jdk.tls.client.protocols', 'jdk.tls.client.cipherSuites'])
                    : []),
                fingerprint: [client.id, server.id, url.host, bad.leaf.cert.fingerprintSha256],
            });
        }
    },
});
