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
exports.dockerignoreFormat = exports.DOCKERIGNORE_KIND = void 0;
exports.dockerignoreExcluding = dockerignoreExcluding;
exports.dockerignoreExcludes = dockerignoreExcludes;
/**
 * `.dockerignore` files: which files of a build context a `COPY`/`ADD` cannot take (./image-files.ts). Docker reads
 * the Dockerfile's own `<Dockerfile>.dockerignore` beside it, else the `.dockerignore` at the root of the context
 * (https://docs.docker.com/build/concepts/context/#dockerignore-files). A file it excludes is not in the context:
 * a COPY of a directory leaves it out, a COPY that names it fails the build.
 * Lines and patterns as moby/patternmatcher reads them (github.com/moby/patternmatcher@5a6d842, Apache-2.0):
 * ignorefile.ReadAll drops `#` lines (column 1) and blank ones, trims, takes a leading `!` as an exception, cleans the
 * path and drops a leading `/`; PatternMatcher.MatchesOrParentMatches lets the last pattern that matches the path or
 * one of its parent directories decide; Pattern.compile turns `*` and `?` into one-segment wildcards and `**` into
 * any number of segments.
 */
const path = __importStar(require("node:path"));
const path_name_1 = require("../core/path-name");
const text_1 = require("./text");
/** The kind of `.dockerignore` documents. */
exports.DOCKERIGNORE_KIND = 'dockerignore';
exports.dockerignoreFormat = {
    id: 'dockerignore',
    classify(filePath) {
        const name = (0, path_name_1.lastPathSegment)(filePath);
        return name === '.dockerignore' || (name.endsWith('.dockerignore') && name.length > '.dockerignore'.length)
            ? exports.DOCKERIGNORE_KIND
            : undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        const comments = [];
        const problems = [];
        const patterns = [];
        let refused;
        let offset = 0;
        for (const line of file.text.split('\n')) {
            const start = offset;
            offset += line.length + 1;
            if (line.startsWith('#')) {
                comments.push({ text: line.slice(1), range: index.rangeAt(start, start + line.length) });
                continue;
            }
            let written = line.trim();
            if (!written)
                continue;
            const exception = written.startsWith('!');
            if (exception)
                written = written.slice(1).trim();
            const pattern = cleanPattern(written);
            const match = pattern === undefined ? undefined : compilePattern(pattern);
            if (pattern === undefined || !match) {
                refused ??= line.trim();
                problems.push({
                    code: 'dockerignore-pattern',
                    message: "Docker refuses the .dockerignore pattern '{{pattern}}': the build stops before any COPY",
                    data: { pattern: line.trim() },
                    range: index.rangeAt(start, start + line.length),
                    severity: 'info',
                });
                continue;
            }
            patterns.push({ pattern, exception, match, range: index.rangeAt(start, start + line.trimEnd().length) });
        }
        return {
            file,
            kind,
            entries: [],
            comments,
            problems,
            data: { patterns, ...(refused !== undefined ? { refused } : {}) },
        };
    },
};
/** filepath.Clean of the pattern, then no leading `/` (ignorefile.ReadAll); undefined for a lone `!`. */
function cleanPattern(written) {
    if (!written)
        return undefined;
    const cleaned = path.posix.normalize(written).replace(/\/+$/, '') || '/';
    return cleaned.length > 1 && cleaned.startsWith('/') ? cleaned.slice(1) : cleaned === '.' ? '.' : cleaned;
}
/**
 * Pattern.compile and Pattern.match of moby/patternmatcher (on `/`): an exact path, `prefix/**` (a prefix), `**`
 * first with nothing else wild (a suffix, or the path without its `/`), else a regular expression. Undefined when the
 * pattern has a character class Go's filepath.Match refuses (an unclosed `[`).
 */
function compilePattern(pattern) {
    let re = '^';
    let type = 'exact';
    let inClass = false;
    for (let i = 0, n = 0; i < pattern.length; i++, n++) {
        const ch = pattern[i];
        if (ch === '*') {
            if (pattern[i + 1] === '*') {
                i++;
                if (pattern[i + 1] === '/')
                    i++;
                if (i + 1 >= pattern.length) {
                    if (type === 'exact')
                        type = 'prefix';
                    else {
                        re += '.*';
                        type = 'regexp';
                    }
                }
                else {
                    re += '(.*/)?';
                    type = 'regexp';
                }
                if (n === 0)
                    type = 'suffix';
            }
            else {
                re += '[^/]*';
                type = 'regexp';
            }
        }
        else if (ch === '?') {
            re += '[^/]';
            type = 'regexp';
        }
        else if ('.+()|{}$'.includes(ch))
            re += `\\${ch}`;
        else if (ch === '\\') {
            if (i + 1 < pattern.length) {
                re += `\\${pattern[++i]}`;
                type = 'regexp';
            }
            else
                re += '\\\\';
        }
        else if (ch === '[' || ch === ']') {
            inClass = ch === '[';
            re += ch;
            type = 'regexp';
        }
        else
            re += ch;
    }
    if (inClass)
        return undefined;
    if (type === 'exact')
        return (p) => p === pattern;
    if (type === 'prefix')
        return (p) => p.startsWith(pattern.slice(0, -2));
    if (type === 'suffix') {
        const suffix = pattern.slice(2);
        return (p) => p.endsWith(suffix) || (suffix.startsWith('/') && p === suffix.slice(1));
    }
    let regexp;
    try {
        regexp = new RegExp(`${re}$`);
    }
    catch {
        return undefined;
    }
    return (p) => regexp.test(p);
}
/**
 * The pattern that leaves out of the context a file at `relative` (`/`-separated, from the context root), or undefined
 * when the context holds it: the last pattern that matches it or one of its parent directories decides, an exception
 * taking it back (MatchesOrParentMatches).
 */
function dockerignoreExcluding(patterns, relative) {
    const dirs = relative.split('/').slice(0, -1);
    let excluding;
    for (const p of patterns) {
        if (p.exception !== (excluding !== undefined))
            continue;
        let match = p.match(relative);
        for (let i = 1; !match && i <= dirs.length; i++)
            match = p.match(dirs.slice(0, i).join('/'));
        if (match)
            excluding = p.exception ? undefined : p;
    }
    return excluding;
}
/** Whether the context leaves out a file at `relative` (dockerignoreExcluding). */
function dockerignoreExcludes(patterns, relative) {
    return dockerignoreExcluding(patterns, relative) !== undefined;
}
