"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toIana = toIana;
exports.jsseLists = jsseLists;
/**
 * The lists of a Java (SunJSSE or IBM JSSE2) end: its configured protocols and suites, else its JDK's defaults, with
 * the JDK's disabled algorithms applied. A JDK named by its feature only (`FROM eclipse-temurin:17`, a name that
 * runs general-availability updates only) whose defaults change between updates gets the lists of every span of
 * updates, for the link's outcome to check that each gives the same verdict (src/derive/outcome.ts).
 */
const types_1 = require("../model/types");
const was_1 = require("../model/was");
const knowledge_1 = require("../knowledge");
const suites_1 = require("./suites");
const dropwizard_1 = require("../knowledge/dropwizard");
/**
 * Ends whose own protocol list is what their server enables, whatever the JDK: a Tomcat connector's SSLHostConfig
 * `protocols` and Spring Boot's `server.ssl.enabled-protocols` (embedded Tomcat's SSLHostConfig, Jetty's include list,
 * Netty's and Undertow's enabled protocols) reach SSLEngine.setEnabledProtocols, which enables those the JDK implements
 * and no other.
 */
const OWN_PROTOCOL_LIST = new Set(['tomcat.connector', 'spring.server']);
/** Answers of jsseServerOrderDefault by vendor and version (few distinct; cleared if a tree holds thousands). */
const serverOrderByRuntime = new Map();
/** The runtime's default (knowledge base, JDK-8168261); false (client order) when the JDK or its row is unknown. */
function jsseServerOrderDefault(runtime) {
    if (!runtime)
        return false;
    // A knowledge answer by value (vendor, version): asked for every Java server end of every deployment.
    const key = `${runtime.vendor.value}\u0000${runtime.version.value}`;
    let answer = serverOrderByRuntime.get(key);
    if (answer === undefined) {
        if (serverOrderByRuntime.size >= 10_000)
            serverOrderByRuntime.clear();
        const v = (0, knowledge_1.parseJavaVersion)(runtime.version.value);
        serverOrderByRuntime.set(key, (answer = (v && (0, knowledge_1.serverCipherOrderDefault)(runtime.vendor.value, v)?.value) ?? false));
    }
    return answer;
}
function needsEc(name) {
    const facts = (0, suites_1.suiteFacts)(name);
    return facts !== undefined && (0, suites_1.needsEllipticCurves)(facts);
}
function toIana(names, unknown) {
    const out = [];
    for (const n of names) {
        const suite = (0, knowledge_1.findCipherSuite)(n);
        if (suite)
            out.push(suite.iana);
        else
            unknown.push(n);
    }
    return out;
}
/**
 * The lists of a Java end (see the module comment). `runtime`: the component's, else the deployment's; undefined when
 * the tree names none (the reference JDK's protocols are drawn, and the JDK is `missing`).
 */
function jsseLists(component, role, tls, runtime, memo) {
    const lists = listsOn(component, role, tls, runtime, memo);
    const updates = runtime && lists.versionUnknown ? featureUpdates(component, role, tls, runtime, memo) : undefined;
    if (!updates)
        return lists.end;
    const last = updates.lists.at(-1);
    if (!last)
        return lists.end;
    // The drawn lists are the latest span's; whether the others agree is the outcome's question. What is dropped stays as
    // the unknown version left it: which update drops a suite is not known, and those findings name one.
    return {
        ...lists.end,
        protocols: last.end.protocols,
        suites: last.end.suites,
        serverOrderWins: last.end.serverOrderWins,
        protocolsFrom: tls.protocols?.from ?? last.end.protocolsFrom,
        suitesFrom: tls.cipherSuites?.from ?? last.end.suitesFrom,
        missing: lists.end.missing.filter((m) => m !== lists.versionUnknown),
        updates: updates.candidates,
    };
}
/** The lists on one runtime, and the `missing` text that says its version is unknown (when it is). */
function listsOn(component, role, tls, runtime, memo) {
    const notes = [];
    const unknownSuites = [];
    const disabledSuites = [];
    const disabledProtocols = [];
    const missing = [];
    if (!runtime)
        notes.push("Java runtime unknown: using the configured lists without the runtime's disabled algorithms");
    const eff = runtime ? (0, knowledge_1.effectiveJdkTls)(runtime, memo) : undefined;
    missing.push(...unknownListProperties(runtime, role, tls));
    const unknownDisabled = runtime?.unknownSecurityProperties?.['jdk.tls.disabledAlgorithms'];
    if (unknownDisabled)
        missing.push(`its JDK's jdk.tls.disabledAlgorithms (${unknownDisabled.why})`);
    const unknownJdk = jdkMissing(component, runtime, eff);
    // Without a profile of the JDK, its defaults are unknown: only a fully configured end (both lists and
    // java.security's disabledAlgorithms in the tree) is still known.
    const jdkDecides = !tls.protocols || !tls.cipherSuites || eff?.disabledAlgorithms.from.kind !== 'file';
    if (unknownJdk && jdkDecides)
        missing.push(unknownJdk);
    const entries = eff?.disabledAlgorithms.value ?? [];
    const defaultsProtocols = role === 'client' ? eff?.clientProtocols : eff?.serverProtocols;
    const defaultsSuites = role === 'client' ? eff?.clientCipherSuites : eff?.serverCipherSuites;
    // No JDK at all: the reference JDK's defaults, only to draw the handshake (`missing` makes the outcome unknown).
    // The runtime's lists are the run's, shared (read-only): filtered into this end's own below.
    let offered = tls.protocols?.value ?? defaultsProtocols?.value ?? (0, knowledge_1.referenceJdkProtocols)(role);
    let offeredSuites = tls.cipherSuites
        ? toIana(tls.cipherSuites.value, unknownSuites)
        : (defaultsSuites?.value ?? []);
    // An MQ JMS alias CipherSuite sets the protocols itself: those the JRE has, with its default suites for them.
    if ((0, types_1.isJmsConnectionFactory)(component) && (0, was_1.jmsAlias)(component) && eff) {
        const supported = eff.profile?.supportedProtocols.value ?? [];
        if (supported.length > 0)
            offered = offered.filter((p) => supported.includes(p));
        if (!tls.cipherSuites)
            offeredSuites = (0, knowledge_1.suitesUsableAt)(eff.clientCipherSuitesAnyProtocol.value, offered, memo);
    }
    let suitesFrom = tls.cipherSuites?.from ?? defaultsSuites?.from;
    let protocolsFrom = tls.protocols?.from ?? defaultsProtocols?.from;
    // A Jetty server (Dropwizard) removes what its exclusion patterns match from the lists before the JDK sees them.
    const jetty = tls.jettyExclusions;
    // The lists before the model applied the patterns (written include lists), for another release's patterns.
    const beforeJetty = {
        protocols: jetty?.included?.protocols ?? offered,
        suites: jetty?.included?.cipherSuites ? toIana(jetty.included.cipherSuites, []) : offeredSuites,
    };
    if (jetty) {
        const kept = (0, dropwizard_1.jettyExcluded)(jetty.protocols.value, jetty.cipherSuites.value, offered, offeredSuites);
        if (kept.protocols.length < offered.length) {
            notes.push(`${component.name}: Jetty's excluded protocols remove ${offered.filter((p) => !kept.protocols.includes(p)).join(', ')}`);
            if (!tls.protocols)
                protocolsFrom = jetty.protocols.from;
        }
        if (kept.suites.length < offeredSuites.length) {
            notes.push(`${component.name}: Jetty's excluded cipher suites remove ${offeredSuites.length - kept.suites.length} of ${offeredSuites.length}`);
            if (!tls.cipherSuites)
                suitesFrom = jetty.cipherSuites.from;
        }
        offered = kept.protocols;
        offeredSuites = kept.suites;
    }
    const protocols = offered.filter((p) => {
        const entry = (0, knowledge_1.protocolDisabledBy)(p, entries);
        if (entry)
            disabledProtocols.push({ name: p, entry });
        return !entry;
    });
    const suiteDisabledBy = (0, knowledge_1.disabledSuiteMatcher)(entries);
    // A runtime without the EC provider has no ECDHE or ECDSA suite: JSSE leaves out suites it cannot run (measured with
    // a JDK 17 jlinked without jdk.crypto.ec: its default list holds TLS 1.3, DHE and RSA suites only).
    const withoutEc = runtime?.withoutEcProvider;
    const unavailable = (s) => withoutEc !== undefined && needsEc(s);
    const leftOut = [];
    const suites = offeredSuites.filter((s) => {
        const entry = suiteDisabledBy(s);
        if (entry)
            disabledSuites.push({ name: s, entry });
        else if (unavailable(s))
            leftOut.push(s);
        return !entry && !unavailable(s);
    });
    if (withoutEc && leftOut.length > 0)
        notes.push(`${component.name}'s runtime has no elliptic-curve provider (a jlink runtime without ${withoutEc.module}): ${leftOut.length} ECDHE/ECDSA suite${leftOut.length === 1 ? '' : 's'} left out`);
    const serverOrderWins = tls.serverOrderWins?.value ?? jsseServerOrderDefault(runtime);
    const unsettled = role === 'client' ? eff?.clientUnsettled : eff?.serverUnsettled;
    const alternative = unsettled && !tls.protocols
        ? {
            what: `${unsettled.what}: set jdk.tls.${role}.protocols for ${component.name} to know`,
            protocols: unsettled.protocols.filter((p) => !(0, knowledge_1.protocolDisabledBy)(p, entries)),
            cipherSuites: tls.cipherSuites
                ? [...suites]
                : unsettled.cipherSuites.filter((s) => !suiteDisabledBy(s) && !unavailable(s)),
        }
        : undefined;
    // Another release's Jetty patterns the tree does not rule out: its lists, for the outcome to check (one alternative
    // per end: with the JDK's own unsettled lists as well, the end is unknown).
    const jettyAlternative = jetty?.alternative;
    if (jettyAlternative && alternative)
        missing.push(jettyAlternative.what);
    const otherRelease = jettyAlternative && !alternative
        ? (() => {
            const kept = (0, dropwizard_1.jettyExcluded)(jettyAlternative.protocols, jettyAlternative.cipherSuites, beforeJetty.protocols, beforeJetty.suites);
            return {
                what: jettyAlternative.what,
                protocols: kept.protocols.filter((p) => !(0, knowledge_1.protocolDisabledBy)(p, entries)),
                cipherSuites: kept.suites.filter((s) => !suiteDisabledBy(s) && !unavailable(s)),
            };
        })()
        : undefined;
    const end = {
        protocols,
        suites,
        unknownSuites,
        disabledSuites,
        disabledProtocols,
        ...(protocolsFrom ? { protocolsFrom } : {}),
        ...(suitesFrom ? { suitesFrom } : {}),
        serverOrderWins,
        notes,
        missing,
        ...(alternative ? { alternative } : otherRelease ? { alternative: otherRelease } : {}),
        ...(unknownJdk && jdkDecides && tls.protocols && OWN_PROTOCOL_LIST.has(component.type)
            ? { protocolCeiling: { protocols: [...tls.protocols.value], unknown: unknownJdk } }
            : {}),
    };
    const versionUnknown = unknownJdk && jdkDecides && runtime && !eff?.profile ? unknownJdk : undefined;
    return { end, ...(versionUnknown ? { versionUnknown } : {}) };
}
/**
 * A runtime named by vendor and feature only, by a name that runs general-availability updates only
 * (`RuntimeAttachment.gaUpdates`): its lists on each span of updates with the same defaults (knowledge
 * `updateSpans`), neighbouring spans that give this end the same lists merged. Undefined when the name gives more or
 * less than that, when some span leaves something else unknown, or when a span's default no public source settles.
 */
function featureUpdates(component, role, tls, runtime, memo) {
    const feature = Number(runtime.attachment?.feature);
    if (runtime.version.value || !runtime.attachment?.gaUpdates || runtime.candidates || !Number.isInteger(feature))
        return undefined;
    const vendor = runtime.vendor.value;
    const spans = (0, knowledge_1.updateSpans)(vendor, feature, runtime.attachment.firstUpdate);
    if (!spans)
        return undefined;
    const merged = [];
    for (const span of spans) {
        const version = (0, knowledge_1.javaVersionText)(feature, span.from);
        const on = listsOn(component, role, tls, { ...runtime, version: { ...runtime.version, value: version } }, memo);
        if (on.end.missing.length > 0 || on.end.alternative)
            return undefined;
        const last = merged.at(-1);
        if (last && samePatch(last.end, on.end, role))
            last.to = span.to;
        else
            merged.push({ ...span, end: on.end });
    }
    const ga = (update) => update === 0; // not a version fact: update 0 is any feature's GA build
    const name = (update) => (ga(update) ? `${feature} GA` : (0, knowledge_1.javaVersionText)(feature, update));
    const candidates = merged.map(({ from, to, end }) => ({
        first: name(from),
        ...(to === undefined ? {} : { last: name(to) }),
        patch: {
            protocols: end.protocols,
            cipherSuites: end.suites,
            ...(role === 'server' ? { serverOrderWins: end.serverOrderWins } : {}),
        },
    }));
    const jdk = (0, knowledge_1.formatJdk)(vendor, { raw: String(feature), feature, update: 0 });
    const first = runtime.attachment.firstUpdate;
    const since = first ? { since: name(first) } : {};
    return { candidates: { jdk, feature, ...since, candidates }, lists: merged };
}
const samePatch = (a, b, role) => (role === 'client' || a.serverOrderWins === b.serverOrderWins) &&
    a.protocols.join() === b.protocols.join() &&
    a.suites.join() === b.suites.join();
const DECLARE_JDK = 'a JDK release file in the tree, --java-version, or "java" in lint-deploy.config.json';
/** What is unknown about the JDK of a Java end (undefined when its TLS profile is known). */
function jdkMissing(component, runtime, eff) {
    if (!runtime) {
        // A container of an image the tree does not build runs the image's JDK, never one of the tree.
        const image = component.type === 'spring.server' ? component.attributes.composeImage : undefined;
        return image
            ? `the JDK that runs ${component.name} (its image ${image} names none lint-deploy knows: declare it with --java-version, or "java" or "components" in lint-deploy.config.json)`
            : `the JDK that runs ${component.name} (declare it: ${DECLARE_JDK})`;
    }
    if (eff?.profile)
        return undefined;
    if (!(0, knowledge_1.parseJavaVersion)(runtime.version.value))
        return `the version of the JDK that runs ${component.name} (declare it: ${DECLARE_JDK})`;
    return `the TLS defaults of ${eff?.label ?? runtime.version.value}, a version lint-deploy has no profile for (declare ${component.name}'s protocols and cipher suites, or run it on a profiled JDK)`;
}
/** The system properties that would decide this end's lists (none the end configures itself), by role. */
const LIST_PROPERTIES = {
    client: {
        protocols: ['jdk.tls.client.protocols', 'https.protocols'],
        suites: ['jdk.tls.client.cipherSuites', 'https.cipherSuites'],
    },
    server: { protocols: ['jdk.tls.server.protocols'], suites: ['jdk.tls.server.cipherSuites'] },
};
const IBM_PROTOCOL_PROPERTIES = ['com.ibm.jsse2.overrideDefaultProtocol', 'com.ibm.jsse2.overrideDefaultTLS'];
/**
 * A Java end whose own configuration leaves its protocols or suites to the JVM, while the JVM's property for them is
 * set in a way only the run decides (`-Djdk.tls.client.protocols=$X`, starts that set it differently): unknown.
 */
function unknownListProperties(runtime, role, tls) {
    const unknown = runtime?.unknownSystemProperties;
    if (!unknown)
        return [];
    const names = [
        ...(tls.protocols ? [] : [...LIST_PROPERTIES[role].protocols, ...IBM_PROTOCOL_PROPERTIES]),
        ...(tls.cipherSuites ? [] : LIST_PROPERTIES[role].suites),
    ];
    return names.flatMap((name) => {
        const property = unknown[name];
        return property ? [`the value of -D${name} (${property.why})`] : [];
    });
}
