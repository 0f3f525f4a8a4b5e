/**
 * OpenSSL release series and nginx facts (data/openssl-servers.json): which cipher names a series
 * knows beyond the OpenSSL 3.0 table, its default security level, and whether TLS 1.0/1.1 still work at
 * levels above 0. The series of a server comes from the tree when it can; else the assumed one, said so.
 */
import data from './data/openssl-servers.json';
import { lazy } from '../core/lazy';
import type { OpensslCipherRow } from './openssl-ciphers.data';
import { splitImageReference } from './jdk-locations';
import { oneOf } from './read';
import { securityLevelSource } from './openssl-security-level';

const OPENSSL_SERIES = ['1.0.2', '1.1.0', '1.1.1', '3'] as const;
export type OpensslSeries = (typeof OPENSSL_SERIES)[number];
const CIPHER_STRING_COMMANDS = ['STRENGTH', 'SECLEVEL'] as const;
/** An `@` command of an OpenSSL cipher string (`@STRENGTH`, `@SECLEVEL=n`). */
export type CipherStringCommand = (typeof CIPHER_STRING_COMMANDS)[number];

export interface OpensslSeriesFacts {
  series: OpensslSeries;
  defaultSecurityLevel: number;
  /** TLS 1.0/1.1 (and SSL 3) handshakes need security level 0: their SHA1/MD5 signatures count below level 1. */
  legacyProtocolsNeedLevel0: boolean;
  /** The series speaks TLS 1.3 (1.1.1 and later); one that does not reads no supported_versions extension either. */
  tls13: boolean;
  /** What the server sends when no protocol version fits the client's (1.0.2: nothing, it closes); absent: protocol_version. */
  versionMismatchAlert?: 'none';
  extraCiphers: readonly OpensslCipherRow[];
  /**
   * The `@` commands its cipher-string parser knows (1.0.2: `@STRENGTH` only, no security levels); any other makes
   * SSL_CTX_set_cipher_list fail, and nginx does not start.
   */
  cipherStringCommands: readonly CipherStringCommand[];
  cipherStringCommandsSource: string;
  /** Security bits OpenSSL counts for a certificate signature by digest (`SHA1`: 63 in 3.x, 80 in 1.1.x); others: half their size. */
  digestSecurityBits?: Readonly<Record<string, number>>;
  /** Ciphers (by Enc) of the 3.0 table this series does not have (1.0.2: ChaCha20, AES-CCM, ARIA). */
  lacksEnc?: readonly string[];
  source: string;
  confidence: 'verified' | 'inferred';
}

// Built on first use: a tree with no OpenSSL server never asks.
const seriesFacts = lazy((): OpensslSeriesFacts[] =>
  data.openssl.map((row) => {
    const where = `openssl-servers.json openssl ${row.series}`;
    const alert = 'versionMismatchAlert' in row ? row.versionMismatchAlert : undefined;
    return {
      series: oneOf(row.series, OPENSSL_SERIES, where),
      defaultSecurityLevel: row.defaultSecurityLevel,
      legacyProtocolsNeedLevel0: row.legacyProtocolsNeedLevel0,
      tls13: row.tls13,
      ...(alert !== undefined ? { versionMismatchAlert: oneOf(alert, ['none'] as const, where) } : {}),
      extraCiphers: row.extraCiphers.map((cells) => cipherRow(cells, where)),
      cipherStringCommands: row.cipherStringCommands.map((c) => oneOf(c, CIPHER_STRING_COMMANDS, where)),
      cipherStringCommandsSource: row.cipherStringCommandsSource,
      ...('lacksEnc' in row ? { lacksEnc: row.lacksEnc } : {}),
      ...('digestSecurityBits' in row ? { digestSecurityBits: row.digestSecurityBits } : {}),
      source: row.source,
      confidence: oneOf(row.confidence, ['verified', 'inferred'], where),
    };
  }),
);

/** A cipher row as openssl-ciphers.data.ts holds them (JSON types it as an array of strings and numbers). */
function cipherRow(cells: readonly (string | number)[], where: string): OpensslCipherRow {
  const [code, iana, name, protocol, kx, au, enc, bits, mac, level, inDefault] = cells;
  if (
    cells.length === 11 &&
    typeof code === 'string' &&
    typeof iana === 'string' &&
    typeof name === 'string' &&
    typeof protocol === 'string' &&
    typeof kx === 'string' &&
    typeof au === 'string' &&
    typeof enc === 'string' &&
    typeof bits === 'number' &&
    typeof mac === 'string' &&
    typeof level === 'string' &&
    (inDefault === 0 || inDefault === 1)
  )
    return [code, iana, name, protocol, kx, au, enc, bits, mac, level, inDefault];
  throw new Error(`knowledge ${where}: [${cells.join(', ')}] is not a cipher row`);
}

/** `3.0.13`, `3`, `OpenSSL 3.2.1`, `1.1.1w`, `1.1.0l`, `1.0.2u` → the series, or undefined. */
export function opensslSeriesOf(version: string): OpensslSeriesFacts | undefined {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(version) ?? /^(\d+)$/.exec(version.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2] ?? 0);
  const patch = Number(m[3] ?? 0);
  const series: OpensslSeries | undefined =
    major >= 3 // not a version fact: OpenSSL numbering, 3.x is one series
      ? '3'
      : major === 1 && minor === 1 // not a version fact: OpenSSL numbering, 1.1.x
        ? patch >= 1
          ? '1.1.1'
          : '1.1.0'
        : major === 1 && minor === 0 && patch >= 2 // not a version fact: OpenSSL numbering, 1.0.x
          ? '1.0.2'
          : undefined;
  return seriesFacts().find((s) => s.series === series);
}

/** The series assumed when the tree names none, with why. */
export function assumedOpensslSeries(): { facts: OpensslSeriesFacts; source: string } {
  return { facts: opensslSeriesOf(data.assumedSeries.value) as OpensslSeriesFacts, source: data.assumedSeries.source };
}

/** The lowest protocol an OpenSSL server of this series can sign its handshake with at `level`, when that matters. */
export function signatureFloor(facts: OpensslSeriesFacts, level: number): string | undefined {
  return facts.legacyProtocolsNeedLevel0 && level >= 1 ? 'TLSv1.2' : undefined; // not a version fact: OpenSSL security level
}

/**
 * The signature floor another release series would have with the same cipher string (at its own default level when
 * the string sets none), when it differs from this one's: what an OpenSSL release the tree does not name leaves
 * open. undefined when every series agrees.
 */
export function signatureFloorElsewhere(
  facts: OpensslSeriesFacts,
  level: number | undefined,
): { floor: string | undefined; series: OpensslSeries[] } | undefined {
  const floorOf = (s: OpensslSeriesFacts) => signatureFloor(s, level ?? s.defaultSecurityLevel);
  const mine = floorOf(facts);
  const others = seriesFacts().filter((s) => s !== facts && floorOf(s) !== mine);
  const [first] = others;
  return first ? { floor: floorOf(first), series: others.map((s) => s.series) } : undefined;
}

/**
 * OpenSSL 3 above security level 0 with TLS 1.0/1.1: the alert, what a server logs (it signs nothing) and what a
 * client logs (it accepts no signed ServerKeyExchange: ECDHE and DHE suites; static RSA signs nothing).
 */
export const LEGACY_PROTOCOL_FAILURE = {
  alert: oneOf(
    data.legacyProtocolFailure.alert,
    ['internal_error'] as const,
    'openssl-servers.json legacyProtocolFailure',
  ),
  serverMessage: data.legacyProtocolFailure.serverMessage,
  clientMessage: data.legacyProtocolFailure.clientMessage,
  source: data.legacyProtocolFailure.source,
  clientSource: data.legacyProtocolFailure.clientSource,
};

/**
 * Whether an OpenSSL server of the series accepts a finite-field group (ffdhe2048…) in a TLS 1.3 key share with its
 * default groups: from 3.0 (before, TLS 1.3 has EC groups only). With the first series that does, and the source.
 */
export function opensslTls13FiniteFieldGroups(series: OpensslSeries): {
  value: boolean;
  since: OpensslSeries;
  source: string;
} {
  const fact = data.tls13FiniteFieldGroups;
  const since = oneOf(fact.sinceSeries, OPENSSL_SERIES, 'openssl-servers.json tls13FiniteFieldGroups');
  return { value: OPENSSL_SERIES.indexOf(series) >= OPENSSL_SERIES.indexOf(since), since, source: fact.source };
}

/** What an OpenSSL server logs when a TLS 1.3 ClientHello offers no group it takes. */
export const OPENSSL_NO_KEY_SHARE: string = data.tls13FiniteFieldGroups.serverMessage;

export const NGINX_FACTS = data.nginx;
/** OpenSSL's default TLS 1.3 ciphersuites (1.1.1 and 3.x). */
export const OPENSSL_TLS13_DEFAULT: readonly string[] = data.tls13CiphersuitesDefault.value;
/** The protocols assumed for an OpenSSL server that configures none. */
export const OPENSSL_PROTOCOLS_ASSUMED: readonly string[] = data.protocolsAssumed.value;

/** The release series whose cipher table has this OpenSSL cipher name beyond the 3.0 table (`DES-CBC3-SHA` → 1.0.2, 1.1.1). */
export function seriesWithCipher(name: string): OpensslSeriesFacts[] {
  return seriesFacts().filter((s) => s.extraCiphers.some((row) => row[2] === name));
}

/** The release series whose cipher-string parser knows this `@` command (`@SECLEVEL=0` → 1.1.0, 1.1.1, 3). */
export function seriesWithCommand(element: string): OpensslSeriesFacts[] {
  const command = /^@([A-Z]+)/.exec(element)?.[1];
  return seriesFacts().filter((s) => s.cipherStringCommands.some((c) => c === command));
}

/** The OpenSSL a container image runs, when its name and tag say it (data.images). */
export interface ImageOpenssl {
  facts: OpensslSeriesFacts;
  /** The OpenSSL release of the image's distribution (`1.1.0l`). */
  release: string;
  /** How the image leads to it (`nginx:1.14 → debian:stretch`). */
  via: string;
  source: string;
  /** The security level its libssl starts an SSL_CTX at, when a public source says it (openssl-servers.json). */
  securityLevel?: { level: number; source: string };
}

const DISTRIBUTIONS = data.images.distributions;

function fromDistribution(name: string, tag: string, via: string, extraSource?: string): ImageOpenssl | undefined {
  const bare = name.split('/').pop() ?? name;
  // `stretch-slim`, `3.9.6`, `22.04`, `bookworm-20240101`: the codename or version at the start of the tag.
  const row = DISTRIBUTIONS.find(
    (d) => d.image === bare && d.tags.some((t) => tag === t || tag.startsWith(`${t}-`) || tag.startsWith(`${t}.`)),
  );
  const facts = row ? seriesFacts().find((s) => s.series === row.series) : undefined;
  if (!row || !facts) return undefined;
  return {
    facts,
    release: row.openssl,
    via,
    source: extraSource ? `${extraSource}; ${row.source}` : row.source,
    ...(row.securityLevel !== undefined && row.securityLevelBasis !== undefined
      ? { securityLevel: { level: row.securityLevel, source: securityLevelSource(row.securityLevelBasis) } }
      : {}),
  };
}

/**
 * `nginx:1.14` (Debian stretch: OpenSSL 1.1.0l), `nginx:1.25-alpine`, `debian:bullseye-slim`, `ubuntu:22.04`,
 * `alpine:3.9` → the OpenSSL the image runs; undefined for a name or tag without a known version (`nginx:latest`).
 */
export function opensslFromImage(reference: string): ImageOpenssl | undefined {
  const { name, tag } = splitImageReference(reference.toLowerCase());
  const bare = name.split('/').pop() ?? name;
  if (bare === 'nginx') {
    const minor = /^1\.(\d+)(?:[.-]|$)/.exec(tag); // not a version fact: nginx image tags are 1.<minor>
    const row = minor ? data.images.nginx.find((r) => r[0] === Number(minor[1])) : undefined;
    if (!row) return undefined;
    const base = String(/alpine/.test(tag) ? row[2] : row[1]);
    const split = splitImageReference(base);
    return fromDistribution(split.name, split.tag, `${reference} → ${base}`, data.images.nginxSource);
  }
  if (bare === 'haproxy') return haproxyImageOpenssl(reference, tag);
  return fromDistribution(name, tag, reference);
}

/**
 * An official `haproxy:<major.minor>` image (`-alpine` for the Alpine variant): the OpenSSL series of every base the
 * tag has been built on, when they all agree (`haproxy:3.2` → bookworm or trixie: OpenSSL 3.0 or 3.5, series 3);
 * undefined when the tag moved across series (`haproxy:2.8`: bullseye's 1.1.1, then 3.x) or a base is not in the data,
 * since the image in use may be any of them.
 */
function haproxyImageOpenssl(reference: string, tag: string): ImageOpenssl | undefined {
  const version = /^(\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1];
  const row = version ? data.images.haproxy.find((r) => r[0] === version) : undefined;
  if (!row) return undefined;
  const bases = row[/alpine/.test(tag) ? 2 : 1];
  if (!Array.isArray(bases)) return undefined;
  const found = bases.map((base) => {
    const split = splitImageReference(base);
    return fromDistribution(split.name, split.tag, base);
  });
  const [first] = found;
  const last = found.at(-1);
  if (!first || !last || found.some((f) => f?.facts.series !== first.facts.series)) return undefined;
  const releases = [...new Set(found.map((f) => f?.release))].join(' or ');
  const levels = new Set(found.map((f) => f?.securityLevel?.level));
  return {
    facts: last.facts,
    release: releases,
    via: `${reference} → ${bases.length > 1 ? `${bases.join(' or ')} (rebuilt on each under the same tag)` : bases.join('')}`,
    source: `${data.images.haproxySource}; ${last.source}`,
    ...(levels.size === 1 && last.securityLevel ? { securityLevel: last.securityLevel } : {}),
  };
}

/** `1.27.3` → [1, 27, 3]; a missing part is undefined. */
const releaseParts = (release: string): number[] => release.split('.').map(Number);

/** a < b for releases of equal length or the shorter padded with 0. */
function releaseBefore(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/** The releases a tag may stand for, [low, high): an exact one (`1.27.1`) itself, a minor one (`1.27`) each of its patches. */
function releaseRange(release: string): { low: number[]; high: number[] } {
  const parts = releaseParts(release);
  if (parts.length >= 3) return { low: parts, high: [...parts.slice(0, 2), (parts[2] ?? 0) + 1] };
  return { low: [...parts, 0], high: [parts[0] ?? 0, (parts[1] ?? 0) + 1, 0] };
}

/** The nginx release an `nginx` image tag names (`nginx:1.25.3` → `1.25.3`, `nginx:1.14-alpine` → `1.14`), else undefined. */
export function nginxReleaseFromImage(reference: string): string | undefined {
  const { name, tag } = splitImageReference(reference.toLowerCase());
  if ((name.split('/').pop() ?? name) !== 'nginx') return undefined;
  return /^(1\.\d+(?:\.\d+)?)(?:-|$)/.exec(tag)?.[1];
}

/**
 * Whether nginx `release` starts with `ssl_verify_client on|optional` and `ssl_trusted_certificate` but no
 * `ssl_client_certificate`: true from 1.27.2, false before; undefined when the release is unknown or names releases on
 * both sides (`1.27`: 1.27.0 to 1.27.x).
 */
export function nginxVerifyClientTakesTrustedCertificate(release?: string): boolean | undefined {
  return releaseFrom(release, data.nginx.verifyClientTrustedCertificateSince.since);
}

/** Whether `release` is `since` or later: undefined when unknown or when it names releases on both sides. */
function releaseFrom(release: string | undefined, since: string): boolean | undefined {
  if (!release) return undefined;
  const first = releaseParts(since);
  const { low, high } = releaseRange(release);
  if (!releaseBefore(low, first)) return true;
  if (!releaseBefore(first, high)) return false;
  return undefined;
}

/**
 * Whether nginx `release` refuses the `ssl` directive at start (`[emerg] unknown directive "ssl"`): true from 1.25.1,
 * false before (1.15.0 to 1.25.0 warn that it is deprecated); undefined when the release is unknown or names releases
 * on both sides (`1.25`: 1.25.0 to 1.25.x).
 */
export function nginxRefusesSslDirective(release?: string): boolean | undefined {
  return releaseFrom(release, data.nginx.sslDirectiveRemoved.since);
}

/**
 * Whether nginx `release` warns at start that the `ssl` directive is deprecated: true from 1.15.0 (ngx_conf_deprecated),
 * false before (it takes it silently); undefined when the release is unknown or names releases on both sides.
 */
export function nginxWarnsOfSslDirective(release?: string): boolean | undefined {
  return releaseFrom(release, data.nginx.sslDirectiveRemoved.deprecatedSince);
}

/**
 * Whether nginx `release` refuses the `spdy` parameter of `listen` at start (`[emerg] invalid parameter "spdy"`): true
 * from 1.19.7, false before; undefined when the release is unknown or names releases on both sides.
 */
export function nginxRefusesListenSpdy(release?: string): boolean | undefined {
  return releaseFrom(release, data.nginx.listenSpdyRemoved.since);
}

/**
 * Whether nginx `release` skips the `spdy` parameter of `listen` with a warning (HTTP/2 superseded SPDY): true from
 * 1.9.5 (and from 1.19.7, which refuses it); false before, when a build with ngx_http_spdy_module speaks SPDY.
 */
export function nginxSupersedesListenSpdy(release?: string): boolean | undefined {
  return releaseFrom(release, data.nginx.listenSpdyRemoved.supersededSince);
}

export interface ProxyProtocolsDefault {
  since: string;
  protocols: string[];
}

/**
 * The proxy_ssl_protocols defaults (newest first) that may apply to an nginx release: the one row of an exact
 * release (`1.27.1`), every row whose range meets a minor release of any patch (`1.27`: 1.27.0–1.27.2 and 1.27.3+),
 * all rows when the release is unknown.
 */
export function nginxProxyProtocolDefaults(release?: string): ProxyProtocolsDefault[] {
  const rows = data.nginx.proxyProtocolsDefault.value;
  if (!release) return rows;
  const { low, high } = releaseRange(release);
  const found = rows.filter((row, i) => {
    const since = releaseParts(row.since);
    const until = i > 0 ? rows[i - 1]?.since : undefined;
    // The row covers [since, until): it meets [low, high) when since < high and low < until.
    return releaseBefore(since, high) && (until === undefined || releaseBefore(low, releaseParts(until)));
  });
  // Older than every row (proxy_ssl_protocols itself came with 1.5.6): not settled by the data.
  return found.length > 0 ? found : rows;
}

/** HAProxy's TLS defaults (openssl-servers.json `haproxy`, each with its source). */
export const HAPROXY_FACTS = data.haproxy;

/**
 * Whether a cipher string names a crypto-policy profile (`PROFILE=SYSTEM`: Fedora's and RHEL's OpenSSL take the list
 * from the host's policy; openssl-servers.json `cryptoPolicyProfile`): what it selects is unknown from the tree, never
 * "no cipher match" (upstream OpenSSL has no such keyword, but the builds that read such files do).
 */
export function namesCryptoPolicy(cipherString: string): boolean {
  return cipherString.split(/[:,;\s]+/).some((element) => element.startsWith(data.cryptoPolicyProfile.keyword));
}

/** Why a crypto-policy cipher string is unknown, for the places that say so. */
export const CRYPTO_POLICY_WHY = `a crypto-policy profile: Fedora's and RHEL's OpenSSL take the list from the host's policy, which the tree does not hold (${data.cryptoPolicyProfile.source.split(' ')[0]})`;

/** The HAProxy release an official `haproxy` image tag names (`haproxy:2.8` → `2.8`, `haproxy:2.0.33-alpine`), else undefined. */
export function haproxyReleaseFromImage(reference: string): string | undefined {
  const { name, tag } = splitImageReference(reference.toLowerCase());
  if ((name.split('/').pop() ?? name) !== 'haproxy') return undefined;
  return /^(\d+\.\d+(?:\.\d+)?)(?:-|$)/.exec(tag)?.[1];
}

/**
 * Whether a bind of HAProxy `release` without ssl-min-ver gets the TLSv1.2 floor: true from 2.2, false before;
 * undefined when the release is unknown.
 */
export function haproxyBindFloorApplies(release?: string): boolean | undefined {
  if (!release) return undefined;
  const { low } = releaseRange(release);
  return !releaseBefore(low, releaseParts(data.haproxy.bindMinVersionDefault.since));
}

/**
 * What HAProxy `release` leaves out of a crt directory besides .issuer, .ocsp and .sctl files (openssl-servers.json
 * haproxy.crtDirectorySkips): `.key` files from 2.2 and dotfiles from 2.6; an earlier release loads them as
 * certificates. Skipped (no claim) when the release is unknown or spans both sides.
 */
export function haproxyCrtDirectorySkips(release?: string): { keyFiles: boolean; hiddenFiles: boolean } {
  const { keyFilesSince, hiddenFilesSince } = data.haproxy.crtDirectorySkips;
  return {
    keyFiles: releaseFrom(release, keyFilesSince) !== false,
    hiddenFiles: releaseFrom(release, hiddenFilesSince) !== false,
  };
}

/**
 * A keyword HAProxy no longer accepts in a section of this kind (openssl-servers.json haproxy.removedKeywords): the
 * release that removed it, its source, and whether `release` refuses it (undefined: release unknown or on both sides).
 */
export function haproxyRemovedKeyword(
  keyword: string,
  sectionKind: string,
  release?: string,
): { since: string; replacement: string; source: string; refuses: boolean | undefined } | undefined {
  const section = sectionKind === 'global' ? 'global' : PROXY_SECTIONS.has(sectionKind) ? 'proxy' : undefined;
  const row = data.haproxy.removedKeywords.find((r) => r.section === section && r.keywords.includes(keyword));
  return row
    ? { since: row.since, replacement: row.replacement, source: row.source, refuses: releaseFrom(release, row.since) }
    : undefined;
}
const PROXY_SECTIONS = new Set(['defaults', 'frontend', 'backend', 'listen']);

/**
 * Whether HAProxy `release` reads the key of a crt file that holds none from `<file>.key` (ssl-load-extra-files key,
 * from 2.2; before, the key must be in the crt file); undefined when the release is unknown.
 */
export function haproxyReadsSeparateKeyFile(release?: string): boolean | undefined {
  if (!release) return undefined;
  const { low } = releaseRange(release);
  return !releaseBefore(low, releaseParts(data.haproxy.separateKeyFile.since));
}
