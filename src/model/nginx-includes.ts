import * as path from 'node:path';
import { compileGlob, MAX_PATTERN_LENGTH } from '../core/glob';
import { DirectoryTree } from '../core/dir-tree';
import { countWork } from '../core/work';
import { nearestAll } from '../core/nearest-files';
import type { RunMemo } from '../core/run-memo';
import { posixPath } from '../core/posix-path';

/** Characters that make an include path a glob; without them it names one file. */
const GLOB_CHARS = /[*?[\]\\]/;
/**
 * Directives one top-level file may gather through includes: `include *.conf` in every file of a
 * directory multiplies (3 files including each other twice: millions); past this the rest of the
 * includes are not expanded and the file gets a warning.
 */
export const MAX_INCLUDED_DIRECTIVES = 20_000;

/**
 * The matcher for one include candidate: plain equality for a path without glob characters (almost
 * every include), else glob(3) syntax as nginx uses it (no braces, no `**`) in linear time
 * (src/core/glob.ts). The directories before the first glob character (the deployment's root, another in
 * every deployment of a fleet) are compared as a string and only the rest (`conf.d/*.conf`) is compiled,
 * once per distinct rest and run (`memo`, the run's).
 */
function includeMatcher(pattern: string, memo: RunMemo): (file: string) => boolean {
  const firstGlob = pattern.search(GLOB_CHARS);
  if (firstGlob < 0) return (file) => file === pattern;
  if (pattern.length > MAX_PATTERN_LENGTH) return () => false;
  // Cut after a `/`: the rest starts a path segment as it did in the whole pattern (glob(3)'s hidden `.`).
  const cut = pattern.lastIndexOf('/', firstGlob) + 1;
  const rest = pattern.slice(cut);
  const match = memo.get('nginx include glob', rest, (): ((file: string) => boolean) => {
    try {
      return compileGlob(rest, { braces: false, globstar: false, negation: false });
    } catch {
      return () => false;
    }
  });
  if (cut === 0) return match;
  const dir = pattern.slice(0, cut);
  const matchRest = match;
  return (file) => file.startsWith(dir) && matchRest(file.slice(cut));
}

/**
 * Paths in the order httpd and nginx read the files one include matches: each directory level by name in byte order
 * (httpd's ap_dir_fnmatch sorts with strcmp; nginx's glob(3) sorts in the C locale, nginx never sets another).
 */
export function byReadingOrder(a: string, b: string): number {
  const [x, y] = [a.split(path.sep), b.split(path.sep)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? '', y[i] ?? ''];
    // UTF-16 order is UTF-8 byte order but for code points from U+E000 against those past U+FFFF: not in file names.
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}
/** What an include resolves among: a parsed document, or a file of the tree not read yet. */
export interface IncludeCandidate {
  readonly file: { readonly path: string };
}

const inReadingOrder = (a: IncludeCandidate, b: IncludeCandidate) => byReadingOrder(a.file.path, b.file.path);

/** Directories the standard layouts keep right under the prefix: /etc/nginx/conf.d, /etc/apache2/sites-enabled. */
const UNDER_PREFIX = new Set(['conf.d', 'sites-enabled', 'sites-available', 'http.d', 'templates']);

/**
 * The prefix a file's place implies: nginx and httpd resolve a relative include against their prefix (nginx's conf
 * prefix, httpd's ServerRoot), not the including file, and a file kept in `conf.d/` or `sites-enabled/` (or the official
 * nginx image's `templates/`, rendered into the prefix) sits right under it. So a tree without the main configuration
 * file (`config/conf.d/default.conf` that says `include ssl_config.inc;`, deskoh/docker-nginx-mtls) still resolves
 * `config/ssl_config.inc`.
 */
function layoutPrefix(from: string): string[] {
  const dir = path.dirname(from);
  return UNDER_PREFIX.has(path.basename(dir)) ? [path.dirname(dir)] : [];
}

/** The prefixes nginx runs with, as the tree shows them: the directory of each nginx.conf. */
export function nginxPrefixes(docs: readonly IncludeCandidate[]): string[] {
  return docs.filter((d) => path.basename(d.file.path) === 'nginx.conf').map((d) => path.dirname(d.file.path));
}

/**
 * The files of the tree an `include` names, by the including file: relative to it, else to each of `prefixes` (for
 * nginx the directory of an nginx.conf, the prefix nginx runs with; httpd's ServerRoot); an absolute (installed) path
 * by its longest suffix in the tree, nearest to the including file. Each (pattern, file) resolves once.
 */
export function includeResolver<Doc extends IncludeCandidate>(
  docs: Doc[],
  root: string,
  memo: RunMemo,
  prefixes: string[] = nginxPrefixes(docs),
): (pattern: string, from: string) => Doc[] {
  // The same include in the same file always resolves alike: once per (pattern, file).
  const resolvedIncludes = new Map<string, Doc[]>();
  const resolveInclude = (pattern: string, from: string): Doc[] => {
    const key = `${from}\u0000${pattern}`;
    let found = resolvedIncludes.get(key);
    if (!found) resolvedIncludes.set(key, (found = resolveIncludeUncached(pattern, from)));
    return found;
  };
  // The documents by file name and by directory name: an include is matched against those that can
  // match it, not against every nginx file of the deployment (O(files²) in one that holds many hosts).
  const byName = new Map<string, Doc[]>();
  const byDirName = new Map<string, Doc[]>();
  const push = (map: Map<string, Doc[]>, key: string, doc: Doc) => {
    const list = map.get(key);
    if (list) list.push(doc);
    else map.set(key, [doc]);
  };
  for (const doc of docs) {
    push(byName, path.basename(doc.file.path), doc);
    push(byDirName, path.basename(path.dirname(doc.file.path)), doc);
  }
  const docsNamedLike = (candidate: string): Doc[] => {
    const name = path.basename(candidate);
    if (!GLOB_CHARS.test(name)) return byName.get(name) ?? [];
    const dirName = path.basename(path.dirname(candidate));
    return GLOB_CHARS.test(dirName) ? docs : (byDirName.get(dirName) ?? []);
  };
  type Matches = { files: Doc[]; paths: Set<string>; tree: DirectoryTree<Doc> };
  const matchesFrom = (files: Doc[]): Matches => ({
    files,
    paths: new Set(files.map((d) => d.file.path)),
    tree: new DirectoryTree(files, (d) => path.dirname(d.file.path), path.sep),
  });
  /**
   * The files whose `part` (their path, or its last segments) matches `pattern`, among those named like `candidate`, with
   * their directory tree: once per key, the same for every including file.
   */
  const matched = new Map<string, Matches>();
  const matchesBy = (key: string, pattern: string, candidate: string, part: (d: Doc) => string | undefined) => {
    let found = matched.get(key);
    if (!found) {
      const match = includeMatcher(pattern, memo);
      const pool = docsNamedLike(candidate);
      countWork('nginx include candidates', pool.length);
      matched.set(
        key,
        (found = matchesFrom(
          pool.filter((d) => {
            const text = part(d);
            return text !== undefined && match(text);
          }),
        )),
      );
    }
    return found;
  };
  const posix = (p: string) => posixPath(p);
  /** The files a candidate path (or glob) matches. */
  const matchesOf = (candidate: string): Matches =>
    matchesBy(candidate, posix(candidate), candidate, (d) => posix(d.file.path));
  /**
   * The files of the tree whose path ends with `suffix` (segments of an installed path, the last may be a glob), at
   * any depth below the root, the root itself included: `conf.d/*.conf` finds `<root>/conf.d/a.conf` and
   * `<root>/svc/web/nginx/conf.d/a.conf` alike.
   */
  const endingWith = (suffix: string[]): Matches =>
    matchesBy(`\u0000${suffix.join('/')}`, suffix.join('/'), suffix.join(path.sep), (d) => {
      const segments = path.relative(root, d.file.path).split(path.sep);
      return segments.length >= suffix.length ? segments.slice(-suffix.length).join('/') : undefined;
    });
  const resolveIncludeUncached = (pattern: string, from: string): Doc[] => {
    if (path.isAbsolute(pattern)) {
      // An installed path (`/etc/nginx/conf.d/*.conf`) maps to the files of the tree that end with its
      // longest suffix (`deploy/nginx/conf.d/a.conf`); a glob file name alone (`*.conf`) maps to nothing.
      const parts = pattern.split('/').filter(Boolean);
      const last = /[*?[{]/.test(parts.at(-1) ?? '') ? parts.length - 2 : parts.length - 1;
      for (let k = 0; k <= last; k++) {
        const { files, paths, tree } = endingWith(parts.slice(k));
        // Of the tree's files that end alike (one per host of a deployment that holds several nginx
        // hosts), those nearest to the including file: an installed path names its own host's files.
        const found = paths.has(from)
          ? nearestAll(
              from,
              files.filter((d) => d.file.path !== from),
              (d) => d.file.path,
            )
          : tree.lookup(path.dirname(from)).nearest;
        if (found.length) return [...found].sort(inReadingOrder);
      }
      return [];
    }
    // Relative to the including file, else to a prefix (the directory of an nginx.conf, httpd's ServerRoot), else to
    // the prefix the standard layout implies.
    for (const dir of [path.dirname(from), ...prefixes, ...layoutPrefix(from)]) {
      const found = matchesOf(path.resolve(dir, pattern)).files.filter((d) => d.file.path !== from);
      if (found.length) return found.sort(inReadingOrder);
    }
    return [];
  };
  return resolveInclude;
}
