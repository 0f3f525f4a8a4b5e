/**
 * Which nginx and HAProxy releases take what (knowledge openssl-servers.json `nginx` and `haproxy`): the release an
 * image tag names, and whether a release is on or after the one that changed a default or removed a directive
 * (undefined when the release is unknown or a tag spans releases on both sides).
 */
import data from './data/openssl-servers.json';
import { splitImageReference } from './jdk-locations';

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

/** The official nginx image, as a FROM or `image:` names it (not another vendor's `bitnami/nginx`). */
const OFFICIAL_NGINX = /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?nginx$/;

/**
 * The lowest release a tag of the official nginx image that names none pulls (`nginx`, `nginx:latest`,
 * `nginx:stable-alpine`: openssl-servers.json nginx.imageFloatingTags), with the date since which that holds; undefined
 * for a tag that names a release, a distribution (`nginx:bookworm`, no longer followed) or another image.
 */
export function nginxFloatingImage(reference: string): { atLeast: string; since: string } | undefined {
  const { name, tag } = splitImageReference(reference.toLowerCase());
  if (!OFFICIAL_NGINX.test(name)) return undefined;
  const { tags, variants, atLeast, atLeastSince } = data.nginx.imageFloatingTags;
  const floating = tags.some(
    (line) => tag === line || variants.some((v) => tag === (line === '' ? v : `${line}-${v}`)),
  );
  return floating ? { atLeast, since: atLeastSince } : undefined;
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
 * Whether every release a template's bound admits (`op` `release`, src/parse/template-release-bound.ts) comes before
 * `since`: `< 2.1` and `<= 2.0.99` do, `<= 2.1`, `< 2.2` and any lower bound do not.
 */
export function boundedBefore(bound: { op: '<' | '<=' | '>' | '>='; release: string }, since: string): boolean {
  const limit = releaseParts(bound.release);
  const first = releaseParts(since);
  if (limit.some(Number.isNaN)) return false;
  if (bound.op === '<') return !releaseBefore(first, limit);
  if (bound.op === '<=') return releaseBefore(limit, first);
  return false;
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

/**
 * Whether `name` is a directive of ngx_http_spdy_module (`spdy_headers_comp`), which HTTP/2 superseded in 1.9.5 and
 * 1.19.7 removed (openssl-servers.json nginx.spdyDirectivesRemoved).
 */
export function isNginxSpdyDirective(name: string): boolean {
  return data.nginx.spdyDirectivesRemoved.names.includes(name);
}

/**
 * Whether nginx `release` refuses the spdy_* directives at start (`[emerg] unknown directive`): true from 1.19.7, false
 * before; undefined when the release is unknown or names releases on both sides.
 */
export function nginxRefusesSpdyDirectives(release?: string): boolean | undefined {
  return releaseFrom(release, data.nginx.spdyDirectivesRemoved.since);
}

/**
 * Whether nginx `release` skips the spdy_* directives with a warning (the HTTP/2 module takes them over): true from
 * 1.9.5; false before, when only a build with ngx_http_spdy_module knows them.
 */
export function nginxSupersedesSpdyDirectives(release?: string): boolean | undefined {
  return releaseFrom(release, data.nginx.spdyDirectivesRemoved.supersededSince);
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
