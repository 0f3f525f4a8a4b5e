"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const tomcat_1 = require("../../knowledge/tomcat");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * The TLS attributes of a Tomcat `<Connector>` (`keystoreFile`, `sslEnabledProtocols`, `ciphers`, `clientAuth`,
 * `SSLProtocol`, `SSLCertificateFile`, …), which Tomcat 8.5 and 9 read as the default SSLHostConfig's and 10.0 removed
 * (model/tomcat-legacy.ts, data/tomcat.json legacyConnectorAttributes), against the release the tree names
 * (model/tomcat-release.ts). A release that ignores them with no `<SSLHostConfig>`: the connector does not start (a
 * warning: measured with Tomcat 10.1.60). With one: they are ignored (an info). Release unknown: the APR-style ones
 * that decide the handshake are read by 8.5 and 9 only, so what they set is unknown (an info, never a guess). In 8.5
 * and 9, Connector TLS attributes beside an `<SSLHostConfig>` for the same (default) host name make two SSLHostConfigs
 * for it: server.xml fails to load and no connector starts (measured with Tomcat 9.0.70; an error).
 */
/** The attributes that belong on <Certificate> (the message names the SSLHostConfig ones; the Certificate is named apart). */
const ON_CERTIFICATE = /^certificate(Keystore|Key|File$|Chain)/;
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tomcat/legacy-connector-attributes',
        description: 'Report TLS attributes on a Tomcat <Connector> that its release ignores (10.0 and later), the connector that then does not start, and the ones whose effect depends on a release the tree does not name',
        severity: 'warning',
        messages: {
            notStarted: "{{server}} is configured by <Connector> attributes only ({{attributes}}), which Tomcat {{release}} ignores: they were read by {{readBy}} and removed in {{ignoredFrom}}. With no <SSLHostConfig> the connector fails to start ('{{failure}} [...]') and port {{port}} is not opened; the rest of Tomcat starts without it. Move them into <SSLHostConfig> ({{moves}}) and its <Certificate>",
            refused: "{{server}} does not start: Tomcat {{release}} refuses this server.xml. On {{clashServer}}, the <Connector> attribute{{plural}} {{attributes}} make{{verb}} its own SSLHostConfig for {{hostName}}, and the <SSLHostConfig> beside it is a second one for {{hostName}} ('{{failure}}'); Catalina then logs '{{then}}'. Move the attribute{{plural}} into the <SSLHostConfig> (or its <Certificate>) and remove {{them}} from the <Connector>",
            ignored: '{{attribute}} on the <Connector> of {{server}} is ignored by Tomcat {{release}} (read by {{readBy}}, removed in {{ignoredFrom}}): its <SSLHostConfig> decides. Set {{hostConfigAttribute}} on the <SSLHostConfig> (or its <Certificate>) instead, or remove it',
            releaseUnknown: "{{attribute}} on the <Connector> of {{server}} is read by {{readBy}} only (as the SSLHostConfig's {{hostConfigAttribute}}), {{ignoredFrom}} and later ignore it, and the tree names no Tomcat release: what it sets is unknown. Name the release (a Dockerfile FROM tomcat:<tag> that copies this server.xml), or set {{hostConfigAttribute}} on an <SSLHostConfig>, which every release that has SSLHostConfig reads",
            releaseUnprofiled: "{{attribute}} on the <Connector> of {{server}}: the tree names Tomcat {{release}}, a release lint-deploy has no facts for. {{readBy}} read it as the SSLHostConfig's {{hostConfigAttribute}}, and {{ignoredFrom}} and later ignore it: what it sets in Tomcat {{release}} is unknown. Check it against that release's documentation, or move to a release lint-deploy knows",
        },
        defaultOptions: {},
        appliesTo: { documents: ['tomcat.server-xml'] },
        symptoms: [
            'No SSLHostConfig element was found with the hostName',
            'failed to set property',
            'Multiple SSLHostConfig elements were provided for the host name',
        ],
    },
    check(ctx) {
        for (const server of ctx.deployment.unservedTls ?? []) {
            const why = server.why;
            if (why.kind !== 'tomcat-connector-not-started')
                continue;
            if (why.clash) {
                const { clash } = why;
                const plural = clash.attributes.length === 1 ? '' : 's';
                ctx.report({
                    messageId: 'refused',
                    data: {
                        server: server.server,
                        release: why.release,
                        clashServer: clash.server,
                        attributes: clash.attributes.map((a) => a.name).join(', '),
                        plural,
                        verb: plural ? '' : (0, phrase_1.ours)('s'),
                        them: plural ? (0, phrase_1.ours)('them') : (0, phrase_1.ours)('it'),
                        hostName: clash.hostName,
                        failure: tomcat_1.TOMCAT_DEFAULT_HOST_CONFIG_CLASH.failure.replace('_default_', clash.hostName),
                        then: tomcat_1.TOMCAT_DEFAULT_HOST_CONFIG_CLASH.then,
                    },
                    location: why.at,
                    related: [
                        { ...why.releaseAt, message: (0, phrase_1.said) `Tomcat ${why.release.split(' ')[0]} runs this server.xml` },
                        ...clash.attributes.map((a) => ({
                            ...a.at,
                            message: (0, phrase_1.said) `${a.name}: makes the Connector's own SSLHostConfig`,
                        })),
                        { ...clash.hostConfigAt, message: (0, phrase_1.said) `a second SSLHostConfig for ${clash.hostName}` },
                    ],
                    fingerprint: [server.server, 'refused'],
                    severity: 'error',
                });
                continue;
            }
            const related = [
                { ...why.releaseAt, message: (0, phrase_1.said) `Tomcat ${why.release.split(' ')[0]} runs this server.xml` },
                ...why.attributes.map((a) => ({ ...a.at, message: (0, phrase_1.said) `${a.name}: ignored by this release` })),
            ];
            ctx.report({
                messageId: 'notStarted',
                data: {
                    server: server.server,
                    attributes: why.attributes.map((a) => a.name).join(', ') || 'none',
                    release: why.release,
                    failure: tomcat_1.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES.startFailure,
                    readBy: tomcat_1.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES.readBy,
                    ignoredFrom: tomcat_1.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES.ignoredFrom,
                    port: why.port ?? '(none)',
                    moves: [
                        ...new Set(why.attributes
                            .filter((a) => !ON_CERTIFICATE.test(a.hostConfigAttribute))
                            .map((a) => `${a.name} → ${a.hostConfigAttribute}`)),
                    ].join(', ') || 'protocols, ciphers, certificateVerification',
                },
                location: why.at,
                related,
                fingerprint: [server.server],
            });
        }
        for (const c of ctx.deployment.components) {
            if (c.type !== 'tomcat.connector' || !c.attributes.connectorTls)
                continue;
            const { ignored, attributes } = c.attributes.connectorTls;
            const release = c.attributes.tomcat;
            for (const a of attributes)
                ctx.report({
                    messageId: ignored ? 'ignored' : release?.unprofiled ? 'releaseUnprofiled' : 'releaseUnknown',
                    data: {
                        attribute: a.name,
                        server: c.name,
                        release: (!ignored && release?.unprofiled) || (release?.named ?? ''),
                        hostConfigAttribute: a.hostConfigAttribute,
                        readBy: tomcat_1.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES.readBy,
                        ignoredFrom: tomcat_1.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES.ignoredFrom,
                    },
                    location: a.at,
                    ...(ignored && release?.at
                        ? { related: [{ ...release.at, message: (0, phrase_1.said) `Tomcat ${release.release} runs this server.xml` }] }
                        : release?.unprofiled && release.at
                            ? { related: [{ ...release.at, message: (0, phrase_1.said) `Tomcat ${release.unprofiled} runs this server.xml` }] }
                            : {}),
                    fingerprint: [c.id, a.name],
                    severity: 'info',
                });
        }
    },
});
