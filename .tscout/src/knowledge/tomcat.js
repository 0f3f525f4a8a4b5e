"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TOMCAT_ALIAS_NO_KEY_ENTRY = exports.TOMCAT_SPRING_BOOT_WAR = exports.TOMCAT_NATIVE_CIPHERS_REFUSED = exports.TOMCAT_NATIVE = exports.TOMCAT_DEFAULT_HOST_CONFIG_CLASH = exports.TOMCAT_PLAIN_REQUEST_TO_TLS = exports.TOMCAT_SSL_NOT_ENABLED = exports.TOMCAT_DEFAULT_HOST_CONFIG_MISSING = exports.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES = exports.TOMCAT_PROPERTY_SOURCES = exports.TOMCAT_LEGACY_CONNECTOR_CERTIFICATE = exports.TOMCAT_AJP_SECRET_SINCE = exports.TOMCAT_AJP_SECRET = exports.TOMCAT_PROPERTY_DEFAULTS_SINCE = exports.TOMCAT_FACTS = void 0;
exports.tomcatTlsFacts = tomcatTlsFacts;
exports.tomcatReadsPropertyDefaults = tomcatReadsPropertyDefaults;
exports.tomcatRequiresAjpSecret = tomcatRequiresAjpSecret;
exports.tomcatSuites = tomcatSuites;
exports.tomcatReleaseFromImage = tomcatReleaseFromImage;
exports.tomcatReadsConnectorTls = tomcatReadsConnectorTls;
exports.officialTomcatImage = officialTomcatImage;
exports.tomcatSwitchesToNativeOpenssl = tomcatSwitchesToNativeOpenssl;
exports.officialTomcatImageBase = officialTomcatImageBase;
exports.tomcatNativeCipherErrorClosesPort = tomcatNativeCipherErrorClosesPort;
exports.officialTomcatWebapps = officialTomcatWebapps;
/**
 * How a Tomcat JSSE connector sets its TLS lists (data/tomcat.json): the `protocols` and `ciphers`
 * defaults of each release, where its TLS 1.3 suites come from, and its suite-order default. Tomcat
 * sets the enabled protocols and suites on every SSLEngine itself, so the JDK's default lists (and the
 * jdk.tls.server.* properties that only change those) do not apply; jdk.tls.disabledAlgorithms does.
 */
const tomcat_json_1 = __importDefault(require("./data/tomcat.json"));
const ciphers_1 = require("./ciphers");
const jsse_cipher_suites_json_1 = __importDefault(require("./data/jsse-cipher-suites.json"));
const openssl_cipher_string_1 = require("./openssl-cipher-string");
const ROWS = tomcat_json_1.default.rows;
exports.TOMCAT_FACTS = {
    protocolsDefault: tomcat_json_1.default.protocolsDefault,
    tls13CipherSuitesDefault: tomcat_json_1.default.tls13CipherSuitesDefault,
    jsse: tomcat_json_1.default.jsse,
};
/** The facts for a Tomcat release (`9.0.80`, `10.1`, `tomcat:9-jdk17` tag text); the assumed release when none or unknown. */
function tomcatTlsFacts(release) {
    const m = release ? /(\d+)\.(\d+)(?:\.(\d+))?/.exec(release) : undefined;
    const branch = m ? `${m[1]}.${m[2]}` : undefined;
    const patch = m?.[3] !== undefined ? Number(m[3]) : undefined;
    // A branch without its patch release: the branch's newest row (what its current release does), inferred.
    const rows = ROWS.filter((r) => r.branch === branch);
    const row = patch === undefined
        ? rows[rows.length - 1]
        : rows.find((r) => r.from <= patch && (r.to === undefined || patch <= r.to));
    if (row && m)
        return {
            release: m[0],
            assumed: false,
            ...fromRow(row),
            confidence: patch === undefined ? 'inferred' : 'verified',
        };
    const assumed = tomcat_json_1.default.assumedRelease.value;
    const [major, minor, p] = assumed.split('.');
    const fallback = ROWS.find((r) => r.branch === `${major}.${minor}` && r.from <= Number(p) && (r.to === undefined || Number(p) <= r.to));
    return {
        release: assumed,
        assumed: true,
        ...fromRow(fallback),
        source: `${tomcat_json_1.default.assumedRelease.source}; ${fallback.source}`,
        confidence: 'inferred',
    };
}
const fromRow = (r) => ({
    protocolsAll: r.protocolsAll,
    ciphersDefault: r.ciphers,
    tls13Suites: r.tls13Suites,
    honorCipherOrderDefault: r.honorCipherOrderDefault,
    source: r.source,
});
/**
 * Whether a Tomcat release reads `${name:-default}` in server.xml as the default while the property is unset
 * (data/tomcat.json propertyDefaults); releases before keep it as written. `release` as tomcatTlsFacts reads it.
 */
function tomcatReadsPropertyDefaults(release) {
    return fromBranchRelease(tomcat_json_1.default.propertyDefaults.since, release) ?? true;
}
/**
 * Whether a release (`9.0.85`, or a branch `9.0`: its newest release) is at or after its branch's first release in
 * `since`; undefined when it names no branch. A branch the list does not name: older ones (before the change) never
 * had it, newer ones (after 11) keep it.
 */
function fromBranchRelease(since, release) {
    const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(release);
    if (!m)
        return undefined;
    const first = since.find((s) => s.branch === `${m[1]}.${m[2]}`);
    if (!first)
        return Number(m[1]) > 11;
    return m[3] === undefined || Number(m[3]) >= first.from;
}
/** The first releases of a change, in words (`9.0.35, 8.5.55 and 7.0.104`), newest branch first; new branches left out. */
function sinceInWords(since) {
    return since
        .filter((s) => s.from > 0)
        .map((s) => `${s.branch}.${s.from}`)
        .reverse()
        .join(', ')
        .replace(/, ([^,]*)$/, ' and $1');
}
/** The first releases that read `${name:-default}`, in words (`9.0.35, 8.5.55 and 7.0.104`), newest branch first. */
exports.TOMCAT_PROPERTY_DEFAULTS_SINCE = sinceInWords(tomcat_json_1.default.propertyDefaults.since);
/** An AJP Connector without a secret (data/tomcat.json ajpSecret): the releases that require one, the vendors' defaults. */
exports.TOMCAT_AJP_SECRET = tomcat_json_1.default.ajpSecret;
/** The first releases that require an AJP secret, in words (`9.0.31, 8.5.51 and 7.0.100`). */
exports.TOMCAT_AJP_SECRET_SINCE = sinceInWords(tomcat_json_1.default.ajpSecret.requiredSince);
/**
 * Whether an Apache Tomcat release requires a secret on its AJP connectors (secretRequired true by default) and binds
 * them to loopback unless `address` says otherwise: 9.0.31, 8.5.51, 7.0.100 and later, every 10.x and 11.x. A branch
 * without its patch release: its newest release. 8.0 and older never got the change.
 */
function tomcatRequiresAjpSecret(release) {
    return fromBranchRelease(tomcat_json_1.default.ajpSecret.requiredSince, release) ?? false;
}
/** A Connector's APR-style certificate attributes, which releases read them and from which they are ignored (data/tomcat.json). */
exports.TOMCAT_LEGACY_CONNECTOR_CERTIFICATE = tomcat_json_1.default.legacyConnectorCertificate;
/** Where server.xml's `${name}` values come from (data/tomcat.json propertySources). */
exports.TOMCAT_PROPERTY_SOURCES = tomcat_json_1.default.propertySources;
/** Every suite some SunJSSE release implements (Tomcat keeps only the configured suites the JDK implements). */
let implemented;
function jsseImplements(iana) {
    implemented ??= new Set(Object.values(jsse_cipher_suites_json_1.default.lists)
        .flatMap((l) => [...l.defaultEnabled, ...l.supportedNotEnabled])
        .flatMap((n) => (0, ciphers_1.findCipherSuite)(n)?.iana ?? []));
    return implemented.has(iana);
}
const isTls13 = (iana) => (0, ciphers_1.findCipherSuite)(iana)?.minProtocol === 'TLSv1.3';
const JSSE_NAME = /^(TLS|SSL)_[A-Za-z0-9_]+$/;
/**
 * The suites a Tomcat JSSE connector enables for `ciphers` (OpenSSL syntax, or a comma list of JSSE/OpenSSL
 * names, which Tomcat also reads as OpenSSL names) and `cipherSuites` (TLS 1.3, newer releases): Tomcat's
 * parser follows OpenSSL's (same aliases and order; measured against Tomcat 10.1's OpenSSLCipherConfigurationParser
 * in test/interop), keeps the suites the JDK implements, and puts TLS 1.3 suites first.
 */
function tomcatSuites(ciphers, cipherSuites, facts) {
    const value = ciphers ?? facts.ciphersDefault;
    const parts = value.split(/[,:\s]+/).filter(Boolean);
    const named13 = parts.flatMap((p) => JSSE_NAME.test(p) && isTls13((0, ciphers_1.findCipherSuite)(p)?.iana ?? '') ? [(0, ciphers_1.findCipherSuite)(p)?.iana] : []);
    let rest;
    let unknownElements = [];
    if (!value.includes(':') && parts.every((p) => JSSE_NAME.test(p))) {
        // Tomcat knows each suite by JSSE's own spelling only: another one (IBM's SSL_ for a TLS_ suite) is ignored.
        // Names it does not know at all are kept as written, so the endpoint reports them as unknown.
        rest = parts
            .filter((p) => !named13.includes((0, ciphers_1.findCipherSuite)(p)?.iana ?? ''))
            .flatMap((p) => {
            const suite = (0, ciphers_1.findCipherSuite)(p);
            if (!suite)
                return [p];
            return [suite.iana, (0, ciphers_1.jsseName)(suite)].some((n) => n.toUpperCase() === p.toUpperCase()) ? [suite.iana] : [];
        });
    }
    else {
        const openssl = parts
            .filter((p) => !(JSSE_NAME.test(p) && isTls13((0, ciphers_1.findCipherSuite)(p)?.iana ?? '')))
            .map((p) => (JSSE_NAME.test(p) ? ((0, ciphers_1.findCipherSuite)(p)?.openssl ?? p) : p));
        const expanded = (0, openssl_cipher_string_1.expandCipherString)(openssl.join(':'), { includePskSrp: true, defaultSecurityLevel: 0 });
        rest = expanded.ciphers.map((c) => c.iana).filter(jsseImplements);
        unknownElements = expanded.unknown;
    }
    let tls13;
    if (facts.tls13Suites === 'cipherSuites') {
        const configured = cipherSuites
            ?.split(/[,:\s]+/)
            .filter(Boolean)
            .map((n) => (0, ciphers_1.findCipherSuite)(n)?.iana ?? n);
        tls13 = [...new Set([...(configured ?? exports.TOMCAT_FACTS.tls13CipherSuitesDefault.value), ...named13])];
    }
    else {
        // Older releases: Tomcat's table gives the TLS 1.3 suites HIGH strength and AES/CHACHA20 encryption, so a
        // string that selects by those aliases (its default does) selects them; named ones are kept.
        const selectsAll = /(^|[:,\s])(HIGH|ALL|DEFAULT)([:,\s]|$)/.test(value) || ciphers === undefined;
        tls13 = selectsAll ? [...new Set([...named13, ...exports.TOMCAT_FACTS.tls13CipherSuitesDefault.value])] : named13;
    }
    return { suites: [...tls13, ...rest], unknownElements };
}
const IMAGE_REPOSITORY = new RegExp(tomcat_json_1.default.imageTags.repository);
const BRANCH_OF_MAJOR = tomcat_json_1.default.imageTags.branchOfMajor;
const FROZEN_TAGS = tomcat_json_1.default.imageTags.frozenTags.tags;
/**
 * The Tomcat release an image reference names (`tomcat:9.0.85-jdk17-temurin`, `docker.io/library/tomcat:10.1-jre21`,
 * `tomcat:9`); undefined for another image, or a tag that names none (`latest`, `jdk21`, no tag, a digest alone).
 */
function tomcatReleaseFromImage(image) {
    const reference = image.trim().split('@')[0] ?? '';
    const slash = reference.lastIndexOf('/');
    const colon = reference.lastIndexOf(':');
    if (colon <= slash)
        return undefined;
    if (!IMAGE_REPOSITORY.test(reference.slice(0, colon).toLowerCase()))
        return undefined;
    const tag = reference.slice(colon + 1);
    // A tag no longer built (`8.5-alpine`, `alpine`) still pulls its last image, of an older release than the branch's.
    const frozen = FROZEN_TAGS[tag.toLowerCase()];
    if (frozen) {
        const { note, source } = tomcat_json_1.default.imageTags.frozenTags;
        return { release: frozen, majorOnly: false, source, note: note.replace('{{release}}', frozen) };
    }
    const m = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?(?=-|$)/.exec(tag);
    if (!m)
        return undefined;
    const [, major, minor, patch] = m;
    if (minor === undefined) {
        const branch = BRANCH_OF_MAJOR[major];
        return branch ? { release: branch, majorOnly: true, source: tomcat_json_1.default.imageTags.source } : undefined;
    }
    return {
        release: `${major}.${minor}${patch === undefined ? '' : `.${patch}`}`,
        majorOnly: false,
        source: tomcat_json_1.default.imageTags.source,
    };
}
/** The Connector attributes Tomcat 8.5 and 9 read as the default SSLHostConfig's (data/tomcat.json legacyConnectorAttributes). */
exports.TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES = tomcat_json_1.default.legacyConnectorAttributes;
/** An SSL-enabled Connector with no SSLHostConfig for its default host name does not start (data/tomcat.json). */
exports.TOMCAT_DEFAULT_HOST_CONFIG_MISSING = tomcat_json_1.default.defaultHostConfigMissing;
/** A Connector written for TLS whose SSLEnabled does not set true serves plain HTTP (data/tomcat.json sslNotEnabled). */
exports.TOMCAT_SSL_NOT_ENABLED = tomcat_json_1.default.sslNotEnabled;
/** What an SSL-enabled Connector answers a plain HTTP request (data/tomcat.json plainRequestToTlsPort). */
exports.TOMCAT_PLAIN_REQUEST_TO_TLS = tomcat_json_1.default.plainRequestToTlsPort;
/** 8.5 and 9: the Connector attributes that make its own `_default_` SSLHostConfig (data/tomcat.json defaultHostConfigClash). */
exports.TOMCAT_DEFAULT_HOST_CONFIG_CLASH = tomcat_json_1.default.defaultHostConfigClash;
/**
 * Whether a Tomcat release reads a Connector's TLS attributes (`keystoreFile`, `sslEnabledProtocols`, `SSLProtocol`, …)
 * as its default SSLHostConfig's: true for 8.5 and 9.0, false from 10.0 (they are ignored), undefined for an unknown
 * release or one the data has no facts for (7.0, 8.0).
 */
function tomcatReadsConnectorTls(release) {
    const m = release ? /^(\d+)\.(\d+)/.exec(release) : undefined;
    if (!m)
        return undefined;
    if (tomcat_json_1.default.legacyConnectorAttributes.readByBranches.includes(`${m[1]}.${m[2]}`))
        return true;
    return Number(m[1]) >= tomcat_json_1.default.legacyConnectorAttributes.ignoredFromMajor ? false : undefined;
}
/** Tomcat Native and OpenSSL (data/tomcat.json nativeOpenssl): the listener that loads it, where the switch happens, the official image. */
exports.TOMCAT_NATIVE = tomcat_json_1.default.nativeOpenssl;
const OFFICIAL_IMAGE = new RegExp(tomcat_json_1.default.nativeOpenssl.officialImage.repository);
/** Whether an image reference is the official `tomcat` image (`tomcat:9.0.85-jdk17`, `docker.io/library/tomcat`), whose every variant builds Tomcat Native. */
function officialTomcatImage(image) {
    const reference = image.trim().split('@')[0] ?? '';
    const slash = reference.lastIndexOf('/');
    const colon = reference.lastIndexOf(':');
    return OFFICIAL_IMAGE.test((colon > slash ? reference.slice(0, colon) : reference).toLowerCase());
}
/**
 * Whether the SSL-enabled connectors of a release switch to OpenSSL once the AprLifecycleListener loaded Tomcat Native
 * (8.5 and later; 7.0 and 8.0 have no OpenSSL for their NIO connectors). A release the tree does not name: any current one.
 */
function tomcatSwitchesToNativeOpenssl(release) {
    const m = release ? /^(\d+)\.(\d+)/.exec(release) : undefined;
    if (!m)
        return true;
    return tomcat_json_1.default.nativeOpenssl.switchBranches.includes(`${m[1]}.${m[2]}`) || Number(m[1]) > 11;
}
/** What a Dockerfile stage built on the official image inherits: its ENV (CATALINA_HOME) and WORKDIR; undefined for another image. */
function officialTomcatImageBase(image) {
    if (!officialTomcatImage(image))
        return undefined;
    const { env, workdir } = tomcat_json_1.default.nativeOpenssl.officialImage;
    return { env: { ...env }, workdir };
}
/** Where Tomcat refuses a ciphers string that gives OpenSSL no TLS 1.2-or-lower suite (data/tomcat.json nativeOpenssl). */
exports.TOMCAT_NATIVE_CIPHERS_REFUSED = tomcat_json_1.default.nativeOpenssl.cipherListRefused;
/**
 * Whether a release fails to initialise a connector whose ciphers OpenSSL refuses (OpenSSLContext.init throws, so its
 * port is not opened); false where it only logs a warning and opens the port with no SSL context (every handshake then
 * fails); undefined when the tree names no release. A branch without its patch release: its newest release.
 */
function tomcatNativeCipherErrorClosesPort(release) {
    // A branch the data does not list: older ones (8.5, 10.0) only warn, newer ones keep the exception.
    return release
        ? fromBranchRelease(tomcat_json_1.default.nativeOpenssl.cipherListRefused.opensslCheck.connectorFailsFrom, release)
        : undefined;
}
/** A Spring Boot WAR in the official tomcat image (data/tomcat.json springBootWar): the container serves it. */
exports.TOMCAT_SPRING_BOOT_WAR = tomcat_json_1.default.springBootWar;
/** Where the official tomcat image deploys a copied WAR (`/usr/local/tomcat/webapps`); undefined for another image. */
function officialTomcatWebapps(image) {
    const base = officialTomcatImageBase(image);
    const home = base?.env.CATALINA_HOME;
    return home ? `${home}/${tomcat_json_1.default.springBootWar.appBase}` : undefined;
}
/** What Tomcat throws for a key alias that is no key entry of its key store (data/tomcat.json aliasNoKeyEntry). */
exports.TOMCAT_ALIAS_NO_KEY_ENTRY = { message: tomcat_json_1.default.aliasNoKeyEntry.message };
