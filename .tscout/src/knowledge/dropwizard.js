"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DROPWIZARD_HTTPS = exports.DROPWIZARD_VALIDATE_FALSE_SINCE = void 0;
exports.dropwizardExclusions = dropwizardExclusions;
exports.dropwizardValidatesByDefault = dropwizardValidatesByDefault;
exports.dropwizardHttp2 = dropwizardHttp2;
exports.jettyPattern = jettyPattern;
exports.jettyExcluded = jettyExcluded;
/**
 * Dropwizard HTTPS connectors and the Jetty SslContextFactory under them (data/dropwizard.json): the defaults a
 * connector gets for what its YAML does not set, by Dropwizard release, and Jetty's include/exclude pattern match.
 */
const dropwizard_json_1 = __importDefault(require("./data/dropwizard.json"));
const ciphers_1 = require("./ciphers");
const release_parts_1 = require("./release-parts");
const dw = dropwizard_json_1.default.dropwizard;
const jetty = dropwizard_json_1.default.jetty;
/** `1.3.29`, `2.0.0-rc1`, `4.0.0-beta.1` → [major, minor, patch]; undefined for anything else. */
function releaseParts(release) {
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(release.trim());
    return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}
/** Whether `release` is `since` or later (a pre-release of `since` counts as `since`); undefined when unreadable. */
function atLeast(release, since) {
    const a = releaseParts(release);
    const b = releaseParts(since);
    return a && b ? (0, release_parts_1.compareReleaseParts)(a, b) >= 0 : undefined;
}
const NEWEST = {
    protocols: {
        value: dw.excludedProtocols[0].value,
        origin: `Dropwizard's excludedProtocols default from ${dw.excludedProtocols[0].since} (${dw.excludedProtocols[0].source})`,
    },
    cipherSuites: {
        value: jetty.excludedCipherSuites,
        origin: `Jetty's default excluded cipher suites (${jetty.excludedCipherSuitesSource})`,
    },
};
const OLDEST = {
    protocols: {
        value: jetty.excludedProtocols,
        origin: `Jetty's default excluded protocols, kept by Dropwizard before ${dw.excludedProtocols[0].since} (${jetty.excludedProtocolsSource})`,
    },
    cipherSuites: {
        value: jetty.excludedCipherSuitesBefore,
        origin: `the default excluded cipher suites of the Jetty under Dropwizard before ${dw.jettyCipherExclusionsSince.since} (${jetty.excludedCipherSuitesSource}; ${dw.jettyCipherExclusionsSince.source})`,
    },
};
/**
 * The exclusion patterns a Dropwizard HTTPS connector gets by default. A release the build names settles them; without
 * one, the newest releases' (`current`) and the oldest's (`alternative`): a verdict stands only when both agree.
 */
function dropwizardExclusions(release) {
    const protocolsSince = dw.excludedProtocols[0].since;
    const newProtocols = release === undefined ? undefined : atLeast(release, protocolsSince);
    const newSuites = release === undefined ? undefined : atLeast(release, dw.jettyCipherExclusionsSince.since);
    if (newProtocols === undefined || newSuites === undefined)
        return {
            current: NEWEST,
            alternative: {
                ...OLDEST,
                why: `the default exclusions changed in ${dw.jettyCipherExclusionsSince.since} and ${protocolsSince}`,
            },
        };
    return {
        current: {
            protocols: newProtocols ? NEWEST.protocols : OLDEST.protocols,
            cipherSuites: newSuites ? NEWEST.cipherSuites : OLDEST.cipherSuites,
        },
    };
}
/** The release from which `validateCerts` and `validatePeers` default to false. */
exports.DROPWIZARD_VALIDATE_FALSE_SINCE = dw.validateCertsDefault.find((row) => 'since' in row && row.since && !row.value)?.since ?? '';
/** Whether `validateCerts` and `validatePeers` default to true in a release; undefined when the release is unknown. */
function dropwizardValidatesByDefault(release) {
    if (release === undefined)
        return undefined;
    for (const row of dw.validateCertsDefault) {
        const from = 'since' in row && row.since ? atLeast(release, row.since) : true;
        const below = 'before' in row && row.before ? atLeast(release, row.before) === false : true;
        if (from === undefined)
            return undefined;
        if (from && below)
            return { value: row.value, source: row.source };
    }
    return undefined;
}
/** What Dropwizard's Http2ConnectorFactory (`type: h2`) sets on Jetty's factory in a release (undefined: unknown). */
function dropwizardHttp2(release) {
    const h2 = dw.http2;
    const rows = h2.protocols.map((row) => ({
        ...row,
        since: 'since' in row ? row.since : undefined,
        before: 'before' in row ? row.before : undefined,
    }));
    const newest = rows.find((r) => r.since && !r.before) ?? rows[0];
    const oldest = rows.find((r) => r.before && !r.since) ?? rows[0];
    const checked = release === undefined ? undefined : atLeast(release, h2.cipherSuiteChecked.since);
    const matching = release === undefined
        ? undefined
        : rows.find((r) => (r.since ? atLeast(release, r.since) === true : true) &&
            (r.before ? atLeast(release, r.before) === false : true));
    const base = {
        cipherSuite: h2.cipherSuite,
        keepsWrittenSuites: checked,
        cipherSuiteSource: h2.cipherSuiteChecked.source,
    };
    if (matching)
        return { ...base, protocols: { value: matching.value, source: matching.source } };
    return {
        ...base,
        protocols: { value: newest.value, source: newest.source },
        older: { value: oldest.value, source: oldest.source },
    };
}
/** Dropwizard's store type defaults and Jetty's server-side facts, each with its public source. */
exports.DROPWIZARD_HTTPS = {
    keyStoreTypeDefault: dw.keyStoreTypeDefault,
    trustStoreTypeDefault: dw.trustStoreTypeDefault,
    keyStoreSource: dw.keyStoreSource,
    useCipherSuitesOrderDefault: jetty.useCipherSuitesOrderDefault,
    useCipherSuitesOrderSource: jetty.useCipherSuitesOrderSource,
    trustStoreIsKeyStore: jetty.trustStoreIsKeyStore,
    trustStoreSource: jetty.trustStoreSource,
};
/**
 * A Jetty include/exclude pattern as Jetty matches it (java.util.regex `matcher(name).matches()`: the whole name), or
 * undefined when JavaScript reads the pattern otherwise or not at all (inline flags, possessive quantifiers, classes
 * of Java's own): such a pattern leaves the selection unknown.
 */
function jettyPattern(pattern) {
    if (/\(\?[a-zA-Z]|[*+?}]\+|\\[pPQEGZAz]/.test(pattern))
        return undefined;
    try {
        return new RegExp(`^(?:${pattern})$`);
    }
    catch {
        return undefined;
    }
}
const matcher = (patterns) => {
    const compiled = patterns.flatMap((p) => jettyPattern(p) ?? []);
    return (name) => compiled.some((re) => re.test(name));
};
/**
 * Jetty's exclusion step (SslContextFactory.selectProtocols/selectCipherSuites, "process exclude patterns"): every
 * name one of the patterns matches whole is removed, the order of the rest kept. Suites are matched by their JSSE
 * names (`SSL_RSA_WITH_3DES_EDE_CBC_SHA`, which `^SSL_.*$` matches), whatever spelling the lists hold.
 */
function jettyExcluded(protocolPatterns, suitePatterns, protocols, suites) {
    const protocolExcluded = matcher(protocolPatterns);
    const suiteExcluded = matcher(suitePatterns);
    return {
        protocols: protocols.filter((p) => !protocolExcluded(p)),
        suites: suites.filter((s) => {
            const suite = (0, ciphers_1.findCipherSuite)(s);
            return !suiteExcluded(suite ? (0, ciphers_1.jsseName)(suite) : s);
        }),
    };
}
