"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INPUT_PROPERTIES = void 0;
exports.effectiveJdkTls = effectiveJdkTls;
exports.suitesUsableAt = suitesUsableAt;
const algorithms_1 = require("./algorithms");
const ciphers_1 = require("./ciphers");
const jdk_1 = require("./jdk");
const version_1 = require("./version");
function readsProperty(name, version) {
    return !version || (0, jdk_1.jsseReadsProperty)(name, version);
}
const jdkIds = (source) => [...new Set(source.match(/JDK-\d+/g) ?? [])].join(', ');
function defaultFrom(label, source, confidence) {
    return { kind: 'default', origin: `${label} default (${jdkIds(source) || source})`, confidence };
}
const list = (value) => value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
/**
 * The TLS a Java runtime will really use: its disabled algorithms (java.security / -Djava.security.properties
 * override, else the version default), the protocols and suites SSLContext "TLS" enables on each side after
 * jdk.tls.client.protocols / https.protocols / jdk.tls.server.protocols / jdk.tls.*.cipherSuites and the IBM
 * com.ibm.jsse2.overrideDefaultTLS / overrideDefaultProtocol properties, minus everything disabled.
 *
 * `memo`: the run's (src/core/run-memo.ts). Model, derive and rules ask once per component and rule, and a fleet has
 * few distinct runtimes: with it each distinct answer is computed once a run and handed out shared (read-only:
 * its lists are `readonly`). Without it (a one-off question) the answer is computed afresh.
 */
function effectiveJdkTls(runtime, memo) {
    if (!memo)
        return computeEffectiveJdkTls(runtime, undefined);
    // The last answer per runtime object, valid while the same input objects are in place (runtime objects are
    // filled in while the model is built): comparing ten references instead of serialising them on every call.
    const byRuntime = memo.get('effectiveJdkTls by runtime', '', () => new WeakMap());
    const inputs = inputsOf(runtime);
    const known = byRuntime.get(runtime);
    if (known && known.inputs.every((input, i) => input === inputs[i]))
        return known.result;
    const result = byValues(runtime, inputs, memo);
    byRuntime.set(runtime, { inputs, result });
    return result;
}
/** Every system property computeEffectiveJdkTls reads (the memo key). */
exports.INPUT_PROPERTIES = [
    'jdk.tls.client.protocols',
    'https.protocols',
    'jdk.tls.server.protocols',
    'jdk.tls.client.cipherSuites',
    'jdk.tls.server.cipherSuites',
    'https.cipherSuites',
    'com.ibm.jsse2.overrideDefaultProtocol',
    'com.ibm.jsse2.overrideDefaultTLS',
];
const TRACED_FIELDS = [
    'disabledAlgorithms',
    'clientProtocols',
    'serverProtocols',
    'clientCipherSuites',
    'serverCipherSuites',
    'clientCipherSuitesAnyProtocol',
];
/**
 * The answer by input values: every environment of a fleet sets the same properties in its own files, so
 * their provenance differs while the answer does not. An answer's provenance is either a default (no
 * file) or the very `from` object of one input (computeEffectiveJdkTls never builds one from a file),
 * so a stored answer is given this runtime's provenance by replacing those objects by identity. When two
 * inputs share one provenance object the mapping would be ambiguous: computed afresh.
 */
function byValues(runtime, inputs, memo) {
    const froms = inputs.map((input) => input && typeof input === 'object' ? input.from : undefined);
    const values = inputs.map((input) => input && typeof input === 'object' ? input.value : (input ?? null));
    const distinct = new Set(froms.filter((f) => f !== undefined)).size === froms.filter((f) => f !== undefined).length;
    if (!distinct)
        return computeEffectiveJdkTls(runtime, memo);
    let computed;
    const stored = memo.get('effectiveJdkTls', JSON.stringify(values), () => {
        computed = computeEffectiveJdkTls(runtime, memo);
        return { result: computed, froms };
    });
    if (computed)
        return computed;
    const mapped = new Map(stored.froms.flatMap((from, i) => (from ? [[from, froms[i]]] : [])));
    const result = { ...stored.result };
    for (const field of TRACED_FIELDS) {
        const traced = stored.result[field];
        const from = mapped.get(traced.from);
        if (from)
            result[field] = { value: traced.value, from };
    }
    return result;
}
/** What computeEffectiveJdkTls reads from a runtime, in memo-key order. */
function inputsOf(runtime) {
    const sys = runtime.systemProperties;
    return [
        runtime.vendor.value,
        runtime.version.value,
        runtime.securityProperties['jdk.tls.disabledAlgorithms'],
        runtime.unknownSecurityProperties?.['jdk.tls.disabledAlgorithms']?.why ?? null,
        ...exports.INPUT_PROPERTIES.map((name) => sys[name]),
    ];
}
function computeEffectiveJdkTls(runtime, memo) {
    const vendor = runtime.vendor.value;
    const version = (0, version_1.parseJavaVersion)(runtime.version.value);
    const profile = version ? (0, jdk_1.jdkProfile)(vendor, version) : undefined;
    const label = version ? (0, version_1.formatJdk)(vendor, version) : `${vendor} ${runtime.version.value}`;
    const implementation = vendor === 'ibm' ? 'ibmjsse2' : 'jsse';
    const override = runtime.securityProperties['jdk.tls.disabledAlgorithms'];
    const unknownDisabled = runtime.unknownSecurityProperties?.['jdk.tls.disabledAlgorithms'];
    // Unknown (an image's sed on java.security): nothing is taken as disabled; the handshake says unknown.
    const disabledAlgorithms = unknownDisabled
        ? {
            value: [],
            from: {
                kind: 'default',
                origin: `jdk.tls.disabledAlgorithms unknown: ${unknownDisabled.why}`,
                confidence: 'inferred',
            },
        }
        : override
            ? { value: (0, algorithms_1.splitAlgorithmList)(override.value), from: override.from }
            : profile
                ? {
                    value: profile.tlsDisabledAlgorithms.value,
                    from: defaultFrom(label, profile.tlsDisabledAlgorithms.source, profile.tlsDisabledAlgorithms.confidence),
                }
                : {
                    value: [],
                    from: {
                        kind: 'default',
                        origin: `${label}: version not in the knowledge base, no default known`,
                        confidence: 'inferred',
                    },
                };
    const disabled = disabledAlgorithms.value;
    const sys = runtime.systemProperties;
    const pick = (name) => (readsProperty(name, version) ? sys[name] : undefined);
    const [clientBase, serverBase, unsettled] = implementation === 'ibmjsse2' && version
        ? [...ibmProtocols(runtime, version, label), {}]
        : sunProtocols(vendor, version, label, pick('jdk.tls.client.protocols') ?? sys['https.protocols'], pick('jdk.tls.server.protocols'));
    const supported = profile?.supportedProtocols.value ?? [];
    const enabledOnly = (t) => ({
        value: t.value.filter((p) => !(0, algorithms_1.protocolDisabledBy)(p, disabled) && (supported.length === 0 || supported.includes(p))),
        from: t.from,
    });
    const clientProtocols = enabledOnly(clientBase);
    const serverProtocols = enabledOnly(serverBase);
    const suitesFor = (property, protocols) => {
        const listId = version ? (0, jdk_1.protocolCandidates)(vendor === 'ibm' ? 'ibm' : vendor, version).suites : undefined;
        const jsse = listId ? (0, jdk_1.suiteList)(listId.value) : undefined;
        // HttpsURLConnection (Spring's RestTemplate default) sets https.cipherSuites on its sockets.
        const explicit = pick(property) ?? (property === 'jdk.tls.client.cipherSuites' ? sys['https.cipherSuites'] : undefined);
        let names;
        let from;
        if (explicit) {
            names = list(explicit.value).flatMap((n) => (0, ciphers_1.findCipherSuite)(n)?.iana ?? []);
            from = explicit.from;
        }
        else if (jsse && listId) {
            names = jsse.defaultEnabled;
            from = defaultFrom(label, `${listId.source}; ${jsse.source}`, jsse.confidence === 'inferred' || listId.confidence === 'inferred' ? 'inferred' : 'verified');
        }
        else {
            return {
                value: [],
                from: { kind: 'default', origin: `${label}: no cipher-suite list known`, confidence: 'inferred' },
            };
        }
        return {
            value: usableSuites(names, disabled, protocols, profile?.cryptoPolicy?.value === 'limited', memo),
            from,
        };
    };
    // A default no public source settles: the lists the other candidate gives, for the outcome to check.
    const other = (property, side) => {
        if (!side)
            return undefined;
        const protocols = enabledOnly({ value: side.alternative, from: serverBase.from }).value;
        return { what: side.what, protocols, cipherSuites: suitesFor(property, protocols).value };
    };
    const clientUnsettled = other('jdk.tls.client.cipherSuites', unsettled.client);
    const serverUnsettled = other('jdk.tls.server.cipherSuites', unsettled.server);
    return {
        label,
        profile,
        disabledAlgorithms,
        clientProtocols,
        serverProtocols,
        clientCipherSuites: suitesFor('jdk.tls.client.cipherSuites', clientProtocols.value),
        serverCipherSuites: suitesFor('jdk.tls.server.cipherSuites', serverProtocols.value),
        clientCipherSuitesAnyProtocol: suitesFor('jdk.tls.client.cipherSuites', (0, ciphers_1.protocolsBetween)('TLSv1', 'TLSv1.3')),
        implementation,
        ...(clientUnsettled ? { clientUnsettled } : {}),
        ...(serverUnsettled ? { serverUnsettled } : {}),
    };
}
/**
 * Suites of `names` that are known, not disabled and usable with one of `protocols`. A pure function of its
 * inputs, asked for the same few runtimes again and again: once a run with the run's memo (on a fleet of 2,000
 * deployments this filter was a third of the run, docs/performance.md).
 */
function usableSuites(names, disabled, protocols, limitedPolicy, memo) {
    const usable = () => {
        // The list's matcher once, not per suite (disabledEntryFor joins the whole list to find it).
        const disabledBy = (0, algorithms_1.disabledSuiteMatcher)(disabled);
        return names.filter((name) => {
            const suite = (0, ciphers_1.findCipherSuite)(name);
            // The limited jurisdiction policy caps symmetric keys at 128 bits: SunJSSE finds no AES_256 cipher.
            if (!suite || (limitedPolicy && /_256/.test(suite.enc)))
                return false;
            return !disabledBy(name) && protocols.some((p) => (0, ciphers_1.suiteUsableWith)(suite, p));
        });
    };
    if (!memo)
        return usable();
    const key = `${names.join(',')}\u0000${disabled.join(',')}\u0000${protocols.join(',')}\u0000${limitedPolicy}`;
    return memo.get('usableSuites', key, usable);
}
/** The suites of `names` (already filtered for the runtime) usable with one of `protocols`, in order. */
function suitesUsableAt(names, protocols, memo) {
    return usableSuites(names, [], protocols, false, memo);
}
function sunProtocols(vendor, version, label, clientOverride, serverOverride) {
    const candidates = version ? (0, jdk_1.protocolCandidates)(vendor, version) : undefined;
    const fallback = (which) => {
        const row = candidates?.[which];
        if (!row)
            return {
                value: [],
                from: { kind: 'default', origin: `${label}: default ${which} protocols unknown`, confidence: 'inferred' },
            };
        return { value: row.value, from: defaultFrom(label, row.source, row.confidence) };
    };
    const traced = (t) => ({ value: list(t.value), from: t.from });
    // An override settles the side; only a default can be unsettled.
    const unsettled = {
        ...(!clientOverride && candidates?.client?.unknown ? { client: candidates.client.unknown } : {}),
        ...(!serverOverride && candidates?.server?.unknown ? { server: candidates.server.unknown } : {}),
    };
    return [
        clientOverride ? traced(clientOverride) : fallback('client'),
        serverOverride ? traced(serverOverride) : fallback('server'),
        unsettled,
    ];
}
const IBM_PROTOCOL_NAMES = { TLSv11: 'TLSv1.1', TLSv12: 'TLSv1.2', TLSv13: 'TLSv1.3' };
function ibmProtocols(runtime, version, label) {
    const level = (0, jdk_1.ibmLevelOf)(version);
    const sys = runtime.systemProperties;
    const protocolOverride = sys['com.ibm.jsse2.overrideDefaultProtocol'];
    if (protocolOverride) {
        const ranges = jdk_1.IBM_JSSE2.overrideDefaultProtocol[protocolOverride.value.trim()];
        const value = ranges ? (0, jdk_1.srRange)(ranges, level) : undefined;
        const fixed = value ?? [IBM_PROTOCOL_NAMES[protocolOverride.value.trim()] ?? protocolOverride.value.trim()];
        const t = { value: fixed, from: protocolOverride.from };
        return [t, t];
    }
    const tlsOverride = sys['com.ibm.jsse2.overrideDefaultTLS'];
    const overridden = tlsOverride?.value.trim().toLowerCase() === 'true' && level >= jdk_1.IBM_JSSE2.overrideDefaultTLSSince;
    const value = (0, jdk_1.srRange)(overridden ? jdk_1.IBM_JSSE2.tlsContextWithOverride : jdk_1.IBM_JSSE2.tlsContextWithoutOverride, level) ?? [
        'TLSv1',
    ];
    const from = overridden && tlsOverride
        ? tlsOverride.from
        : {
            kind: 'default',
            origin: `${label} default (IBMJSSE2 SSLContext "TLS"; ${jdk_1.IBM_JSSE2.source})`,
            confidence: 'verified',
        };
    const t = { value, from };
    // From the level IBM documents them, the JSSE protocol properties set each side as on SunJSSE.
    if (level < jdk_1.IBM_JSSE2.protocolPropertiesSince)
        return [t, t];
    const client = sys['jdk.tls.client.protocols'] ?? sys['https.protocols'];
    const server = sys['jdk.tls.server.protocols'];
    const traced = (p) => ({ value: list(p.value), from: p.from });
    return [client ? traced(client) : t, server ? traced(server) : t];
}
