"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JSSE_PROPERTIES = void 0;
exports.runtimeSources = runtimeSources;
exports.componentSources = componentSources;
exports.withSources = withSources;
exports.linkSources = linkSources;
const phrase_1 = require("../../core/phrase");
function fromFile(from, message) {
    return from?.kind === 'file' ? [{ ...from.location, message }] : [];
}
/**
 * Where a Java runtime's facts come from: its version and vendor, the given security properties when a
 * file in the tree sets them (and the `-Djava.security.properties` option that brings in an override
 * file), and the given system properties (`-D` options).
 */
function runtimeSources(runtime, whose, properties = []) {
    if (!runtime)
        return [];
    const out = [
        ...fromFile(runtime.version.from, `${whose} runs Java ${runtime.version.value || (runtime.attachment?.feature ? `${runtime.attachment.feature} (no update named)` : '(version unknown)')} (from here)`),
        ...fromFile(runtime.vendor.from, `${whose}'s Java vendor: ${runtime.vendor.value}`),
    ];
    const set = properties.flatMap((p) => {
        const from = runtime.securityProperties[p]?.from;
        return from?.kind === 'file' ? [{ property: p, from }] : [];
    });
    for (const { property, from } of set)
        out.push(...fromFile(from, `${property} for ${whose} set here`));
    if (set.length)
        out.push(...fromFile(runtime.systemProperties['java.security.properties']?.from, `${whose} loads security properties from this override`));
    for (const property of properties)
        out.push(...fromFile(runtime.systemProperties[property]?.from, `-D${property} for ${whose} set here`));
    return out;
}
/** Where a component is defined, and its runtime's sources. */
function componentSources(component, properties = []) {
    // What made a TLS setting's value besides where it is written (a Liberty variable, the active Spring profile).
    const tls = component.tls;
    const via = [tls?.protocols, tls?.cipherSuites, tls?.clientAuth].flatMap((t) => t?.from.kind === 'file' ? (t.from.via ?? []) : []);
    // An nginx proxy without proxy_ssl_protocols: the image's nginx release decides its default.
    const image = component.type === 'nginx.proxy' && component.attributes.defaultsFrom
        ? [
            {
                ...component.attributes.defaultsFrom.at,
                message: (0, phrase_1.said) `${component.name} runs nginx ${component.attributes.defaultsFrom.release}, whose default proxy_ssl_protocols apply`,
            },
        ]
        : [];
    return [
        { ...component.location, message: (0, phrase_1.said) `${component.name} is defined here` },
        ...via,
        ...image,
        ...runtimeSources(component.runtime, component.name, properties),
    ];
}
/**
 * `related` followed by the sources whose file the finding does not name yet (one place per file is
 * enough for pre-commit, and keeps reports short).
 */
function withSources(location, related, ...sources) {
    const named = new Set([location.file, ...related.map((r) => r.file)]);
    const out = [...related];
    for (const source of sources.flat()) {
        if (named.has(source.file))
            continue;
        named.add(source.file);
        out.push(source);
    }
    return out;
}
/** A link's inputs: where it is declared (the URL, the channel name…), both ends and both ends' runtimes. */
/** The security and system properties that shape a JSSE endpoint's protocols and suites. */
exports.JSSE_PROPERTIES = [
    'jdk.tls.disabledAlgorithms',
    'jdk.tls.client.protocols',
    'jdk.tls.server.protocols',
    'https.protocols',
    'jdk.tls.client.cipherSuites',
    'jdk.tls.server.cipherSuites',
    'https.cipherSuites',
    'com.ibm.jsse2.overrideDefaultTLS',
];
function linkSources(link, client, server, properties = exports.JSSE_PROPERTIES) {
    const declared = link.location
        ? [{ ...link.location, message: (0, phrase_1.said) `${client.name} \u2192 ${server.name}: ${link.reason}` }]
        : [];
    return [
        ...declared,
        ...(link.evidence ?? []),
        ...componentSources(client, properties),
        ...componentSources(server, properties),
    ];
}
