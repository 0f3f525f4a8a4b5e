/**
 * How a Tomcat JSSE connector sets its TLS lists (data/tomcat.json): the `protocols` and `ciphers`
 * defaults of each release, where its TLS 1.3 suites come from, and its suite-order default. Tomcat
 * sets the enabled protocols and suites on every SSLEngine itself, so the JDK's default lists (and the
 * jdk.tls.server.* properties that only change those) do not apply; jdk.tls.disabledAlgorithms does.
 */
import data from './data/tomcat.json';
import { findCipherSuite, jsseName } from './ciphers';
import jsseData from './data/jsse-cipher-suites.json';
import { expandCipherString } from './openssl-cipher-string';
import { compareReleaseParts } from './release-parts';

export interface TomcatTlsFacts {
  /** The release the facts are for (`9.0.80`), or the assumed one. */
  release: string;
  assumed: boolean;
  protocolsAll: string[];
  ciphersDefault: string;
  /** `ciphers`: the TLS 1.3 suites are those the ciphers string selects; `cipherSuites`: that attribute's (default three). */
  tls13Suites: 'ciphers' | 'cipherSuites';
  /** Without honorCipherOrder: client order (false), or the JDK's own default (`jdk`, Tomcat 8.5). */
  honorCipherOrderDefault: boolean | 'jdk';
  source: string;
  confidence: 'verified' | 'inferred';
}

interface Row {
  branch: string;
  from: number;
  to?: number;
  protocolsAll: string[];
  ciphers: string;
  tls13Suites: 'ciphers' | 'cipherSuites';
  honorCipherOrderDefault: boolean | 'jdk';
  source: string;
}

const ROWS = data.rows as Row[];
export const TOMCAT_FACTS = {
  protocolsDefault: data.protocolsDefault,
  tls13CipherSuitesDefault: data.tls13CipherSuitesDefault,
  jsse: data.jsse,
};

/** The facts for a Tomcat release (`9.0.80`, `10.1`, `tomcat:9-jdk17` tag text); the assumed release when none or unknown. */
export function tomcatTlsFacts(release?: string): TomcatTlsFacts {
  const m = release ? /(\d+)\.(\d+)(?:\.(\d+))?/.exec(release) : undefined;
  const branch = m ? `${m[1]}.${m[2]}` : undefined;
  const patch = m?.[3] !== undefined ? Number(m[3]) : undefined;
  // A branch without its patch release: the branch's newest row (what its current release does), inferred.
  const rows = ROWS.filter((r) => r.branch === branch);
  const row =
    patch === undefined
      ? rows[rows.length - 1]
      : rows.find((r) => r.from <= patch && (r.to === undefined || patch <= r.to));
  if (row && m)
    return {
      release: m[0],
      assumed: false,
      ...fromRow(row),
      confidence: patch === undefined ? 'inferred' : 'verified',
    };
  const assumed = data.assumedRelease.value;
  const [major, minor, p] = assumed.split('.');
  const fallback = ROWS.find(
    (r) => r.branch === `${major}.${minor}` && r.from <= Number(p) && (r.to === undefined || Number(p) <= r.to),
  ) as Row;
  return {
    release: assumed,
    assumed: true,
    ...fromRow(fallback),
    source: `${data.assumedRelease.source}; ${fallback.source}`,
    confidence: 'inferred',
  };
}

const fromRow = (r: Row) => ({
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
export function tomcatReadsPropertyDefaults(release: string): boolean {
  return fromBranchRelease(data.propertyDefaults.since, release) ?? true;
}

/**
 * Whether a release (`9.0.85`, or a branch `9.0`: its newest release) is at or after its branch's first release in
 * `since`; undefined when it names no branch. A branch the list does not name: older ones (before the change) never
 * had it, newer ones (after 11) keep it.
 */
function fromBranchRelease(since: readonly { branch: string; from: number }[], release: string): boolean | undefined {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(release);
  if (!m) return undefined;
  const first = since.find((s) => s.branch === `${m[1]}.${m[2]}`);
  if (!first) return Number(m[1]) > 11;
  return m[3] === undefined || Number(m[3]) >= first.from;
}

/** The first releases of a change, in words (`9.0.35, 8.5.55 and 7.0.104`), newest branch first; new branches left out. */
function sinceInWords(since: readonly { branch: string; from: number }[]): string {
  return since
    .filter((s) => s.from > 0)
    .map((s) => `${s.branch}.${s.from}`)
    .reverse()
    .join(', ')
    .replace(/, ([^,]*)$/, ' and $1');
}

/** The first releases that read `${name:-default}`, in words (`9.0.35, 8.5.55 and 7.0.104`), newest branch first. */
export const TOMCAT_PROPERTY_DEFAULTS_SINCE = sinceInWords(data.propertyDefaults.since);

/** An AJP Connector without a secret (data/tomcat.json ajpSecret): the releases that require one, the vendors' defaults. */
export const TOMCAT_AJP_SECRET = data.ajpSecret;

/** The first releases that require an AJP secret, in words (`9.0.31, 8.5.51 and 7.0.100`). */
export const TOMCAT_AJP_SECRET_SINCE = sinceInWords(data.ajpSecret.requiredSince);

/**
 * Whether an Apache Tomcat release requires a secret on its AJP connectors (secretRequired true by default) and binds
 * them to loopback unless `address` says otherwise: 9.0.31, 8.5.51, 7.0.100 and later, every 10.x and 11.x. A branch
 * without its patch release: its newest release. 8.0 and older never got the change.
 */
export function tomcatRequiresAjpSecret(release: string): boolean {
  return fromBranchRelease(data.ajpSecret.requiredSince, release) ?? false;
}

/**
 * Whether a release reads a Connector's `requiredSecret` (data/tomcat.json ajpSecret.requiredSecretRemoved): every
 * release before Tomcat 11; 11 and later have no such setter, log that no property matched and go on without it.
 */
export function tomcatReadsRequiredSecret(release: string): boolean {
  const major = /^(\d+)/.exec(release)?.[1];
  return major === undefined || Number(major) < data.ajpSecret.requiredSecretRemoved.fromMajor;
}

/** A Connector's APR-style certificate attributes, which releases read them and from which they are ignored (data/tomcat.json). */
export const TOMCAT_LEGACY_CONNECTOR_CERTIFICATE = data.legacyConnectorCertificate;

/** Where server.xml's `${name}` values come from (data/tomcat.json propertySources). */
export const TOMCAT_PROPERTY_SOURCES = data.propertySources;

/** Every suite some SunJSSE release implements (Tomcat keeps only the configured suites the JDK implements). */
let implemented: Set<string> | undefined;
function jsseImplements(iana: string): boolean {
  implemented ??= new Set(
    Object.values(jsseData.lists)
      .flatMap((l) => [...l.defaultEnabled, ...l.supportedNotEnabled])
      .flatMap((n) => findCipherSuite(n)?.iana ?? []),
  );
  return implemented.has(iana);
}

const isTls13 = (iana: string) => findCipherSuite(iana)?.minProtocol === 'TLSv1.3';
const JSSE_NAME = /^(TLS|SSL)_[A-Za-z0-9_]+$/;

export interface TomcatSuites {
  /** IANA names in Tomcat's order: TLS 1.3 first, then the rest (unknown names kept as written). */
  suites: string[];
  /** Elements of an OpenSSL-syntax string that select nothing. */
  unknownElements: string[];
}

/**
 * The suites a Tomcat JSSE connector enables for `ciphers` (OpenSSL syntax, or a comma list of JSSE/OpenSSL
 * names, which Tomcat also reads as OpenSSL names) and `cipherSuites` (TLS 1.3, newer releases): Tomcat's
 * parser follows OpenSSL's (same aliases and order; measured against Tomcat 10.1's OpenSSLCipherConfigurationParser
 * in test/interop), keeps the suites the JDK implements, and puts TLS 1.3 suites first.
 */
export function tomcatSuites(
  ciphers: string | undefined,
  cipherSuites: string | undefined,
  facts: TomcatTlsFacts,
): TomcatSuites {
  const value = ciphers ?? facts.ciphersDefault;
  const parts = value.split(/[,:\s]+/).filter(Boolean);
  const named13 = parts.flatMap((p) =>
    JSSE_NAME.test(p) && isTls13(findCipherSuite(p)?.iana ?? '') ? [findCipherSuite(p)?.iana as string] : [],
  );
  let rest: string[];
  let unknownElements: string[] = [];
  if (!value.includes(':') && parts.every((p) => JSSE_NAME.test(p))) {
    // Tomcat knows each suite by JSSE's own spelling only: another one (IBM's SSL_ for a TLS_ suite) is ignored.
    // Names it does not know at all are kept as written, so the endpoint reports them as unknown.
    rest = parts
      .filter((p) => !named13.includes(findCipherSuite(p)?.iana ?? ''))
      .flatMap((p) => {
        const suite = findCipherSuite(p);
        if (!suite) return [p];
        return [suite.iana, jsseName(suite)].some((n) => n.toUpperCase() === p.toUpperCase()) ? [suite.iana] : [];
      });
  } else {
    const openssl = parts
      .filter((p) => !(JSSE_NAME.test(p) && isTls13(findCipherSuite(p)?.iana ?? '')))
      .map((p) => (JSSE_NAME.test(p) ? (findCipherSuite(p)?.openssl ?? p) : p));
    const expanded = expandCipherString(openssl.join(':'), {
      includePskSrp: true,
      defaultSecurityLevel: 0,
      tomcatParser: true,
    });
    rest = expanded.ciphers.map((c) => c.iana).filter(jsseImplements);
    unknownElements = expanded.unknown;
  }
  let tls13: string[];
  if (facts.tls13Suites === 'cipherSuites') {
    const configured = cipherSuites
      ?.split(/[,:\s]+/)
      .filter(Boolean)
      .map((n) => findCipherSuite(n)?.iana ?? n);
    tls13 = [...new Set([...(configured ?? TOMCAT_FACTS.tls13CipherSuitesDefault.value), ...named13])];
  } else {
    // Older releases: Tomcat's table gives the TLS 1.3 suites HIGH strength and AES/CHACHA20 encryption, so a
    // string that selects by those aliases (its default does) selects them; named ones are kept.
    const selectsAll = /(^|[:,\s])(HIGH|ALL|DEFAULT)([:,\s]|$)/.test(value) || ciphers === undefined;
    tls13 = selectsAll ? [...new Set([...named13, ...TOMCAT_FACTS.tls13CipherSuitesDefault.value])] : named13;
  }
  return { suites: [...tls13, ...rest], unknownElements };
}

/** A Tomcat release a container image's tag names (data/tomcat.json imageTags). */
export interface TomcatImageRelease {
  /** `9.0.85`, `10.1`, or the newest branch of a major alone (`9` → `9.0`). */
  release: string;
  /** The tag names a major alone (`tomcat:9`): its branch is inferred. */
  majorOnly: boolean;
  source: string;
  /** A tag the official image no longer builds (`tomcat:8.5-alpine`), in words: its last image's release. */
  note?: string;
}

const IMAGE_REPOSITORY = new RegExp(data.imageTags.repository);
const BRANCH_OF_MAJOR: Record<string, string | undefined> = data.imageTags.branchOfMajor;
const FROZEN_TAGS: Record<string, string | undefined> = data.imageTags.frozenTags.tags;

/**
 * The Tomcat release an image reference names (`tomcat:9.0.85-jdk17-temurin`, `docker.io/library/tomcat:10.1-jre21`,
 * `tomcat:9`); undefined for another image, or a tag that names none (`latest`, `jdk21`, no tag, a digest alone).
 */
export function tomcatReleaseFromImage(image: string): TomcatImageRelease | undefined {
  const reference = image.trim().split('@')[0] ?? '';
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon <= slash) return undefined;
  if (!IMAGE_REPOSITORY.test(reference.slice(0, colon).toLowerCase())) return undefined;
  const tag = reference.slice(colon + 1);
  // A tag no longer built (`8.5-alpine`, `alpine`) still pulls its last image, of an older release than the branch's.
  const frozen = FROZEN_TAGS[tag.toLowerCase()];
  if (frozen) {
    const { note, source } = data.imageTags.frozenTags;
    return { release: frozen, majorOnly: false, source, note: note.replace('{{release}}', frozen) };
  }
  const m = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?(?=-|$)/.exec(tag);
  if (!m) return undefined;
  const [, major, minor, patch] = m;
  if (minor === undefined) {
    const branch = BRANCH_OF_MAJOR[major!];
    return branch ? { release: branch, majorOnly: true, source: data.imageTags.source } : undefined;
  }
  return {
    release: `${major}.${minor}${patch === undefined ? '' : `.${patch}`}`,
    majorOnly: false,
    source: data.imageTags.source,
  };
}

/** The Connector attributes Tomcat 8.5 and 9 read as the default SSLHostConfig's (data/tomcat.json legacyConnectorAttributes). */
export const TOMCAT_LEGACY_CONNECTOR_ATTRIBUTES = data.legacyConnectorAttributes;

/** An SSL-enabled Connector with no SSLHostConfig for its default host name does not start (data/tomcat.json). */
export const TOMCAT_DEFAULT_HOST_CONFIG_MISSING = data.defaultHostConfigMissing;

/** A PEM file a JSSE connector reads that starts with a byte order mark before its BEGIN line (data/tomcat.json). */
export const TOMCAT_PEM_BYTE_ORDER_MARK = data.pemByteOrderMark;

/** A Connector written for TLS whose SSLEnabled does not set true serves plain HTTP (data/tomcat.json sslNotEnabled). */
export const TOMCAT_SSL_NOT_ENABLED = data.sslNotEnabled;

/** What an SSL-enabled Connector answers a plain HTTP request (data/tomcat.json plainRequestToTlsPort). */
export const TOMCAT_PLAIN_REQUEST_TO_TLS = data.plainRequestToTlsPort;

/** 8.5 and 9: the Connector attributes that make its own `_default_` SSLHostConfig (data/tomcat.json defaultHostConfigClash). */
export const TOMCAT_DEFAULT_HOST_CONFIG_CLASH = data.defaultHostConfigClash;

/**
 * Whether a Tomcat release reads a Connector's TLS attributes (`keystoreFile`, `sslEnabledProtocols`, `SSLProtocol`, …)
 * as its default SSLHostConfig's: true for 8.5 and 9.0, false from 10.0 (they are ignored), undefined for an unknown
 * release or one the data has no facts for (7.0, 8.0).
 */
export function tomcatReadsConnectorTls(release: string | undefined): boolean | undefined {
  const m = release ? /^(\d+)\.(\d+)/.exec(release) : undefined;
  if (!m) return undefined;
  if (data.legacyConnectorAttributes.readByBranches.includes(`${m[1]}.${m[2]}`)) return true;
  return Number(m[1]) >= data.legacyConnectorAttributes.ignoredFromMajor ? false : undefined;
}

/** Tomcat Native and OpenSSL (data/tomcat.json nativeOpenssl): the listener that loads it, where the switch happens, the official image. */
export const TOMCAT_NATIVE = data.nativeOpenssl;
const OFFICIAL_IMAGE = new RegExp(data.nativeOpenssl.officialImage.repository);

/** Whether an image reference is the official `tomcat` image (`tomcat:9.0.85-jdk17`, `docker.io/library/tomcat`), whose every variant builds Tomcat Native. */
export function officialTomcatImage(image: string): boolean {
  const reference = image.trim().split('@')[0] ?? '';
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  return OFFICIAL_IMAGE.test((colon > slash ? reference.slice(0, colon) : reference).toLowerCase());
}

/**
 * Whether the SSL-enabled connectors of a release switch to OpenSSL once the AprLifecycleListener loaded Tomcat Native
 * (8.5 and later; 7.0 and 8.0 have no OpenSSL for their NIO connectors). A release the tree does not name: any current one.
 */
export function tomcatSwitchesToNativeOpenssl(release: string | undefined): boolean {
  const m = release ? /^(\d+)\.(\d+)/.exec(release) : undefined;
  if (!m) return true;
  return data.nativeOpenssl.switchBranches.includes(`${m[1]}.${m[2]}`) || Number(m[1]) > 11;
}

/** What a Dockerfile stage built on the official image inherits: its ENV (CATALINA_HOME) and WORKDIR; undefined for another image. */
export function officialTomcatImageBase(image: string): { env: Record<string, string>; workdir: string } | undefined {
  if (!officialTomcatImage(image)) return undefined;
  const { env, workdir } = data.nativeOpenssl.officialImage;
  return { env: { ...env }, workdir };
}

/** Where Tomcat refuses a ciphers string that gives OpenSSL no TLS 1.2-or-lower suite (data/tomcat.json nativeOpenssl). */
export const TOMCAT_NATIVE_CIPHERS_REFUSED = data.nativeOpenssl.cipherListRefused;

/**
 * Whether a release fails to initialise a connector whose ciphers OpenSSL refuses (OpenSSLContext.init throws, so its
 * port is not opened); false where it only logs a warning and opens the port with no SSL context (every handshake then
 * fails); undefined when the tree names no release. A branch without its patch release: its newest release.
 */
export function tomcatNativeCipherErrorClosesPort(release: string | undefined): boolean | undefined {
  // A branch the data does not list: older ones (8.5, 10.0) only warn, newer ones keep the exception.
  return release
    ? fromBranchRelease(data.nativeOpenssl.cipherListRefused.opensslCheck.connectorFailsFrom, release)
    : undefined;
}

/** A Spring Boot WAR in the official tomcat image (data/tomcat.json springBootWar): the container serves it. */
export const TOMCAT_SPRING_BOOT_WAR = data.springBootWar;

/** Where the official tomcat image deploys a copied WAR (`/usr/local/tomcat/webapps`); undefined for another image. */
export function officialTomcatWebapps(image: string): string | undefined {
  const base = officialTomcatImageBase(image);
  const home = base?.env.CATALINA_HOME;
  return home ? `${home}/${data.springBootWar.appBase}` : undefined;
}

/** What Tomcat throws for a key alias that is no key entry of its key store (data/tomcat.json aliasNoKeyEntry). */
export const TOMCAT_ALIAS_NO_KEY_ENTRY = { message: data.aliasNoKeyEntry.message };

/** The httpd fronts that speak AJP to a connector (data/tomcat.json ajpFronts): mod_jk's defaults, mod_proxy_ajp's. */
export const TOMCAT_AJP_FRONTS = data.ajpFronts;

/** Whether an httpd release (`2.4.41`) takes mod_proxy's `secret=` worker parameter (data/tomcat.json ajpFronts.modProxyAjp). */
export function httpdTakesWorkerSecret(release: string): boolean {
  const parts = (r: string) => r.split('.').map(Number);
  return compareReleaseParts(parts(release), parts(data.ajpFronts.modProxyAjp.secretSince)) >= 0;
}
