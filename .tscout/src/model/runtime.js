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
exports.findRuntimes = findRuntimes;
exports.declaredRuntime = declaredRuntime;
exports.makeRuntimeResolver = makeRuntimeResolver;
const path = __importStar(require("node:path"));
const knowledge_1 = require("../knowledge");
const dir_tree_1 = require("../core/dir-tree");
const work_1 = require("../core/work");
const jdk_1 = require("../parse/jdk");
const types_1 = require("../parse/types");
const runtime_named_1 = require("./runtime-named");
const image_files_1 = require("../parse/image-files");
const image_home_files_1 = require("./image-home-files");
const dockerfile_java_1 = require("./dockerfile-java");
const SECURITY_SUFFIX = /([\\/]jre)?[\\/](lib|conf)[\\/]security$/;
/**
 * Finds the JDKs a tree holds or names: each `release` file is a JDK home, each `java.security`
 * belongs to the JDK home it sits in (`<home>/conf/security`, `<home>/jre/lib/security`) or, alone,
 * stands for an unknown JDK whose security properties are overridden; Dockerfile `FROM` images and
 * `JAVA_HOME`/`…/bin/java` paths in start scripts and systemd units name JDKs (src/model/runtime-named.ts).
 */
function findRuntimes(documents, root = '', memo, jlinked = []) {
    const homes = new Map();
    const loaded = overrideFileNames(documents);
    for (const doc of documents) {
        if (doc.kind === 'jdk.release') {
            // A release file under another name (a copy saved beside others: `jdk8u201_release`) is a JDK of its
            // own; keyed by its directory, several such copies in one directory would overwrite each other.
            const home = path.basename(doc.file.path) === 'release' ? path.dirname(doc.file.path) : doc.file.path;
            homes.set(home, { ...homes.get(home), release: doc });
        }
        else if (doc.kind === 'java.security') {
            const dir = path.dirname(doc.file.path);
            // A properties file under another name (`tls.security`) is an override loaded with
            // -Djava.security.properties, not a JDK: it changes the JDK that loads it.
            if (path.basename(doc.file.path) !== 'java.security' && !SECURITY_SUFFIX.test(dir))
                continue;
            const home = SECURITY_SUFFIX.test(dir) ? dir.replace(SECURITY_SUFFIX, '') : dir;
            homes.set(home, { ...homes.get(home), security: doc });
        }
    }
    const copiedOverJdk = securityFilesCopiedOverJdk(documents, memo);
    const imageBuildDirs = javaImageBuildDirs(documents);
    const runtimes = [];
    // The JDKs whose release file the tree holds, by home: a Dockerfile may copy one into its image (./runtime-named.ts).
    const treeJdks = new Map();
    for (const [home, { release, security }] of homes) {
        // A java.security an image copies over its JDK's is that JDK's (./image-security-copy.ts), no JDK of its own.
        if (!release && security && copiedOverJdk.has(security.file.path))
            continue;
        // A lone java.security beside a Dockerfile whose image runs Java and that names no java.security (efrozo23/poc-sicr:
        // a JDK master copy at the root, the image FROM fabric8/s2i-java): the image's JDK runs what this directory builds
        // and reads its own java.security; this file reaches no JDK, so it stands for none.
        if (!release && security && home === path.dirname(security.file.path) && imageBuildDirs.has(home))
            continue;
        // A lone java.security that a start of the tree loads with -Djava.security.properties (tim-ref/messenger-proxy's
        // Dockerfile: COPY java.security /app, -Djava.security.properties==/app/java.security) changes the JDK that loads
        // it (src/model/jvm-runtime.ts); it is no JDK of its own.
        if (!release &&
            security &&
            !SECURITY_SUFFIX.test(path.dirname(security.file.path)) &&
            loaded.has((0, jdk_1.securityFileName)(security.file.path)))
            continue;
        const runtime = runtimeFromFiles(release, security, root);
        if (release && home !== release.file.path)
            treeJdks.set(home, runtime);
        const scope = release && home === release.file.path
            ? path.dirname(home)
            : release || SECURITY_SUFFIX.test(path.dirname(security?.file.path ?? ''))
                ? path.dirname(home)
                : home;
        runtimes.push({ scope, runtime });
    }
    runtimes.push(...(0, runtime_named_1.namedRuntimes)(documents, root, memo, jlinked, treeJdks));
    return runtimes.sort((a, b) => b.scope.length - a.scope.length || (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
}
function runtimeFromFiles(release, security, root) {
    const fileTraced = (doc, entry, value) => entry
        ? { value, from: { kind: 'file', location: (0, types_1.entryLocation)(doc, entry, 'value') } }
        : { value, from: { kind: 'file', location: { file: doc.file.path } } };
    let version = { value: '', from: { kind: 'default', origin: 'no JDK release file in the tree' } };
    let vendor = {
        value: 'unknown',
        from: { kind: 'default', origin: 'no JDK release file in the tree' },
    };
    let implementorName;
    let attachment;
    if (release) {
        const entry = release.entries.find((e) => e.key === 'JAVA_VERSION');
        version = fileTraced(release, entry, entry?.value ?? '');
        const implementor = release.entries.find((e) => e.key === 'IMPLEMENTOR') ?? entry;
        vendor = { value: (0, knowledge_1.vendorFromRelease)(release.data.fields), from: fileTraced(release, implementor, '').from };
        implementorName = release.data.fields.IMPLEMENTOR?.replace(/^"|"$/g, '').trim() || undefined;
        attachment = { text: `JDK from ${(0, runtime_named_1.shortPath)(release.file.path, root)}`, location: { file: release.file.path } };
    }
    else if (security) {
        attachment = {
            text: `JDK of unknown version whose java.security is ${(0, runtime_named_1.shortPath)(security.file.path, root)}`,
            location: { file: security.file.path },
        };
    }
    const securityProperties = {};
    if (security) {
        for (const entry of security.entries) {
            securityProperties[entry.key] = {
                value: entry.value,
                from: { kind: 'file', location: (0, types_1.entryLocation)(security, entry, 'value') },
            };
        }
    }
    return {
        vendor,
        version,
        securityProperties,
        systemProperties: {},
        ...(implementorName ? { implementor: implementorName } : {}),
        attachment,
    };
}
/** A runtime declared by the user (`--java-version`, config `java` or `components[].java`). */
function declaredRuntime(java, origin) {
    return {
        version: { value: java.version ?? '', from: { kind: 'config', origin } },
        vendor: {
            value: java.vendor ? (0, knowledge_1.vendorFromRelease)({ IMPLEMENTOR: java.vendor }) : 'openjdk',
            from: { kind: 'config', origin },
        },
        securityProperties: {},
        systemProperties: {},
        ...(java.vendor ? { implementor: java.vendor } : {}),
        attachment: { text: `JDK declared by ${origin}` },
    };
}
/** WebSphere traditional's own SDK when the tree does not say which: IBM SDK 8 (WAS 9.0 ships only Java 8). */
function websphereSdk() {
    const origin = 'WebSphere traditional runs its own IBM SDK: Java 8 for WAS 9.0 (https://www.ibm.com/docs/en/was/9.0.5?topic=installation-java-sdk); its service refresh is not in the tree';
    return {
        vendor: { value: 'ibm', from: { kind: 'default', origin, confidence: 'inferred' } },
        version: { value: '', from: { kind: 'default', origin, confidence: 'inferred' } },
        securityProperties: {},
        systemProperties: {},
        attachment: {
            text: 'IBM SDK 8 of WebSphere traditional (its service refresh is not in the tree: declare it with config "components")',
        },
    };
}
const identity = (r) => `${r.vendor.value}|${r.version.value}`;
const featureOf = (version) => String((0, knowledge_1.parseJavaVersion)(version)?.feature ?? '');
/** A JDK named without its update (`FROM eclipse-temurin:26` keeps the feature as its version when that tells its defaults). */
const withoutUpdate = (r) => !r.version.value || r.attachment?.feature !== undefined;
/**
 * The runtimes by scope: the nearest JDK to a file is found by walking its directory's segments, not by
 * comparing it with every runtime (O(components × JDKs) in one deployment that holds many environments).
 */
class RuntimeIndex {
    tree;
    constructor(runtimes) {
        this.tree = new dir_tree_1.DirectoryTree(runtimes, (r) => r.scope, path.sep);
    }
    /**
     * The JDK nearest to a file: the one whose directory shares the deepest ancestor with the file's,
     * and among those, one whose directory holds the file. A JDK anywhere in the deployment thus runs
     * every component without a nearer one (issue 13). Several different JDKs equally near: the JDK is
     * unknown, and the runtime lists the candidates (rule java/runtime-ambiguous). `holding`: only JDKs
     * whose directory holds the file.
     */
    nearest(file, holding = false, images, application = false) {
        const found = this.tree.lookup(path.dirname(file));
        const best = holding
            ? found.nearestHolders
            : found.holding.length
                ? found.holding
                : application
                    ? runningApplications(found.nearest)
                    : found.nearest;
        (0, work_1.countWork)('nearest JDK', best.length);
        return chooseRuntime(best, file, images);
    }
}
/**
 * Among equally near JDKs none of whose directories holds an application's file, those of images that start an
 * application they are given (a jar copied in, `java -jar`) when there are any: an image that starts only its own
 * product runs no application of the tree (junhyeong9812/fream-back@05cb4e9: docker/Dockerfile copies the app's jar and
 * runs `java -jar`, docker/kafka/Dockerfile-kafka and Dockerfile-zookeeper start confluentinc/cp-kafka and cp-zookeeper).
 */
function runningApplications(nearest) {
    if (!nearest.some((c) => c.image === 'starts-application'))
        return nearest;
    return nearest.filter((c) => c.image !== 'starts-product');
}
/**
 * Among equally near runtimes (in runtime order), the one that runs the file, or an unknown JDK naming them. When
 * every candidate is an image's JDK (a Dockerfile's `FROM`) and exactly one of those images holds the file (its COPY
 * puts it there: IBMStockTrader/trader@b1f7b03's Dockerfile copies src/main/liberty/config to /config, beside
 * Dockerfile-tools and Dockerfile.basicregistry built on other images), that image runs it.
 */
function chooseRuntime(nearest, file, images) {
    let best = nearest;
    if (best.length === 0)
        return undefined;
    // A name without an update (`FROM ibmjava:8`, `JAVA_HOME=/usr/lib/jvm/java-17-openjdk`) beside an install of
    // the same vendor (and feature) names that install: the install's release file says the rest.
    const installs = best.filter((c) => !withoutUpdate(c.runtime));
    const sameAsInstall = (c) => withoutUpdate(c.runtime) &&
        c.runtime.vendor.value !== 'unknown' &&
        installs.some((i) => i.runtime.vendor.value === c.runtime.vendor.value &&
            (!c.runtime.attachment?.feature || featureOf(i.runtime.version.value) === c.runtime.attachment.feature));
    best = best.filter((c) => !sameAsInstall(c));
    const distinct = [...new Map(best.map((c) => [identity(c.runtime), c])).values()];
    const [firstBest] = best;
    if (firstBest && distinct.length === 1)
        return best.find((c) => Object.keys(c.runtime.securityProperties).length > 0)?.runtime ?? firstBest.runtime;
    const imageOf = (c) => {
        const at = c.runtime.attachment?.location?.file;
        return at !== undefined && images?.isDockerfile(at) ? at : undefined;
    };
    if (images && distinct.every((c) => imageOf(c) !== undefined)) {
        const holders = new Set(images.holding(file));
        const running = distinct.filter((c) => holders.has(imageOf(c) ?? ''));
        if (running.length === 1 && running[0])
            return running[0].runtime;
    }
    const origin = `${distinct.length} JDKs are equally near: ${distinct.map((c) => c.runtime.attachment?.text ?? c.scope).join('; ')}`;
    return {
        vendor: { value: 'unknown', from: { kind: 'default', origin } },
        version: { value: '', from: { kind: 'default', origin } },
        securityProperties: {},
        systemProperties: {},
        attachment: { text: `JDK unknown: ${origin}` },
        candidates: distinct.map((c) => c.runtime.attachment ?? { text: c.scope }),
    };
}
/**
 * The runtime for a file: the CLI's `--java-version` wins over everything;
 * then a config `components` entry whose glob matches; then the nearest JDK in
 * the tree (WebSphere traditional: its own SDK unless the JDK sits in its tree); then config `java`.
 * A declared version keeps the tree's java.security overrides (the user says which JDK, the tree
 * says how it is configured).
 */
function makeRuntimeResolver(runtimes, config, matchComponent, cliJava, images) {
    const index = new RuntimeIndex(runtimes);
    return (file, request) => {
        const inTree = request?.product === 'was-traditional'
            ? (index.nearest(file, true, images?.()) ?? websphereSdk())
            : index.nearest(file, false, images?.(), request?.product === 'application');
        const component = matchComponent(file);
        const declared = cliJava?.version
            ? declaredRuntime(cliJava, '--java-version')
            : component?.version
                ? declaredRuntime(component, 'lint-deploy config "components"')
                : inTree && withoutUpdate(inTree) && config.java?.version
                    ? declaredRuntime(config.java, 'lint-deploy config "java"')
                    : undefined;
        if (declared) {
            return inTree
                ? {
                    ...inTree,
                    version: declared.version,
                    vendor: cliJava?.vendor || component?.vendor || inTree.vendor.value === 'unknown'
                        ? declared.vendor
                        : inTree.vendor,
                    attachment: declared.attachment,
                    candidates: undefined,
                }
                : declared;
        }
        if (inTree)
            return inTree;
        return config.java?.version ? declaredRuntime(config.java, 'lint-deploy config "java"') : undefined;
    };
}
/** The file names the tree's JVM options load with -Djava.security.properties (`=`/`==`, `file:` URLs alike). */
function overrideFileNames(documents) {
    const names = new Set();
    for (const doc of documents) {
        const properties = doc.data?.properties;
        if (!Array.isArray(properties))
            continue;
        for (const p of properties)
            if (p.name === 'java.security.properties')
                names.add((0, jdk_1.securityFileName)(p.value.replace(/^=/, '').replace(/^file:/, '')));
    }
    return names;
}
/** A java.security file named in a text (`COPY java.security …`, a Compose volume `./java.security:/opt/…`). */
const SECURITY_FILE_NAMED = /java\.security(?![\w.])/i;
/**
 * The directories holding a Dockerfile whose image runs Java (./dockerfile-java.ts) and whose text names no
 * java.security (no COPY, cp, sed or -Djava.security.properties of one), when no other file of the tree names a
 * java.security file either (a Compose volume could mount one over the JDK's): the image's JDK reads only its own.
 */
function javaImageBuildDirs(documents) {
    const dirs = new Set();
    const named = (doc) => doc.kind !== 'java.security' && doc.file.text.length > 0 && SECURITY_FILE_NAMED.test(doc.file.text);
    if (documents.some((d) => d.kind !== 'dockerfile' && named(d)))
        return dirs;
    for (const doc of documents)
        if (doc.kind === 'dockerfile' &&
            !/java\.security/i.test(doc.file.text) &&
            (0, dockerfile_java_1.dockerfileJavaEvidence)(doc.data) !== undefined)
            dirs.add(path.dirname(doc.file.path));
    return dirs;
}
/** The tree java.security files a Dockerfile copies over its image JDK's java.security (./image-home-files.ts). */
function securityFilesCopiedOverJdk(documents, memo) {
    const dockerfiles = documents.filter((d) => d.kind === 'dockerfile');
    if (dockerfiles.length === 0)
        return new Set();
    const treeFiles = new Set(documents.map((d) => d.file.path));
    const images = new image_files_1.ImageFiles(documents);
    return new Set(dockerfiles.flatMap((d) => (0, image_home_files_1.homeFileCopy)(d, treeFiles, 'javaSecurity', images.contextsOf(d.file.path), memo)?.file ?? []));
}
