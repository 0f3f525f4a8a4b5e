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
exports.LintCache = exports.CACHE_FORMAT = void 0;
exports.cacheKey = cacheKey;
exports.resolveCacheFile = resolveCacheFile;
exports.cacheSigningKey = cacheSigningKey;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const config_1 = require("../../core/config");
const node_crypto_1 = require("../../core/node-crypto");
const types_1 = require("../../core/types");
const safe_fs_1 = require("../../core/safe-fs");
const read_1 = require("../run/read");
/**
 * `--cache` (ESLint-style): a deployment whose files did not change since the last run is not
 * parsed or checked again; its findings come from the cache file. The whole cache is keyed by
 * tool version + configuration + rule set (`cacheKey`); a cache written under another key, or one
 * that does not parse or has the wrong shape, is ignored (and rewritten), never trusted.
 * Each entry is keyed by the content hash of its deployment and signed with a key kept outside the
 * tree (`cacheSigningKey`): a cache file committed to the linted tree cannot forge an entry, and an
 * entry that does not verify or has a damaged shape is a miss (recomputed), never a crash.
 */
exports.CACHE_FORMAT = 'lint-deploy-cache/1';
/** Signs entries when no key is given: a cache then verifies only within this process (made on first use). */
let processSigningKey;
/** What a cache file linked to /dev/zero (or grown without bound) can cost at most. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
class LintCache {
    file;
    key;
    strategy;
    signingKey;
    explicit;
    entries = Object.create(null);
    used = new Set();
    hits = 0;
    misses = 0;
    rejected;
    constructor(file, key, strategy = 'content', 
    /** Secret that signs entries (`cacheSigningKey`); never stored in the cache file. */
    signingKey = (processSigningKey ??= (0, node_crypto_1.nodeCrypto)().randomBytes(32).toString('hex')), 
    /** The user named the cache path (`--cache-location`): a symbolic link there is followed. */
    explicit = false) {
        this.file = file;
        this.key = key;
        this.strategy = strategy;
        this.signingKey = signingKey;
        this.explicit = explicit;
        this.rejected = this.load();
    }
    load() {
        const read = (0, safe_fs_1.readRegularFile)(this.file, MAX_CACHE_BYTES, { noFollow: !this.explicit });
        if (!read.ok)
            return read.reason === 'missing' ? 'missing' : 'unreadable';
        let data;
        try {
            data = JSON.parse(read.bytes.toString('utf8'));
        }
        catch {
            return 'corrupt';
        }
        if (!isRecord(data) || data.format !== exports.CACHE_FORMAT || !isRecord(data.entries) || typeof data.key !== 'string')
            return 'corrupt';
        if (data.key !== this.key || data.strategy !== this.strategy)
            return 'stale';
        this.entries = Object.assign(Object.create(null), data.entries);
        return undefined;
    }
    /** HMAC of an entry under the signing key: a cache file written by anyone without the key never checks. */
    mac(root, entry) {
        return (0, node_crypto_1.nodeCrypto)()
            .createHmac('sha256', this.signingKey)
            .update(JSON.stringify([this.key, root, entry.hash, entry.fileCount, entry.findings]))
            .digest('hex');
    }
    /** The deployment's files minus the cache file itself (it would change every deployment that holds it). */
    withoutOwnFiles(files) {
        const temporaryPrefix = path.join(path.dirname(this.file), `.${path.basename(this.file)}.`);
        const own = (f) => f === this.file ||
            (f.startsWith(`${this.file}.`) && f.endsWith('.tmp')) ||
            (f.startsWith(temporaryPrefix) && f.endsWith('.tmp'));
        return files.some(own) ? files.filter((f) => !own(f)) : files;
    }
    /** Hash of a deployment: its root, then each file's path and bytes (or size and mtime), in order. */
    hashDeployment(root, files) {
        const hash = (0, node_crypto_1.nodeCrypto)().createHash('sha256');
        hash.update(`${root}\0${files.length}\0`);
        for (const file of files) {
            hash.update(`${path.relative(root, file)}\0`);
            try {
                const stat = fs.statSync(file);
                // A special file or one too large to be read is never opened here either (a FIFO would block).
                if (this.strategy === 'metadata' || !stat.isFile() || stat.size > read_1.MAX_FILE_BYTES) {
                    hash.update(`${stat.isFile() ? 'f' : 'x'}${stat.size}:${stat.mtimeMs}`);
                }
                else {
                    hash.update(fs.readFileSync(file));
                }
            }
            catch (error) {
                hash.update(`!${error.code ?? 'error'}`);
            }
            hash.update('\0');
        }
        return hash.digest('hex');
    }
    /** The cached result for this deployment when its hash matches and the entry is well-formed. */
    get(root, hash) {
        const entry = this.entries[root];
        if (entry &&
            entry.hash === hash &&
            isValidEntry(entry) &&
            typeof entry.mac === 'string' &&
            macEquals(entry.mac, this.mac(root, entry))) {
            this.hits++;
            this.used.add(root);
            return entry;
        }
        this.misses++;
        return undefined;
    }
    set(root, entry) {
        this.entries[root] = { ...entry, mac: this.mac(root, entry) };
        this.used.add(root);
    }
    /**
     * Writes the cache atomically (temporary file + rename). Entries of deployments this run did
     * not visit are kept (another shard or path may need them). Never throws: a cache that cannot be
     * written only costs time next run.
     */
    save() {
        const data = { format: exports.CACHE_FORMAT, key: this.key, strategy: this.strategy, entries: this.entries };
        try {
            (0, safe_fs_1.writeFileAtomic)(this.file, JSON.stringify(data), { explicit: this.explicit, what: 'cache' });
            return true;
        }
        catch (error) {
            this.saveError = error instanceof types_1.UsageError ? error.message : String(error);
            return false;
        }
    }
    /** Why the last save() failed (one line). */
    saveError;
}
exports.LintCache = LintCache;
/**
 * The key that invalidates the whole cache: tool version, the resolved config, CLI overrides and
 * every rule's id, severity and default options, plus size+mtime of local plugin modules.
 */
function cacheKey(parts) {
    const plugins = (parts.plugins ?? []).map((p) => {
        if (!path.isAbsolute(p))
            return p;
        try {
            const stat = fs.statSync(p);
            return `${p}:${stat.size}:${stat.mtimeMs}`;
        }
        catch {
            return `${p}:missing`;
        }
    });
    const text = JSON.stringify([
        exports.CACHE_FORMAT,
        parts.toolVersion,
        parts.config,
        parts.ruleOverrides ?? null,
        parts.java ?? null,
        parts.rules,
        plugins,
        parts.extra ?? null,
    ]);
    return (0, node_crypto_1.nodeCrypto)().createHash('sha256').update(text).digest('hex');
}
/** `--cache-location`: a file, or a directory (existing, or written with a trailing slash) that gets `.lint-deploy-cache`. */
function resolveCacheFile(location, cwd) {
    if (!location)
        return path.join(cwd, config_1.DEFAULT_CACHE_FILE);
    const absolute = path.resolve(cwd, location);
    if (/[\\/]$/.test(location))
        return path.join(absolute, config_1.DEFAULT_CACHE_FILE);
    try {
        if (fs.statSync(absolute).isDirectory())
            return path.join(absolute, config_1.DEFAULT_CACHE_FILE);
    }
    catch {
        // not there yet: a file name
    }
    return absolute;
}
const SEVERITIES = ['error', 'warning', 'info'];
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isValidEntry(entry) {
    if (!isRecord(entry) ||
        typeof entry.hash !== 'string' ||
        !Number.isInteger(entry.fileCount) ||
        entry.fileCount < 0 ||
        !Array.isArray(entry.findings))
        return false;
    return entry.findings.every((f) => isRecord(f) &&
        typeof f.ruleId === 'string' &&
        typeof f.message === 'string' &&
        SEVERITIES.includes(f.severity) &&
        isLocation(f.location) &&
        (f.related === undefined ||
            (Array.isArray(f.related) &&
                f.related.every((r) => isLocation(r) && typeof r.message === 'string'))) &&
        (f.fingerprint === undefined || typeof f.fingerprint === 'string') &&
        (f.suppressed === undefined ||
            (isRecord(f.suppressed) && typeof f.suppressed.kind === 'string' && typeof f.suppressed.reason === 'string')));
}
/** A file and, when present, a range of whole non-negative numbers: what every formatter reads. */
function isLocation(value) {
    if (!isRecord(value) || typeof value.file !== 'string')
        return false;
    if (value.range === undefined)
        return true;
    const position = (p) => isRecord(p) &&
        Number.isInteger(p.line) &&
        Number.isInteger(p.character) &&
        p.line >= 0 &&
        p.character >= 0;
    return isRecord(value.range) && position(value.range.start) && position(value.range.end);
}
function macEquals(a, b) {
    return a.length === b.length && (0, node_crypto_1.nodeCrypto)().timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
/**
 * The secret that signs cache entries: `LINT_DEPLOY_CACHE_KEY` from the environment (trusted; set it
 * to share a cache between CI runs), else a random key kept in the user's cache directory
 * (`$XDG_CACHE_HOME/lint-deploy/cache-key`, mode 0600, created on first use), else one for this run only.
 */
function cacheSigningKey(env) {
    if (env.LINT_DEPLOY_CACHE_KEY)
        return env.LINT_DEPLOY_CACHE_KEY;
    const home = env.HOME || require('node:os').homedir();
    const dir = path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'lint-deploy');
    const file = path.join(dir, 'cache-key');
    const read = (0, safe_fs_1.readRegularFile)(file, 1024, { noFollow: true });
    if (read.ok && read.bytes.length >= 32)
        return read.bytes.toString('utf8').trim();
    const key = (0, node_crypto_1.nodeCrypto)().randomBytes(32).toString('hex');
    if (!read.ok && read.reason === 'missing') {
        try {
            fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
            (0, safe_fs_1.writeFileAtomic)(file, key, { explicit: false, exclusive: true, what: 'cache key', mode: 0o600 });
            return key;
        }
        catch {
            // read-only home, or another process made it first: read it again below
        }
        const again = (0, safe_fs_1.readRegularFile)(file, 1024, { noFollow: true });
        if (again.ok && again.bytes.length >= 32)
            return again.bytes.toString('utf8').trim();
    }
    return key;
}
