"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const tomcat_1 = require("../../knowledge/tomcat");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
const HOST_CONFIG_ATTRIBUTE = tomcat_1.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES.attributes;
/**
 * A TLS attribute written on a Tomcat `<Connector>`, `<SSLHostConfig>` or `<Certificate>` that reaches no setter of
 * that element (model/tomcat-ignored.ts): Tomcat's digester upper-cases the first letter and looks for set<Name>
 * (IntrospectionUtils.setProperty), so `PROTOCOLS`, `trustStoreFile`, or a Connector name on an SSLHostConfig
 * (`sslEnabledProtocols`, `clientAuth`, `keystoreFile`) set nothing: Tomcat logs "failed to set property" and runs as
 * if it were not written. An info: the verdicts already use what Tomcat uses; this says why the written value is not it.
 * Measured with Debian's Tomcat 9.0.70 and 10.1.60 jars (Catalina's start digester on a server.xml).
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'tomcat/attribute-ignored',
        description: 'Report TLS attributes on a Tomcat <Connector>, <SSLHostConfig> or <Certificate> that reach no setter of that element, which Tomcat ignores',
        severity: 'info',
        messages: {
            ignored: "{{name}} on the <{{element}}> of {{server}} reaches no setter of <{{element}}> in Tomcat {{release}}: Tomcat logs 'failed to set property [{{name}}]' and ignores it, so {{server}} runs as if it were not written. {{hint}}",
        },
        defaultOptions: {},
        appliesTo: { documents: ['tomcat.server-xml'] },
        symptoms: ['failed to set property'],
    },
    check(ctx) {
        for (const c of ctx.deployment.components) {
            if (c.type !== 'tomcat.connector')
                continue;
            for (const a of c.attributes.ignoredAttributes ?? []) {
                const like = a.like;
                const hint = !like
                    ? ''
                    : like.spelled === 'type' && like.element === a.element
                        ? 'Tomcat reads the key type by the exact name `type` (CertificateCreateRule)'
                        : like.element === a.element
                            ? `Only the first letter's case is free: write ${like.spelled}`
                            : like.element === 'Connector'
                                ? `${like.spelled} is a <Connector> attribute (read by ${tomcat_1.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES.readBy} only); on <SSLHostConfig> it is ${HOST_CONFIG_ATTRIBUTE[like.spelled] ?? like.spelled}`
                                : `${like.spelled} is an attribute of <${like.element}>: write it there`;
                const release = c.attributes.tomcat;
                ctx.report({
                    messageId: 'ignored',
                    data: {
                        name: a.name,
                        element: a.element,
                        server: c.name,
                        release: release?.named ?? 'of any release',
                        hint,
                    },
                    location: a.at,
                    ...(release?.at
                        ? { related: [{ ...release.at, message: (0, phrase_1.said) `Tomcat ${release.release} runs this server.xml` }] }
                        : {}),
                    fingerprint: [c.id, a.element, a.name],
                });
            }
        }
    },
});
