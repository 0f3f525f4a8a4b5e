"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.explainJdk = explainJdk;
const effective_1 = require("./effective");
const jdk_1 = require("./jdk");
const version_1 = require("./version");
const show = (value) => (Array.isArray(value) ? (value.length ? value.join(', ') : '(none)') : String(value));
const line = (name, fact) => `  ${name}: ${show(fact.value)}${fact.unknown ? ` (UNKNOWN: or ${show(fact.unknown.alternative)})` : ''}\n      source: ${fact.source}${fact.confidence === 'inferred' ? '\n      confidence: INFERRED (not read from the JDK itself)' : ''}${fact.unknown ? `\n      unknown: ${fact.unknown.what}; a link this decides is reported as unknown` : ''}`;
/**
 * The text of `lint-deploy --explain-jdk <version> [--vendor <vendor>]`: what the knowledge base believes
 * about that JDK's TLS defaults and where each fact came from.
 */
function explainJdk(versionSpec, vendor) {
    const version = (0, version_1.parseJavaVersion)(versionSpec);
    if (!version)
        return `Cannot read '${versionSpec}' as a Java version (try 1.8.0_202, 8u202, 11.0.2+9, 17.0.15, 21, IBM 8.0.6.25).\n`;
    const family = version.ibm && !vendor ? 'ibm' : (0, version_1.vendorFromName)(vendor);
    const profile = (0, jdk_1.jdkProfile)(family, version);
    const label = (0, version_1.formatJdk)(family, version);
    if (!profile)
        return `${label}: the knowledge base has no TLS defaults for this version (known: ${(0, jdk_1.knownJdkReleases)()}; IBM SDK ${version_1.IBM_SDK_FEATURE}).\n`;
    const runtime = {
        vendor: { value: family, from: { kind: 'config', origin: '--explain-jdk' } },
        version: { value: versionSpec, from: { kind: 'config', origin: '--explain-jdk' } },
        securityProperties: {},
        systemProperties: {},
    };
    const effective = (0, effective_1.effectiveJdkTls)(runtime);
    const origin = (p) => ('origin' in p ? p.origin : p.location.file);
    return [
        `${label} (${effective.implementation === 'ibmjsse2' ? 'IBMJSSE2' : 'SunJSSE'})`,
        line('jdk.tls.disabledAlgorithms', profile.tlsDisabledAlgorithms),
        line('jdk.certpath.disabledAlgorithms', profile.certpathDisabledAlgorithms),
        line('jdk.tls.legacyAlgorithms', profile.legacyAlgorithms),
        line('default client protocols', profile.defaultClientProtocols),
        line('default server protocols', profile.defaultServerProtocols),
        line('supported protocols', profile.supportedProtocols),
        line('jdk.tls.ephemeralDHKeySize default', profile.ephemeralDHKeySize),
        line('server cipher order wins by default', profile.serverCipherOrderByDefault),
        ...(profile.cryptoPolicy ? [line('crypto policy', profile.cryptoPolicy)] : []),
        `  default client cipher suites, wire order (${effective.clientCipherSuites.value.length}): ${show(effective.clientCipherSuites.value)}\n      source: ${origin(effective.clientCipherSuites.from)}`,
        '',
    ].join('\n');
}
