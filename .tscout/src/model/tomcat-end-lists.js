"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.releaseFacts = releaseFacts;
exports.setConnectorLists = setConnectorLists;
/**
 * The protocols and cipher suites a Tomcat connector end enables, from its written attributes and the release's
 * defaults: on OpenSSL through Tomcat Native (./tomcat-native.ts) or on the JDK's JSSE (./tomcat-lists.ts syntax).
 */
const tomcat_1 = require("../knowledge/tomcat");
const knowledge_1 = require("../knowledge");
const tomcat_native_1 = require("./tomcat-native");
const tomcat_lists_1 = require("./tomcat-lists");
function releaseFacts(answer) {
    const read = answer && 'read' in answer ? answer.read : undefined;
    const facts = (0, tomcat_1.tomcatTlsFacts)(read?.release);
    if (read && !facts.assumed) {
        const inferred = read.majorOnly
            ? `; the tag names the major only: its newest branch, ${read.release}, inferred`
            : '';
        const reads = (0, tomcat_1.tomcatReadsConnectorTls)(read.release);
        return {
            facts,
            named: `${facts.release} (${read.text}${inferred})`,
            read,
            ...(reads === undefined ? {} : { reads }),
        };
    }
    const why = read
        ? `${read.text} names Tomcat ${read.release}, for which lint-deploy has no facts`
        : answer && 'conflicting' in answer
            ? `the images that run this server.xml name different Tomcat releases: ${answer.conflicting.map((c) => c.text).join(', ')}`
            : 'the tree names no Tomcat version';
    return { facts, named: `${facts.release} (assumed: ${why})`, ...(read ? { read } : {}) };
}
const defaultFrom = ({ facts, named }, what) => ({
    kind: 'default',
    origin: `Tomcat ${named} ${what} (${facts.source.split(' ')[0]})`,
    confidence: facts.assumed ? 'inferred' : facts.confidence,
});
/**
 * Tomcat keeps the configured protocols the JDK implements; TLSv1.3 and SSLv2Hello, which `all` names, only
 * when the JDK has them or they were asked for by name (SSLUtilBase). Unknown JDK: the list as configured,
 * without SSLv2Hello unless named (a hello format, which only JDK 6 clients send).
 */
function implementedProtocols(configured, written, supported) {
    const named = (p) => new RegExp(`(^|[^.\\w])${p.replace('.', '\\.')}($|[^.\\w])`, 'i').test(written ?? '');
    // `TLSv1.2 TLSv1.3` or `tlsv1.2` (./tomcatProtocols) is no JDK's protocol name: never enabled.
    const names = configured.filter((p) => tomcat_lists_1.PROTOCOL_NAME.test(p));
    if (!supported)
        return names.filter((p) => p !== 'SSLv2Hello' || named(p));
    return names.filter((p) => supported.includes(p) || (p !== 'SSLv2Hello' && p !== 'TLSv1.3' && named(p)));
}
/** Sets the end's protocols and suites (and, on JSSE, the release's cipher-order default). */
function setConnectorLists(tls, written, scope) {
    const { protocols, ciphers, cipherSuites, honor } = written;
    const { openssl, native, release, runtime, at, file } = scope;
    const placeholders = scope.unread;
    const facts = release.facts;
    if (openssl) {
        // OpenSSLContext: the protocols become OpenSSL's flags (SSLv2Hello a no-op), the ciphers string (Tomcat's
        // default when unset) goes to OpenSSL as written; its security level decides TLS 1.0/1.1 (./tomcat-native.ts).
        // Tomcat Native enables the run down from the highest protocol: one below a hole is off.
        const listed = protocols ? (0, tomcat_lists_1.tomcatProtocols)(protocols.value, facts.protocolsAll) : facts.protocolsAll;
        const named = (0, tomcat_native_1.nativeProtocolRun)(listed.filter((p) => tomcat_lists_1.PROTOCOL_NAME.test(p) && p !== 'SSLv2Hello'));
        tls.protocols = protocols ? at(protocols, named) : { value: named, from: defaultFrom(release, 'protocols="all"') };
        // TLS 1.3 suites of their own in releases that have cipherSuites; else OpenSSL's (handshake/endpoint.ts).
        const suites = [
            ...(0, tomcat_native_1.nativeTls13Suites)(ciphers?.value, cipherSuites?.value, facts),
            ...(0, tomcat_native_1.nativeCiphers)(ciphers?.value ?? facts.ciphersDefault),
        ];
        const where = ciphers ?? (facts.tls13Suites === 'cipherSuites' ? cipherSuites : undefined);
        tls.cipherSuites = where
            ? at(where, suites)
            : { value: suites, from: defaultFrom(release, `ciphers="${facts.ciphersDefault}"`) };
        const written = ciphers && { value: ciphers.value, at: { file, range: ciphers.valueRange } };
        Object.assign(tls, (0, tomcat_native_1.tomcatSignatureFloor)(native?.openssl ?? (0, tomcat_native_1.tomcatOpenssl)([]), written));
    }
    else if (!placeholders.some((p) => /^(protocols|sslEnabledProtocols|ciphers|cipherSuites)$/.test(p))) {
        // A JSSE connector sets its protocols and suites on every SSLEngine itself (Tomcat's defaults when
        // not configured), so the JDK's default lists and jdk.tls.server.* do not apply.
        const supported = runtime ? (0, knowledge_1.effectiveJdkTls)(runtime, scope.memo).profile?.supportedProtocols.value : undefined;
        const configured = protocols ? (0, tomcat_lists_1.tomcatProtocols)(protocols.value, facts.protocolsAll) : facts.protocolsAll;
        const enabled = implementedProtocols(configured, protocols?.value, supported);
        // Named in the list, implemented by the JDK, yet dropped: Tomcat skips it (and fails when none is left).
        const byName = protocols ? (0, tomcat_lists_1.tomcatProtocols)(protocols.value, []) : [];
        const unimplemented = byName.filter((p) => (supported || !tomcat_lists_1.PROTOCOL_NAME.test(p)) && !enabled.includes(p) && p !== 'SSLv2Hello');
        if (unimplemented.length > 0)
            tls.unimplementedProtocols = unimplemented;
        tls.protocols = protocols
            ? at(protocols, enabled)
            : { value: enabled, from: defaultFrom(release, `protocols="${tomcat_1.TOMCAT_FACTS.protocolsDefault.value}"`) };
        // The same question in every environment of a fleet (Tomcat's default string): answered once a run.
        const suites = scope.memo
            .get('tomcatSuites', JSON.stringify([ciphers?.value, cipherSuites?.value, facts.ciphersDefault, facts.tls13Suites]), () => (0, tomcat_1.tomcatSuites)(ciphers?.value, cipherSuites?.value, facts).suites)
            .slice();
        const where = ciphers ?? cipherSuites;
        tls.cipherSuites = where
            ? at(where, suites)
            : {
                value: suites,
                from: defaultFrom(release, `ciphers="${facts.ciphersDefault}"${facts.tls13Suites === 'cipherSuites' ? ' and TLS 1.3 cipherSuites' : ''}`),
            };
        if (!honor && facts.honorCipherOrderDefault !== 'jdk')
            tls.serverOrderWins = {
                value: facts.honorCipherOrderDefault,
                from: defaultFrom(release, 'honorCipherOrder="false" (client order)'),
            };
    }
}
