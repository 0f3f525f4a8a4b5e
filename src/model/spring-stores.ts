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

/** The Spring Boot HTTPS server's stores: `server.ssl.*`, or the bundle `server.ssl.bundle` names. */
export function springTrust(component: Component, stores: TreeStores): TlsTrustSettings | undefined {
  return springStores(component, stores, 'server.ssl.bundle', 'server.ssl.');
}

/**
 * IBM MQ's Spring Boot starter (./spring-mq.ts): the bundle `ibm.mq.sslBundle` names, else its deprecated
 * `ibm.mq.jks.keyStore`/`trustStore` (they set javax.net.ssl.*), else the JVM's javax.net.ssl.* stores.
 */
export function springMqTrust(component: Component, stores: TreeStores): TlsTrustSettings | undefined {
  return springStores(component, stores, 'ibm.mq.sslBundle', 'ibm.mq.jks.');
}

/**
 * Key and trust stores from `<prefix>key-store`/`trust-store` (`server.ssl.`) or `<prefix>keyStore`/`trustStore`
 * (`ibm.mq.jks.`) with their type and password settings, else from the SSL bundle `bundleKey` names.
 */
function springStores(
  component: Component,
  stores: TreeStores,
  bundleKey: string,
  prefix: string,
): TlsTrustSettings | undefined {
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
  const bundleName = last(bundleKey);
  const bundle = bundleName ? springBundle(entries, bundleName.value.trim()) : undefined;
  // `server.ssl.key-store*` / `trust-store*`, else the bundle's key store / trust store.
  const side = (kind: 'key' | 'trust'): StoreRef | undefined => {
    const own = prefix === 'server.ssl.' ? `${prefix}${kind}-store` : `${prefix}${kind}Store`;
    const typeKey = prefix === 'server.ssl.' ? `${own}-type` : `${own}Type`;
    const passwordKey = prefix === 'server.ssl.' ? `${own}-password` : `${own}Password`;
    const fromBundle = {
      location: kind === 'key' ? bundle?.keyStore : bundle?.trustStore,
      type: kind === 'key' ? bundle?.keyStoreType : bundle?.trustStoreType,
      password: kind === 'key' ? bundle?.keyStorePassword : bundle?.trustStorePassword,
    };
    const written = usable(last(own));
    if (written) return ref(written, usable(last(typeKey)), last(passwordKey));
    const location = usable(fromBundle.location);
    if (!location) return undefined;
    const type = bundle?.format === 'pem' ? { ...location, value: 'PEM' } : usable(fromBundle.type);
    return ref(location, type, fromBundle.password);
  };
  const trust: TlsTrustSettings = {};
  const keyStore = side('key');
  if (keyStore) trust.keyStore = keyStore;
  const alias =
    (prefix === 'server.ssl.' ? usable(last('server.ssl.key-alias')) : undefined) ?? usable(bundle?.keyAlias);
  if (alias) trust.keyAlias = at(alias);
  const trustStore = side('trust');
  if (trustStore) trust.trustStore = trustStore;
  const bases = springResourceBases(doc.file.path, '');
  return withJavaTrustDefault(trust, javaSystemStores(component.runtime, stores, bases));
}
