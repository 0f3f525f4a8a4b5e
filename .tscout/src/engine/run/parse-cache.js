"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ParseCache = void 0;
exports.contentHash = contentHash;
const digest_1 = require("../../core/digest");
const path_name_1 = require("../../core/path-name");
/** Keys remembered to recognise a second sighting (bounds memory on a run of many distinct files). */
const SEEN_LIMIT = 200_000;
/** The hash of content already in memory (the bytes read, or a template's masked text). */
function contentHash(content) {
    return (0, digest_1.digest)('sha1', content, 'base64');
}
/**
 * Parsed documents of one run keyed by format handler id + kind + file name + content hash, so the same
 * file copied into 2,000 environments (a JDK's java.security, a CA certificate) is parsed at most twice (stored at its second sighting). The key
 * carries the file name because parsers may read it (a Spring profile from `application-prod.yml`, an
 * `.mqsc` extension, a `.bat` script); nothing a parser returns holds the path (test/perf/parse-cache.test.ts
 * parses every example under two directories and compares).
 *
 * A document handed out again is a new object with this file's `SourceFile` and its own `problems` array
 * (the model appends problems); entries and `data` are shared between deployments and are never written
 * after parsing. Inside one deployment a repeated content is parsed again, so two files of one deployment
 * never share objects (rules find a document by the identity of its entries).
 */
class ParseCache {
    freeze;
    stored = new Map();
    seen = new Set();
    deployment = 0;
    hits = 0;
    misses = 0;
    /** `freeze`: deep-freeze stored documents, so a test proves nothing writes to them. */
    constructor(freeze = false) {
        this.freeze = freeze;
    }
    /** Starts the next deployment's reads. */
    nextDeployment() {
        this.deployment++;
    }
    parse(handler, kind, source, hash) {
        const key = `${handler.id}\u0000${kind}\u0000${(0, path_name_1.lastPathSegment)(source.path)}\u0000${hash}`;
        const hit = this.stored.get(key);
        if (hit && hit.deployment !== this.deployment) {
            hit.deployment = this.deployment;
            this.hits++;
            return { ...hit.doc, file: source, problems: hit.doc.problems.slice() };
        }
        this.misses++;
        const doc = handler.parse(source, kind);
        if (hit)
            return doc;
        // Stored at its second sighting: most files of a fleet are unique (host names, ports), and keeping
        // every parsed document alive would cost more memory than parsing a repeated one twice.
        if (!this.seen.has(key)) {
            if (this.seen.size < SEEN_LIMIT)
                this.seen.add(key);
            return doc;
        }
        this.seen.delete(key);
        this.stored.set(key, { doc: this.freeze ? deepFreeze({ ...doc }) : doc, deployment: this.deployment });
        return { ...doc, problems: doc.problems.slice() };
    }
}
exports.ParseCache = ParseCache;
function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value))
            deepFreeze(child);
    }
    return value;
}
