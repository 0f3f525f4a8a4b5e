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
exports.haproxyReleaseOf = haproxyReleaseOf;
exports.keyFileLookupOf = keyFileLookupOf;
exports.removedKeywords = removedKeywords;
/**
 * The HAProxy release an HAProxy configuration runs with, when the tree names it: the `FROM haproxy:<tag>` of the
 * nearest Dockerfile whose directory holds the file, else the one release every Compose `image: haproxy:<tag>` of the
 * deployment names. Unknown otherwise (then a default that changed between releases stays open). Also the lines whose
 * keyword a release removed (Deployment.haproxyRemovedKeywords), judged against that release.
 */
const path = __importStar(require("node:path"));
const types_1 = require("../core/types");
const template_release_bound_1 = require("../parse/template-release-bound");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const openssl_1 = require("../knowledge/openssl");
const server_releases_1 = require("../knowledge/server-releases");
function haproxyReleaseOf(ctx) {
    const images = ctx.documentsOf('dockerfile').flatMap((d) => {
        const stage = (0, dockerfile_stages_1.runtimeStage)(d.data);
        const value = stage?.image ? (0, server_releases_1.haproxyReleaseFromImage)(stage.image) : undefined;
        return value && stage
            ? [{ dir: path.dirname(d.file.path), value, at: { file: d.file.path, range: stage.range } }]
            : [];
    });
    const composed = ctx.documentsOf('compose').flatMap((d) => d.data.services.flatMap(({ image, imageRange }) => {
        const value = image && imageRange ? (0, server_releases_1.haproxyReleaseFromImage)(image) : undefined;
        return value && imageRange ? [{ value, at: { file: d.file.path, range: imageRange } }] : [];
    }));
    const [onlyComposed] = new Set(composed.map((c) => c.value)).size === 1 ? composed : [];
    return (file) => {
        const holding = images
            .filter((i) => file.startsWith(i.dir + path.sep))
            .sort((a, b) => b.dir.length - a.dir.length)[0];
        if (holding)
            return { value: holding.value, at: holding.at };
        return onlyComposed;
    };
}
/**
 * Where the bind's release looks for the key of a crt file that holds none: the global settings' lookup, unless the
 * release reads no key file (before 2.2: none, naming the release) or is unknown (the lookup, marked open). An
 * ssl-load-extra-* line (`settingsWritten`) is a keyword only releases that read key files know.
 */
function keyFileLookupOf(settings, release, settingsWritten) {
    if (settings.name === 'none' || settings.name === 'unknown' || settingsWritten)
        return settings;
    const { since, refusalBefore: refusal } = openssl_1.HAPROXY_FACTS.separateKeyFile;
    const reads = (0, server_releases_1.haproxyReadsSeparateKeyFile)(release?.value);
    if (reads === true)
        return settings;
    if (reads === false && release)
        return { name: 'none', byRelease: { since, refusal, value: release.value, at: release.at } };
    return { ...settings, byRelease: { since, refusal } };
}
/** The lines of a configuration whose keyword a release removed (Deployment.haproxyRemovedKeywords). */
function removedKeywords(ctx, doc, release) {
    for (const section of doc.data.sections)
        for (const line of section.lines) {
            const removed = (0, server_releases_1.haproxyRemovedKeyword)(line.keyword.value, section.kind, release?.value);
            if (!removed)
                continue;
            // A template that writes the keyword only for the releases before its removal is right for each release.
            const range = line.keyword.range;
            const bounds = (doc.template?.branches ?? []).filter((b) => (0, types_1.within)(range, b.range));
            if (bounds.some((b) => {
                const bound = (0, template_release_bound_1.releaseBoundOf)(b, 'haproxy');
                return bound !== undefined && (0, server_releases_1.boundedBefore)(bound, removed.since);
            }))
                continue;
            (ctx.deployment.haproxyRemovedKeywords ??= []).push({
                at: { file: doc.file.path, range: line.keyword.range },
                keyword: line.keyword.value,
                section: section.kind,
                since: removed.since,
                replacement: removed.replacement,
                source: removed.source,
                ...(release ? { release } : {}),
                refuses: removed.refuses,
                uncertain: doc.template !== undefined || line.conditional === true,
            });
        }
}
