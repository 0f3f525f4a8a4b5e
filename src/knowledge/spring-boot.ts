/**
 * Spring Boot TLS settings by the release that introduced them (data/spring-boot.json): before that release Spring
 * Boot binds no such property, so the setting is ignored, not refused. And the lowest Java release each line runs on.
 */
import { lazy } from '../core/lazy';
import { compareReleaseParts } from './release-parts';

type SpringBootData = typeof import('./data/spring-boot.json');
/**
 * The facts (data/spring-boot.json, 16 KB), read on first use: a tree with no Spring Boot application asks none (the
 * bundle keeps them in a chunk of their own, scripts/build.mjs; start-up: docs/performance.md, session 67).
 */
const facts = lazy(() => require('./data/spring-boot.json') as SpringBootData);

type SpringBootFeature = keyof SpringBootData['features'];

interface Release {
  numbers: [number, number, number];
  /** A milestone, release candidate or snapshot (`3.2.0-M1`, `3.2.0-RC1`, `3.3.0-SNAPSHOT`, `2.0.0.M7`). */
  preRelease: boolean;
}

/** `3.2.0`, `3.2`, `2.1.4.RELEASE`, `3.3.0-SNAPSHOT`, `3.2.0-M1`: major, minor and patch (a missing patch is 0). */
function releaseOf(version: string): Release | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:[.-]([A-Za-z0-9.-]*))?$/.exec(version.trim());
  if (!m) return undefined;
  return {
    numbers: [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)],
    preRelease: !!m[4] && !/^(RELEASE|Final)$/i.test(m[4]),
  };
}

/** The release that introduced `feature`'s settings (`3.1.0`). */
export function springBootSince(feature: SpringBootFeature): string {
  return facts().features[feature].since;
}

/**
 * Whether Spring Boot `version` binds `feature`'s settings; undefined when that is not known: the version is not one (a
 * placeholder), or it is a milestone or snapshot of the introducing release (the settings came in one of them).
 */
export function springBootHas(feature: SpringBootFeature, version: string): boolean | undefined {
  const fact: { since: string; backports?: readonly { from: string; before: string }[] } = facts().features[feature];
  const backported = fact.backports?.find(
    (b) => atLeast(version, b.from) === true && atLeast(version, b.before) === false,
  );
  return backported ? true : atLeast(version, fact.since);
}

/** Whether `version` is `since` or later; undefined for no version, or a pre-release of `since` itself. */
function atLeast(version: string, since: string): boolean | undefined {
  const release = releaseOf(version);
  const floor = releaseOf(since)!.numbers;
  if (!release) return undefined;
  const order = compareReleaseParts(release.numbers, floor);
  return order !== 0 ? order > 0 : release.preRelease ? undefined : true;
}

/** The lowest Java feature release a Spring Boot release runs on, with its class file version and source. */
export interface SpringBootJavaFloor {
  java: number;
  classFileVersion: string;
  since: string;
  source: string;
}

/**
 * The Java floor of Spring Boot `version` (3.0.0 on: Java 17); undefined when the release sets none the knowledge base
 * holds, or when whether it does is unknown (not a version, a milestone of the release that raised it).
 */
export function springBootJavaFloor(version: string): SpringBootJavaFloor | undefined {
  const floors = [...facts().javaFloor].reverse();
  return floors.find((floor) => atLeast(version, floor.since) === true);
}

/** Spring Boot's embedded web server: the port it listens on by default and the `server.ssl.*` properties it binds. */
export interface SpringEmbeddedServer {
  defaultPort: number;
  /** The `server.ssl.*` properties, dashed (`key-store`). */
  sslProperties: readonly string[];
  /** Those of them other products' `SERVER_SSL_*` variables name too (Kibana's `server.ssl.enabled`, `certificate`). */
  sharedSslProperties: readonly string[];
}

/** Spring Boot's embedded web server facts (data/spring-boot.json embeddedServer). */
export function springEmbeddedServer(): SpringEmbeddedServer {
  const { defaultPort, sslProperties, sharedSslProperties } = facts().embeddedServer;
  return { defaultPort, sslProperties, sharedSslProperties };
}

/**
 * What Spring Boot says when the key store does not contain the key alias, by the release that says it, oldest first
 * (data/spring-boot.json keyAliasMissing).
 */
export function springBootKeyAliasMissing(): readonly { since: string; message: string }[] {
  return facts().keyAliasMissing.refusals;
}

/** The embedded Tomcat a Spring Boot release's dependency management pins, and where the BOM at its tag says so. */
export interface SpringBootManagedTomcat {
  tomcat: string;
  source: string;
}

type ManagedTomcatData = typeof import('./data/spring-boot-tomcat.json');
/**
 * The table (data/spring-boot-tomcat.json, 78 KB), read on first use: only a Spring Boot build that names its release asks
 * (the bundle keeps it in a chunk of its own, scripts/build.mjs; start-up: docs/performance.md).
 */
const managedTomcat = lazy(() => require('./data/spring-boot-tomcat.json') as ManagedTomcatData);

/**
 * The Tomcat release Spring Boot `version` manages (data/spring-boot-tomcat.json, generated from spring-boot-dependencies
 * at each release tag by scripts/gen-spring-boot-tomcat.mjs); undefined for a milestone, a snapshot, a version without
 * its patch (`2.7`) or one the table does not hold: which Tomcat it pins is then unknown.
 */
export function springBootManagedTomcat(version: string): SpringBootManagedTomcat | undefined {
  const release = releaseOf(version);
  if (!release || release.preRelease || !/^\d+\.\d+\.\d+/.test(version.trim())) return undefined;
  const row = managedTomcat().releases.find(
    (r) => compareReleaseParts(releaseOf(r.springBoot)!.numbers, release.numbers) === 0,
  );
  return row && { tomcat: row.tomcat, source: row.source };
}

/** The KafkaProperties class whose properties `springKafkaBinds` is asked about: `spring.kafka[.<client>].ssl|security`. */
export type SpringKafkaObject = 'ssl' | 'security';

/**
 * Whether Spring Boot binds `name` (any relaxed spelling: `enabled-protocols`, `enabledProtocols`) of `spring.kafka
 * [.<client>].<object>` (data/spring-boot.json kafkaProperties): with no version, whether any release described does;
 * with one, whether that release does; undefined when that is not known (not a version, a pre-release of the introducing
 * release, a release older than the oldest row). Spring Boot ignores an unbound key there (ignoreUnknownFields).
 */
export function springKafkaBinds(object: SpringKafkaObject, name: string, version?: string): boolean | undefined {
  const uniform = (n: string) => n.replace(/[-_]/g, '').toLowerCase();
  const row = facts().kafkaProperties[object].find((r) => uniform(r.name) === uniform(name));
  if (version === undefined) return !!row;
  // The oldest release described (2.0.0 has no Security object: that is known too).
  const oldest = [...facts().kafkaProperties.ssl, ...facts().kafkaProperties.security].reduce(
    (a, r) => (atLeast(a, r.since) ? r.since : a),
    '99.0.0',
  );
  if (atLeast(version, oldest) !== true) return undefined;
  return row ? atLeast(version, row.since) : false;
}

/** The `spring.kafka[.<client>].<object>` properties some release binds, dashed (`key-store-location`). */
export function springKafkaProperties(object: SpringKafkaObject): string[] {
  return facts().kafkaProperties[object].map((r) => r.name);
}

/** The dashed name of the `spring.kafka[.<client>].<object>` property whose uniform form is `uniform`, if one is bound. */
export function springKafkaProperty(object: SpringKafkaObject, uniform: string): string | undefined {
  return facts().kafkaProperties[object].find((r) => r.name.replace(/-/g, '') === uniform)?.name;
}

/** The Kafka client release Spring Boot `version`'s line manages (data/spring-boot.json managedKafka); undefined when not known. */
export function springBootManagedKafka(version: string): string | undefined {
  const release = releaseOf(version);
  if (!release || release.preRelease) return undefined;
  const lines = facts().managedKafka.lines;
  const row = [...lines].reverse().find((r) => atLeast(version, r.since) === true);
  // Only a line the table holds: a release newer than its last line manages a Kafka the table does not say.
  const last = lines.at(-1)!;
  const sameLine = (a: string, b: string) => a.split('.').slice(0, 2).join('.') === b.split('.').slice(0, 2).join('.');
  if (!row || (row === last && !sameLine(version, last.since))) return undefined;
  return row.kafka;
}
