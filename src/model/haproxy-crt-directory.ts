/**
 * Files of a `crt <directory>` that HAProxy cannot load as a certificate. HAProxy loads every regular file of the
 * directory, in alphabetical order, except names ending in .issuer, .ocsp or .sctl, and from 2.2 .key, from 2.6 hidden
 * files (the companions it reads beside a certificate; knowledge haproxy.crtDirectorySkips): "If a directory name is used instead of a PEM file, then all files found
 * in that directory will be loaded" (https://docs.haproxy.org/2.6/configuration.html#5.1-crt; src/ssl_crtlist.c
 * crtlist_load_cert_dir). A README, a DER certificate, a CSR or a serial file there stops it: measured with Debian 12's
 * HAProxy 2.6.12, `haproxy -c`: "unable to load certificate from file '<dir>/README.md'", then "Fatal errors found in
 * configuration"; subdirectories are skipped. Judged only where the tree shows the whole directory reaching that path:
 * a Compose bind mount of a tree directory by the service that also mounts this configuration (or runs an haproxy
 * image), or a Dockerfile COPY of a directory whose image also holds the configuration; a directory found by its name
 * alone may not be what is deployed, so its other files are not judged. The directory's files are those the deployment
 * lists (./listed-files.ts): an ignored one is not judged, and `--cache` sees an edit to one.
 */
import * as path from 'node:path';
import { readRegularFile } from '../core/safe-fs';
import type { Location, RelatedLocation } from '../core/types';
import { isPlaceholder, optionLocation, type HaproxyOption } from './haproxy-tls';
import type { TreeStores } from './store-files';
import type { TreeMount } from './types';
import type { ListedFiles } from './listed-files';
import type { HaproxyRelease } from './haproxy-release';
import { haproxyCrtDirectorySkips } from '../knowledge/server-releases';

/** A file HAProxy reads from a crt directory that holds no certificate. */
export interface CrtDirectoryStray {
  /** The tree file. */
  file: string;
  /** The crt option that names the directory, and the directory as HAProxy reads it (after crt-base). */
  crt: Location;
  directory: string;
  /** What puts the tree directory at that path (the bind mount, the COPY). */
  via: RelatedLocation;
  /** A .key file or a dotfile that only the release the tree names loads (later releases skip it). */
  release?: HaproxyRelease;
}

/** Names every release skips in a certificate directory: the files it loads beside a certificate. */
const SKIPPED = /\.(issuer|ocsp|sctl)$/;
/** Names the releases skip from 2.2 (`.key`) and 2.6 (dotfiles) on: haproxyCrtDirectorySkips. */
const KEY_FILE = /\.key$/;
const HIDDEN = /^\./;
const CERTIFICATE_FILE = /\.(pem|crt|cer)$/i;
/** PEM blocks OpenSSL's PEM_read_bio_X509_AUX reads as a certificate. */
const PEM_CERTIFICATE = /-----BEGIN (?:TRUSTED |X509 )?CERTIFICATE-----/;
/** A certificate file larger than this is not read: its content is not judged. */
const MAX_BYTES = 4 * 1024 * 1024;

export function crtDirectoryStrays(
  own: readonly HaproxyOption[],
  crtBase: string | undefined,
  configFile: string,
  stores: TreeStores,
  mounts: readonly TreeMount[],
  listed: ListedFiles,
  release?: HaproxyRelease,
): CrtDirectoryStray[] {
  const out: CrtDirectoryStray[] = [];
  const skips = haproxyCrtDirectorySkips(release?.value);
  // Skipped by a later release than the one the tree names: loaded only because of that release.
  const byRelease = (name: string) => KEY_FILE.test(name) || HIDDEN.test(name);
  for (const option of own) {
    if (option.keyword.value !== 'crt' && option.keyword.value !== 'default-crt') continue;
    const value = option.value?.value;
    if (value === undefined || isPlaceholder(value) || value.startsWith('@')) continue;
    const written = crtBase && !value.startsWith('/') ? path.posix.join(crtBase, value) : value;
    const directory = path.posix.normalize(written).replace(/\/+$/, '');
    if (!directory.startsWith('/') || CERTIFICATE_FILE.test(directory)) continue;
    for (const { treeDir, via, inContext } of directorySources(directory, configFile, stores, mounts, listed))
      for (const file of loadedFiles(treeDir, skips, listed))
        if (inContext(file) && holdsNoCertificate(file))
          out.push({
            file,
            crt: optionLocation(option),
            directory,
            via,
            ...(release && byRelease(path.basename(file)) ? { release } : {}),
          });
  }
  return out;
}

/** The tree directories the tree puts at `directory` where this configuration runs: mounts first (they hide a copy). */
function directorySources(
  directory: string,
  configFile: string,
  stores: TreeStores,
  mounts: readonly TreeMount[],
  listed: ListedFiles,
): { treeDir: string; via: RelatedLocation; inContext: (file: string) => boolean }[] {
  const runsConfig = (m: TreeMount) =>
    /(^|\/)haproxy(:|@|$)/.test(m.image ?? '') ||
    mounts.some(
      (o) =>
        o.file === m.file &&
        o.mount.service === m.mount.service &&
        (o.hostPath === configFile || configFile.startsWith(o.hostPath + path.sep)),
    );
  const mounted = mounts.flatMap((m) => {
    const target = path.posix.normalize(m.mount.target).replace(/\/+$/, '') || '/';
    const below =
      directory === target ? '' : directory.startsWith(target + '/') ? directory.slice(target.length + 1) : undefined;
    if (below === undefined || !m.mount.service || !runsConfig(m)) return [];
    const treeDir = path.join(m.hostPath, ...below.split('/'));
    return listed.holdsFilesUnder(treeDir)
      ? [
          {
            treeDir,
            via: {
              file: m.file,
              range: m.mount.range,
              message: `Compose service ${m.mount.service} mounts this directory at ${directory}`,
            },
            inContext: () => true,
          },
        ]
      : [];
  });
  if (mounted.length > 0) return mounted;
  const holders = new Set(stores.images?.holding(configFile).map((h) => h.dockerfile) ?? []);
  return (stores.images?.directoryCopies(directory) ?? [])
    .filter((c) => holders.has(c.by.file) && listed.holdsFilesUnder(c.treeDir))
    .map((c) => ({
      treeDir: c.treeDir,
      via: { ...c.by, message: `this COPY puts ${path.basename(c.treeDir)}/ at ${directory}` },
      inContext: c.inContext,
    }));
}

/** The listed files HAProxy loads from a directory (a symbolic link to a file is listed, as its stat follows it). */
function loadedFiles(dir: string, skips: { keyFiles: boolean; hiddenFiles: boolean }, listed: ListedFiles): string[] {
  return listed.in(dir).filter((file) => {
    const name = path.basename(file);
    return !SKIPPED.test(name) && !(skips.keyFiles && KEY_FILE.test(name)) && !(skips.hiddenFiles && HIDDEN.test(name));
  });
}

/** The file reads, and holds no PEM certificate (a README, a DER file, a CSR, a key alone). Unreadable: not judged. */
function holdsNoCertificate(file: string): boolean {
  const read = readRegularFile(file, MAX_BYTES);
  return read.ok && !PEM_CERTIFICATE.test(read.bytes.toString('latin1'));
}
