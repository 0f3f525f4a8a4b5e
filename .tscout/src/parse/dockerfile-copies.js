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
exports.substituteVariables = substituteVariables;
exports.nextWorkdir = nextWorkdir;
exports.parseCopy = parseCopy;
exports.jsonWords = jsonWords;
/**
 * Dockerfile `COPY`/`ADD` and `WORKDIR` (https://docs.docker.com/reference/dockerfile/#copy): which paths of the
 * build context (or of an earlier stage) an instruction puts where in the image. Only what the text says: the
 * files themselves are found against the tree by ./image-files.ts.
 */
const path = __importStar(require("node:path"));
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
/**
 * `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR:+word}` with the stage's variables; undefined when one has no value
 * (given at build time: `--build-arg`, or the base image's `ENV`).
 */
function substituteVariables(text, variables) {
    let unknown = false;
    const out = text.replace(/\$\{([A-Za-z_]\w*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_]\w*)/g, (_, braced, op, word, bare) => {
        const value = variables[(braced ?? bare)];
        if (op === '-')
            return value || (word ?? '');
        if (op === '+')
            return value ? (word ?? '') : '';
        if (value === undefined)
            unknown = true;
        return value ?? '';
    });
    return unknown ? undefined : out;
}
/** The working directory after `WORKDIR <dir>`: relative to the previous one; undefined when that is the base image's. */
function nextWorkdir(rest, previous, variables) {
    const written = unquote(rest.trim());
    const dir = substituteVariables(written, variables);
    if (dir === undefined || dir === '')
        return undefined;
    if (dir.startsWith('/'))
        return path.posix.normalize(dir);
    return previous === undefined ? undefined : path.posix.join(previous, dir);
}
/** `COPY [--from=…] [--chown=…] [--chmod=…] [--link] <src>… <dest>` or the JSON form `COPY ["<src>", …, "<dest>"]`. */
function parseCopy(instruction, rest, stage, workdir, variables, range, line) {
    // Continuation lines are one instruction (the comment lines between them the parser has already blanked).
    let text = rest
        .replace(/\\\r?\n/g, ' ')
        .replace(/`\r?\n/g, ' ')
        .trim();
    const flags = {};
    for (let m = /^--([a-z-]+)(?:=(\S*))?\s+/.exec(text); m; m = /^--([a-z-]+)(?:=(\S*))?\s+/.exec(text)) {
        flags[m[1]] = m[2] ?? '';
        text = text.slice(m[0].length);
    }
    // Docker reads the shell form's words with its shell lexer, quotes removed (`COPY --from=build "$HOME" "$HOME"`).
    const words = jsonWords(text) ?? text.split(/\s+/).filter(Boolean).map(unquote);
    const copy = { instruction, stage, sources: [], written: words, range, line };
    if (flags['from'] !== undefined)
        copy.from = flags['from'];
    if (words.length < 2)
        return { ...copy, unknown: 'it names no source and destination' };
    if (words.some((w) => w.startsWith('<<')))
        return { ...copy, unknown: 'its content is written in the Dockerfile' };
    const substituted = words.map((w) => substituteVariables(w, variables));
    if (substituted.some((w) => w === undefined))
        return { ...copy, unknown: 'a path uses a build argument or variable the Dockerfile gives no value' };
    const all = substituted;
    const destination = all[all.length - 1];
    const sources = all.slice(0, -1);
    copy.sources = sources;
    if (instruction === 'ADD' && sources.some((s) => REMOTE.test(s) || (copy.from === undefined && ARCHIVE.test(s))))
        return { ...copy, unknown: 'ADD fetches a URL or extracts an archive' };
    if (destination.startsWith('/'))
        copy.destination = keepSlash(path.posix.normalize(destination), destination);
    else if (workdir !== undefined)
        copy.destination = keepSlash(path.posix.join(workdir, destination), destination);
    else
        return { ...copy, unknown: "its destination is relative to the base image's working directory" };
    return copy;
}
function keepSlash(normalised, written) {
    // `.`, `..` and a trailing `/` name a directory.
    return (written.endsWith('/') || /(^|\/)\.{1,2}$/.test(written)) && !normalised.endsWith('/')
        ? normalised + '/'
        : normalised;
}
function unquote(word) {
    return /^(["']).*\1$/.test(word) ? word.slice(1, -1) : word;
}
/** The JSON (exec) form's words, when it is one. */
function jsonWords(text) {
    if (!text.startsWith('['))
        return undefined;
    try {
        const parsed = JSON.parse(text);
        return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
