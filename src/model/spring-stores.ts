/**
 * A Spring Boot HTTPS server's key and trust stores: `server.ssl.key-store`/`trust-store` with their type and
 * password settings, or the SSL bundle `server.ssl.bundle` names (./spring-bundle.ts); else the JVM's
 * `javax.net.ssl.*` trust store, else the JDK's cacerts.
 */
import { placeholderDefault, valueWhileUnset } from '../core/placeholder';
import type { Location } from '../core/types';
import { writtenAsLiteral } from '../parse/keystore/own-password';
import { springResourceBases } from '../parse/spring';
import { decodedPassword } from '../parse/keystore/password-values';
import type { Entry } from '../parse/types';
import { traced } from './java-shared';
import { namedBundle, type SpringBundle } from './spring-bundle';
import {
  javaSystemStores,
  keyAliasOf,
  PLACEHOLDER,
  storeRef,
  withJavaTrustDefault,
  withRefusedPassword,
  type OwnPassword,
  type TreeStores,
} from './store-files';
import { readAsPath, springDocuments, type SpringSettings } from './spring-settings';
import type {
  Component,
  JmsConnectionFactoryComponent,
  SpringServerComponent,
  StoreRef,
  TlsTrustSettings,
} from './types';

/** The keys a Spring component names its stores with: its own store settings, and the key naming its SSL bundle. */
interface StoreKeys {
  bundle: string;
  /** The store's location, type and password settings of each side. */
  store(side: 'key' | 'trust'): { location: string; type: string; password: string };
  alias?: string;
}

const SERVER_SSL: StoreKeys = {
  bundle: 'server.ssl.bundle',
  store: (side) => ({
    location: `server.ssl.${side}-store`,
    type: `server.ssl.${side}-store-type`,
    password: `server.ssl.${side}-store-password`,
  }),
  alias: 'server.ssl.key-alias',
};

/** IBM MQ's starter: the deprecated `ibm.mq.jks.keyStore`/`trustStore` (they set javax.net.ssl.*). */
const IBM_MQ: StoreKeys = {
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
export function springTrust(
  component: SpringServerComponent,
  settings: SpringSettings,
  stores: TreeStores,
): TlsTrustSettings | undefined {
  return springStores(component, settings, stores, SERVER_SSL);
}

/**
 * IBM MQ's Spring Boot starter (./spring-mq.ts): the bundle `ibm.mq.sslBundle` names, else its deprecated
 * `ibm.mq.jks.keyStore`/`trustStore`, else the JVM's javax.net.ssl.* stores.
 */
export function springMqTrust(
  component: JmsConnectionFactoryComponent,
  settings: SpringSettings,
  stores: TreeStores,
): TlsTrustSettings | undefined {
  return springStores(component, settings, stores, IBM_MQ);
}

/**
 * The key and trust stores the `server.ssl.*` settings (or the bundle `server.ssl.bundle` names) give a Spring Boot
 * app that makes no HTTPS server of them (./unserved-tls.ts), without the JVM's defaults, each with the setting
 * that names it (`server.ssl.key-store`, `spring.ssl.bundle.jks.web.keystore.location`).
 */
export function springServerStores(component: Component, settings: SpringSettings, stores: TreeStores): StoreRef[] {
  const own = ownStores(component, settings, stores, SERVER_SSL, true);
  const named = [own?.trust.keyStore, own?.trust.trustStore].flatMap((store) =>
    store ? [{ ...store, setting: own?.settingOf.get(store) ?? store.path.value }] : [],
  );
  // Spring Boot 3.1+'s PEM certificate (`server.ssl.certificate`), used when no key store is set.
  const certificate = settings.setting('server.ssl.certificate');
  const written = certificate && (valueWhileUnset(certificate.value)?.trim() || certificate.value);
  if (!own?.trust.keyStore && certificate && written && !PLACEHOLDER.test(written)) {
    const doc = settings.doc(certificate);
    const at = traced(written, doc.file.path, certificate.valueRange);
    const bases = springResourceBases(readAsPath(settings, doc), written);
    named.push({ ...storeRef(at, bases, stores, { ...at, value: 'PEM' }), setting: certificate.key });
  }
  return named;
}

/**
 * The file the server's key store or PEM certificate setting names, as the server reads it: resolved from the app's
 * resources (a file a config server serves resolves on the client's classpath), a placeholder by its default (the
 * file used while the variable is unset); else the path as written, for the derive stage to find by its tail.
 */
export function springCertificateFile(settings: SpringSettings, setting: Entry, stores: TreeStores): string {
  const written = setting.value.trim();
  const usable = valueWhileUnset(written)?.trim() || written;
  const doc = settings.doc(setting);
  // As the store settings resolve (storeRef): first the file a Dockerfile copies to the path, then the resources.
  const resolved = PLACEHOLDER.test(usable)
    ? undefined
    : storeRef(
        traced(usable, doc.file.path, setting.valueRange),
        springResourceBases(readAsPath(settings, doc), usable),
        stores,
      ).file;
  return resolved ?? written.replace(/^(classpath|file):/, '');
}

/** The component's own stores (see `ownStores`), else the JVM's javax.net.ssl.* trust store, else the JDK's cacerts. */
function springStores(
  component: Component,
  settings: SpringSettings,
  stores: TreeStores,
  keys: StoreKeys,
): TlsTrustSettings | undefined {
  const own = ownStores(component, settings, stores, keys);
  return own && withJavaTrustDefault(own.trust, javaSystemStores(component.runtime, stores, own.bases));
}

/**
 * Key and trust stores from the SSL bundle the component names, else from its own store settings: the app's
 * settings as Spring applies them (start levels, default profile, then the active ones), any relaxed spelling.
 * `bases`: where the app's relative paths resolve; `settingOf`: the setting that names each store, as written.
 * `placeholderDefaults`: a setting written as a placeholder names its default (else it names no store).
 */
function ownStores(
  component: Component,
  settings: SpringSettings,
  stores: TreeStores,
  keys: StoreKeys,
  placeholderDefaults = false,
): { trust: TlsTrustSettings; bases: string[]; settingOf: ReadonlyMap<StoreRef, string> } | undefined {
  // Paths resolve from the app's Spring files; from its start files when a spring.config.location replaced them.
  const first = springDocuments(component.documents)[0] ?? settings.placed[0]?.doc;
  if (!first) return undefined;
  const last = settings.setting;
  // `${SSL_KEYSTORE:classpath:app.p12}`, `classpath:${KEYSTORE:app.p12}`: the store used while the variable is unset
  // (with `placeholderDefaults`).
  const valueOf = (e: Entry): string | undefined => {
    if (!PLACEHOLDER.test(e.value)) return e.value;
    const fallback = placeholderDefaults ? valueWhileUnset(e.value)?.trim() : undefined;
    return fallback && !PLACEHOLDER.test(fallback) ? fallback : undefined;
  };
  const usable = (e: Entry | undefined) => (e && valueOf(e) !== undefined ? e : undefined);
  const at = (e: Entry) => traced(valueOf(e) ?? e.value, settings.doc(e).file.path, e.valueRange);
  const passwordAt = (e: Entry | undefined): Location | undefined =>
    e ? { file: settings.doc(e).file.path, range: e.keyRange } : undefined;
  const settingOf = new Map<StoreRef, string>();
  // A PEM bundle's type is PEM, said where its certificate's location is.
  const ref = (location: Entry, type: Entry | 'PEM' | undefined, password: Entry | undefined): StoreRef => {
    const written = valueOf(location) ?? location.value;
    const bases = springResourceBases(readAsPath(settings, settings.doc(location)), written);
    // A start that sets the password only at run time (`SERVER_SSL_KEY_STORE_PASSWORD: ${KS_PW}`): the store is loaded
    // with that one, not the files' (cert/store-password-wrong then judges neither).
    const runTime = password && settings.runTimeSetting(password.key);
    const found = storeRef(
      at(location),
      bases,
      stores,
      type === 'PEM' ? { ...at(location), value: 'PEM' } : type ? at(type) : undefined,
      runTime ? { file: runTime.doc.file.path, range: runTime.entry.keyRange } : passwordAt(password),
    );
    // The password Spring binds (a start's SERVER_SSL_KEY_STORE_PASSWORD over the file's setting) judged as the store's
    // own: when it opens the store, the file's wrong one is not what the app loads it with (cert/store-password-wrong).
    // An encrypted value (Jasypt's ENC(…), Spring Cloud Config's {cipher}) is decrypted at start with a key the tree
    // does not hold: not judged.
    // A password setting that is one variable the app's starts set alike (a Kubernetes Secret's key) is judged too.
    const own =
      password && !runTime
        ? decodedPassword(password.value) !== undefined
          ? { value: password.value, at: passwordAt(password)!, key: settings.nameAsWritten(password) }
          : springVariablePassword(settings, password, passwordAt(password)!)
        : undefined;
    const store = own ? withRefusedPassword(found, own, stores, written, bases) : found;
    settingOf.set(store, location.key);
    return store;
  };
  // A named bundle is taken whole, in preference to the component's own store settings (Spring Boot's
  // WebServerSslBundle.get; the MQ starter: "the bundle name takes priority over the ibm.mq.jks properties").
  const named = namedBundle(settings, keys.bundle);
  const bundle = named?.bundle;
  const byBundle = named !== undefined;
  // A store named by a placeholder the tree does not resolve (`${KEYSTORE_PATH}`, set where the app runs): a store
  // whose file is unknown, said as written (dominikcebula/java-spring-boot-ibm-mq's IBM MQ bundle), not "none named"
  // and not the JVM's defaults. Only where the stores decide trust (`placeholderDefaults` lists files by name).
  const unresolved = (e: Entry | undefined, type: Entry | 'PEM' | undefined): StoreRef | undefined => {
    if (!e || placeholderDefaults || e.value.trim() === '') return undefined;
    // The file its defaults name (`classpath:${KEYSTORE:app.p12}`): the one the setting names while they are unset.
    const fallback = valueWhileUnset(e.value)?.trim();
    const whileUnset =
      fallback && !PLACEHOLDER.test(fallback)
        ? storeRef(
            traced(fallback, settings.doc(e).file.path, e.valueRange),
            springResourceBases(readAsPath(settings, settings.doc(e)), fallback),
            stores,
          ).file
        : undefined;
    const store: StoreRef = { path: at(e), setting: e.key, ...(whileUnset ? { fileWhileUnset: whileUnset } : {}) };
    if (type)
      store.type = type === 'PEM' ? { ...at(e), value: 'PEM' } : { ...at(type), value: type.value.toUpperCase() };
    settingOf.set(store, e.key);
    return store;
  };
  const side = (kind: 'key' | 'trust'): StoreRef | undefined => {
    if (!byBundle) {
      const own = keys.store(kind);
      const written = usable(last(own.location));
      const type = usable(last(own.type));
      return written ? ref(written, type, last(own.password)) : unresolved(last(own.location), type);
    }
    const entry = kind === 'key' ? bundle?.keyStore : bundle?.trustStore;
    const location = usable(entry);
    const type =
      bundle?.format === 'pem' ? 'PEM' : usable(kind === 'key' ? bundle?.keyStoreType : bundle?.trustStoreType);
    if (!location) return unresolved(entry, type);
    return ref(location, type, kind === 'key' ? bundle?.keyStorePassword : bundle?.trustStorePassword);
  };
  const trust: TlsTrustSettings = {};
  const keyStore = side('key');
  if (keyStore) trust.keyStore = keyStore;
  const aliasEntry = byBundle ? bundle?.keyAlias : keys.alias ? last(keys.alias) : undefined;
  const alias = aliasEntry && keyAliasOf(aliasEntry.value, settings.doc(aliasEntry).file.path, aliasEntry.valueRange);
  if (alias) trust.keyAlias = alias;
  const trustStore = side('trust');
  if (trustStore) trust.trustStore = trustStore;
  return { trust, bases: springResourceBases(first.file.path, ''), settingOf };
}

/** The value a setting gives while its variables are unset: itself, or a placeholder's default; undefined when unknown. */
export function usableValue(entry: Entry): string | undefined {
  const value = entry.value.trim();
  if (!PLACEHOLDER.test(value)) return value;
  const fallback = placeholderDefault(value)?.trim();
  return fallback !== undefined && !PLACEHOLDER.test(fallback) ? fallback : undefined;
}

/** The store a location setting names (storeOf), when it is set and not blank. */
export function storeNamedBy(
  settings: SpringSettings,
  stores: TreeStores,
  location: Entry | undefined,
  type: Entry | 'PEM' | undefined,
  password: Entry | undefined,
): StoreRef | undefined {
  return location && location.value.trim() !== '' ? storeOf(settings, stores, location, type, password) : undefined;
}

/** The key and trust stores an SSL bundle names (a PEM bundle's are PEM), each when its location is set. */
export function bundleStores(
  settings: SpringSettings,
  stores: TreeStores,
  bundle: SpringBundle,
): { keyStore?: StoreRef; trustStore?: StoreRef } {
  const pem = bundle.format === 'pem' ? 'PEM' : undefined;
  const keyStore = storeNamedBy(settings, stores, bundle.keyStore, pem ?? bundle.keyStoreType, bundle.keyStorePassword);
  const trustStore = storeNamedBy(
    settings,
    stores,
    bundle.trustStore,
    pem ?? bundle.trustStoreType,
    bundle.trustStorePassword,
  );
  return { ...(keyStore && { keyStore }), ...(trustStore && { trustStore }) };
}

/** A store a Spring setting names (Kafka, an SSL bundle), resolved as Spring resolves the resource (`classpath:ssl/app.keystore.jks`). */
export function storeOf(
  settings: SpringSettings,
  stores: TreeStores,
  location: Entry,
  type: Entry | 'PEM' | undefined,
  password: Entry | undefined,
): StoreRef {
  const doc = settings.doc(location);
  const value = usableValue(location);
  const at = traced(value ?? location.value, doc.file.path, location.valueRange);
  // A PEM bundle's type is PEM, said where its certificate's location is.
  const typeValue = type === 'PEM' ? type : type && usableValue(type);
  const typeAt =
    type === 'PEM'
      ? traced(type, doc.file.path, location.valueRange)
      : type && typeValue
        ? traced(typeValue, settings.doc(type).file.path, type.valueRange)
        : undefined;
  // A path only a variable the tree does not set gives: named, its file unknown.
  if (value === undefined) return { path: at, setting: location.key };
  // A password only the run knows (`SPRING_KAFKA_SSL_KEY_STORE_PASSWORD: ${PW}` over the file's setting): the store is
  // loaded with that one, so cert/store-password-wrong judges neither it nor the file's (as `ref` above does).
  const runTime = password && settings.runTimeSetting(password.key);
  const ref = storeRef(
    at,
    springResourceBases(readAsPath(settings, doc), value),
    stores,
    typeAt,
    runTime
      ? { file: runTime.doc.file.path, range: runTime.entry.keyRange }
      : password
        ? { file: settings.doc(password).file.path, range: password.keyRange }
        : undefined,
  );
  return { ...ref, setting: location.key };
}

/**
 * A password setting that is one variable (`${KEYSTORE_PASSWORD}`, with or without a default) as the app's starts set
 * it (SpringSettings.variable): the password the store is loaded with, placed where the value is written.
 */
export function springVariablePassword(settings: SpringSettings, entry: Entry, at: Location): OwnPassword | undefined {
  const variable = ONE_VARIABLE.exec(entry.value.trim())?.[1];
  const set = variable ? settings.variable?.(variable) : undefined;
  if (!variable || !set || !writtenAsLiteral(set.value)) return undefined;
  return {
    value: set.value,
    at: set.at,
    key: variable,
    context: [{ ...at, message: `${settings.nameAsWritten(entry)} reads the variable ${variable}` }, ...set.via],
  };
}

/** A value that is one Spring placeholder (`${KEYSTORE_PASSWORD}`, `${KEYSTORE_PASSWORD:changeit}`): its name. */
const ONE_VARIABLE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}$/;
