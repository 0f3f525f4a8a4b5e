"use strict";
/**
 * Glob matching in time linear in the path for a given pattern (O(path × pattern): a set of NFA states
 * advanced once per character), never a backtracking regular expression: patterns come from the
 * linted tree (nginx `include`, config globs) and `a*a*a*a*…b` must not take minutes.
 *
 * Syntax: `*` (a run of characters other than `/`), `?` (one such character), `[abc]`, `[a-z]`,
 * `[!x]`/`[^x]`, `**` as a whole path segment (any number of segments), `{a,b}` (alternatives, at
 * most MAX_ALTERNATIVES after expansion), `\` escapes, a leading `!` negates. Options switch off
 * what a caller's syntax lacks (nginx includes follow glob(3): no braces, no `**`).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.GlobTooComplexError = exports.MAX_PATTERN_LENGTH = exports.MAX_ALTERNATIVES = void 0;
exports.compileGlob = compileGlob;
exports.compileConfigGlob = compileConfigGlob;
const types_1 = require("./types");
/** More alternatives than this after brace expansion: the pattern is refused. */
exports.MAX_ALTERNATIVES = 256;
/** Longer patterns are refused (real ones are a few dozen characters). */
exports.MAX_PATTERN_LENGTH = 4096;
class GlobTooComplexError extends Error {
}
exports.GlobTooComplexError = GlobTooComplexError;
/** Compiles a glob into a predicate; throws GlobTooComplexError past the limits above. */
function compileGlob(pattern, options = {}) {
    if (typeof pattern !== 'string') {
        const all = pattern.map((p) => compileGlob(p, options));
        return (path) => all.some((match) => match(path));
    }
    if (pattern.length > exports.MAX_PATTERN_LENGTH)
        throw new GlobTooComplexError(`pattern longer than ${exports.MAX_PATTERN_LENGTH} characters`);
    let body = pattern;
    let negate = false;
    if (options.negation !== false && !options.starOnly) {
        while (body.startsWith('!')) {
            negate = !negate;
            body = body.slice(1);
        }
    }
    const alternatives = options.braces === false || options.starOnly ? [body] : expandBraces(body);
    // `dir/**` is the directory itself or anything below it.
    const withTails = options.starOnly || options.globstar === false ? alternatives : alternatives.flatMap(withoutTrailingGlobstars);
    const programs = withTails.map((alternative) => literalPrefix(tokenize(alternative, options)));
    const baseOnly = options.matchBase && !body.includes('/');
    const dot = options.starOnly ? true : (options.dot ?? false);
    return (path) => {
        const subject = baseOnly ? path.slice(path.lastIndexOf('/') + 1) : path;
        // The literal head is compared as a string; only the rest runs through the automaton.
        const hit = programs.some(({ prefix, tokens }) => subject.startsWith(prefix) && run(tokens, subject, dot, prefix.length));
        return hit !== negate;
    };
}
/** compileGlob for a glob from a config: a pattern past the limits is a UsageError naming where it is. */
function compileConfigGlob(pattern, options, where) {
    try {
        return compileGlob(pattern, options);
    }
    catch (error) {
        if (error instanceof GlobTooComplexError)
            throw new types_1.UsageError(`${where}: glob ${JSON.stringify(pattern).slice(0, 80)} is too complex (${error.message})`);
        throw error;
    }
}
/** `a/` + `**` (once or more) also matches `a` itself: the pattern, then each shorter form without a trailing globstar. */
function withoutTrailingGlobstars(pattern) {
    const forms = [pattern];
    for (let p = pattern; /(^|[^\\])\/\*\*$/.test(p);) {
        p = p.slice(0, -3);
        forms.push(p);
    }
    return forms;
}
/** Brace expansion without recursion: the innermost `{…}` with a comma first, until none is left. */
function expandBraces(pattern) {
    const done = [];
    const work = [pattern];
    while (work.length) {
        const current = work.pop();
        const group = innermostGroup(current);
        if (!group) {
            done.push(current);
            continue;
        }
        const [open, close, commas] = group;
        const before = current.slice(0, open);
        const after = current.slice(close + 1);
        const body = current.slice(open + 1, close);
        if (!commas.length) {
            // `{x}` without a comma is literal text.
            work.push(`${before}\\{${body}\\}${after}`);
            continue;
        }
        let start = 0;
        for (const comma of [...commas, body.length]) {
            work.push(before + body.slice(start, comma) + after);
            start = comma + 1;
        }
        if (work.length + done.length > exports.MAX_ALTERNATIVES)
            throw new GlobTooComplexError(`more than ${exports.MAX_ALTERNATIVES} alternatives after brace expansion`);
    }
    return done.reverse();
}
/** The first `}` with its nearest preceding `{` (so the group holds no other group) and its commas, skipping escapes. */
function innermostGroup(text) {
    let open = -1;
    let commas = [];
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '\\') {
            i++;
        }
        else if (ch === '{') {
            open = i;
            commas = [];
        }
        else if (ch === ',' && open !== -1) {
            commas.push(i - open - 1);
        }
        else if (ch === '}' && open !== -1) {
            return [open, i, commas];
        }
    }
    return undefined;
}
function tokenize(pattern, options) {
    const tokens = [];
    const globstar = options.globstar !== false;
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern.charAt(i);
        if (options.starOnly) {
            if (ch === '*') {
                if (tokens[tokens.length - 1]?.kind !== 'anything')
                    tokens.push({ kind: 'anything' });
            }
            else {
                tokens.push({ kind: 'char', ch });
            }
            continue;
        }
        if (ch === '\\' && i + 1 < pattern.length) {
            tokens.push({ kind: 'char', ch: pattern.charAt(++i) });
        }
        else if (ch === '?') {
            tokens.push({ kind: 'one' });
        }
        else if (ch === '*') {
            let end = i;
            while (pattern[end + 1] === '*')
                end++;
            const wholeSegment = (i === 0 || pattern[i - 1] === '/') && (end + 1 === pattern.length || pattern[end + 1] === '/');
            if (globstar && end === i + 1 && wholeSegment) {
                if (end + 1 === pattern.length) {
                    // A trailing `**` (after `/`, or the whole pattern): anything below (compileGlob adds the directory itself).
                    tokens.push({ kind: 'anything' });
                }
                else {
                    tokens.push({ kind: 'segments' });
                    end++; // the `/` belongs to the segments token
                }
            }
            else if (tokens[tokens.length - 1]?.kind !== 'star') {
                tokens.push({ kind: 'star' });
            }
            i = end;
        }
        else if (ch === '[') {
            const parsed = parseClass(pattern, i);
            if (parsed) {
                tokens.push(parsed.token);
                i = parsed.end;
            }
            else {
                tokens.push({ kind: 'char', ch });
            }
        }
        else {
            tokens.push({ kind: 'char', ch });
        }
    }
    return tokens;
}
/** Splits the leading run of literal characters off a token list (most include paths are literal up to the file name). */
function literalPrefix(tokens) {
    let prefix = '';
    let i = 0;
    for (const token of tokens) {
        if (token.kind !== 'char')
            break;
        prefix += token.ch;
        i++;
    }
    return { prefix, tokens: tokens.slice(i) };
}
function parseClass(pattern, open) {
    let i = open + 1;
    const negate = pattern[i] === '!' || pattern[i] === '^';
    if (negate)
        i++;
    let singles = '';
    const ranges = [];
    let first = true;
    for (; i < pattern.length; i++) {
        let ch = pattern.charAt(i);
        if (ch === ']' && !first)
            return { token: { kind: 'class', negate, singles, ranges }, end: i };
        first = false;
        if (ch === '\\' && i + 1 < pattern.length)
            ch = pattern.charAt(++i);
        const high = pattern[i + 2];
        if (pattern[i + 1] === '-' && high !== undefined && high !== ']') {
            ranges.push([ch, high === '\\' ? (pattern[i + 3] ?? '\\') : high]);
            i += pattern[i + 2] === '\\' ? 3 : 2;
        }
        else {
            singles += ch;
        }
    }
    return undefined;
}
function inClass(token, ch) {
    const hit = token.singles.includes(ch) || token.ranges.some(([low, high]) => ch >= low && ch <= high);
    return hit !== token.negate;
}
/** Simulates the pattern's NFA over `subject`: each state is a token index; `tokens.length` accepts. */
function run(tokens, subject, dot, from) {
    const n = tokens.length;
    const startAtSegment = from === 0 || subject[from - 1] === '/';
    // glob(3): a `.` that starts a path segment is matched only by a `.` that starts a pattern segment.
    const startsSegment = tokens.map((_, i) => {
        const previous = tokens[i - 1];
        if (previous === undefined)
            return startAtSegment;
        return previous.kind === 'segments' || (previous.kind === 'char' && previous.ch === '/');
    });
    let current = new Uint8Array(n + 1);
    let next = new Uint8Array(n + 1);
    /** Epsilon moves (only forward: one ascending sweep closes the set). Zero segments only at a segment start. */
    const close = (states, segmentStart) => {
        for (let i = 0; i < n; i++) {
            const kind = tokens[i].kind; // i < n = tokens.length (indexed: this runs per character of every path)
            if (states[i] && (kind === 'star' || kind === 'anything' || (kind === 'segments' && segmentStart)))
                states[i + 1] = 1;
        }
    };
    current[0] = 1;
    close(current, startAtSegment);
    for (let at = from; at < subject.length; at++) {
        const ch = subject.charAt(at);
        const segmentStart = at === 0 || subject[at - 1] === '/';
        const hiddenStart = !dot && segmentStart && ch === '.';
        next.fill(0);
        let any = false;
        for (let i = 0; i < n; i++) {
            if (!current[i])
                continue;
            const token = tokens[i]; // i < n = tokens.length
            switch (token.kind) {
                case 'char':
                    if (token.ch === ch && (!hiddenStart || startsSegment[i]))
                        next[i + 1] = 1;
                    break;
                case 'one':
                    if (ch !== '/' && !hiddenStart)
                        next[i + 1] = 1;
                    break;
                case 'class':
                    if (ch !== '/' && !hiddenStart && inClass(token, ch))
                        next[i + 1] = 1;
                    break;
                case 'star':
                    if (ch !== '/' && !hiddenStart)
                        next[i] = 1;
                    break;
                case 'segments':
                    if (!hiddenStart) {
                        next[i] = 1;
                        if (ch === '/')
                            next[i + 1] = 1;
                    }
                    break;
                case 'anything':
                    if (!hiddenStart)
                        next[i] = 1;
                    break;
            }
        }
        close(next, ch === '/');
        for (let i = 0; i <= n; i++)
            if (next[i])
                any = true;
        if (!any)
            return false;
        [current, next] = [next, current];
    }
    return current[n] === 1;
}
