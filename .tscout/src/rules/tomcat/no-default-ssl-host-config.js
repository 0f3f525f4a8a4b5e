"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const tomcat_1 = require("../../knowledge/tomcat");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * An SSL-enabled Tomcat `<Connector>` none of whose `<SSLHostConfig>`s is for its defaultSSLHostConfigName
 * (model/tomcat-default-host.ts): `_default_` unless the Connector sets another, and an SSLHostConfig without
 * `hostName` is `_default_`. Tomcat fails to initialise the connector (IllegalArgumentException at start) and opens no
 * port, while the rest of the server starts: an error. Measured with Tomcat 9.0.70 and 10.1.60; the check is in every
 * release from 8.5 to 11.0. A name written as `${…}` is read as Tomcat fills it (conf/catalina.properties, `-D`
 * options); skipped when the tree does not settle it, and in 8.5/9 (or an unnamed release) when Connector TLS
 * attributes make the connector's own SSLHostConfig for the default name.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tomcat/no-default-ssl-host-config',
        description: 'Report an SSL-enabled Tomcat <Connector> with no <SSLHostConfig> for its default host name, which Tomcat does not start',
        severity: 'error',
        messages: {
            missing: '{{server}} does not start: its <SSLHostConfig>s are for {{hostNames}}, none for {{name}} ({{nameOrigin}}), which Tomcat requires for clients that send no or an unknown SNI name. Tomcat fails to initialise the connector (\'{{failure}} [...]\') and port {{port}} is not opened; the rest of Tomcat starts without it. Set defaultSSLHostConfigName="{{first}}" on the <Connector>, or add an <SSLHostConfig> without hostName (it is _default_)',
        },
        defaultOptions: {},
        appliesTo: { documents: ['tomcat.server-xml'] },
        symptoms: [tomcat_1.TOMCAT_DEFAULT_HOST_CONFIG_MISSING.failure, 'Failed to initialize component [Connector'],
    },
    check(ctx) {
        for (const server of ctx.deployment.unservedTls ?? []) {
            const why = server.why;
            if (why.kind !== 'tomcat-no-default-host-config')
                continue;
            const release = why.release
                ? [
                    {
                        ...why.release.at,
                        message: (0, phrase_1.said) `Tomcat ${why.release.named.split(' ')[0]} ignores the Connector's TLS attributes`,
                    },
                ]
                : [];
            ctx.report({
                messageId: 'missing',
                data: {
                    server: server.server,
                    hostNames: why.hostNames.map((h) => h.name).join(', '),
                    name: why.defaultName,
                    nameOrigin: why.defaultNameAt
                        ? (0, phrase_1.ours)('its defaultSSLHostConfigName')
                        : (0, phrase_1.ours)('the default host name when no defaultSSLHostConfigName is set'),
                    failure: tomcat_1.TOMCAT_DEFAULT_HOST_CONFIG_MISSING.failure.replace('[_default_]', `[${why.defaultName}]`),
                    port: why.port ?? '(none)',
                    first: why.hostNames[0]?.name ?? '',
                },
                location: why.defaultNameAt ?? why.at,
                related: [
                    ...why.hostNames.map((h) => ({ ...h.at, message: (0, phrase_1.said) `an SSLHostConfig for ${h.name}` })),
                    ...release,
                    ...(why.via ?? []),
                ],
                fingerprint: [server.server, 'no-default'],
            });
        }
    },
});
