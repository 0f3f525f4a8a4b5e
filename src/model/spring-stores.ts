/**
 * A Spring Boot HTTPS server's key and trust stores: `server.ssl.key-store`/`trust-store` with their type and
 * password settings, or the SSL bundle `server.ssl.bundle` names (./spring-bundle.ts); else the JVM's
 * `javax.net.ssl.*` trust store, else the JDK's cacerts.
 */
import type { Location } from '../core/types';
import { springResourceBases, type SpringConfigData } from '../parse/spring';
import type { Entry, ParsedDocument } from '../parse/types';
import { traced } from './java-shared';
import { springBundle } from './spring-bundle';
import { javaSystemStores, PLACEHOLDER, storeRef, withJavaTrustDefault, type TreeStores } from './store-files';
import type { Component, StoreRef, TlsTrustSettings } from './types';

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

/** The Spring Boot HTTPS server's stores: `server.ssl.*`, or the bundle `server.ssl.bundle` names. */
export function springTrust(component: Component, stores: TreeStores): TlsTrustSettings | undefined {
  return springStores(component, stores, SERVER_SSL);
}

/**
 * IBM MQ's Spring Boot starter (./spring-mq.ts): the bundle `ibm.mq.sslBundle` names, else its deprecated
 * `ibm.mq.jks.keyStore`/`trustStore`, else the JVM's javax.net.ssl.* stores.
 */
export function springMqTrust(component: Component, stores: TreeStores): TlsTrustSettings | undefined {
  return springStores(component, stores, IBM_MQ);
}

/** Key and trust stores from the component's own store settings, else from the SSL bundle it names. */
function springStores(component: Component, stores: TreeStores, keys: StoreKeys): TlsTrustSettings | undefined {
  const doc = component.documents.find((d) => d.kind.startsWith('spring.')) as
    | ParsedDocument<SpringConfigData>
    | undefined;
  if (!doc) return undefined;
  const entries = doc.data.parts.filter((p) => !p.profile).flatMap((p) => p.entries);
  const last = (key: string) => [...entries].reverse().find((x) => x.key === key);
  const usable = (e: Entry | undefined) => (e && !PLACEHOLDER.test(e.value) ? e : undefined);
  const at = (e: Entry) => traced(e.value, doc.file.path, e.valueRange);
  const passwordAt = (e: Entry | undefined): Location | undefined =>
    e ? { file: doc.file.path, range: e.keyRange } : undefined;
  const ref = (location: Entry, type: Entry | undefined, password: Entry | undefined): StoreRef =>
    storeRef(
      at(location),
      springResourceBases(doc.file.path, location.value),
      stores,
      type ? at(type) : undefined,
      passwordAt(password),
    );
  const bundleName = last(keys.bundle);
  const bundle = bundleName ? springBundle(entries, bundleName.value.trim()) : undefined;
  // The component's own store settings, else the bundle's key store / trust store.
  const side = (kind: 'key' | 'trust'): StoreRef | undefined => {
    const own = keys.store(kind);
    const fromBundle = {
      location: kind === 'key' ? bundle?.keyStore : bundle?.trustStore,
      type: kind === 'key' ? bundle?.keyStoreType : bundle?.trustStoreType,
      password: kind === 'key' ? bundle?.keyStorePassword : bundle?.trustStorePassword,
    };
    const written = usable(last(own.location));
    if (written) return ref(written, usable(last(own.type)), last(own.password));
    const location = usable(fromBundle.location);
    if (!location) return undefined;
    const type = bundle?.format === 'pem' ? { ...location, value: 'PEM' } : usable(fromBundle.type);
    return ref(location, type, fromBundle.password);
  };
  const trust: TlsTrustSettings = {};
  const keyStore = side('key');
  if (keyStore) trust.keyStore = keyStore;
  const alias = (keys.alias ? usable(last(keys.alias)) : undefined) ?? usable(bundle?.keyAlias);
  if (alias) trust.keyAlias = at(alias);
  const trustStore = side('trust');
  if (trustStore) trust.trustStore = trustStore;
  const bases = springResourceBases(doc.file.path, '');
  return withJavaTrustDefault(trust, javaSystemStores(component.runtime, stores, bases));
}
