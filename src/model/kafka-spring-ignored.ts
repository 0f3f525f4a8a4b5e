/**
 * Kafka TLS settings a Spring Boot app writes under `spring.kafka[.<client>].ssl.*` or `.security.*` that Spring Boot
 * does not bind (`spring.kafka.ssl.enabled.protocols`, `spring.kafka.ssl.truststore.location`,
 * `SPRING_KAFKA_SECURITY_ENABLED_PROTOCOLS`): KafkaProperties.Ssl and .Security hold only the properties of knowledge
 * spring-boot.json kafkaProperties, and @ConfigurationProperties ignores unknown fields, so the setting does nothing
 * (spring-boot v3.2.0 KafkaProperties.java, ConfigurationProperties.ignoreUnknownFields). The Kafka client reads the
 * Kafka setting it looks like only from Spring Boot's own property or `spring.kafka[.<client>].properties.<kafka name>`
 * (./kafka-spring.ts springKafkaSetting); what it runs with instead is that, else Kafka's default (knowledge kafka.json).
 * Only settings whose name is a Kafka client ssl.* setting are told; a bundle is ./kafka-spring.ts's.
 */
import type { Location } from '../core/types';
import {
  KAFKA_CLIENT_SSL_SETTINGS,
  KAFKA_UNSET_BY_DEFAULT,
  kafkaClientDefaults,
  springBootJavaFloor,
  springBootManagedKafka,
  springKafkaBinds,
  springKafkaProperty,
  type SpringKafkaObject,
} from '../knowledge';
import { parseJavaVersion } from '../knowledge/version';
import { springKey, springList } from '../parse/spring';
import { isSecretKey, type Entry } from '../parse/types';
import type { JavaAppAttributes, SpringBootRelease } from './attributes';
import { speaksTls } from './kafka-client-ends';
import { CLIENTS, springKafkaSetting, type SpringKafkaClient } from './kafka-spring';
import type { SpringSettings } from './spring-settings';
import type { JavaRuntime } from './types';

export type KafkaIgnoredSetting = NonNullable<JavaAppAttributes['kafkaIgnoredSettings']>[number];

const UNBOUND = /^spring\.kafka\.(?:(producer|consumer|admin|streams)\.)?(ssl|security)\.(.+?)(?:\[\d+\])?$/;

const objectOf = (written: string | undefined): SpringKafkaObject => (written === 'security' ? 'security' : 'ssl');

/**
 * The Kafka setting an unbound property's name spells (`truststore.location`, `enabled-protocols`: an ssl.* one), or
 * `security.protocol` for `spring.kafka.security.protocol` of a release before it was bound; undefined for another.
 */
function kafkaSettingOf(object: SpringKafkaObject, rest: string): string | undefined {
  if (object === 'security' && rest === 'protocol') return 'security.protocol';
  const flat = rest.replace(/\./g, '');
  return KAFKA_CLIENT_SSL_SETTINGS.find((name) => name.slice('ssl.'.length).replace(/\./g, '') === flat);
}

/**
 * The app's Kafka TLS settings Spring Boot ignores (see the header), each with what the clients it would apply to run
 * with instead. `release`: the project's Spring Boot release when the tree says (a property newer than it is ignored
 * too); `runtime`: the app's JDK, for Kafka's defaults that depend on the Java release.
 */
export function springKafkaIgnored(
  settings: SpringSettings,
  release: SpringBootRelease | undefined,
  runtime: JavaRuntime | undefined,
): KafkaIgnoredSetting[] {
  if (!settings.entries.some((e) => /^spring\.kafka\./i.test(e.key))) return [];
  const seen = new Set<string>();
  const out: KafkaIgnoredSetting[] = [];
  for (const entry of settings.entries) {
    const m = UNBOUND.exec(springKey(entry.key));
    if (!m) continue;
    const client = CLIENTS.find((c) => c === m[1]);
    const object = objectOf(m[2]);
    const rest = m[3] ?? '';
    const base = `spring.kafka.${client ? `${client}.` : ''}${object}.${rest}`;
    if (seen.has(base) || rest === 'bundle') continue;
    seen.add(base);
    const kafkaKey = kafkaSettingOf(object, rest);
    if (!kafkaKey || bound(object, rest, release) !== false) continue;
    const list = springList(settings.entries, base);
    const deciding = list?.entries[0];
    if (!list || !deciding || settings.setAtRunTime(base)) continue;
    const written = list.values;
    const scope = client ? [client] : [...CLIENTS];
    const verdicts = scope.map((c) => clientVerdict(settings, c, kafkaKey, written, release, runtime));
    const differing = verdicts.filter((v) => v.effect === 'differs');
    const shown = differing[0] ?? verdicts.find((v) => v.effect === 'unknown') ?? verdicts[0]!;
    const effect =
      differing.length > 0
        ? 'differs'
        : verdicts.every((v) => v.effect === 'no-tls')
          ? 'no-tls'
          : verdicts.every((v) => v.effect === 'same' || v.effect === 'no-tls')
            ? 'same'
            : 'unknown';
    const springName = springKafkaProperty('ssl', rest.replace(/\./g, ''));
    out.push({
      setting: settings.nameAsWritten(deciding),
      at: entryAt(settings, deciding),
      kafkaKey,
      use: [
        ...(springName && object === 'ssl' && bound('ssl', springName, release) !== false
          ? [`spring.kafka.${client ? `${client}.` : ''}ssl.${springName}`]
          : []),
        `spring.kafka.${client ? `${client}.` : ''}properties.${kafkaKey}`,
      ],
      effect,
      clients: effect === 'differs' ? differing.map((v) => v.client) : scope,
      ...(isSecretKey(kafkaKey) ? {} : { written: written.join(',') }),
      ...(shown.effective && { effective: shown.effective }),
      ...(shown.effectiveAt && { effectiveAt: shown.effectiveAt }),
      ...(shown.defaultBy && { defaultBy: shown.defaultBy }),
      ...(shown.tlsAt && effect !== 'unknown' && { tlsAt: shown.tlsAt }),
      ...(release && !rest.includes('.') && springKafkaBinds(object, rest) && { notYetIn: release }),
    });
  }
  return out;
}

/** Whether `release` (any release described, when unknown) binds the property; undefined when not known. */
function bound(object: SpringKafkaObject, rest: string, release?: SpringBootRelease): boolean | undefined {
  if (rest.includes('.')) return false;
  const inRelease = release ? springKafkaBinds(object, rest, release.version) : undefined;
  return inRelease ?? (springKafkaBinds(object, rest) ? undefined : false);
}

interface ClientVerdict {
  client: SpringKafkaClient;
  /** The client's security.protocol (SSL or SASL_SSL) that makes it read the ssl.* settings. */
  tlsAt?: Location;
  defaultBy?: KafkaIgnoredSetting['defaultBy'];
  effect: KafkaIgnoredSetting['effect'];
  effective?: string;
  effectiveAt?: Location;
}

/** What one client runs with instead of the written value, and whether that differs from it. */
function clientVerdict(
  settings: SpringSettings,
  client: SpringKafkaClient,
  kafkaKey: string,
  written: string[],
  release: SpringBootRelease | undefined,
  runtime: JavaRuntime | undefined,
): ClientVerdict {
  const protocolName = bound('security', 'protocol', release) === false ? undefined : 'security.protocol';
  const protocol = springKafkaSetting(settings, client, protocolName, 'security.protocol');
  const atRunTime = !!protocol && /\$\{/.test(protocol.value);
  // An ignored security.protocol is judged against the one that applies, whatever it is.
  if (kafkaKey !== 'security.protocol' && !speaksTls(protocol))
    return { client, effect: atRunTime ? 'unknown' : 'no-tls' };
  const tlsAt = protocol && kafkaKey !== 'security.protocol' ? { tlsAt: entryAt(settings, protocol) } : {};
  const springName =
    kafkaKey.startsWith('ssl.') && springKafkaProperty('ssl', kafkaKey.slice('ssl.'.length).replace(/\./g, ''));
  const usable = springName && bound('ssl', springName, release) !== false ? `ssl.${springName}` : undefined;
  const effective = springKafkaSetting(settings, client, usable, kafkaKey);
  const secret = isSecretKey(kafkaKey);
  if (effective) {
    if (/\$\{/.test(effective.value)) return { client, effect: 'unknown' };
    const items = springList(settings.entries, effective.key)?.values ?? [effective.value.trim()];
    return {
      client,
      ...tlsAt,
      effect: sameItems(kafkaKey, items, written) ? 'same' : 'differs',
      effective: `${secret ? 'another value' : items.join(',')} (${settings.nameAsWritten(effective)})`,
      effectiveAt: entryAt(settings, effective),
    };
  }
  if (KAFKA_UNSET_BY_DEFAULT.has(kafkaKey))
    return {
      client,
      ...tlsAt,
      effect: written.length === 0 ? 'same' : 'differs',
      effective: `no ${kafkaKey} (Kafka's default)`,
    };
  const kafka = managedKafka(release);
  const defaults = kafkaClientDefaults(kafkaKey, kafka, javaFeature(release, runtime));
  if (!defaults) return { client, effect: 'unknown' };
  const same = defaults.filter((d) => sameItems(kafkaKey, d, written));
  // The release picks the default (the Kafka client it manages, the Java it needs) where more than one was possible.
  const picked = release && defaults.length < (kafkaClientDefaults(kafkaKey)?.length ?? 0);
  return {
    client,
    ...tlsAt,
    ...(picked && { defaultBy: { release, ...(kafka && { kafka }) } }),
    effect: same.length === defaults.length ? 'same' : same.length === 0 ? 'differs' : 'unknown',
    effective: `${defaults.map((d) => d.join(',')).join(' or ')} (Kafka's default${defaults.length > 1 ? ', by the kafka-clients and Java release' : ''})`,
  };
}

/** Whether two values of the setting are the same: protocols in any order, cipher suites and others as written. */
function sameItems(kafkaKey: string, a: readonly string[], b: readonly string[]): boolean {
  const norm = (list: readonly string[]) => list.map((s) => s.trim()).filter(Boolean);
  const [x, y] = [norm(a), norm(b)];
  if (kafkaKey === 'ssl.enabled.protocols') return x.length === y.length && x.every((p) => y.includes(p));
  if (kafkaKey === 'security.protocol') return x.join(',').toUpperCase() === y.join(',').toUpperCase();
  return x.join(',') === y.join(',');
}

function managedKafka(release: SpringBootRelease | undefined): string | undefined {
  return release ? springBootManagedKafka(release.version) : undefined;
}

/**
 * The Java feature release the app runs on: its JDK's, else its Spring Boot release's floor (a floor stands for every
 * release above it, which Kafka's defaults do not tell apart); undefined when unknown.
 */
function javaFeature(release: SpringBootRelease | undefined, runtime: JavaRuntime | undefined): number | undefined {
  const feature = runtime && parseJavaVersion(runtime.version.value)?.feature;
  if (feature !== undefined) return feature;
  return release && springBootJavaFloor(release.version)?.java;
}

/**
 * The settings as Spring Boot `release` binds them: without the `spring.kafka[.<client>].ssl|security.*` properties it
 * does not bind yet (`spring.kafka.security.protocol` before 2.3.0), which it ignores. A bundle is left to
 * ./kafka-spring.ts, which says why the stores are read where the release ignores it.
 */
export function withKafkaPropertiesOf(settings: SpringSettings, release: SpringBootRelease): SpringSettings {
  const ignored = (entry: Entry) => {
    const m = UNBOUND.exec(springKey(entry.key));
    return !!m && m[3] !== 'bundle' && springKafkaBinds(objectOf(m[2]), m[3] ?? '', release.version) === false;
  };
  if (!settings.entries.some(ignored)) return settings;
  const keep = <T extends { entry: Entry }>(list: T[]) => list.filter((p) => !ignored(p.entry));
  return {
    ...settings,
    base: keep(settings.base),
    placed: keep(settings.placed),
    entries: settings.entries.filter((e) => !ignored(e)),
    setting: (key) => {
      const entry = settings.setting(key);
      return entry && !ignored(entry) ? entry : undefined;
    },
  };
}

/** Where a setting is written: its key. */
function entryAt(settings: SpringSettings, entry: Entry): Location {
  return { file: settings.doc(entry).file.path, range: entry.keyRange };
}
