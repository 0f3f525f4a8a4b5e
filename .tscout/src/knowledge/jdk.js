"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IBM_JSSE2 = exports.REFERENCE_JDK = exports.PROPERTIES_READ = void 0;
exports.jsseReadsProperty = jsseReadsProperty;
exports.knownJdkReleases = knownJdkReleases;
exports.referenceJdkProtocols = referenceJdkProtocols;
exports.rowsIndex = rowsIndex;
exports.lookupRow = lookupRow;
exports.serverCipherOrderDefault = serverCipherOrderDefault;
exports.factOf = factOf;
exports.srRange = srRange;
exports.ibmEquivalentUpdate = ibmEquivalentUpdate;
exports.suiteList = suiteList;
exports.jdkProfile = jdkProfile;
exports.ibmLevelOf = ibmLevelOf;
exports.protocolCandidates = protocolCandidates;
exports.isJsseLegacySuite = isJsseLegacySuite;
exports.firstUpdatesDisabling = firstUpdatesDisabling;
const jdk_tls_defaults_json_1 = __importDefault(require("./data/jdk-tls-defaults.json"));
const jsse_cipher_suites_json_1 = __importDefault(require("./data/jsse-cipher-suites.json"));
const algorithms_1 = require("./algorithms");
const version_1 = require("./version");
const ROWS = jdk_tls_defaults_json_1.default.rows;
/** The `jdk.tls.*` list properties and the updates from which SunJSSE reads each (data: `propertiesRead`). */
exports.PROPERTIES_READ = jdk_tls_defaults_json_1.default.propertiesRead;
/**
 * Whether SunJSSE of this version reads a `jdk.tls.*` system property: the protocol and suite properties came in
 * updates (data: `propertiesRead`). A property the data does not list is not version-gated.
 */
function jsseReadsProperty(name, version) {
    const row = exports.PROPERTIES_READ.find((r) => r.property === name);
    if (!row || version.feature >= row.everyUpdateFrom)
        return true;
    const first = row.since.find((s) => s.feature === version.feature);
    return first !== undefined && version.update >= first.update;
}
/**
 * The feature releases the defaults cover, in words: consecutive releases as one range, a release whose rows all
 * end at an update closing its range there (`6 to 6u45, 7 to 27`).
 */
function knownJdkReleases() {
    const features = [...new Set(ROWS.map((r) => r.feature))].sort((a, b) => a - b);
    const lastUpdate = (feature) => {
        const rows = ROWS.filter((r) => r.feature === feature);
        return rows.every((r) => r.to !== undefined) ? Math.max(...rows.map((r) => r.to ?? 0)) : undefined;
    };
    const ranges = [];
    let start;
    features.forEach((feature, i) => {
        start ??= feature;
        const last = lastUpdate(feature);
        const next = features[i + 1];
        if (last === undefined && next === feature + 1)
            return;
        const end = last === undefined ? String(feature) : `${feature}u${last}`;
        ranges.push(start === feature && last === undefined ? end : `${start} to ${end}`);
        start = undefined;
    });
    return ranges.join(', ');
}
exports.REFERENCE_JDK = jdk_tls_defaults_json_1.default.referenceJdk;
exports.IBM_JSSE2 = jdk_tls_defaults_json_1.default.ibm;
/**
 * The protocols drawn for a Java end whose JDK is unknown: the reference JDK's defaults (referenceJdk), never a
 * verdict: such an end's link is unknown (handshake/endpoint.ts `missing`), whatever the list.
 */
function referenceJdkProtocols(role) {
    const version = (0, version_1.parseJavaVersion)(exports.REFERENCE_JDK.version);
    const profile = version ? jdkProfile(exports.REFERENCE_JDK.vendor, version) : undefined;
    return [...((role === 'client' ? profile?.defaultClientProtocols : profile?.defaultServerProtocols)?.value ?? [])];
}
const JSSE_LISTS = jsse_cipher_suites_json_1.default.lists;
/**
 * ROWS by property and feature, in data order (lookupRow ran a filter over every row on each call); built on
 * first use, not at start-up.
 */
let rowsByProperty;
function rowsIndex() {
    if (rowsByProperty)
        return rowsByProperty;
    rowsByProperty = new Map();
    for (const row of ROWS) {
        const key = `${row.property}\u0000${row.feature}`;
        const rows = rowsByProperty.get(key);
        if (rows)
            rows.push(row);
        else
            rowsByProperty.set(key, [row]);
    }
    return rowsByProperty;
}
/** The row for a property that covers (vendor, feature, update); vendor-specific rows win. */
function lookupRow(property, vendor, feature, update) {
    const covering = (rowsIndex().get(`${property}\u0000${feature}`) ?? []).filter((r) => r.from <= update && (r.to === undefined || update <= r.to));
    return covering.find((r) => r.vendors?.includes(vendor)) ?? covering.find((r) => r.vendors === undefined);
}
/**
 * Whether a JSSE server picks the cipher suite by its own order when nothing sets it (JDK-8168261: from 13,
 * backported to 11.0.21), or undefined when the data has no row for that release.
 */
function serverCipherOrderDefault(vendor, version) {
    const row = lookupRow('serverCipherOrderByDefault', vendor, version.feature, version.update);
    return row ? factOf(row) : undefined;
}
function factOf(row, forceInferred = false) {
    return {
        value: row.value,
        source: row.source,
        confidence: forceInferred ? 'inferred' : row.confidence,
        ...(row.unknown ? { unknown: { what: row.unknown.what, alternative: row.unknown.alternative } } : {}),
    };
}
/** A protocol-list fact with the disabled protocols taken out of its value and of its unsettled alternative. */
function enabledFact(row, disabled) {
    const fact = factOf(row);
    return {
        ...fact,
        value: minus(fact.value, disabled),
        ...(fact.unknown ? { unknown: { ...fact.unknown, alternative: minus(fact.unknown.alternative, disabled) } } : {}),
    };
}
function srRange(ranges, level) {
    return ranges.find((r) => r.from <= level && (r.to === undefined || level <= r.to))?.value;
}
/** The OpenJDK update whose java.security an IBM SDK 8 level is assumed to carry (inferred mapping). */
function ibmEquivalentUpdate(level) {
    let update = 0;
    for (const row of exports.IBM_JSSE2.equivalentUpdate.table)
        if (row.from <= level)
            update = row.update;
    return update;
}
/** The IBM level (SR*100+FP) of an IBM SDK given as `1.8.0_NNN`: the last level whose equivalent update ≤ NNN. */
function ibmLevelFromUpdate(update) {
    let level = 0;
    for (const row of exports.IBM_JSSE2.equivalentUpdate.table)
        if (row.update <= update)
            level = row.from;
    return level;
}
function suiteList(id) {
    return JSSE_LISTS[id];
}
const minus = (protocols, disabled) => protocols.filter((p) => !(0, algorithms_1.protocolDisabledBy)(p, disabled));
/**
 * What we know of a JDK's TLS defaults, or undefined when the data has nothing for that feature release
 * (e.g. JDK 5 or 28) or the vendor is IBM SDK other than 8.
 */
function jdkProfile(vendor, version) {
    const label = (0, version_1.formatJdk)(vendor, version);
    if (vendor === 'ibm')
        return ibmProfile(version, label);
    const get = (property) => lookupRow(property, vendor, version.feature, version.update);
    const tls = get('jdk.tls.disabledAlgorithms');
    const certpath = get('jdk.certpath.disabledAlgorithms');
    const legacy = get('jdk.tls.legacyAlgorithms');
    const client = get('clientProtocolCandidates');
    const server = get('serverProtocolCandidates');
    const supported = get('supportedProtocols');
    const dh = get('jdk.tls.ephemeralDHKeySize');
    const order = get('serverCipherOrderByDefault');
    if (!tls || !certpath || !legacy || !client || !server || !supported || !dh || !order)
        return undefined;
    const disabled = tls.value;
    return {
        vendor,
        version,
        label,
        tlsDisabledAlgorithms: factOf(tls),
        certpathDisabledAlgorithms: factOf(certpath),
        legacyAlgorithms: factOf(legacy),
        defaultClientProtocols: enabledFact(client, disabled),
        defaultServerProtocols: enabledFact(server, disabled),
        supportedProtocols: factOf(supported),
        ephemeralDHKeySize: factOf(dh),
        serverCipherOrderByDefault: factOf(order),
        ...cryptoPolicyOf(get('cryptoPolicy')),
    };
}
const cryptoPolicyOf = (row) => row ? { cryptoPolicy: factOf(row) } : {};
function ibmProfile(version, label) {
    if (version.feature !== 8)
        return undefined;
    const level = (0, version_1.ibmLevel)(version) ?? ibmLevelFromUpdate(version.update);
    const update = version.ibm ? ibmEquivalentUpdate(level) : version.update;
    const get = (property) => lookupRow(property, 'ibm', 8, update);
    const tls = get('jdk.tls.disabledAlgorithms');
    const certpath = get('jdk.certpath.disabledAlgorithms');
    const legacy = get('jdk.tls.legacyAlgorithms');
    const dh = get('jdk.tls.ephemeralDHKeySize');
    const order = get('serverCipherOrderByDefault');
    if (!tls || !certpath || !legacy || !dh || !order)
        return undefined;
    const via = `${exports.IBM_JSSE2.equivalentUpdate.source} Equivalent: OpenJDK 8u${update}.`;
    const asIbm = (row) => ({
        value: row.value,
        source: `${row.source}; ${via}`,
        confidence: 'inferred',
    });
    const disabled = tls.value;
    const tlsContext = srRange(exports.IBM_JSSE2.tlsContextWithoutOverride, level) ?? ['TLSv1'];
    const protocols = {
        value: minus(tlsContext, disabled),
        source: `${exports.IBM_JSSE2.source}: SSLContext "TLS" without com.ibm.jsse2.overrideDefaultTLS`,
        confidence: 'verified',
    };
    return {
        vendor: 'ibm',
        version,
        label,
        tlsDisabledAlgorithms: asIbm(tls),
        certpathDisabledAlgorithms: asIbm(certpath),
        legacyAlgorithms: asIbm(legacy),
        defaultClientProtocols: protocols,
        defaultServerProtocols: protocols,
        supportedProtocols: {
            value: srRange(exports.IBM_JSSE2.supportedProtocols, level) ?? [],
            source: exports.IBM_JSSE2.source,
            confidence: 'inferred',
        },
        ephemeralDHKeySize: factOf(dh),
        serverCipherOrderByDefault: factOf(order),
        ...cryptoPolicyOf(get('cryptoPolicy')),
    };
}
/** The IBM level a profile stands for (used by the effective computation). */
function ibmLevelOf(version) {
    return (0, version_1.ibmLevel)(version) ?? ibmLevelFromUpdate(version.update);
}
/** The candidate protocol lists (before disabledAlgorithms filtering) for a SunJSSE build. */
function protocolCandidates(vendor, version) {
    return {
        client: lookupRow('clientProtocolCandidates', vendor, version.feature, version.update),
        server: lookupRow('serverProtocolCandidates', vendor, version.feature, version.update),
        supported: lookupRow('supportedProtocols', vendor, version.feature, version.update),
        suites: lookupRow('jsseSuiteList', vendor, version.feature, version.update),
    };
}
/**
 * Whether SunJSSE counts a suite among jdk.tls.legacyAlgorithms, which it picks only when nothing else is
 * common: the predictor takes the current JDKs' default list (17+: `NULL, anon, RC4, DES, 3DES_EDE_CBC`;
 * 8/11 spell the same set as K_NULL, DH_anon…).
 */
function isJsseLegacySuite(suiteName) {
    const row = lookupRow('jdk.tls.legacyAlgorithms', 'openjdk', 17, 0);
    return row !== undefined && (0, algorithms_1.disabledSuiteMatcher)(row.value)(suiteName) !== undefined;
}
/**
 * The first update of each feature release whose default jdk.tls.disabledAlgorithms holds `entry`
 * (`anon` → `8u201`, `11.0.2`, `7u211`), in the order of `features`; features that never disable it are left out.
 */
function firstUpdatesDisabling(entry, features) {
    return features.flatMap((feature) => {
        const rows = (rowsIndex().get(`jdk.tls.disabledAlgorithms\u0000${feature}`) ?? [])
            .filter((r) => r.vendors === undefined)
            .sort((a, b) => a.from - b.from);
        const first = rows.find((r) => r.value.some((v) => v.trim().toLowerCase() === entry.toLowerCase()));
        return first ? [(0, version_1.javaVersionText)(feature, first.from)] : [];
    });
}
