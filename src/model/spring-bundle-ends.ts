/**
 * The SSL bundles a Spring Boot app defines that no setting the model reads hands to a server or client (those of
 * `server.ssl.bundle`, `ibm.mq.sslBundle`, `spring.kafka[.<client>].ssl.bundle` are their consumer's). Spring Boot
 * registers every bundle of `spring.ssl.bundle.*` in its SslBundles (SslAutoConfiguration), where a starter the model
 * does not read (`spring.data.redis.ssl.bundle`: that client uses its stores, an end with no link) or the app's code
 * (`RestClient.Builder.apply(ssl.fromBundle("x"))`: perhaps, `useUnknown`) takes it by name. So a store only a bundle
 * names is not one "no setting names" (trodix/ssl-bundle-manager@1ec3356: mykeystore1.p12).
 */
import { entryLocation, type Entry } from '../parse/types';
import { springBundle } from './spring-bundle';
import type { SpringSettings } from './spring-settings';
import type { TreeStores } from './store-files';
import { bundleStores } from './spring-stores';
import type { Component, TlsTrustSettings, UnlinkedEnd } from './types';
import { trustStoreOrCacerts } from './attributes-tls';

const BUNDLE_KEY = /^spring\.ssl\.bundle\.(jks|pem)\.([^.]+)\./i;
/** The settings whose consumer the model reads: the Spring server (./spring-server.ts), IBM MQ (./spring-stores.ts), Kafka (./kafka-spring.ts). */
const MODELLED_CONSUMER = /^(server\.ssl\.bundle|ibm\.mq\.ssl-?bundle|spring\.kafka\.([a-z-]+\.)?ssl\.bundle)$/i;

export function springBundleEnds(app: Component, settings: SpringSettings, stores: TreeStores): UnlinkedEnd[] {
  const defined = new Set<string>();
  for (const entry of settings.entries) {
    const name = BUNDLE_KEY.exec(entry.key)?.[2];
    if (name) defined.add(name);
  }
  if (defined.size === 0) return [];
  // A bundle a setting the model reads hands over is that consumer's: the model names its stores there. One another
  // `…ssl.bundle` setting hands over (spring.data.redis.ssl.bundle, management.server.ssl.bundle) is in use by a client
  // or server the model does not read: an end all the same, with that setting as where it is used.
  const handed = new Map<string, Entry>();
  for (const entry of settings.entries) {
    if (BUNDLE_KEY.test(entry.key) || !/ssl[.-]?bundle$/i.test(entry.key)) continue;
    const name = entry.value.trim();
    if (MODELLED_CONSUMER.test(entry.key)) defined.delete(name);
    // `spring.data.redis.ssl.enabled=false` beside the bundle: that client speaks no TLS (Boot 3.1+ enables it with the
    // bundle "unless specified otherwise"), so the bundle is handed to nothing the tree shows.
    else if (!handed.has(name) && !switchedOff(settings, entry.key)) handed.set(name, entry);
  }
  const ends: UnlinkedEnd[] = [];
  for (const name of defined) {
    const bundle = springBundle(settings.entries, name);
    if (!bundle) continue;
    const { keyStore, trustStore } = bundleStores(settings, stores, bundle);
    if (!keyStore && !trustStore) continue;
    const trust: TlsTrustSettings = {
      ...(keyStore ? { keyStore } : {}),
      ...trustStoreOrCacerts(trustStore),
    };
    const consumer = handed.get(name);
    ends.push({
      name: consumer ? `SSL bundle '${name}' of ${app.name} (${consumer.key})` : `SSL bundle '${name}' of ${app.name}`,
      ...(consumer ? {} : { useUnknown: 'not-handed-over' as const }),
      location: consumer ? entryLocation(settings.doc(consumer), consumer, 'value') : app.location,
      implementation: app.tls?.implementation ?? 'jsse',
      trust,
    });
  }
  return ends;
}

/** Whether the `…ssl.enabled` beside a `…ssl.bundle` setting turns that consumer's TLS off. */
function switchedOff(settings: SpringSettings, bundleKey: string): boolean {
  const enabled = settings.setting(bundleKey.replace(/bundle$/i, 'enabled'));
  return enabled?.value.trim().toLowerCase() === 'false';
}
