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
exports.springBootReleases = springBootReleases;
exports.commonRelease = commonRelease;
/**
 * The Spring Boot release a Spring app is built with, from the build file of its project (parse/spring-boot-version.ts):
 * the nearest directory at or above a configuration file whose `pom.xml` or `build.gradle[.kts]` names the release (a
 * module without one inherits its parent's: a Maven parent pom, a Gradle root script's `apply false` plugin). Settings
 * that exist only from a release on (knowledge: spring-boot.json) are read by that, and known ignored before it.
 */
const path = __importStar(require("node:path"));
const BUILD_KINDS = new Set(['build.image', 'build.spring-boot', 'build.dropwizard']);
/**
 * For a deployment's documents: the release of the project a file belongs to, or undefined when no build file says it.
 * `product`: Spring Boot's, or Dropwizard's (read from the same build files: ../parse/spring-boot-version.ts).
 */
function springBootReleases(documents, root, product = 'springBoot') {
    const byDirectory = new Map();
    for (const doc of documents) {
        if (!BUILD_KINDS.has(doc.kind))
            continue;
        const declared = doc.data[product];
        if (declared)
            byDirectory.set(path.dirname(doc.file.path), {
                version: declared.version,
                at: { file: doc.file.path, range: declared.range },
                by: declared.by,
            });
    }
    return (file) => {
        if (byDirectory.size === 0)
            return undefined;
        for (let dir = path.dirname(file);; dir = path.dirname(dir)) {
            const release = byDirectory.get(dir);
            if (release)
                return release;
            if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root))
                return undefined;
        }
    };
}
/** The one release of several files' projects (an app's configuration files), or undefined when they differ or none says. */
function commonRelease(files, releaseOf) {
    const releases = new Set(files.map(releaseOf));
    const [only] = releases;
    return releases.size === 1 ? only : undefined;
}
