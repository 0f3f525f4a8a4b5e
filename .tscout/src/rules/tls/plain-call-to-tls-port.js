"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const openssl_1 = require("../../knowledge/openssl");
const knowledge_1 = require("../../knowledge");
const tomcat_1 = require("../../knowledge/tomcat");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/** The TLS scheme of each plain one a caller writes. */
const TLS_SCHEME = { http: 'https', ws: 'wss', grpc: 'grpcs' };
/** What the server answers a plain request on its TLS port, in words (measured: data/tomcat.json, openssl-servers.json). */
function answerOf(server) {
    switch (server.type) {
        case 'tomcat.connector':
            return `Tomcat answers '${tomcat_1.TOMCAT_PLAIN_REQUEST_TO_TLS.answer}' (its NIO connectors since 2018; older ones and APR close the connection)`;
        case 'spring.server':
            return `Spring Boot's embedded Tomcat (its default web server) answers '${tomcat_1.TOMCAT_PLAIN_REQUEST_TO_TLS.answer}'`;
        case 'nginx.server':
            return `nginx answers '${openssl_1.NGINX_FACTS.plainRequestToTlsPort.answer}'`;
        case 'haproxy.bind':
            // Measured with Debian 12's HAProxy 2.6.12: curl reports 'Empty reply from server'.
            return 'HAProxy closes the connection without an HTTP answer';
        case 'activemq.listener':
            // Measured with OpenJDK 17.0.15: plain bytes to an SSLServerSocket get a TLS alert record and the connection closed.
            return server.attributes.product === 'artemis'
                ? "the broker's Netty SslHandler takes no plain frame for a TLS record ('not an SSL/TLS record') and closes the connection"
                : "the broker's JSSE rejects the plain frame ('Unsupported or unrecognized SSL message'), answers with a TLS alert and closes the connection";
        default:
            return 'its TLS listener cannot read a plain request, which fails without an HTTP answer';
    }
}
/** How to fix it from the caller's side. */
function fixOf(call, scheme) {
    const broker = call.url.broker;
    if (broker?.hostAndPort)
        return `Spring Boot's spring.artemis.host and spring.artemis.port make a connector of host and port alone, which cannot enable TLS: set spring.artemis.broker-url=tcp://${call.url.host}:${call.url.port}?sslEnabled=true instead (bound from Spring Boot ${(0, knowledge_1.springBootSince)('artemisBrokerUrl')} on; the JVM, or the URL's trustStorePath, must trust the broker's certificate), or call an acceptor that serves it plain`;
    if (broker?.product === 'artemis')
        return "Add sslEnabled=true to the URL (the JVM, or the URL's trustStorePath, must trust the broker's certificate), or call an acceptor that serves it plain";
    if (broker)
        return `Call ssl://${call.url.host}:${call.url.port} (the JVM must trust the broker's certificate), or a connector that serves it plain`;
    const tls = TLS_SCHEME[scheme] ?? 'https';
    return call.passAt
        ? `Write ${tls}:// in the pass (with ${scheme === 'grpc' ? 'grpc' : 'proxy'}_ssl_trusted_certificate and ${scheme === 'grpc' ? 'grpc' : 'proxy'}_ssl_verify on to check the server's certificate), or call a port the server serves plain`
        : `Call ${tls}:// (the JVM must trust the server's certificate), or a port the server serves plain`;
}
/**
 * A client that sends plain HTTP (`http://`, `ws://`, `grpc://`) to a port its server serves with TLS only
 * (Deployment.plainCallsToTls: a Java application's client URL, an nginx `proxy_pass http://` or `grpc_pass grpc://`
 * and its upstream's servers, against ServerEndpointAttributes.tlsOnlyPorts: Tomcat's `SSLEnabled="true"`, Spring
 * Boot's `server.ssl.*`, Liberty's `httpsPort`, nginx `listen … ssl`, HAProxy `bind … ssl`). No TLS handshake is made, so no link exists and
 * the tls rules say nothing; every request fails. Measured (data/tomcat.json plainRequestToTlsPort, openssl-servers.json
 * nginx.plainRequestToTlsPort): Tomcat 10.1.60 answers a fixed 400 "This combination of host and port requires TLS.",
 * nginx 1.22.1 400 "The plain HTTP request was sent to HTTPS port", and an nginx in front hands those to its client
 * (grpc_pass: 502). An error when the URL's host is one of the names the server answers to, the Compose service that
 * runs the server's file (its bind mount or build context) called from a file of the same Compose project, or a
 * loopback address in the same nginx file; an info when only the server's directory ties them (not proven).
 * A port that is a placeholder, switched at run time, or also listened on plain is never one (tlsOnlyPorts).
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tls/plain-call-to-tls-port',
        description: 'Report a client that sends plain HTTP (http://, ws://, grpc://) to a port its server serves with TLS only: every request fails',
        severity: 'error',
        messages: {
            plain: '{{client}} sends plain {{scheme}} to {{url}} ({{key}}), but port {{port}} of {{server}} serves TLS only ({{setting}}): every request fails, {{answer}}. {{fix}}',
            plainIfThatServer: "{{client}} sends plain {{scheme}} to {{url}} ({{key}}); '{{host}}' is {{tie}} of {{server}}, whose port {{port}} serves TLS only ({{setting}}). If '{{host}}' is that server (a Compose service or Kubernetes Service built from that directory), every request fails, {{answer}}; the tree does not prove it. {{fix}}",
        },
        defaultOptions: {},
        appliesTo: {
            components: [
                'tomcat.connector',
                'spring.server',
                'liberty.https-endpoint',
                'nginx.server',
                'haproxy.bind',
                'activemq.listener',
            ],
        },
        symptoms: [tomcat_1.TOMCAT_PLAIN_REQUEST_TO_TLS.answer, openssl_1.NGINX_FACTS.plainRequestToTlsPort.answer, openssl_1.NGINX_FACTS.plainRequestToTlsPort.log],
    },
    check(ctx) {
        const byId = new Map(ctx.deployment.components.map((c) => [c.id, c]));
        for (const call of ctx.deployment.plainCallsToTls ?? []) {
            const server = byId.get(call.server);
            if (!server)
                continue;
            const proven = call.matchedBy !== 'directory';
            const caller = call.clientId ? byId.get(call.clientId) : undefined;
            const scheme = call.url.scheme;
            const passElsewhere = call.passAt &&
                (call.passAt.file !== call.url.location.file ||
                    call.passAt.range?.start.line !== call.url.location.range?.start.line);
            const related = [
                ...(call.passAt && passElsewhere
                    ? [{ ...call.passAt, message: (0, phrase_1.said) `this pass calls ${call.url.url} plain` }]
                    : []),
                { ...call.port.at, message: (0, phrase_1.said) `port ${call.port.port}: TLS only (${call.port.setting})` },
                ...(call.service
                    ? [
                        {
                            ...call.service.at,
                            message: (0, phrase_1.said) `Compose service ${call.service.name} runs this server's configuration`,
                        },
                    ]
                    : []),
                ...(call.url.broker?.hostAndPort
                    ? [
                        {
                            ...call.url.broker.hostAndPort.at,
                            message: (0, phrase_1.said) `Spring Boot ${call.url.broker.hostAndPort.version} (${call.url.broker.hostAndPort.by}) connects with spring.artemis.host and spring.artemis.port`,
                        },
                    ]
                    : []),
                // A broker URL the application's environment sets (SPRING_ARTEMIS_BROKER_URL): where the application is.
                ...(caller && call.url.broker && caller.location.file !== call.url.location.file
                    ? [{ ...caller.location, message: (0, phrase_1.said) `${caller.name} is configured here` }]
                    : []),
            ];
            ctx.report({
                messageId: proven ? 'plain' : 'plainIfThatServer',
                data: {
                    client: call.client,
                    scheme: call.url.broker
                        ? (0, phrase_1.said) `${call.url.broker.product === 'artemis' ? (0, phrase_1.ours)('Artemis') : (0, phrase_1.ours)('ActiveMQ')} ${scheme}:// (no TLS)`
                        : scheme === 'grpc'
                            ? (0, phrase_1.ours)('gRPC (h2c)')
                            : scheme === 'ws'
                                ? (0, phrase_1.ours)('WebSocket (ws://)')
                                : (0, phrase_1.ours)('HTTP'),
                    url: call.url.url,
                    key: call.url.key,
                    port: String(call.port.port),
                    server: server.name,
                    setting: call.port.setting,
                    answer: answerOf(server),
                    fix: fixOf(call, scheme),
                    host: call.url.host,
                    tie: /^(?:localhost|127\.|\[?::1)/.test(call.url.host)
                        ? (0, phrase_1.ours)('a loopback address of a caller in the directory')
                        : (0, phrase_1.ours)('the directory'),
                },
                location: call.url.location,
                related,
                fingerprint: [call.client, call.url.url, call.port.at.file],
                ...(proven ? {} : { severity: 'info' }),
            });
        }
    },
});
