"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const knowledge_1 = require("../../knowledge");
const types_1 = require("../../parse/types");
const sources_1 = require("../_lib/sources");
const types_2 = require("../types");
const shared_1 = require("./_lib/shared");
const BUNDLE_CIPHERS = /^spring\.ssl\.bundle\.(jks|pem)\.[^.]+\.options\.ciphers(\[\d+\])?$/;
function nameLists(component) {
    const lists = [];
    const runtime = component.runtime;
    for (const name of ['jdk.tls.client.cipherSuites', 'jdk.tls.server.cipherSuites']) {
        const property = runtime.systemProperties[name];
        if (property?.from.kind !== 'file')
            continue;
        lists.push({
            what: `-D${name}`,
            names: property.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            text: property.value,
            location: property.from.location,
            throws: false,
        });
    }
    for (const doc of component.documents.filter((d) => d.kind.startsWith('spring.'))) {
        for (const entry of doc.entries.filter((e) => BUNDLE_CIPHERS.test(e.key))) {
            lists.push({
                what: entry.key,
                names: entry.value
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean),
                text: entry.value,
                location: (0, types_1.entryLocation)(doc, entry, 'value'),
                throws: true,
            });
        }
    }
    const tls = component.tls;
    if (tls?.cipherSuites?.from.kind === 'file' && (tls.implementation === 'jsse' || tls.implementation === 'ibmjsse2')) {
        // A Tomcat connector's list as written: the model keeps only the names Tomcat enables.
        const written = 'ciphersAsWritten' in component.attributes ? component.attributes.ciphersAsWritten : undefined;
        const names = written !== undefined ? written.split(/[,:\s]+/).filter(Boolean) : tls.cipherSuites.value;
        lists.push({
            what: `${component.name} ciphers`,
            names,
            text: written ?? tls.cipherSuites.value.join(','),
            location: tls.cipherSuites.from.location,
            throws: false,
        });
    }
    return lists;
}
/** An IBM-only spelling: `SSL_…` where SunJSSE's name for the suite is `TLS_…`. */
function ibmOnly(name) {
    if (!/^SSL_/i.test(name))
        return undefined;
    const suite = (0, knowledge_1.findCipherSuite)(name);
    if (!suite)
        return undefined;
    const sun = (0, knowledge_1.jsseName)(suite);
    return sun.toUpperCase() === name.toUpperCase() ? undefined : sun;
}
exports.default = (0, types_2.defineRule)({
    meta: {
        id: 'java/cipher-name-unsupported',
        description: 'Catch IBM JSSE cipher-suite names (SSL_…) used on a non-IBM JDK, which does not know them',
        severity: 'error',
        messages: {
            unsupported: "'{{name}}' in {{what}} is an IBM JSSE name; {{jdk}} calls this suite '{{sunName}}' and rejects the IBM name: 'java.lang.IllegalArgumentException: Unsupported CipherSuite: {{name}}'. Fix: use '{{sunName}}' (IBM Java accepts TLS_ names too)",
            ignored: "'{{name}}' in {{what}} is an IBM JSSE name; {{jdk}} calls this suite '{{sunName}}' and ignores unknown names, so this suite is never enabled. Fix: use '{{sunName}}' (IBM Java accepts TLS_ names too)",
        },
        defaultOptions: {},
        symptoms: ['Unsupported CipherSuite', 'no cipher suites in common', 'Received fatal alert: handshake_failure'],
    },
    check(ctx) {
        // Kafka's ends hand ssl.cipher.suites to SSLEngine.setEnabledCipherSuites, which throws on a name it does not know.
        const kafkaEnds = (ctx.deployment.unlinkedEnds ?? []).flatMap(({ name, runtime, cipherSuites: suites }) => {
            const location = suites?.value.from.kind === 'file' ? suites.value.from.location : undefined;
            if (!suites || !location)
                return [];
            const list = { what: `${suites.setting} of ${name}`, names: suites.value.value, text: suites.text, location };
            return [{ id: name, name, runtime, lists: [{ ...list, throws: true }] }];
        });
        const ends = [
            ...ctx.deployment.components.map((c) => ({
                id: c.id,
                name: c.name,
                runtime: c.runtime,
                implementation: c.tls?.implementation,
                lists: () => nameLists(c),
            })),
            ...kafkaEnds.map((end) => ({ ...end, implementation: 'jsse', lists: () => end.lists })),
        ];
        for (const component of ends) {
            const runtime = component.runtime;
            if (!runtime ||
                runtime.vendor.value === 'unknown' ||
                runtime.vendor.value === 'ibm' ||
                component.implementation === 'ibmjsse2')
                continue;
            const tls = (0, knowledge_1.effectiveJdkTls)(runtime, ctx.memo);
            if (tls.implementation !== 'jsse')
                continue;
            for (const list of component.lists()) {
                for (const name of list.names) {
                    const sunName = ibmOnly(name);
                    if (!sunName)
                        continue;
                    const location = list.location.range
                        ? { file: list.location.file, range: (0, shared_1.rangeOfItem)(list.location.range, list.text, name) }
                        : list.location;
                    ctx.report({
                        messageId: list.throws ? 'unsupported' : 'ignored',
                        severity: list.throws ? 'error' : 'warning',
                        data: { name, what: list.what, jdk: tls.label, sunName },
                        location,
                        related: (0, sources_1.withSources)(location, [], (0, sources_1.runtimeSources)(runtime, component.name)),
                        fingerprint: [component.id, list.what, name],
                    });
                }
            }
        }
    },
});
