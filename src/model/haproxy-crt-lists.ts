/**
 * The certificates a `bind … ssl` line loads, in the order HAProxy declares them (the first is the default certificate,
 * doc/configuration.txt `crt-list`): its `default-crt`, then each `crt` and `crt-list` as written, a crt-list read
 * from the tree when it is there (src/ssl_crtlist.c crtlist_parse_file). Paths in a crt-list are joined to
 * `crt-base` like a `crt`; the crt-list's own path is not (bind_parse_crt_list opens it as written).
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import type { CrtListData } from '../parse/haproxy-crt-list';
import type { HaproxyPath } from './attributes';
import { isPlaceholder, optionLocation, type HaproxyOption } from './haproxy-tls';
import { filesAsStores, resolveStoreFile, type TreeStores } from './store-files';

/** Options of a crt-list line that change the handshake of the certificates on it (sslbindconf). */
const HANDSHAKE_OPTIONS = new Set(['ciphers', 'ciphersuites', 'ssl-min-ver', 'ssl-max-ver', 'curves', 'sigalgs']);

export interface BindCertificates {
  /** Certificate files in declaration order (placeholders and crt-store references left out). */
  files: HaproxyPath[];
  /** The crt-lists found in the tree. */
  lists: ParsedDocument<CrtListData>[];
  /** crt-list lines that set their own protocols or ciphers: the bind's handshake then depends on the SNI. */
  perCertificateTls: Location[];
  /** `verify optional|required` of crt-list lines that name no ca-file (nor ca-verify-file) of their own. */
  verifyWithoutCaFile: Location[];
}

const joined = (value: string, base: string | undefined) =>
  base && !value.startsWith('/') && !isPlaceholder(value) ? path.posix.join(base, value) : value;

export function bindCertificates(
  own: readonly HaproxyOption[],
  crtBase: string | undefined,
  crtLists: readonly ParsedDocument<CrtListData>[],
  configFile: string,
  stores: TreeStores,
): BindCertificates {
  const out: BindCertificates = { files: [], lists: [], perCertificateTls: [], verifyWithoutCaFile: [] };
  const ordered = [
    ...own.filter((o) => o.keyword.value === 'default-crt'),
    ...own.filter((o) => o.keyword.value === 'crt' || o.keyword.value === 'crt-list'),
  ];
  for (const option of ordered) {
    const value = option.value?.value;
    // `@store/name`: a certificate of a crt-store section (HAProxy 3.0+), not a file.
    if (value === undefined || isPlaceholder(value) || value.startsWith('@')) continue;
    if (option.keyword.value !== 'crt-list') {
      const written = joined(value, crtBase);
      const inDirectory = crtDirectoryFiles(written, configFile, stores);
      for (const file of inDirectory ?? [written]) out.files.push({ value: file, location: optionLocation(option) });
      continue;
    }
    const list = crtListNamed(value, configFile, crtLists);
    if (!list) continue;
    out.lists.push(list);
    for (const entry of list.data.entries) {
      const certificate = entry.certificate.value;
      if (!isPlaceholder(certificate) && !certificate.startsWith('@'))
        out.files.push({
          value: joined(certificate, crtBase),
          location: { file: list.file.path, range: entry.certificate.range },
        });
      const tls = entry.options.find((w) => HANDSHAKE_OPTIONS.has(w.value));
      if (tls) out.perCertificateTls.push({ file: list.file.path, range: tls.range });
      const verify = entry.options.findIndex((w) => w.value === 'verify');
      const mode = entry.options[verify + 1];
      const ownCa = entry.options.some((w) => w.value === 'ca-file' || w.value === 'ca-verify-file');
      if (verify >= 0 && mode && (mode.value === 'optional' || mode.value === 'required') && !ownCa)
        out.verifyWithoutCaFile.push({
          file: list.file.path,
          range: { start: entry.options[verify]!.range.start, end: mode.range.end }, // verify >= 0
        });
    }
  }
  return out;
}

/**
 * The tree's PEM files a `crt <directory>` loads, when the path names a directory rather than a file: the PEM files a
 * Dockerfile copies into that directory of its image, else those of the tree directory the path resolves to as a store
 * path does (its last two segments), else of the directory of that name at or below the configuration's (deployed
 * together, as `certs/` beside `haproxy.cfg` for `/usr/local/etc/haproxy/certs/`). HAProxy loads every regular file of
 * the directory in alphabetical order (scandir with alphasort), the first being the default certificate, except
 * hidden files and names ending in .issuer, .ocsp, .sctl or .key (haproxy/haproxy src/ssl_crtlist.c
 * crtlist_load_cert_dir). Undefined when the path is a file, or a directory the tree does not show.
 */
function crtDirectoryFiles(written: string, configFile: string, stores: TreeStores): string[] | undefined {
  const directory = written.replace(/\/+$/, '');
  const configDir = path.dirname(configFile);
  if (!directory || CERTIFICATE_FILE.test(directory) || resolveStoreFile(written, [configDir], stores))
    return undefined;
  const pems = stores.files.filter((f) => stores.typeOf(f) === 'PEM' && !NOT_A_CERTIFICATE.test(path.basename(f)));
  const inImage = pems.filter((f) =>
    stores.images?.holding(f).some((h) => path.posix.dirname(h.containerPath) === directory),
  );
  if (inImage.length > 0) return inImage.sort(byName);
  const directories = [...new Set(pems.map((f) => path.dirname(f)))];
  const name = path.posix.basename(directory);
  const inTree =
    resolveStoreFile(directory, [configDir], filesAsStores(directories, 'directory')) ??
    directories.find((d) => (d === configDir || d.startsWith(configDir + path.sep)) && path.basename(d) === name);
  return inTree ? pems.filter((f) => path.dirname(f) === inTree).sort(byName) : undefined;
}

const CERTIFICATE_FILE = /\.(pem|crt|cer)$/i;
/** Names HAProxy skips in a certificate directory: the files it loads beside a certificate, and hidden files. */
const NOT_A_CERTIFICATE = /^\.|\.(issuer|ocsp|sctl|key)$/;
/** alphasort in the C locale: byte order of the names. */
const byName = (a: string, b: string) => {
  const [x, y] = [path.basename(a), path.basename(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The tree's crt-list a `crt-list` option names: the path resolved as a store path is (its last two segments, or
 * below the configuration's directory), else the crt-list of that file name beside the configuration (deployed
 * together: `/usr/local/etc/haproxy/crt-list.txt` for the `crt-list.txt` next to `haproxy.cfg`).
 */
function crtListNamed(
  written: string,
  configFile: string,
  crtLists: readonly ParsedDocument<CrtListData>[],
): ParsedDocument<CrtListData> | undefined {
  const dir = path.dirname(configFile);
  const files = crtLists.map((d) => d.file.path);
  const file =
    resolveStoreFile(written, [dir], filesAsStores(files, 'crt-list')) ??
    files.find((f) => path.dirname(f) === dir && path.basename(f) === path.posix.basename(written));
  return crtLists.find((d) => d.file.path === file);
}
