"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.springTrust = springTrust;
exports.springMqTrust = springMqTrust;
exports.springServerStores = springServerStores;
exports.springCertificateFile = springCertificateFile;
exports.usableValue = usableValue;
exports.storeNamedBy = storeNamedBy;
exports.bundleStores = bundleStores;
exports.storeOf = storeOf;
/**
 * A Spring Boot HTTPS server's key and trust stores: `server.ssl.key-store`/`trust-store` with their type and
 * password settings, or the SSL bundle `server.ssl.bundle` names (./spring-bundle.ts); else the JVM's
 * `javax.net.ssl.*` trust store, else the JDK's cacerts.
 */
const placeholder_1 = require("../core/placeholder");
const spring_1 = require("../parse/spring");
const password_values_1 = require("../parse/keystore/password-values");
const java_shared_1 = require("./java-shared");
const spring_bundle_1 = require("./spring-bundle");
const store_files_1 = require("./store-files");
const spring_settings_1 = require("./spring-settings");
const SERVER_SSL = {
    bundle: 'server.ssl.bundle',
    store: (side) => ({
        location: `server.ssl.${side}-store`,
        type: `server.ssl.${side}-store-type`,
        password: `server.ssl.${side}-store-password`,
    }),
    alias: 'server.ssl.key-alias',
};
/** IBM MQ's starter: the deprecated `ibm.mq.jks.keyStore`/`trustStore` (they set javax.net.ssl.*). */
const IBM_MQ = {
    bundle: 'ibm.mq.sslBundle',
    store: (side) => ({
        location: `ibm.mq.jks.${side}Store`,
        type: `ibm.mq.jks.${side}StoreType`,
        password: `ibm.mq.jks.${side}StorePassword`,
    }),
};
/**
 * The Spring Boot HTTPS server's stores: `server.ssl.*`, or the bundle `server.ssl.bundle` names. `settings` are the
 * ones the server was built from (model/java.ts: the start's arguments, -D and environment over the files).
 */
function springTrust(component, settings, stores) {
    return springStores(component, settings, stores, SERVER_SSL);
}
/**
 * IBM MQ's Spring Boot starter (./spring-mq.ts): the bundle `ibm.mq.sslBundle` names, else its deprecated
 * `ibm.mq.jks.keyStore`/`trustStore`, else the JVM's javax.net.ssl.* stores.
 */
function springMqTrust(component, settings, stores) {
    return springStores(component, settings, stores, IBM_MQ);
}
/**
 * The key and trust stores the `server.ssl.*` settings (or the bundle `server.ssl.bundle` names) give a Spring Boot
 * app that makes no HTTPS server of them (./unserved-tls.ts), without the JVM's defaults, each with the setting
 * that names it (`server.ssl.key-store`, `spring.ssl.bundle.jks.web.keystore.location`).
 */
function springServerStores(component, settings, stores) {
    const own = ownStores(component, settings, stores, SERVER_SSL, true);
    const named = [own?.trust.keyStore, own?.trust.trustStore].flatMap((store) => store ? [{ ...store, setting: own?.settingOf.get(store) ?? store.path.value }] : []);
    // Spring Boot 3.1+'s PEM certificate (`server.ssl.certificate`), used when no key store is set.
    const certificate = settings.setting('server.ssl.certificate');
    const written = certificate && ((0, placeholder_1.valueWhileUnset)(certificate.value)?.trim() || certificate.value);
    if (!own?.trust.keyStore && certificate && written && !store_files_1.PLACEHOLDER.test(written)) {
        const doc = settings.doc(certificate);
        const at = (0, java_shared_1.traced)(written, doc.file.path, certificate.valueRange);
        const bases = (0, spring_1.springResourceBases)((0, spring_settings_1.readAsPath)(settings, doc), written);
        named.push({ ...(0, store_files_1.storeRef)(at, bases, stores, { ...at, value: 'PEM' }), setting: certificate.key });
    }
    return named;
}
/**
 * The file the server's key store or PEM certificate setting names, as the server reads it: resolved from the app's
 * resources (a file a config server serves resolves on the client's classpath), a placeholder by its default (the
 * file used while the variable is unset); else the path as written, for the derive stage to find by its tail.
 */
function springCertificateFile(settings, setting, stores) {
    const written = setting.value.trim();
    const usable = (0, placeholder_1.valueWhileUnset)(written)?.trim() || written;
    const doc = settings.doc(setting);
    // As the store settings resolve (storeRef): first the file a Dockerfile copies to the path, then the resources.
    const resolved = store_files_1.PLACEHOLDER.test(usable)
        ? undefined
        : (0, store_files_1.storeRef)((0, java_shared_1.traced)(usable, doc.file.path, setting.valueRange), (0, spring_1.springResourceBases)((0, spring_settings_1.readAsPath)(settings, doc), usable), stores).file;
    return resolved ?? written.replace(/^(classpath|file):/, '');
}
/** The component's own stores (see `ownStores`), else the JVM's javax.net.ssl.* trust store, else the JDK's cacerts. */
function springStores(component, settings, stores, keys) {
    const own = ownStores(component, settings, stores, keys);
    return own && (0, store_files_1.withJavaTrustDefault)(own.trust, (0, store_files_1.javaSystemStores)(component.runtime, stores, own.bases));
}
/**
 * Key and trust stores from the SSL bundle the component names, else from its own store settings: the app's
 * settings as Spring applies them (start levels, default profile, then the active ones), any relaxed spelling.
 * `bases`: where the app's relative paths resolve; `settingOf`: the setting that names each store, as written.
 * `placeholderDefaults`: a setting written as a placeholder names its default (else it names no store).
 */
function ownStores(component, settings, stores, keys, placeholderDefaults = false) {
    // Paths resolve from the app's Spring files; from its start files when a spring.config.location replaced them.
    const first = (0, spring_settings_1.springDocuments)(component.documents)[0] ?? settings.placed[0]?.doc;
    if (!first)
        return undefined;
    const last = settings.setting;
    // `${SSL_KEYSTORE:classpath:app.p12}`, `classpath:${KEYSTORE:app.p12}`: the store used while the variable is unset
    // (with `placeholderDefaults`).
    const valueOf = (e) => {
        if (!store_files_1.PLACEHOLDER.test(e.value))
            return e.value;
        const fallback = placeholderDefaults ? (0, placeholder_1.valueWhileUnset)(e.value)?.trim() : undefined;
        return fallback && !store_files_1.PLACEHOLDER.test(fallback) ? fallback : undefined;
    };
    const usable = (e) => (e && valueOf(e) !== undefined ? e : undefined);
    const at = (e) => (0, java_shared_1.traced)(valueOf(e) ?? e.value, settings.doc(e).file.path, e.valueRange);
    const passwordAt = (e) => e ? { file: settings.doc(e).file.path, range: e.keyRange } : undefined;
    const settingOf = new Map();
    // A PEM bundle's type is PEM, said where its certificate's location is.
    const ref = (location, type, password) => {
        const written = valueOf(location) ?? location.value;
        const bases = (0, spring_1.springResourceBases)((0, spring_settings_1.readAsPath)(settings, settings.doc(location)), written);
        // A start that sets the password only at run time (`SERVER_SSL_KEY_STORE_PASSWORD: ${KS_PW}`): the store is loaded
        // with that one, not the files' (cert/store-password-wrong then judges neither).
        const runTime = password && settings.runTimeSetting(password.key);
        const found = (0, store_files_1.storeRef)(at(location), bases, stores, type === 'PEM' ? { ...at(location), value: 'PEM' } : type ? at(type) : undefined, runTime ? { file: runTime.doc.file.path, range: runTime.entry.keyRange } : passwordAt(password));
        // The password Spring binds (a start's SERVER_SSL_KEY_STORE_PASSWORD over the file's setting) judged as the store's
        // own: when it opens the store, the file's wrong one is not what the app loads it with (cert/store-password-wrong).
        // An encrypted value (Jasypt's ENC(…), Spring Cloud Config's {cipher}) is decrypted at start with a key the tree
        // does not hold: not judged.
        const store = password && !runTime && (0, password_values_1.decodedPassword)(password.value) !== undefined
            ? (0, store_files_1.withRefusedPassword)(found, { value: password.value, at: passwordAt(password), key: settings.nameAsWritten(password) }, stores, written, bases)
            : found;
        settingOf.set(store, location.key);
        return store;
    };
    // A named bundle is taken whole, in preference to the component's own store settings (Spring Boot's
    // WebServerSslBundle.get; the MQ starter: "the bundle name takes priority over the ibm.mq.jks properties").
    const named = (0, spring_bundle_1.namedBundle)(settings, keys.bundle);
    const bundle = named?.bundle;
    const byBundle = named !== undefined;
    // A store named by a placeholder the tree does not resolve (`${KEYSTORE_PATH}`, set where the app runs): a store
    // whose file is unknown, said as written (dominikcebula/java-spring-boot-ibm-mq's IBM MQ bundle), not "none named"
    // and not the JVM's defaults. Only where the stores decide trust (`placeholderDefaults` lists files by name).
    const unresolved = (e, type) => {
        if (!e || placeholderDefaults || e.value.trim() === '')
            return undefined;
        // The file its defaults name (`classpath:${KEYSTORE:app.p12}`): the one the setting names while they are unset.
        const fallback = (0, placeholder_1.valueWhileUnset)(e.value)?.trim();
        const whileUnset = fallback && !store_files_1.PLACEHOLDER.test(fallback)
            ? (0, store_files_1.storeRef)((0, java_shared_1.traced)(fallback, settings.doc(e).file.path, e.valueRange), (0, spring_1.springResourceBases)((0, spring_settings_1.readAsPath)(settings, settings.doc(e)), fallback), stores).file
            : undefined;
        const store = { path: at(e), setting: e.key, ...(whileUnset ? { fileWhileUnset: whileUnset } : {}) };
        if (type)
            store.type = type === 'PEM' ? { ...at(e), value: 'PEM' } : { ...at(type), value: type.value.toUpperCase() };
        settingOf.set(store, e.key);
        return store;
    };
    const side = (kind) => {
        if (!byBundle) {
            const own = keys.store(kind);
            const written = usable(last(own.location));
            const type = usable(last(own.type));
            return written ? ref(written, type, last(own.password)) : unresolved(last(own.location), type);
        }
        const entry = kind === 'key' ? bundle?.keyStore : bundle?.trustStore;
        const location = usable(entry);
        const type = bundle?.format === 'pem' ? 'PEM' : usable(kind === 'key' ? bundle?.keyStoreType : bundle?.trustStoreType);
        if (!location)
            return unresolved(entry, type);
        return ref(location, type, kind === 'key' ? bundle?.keyStorePassword : bundle?.trustStorePassword);
    };
    const trust = {};
    const keyStore = side('key');
    if (keyStore)
        trust.keyStore = keyStore;
    const aliasEntry = byBundle ? bundle?.keyAlias : keys.alias ? last(keys.alias) : undefined;
    const alias = aliasEntry && (0, store_files_1.keyAliasOf)(aliasEntry.value, settings.doc(aliasEntry).file.path, aliasEntry.valueRange);
    if (alias)
        trust.keyAlias = alias;
    const trustStore = side('trust');
    if (trustStore)
        trust.trustStore = trustStore;
    return { trust, bases: (0, spring_1.springResourceBases)(first.file.path, ''), settingOf };
}
/** The value a setting gives while its variables are unset: itself, or a placeholder's default; undefined when unknown. */
function usableValue(entry) {
    const value = entry.value.trim();
    if (!store_files_1.PLACEHOLDER.test(value))
        return value;
    const fallback = (0, placeholder_1.placeholderDefault)(value)?.trim();
    return fallback !== undefined && !store_files_1.PLACEHOLDER.test(fallback) ? fallback : undefined;
}
/** The store a location setting names (storeOf), when it is set and not blank. */
function storeNamedBy(settings, stores, location, type, password) {
    return location && location.value.trim() !== '' ? storeOf(settings, stores, location, type, password) : undefined;
}
/** The key and trust stores an SSL bundle names (a PEM bundle's are PEM), each when its location is set. */
function bundleStores(settings, stores, bundle) {
    const pem = bundle.format === 'pem' ? 'PEM' : undefined;
    const keyStore = storeNamedBy(settings, stores, bundle.keyStore, pem ?? bundle.keyStoreType, bundle.keyStorePassword);
    const trustStore = storeNamedBy(settings, stores, bundle.trustStore, pem ?? bundle.trustStoreType, bundle.trustStorePassword);
    return { ...(keyStore && { keyStore }), ...(trustStore && { trustStore }) };
}
/** A store a Spring setting names (Kafka, an SSL bundle), resolved as Spring resolves the resource (`classpath:ssl/app.keystore.jks`). */
function storeOf(settings, stores, location, type, password) {
    const doc = settings.doc(location);
    const value = usableValue(location);
    const at = (0, java_shared_1.traced)(value ?? location.value, doc.file.path, location.valueRange);
    // A PEM bundle's type is PEM, said where its certificate's location is.
    const typeValue = type === 'PEM' ? type : type && usableValue(type);
    const typeAt = type === 'PEM'
        ? (0, java_shared_1.traced)(type, doc.file.path, location.valueRange)
        : type && typeValue
            ? (0, java_shared_1.traced)(typeValue, settings.doc(type).file.path, type.valueRange)
            : undefined;
    // A path only a variable the tree does not set gives: named, its file unknown.
    if (value === undefined)
        return { path: at, setting: location.key };
    const ref = (0, store_files_1.storeRef)(at, (0, spring_1.springResourceBases)((0, spring_settings_1.readAsPath)(settings, doc), value), stores, typeAt, password ? { file: settings.doc(password).file.path, range: password.keyRange } : undefined);
    return { ...ref, setting: location.key };
}
