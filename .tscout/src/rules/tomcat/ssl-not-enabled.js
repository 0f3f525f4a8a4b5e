"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const tomcat_1 = require("../../knowledge/tomcat");
const tomcat_legacy_1 = require("../../model/tomcat-legacy");
const calls_without_tls_1 = require("../_lib/calls-without-tls");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/** Why the connector is plain HTTP, in words (`named`: the message already quotes the attribute). */
function reason(why, named = false) {
    const written = why.written;
    if (!written)
        return 'no SSLEnabled="true" is written on it';
    if (!(0, tomcat_legacy_1.sameSetter)(written.name, 'SSLEnabled'))
        return `${named ? 'that attribute' : `${written.name}="${written.value}"`} reaches no setter (only the first letter's case is free: Tomcat logs '${tomcat_1.TOMCAT_SSL_NOT_ENABLED.connectorLog.replace('sslEnabled', written.name)}')`;
    return `SSLEnabled="${written.value}" is not true`;
}
const related = (why) => [
    ...(why.written ? [{ ...why.written.at, message: (0, phrase_1.said) `${why.written.name}: does not turn TLS on` }] : []),
    ...(why.hostConfigAt ? [{ ...why.hostConfigAt, message: (0, phrase_1.ours)('never read: the connector speaks plain HTTP') }] : []),
];
/**
 * A Tomcat `<Connector>` written for TLS (an `<SSLHostConfig>`, or `sslEnabled="true"` in a case Tomcat's setter rule
 * does not match) whose SSLEnabled does not set true (model/tomcat-plain.ts): Tomcat starts it as plain HTTP, and a
 * TLS client of its port reads an HTTP answer as a TLS record and fails. Measured with Tomcat 9.0.70 and 10.1.60.
 * The connector is a warning (a deliberate `SSLEnabled="false"` is not reported); a client URL `https://host:port`
 * that names it by one of its host names is an error (that handshake cannot succeed), by its directory only an info.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tomcat/ssl-not-enabled',
        description: 'Report a Tomcat <Connector> written for TLS whose SSLEnabled is not true, which serves plain HTTP, and the HTTPS clients that call it',
        severity: 'warning',
        messages: {
            plain: "{{server}} is written for TLS ({{evidence}}) but {{reason}}: Tomcat starts it as a plain HTTP connector and never reads its TLS settings, so a TLS client of port {{port}} fails ('{{jsse}}' in Java, '{{openssl}}' in OpenSSL). Write SSLEnabled=\"true\" on the <Connector>",
            called: "{{client}} calls {{url}} ({{key}}), port {{port}} of {{server}}, which speaks plain HTTP: {{reason}}. The TLS handshake cannot succeed: the client reads Tomcat's HTTP answer as a TLS record ('{{jsse}}' in Java, '{{openssl}}' in OpenSSL). Write SSLEnabled=\"true\" on the <Connector>, or call http://",
            calledIfThatServer: "{{client}} calls {{url}} ({{key}}); '{{host}}' is the directory of {{server}}, whose port {{port}} speaks plain HTTP ({{reason}}). If '{{host}}' is that server (a Compose service or Kubernetes Service built from that directory), the handshake fails ('{{jsse}}' in Java); the tree does not prove it. Write SSLEnabled=\"true\" on the <Connector>, or declare the link in the lint-deploy config `links`",
        },
        defaultOptions: {},
        appliesTo: { documents: ['tomcat.server-xml'] },
        symptoms: [...tomcat_1.TOMCAT_SSL_NOT_ENABLED.clientFailures, tomcat_1.TOMCAT_SSL_NOT_ENABLED.connectorLog],
    },
    check(ctx) {
        const failures = { jsse: tomcat_1.TOMCAT_SSL_NOT_ENABLED.clientFailures[0] ?? '', openssl: tomcat_1.TOMCAT_SSL_NOT_ENABLED.clientFailures[2] ?? '' };
        for (const server of ctx.deployment.unservedTls ?? []) {
            const why = server.why;
            if (why.kind !== 'tomcat-ssl-not-enabled')
                continue;
            // A deliberate SSLEnabled="false" beside an <SSLHostConfig> is plain HTTP on purpose; only its callers are wrong.
            if (why.written && /^\s*false\s*$/i.test(why.written.value) && (0, tomcat_legacy_1.sameSetter)(why.written.name, 'SSLEnabled'))
                continue;
            ctx.report({
                messageId: 'plain',
                data: {
                    server: server.server,
                    evidence: why.hostConfigAt
                        ? (0, phrase_1.ours)('it holds an <SSLHostConfig>')
                        : (0, phrase_1.said) `${why.written?.name ?? 'SSLEnabled'}="true"`,
                    reason: reason(why, !why.hostConfigAt),
                    port: why.port ?? '(none)',
                    ...failures,
                },
                location: why.written?.at ?? why.at,
                related: related(why),
                fingerprint: [server.server, 'plain'],
            });
        }
        for (const { call, why, proven, data, fingerprint } of (0, calls_without_tls_1.callsWithoutTls)(ctx.deployment, 'tomcat-ssl-not-enabled'))
            ctx.report({
                messageId: proven ? 'called' : 'calledIfThatServer',
                data: { ...data, reason: reason(why), ...failures },
                location: call.url.location,
                related: [{ ...call.port.at, message: (0, phrase_1.said) `port ${call.port.port}: plain HTTP` }, ...related(why)],
                fingerprint,
                severity: proven ? 'error' : 'info',
            });
    },
});
