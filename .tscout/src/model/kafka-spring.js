"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.springKafkaEnds = springKafkaEnds;
exports.springKafkaSslConflicts = springKafkaSslConflicts;
const kafka_protocols_1 = require("./kafka-protocols");
const spring_bundle_1 = require("./spring-bundle");
const spring_stores_1 = require("./spring-stores");
/** The Kafka clients Spring Boot configures, each with its own `spring.kafka.<client>.*` settings. */
const CLIENTS = ['producer', 'consumer', 'admin', 'streams'];
/** A Kafka setting and the name Spring Boot's `ssl.*` properties give it (none: only `properties.*` sets it). */
const SETTINGS = {
    protocol: { kafka: 'security.protocol', spring: 'security.protocol' },
    keyStore: { kafka: 'ssl.keystore.location', spring: 'ssl.key-store-location' },
    keyStoreType: { kafka: 'ssl.keystore.type', spring: 'ssl.key-store-type' },
    keyStorePassword: { kafka: 'ssl.keystore.password', spring: 'ssl.key-store-password' },
    trustStore: { kafka: 'ssl.truststore.location', spring: 'ssl.trust-store-location' },
    trustStoreType: { kafka: 'ssl.truststore.type', spring: 'ssl.trust-store-type' },
    trustStorePassword: { kafka: 'ssl.truststore.password', spring: 'ssl.trust-store-password' },
    engineFactory: { kafka: 'ssl.engine.factory.class', spring: undefined },
    endpointIdentification: { kafka: 'ssl.endpoint.identification.algorithm', spring: undefined },
    enabledProtocols: { kafka: 'ssl.enabled.protocols', spring: undefined },
    cipherSuites: { kafka: 'ssl.cipher.suites', spring: undefined },
    bundle: { kafka: undefined, spring: 'ssl.bundle' },
};
/**
 * The Kafka clients of the app whose security protocol is SSL or SASL_SSL and whose settings name a key or trust store,
 * clients that read the same settings told as one end. A client with an SSL bundle takes the bundle's stores; one with a
 * custom engine factory, or a bundle the tree does not define, is left out: which files it reads is unknown. Where the
 * app's Spring Boot release predates the bundle setting (`bundleIgnoredBy`), the setting is ignored and the store
 * settings are read: the release is then where the end's stores are decided too (UnlinkedEnd.storesReadBecause).
 */
function springKafkaEnds(app, settings, stores, bundleIgnoredBy) {
    if (!settings.entries.some((e) => /^spring\.kafka\./i.test(e.key)))
        return [];
    const byStores = new Map();
    for (const client of CLIENTS) {
        // The setting that decides a Kafka key for this client: the last of the layers Spring Boot applies in order.
        const decides = (setting) => {
            const { kafka, spring } = SETTINGS[setting];
            const layers = ['spring.kafka.', `spring.kafka.${client}.`].flatMap((prefix) => [
                ...(spring ? [prefix + spring] : []),
                ...(kafka ? [`${prefix}properties.${kafka}`] : []),
            ]);
            let found;
            for (const key of layers)
                found = settings.setting(key) ?? found;
            return found;
        };
        const protocol = decides('protocol');
        const written = protocol ? (0, spring_stores_1.usableValue)(protocol)?.toUpperCase() : undefined;
        if (!protocol || !written || !kafka_protocols_1.KAFKA_TLS_PROTOCOLS.has(written))
            continue;
        if (decides('engineFactory'))
            continue;
        const ignoredBundle = bundleIgnoredBy && decides('bundle');
        const bundleName = bundleIgnoredBy ? undefined : decides('bundle');
        const bundle = bundleName && (0, spring_bundle_1.springBundle)(settings.entries, (0, spring_stores_1.usableValue)(bundleName) ?? '');
        if (bundleName && !bundle)
            continue;
        const store = (kind) => (0, spring_stores_1.storeNamedBy)(settings, stores, decides(kind), decides(`${kind}Type`), decides(`${kind}Password`));
        const fromBundle = bundle ? (0, spring_stores_1.bundleStores)(settings, stores, bundle) : undefined;
        const trust = {};
        const keyStore = fromBundle ? fromBundle.keyStore : store('keyStore');
        if (keyStore)
            trust.keyStore = keyStore;
        const trustStore = fromBundle ? fromBundle.trustStore : store('trustStore');
        if (trustStore)
            trust.trustStore = trustStore;
        else
            trust.defaultTrust = 'jdk-cacerts';
        // An empty ssl.endpoint.identification.algorithm (not a placeholder): no host name check (JSSE skips an empty one).
        const identification = decides('endpointIdentification');
        const off = identification && identification.value.trim() === ''
            ? {
                setting: identification.key,
                at: { file: settings.doc(identification).file.path, range: identification.keyRange },
                tlsAt: { file: settings.doc(protocol).file.path, range: protocol.keyRange },
            }
            : undefined;
        const list = (setting) => {
            const entry = decides(setting);
            return (entry && (0, kafka_protocols_1.kafkaListOf)(entry.key, entry.value, { file: settings.doc(entry).file.path, range: entry.valueRange }));
        };
        const protocols = list('enabledProtocols');
        const cipherSuites = list('cipherSuites');
        if (!keyStore && !trustStore && !off && !protocols && !cipherSuites)
            continue;
        const ignored = ignoredBundle && bundleIgnoredBy
            ? {
                ...bundleIgnoredBy.at,
                message: `${bundleIgnoredBy.by} names Spring Boot ${bundleIgnoredBy.version}, which ignores ${ignoredBundle.key}`,
            }
            : undefined;
        const key = [keyStore, trustStore].map((s) => (s ? placeOf(s) : '')).join('|') +
            `|${off ? placeOf(off.at) : ''}|${ignored ? ignored.message : ''}|${protocols ? placeOf(enabledAt(protocols)) : ''}|${cipherSuites ? placeOf(enabledAt(cipherSuites)) : ''}`;
        const same = byStores.get(key);
        if (same)
            same.clients.push(client);
        else
            byStores.set(key, {
                clients: [client],
                trust,
                ...(off ? { off } : {}),
                ...(ignored ? { ignored } : {}),
                ...(protocols ? { protocols } : {}),
                ...(cipherSuites ? { cipherSuites } : {}),
            });
    }
    return [...byStores.values()].map(({ clients, trust, off, ignored, protocols, cipherSuites }) => ({
        name: `Kafka ${clients.length === CLIENTS.length ? 'clients' : clients.join(', ')} of ${app.name}`,
        location: app.location,
        implementation: app.tls?.implementation ?? 'jsse',
        trust,
        ...(off ? { hostnameVerificationOff: off } : {}),
        ...(ignored ? { storesReadBecause: ignored } : {}),
        ...(protocols ? { protocols } : {}),
        ...(cipherSuites ? { cipherSuites } : {}),
        ...(app.runtime ? { runtime: app.runtime } : {}),
    }));
}
/** Where an end's list setting is written. */
function enabledAt(list) {
    const from = list.value.from;
    return from.kind === 'file' ? from.location : { file: list.setting };
}
/** Where a store (or a setting) is named, as a key for telling apart the clients that read different settings. */
function placeOf(named) {
    const at = 'path' in named ? (named.path.from.kind === 'file' ? named.path.from.location : undefined) : named;
    return at
        ? `${at.file}:${at.range?.start.line ?? 0}:${at.range?.start.character ?? 0}`
        : 'path' in named
            ? named.path.value
            : '';
}
/** The store settings an SSL bundle excludes in the same `Ssl` object (KafkaProperties.Ssl.validate, Boot 3.2.0). */
const BUNDLE_EXCLUDES = ['key-store-location', 'key-store-key', 'trust-store-location', 'trust-store-certificates'];
/**
 * The `spring.kafka.ssl.*` and `spring.kafka.<client>.ssl.*` objects that set both a bundle and a store: Spring Boot 3.2+
 * throws MutuallyExclusiveConfigurationPropertiesException when it builds that client's properties (KafkaProperties.Ssl
 * validate(), called by buildProperties whatever the security protocol:
 * https://github.com/spring-projects/spring-boot/blob/v3.2.0/spring-boot-project/spring-boot-autoconfigure/src/main/java/org/springframework/boot/autoconfigure/kafka/KafkaProperties.java,
 * the same at v3.4.0). A value only the run knows (a placeholder without a default) is not judged. `refusedBy`: the
 * project's release, when it is known to be one that refuses them.
 */
function springKafkaSslConflicts(settings, refusedBy) {
    if (!settings.entries.some((e) => /^spring\.kafka\./i.test(e.key)))
        return [];
    const out = [];
    const place = (entry) => ({
        setting: entry.key,
        at: { file: settings.doc(entry).file.path, range: entry.keyRange },
    });
    const set = (key) => {
        const entry = settings.setting(key);
        return entry && (0, spring_stores_1.usableValue)(entry) ? entry : undefined;
    };
    for (const prefix of ['spring.kafka.ssl.', ...CLIENTS.map((client) => `spring.kafka.${client}.ssl.`)]) {
        const bundle = set(`${prefix}bundle`);
        if (!bundle)
            continue;
        for (const excluded of BUNDLE_EXCLUDES) {
            const store = set(prefix + excluded);
            if (store)
                out.push({ bundle: place(bundle), store: place(store), ...(refusedBy && { refusedBy }) });
        }
    }
    return out;
}
