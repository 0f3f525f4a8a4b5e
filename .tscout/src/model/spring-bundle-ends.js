"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.springBundleEnds = springBundleEnds;
/**
 * The SSL bundles a Spring Boot app defines that no setting the model reads hands to a server or client (those of
 * `server.ssl.bundle`, `ibm.mq.sslBundle`, `spring.kafka[.<client>].ssl.bundle` are their consumer's). Spring Boot
 * registers every bundle of `spring.ssl.bundle.*` in its SslBundles (SslAutoConfiguration), where a starter the model
 * does not read (`spring.data.redis.ssl.bundle`: that client uses its stores, an end with no link) or the app's code
 * (`RestClient.Builder.apply(ssl.fromBundle("x"))`: perhaps, `useUnknown`) takes it by name. So a store only a bundle
 * names is not one "no setting names" (trodix/ssl-bundle-manager@1ec3356: mykeystore1.p12).
 */
const types_1 = require("../parse/types");
const spring_bundle_1 = require("./spring-bundle");
const spring_stores_1 = require("./spring-stores");
const BUNDLE_KEY = /^spring\.ssl\.bundle\.(jks|pem)\.([^.]+)\./i;
/** The settings whose consumer the model reads: the Spring server (./spring-server.ts), IBM MQ (./spring-stores.ts), Kafka (./kafka-spring.ts). */
const MODELLED_CONSUMER = /^(server\.ssl\.bundle|ibm\.mq\.ssl-?bundle|spring\.kafka\.([a-z-]+\.)?ssl\.bundle)$/i;
function springBundleEnds(app, settings, stores) {
    const defined = new Set();
    for (const entry of settings.entries) {
        const name = BUNDLE_KEY.exec(entry.key)?.[2];
        if (name)
            defined.add(name);
    }
    if (defined.size === 0)
        return [];
    // A bundle a setting the model reads hands over is that consumer's: the model names its stores there. One another
    // `…ssl.bundle` setting hands over (spring.data.redis.ssl.bundle, management.server.ssl.bundle) is in use by a client
    // or server the model does not read: an end all the same, with that setting as where it is used.
    const handed = new Map();
    for (const entry of settings.entries) {
        if (BUNDLE_KEY.test(entry.key) || !/ssl[.-]?bundle$/i.test(entry.key))
            continue;
        const name = entry.value.trim();
        if (MODELLED_CONSUMER.test(entry.key))
            defined.delete(name);
        // `spring.data.redis.ssl.enabled=false` beside the bundle: that client speaks no TLS (Boot 3.1+ enables it with the
        // bundle "unless specified otherwise"), so the bundle is handed to nothing the tree shows.
        else if (!handed.has(name) && !switchedOff(settings, entry.key))
            handed.set(name, entry);
    }
    const ends = [];
    for (const name of defined) {
        const bundle = (0, spring_bundle_1.springBundle)(settings.entries, name);
        if (!bundle)
            continue;
        const { keyStore, trustStore } = (0, spring_stores_1.bundleStores)(settings, stores, bundle);
        if (!keyStore && !trustStore)
            continue;
        const trust = {
            ...(keyStore ? { keyStore } : {}),
            ...(trustStore ? { trustStore } : { defaultTrust: 'jdk-cacerts' }),
        };
        const consumer = handed.get(name);
        ends.push({
            name: consumer ? `SSL bundle '${name}' of ${app.name} (${consumer.key})` : `SSL bundle '${name}' of ${app.name}`,
            ...(consumer ? {} : { useUnknown: 'not-handed-over' }),
            location: consumer ? (0, types_1.entryLocation)(settings.doc(consumer), consumer, 'value') : app.location,
            implementation: app.tls?.implementation ?? 'jsse',
            trust,
        });
    }
    return ends;
}
/** Whether the `…ssl.enabled` beside a `…ssl.bundle` setting turns that consumer's TLS off. */
function switchedOff(settings, bundleKey) {
    const enabled = settings.setting(bundleKey.replace(/bundle$/i, 'enabled'));
    return enabled?.value.trim().toLowerCase() === 'false';
}
