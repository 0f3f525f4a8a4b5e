"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sameDefaultsEveryUpdate = sameDefaultsEveryUpdate;
exports.updateSpans = updateSpans;
exports.disabledInEveryUpdate = disabledInEveryUpdate;
/**
 * What a name giving a JDK's feature release without its update (`FROM eclipse-temurin:17`) tells of its TLS
 * defaults: whether every update has the same, the spans of updates with the same, the disabledAlgorithms entries
 * every update holds. Read from the rows of jdk-tls-defaults.json (src/knowledge/jdk.ts).
 */
const version_1 = require("./version");
const jdk_1 = require("./jdk");
/** Every property a JDK profile is built from (jdkProfile), plus the suite list the endpoint reads. */
const PROFILE_PROPERTIES = [
    'jdk.tls.disabledAlgorithms',
    'jdk.certpath.disabledAlgorithms',
    'jdk.tls.legacyAlgorithms',
    'clientProtocolCandidates',
    'serverProtocolCandidates',
    'supportedProtocols',
    'jdk.tls.ephemeralDHKeySize',
    'serverCipherOrderByDefault',
    'cryptoPolicy',
    'jsseSuiteList',
];
/**
 * The updates from `first` on where some of these rows start or stop applying, and `first` itself: a lookup at each sees
 * every row in force from `first` on.
 */
function updateBoundaries(rows, first = 0) {
    const changes = rows.flatMap((r) => [r.from, ...(r.to === undefined ? [] : [r.to + 1])]);
    return [...new Set([first, ...changes.filter((update) => update > first)])];
}
/** What the profile holds at one update of a feature, as one comparable text (values, unsettled candidates). */
function defaultsAt(vendor, feature, update) {
    return JSON.stringify(PROFILE_PROPERTIES.map((p) => {
        const row = (0, jdk_1.lookupRow)(p, vendor, feature, update);
        return row && [row.value, row.unknown];
    }));
}
const sameEveryUpdate = new Map();
/**
 * Whether every update of a feature release has the same TLS defaults in the data (each property's rows for the
 * vendor agree from update 0 on, none ends, and no `jdk.tls.*` property is read only from an update): then a name
 * giving only the feature (`FROM eclipse-temurin:26`) tells the defaults without the update. Never for IBM SDKs,
 * whose defaults follow the service refresh.
 */
function sameDefaultsEveryUpdate(vendor, feature) {
    const key = `${vendor}\u0000${feature}`;
    let answer = sameEveryUpdate.get(key);
    if (answer !== undefined)
        return answer;
    const rows = PROFILE_PROPERTIES.flatMap((p) => (0, jdk_1.rowsIndex)().get(`${p}\u0000${feature}`) ?? []);
    const boundaries = updateBoundaries(rows);
    const valuesAt = (update) => defaultsAt(vendor, feature, update);
    const atGa = valuesAt(0);
    const version = { raw: String(feature), feature, update: 0 };
    answer =
        vendor !== 'ibm' &&
            (0, jdk_1.jdkProfile)(vendor, version) !== undefined &&
            boundaries.every((update) => valuesAt(update) === atGa) &&
            !jdk_1.PROPERTIES_READ.some((r) => feature < r.everyUpdateFrom && r.since.some((s) => s.feature === feature));
    sameEveryUpdate.set(key, answer);
    return answer;
}
const spansByFeature = new Map();
/**
 * The spans of updates of a feature release over which the data's TLS defaults for the vendor stay the same (every
 * profile row and every `jdk.tls.*` property read from an update), oldest first: a name giving the feature only
 * (`FROM eclipse-temurin:17`) runs one of them. `first`: the first update the name ever carried (jdk-locations.json
 * `featureNamesFirstUpdates`: eclipse-temurin:8 started at 8u302), where the first span starts. Undefined when some
 * update from `first` on has no profile (the data does not cover it), when a default no public source settles is in
 * force (Fact.unknown), and for IBM SDKs (their defaults follow the service refresh).
 */
function updateSpans(vendor, feature, first = 0) {
    const key = `${vendor}\u0000${feature}\u0000${first}`;
    if (spansByFeature.has(key))
        return spansByFeature.get(key);
    const rows = PROFILE_PROPERTIES.flatMap((p) => (0, jdk_1.rowsIndex)().get(`${p}\u0000${feature}`) ?? []);
    const readFrom = jdk_1.PROPERTIES_READ.flatMap((r) => feature < r.everyUpdateFrom ? r.since.filter((s) => s.feature === feature).map((s) => s.update) : []);
    const boundaries = updateBoundaries([...rows, ...readFrom.map((from) => ({ from }))], first).sort((a, b) => a - b);
    const reads = (update) => jdk_1.PROPERTIES_READ.map((r) => (0, jdk_1.jsseReadsProperty)(r.property, { raw: '', feature, update })).join();
    const spans = [];
    let previous;
    let known = vendor !== 'ibm';
    for (const update of boundaries) {
        const version = { raw: (0, version_1.javaVersionText)(feature, update), feature, update };
        const values = `${defaultsAt(vendor, feature, update)}\u0000${reads(update)}`;
        const unsettled = PROFILE_PROPERTIES.some((p) => (0, jdk_1.lookupRow)(p, vendor, feature, update)?.unknown);
        if (!(0, jdk_1.jdkProfile)(vendor, version) || unsettled)
            known = false;
        if (values === previous)
            continue;
        const last = spans.at(-1);
        if (last)
            last.to = update - 1;
        spans.push({ from: update });
        previous = values;
    }
    const answer = known && spans.length > 0 ? spans : undefined;
    spansByFeature.set(key, answer);
    return answer;
}
/** A source in a few words: the JDK bug ids it names (`JDK-8202343, JDK-8245545`), else its first address. */
const shortSource = (source) => [...new Set(source.match(/JDK-\d+/g) ?? [])].join(', ') || (/https:\/\/\S+/.exec(source)?.[0] ?? source);
/**
 * The jdk.tls.disabledAlgorithms entries every update of a feature release from `first` on (the first the name ever
 * carried, see updateSpans) holds by default (the rows covering the vendor from `first` on, none ending), with their
 * sources; undefined when some update has no row, and for IBM SDKs (their defaults follow the service refresh).
 * `FROM eclipse-temurin:17` disables TLSv1 whichever 17 update ran; so does `FROM eclipse-temurin:8` (8u302 and later).
 */
function disabledInEveryUpdate(vendor, feature, first = 0) {
    if (vendor === 'ibm')
        return undefined;
    const property = 'jdk.tls.disabledAlgorithms';
    const rows = (0, jdk_1.rowsIndex)().get(`${property}\u0000${feature}`) ?? [];
    const boundaries = updateBoundaries(rows, first);
    const covering = boundaries.map((update) => (0, jdk_1.lookupRow)(property, vendor, feature, update));
    const found = covering.filter((r) => r !== undefined);
    if (found.length !== covering.length || found.length === 0)
        return undefined;
    const key = (entry) => entry.trim().toLowerCase();
    const lists = found.map((r) => new Set(r.value.map(key)));
    return {
        value: (found[0]?.value).filter((entry) => lists.every((list) => list.has(key(entry)))),
        source: shortSource(found[0]?.source ?? ''),
        confidence: found.every((r) => r.confidence === 'verified') ? 'verified' : 'inferred',
    };
}
