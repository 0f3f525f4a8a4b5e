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
exports.shortPath = shortPath;
exports.imageRuntime = imageRuntime;
exports.namedRuntimes = namedRuntimes;
exports.installedPackages = installedPackages;
exports.installedJdks = installedJdks;
const path = __importStar(require("node:path"));
const knowledge_1 = require("../knowledge");
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const shell_commands_1 = require("../parse/shell-commands");
const dockerfile_jdk_archives_1 = require("./dockerfile-jdk-archives");
const dockerfile_jlink_1 = require("./dockerfile-jlink");
const dockerfile_java_1 = require("./dockerfile-java");
/** A path relative to the deployment root, with `/`, for attachment texts. */
function shortPath(file, root) {
    return (root ? path.relative(root, file) : path.basename(file)).split(path.sep).join('/') || path.basename(file);
}
/**
 * The feature release a name gives without its update when that is enough to know the JDK's TLS defaults: the name
 * runs general-availability updates only (jdk-locations.json) and every update of the feature has the same defaults
 * (jdk-tls-defaults.json). Undefined otherwise: the version stays unknown.
 */
function featureDefaults(jdk) {
    if (jdk.version || !jdk.feature || !jdk.gaUpdates)
        return undefined;
    return (0, knowledge_1.sameDefaultsEveryUpdate)(jdk.vendor, Number(jdk.feature)) ? jdk.feature : undefined;
}
/** Families as users read them in labels ("JDK from Dockerfile:1 FROM …" says the rest). */
const describe = (jdk) => jdk.version
    ? ''
    : jdk.feature
        ? featureDefaults(jdk)
            ? ` (Java ${jdk.feature}; the name gives no update, and every ${jdk.feature} update has the same TLS defaults)`
            : ` (Java ${jdk.feature}; the name gives no update: the version is unknown)`
        : ' (the name gives no version: the version is unknown)';
function runtimeOf(jdk, location, text) {
    const note = `${jdk.note ? `${jdk.note}; ` : ''}${jdk.source}`;
    const feature = featureDefaults(jdk);
    const version = feature
        ? {
            value: feature,
            from: {
                kind: 'file',
                location,
                note: `${note}; the name gives Java ${feature} without its update: ${jdk.gaUpdates ?? ''}, and lint-deploy's TLS defaults are the same for every ${feature} update`,
            },
        }
        : { value: jdk.version ?? '', from: { kind: 'file', location, note } };
    return {
        vendor: { value: jdk.vendor, from: { kind: 'file', location, note } },
        version,
        securityProperties: {},
        systemProperties: {},
        attachment: {
            text: `${text}${describe(jdk)}`,
            location,
            feature: jdk.version ? undefined : jdk.feature,
            ...(!jdk.version && jdk.feature && jdk.gaUpdates
                ? { gaUpdates: jdk.gaUpdates, ...(jdk.firstUpdate ? { firstUpdate: jdk.firstUpdate } : {}) }
                : {}),
        },
    };
}
/**
 * The JDK a container image runs (jdk-locations.json images), named where the image is (a Compose service's `image:`),
 * `text` saying so; undefined for an image lint-deploy does not know.
 */
function imageRuntime(image, location, text, memo) {
    const jdk = (0, knowledge_1.jdkFromImage)(image, memo);
    return jdk && runtimeOf(jdk, location, text);
}
/** The directory a start script speaks for: Tomcat's `bin/setenv.sh` configures the install above `bin/`. */
function scriptScope(file) {
    const dir = path.dirname(file);
    return path.basename(dir) === 'bin' ? path.dirname(dir) : dir;
}
/**
 * JDKs named without being in the tree (issue 13): a Dockerfile's runtime-stage `FROM` image
 * (src/knowledge/data/jdk-locations.json), and absolute `JAVA_HOME`/`…/bin/java` paths in start
 * scripts, systemd units and the Dockerfile's final stage. A Dockerfile's own JDK path wins over its image.
 */
function namedRuntimes(documents, root, memo, jlinked = [], treeJdks = new Map()) {
    const found = [];
    // The tree's JVM options and start environments (jvm.options, java.env, setenv.sh): a Java process starts with them.
    const javaStartFiles = new Set(documents.filter((d) => d.kind === 'java.jvm-options' || d.kind === 'java.shell-env').map((d) => d.file.path));
    const javaStartDirs = new Set([...javaStartFiles].map((f) => path.dirname(f)));
    /** An image that runs Java: it says so, copies the tree's JVM options in, or is built beside them. */
    const runsJava = (data, dir) => javaStartDirs.has(dir) ||
        (0, dockerfile_stages_1.heldCopies)(data).some((copy) => copy.sources.some((source) => javaStartFiles.has(path.join(dir, source)))) ||
        (0, dockerfile_java_1.dockerfileJavaEvidence)(data) !== undefined;
    for (const doc of documents) {
        if (doc.kind !== 'dockerfile' && doc.kind !== 'java.shell-env' && doc.kind !== 'systemd.unit')
            continue;
        const data = doc.data;
        const file = shortPath(doc.file.path, root);
        const scope = doc.kind === 'java.shell-env' ? scriptScope(doc.file.path) : path.dirname(doc.file.path);
        const fromPaths = [];
        // A JDK the image unpacks from an archive where JAVA_HOME points: the archive's name gives it.
        const dockerfile = doc.kind === 'dockerfile' ? doc.data : undefined;
        const image = dockerfile
            ? { image: (0, dockerfile_java_1.startsJavaApplication)(dockerfile) ? 'starts-application' : 'starts-product' }
            : {};
        const archives = dockerfile ? (0, dockerfile_jdk_archives_1.unpackedJdkArchives)(dockerfile) : [];
        // A runtime jlink builds from a JDK (in the image, or in a stage it copies from) where JAVA_HOME points: that JDK.
        const linkedRuntimes = jlinked.filter((runtime) => runtime.file === doc.file.path);
        for (const reference of data.javaHomes ?? []) {
            const byPath = (0, knowledge_1.jdkFromPath)(reference.path, memo);
            // A JDK of the tree (its `release` file) that a COPY puts where the path points: that JDK, as its files say.
            const copied = byPath?.version || !dockerfile ? undefined : treeJdkCopiedTo(dockerfile, doc, reference, treeJdks);
            if (copied) {
                fromPaths.push({ scope, runtime: copied(file), ...image });
                continue;
            }
            // A path that gives no version (`/opt/java/openjdk`) yields to the archive unpacked there, which does.
            const unpacked = byPath?.version ? undefined : (0, dockerfile_jdk_archives_1.jdkUnpackedAt)(archives, reference.path);
            const linked = byPath?.version ? undefined : (0, dockerfile_jlink_1.jlinkedAt)(linkedRuntimes, reference.path);
            const linkedJdk = linked?.jdk;
            const jdk = linkedJdk ?? unpacked?.jdk ?? byPath;
            if (!jdk)
                continue;
            const how = linked && linkedJdk
                ? `, built by jlink from ${linked.builtFrom} (${file}:${linked.range.start.line + 1})`
                : unpacked
                    ? `, unpacked from ${unpacked.name} (${file}:${unpacked.range.start.line + 1})`
                    : '';
            const text = `JDK from ${file}:${reference.range.start.line + 1} ${reference.via === 'java command' ? `${reference.path}/bin/java` : `${reference.via}=${reference.path}`}${how}`;
            const runtime = runtimeOf(jdk, { file: doc.file.path, range: reference.range }, text);
            if (linked && linkedJdk && linked.withoutEcProvider === 'absent') {
                const { module } = (0, knowledge_1.jlinkEcProvider)();
                const message = `jlink builds ${linked.output} without ${module}`;
                runtime.withoutEcProvider = { module, at: { file: doc.file.path, range: linked.range, message } };
            }
            fromPaths.push({ scope, runtime, ...image });
        }
        found.push(...fromPaths);
        if (doc.kind !== 'dockerfile' || fromPaths.length)
            continue;
        const stage = (0, dockerfile_stages_1.runtimeStage)(doc.data);
        const jdk = stage?.image ? (0, knowledge_1.jdkFromImage)(stage.image, memo) : undefined;
        if (stage && jdk)
            found.push({
                scope,
                runtime: runtimeOf(jdk, { file: doc.file.path, range: stage.range }, `JDK from ${file}:${stage.line} FROM ${stage.written}${stage.image !== stage.written ? ` (${stage.image})` : ''}`),
                ...image,
            });
        else {
            // An image lint-deploy does not know (debian, ubuntu, ubi-minimal) that installs a JDK package: that JDK.
            const installed = installedJdks(doc.data);
            const [only] = installed;
            if (only && installed.every((i) => i.jdk.vendor === only.jdk.vendor && i.jdk.feature === only.jdk.feature))
                found.push({
                    scope,
                    runtime: runtimeOf(only.jdk, { file: doc.file.path, range: only.range }, `JDK from ${file}:${only.range.start.line + 1} RUN installs ${only.name}`),
                    ...image,
                });
            else if (stage?.image && installed.length === 0 && runsJava(doc.data, scope))
                // An image lint-deploy has no JDK facts for (zookeeper, solr, a vendor's product image) that runs the Java
                // this directory configures: its own JDK, unknown, never the JDK another image of the tree holds.
                found.push({
                    scope,
                    runtime: unknownImageJdk({ file: doc.file.path, range: stage.range }, file, stage),
                    ...image,
                });
        }
    }
    return found;
}
/**
 * The JDK of the tree a running image's `COPY`/`ADD` of a build-context directory puts at a Dockerfile's JAVA_HOME
 * (0476/docker-tomcat@c063ae92: `COPY jdk1.8 /usr/local/jdk1.8/`, `ENV JAVA_HOME /usr/local/jdk1.8`, jdk1.8/release
 * in the tree): the tree's JDK under the text that says how it got there. The build context is the Dockerfile's
 * directory; undefined when no such copy places a JDK of the tree there.
 */
function treeJdkCopiedTo(data, doc, reference, treeJdks) {
    const home = (0, dockerfile_jdk_archives_1.trimSlash)(path.posix.normalize(reference.path));
    for (const copy of (0, dockerfile_stages_1.heldCopies)(data)) {
        const destination = copy.destination;
        if (copy.from !== undefined || copy.sources.length !== 1 || !destination || (0, dockerfile_jdk_archives_1.trimSlash)(destination) !== home)
            continue;
        const jdk = treeJdks.get((0, dockerfile_jdk_archives_1.trimSlash)(path.join(path.dirname(doc.file.path), copy.sources[0])));
        if (!jdk?.attachment)
            continue;
        const treeText = jdk.attachment.text;
        return (file) => ({
            ...jdk,
            attachment: {
                ...jdk.attachment,
                text: `${treeText}, which ${file}:${copy.line} ${copy.instruction} puts at ${reference.via}=${reference.path} (${file}:${reference.range.start.line + 1})`,
            },
        });
    }
    return undefined;
}
const INSTALLERS = /^(apt-get|apt|yum|dnf|microdnf|tdnf|zypper|apk)$/;
/**
 * The packages the running image's RUNs install (`apt-get install -y --no-install-recommends ca-certificates-java`,
 * Alpine's `apk add --no-cache openjdk17-jre`).
 */
function installedPackages(data) {
    const out = [];
    for (const command of (0, dockerfile_stages_1.heldCommands)(data)) {
        if (command.instruction !== 'RUN')
            continue;
        for (const words of (0, shell_commands_1.simpleCommands)(command.joined)) {
            const at = words.findIndex((w) => INSTALLERS.test(w));
            const verb = words[at] === 'apk' ? 'add' : 'install';
            if (at < 0 || !words.slice(at + 1).includes(verb))
                continue;
            for (const word of words.slice(words.indexOf(verb, at) + 1)) {
                if (word.startsWith('-') || word === '|' || word === '>' || word === '>>')
                    continue;
                out.push({ name: word, range: command.range });
            }
        }
    }
    return out;
}
/** The JDK packages the running image's RUNs install (`apt-get install -y --no-install-recommends openjdk-17-jre-headless`). */
function installedJdks(data) {
    return installedPackages(data).flatMap(({ name, range }) => {
        const jdk = (0, knowledge_1.jdkFromPackage)(name);
        return jdk ? [{ name, jdk, range }] : [];
    });
}
/** The JDK of an image lint-deploy has no facts for: unknown, with the FROM line that decides it. */
function unknownImageJdk(location, file, stage) {
    const origin = `the JDK of ${stage.written}, an image lint-deploy has no JDK facts for (${file}:${stage.line}); declare it with --java-version or config "components"`;
    return {
        vendor: { value: 'unknown', from: { kind: 'default', origin } },
        version: { value: '', from: { kind: 'default', origin } },
        securityProperties: {},
        systemProperties: {},
        attachment: {
            text: `JDK that ${file}:${stage.line} FROM ${stage.written} runs, not known to lint-deploy`,
            location,
        },
    };
}
