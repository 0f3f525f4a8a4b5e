"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_INCLUDED_DIRECTIVES = void 0;
exports.byReadingOrder = byReadingOrder;
exports.includeResolver = includeResolver;
const path = __importStar(require("node:path"));
const glob_1 = require("../core/glob");
const dir_tree_1 = require("../core/dir-tree");
const work_1 = require("../core/work");
/** Characters that make an include path a glob; without them it names one file. */
const GLOB_CHARS = /[*?[\]\\]/;
/**
 * Directives one top-level file may gather through includes: `include *.conf` in every file of a
 * directory multiplies (3 files including each other twice: millions); past this the rest of the
 * includes are not expanded and the file gets a warning.
 */
exports.MAX_INCLUDED_DIRECTIVES = 20_000;
/**
 * The matcher for one include candidate: plain equality for a path without glob characters (almost
 * every include), else glob(3) syntax as nginx uses it (no braces, no `**`) in linear time
 * (src/core/glob.ts). The directories before the first glob character (the deployment's root, another in
 * every deployment of a fleet) are compared as a string and only the rest (`conf.d/*.conf`) is compiled,
 * once per distinct rest and run (`memo`, the run's).
 */
function includeMatcher(pattern, memo) {
    const firstGlob = pattern.search(GLOB_CHARS);
    if (firstGlob < 0)
        return (file) => file === pattern;
    if (pattern.length > glob_1.MAX_PATTERN_LENGTH)
        return () => false;
    // Cut after a `/`: the rest starts a path segment as it did in the whole pattern (glob(3)'s hidden `.`).
    const cut = pattern.lastIndexOf('/', firstGlob) + 1;
    const rest = pattern.slice(cut);
    const match = memo.get('nginx include glob', rest, () => {
        try {
            return (0, glob_1.compileGlob)(rest, { braces: false, globstar: false, negation: false });
        }
        catch {
            return () => false;
        }
    });
    if (cut === 0)
        return match;
    const dir = pattern.slice(0, cut);
    const matchRest = match;
    return (file) => file.startsWith(dir) && matchRest(file.slice(cut));
}
/**
 * Paths in the order httpd and nginx read the files one include matches: each directory level by name in byte order
 * (httpd's ap_dir_fnmatch sorts with strcmp; nginx's glob(3) sorts in the C locale, nginx never sets another).
 */
function byReadingOrder(a, b) {
    const [x, y] = [a.split(path.sep), b.split(path.sep)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const [p, q] = [x[i] ?? '', y[i] ?? ''];
        // UTF-16 order is UTF-8 byte order but for code points from U+E000 against those past U+FFFF: not in file names.
        if (p !== q)
            return p < q ? -1 : 1;
    }
    return x.length - y.length;
}
const inReadingOrder = (a, b) => byReadingOrder(a.file.path, b.file.path);
/** The documents whose directory shares the deepest ancestor with `from`'s. */
function nearestTo(from, docs) {
    const own = path.dirname(from).split(path.sep);
    const depth = (d) => {
        const other = path.dirname(d.file.path).split(path.sep);
        let n = 0;
        while (n < own.length && n < other.length && own[n] === other[n])
            n++;
        return n;
    };
    const depths = docs.map(depth);
    const best = Math.max(...depths);
    return docs.filter((_, i) => depths[i] === best);
}
/**
 * The files of the tree an `include` names, by the including file: relative to it, else to each of `prefixes` (for
 * nginx the directory of an nginx.conf, the prefix nginx runs with; httpd's ServerRoot); an absolute (installed) path
 * by its longest suffix in the tree, nearest to the including file. Each (pattern, file) resolves once.
 */
function includeResolver(docs, root, memo, prefixes = docs
    .filter((d) => path.basename(d.file.path) === 'nginx.conf')
    .map((d) => path.dirname(d.file.path))) {
    // The same include in the same file always resolves alike: once per (pattern, file).
    const resolvedIncludes = new Map();
    const resolveInclude = (pattern, from) => {
        const key = `${from}\u0000${pattern}`;
        let found = resolvedIncludes.get(key);
        if (!found)
            resolvedIncludes.set(key, (found = resolveIncludeUncached(pattern, from)));
        return found;
    };
    // The documents by file name and by directory name: an include is matched against those that can
    // match it, not against every nginx file of the deployment (O(files²) in one that holds many hosts).
    const byName = new Map();
    const byDirName = new Map();
    const push = (map, key, doc) => {
        const list = map.get(key);
        if (list)
            list.push(doc);
        else
            map.set(key, [doc]);
    };
    for (const doc of docs) {
        push(byName, path.basename(doc.file.path), doc);
        push(byDirName, path.basename(path.dirname(doc.file.path)), doc);
    }
    const docsNamedLike = (candidate) => {
        const name = path.basename(candidate);
        if (!GLOB_CHARS.test(name))
            return byName.get(name) ?? [];
        const dirName = path.basename(path.dirname(candidate));
        return GLOB_CHARS.test(dirName) ? docs : (byDirName.get(dirName) ?? []);
    };
    const matchesFrom = (files) => ({
        files,
        paths: new Set(files.map((d) => d.file.path)),
        tree: new dir_tree_1.DirectoryTree(files, (d) => path.dirname(d.file.path), path.sep),
    });
    /**
     * The files whose `part` (their path, or its last segments) matches `pattern`, among those named like `candidate`, with
     * their directory tree: once per key, the same for every including file.
     */
    const matched = new Map();
    const matchesBy = (key, pattern, candidate, part) => {
        let found = matched.get(key);
        if (!found) {
            const match = includeMatcher(pattern, memo);
            const pool = docsNamedLike(candidate);
            (0, work_1.countWork)('nginx include candidates', pool.length);
            matched.set(key, (found = matchesFrom(pool.filter((d) => {
                const text = part(d);
                return text !== undefined && match(text);
            }))));
        }
        return found;
    };
    const posix = (p) => p.split(path.sep).join('/');
    /** The files a candidate path (or glob) matches. */
    const matchesOf = (candidate) => matchesBy(candidate, posix(candidate), candidate, (d) => posix(d.file.path));
    /**
     * The files of the tree whose path ends with `suffix` (segments of an installed path, the last may be a glob), at
     * any depth below the root, the root itself included: `conf.d/*.conf` finds `<root>/conf.d/a.conf` and
     * `<root>/svc/web/nginx/conf.d/a.conf` alike.
     */
    const endingWith = (suffix) => matchesBy(`\u0000${suffix.join('/')}`, suffix.join('/'), suffix.join(path.sep), (d) => {
        const segments = path.relative(root, d.file.path).split(path.sep);
        return segments.length >= suffix.length ? segments.slice(-suffix.length).join('/') : undefined;
    });
    const resolveIncludeUncached = (pattern, from) => {
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
                    ? nearestTo(from, files.filter((d) => d.file.path !== from))
                    : tree.lookup(path.dirname(from)).nearest;
                if (found.length)
                    return [...found].sort(inReadingOrder);
            }
            return [];
        }
        // Relative to the including file, else to a prefix (the directory of an nginx.conf, httpd's ServerRoot).
        for (const dir of [path.dirname(from), ...prefixes]) {
            const found = matchesOf(path.resolve(dir, pattern)).files.filter((d) => d.file.path !== from);
            if (found.length)
                return found.sort(inReadingOrder);
        }
        return [];
    };
    return resolveInclude;
}
