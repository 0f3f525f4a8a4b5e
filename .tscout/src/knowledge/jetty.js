"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.JETTY_FACTORY = exports.JETTY_SSL_PORT = void 0;
exports.jettySslContextRows = jettySslContextRows;
exports.jettyDefaultExclusions = jettyDefaultExclusions;
exports.jettyReleaseOfImage = jettyReleaseOfImage;
exports.jettyReleasesIn = jettyReleasesIn;
exports.sameJettyRelease = sameJettyRelease;
/**
 * Eclipse Jetty distributions (data/jetty.json): what the ssl module's SslContextFactory is set to by release, the
 * port its connector listens on, which release a tree runs (an official image's tag, a distribution archive's name),
 * and the SslContextFactory's default exclusion patterns by release (data/dropwizard.json `jetty`).
 */
const jetty_json_1 = __importDefault(require("./data/jetty.json"));
const dropwizard_json_1 = __importDefault(require("./data/dropwizard.json"));
const release_parts_1 = require("./release-parts");
const jetty = dropwizard_json_1.default.jetty;
/** `9.4.56.v20240826`, `10.0.24`, `9.4` → [major, minor, patch]; a release that names no patch is the newest of its line. */
function releaseParts(release) {
    const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(release.trim());
    if (!m)
        return undefined;
    // A floating name (an image tag `9`, `9.4`) is the newest release of its line: greater than any written patch.
    const newest = 999_999;
    return [Number(m[1]), m[2] === undefined ? newest : Number(m[2]), m[3] === undefined ? newest : Number(m[3])];
}
const atLeast = (release, since) => (0, release_parts_1.compareReleaseParts)(release, releaseParts(since) ?? []) >= 0;
const ROWS = jetty_json_1.default.sslContext.map((row) => ({
    releases: 'before' in row && row.before ? `${row.since} to ${row.before}` : `${row.since} on`,
    sets: row.sets,
    keyStoreTypeDefault: row.keyStoreTypeDefault,
    source: row.source,
}));
/**
 * The ssl module rows a release may run: the one that covers it, or every row when the release is unknown (a value
 * then stands only when every row gives it). Empty for a release before the first row (Jetty 9.2 and older).
 */
function jettySslContextRows(release) {
    if (release === undefined)
        return ROWS;
    const parts = releaseParts(release);
    if (!parts)
        return ROWS;
    return jetty_json_1.default.sslContext.flatMap((row, i) => atLeast(parts, row.since) && !('before' in row && row.before && atLeast(parts, row.before)) ? [ROWS[i]] : []);
}
/** The port jetty-ssl.xml's connector listens on: its property names (the deprecated one after) and default. */
exports.JETTY_SSL_PORT = jetty_json_1.default.sslPort;
const PROTOCOLS = {
    value: jetty.excludedProtocols,
    origin: `Jetty's default excluded protocols (${jetty.excludedProtocolsSource})`,
};
const NEWER = {
    protocols: PROTOCOLS,
    cipherSuites: {
        value: jetty.excludedCipherSuites,
        origin: `Jetty's default excluded cipher suites from ${jetty_json_1.default.excludedCipherSuitesSince.since} (${jetty.excludedCipherSuitesSource})`,
    },
};
const OLDER = {
    protocols: PROTOCOLS,
    cipherSuites: {
        value: jetty.excludedCipherSuitesBefore,
        origin: `Jetty's default excluded cipher suites before ${jetty_json_1.default.excludedCipherSuitesSince.since} (${jetty_json_1.default.excludedCipherSuitesSince.source})`,
    },
};
/**
 * The default exclusion patterns of a Jetty release. Unknown: the newer list (`current`) and the older one
 * (`alternative`), so that a verdict stands only when both agree.
 */
function jettyDefaultExclusions(release) {
    const parts = release === undefined ? undefined : releaseParts(release);
    if (!parts)
        return {
            current: NEWER,
            alternative: {
                ...OLDER,
                why: `Jetty's default excluded cipher suites changed in ${jetty_json_1.default.excludedCipherSuitesSince.since}`,
            },
        };
    return { current: atLeast(parts, jetty_json_1.default.excludedCipherSuitesSince.since) ? NEWER : OLDER };
}
const IMAGE = new RegExp(jetty_json_1.default.image.repository);
/**
 * The Jetty release an official image tag names (`jetty:9.4-jdk11` → `9.4`, `jetty:9` → `9`: the newest of that line),
 * or undefined for another image or a tag without a version (`latest`, `jdk17`).
 */
function jettyReleaseOfImage(image) {
    const at = image.lastIndexOf(':');
    if (at < 0 || image.includes('/', at))
        return undefined;
    const repository = image.slice(0, at).replace(/@.*$/, '');
    if (!IMAGE.test(repository))
        return undefined;
    return /^(\d+(?:\.\d+){0,2})(?=$|[-.])/.exec(image.slice(at + 1))?.[1];
}
/** A Jetty distribution archive or directory a text names (`jetty-distribution-9.3.27.v20190418`, `jetty-home-10.0.24`). */
const DISTRIBUTION = /\bjetty-(?:distribution|home)-(\d+\.\d+\.\d+)(?:\.v\d{8})?\b/g;
/** `ENV JETTY_VERSION 9.4.43.v20210629`, `jetty_version=9.3.27.v20190418` (the official images' and others' variable). */
const VERSION_VARIABLE = /\bjetty_version[= \t]+["']?(\d+\.\d+\.\d+)(?:\.v\d{8})?\b/gi;
/** Every Jetty release a text names by an archive name or a JETTY_VERSION variable, with its offset. */
function jettyReleasesIn(text) {
    const out = [];
    for (const re of [DISTRIBUTION, VERSION_VARIABLE])
        for (const m of text.matchAll(re))
            out.push({ release: m[1], index: m.index, length: m[0].length });
    return out;
}
/** Whether two release names can be the same release (`9.4` and `9.4.43`). */
function sameJettyRelease(a, b) {
    const pa = a.split('.');
    const pb = b.split('.');
    return pa.slice(0, Math.min(pa.length, pb.length)).every((p, i) => p === pb[i]);
}
/** The SslContextFactory's own defaults every release shares (data/dropwizard.json `jetty`). */
exports.JETTY_FACTORY = {
    /** The value a boolean setter leaves when no XML calls it, by lower-cased setting name. */
    booleanDefaults: {
        needclientauth: String(jetty_json_1.default.factoryDefaults.needClientAuth),
        wantclientauth: String(jetty_json_1.default.factoryDefaults.wantClientAuth),
        useciphersuitesorder: String(jetty.useCipherSuitesOrderDefault),
    },
    useCipherSuitesOrderDefault: jetty.useCipherSuitesOrderDefault,
    useCipherSuitesOrderSource: jetty.useCipherSuitesOrderSource,
    trustStoreIsKeyStore: jetty.trustStoreIsKeyStore,
    trustStoreSource: jetty.trustStoreSource,
};
