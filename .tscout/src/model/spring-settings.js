"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readAsPath = readAsPath;
exports.springSettings = springSettings;
exports.springDocuments = springDocuments;
exports.withoutSslBundles = withoutSslBundles;
const spring_1 = require("../parse/spring");
/** The path a file's relative and `classpath:` locations resolve from in this app: its own, or for a served file, the app's resources. */
function readAsPath(settings, doc) {
    return settings.servedAs.get(doc) ?? doc.file.path;
}
/** The system properties Spring reads as the settings lint-deploy models (the HTTPS server, SSL bundles, the MQ and RabbitMQ starters). */
const SPRING_PREFIXES = ['server.', 'spring.ssl.', 'ibm.mq.', 'spring.rabbitmq.'].map(spring_1.springKey);
const NO_START_SOURCES = { systemProperties: [], environment: [], commandLine: [] };
function springSettings(docs, activeNames, { systemProperties, environment, commandLine } = NO_START_SOURCES, servedAs = new Map()) {
    const base = docs.flatMap((doc) => doc.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries.map((entry) => ({ doc, entry }))));
    const ofProfile = (name) => docs.flatMap((doc) => doc.data.parts.filter((p) => p.profile === name).flatMap((p) => p.entries.map((entry) => ({ doc, entry }))));
    // The environment's variables come between the files and the system properties, the arguments last.
    const spelled = (name) => (source) => ({
        ...source,
        name: name(source.property),
        written: `${name(source.property)}=${source.property.value}`,
    });
    const fromJvm = [
        ...environment.map(spelled((p) => p.via ?? p.name)),
        ...systemProperties.map(spelled((p) => `-D${p.name}`)),
        ...commandLine.map(spelled((p) => `--${p.name}`)),
    ]
        .filter(({ property }) => SPRING_PREFIXES.some((prefix) => (0, spring_1.springKey)(property.name).startsWith(prefix)))
        .map(({ doc, property, name, written, via }) => ({
        doc,
        name,
        written,
        via,
        unresolved: property.unresolved,
        entry: {
            key: property.name,
            value: property.value,
            keyRange: property.nameRange,
            valueRange: property.valueRange,
            secret: property.secret,
        },
    }));
    const fromFiles = [...base, ...activeNames.flatMap(ofProfile)];
    const placed = [
        ...fromFiles,
        ...fromJvm.filter((p) => !p.unresolved).map(({ doc, entry }) => ({ doc, entry })),
    ];
    const docOf = new Map(placed.map((p) => [p.entry, p.doc]));
    const doc = (entry) => docOf.get(entry);
    const unresolved = fromJvm.filter((p) => p.unresolved).map(({ doc, entry, written }) => ({ doc, entry, written }));
    // Each setting by its uniform name, once: the server, the MQ factory and the stores each ask a dozen names.
    const byKey = new Map(placed.map((p) => [(0, spring_1.springKey)(p.entry.key), p.entry]));
    const setting = (key) => byKey.get((0, spring_1.springKey)(key));
    const startNames = new Map(fromJvm.map((p) => [p.entry, p.name]));
    const nameAsWritten = (entry) => startNames.get(entry) ?? entry.key;
    const viaOf = new Map(fromJvm.filter((p) => p.via).map((p) => [p.entry, p.via]));
    const via = (entry) => viaOf.get(entry);
    // Ranked as Spring ranks them (files, then the start's environment, -D, arguments): the last source of a key decides.
    const decidedAtRunTime = new Map();
    for (const { entry } of fromFiles)
        decidedAtRunTime.set((0, spring_1.springKey)(entry.key), undefined);
    for (const p of fromJvm)
        decidedAtRunTime.set((0, spring_1.springKey)(p.entry.key), p.unresolved ? p : undefined);
    const runTimeSetting = (key) => decidedAtRunTime.get((0, spring_1.springKey)(key));
    const setAtRunTime = (key) => runTimeSetting(key) !== undefined;
    return {
        base,
        placed,
        entries: placed.map((p) => p.entry),
        doc,
        via,
        setting,
        nameAsWritten,
        unresolved,
        setAtRunTime,
        runTimeSetting,
        servedAs,
    };
}
/** The Spring configuration files among a component's documents. */
function springDocuments(documents) {
    return documents.filter((d) => d.kind.startsWith('spring.'));
}
/** `server.ssl.bundle`, `spring.ssl.bundle.*` and every other `….ssl.bundle` / `….ssl-bundle` setting, in any relaxed spelling. */
const SSL_BUNDLE_SETTING = /^spring\.ssl\.bundle\.|(^|\.)ssl\.?bundle$/;
/**
 * The settings as a Spring Boot release before SSL bundles binds them (knowledge spring-boot.json sslBundles): no
 * bundle setting is a property there (Boot ignores unknown ones), so nothing reads `server.ssl.bundle`,
 * `spring.ssl.bundle.*` or a starter's `….ssl.bundle`.
 */
function withoutSslBundles(settings) {
    const bound = (entry) => !SSL_BUNDLE_SETTING.test((0, spring_1.springKey)(entry.key));
    const keep = (list) => list.filter((p) => bound(p.entry));
    return {
        ...settings,
        base: keep(settings.base),
        placed: keep(settings.placed),
        entries: settings.entries.filter(bound),
        unresolved: keep(settings.unresolved),
        // The last placed spelling wins; when that one is a bundle setting, every other spelling of the key is one too.
        setting: (key) => {
            const entry = settings.setting(key);
            return entry && bound(entry) ? entry : undefined;
        },
    };
}
