"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const names_1 = require("../_lib/names");
const knowledge_1 = require("../../knowledge");
const types_1 = require("../types");
const phrase_1 = require("../../core/phrase");
/**
 * The TLS ends whose verdicts need their JDK's defaults: JSSE and IBM JSSE2 ends with TLS on that serve, call a
 * server of the tree, or set their JVM's protocol or suite properties. A Java application that only might call out
 * (every java.app is a possible client) is not one.
 */
function javaTlsEnd(c, linkedClients) {
    if (!c.tls || c.tls.enabled?.value === false)
        return false;
    if (c.tls.implementation !== 'jsse' && c.tls.implementation !== 'ibmjsse2')
        return false;
    if (c.role !== 'client')
        return true;
    return linkedClients.has(c.id) || knowledge_1.JSSE_LIST_PROPERTIES.some((p) => c.runtime?.systemProperties[p] !== undefined);
}
/** `A`, `A and B`, `A, B and C`, `A, B and 3 more`. */
function namesOf(components) {
    return (0, names_1.nameList)(components.map((c) => c.name), 2);
}
/**
 * What a profile would have given and the tree does not say: a java.security in the tree (or an override) gives the
 * disabled algorithms, each end's own lists its protocols and suites; what SunJSSE supports is the profile's alone.
 */
function unknownDefaults(disabledFromTree, listsLeftToJdk) {
    const parts = [
        ...(disabledFromTree
            ? []
            : ['the protocols and cipher suites it disables by default (jdk.tls.disabledAlgorithms)']),
        'the certificate algorithms it disables (jdk.certpath.disabledAlgorithms)',
        'the protocols it supports',
        ...(listsLeftToJdk ? ['its default protocols and cipher suites'] : []),
    ];
    return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
/**
 * A JDK whose version the tree gives (a release file, an image tag with its update, a path, a declaration) but that
 * the knowledge base has no TLS defaults for (JDK 28, 1.5.0, IBM Java 7): every verdict that needs its defaults is
 * unknown and the rules that need them say nothing. Said once per JDK, on the place that gives its version; the
 * links it leaves unknown are tls/link-outcome-unknown's.
 */
exports.default = (0, types_1.defineRule)({
    meta: {
        id: 'java/runtime-unprofiled',
        description: 'Say when a JDK whose version the tree gives has no TLS profile, so the checks that need its defaults were not made',
        severity: 'info',
        messages: {
            unprofiled: '{{jdk}} runs {{components}}, but lint-deploy has no TLS defaults for this version (profiled: {{known}}): {{unknown}} are unknown, so the checks that need them (protocols or suites the JDK disables or does not support, handshakes that rest on its defaults) were not made. Put the JDK\'s java.security in the tree (its conf/security/java.security, or the -Djava.security.properties override) and set each end\'s protocols and cipher suites, or, if another JDK runs {{them}}, declare it (--java-version, "java" in lint-deploy.config.json)',
        },
        defaultOptions: {},
        symptoms: [],
    },
    check(ctx) {
        const byJdk = new Map();
        // The servers each client of the tree calls: they make it a TLS end, so they are named too.
        const linkedClients = new Map();
        for (const { client, server } of ctx.deployment.derived.links)
            linkedClients.set(client.id, [...(linkedClients.get(client.id) ?? []), server]);
        for (const component of ctx.deployment.components) {
            const runtime = component.runtime;
            if (!runtime || !javaTlsEnd(component, linkedClients))
                continue;
            const version = (0, knowledge_1.parseJavaVersion)(runtime.version.value);
            // The runtime's effective TLS (asked once per runtime in a run) holds the JDK's profile.
            const effective = (0, knowledge_1.effectiveJdkTls)(runtime, ctx.memo);
            if (!version || effective.profile)
                continue;
            // As the handshake predictor (handshake/endpoint.ts): an end with both lists of its own and the JDK's
            // disabledAlgorithms in the tree is judged without the JDK's defaults.
            const disabledFromTree = effective.disabledAlgorithms.from.kind === 'file';
            if (disabledFromTree && component.tls?.protocols && component.tls.cipherSuites)
                continue;
            const from = runtime.version.from;
            const where = from.kind === 'file' ? `${from.location.file}\0${from.location.range?.start.line ?? ''}` : '';
            const key = [runtime.vendor.value, runtime.version.value, where].join('\0');
            const entry = byJdk.get(key);
            if (entry)
                entry.components.push(component);
            else
                byJdk.set(key, { runtime, components: [component], disabledFromTree });
        }
        for (const { runtime, components, disabledFromTree } of byJdk.values()) {
            const [first] = components;
            if (!first)
                continue; // each entry holds the component that made it
            const from = runtime.version.from;
            const location = from.kind === 'file' ? from.location : first.location;
            const jdk = (0, knowledge_1.describeJdk)(runtime.vendor.value, runtime.version.value);
            const related = components.flatMap((c) => [
                { ...c.location, message: (0, phrase_1.said) `${c.name} runs on ${jdk}` },
                ...(linkedClients.get(c.id) ?? []).map((server) => ({
                    ...server.location,
                    message: (0, phrase_1.said) `${c.name} calls ${server.name}`,
                })),
            ]);
            ctx.report({
                messageId: 'unprofiled',
                data: {
                    jdk,
                    components: namesOf(components),
                    known: (0, knowledge_1.knownJdkReleases)(),
                    unknown: unknownDefaults(disabledFromTree, components.some((c) => !c.tls?.protocols || !c.tls.cipherSuites)),
                    them: components.length === 1 ? (0, phrase_1.ours)('it') : (0, phrase_1.ours)('them'),
                },
                location,
                related,
                fingerprint: [runtime.vendor.value, runtime.version.value, ...components.map((c) => c.id)],
            });
        }
    },
});
