/**
 * A Spring Boot app's RabbitMQ connection as a client TLS end (Deployment.unlinkedEnds): the key and trust stores and
 * the TLS protocol its `spring.rabbitmq.ssl.*` settings name. Spring Boot hands key-store, key-store-type (default
 * PKCS12), key-store-password, trust-store, trust-store-type (default JKS), trust-store-password and algorithm to Spring
 * AMQP's RabbitConnectionFactoryBean (RabbitProperties.Ssl, spring-projects/spring-boot@v3.4.0
 * spring-boot-autoconfigure/…/amqp/RabbitProperties.java). With a store set, RabbitConnectionFactoryBean.setUpSSL loads
 * each store with resourceLoader.getResource(name) (a bare name is a class path resource), makes
 * SSLContext.getInstance(algorithm) and initialises it with the stores' managers (no trust store: the JVM's default
 * trust) (spring-projects/spring-amqp@v3.1.0, 1f62b1dc, RabbitConnectionFactoryBean.java). An SSL bundle
 * (spring.rabbitmq.ssl.bundle, Boot 3.2+) replaces these settings: its stores are an end of ./spring-bundle-ends.ts.
 * The broker's side (rabbitmq.conf ssl_options.*) is Deployment.rabbitBrokers (./rabbitmq-brokers.ts): cert/expired
 * ties the end to it by `rabbitClient.hosts`.
 */
import type { Location } from '../core/types';
import { springList } from '../parse/spring';
import type { Entry } from '../parse/types';
import { springBootHas } from '../knowledge';
import type { SpringBootRelease } from './attributes';
import { kafkaListOf } from './kafka-protocols';
import { tlsTurnedOnBy } from './spring-rabbit';
import type { SpringSettings } from './spring-settings';
import { storeNamedBy, usableValue } from './spring-stores';
import { PLACEHOLDER, type TreeStores } from './store-files';
import type { Component, KafkaList, TlsTrustSettings, UnlinkedEnd } from './types';
import { trustStoreOrCacerts } from './attributes-tls';

const RABBIT = 'spring.rabbitmq.';
/** The settings the end is made of: when the run alone knows one (`SPRING_RABBITMQ_SSL_KEY_STORE: ${KS}`), so is the end. */
// Not the stores' passwords: one only the run knows is the one the store is loaded with (its StoreRef's passwordAt), and
// cert/store-password-wrong then judges neither it nor the file's.
const RUN_TIME_UNKNOWN = ['key', 'trust']
  .flatMap((kind) => ['', '-type'].map((suffix) => `ssl.${kind}-store${suffix}`))
  .concat('ssl.algorithm');

/**
 * The protocol names SSLContext.getInstance takes that name one protocol version (JSSE's SSLContext algorithm names:
 * `TLS`, `SSL` and `Default` are the JDK's default protocols, nothing to judge).
 */
const VERSIONED = /^(SSLv3|TLSv1(\.[0-3])?)$/i;

/**
 * The app's RabbitMQ client end, when its connection speaks TLS (spring-rabbit.ts tlsTurnedOnBy) and its settings name a
 * key store, a trust store or a versioned `algorithm`; undefined otherwise, or when an SSL bundle Boot may bind names the
 * stores instead (that bundle's end: ./spring-bundle-ends.ts). `release`: the project's Spring Boot release when its
 * build file says it.
 */
export function springRabbitEnd(
  app: Component,
  settings: SpringSettings,
  stores: TreeStores,
  release: SpringBootRelease | undefined,
): UnlinkedEnd | undefined {
  if (!settings.entries.some((e) => /^spring\.rabbitmq\.ssl\./i.test(e.key))) return undefined;
  const has = (feature: 'rabbitAmqpsAddress' | 'rabbitSslBundle') =>
    release ? springBootHas(feature, release.version) : undefined;
  const tls = tlsTurnedOnBy(settings, has('rabbitAmqpsAddress'), has('rabbitSslBundle'));
  if (!tls) return undefined;
  const setting = (name: string) => settings.setting(RABBIT + name);
  if (setting('ssl.bundle') && has('rabbitSslBundle') !== false) return undefined;
  // A store or its type, or the algorithm, whose deciding source only the run knows: the end is unknown.
  if (RUN_TIME_UNKNOWN.some((name) => settings.setAtRunTime(RABBIT + name))) return undefined;
  const store = (kind: 'key' | 'trust') =>
    storeNamedBy(
      settings,
      stores,
      setting(`ssl.${kind}-store`),
      setting(`ssl.${kind}-store-type`),
      setting(`ssl.${kind}-store-password`),
    );
  const keyStore = store('key');
  const trustStore = store('trust');
  const protocols = protocolOf(settings, setting('ssl.algorithm'));
  if (!keyStore && !trustStore && !protocols) return undefined;
  const trust: TlsTrustSettings = {
    ...(keyStore && { keyStore }),
    ...trustStoreOrCacerts(trustStore),
  };
  const hosts = rabbitHosts(settings);
  return {
    name: `RabbitMQ client of ${app.name}`,
    location: app.location,
    implementation: app.tls?.implementation ?? 'jsse',
    trust,
    ...(protocols && { protocols }),
    ...(app.runtime && { runtime: app.runtime }),
    rabbitClient: { app: app.id, ...hosts },
  };
}

/**
 * `spring.rabbitmq.ssl.algorithm` as the protocols it enables, when it names one version: SSLContext.getInstance with a
 * version gives a client context whose highest protocol is that one (the older ones a current JDK disables with it).
 */
function protocolOf(settings: SpringSettings, entry: Entry | undefined): KafkaList | undefined {
  const value = entry && !settings.setAtRunTime(entry.key) ? usableValue(entry) : undefined;
  if (!entry || !value || !VERSIONED.test(value)) return undefined;
  return kafkaListOf(entry.key, value, { file: settings.doc(entry).file.path, range: entry.valueRange });
}

/**
 * The hosts the connection reaches, lower case: those of `spring.rabbitmq.addresses` (`amqps://user:pw@host:5671`,
 * `host:5671`), else `spring.rabbitmq.host`, else Spring Boot's default `localhost`. Undefined when a placeholder or a
 * value only the run knows decides them.
 */
function rabbitHosts(settings: SpringSettings): { hosts: string[]; hostsAt?: Location } | undefined {
  if (settings.setAtRunTime(`${RABBIT}addresses`)) return undefined;
  const at = (entry: Entry | undefined) =>
    entry && { hostsAt: { file: settings.doc(entry).file.path, range: entry.valueRange } };
  const addresses = springList(settings.entries, `${RABBIT}addresses`);
  if (addresses && addresses.values.length > 0) {
    if (addresses.values.some((a) => PLACEHOLDER.test(a))) return undefined;
    const hosts = addresses.values.map((a) =>
      a
        .replace(/^amqps?:\/\//i, '')
        .replace(/^[^@/]*@/, '')
        .replace(/[:/].*$/, '')
        .toLowerCase(),
    );
    return { hosts: [...new Set(hosts)], ...at(addresses.entries[0]) };
  }
  const host = settings.setting(`${RABBIT}host`);
  if (!host) return { hosts: ['localhost'] };
  const value = host.value.trim();
  return settings.setAtRunTime(host.key) || PLACEHOLDER.test(value) || !value
    ? undefined
    : { hosts: [value.toLowerCase()], ...at(host) };
}
