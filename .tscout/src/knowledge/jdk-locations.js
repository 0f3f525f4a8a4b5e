"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMMAND_LINE_ORDER = void 0;
exports.splitImageReference = splitImageReference;
exports.jdkFromImage = jdkFromImage;
exports.jdkFromPath = jdkFromPath;
exports.jdkFromPackage = jdkFromPackage;
exports.jdkFromArchive = jdkFromArchive;
exports.jvmOptionVariable = jvmOptionVariable;
exports.readsOptionVariable = readsOptionVariable;
exports.systemCaStoreOfPackage = systemCaStoreOfPackage;
exports.systemCaStoreOf = systemCaStoreOf;
exports.jdkHomeFilesOfImage = jdkHomeFilesOfImage;
exports.imageJavaHome = imageJavaHome;
exports.systemJavaStoreAt = systemJavaStoreAt;
exports.ownCacertsSourceOf = ownCacertsSourceOf;
exports.jlinkEcProvider = jlinkEcProvider;
const lazy_1 = require("../core/lazy");
const version_1 = require("./version");
/**
 * The data, required on first use (scripts/build.mjs makes it a chunk of its own, dist/chunks/jdk-locations.js): a
 * tree that names no image, install path, package or JVM option variable never reads or evaluates it.
 */
const facts = (0, lazy_1.lazy)(() => require('./data/jdk-locations.json'));
// The data's patterns are compiled on first use (lazy): a ClearTrust tree, which names no image, install path or
// package, compiles none of them.
const images = (0, lazy_1.lazy)(() => facts().images.map((image) => ({
    ...image,
    repository: new RegExp(image.repository),
    tags: image.tags.map((t) => ({ ...t, regex: new RegExp(t.pattern) })),
})));
const paths = (0, lazy_1.lazy)(() => facts().paths.map((entry) => ({ ...entry, regex: new RegExp(entry.pattern) })));
/** `{group}` of a template from the named groups, or undefined when one of them did not match. */
function fill(template, groups) {
    if (!template)
        return undefined;
    let complete = true;
    const text = template.replace(/\{(\w+)\}/g, (_, name) => {
        const value = groups[name];
        if (!value)
            complete = false;
        return value ?? '';
    });
    return complete ? text : undefined;
}
/** Splits `registry:5000/ns/name:tag@sha256:…` into the name and the tag (`latest` when absent). */
function splitImageReference(reference) {
    const [withoutDigest = ''] = reference.split('@'); // split always gives at least one part
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    return colon > slash
        ? { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) }
        : { name: withoutDigest, tag: 'latest' };
}
/**
 * The JDK an image runs, from its name and tag; undefined when the image is not one lint-deploy knows. `memo`: the
 * run's (one answer per image a run, read-only).
 */
function jdkFromImage(reference, memo) {
    if (memo)
        return memo.get('jdkFromImage', reference, () => jdkFromImage(reference));
    const { name, tag } = splitImageReference(reference.toLowerCase());
    for (const image of images()) {
        const repository = image.repository.exec(name);
        if (!repository)
            continue;
        const base = {
            source: image.source,
            confidence: image.confidence,
            note: image.note,
            gaUpdates: image.featureNamesGaUpdates,
        };
        for (const rule of image.tags) {
            const m = rule.regex.exec(tag);
            if (!m)
                continue;
            const groups = { ...repository.groups, ...m.groups };
            const feature = groups.feature || rule.feature;
            const version = fill(rule.version, groups);
            const first = version ? undefined : image.featureNamesFirstUpdates?.find((f) => String(f.feature) === feature);
            return {
                ...base,
                gaUpdates: rule.featureNamesGaUpdates ?? base.gaUpdates,
                vendor: (rule.vendor ?? image.vendor),
                version,
                feature,
                ...(first ? { firstUpdate: first.update } : {}),
            };
        }
        return { ...base, vendor: image.vendor, feature: repository.groups?.feature };
    }
    return undefined;
}
/**
 * The JDK an install path names (a JAVA_HOME value or a `…/bin/java` command); undefined when unknown. `memo`: the
 * run's (one answer per path a run, read-only).
 */
function jdkFromPath(installPath, memo) {
    if (memo)
        return memo.get('jdkFromPath', installPath, () => jdkFromPath(installPath));
    return firstNamed(paths(), installPath);
}
/** The JDK the first rule matching `text` names; undefined when none does. */
function firstNamed(rules, text) {
    for (const entry of rules) {
        const m = entry.regex.exec(text);
        if (!m)
            continue;
        const groups = m.groups ?? {};
        return {
            vendor: entry.vendor,
            version: fill(entry.version, groups),
            feature: groups.feature,
            source: entry.source,
            confidence: entry.confidence,
            note: entry.note,
            gaUpdates: entry.featureNamesGaUpdates,
        };
    }
    return undefined;
}
const packages = (0, lazy_1.lazy)(() => facts().packages.map((entry) => ({ ...entry, regex: new RegExp(entry.pattern) })));
/** The JDK an operating system package installs (`openjdk-17-jre-headless`, `java-17-openjdk`); undefined when unknown. */
function jdkFromPackage(name) {
    const bare = name.replace(/=.*$/, '');
    for (const entry of packages()) {
        const m = entry.regex.exec(bare);
        if (!m)
            continue;
        return {
            vendor: entry.vendor,
            feature: m.groups?.feature,
            source: entry.source,
            confidence: entry.confidence,
            note: entry.note,
        };
    }
    return undefined;
}
const archives = (0, lazy_1.lazy)(() => facts().archives.map((entry) => ({ ...entry, regex: new RegExp(entry.pattern) })));
/**
 * The JDK a JDK archive's file name gives (`openjdk-11+28_linux-x64_bin.tar.gz`, `jdk-8u202-linux-x64.tar.gz`: data
 * `archives`, each vendor's naming scheme); undefined for any other file. A name without an update gives the feature.
 */
function jdkFromArchive(fileName) {
    return firstNamed(archives(), fileName);
}
/** Where the command line's own options come among the option variables. */
exports.COMMAND_LINE_ORDER = 2;
const optionVariables = (0, lazy_1.lazy)(() => facts().optionVariables.map((v) => ({
    variable: v.variable,
    reader: v.reader === 'launcher' ? 'launcher' : 'jvm',
    order: v.order,
    ...(v.sinceFeature !== undefined && { sinceFeature: v.sinceFeature }),
    source: v.source,
})));
/** The option variable of that name (`JAVA_TOOL_OPTIONS`), or undefined for any other (`JAVA_OPTS`: scripts read it). */
function jvmOptionVariable(name) {
    return optionVariables().find((v) => v.variable === name);
}
/**
 * Whether a JDK of that version (as written) reads the option variable: true for one every JDK reads, false for a
 * launcher variable older JDKs do not read, undefined when the version is unknown and that decides it.
 */
function readsOptionVariable(variable, version) {
    if (variable.sinceFeature === undefined)
        return true;
    const parsed = version ? (0, version_1.parseJavaVersion)(version) : undefined;
    return parsed ? parsed.feature >= variable.sinceFeature : undefined;
}
const systemCaStores = (0, lazy_1.lazy)(() => facts().systemCaStores.flatMap((entry) => entry.repository !== undefined && entry.tags !== undefined
    ? [{ ...entry, repository: new RegExp(entry.repository), tags: new RegExp(entry.tags) }]
    : []));
const packageCaStores = (0, lazy_1.lazy)(() => facts().systemCaStores.flatMap((entry) => entry.package !== undefined ? [{ ...entry, package: new RegExp(entry.package) }] : []));
/**
 * How the JDK a distribution package installs follows the system CA store (`openjdk-17-jre-headless`: its cacerts is
 * /etc/ssl/certs/java/cacerts, which update-ca-certificates extends); undefined when no source says.
 */
function systemCaStoreOfPackage(name) {
    const bare = name.replace(/=.*$/, '');
    const entry = packageCaStores().find((e) => e.package.test(bare));
    const javaStore = entry && 'javaStore' in entry ? entry.javaStore : undefined;
    return (entry && {
        command: entry.command,
        anchors: entry.anchors,
        extensions: entry.extensions,
        ...('topLevelOnly' in entry && entry.topLevelOnly && { topLevelOnly: true }),
        ...(javaStore && {
            javaStore: {
                path: javaStore.path,
                mergingInstalls: new RegExp(javaStore.mergingInstalls),
                source: javaStore.source,
            },
        }),
        source: entry.source,
    });
}
/**
 * Whether the JDK of an image follows the system CA store, and how; undefined when no source says so (the JDK's
 * own cacerts, or an image lint-deploy does not know). A tag naming an update may be older than the mechanism.
 */
function systemCaStoreOf(reference) {
    const { name, tag } = splitImageReference(reference.toLowerCase());
    const entry = systemCaStores().find((e) => e.repository.test(name) && e.tags.test(tag));
    if (!entry || (entry.floatingTagsOnly && jdkFromImage(reference)?.version !== undefined))
        return undefined;
    return {
        command: entry.command,
        anchors: entry.anchors,
        extensions: entry.extensions,
        ...('optIn' in entry && entry.optIn && { optIn: entry.optIn }),
        source: entry.source,
    };
}
const imageHomes = (0, lazy_1.lazy)(() => facts().imageHomes.map((entry) => ({
    repository: new RegExp(entry.repository),
    tags: new RegExp(entry.tags),
    home: entry.javaHome,
    ownCacertsSource: 'ownCacerts' in entry ? entry.ownCacerts?.source : undefined,
})));
/** The image-home entry of an image (data: `imageHomes`), or undefined when no source names its home. */
function imageHomeOf(reference) {
    const { name, tag } = splitImageReference(reference.toLowerCase());
    return imageHomes().find((h) => h.repository.test(name) && h.tags.test(tag));
}
/**
 * The JDK an image runs and where its home keeps cacerts and java.security: the feature release its name gives, and
 * for JDK 8 whether the tag names a JRE or a JDK (`8-jre`, `8u202-b08-jdk`; a JDK 8 keeps them under `jre/`).
 * Undefined when the image is not one lint-deploy knows, or its feature (or, for JDK 8, which of the two) is unknown.
 * `memo`: the run's; a fleet names the same few images in every environment, and its Dockerfiles are asked this
 * by the runtimes, the image edits, the cacerts and a rule each: one answer per image a run (read-only).
 */
function jdkHomeFilesOfImage(reference, memo) {
    if (memo)
        return memo.get('jdkHomeFilesOfImage', reference, () => jdkHomeFilesOfImage(reference));
    const named = jdkFromImage(reference);
    const feature = named && ((0, version_1.parseJavaVersion)(named.version ?? '')?.feature ?? Number(named.feature ?? NaN));
    if (feature === undefined || Number.isNaN(feature))
        return undefined;
    const { tag } = splitImageReference(reference.toLowerCase());
    const kind = /jre/.test(tag) ? 'jre' : /jdk/.test(tag) ? 'jdk' : undefined;
    const layout = facts().homeLayouts.find((l) => feature >= (l.fromFeature ?? 0) && feature <= (l.toFeature ?? Infinity) && (!('image' in l) || l.image === kind));
    return layout && { cacerts: layout.cacerts, javaSecurity: layout.javaSecurity, source: layout.source };
}
/** The JAVA_HOME an image sets (data: `imageHomes`); undefined when no source says. */
function imageJavaHome(reference) {
    return imageHomeOf(reference)?.home;
}
const systemJavaStores = (0, lazy_1.lazy)(() => facts().systemJavaStores.map((s) => ({
    path: s.path,
    keptBy: s.keptBy,
    source: s.source,
})));
/** The system Java store at that absolute path (`/etc/ssl/certs/java/cacerts`), or undefined. */
function systemJavaStoreAt(absolutePath) {
    return systemJavaStores().find((s) => s.path === absolutePath);
}
/**
 * Where a source says the JDK of an image keeps its own cacerts, linked to no system Java store (data: `imageHomes`
 * `ownCacerts`); undefined when no source says (a JDK installed from the distribution's packages may read one).
 */
function ownCacertsSourceOf(reference) {
    return imageHomeOf(reference)?.ownCacertsSource;
}
function jlinkEcProvider() {
    const { module, fromFeature, inJavaBaseFromFeature, source } = facts().jlinkEcProvider;
    return { module, fromFeature, inJavaBaseFromFeature, source };
}
