"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const knowledge_1 = require("../../knowledge");
const tomcat_1 = require("../../model/tomcat");
const types_1 = require("../types");
const sources_1 = require("../_lib/sources");
const phrase_1 = require("../../core/phrase");
/** Servers that hand their protocol list to Tomcat's SSLUtilBase: a JSSE connector and Spring Boot's (embedded Tomcat). */
const TOMCAT_SERVERS = new Set(['tomcat.connector', 'spring.server']);
/**
 * A Tomcat connector or Spring Boot server whose protocol list names protocols its JDK does not implement (TLSv1.3
 * on an older Java 8 release). Tomcat keeps the implemented ones with a warning ("have been skipped"), and when none is
 * left its connector does not start: IllegalArgumentException "None of the [protocols] specified are supported by
 * the SSL engine" (SSLUtilBase.getEnabled; checked with Debian's Tomcat 10 jars on JDK 17 and `SSLv2`).
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/protocol-unsupported-by-runtime',
        description: 'Catch a Tomcat or Spring Boot server whose enabled protocols name protocols its JDK does not implement (TLSv1.3 on an older Java 8)',
        severity: 'error',
        messages: {
            noneSupported: "{{server}} enables only {{protocols}}, which {{jdk}} does not implement (it has {{supported}}): Tomcat refuses to start the connector with IllegalArgumentException 'None of the [protocols] specified are supported by the SSL engine', and Spring Boot's embedded Tomcat fails to start the web server. Enable a protocol this JDK has (TLSv1.2), or run a JDK release that implements {{protocols}} (`lint-deploy --explain-jdk` lists what a release has)",
            notAProtocol: "{{name}} in {{server}}'s protocols is no protocol name: Tomcat splits the list at ',', '+' and '-' only and keeps each name's case (SSLHostConfig.setProtocols), and no JDK implements '{{name}}'. {{outcome}}",
            someUnsupported: "{{protocol}} in {{server}}'s protocols is not implemented by {{jdk}}: Tomcat skips it with a warning and enables only {{remaining}}. Remove it, or run a JDK release that implements it",
        },
        options: {},
        appliesTo: { components: ['tomcat.connector', 'spring.server'] },
        symptoms: ['None of the [protocols] specified are supported by the SSL engine', 'have been skipped'],
    },
    check(ctx) {
        for (const component of ctx.deployment.components) {
            const { runtime, tls } = component;
            const listed = tls?.unimplementedProtocols;
            if (!TOMCAT_SERVERS.has(component.type) || !tls?.protocols || !listed?.length)
                continue;
            const where = tls.protocols.from.kind === 'file' ? tls.protocols.from.location : undefined;
            if (!where)
                continue;
            // `TLSv1.2 TLSv1.3` (a space) or `tlsv1.2`: no JDK has it, whichever runs the server.
            const remaining = tls.protocols.value.join(', ');
            for (const name of listed.filter((p) => !tomcat_1.PROTOCOL_NAME.test(p)))
                ctx.report({
                    messageId: 'notAProtocol',
                    data: {
                        name,
                        server: component.name,
                        outcome: remaining
                            ? (0, phrase_1.said) `Tomcat skips it with a warning and enables only ${remaining}`
                            : (0, phrase_1.ours)("Nothing else is left: Tomcat refuses to start the connector with IllegalArgumentException 'None of the [protocols] specified are supported by the SSL engine'"),
                    },
                    location: where,
                    ...(remaining ? { severity: 'info' } : {}),
                    fingerprint: [component.id, 'protocols', name],
                });
            const unimplemented = listed.filter((p) => tomcat_1.PROTOCOL_NAME.test(p));
            if (!runtime || unimplemented.length === 0)
                continue;
            const effective = (0, knowledge_1.effectiveJdkTls)(runtime, ctx.memo);
            const supported = effective.profile?.supportedProtocols.value ?? [];
            const data = { server: component.name, jdk: effective.label };
            // The JDK's release decides what it implements: where the tree says which JDK runs the server.
            const related = (0, sources_1.withSources)(where, [], (0, sources_1.componentSources)(component), (0, sources_1.runtimeSources)(runtime, component.name));
            if (tls.protocols.value.length === 0) {
                ctx.report({
                    messageId: 'noneSupported',
                    data: {
                        ...data,
                        protocols: unimplemented.join(', '),
                        supported: supported.filter((p) => p !== 'SSLv2Hello').join(', '),
                    },
                    location: where,
                    ...(related.length > 0 ? { related } : {}),
                    fingerprint: [component.id, 'protocols', unimplemented.join(',')],
                });
                continue;
            }
            for (const protocol of unimplemented) {
                ctx.report({
                    messageId: 'someUnsupported',
                    data: { ...data, protocol, remaining },
                    location: where,
                    ...(related.length > 0 ? { related } : {}),
                    severity: 'info',
                    fingerprint: [component.id, 'protocols', protocol],
                });
            }
        }
    },
});
