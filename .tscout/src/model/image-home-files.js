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
exports.homeFileCopy = homeFileCopy;
exports.unreadHomePath = unreadHomePath;
exports.misplacedHomeFiles = misplacedHomeFiles;
exports.systemStoreCopies = systemStoreCopies;
exports.unreadSystemStore = unreadSystemStore;
/**
 * A file of the tree that a Dockerfile COPYs (or ADDs) over a file of its image's JDK home: the JDK's cacerts
 * (./image-cacerts-replaced.ts) or its java.security (./image-security-copy.ts). Where the JDK keeps them depends on
 * its feature release (and, for JDK 8, on whether the image holds a JDK or a JRE): knowledge `homeLayouts`; the home
 * is `$JAVA_HOME` as written (the base image's variable) or the one the image is known to set. A copy elsewhere
 * (`$JAVA_HOME/jre/lib/security/cacerts` in a JDK 17 image) reaches no JDK.
 */
const path = __importStar(require("node:path"));
const knowledge_1 = require("../knowledge");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const runtime_named_1 = require("./runtime-named");
const JAVA_HOME_PREFIX = /^\$(\{JAVA_HOME\}|JAVA_HOME(?!\w))/;
/**
 * The last copy over the image JDK's `which` file, or undefined: none, or a JDK whose layout (or home) is unknown.
 * `contexts`: the build contexts the Dockerfile is built from (a Compose `build:`, else its directory): one holding
 * the source decides, several that disagree leave the file unknown.
 */
function homeFileCopy(doc, treeFiles, which, contexts = [path.dirname(doc.file.path)], memo) {
    const data = doc.data;
    const image = (0, dockerfile_stages_1.runtimeStage)(data)?.image;
    const layout = image ? (0, knowledge_1.jdkHomeFilesOfImage)(image, memo) : undefined;
    if (!image || !layout)
        return undefined;
    const target = layout[which];
    const home = (0, knowledge_1.imageJavaHome)(image);
    let found;
    for (const copy of (0, dockerfile_stages_1.heldCopies)(data)) {
        const relative = homeRelative(copy, home);
        if (relative === undefined)
            continue;
        const name = path.posix.basename(target);
        const intoDirectory = relative.endsWith('/') && `${relative}${name}` === target;
        if (relative !== target && !intoDirectory)
            continue;
        const sources = copy.written.slice(0, -1);
        const named = intoDirectory ? sources.filter((s) => path.posix.basename(s) === name) : sources;
        // `COPY --from=build`, a variable, a wildcard or several files: what lands there is not a file of the tree.
        // (The sources substituted, or as written when the destination's variable left them unsubstituted.)
        const source = copy.from === undefined && named.length === 1
            ? (copy.sources[sources.indexOf(named[0])] ?? named[0])
            : undefined;
        const files = source && !/[$*?[]/.test(source)
            ? [...new Set(contexts.map((c) => path.resolve(c, source)).filter((f) => treeFiles.has(f)))]
            : [];
        found = { copy, ...(files.length === 1 && { file: files[0] }) };
    }
    return found;
}
/**
 * A copy's destination relative to the JDK's home, or undefined: not in it. `$JAVA_HOME/…` as written is the base
 * image's variable; a path the Dockerfile's own variables give (its ENV JAVA_HOME included) counts under the home the
 * image is known to set.
 */
function homeRelative(copy, home) {
    const written = copy.written[copy.written.length - 1];
    if (!written || copy.written.length < 2)
        return undefined;
    if (copy.destination !== undefined)
        return home && copy.destination.startsWith(`${home}/`) ? copy.destination.slice(home.length + 1) : undefined;
    return JAVA_HOME_PREFIX.test(written) ? written.replace(JAVA_HOME_PREFIX, '').replace(/^\/+/, '') : undefined;
}
/**
 * Whether a path the running image's commands write (`$JAVA_HOME/jre/lib/security/cacerts`, or under the home the
 * image is known to set) is in its JDK's home but not where that JDK reads its `which` file; false when the path is
 * outside the home or the JDK's layout is unknown.
 */
function unreadHomePath(doc, written, which) {
    const image = (0, dockerfile_stages_1.runtimeStage)(doc.data)?.image;
    const layout = image ? (0, knowledge_1.jdkHomeFilesOfImage)(image) : undefined;
    if (!image || !layout)
        return false;
    const home = (0, knowledge_1.imageJavaHome)(image);
    const relative = JAVA_HOME_PREFIX.test(written)
        ? written.replace(JAVA_HOME_PREFIX, '').replace(/^\/+/, '')
        : home && written.startsWith(`${home}/`)
            ? written.slice(home.length + 1)
            : undefined;
    return relative !== undefined && path.posix.normalize(relative) !== layout[which];
}
/**
 * The copies of the running image that put a file named as the JDK's `which` file (`cacerts`) in its JDK's home but
 * not where that JDK reads it: `$JAVA_HOME/jre/lib/security/cacerts` in a JDK 17 image (JEP 220 removed jre/),
 * `$JAVA_HOME/lib/security/cacerts` in a JDK 8 JDK image (its runtime is jre/). A source named otherwise, a
 * wildcard, a directory or a variable is not judged; nothing when the JDK's layout is unknown.
 */
function misplacedHomeFiles(doc, which, memo) {
    const image = (0, dockerfile_stages_1.runtimeStage)(doc.data)?.image;
    const layout = image ? (0, knowledge_1.jdkHomeFilesOfImage)(image, memo) : undefined;
    if (!image || !layout)
        return [];
    const read = layout[which];
    const home = (0, knowledge_1.imageJavaHome)(image);
    const name = path.posix.basename(read);
    const found = [];
    for (const copy of (0, dockerfile_stages_1.heldCopies)(doc.data)) {
        const relative = homeRelative(copy, home);
        const sources = copy.written.slice(0, -1);
        if (relative === undefined || sources.some((s) => /[$*?[]/.test(s)))
            continue;
        const landed = relative.endsWith('/')
            ? sources.filter((s) => path.posix.basename(s) === name).map((s) => `${relative}${path.posix.basename(s)}`)
            : sources.length === 1
                ? [relative]
                : [];
        for (const at of landed.map((l) => path.posix.normalize(l)))
            if (at !== read && path.posix.basename(at) === name)
                found.push({ copy, landed: at, read, source: layout.source, ...(home && { home }) });
    }
    return found;
}
/**
 * The copies of the running image that put a store on a system Java store path (knowledge `systemJavaStores`) when a
 * source says the image's JDK keeps its own cacerts linked to none (eclipse-temurin: Adoptium's archive under
 * /opt/java/openjdk; Debian's openjdk packages, whose cacerts is a link to /etc/ssl/certs/java/cacerts, are another
 * matter). Nothing when the image also installs a JDK package (which JDK then runs is not followed), or for a
 * source with a variable or a wildcard, or a directory copy without a source of that name.
 */
function systemStoreCopies(doc, memo) {
    const image = (0, dockerfile_stages_1.runtimeStage)(doc.data)?.image;
    const own = ownCacertsHome(doc);
    if (!image || !own)
        return [];
    const { source, home } = own;
    const layout = (0, knowledge_1.jdkHomeFilesOfImage)(image, memo);
    const found = [];
    for (const copy of (0, dockerfile_stages_1.heldCopies)(doc.data)) {
        const destination = copy.destination;
        const sources = copy.written.slice(0, -1);
        if (!destination || sources.length === 0 || sources.some((s) => /[$*?[]/.test(s)))
            continue;
        const landed = destination.endsWith('/')
            ? sources.map((s) => `${destination}${path.posix.basename(s)}`)
            : sources.length === 1
                ? [destination]
                : [];
        for (const at of landed) {
            const store = (0, knowledge_1.systemJavaStoreAt)(path.posix.normalize(at));
            if (store)
                found.push({ copy, store, home, source, ...(layout && { read: `${home}/${layout.cacerts}` }) });
        }
    }
    return found;
}
/** The home of the image's JDK and where a source says it keeps its own cacerts; undefined when not known so. */
function ownCacertsHome(doc) {
    const image = (0, dockerfile_stages_1.runtimeStage)(doc.data)?.image;
    const source = image ? (0, knowledge_1.ownCacertsSourceOf)(image) : undefined;
    const home = image ? (0, knowledge_1.imageJavaHome)(image) : undefined;
    // A JDK package installed beside it: which JDK runs is not followed.
    return source && home && (0, runtime_named_1.installedJdks)(doc.data).length === 0 ? { home, source } : undefined;
}
/** Whether a path the running image's commands write (`keytool -keystore /etc/ssl/certs/java/cacerts`) is a system Java store its JDK never reads. */
function unreadSystemStore(doc, written) {
    return ownCacertsHome(doc) !== undefined && (0, knowledge_1.systemJavaStoreAt)(path.posix.normalize(written)) !== undefined;
}
