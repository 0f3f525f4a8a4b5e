/**
 * The OpenSSL security level an nginx or httpd end runs at: `@SECLEVEL=n` of its cipher directive, else the level the
 * image's libssl starts at (openssl-servers.json: Debian's and Ubuntu's builds 2, Alpine's upstream default); when the
 * tree names no image, or one whose level no source gives, each level a current image may start at is a possibility,
 * so a key only one of them refuses is unknown, never a guessed failure. nginx sets the cipher string before loading its
 * certificates only from 1.21.2: before, the certificates are loaded at the image's level whatever @SECLEVEL says.
 * mod_ssl sets SSLCipherSuite before it loads the certificates (ssl_init_ctx before ssl_init_server_certs), so there
 * @SECLEVEL reaches them in every release (measured with Debian 12's apache2 2.4: a 1024-bit key refused, AH02562
 * 'ee key too small', and accepted with `SSLCipherSuite DEFAULT@SECLEVEL=1`).
 */
import type { Location } from '../core/types';
import type { OpensslSeriesFacts } from '../knowledge/openssl';
import {
  CIPHER_LEVEL_SINCE,
  cipherLevelAppliesToCertificates,
  defaultLevelsUnnamed,
} from '../knowledge/openssl-security-level';
import type { NginxSecurityLevel, SecurityLevelCandidate, Unsettled } from './attributes';

/** The OpenSSL of an nginx file as the nginx contributor found it. */
export interface LevelOpenssl {
  facts: OpensslSeriesFacts;
  assumed: boolean;
  release?: string;
  via?: string;
  at?: Location;
  securityLevel?: { level: number; source: string };
  /**
   * When the OpenSSL is assumed: the nginx images the deployment names (Compose `image:`, Dockerfile FROM) that nothing
   * ties this file to (a named volume, no mount or COPY of it), with the level each one's OpenSSL starts at when a source
   * gives it. One of them may be the image that runs the file, so its level is a possibility too.
   */
  untied?: readonly { level: number; via: string; at: Location }[];
}

/** The server whose images decide a level, as messages name it. */
export type LevelProduct = 'nginx' | 'httpd';

/** Why the tree leaves the level open, and what settles it. */
function unsettledImage(openssl: LevelOpenssl, directive: string, product: LevelProduct): Unsettled {
  const { via, release, facts } = openssl;
  const untied = openssl.assumed ? (openssl.untied ?? []) : [];
  if (untied.length > 0)
    return {
      why: `the tree names ${untied.map((u) => u.via.split(' → ')[0]).join(', ')} but nothing ties this file to it (a bind mount or a COPY of it)`,
      todo: 'Bind-mount the configuration into that service, or name its image in a Dockerfile FROM beside it',
    };
  return openssl.assumed
    ? {
        why: `the tree names no ${product} image`,
        todo: `Name ${product}'s image in a Dockerfile FROM beside the configuration`,
      }
    : {
        why: `no source gives the level ${via ?? 'the image'}'s OpenSSL ${release ?? facts.series} starts at`,
        todo: `Set @SECLEVEL in ${directive} to the level it runs at`,
      };
}

/** The levels the OpenSSL of the tree's image starts at: one when known, else each possibility. */
export function imageLevels(openssl: LevelOpenssl): SecurityLevelCandidate[] {
  const { securityLevel, via, release, at, facts } = openssl;
  if (securityLevel)
    return [
      {
        level: securityLevel.level,
        origin: `the default of ${via ?? 'the image'} (OpenSSL ${release ?? facts.series}; ${securityLevel.source.split(' ')[0] ?? ''})`,
        ...(at ? { at } : {}),
      },
    ];
  const current = defaultLevelsUnnamed().map(({ level, who }) => ({
    level,
    origin: `level ${level} as in ${who} images`,
    ...(at ? { at } : {}),
  }));
  const untied = openssl.assumed ? (openssl.untied ?? []) : [];
  return [
    ...current,
    ...untied
      .filter((u, i) => !current.some((c) => c.level === u.level) && untied.findIndex((o) => o.level === u.level) === i)
      .map(
        (u): SecurityLevelCandidate => ({
          level: u.level,
          origin: `level ${u.level} of ${u.via}, which the tree names without tying this file to it`,
          at: u.at,
          untied: true,
        }),
      ),
  ].sort((a, b) => a.level - b.level);
}

/**
 * An end's security levels from its cipher directive (`explicit`: the string's @SECLEVEL, `cipherAt`: where it is
 * written) and its image. `nginx`: the nginx release the image names, and its FROM (which decides whether @SECLEVEL
 * reaches the certificates); httpd's always does.
 */
export function opensslSecurityLevel(input: {
  openssl: LevelOpenssl;
  explicit: number | undefined;
  cipherAt: Location | undefined;
  directive: string;
  product: LevelProduct;
  nginx?: { release: string; at: Location } | undefined;
}): NginxSecurityLevel {
  const { openssl, explicit, cipherAt, directive, nginx, product } = input;
  const image = imageLevels(openssl);
  const unsettled = image.length > 1 ? unsettledImage(openssl, directive, product) : undefined;
  if (explicit === undefined || !cipherAt)
    return {
      certificates: image,
      handshake: image,
      directive,
      ...(unsettled ? { unsettled, certificatesUnsettled: unsettled } : {}),
    };
  const set: SecurityLevelCandidate = {
    level: explicit,
    origin: `@SECLEVEL=${explicit} in ${directive}`,
    at: cipherAt,
  };
  const reaches = product === 'httpd' ? true : cipherLevelAppliesToCertificates(nginx?.release);
  const certificates = unique(reaches === true ? [set] : reaches === false ? image : [set, ...image]);
  const certificatesUnsettled: Unsettled | undefined =
    certificates.length < 2
      ? undefined
      : reaches === undefined
        ? {
            why: `nginx applies @SECLEVEL of ${directive} to loading certificates from ${CIPHER_LEVEL_SINCE} only, and the tree names no nginx release`,
            todo: "Name nginx's image in a Dockerfile FROM beside the configuration",
          }
        : unsettledImage(openssl, directive, product);
  return {
    certificates,
    ...(certificatesUnsettled ? { certificatesUnsettled } : {}),
    handshake: [set],
    directive,
    ...(product === 'nginx' && reaches !== undefined && nginx
      ? { cipherLevelReachesCertificates: { value: reaches, release: nginx.release, at: nginx.at } }
      : {}),
  };
}

/** One candidate per level (the first one's origin kept). */
function unique(list: SecurityLevelCandidate[]): SecurityLevelCandidate[] {
  return list.filter((c, i) => list.findIndex((o) => o.level === c.level) === i);
}
