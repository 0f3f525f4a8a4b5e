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
  /** Export aliases its parser still knows though they select nothing (1.0.2); later series do not know them. */
  exportAliases?: readonly string[];
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
      ...('exportAliases' in row ? { exportAliases: row.exportAliases } : {}),
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

/** Every release series the knowledge holds (what "any OpenSSL" can be when the tree names none). */
export const everyOpensslSeries = (): readonly OpensslSeriesFacts[] => seriesFacts();

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
    // No row, or an Alpine tag of a release that had no Alpine variant: not an image this data knows.
    const base = row ? (/alpine/.test(tag) ? row[2] : row[1]) : undefined;
    if (typeof base !== 'string') return undefined;
    const split = splitImageReference(base);
    return fromDistribution(split.name, split.tag, `${reference} → ${base}`, data.images.nginxSource);
  }
  if (bare === 'haproxy') {
    const version = /^(\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1];
    const row = version ? data.images.haproxy.find((r) => r[0] === version) : undefined;
    return row
      ? officialImageOpenssl(reference, row[/alpine/.test(tag) ? 2 : 1], data.images.haproxySource)
      : undefined;
  }
  if (bare === 'httpd') return httpdImageOpenssl(reference, tag);
  return fromDistribution(name, tag, reference);
}

/**
 * An official `httpd` image: `httpd:2.4.62` (its release), `httpd:2.4` / `httpd:2` / `httpd:latest` (every release
 * they named), `-alpine` for the Alpine variant, or a tag naming its Debian base (`httpd:2.4-bookworm`): the bases of
 * those releases, as for HAProxy's images.
 */
function httpdImageOpenssl(reference: string, tag: string): ImageOpenssl | undefined {
  const suite = /(?:^|-)(jessie|stretch|buster|bullseye|bookworm|trixie)(?:-|$)/.exec(tag)?.[1];
  if (suite) return fromDistribution('debian', suite, `${reference} → debian:${suite}`, data.images.httpdSource);
  const version = /^(\d+(?:\.\d+){0,2})(?:[.-]|$)/.exec(tag)?.[1];
  // `latest`, `alpine` or no tag: every release; a version names the releases it is a prefix of.
  if (!version && !/^(latest|alpine)?$/.test(tag)) return undefined;
  const rows = data.images.httpd.filter((r) => {
    const release = String(r[0]);
    return !version || release === version || release.startsWith(`${version}.`);
  });
  const bases = [...new Set(rows.flatMap((r) => r[/alpine/.test(tag) ? 2 : 1] ?? []))];
  return bases.length > 0 ? officialImageOpenssl(reference, bases, data.images.httpdSource) : undefined;
}

/**
 * An official image built on each of `bases` over time (`haproxy:3.2` → bookworm or trixie: OpenSSL 3.0 or 3.5, series
 * 3): the OpenSSL series of every base, when they all agree; undefined when the tag moved across series (`haproxy:2.8`:
 * bullseye's 1.1.1, then 3.x) or a base is not in the data, since the image in use may be any of them.
 */
function officialImageOpenssl(reference: string, bases: unknown, imagesSource: string): ImageOpenssl | undefined {
  if (!Array.isArray(bases)) return undefined;
  const found = basesOpenssl(bases as string[]);
  const last = found?.at(-1);
  if (!found || !last) return undefined;
  const releases = [...new Set(found.map((f) => f?.release))].join(' or ');
  const levels = new Set(found.map((f) => f?.securityLevel?.level));
  return {
    facts: last.facts,
    release: releases,
    via: `${reference} → ${bases.length > 1 ? `${bases.join(' or ')} (rebuilt on each under the same tag)` : bases.join('')}`,
    source: `${imagesSource}; ${last.source}`,
    ...(levels.size === 1 && last.securityLevel ? { securityLevel: last.securityLevel } : {}),
  };
}

/**
 * The OpenSSL of each base image a tag was built on, when all are of one series (the image in use may be any of
 * them); undefined when there are none, a base is not in the data, or they span series.
 */
export function basesOpenssl(bases: readonly string[]): ImageOpenssl[] | undefined {
  const found = bases.map((base) => {
    const split = splitImageReference(base);
    return fromDistribution(split.name, split.tag, base);
  });
  const [first] = found;
  if (!first || found.some((f) => f?.facts.series !== first.facts.series)) return undefined;
  return found as ImageOpenssl[];
}

/** HAProxy's TLS defaults (openssl-servers.json `haproxy`, each with its source). */
export const HAPROXY_FACTS = data.haproxy;

/** Apache httpd mod_ssl's TLS defaults (openssl-servers.json `httpd`, each with its source). */
export const HTTPD_FACTS = data.httpd;

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
