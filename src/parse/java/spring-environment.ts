/**
 * Environment variables Spring Boot binds to the settings lint-deploy models (`server.port`, `server.ssl.*`,
 * `spring.ssl.bundle.*`, `ibm.mq.*`, `spring.datasource.url`, the RabbitMQ starter's TLS settings, the Kafka clients'
 * TLS settings and bootstrap servers). Spring Boot's SystemEnvironmentPropertyMapper looks a property up under
 * its elements upper-cased and joined by `_`, each element either without its dashes (`SERVER_SSL_KEYSTORE`) or,
 * the legacy form, with them as `_` (`SERVER_SSL_KEY_STORE`); both bind `server.ssl.key-store`. A list's index is an
 * element of its own (`SPRING_KAFKA_BOOTSTRAPSERVERS_0_` binds `spring.kafka.bootstrap-servers[0]`), and a map's key is
 * the rest of the name, lower-cased, each `_` a `.` (`SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION` binds the key
 * `ssl.truststore.location` of `spring.kafka.properties`), as "Binding From Environment Variables" says.
 * https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.relaxed-binding.environment-variables
 * https://github.com/spring-projects/spring-boot/blob/v3.3.0/spring-boot-project/spring-boot/src/main/java/org/springframework/boot/context/properties/source/SystemEnvironmentPropertyMapper.java
 */
import { springKafkaProperties } from '../../knowledge/spring-boot';
import { isSecretKey, type Entry } from '../types';
import type { LineIndex } from '../text';
import { PLACEHOLDER, type JvmProperty } from './jvm-args';

/** The elements after a bundle's name, as properties (`spring.ssl.bundle.jks.<name>.<these>`). */
const BUNDLE_SETTINGS = [
  'key.alias',
  'key.password',
  'keystore.location',
  'keystore.password',
  'keystore.type',
  'keystore.provider',
  'keystore.certificate',
  'keystore.private-key',
  'keystore.private-key-password',
  'truststore.location',
  'truststore.password',
  'truststore.type',
  'truststore.provider',
  'truststore.certificate',
  'truststore.private-key',
  'truststore.private-key-password',
  'options.ciphers',
  'options.enabled-protocols',
  'protocol',
  'reload-on-update',
];

/**
 * A Spring setting lint-deploy reads, by its dotted name: the HTTPS server, SSL bundles, the IBM MQ starter, the
 * JDBC URL (a MySQL server's TLS: src/model/mysql-calls.ts), the RabbitMQ starter's settings that decide its TLS
 * (src/model/spring-rabbit.ts, spring-rabbit-end.ts: its stores' passwords, not the user's) and the Kafka clients'.
 */
export const SPRING_SETTING =
  /^(server|spring\.ssl|ibm\.mq|spring\.kafka)\.|^spring\.datasource\.url$|^spring\.rabbitmq\.(addresses|host|ssl\.(enabled|bundle|algorithm|(key|trust)[-_]?store([-_]?(type|password))?|verify[-_]?hostname|validate[-_]?server[-_]?certificate))$/i;

/** The environment variable forms of a run of elements: without dashes, and the legacy one with `_` for them. */
function variableForms(elements: string): string[] {
  const parts = elements.split('.');
  return [
    ...new Set([parts.map((p) => p.replace(/-/g, '')).join('_'), parts.map((p) => p.replace(/-/g, '_')).join('_')]),
  ].map((form) => form.toUpperCase());
}

const BUNDLE_SUFFIXES = BUNDLE_SETTINGS.flatMap((setting) =>
  variableForms(setting).map((form) => ({ form: `_${form}`, setting })),
).sort((a, b) => b.form.length - a.form.length);

/** One element written in an environment variable (`KEY_STORE` or `KEYSTORE`): Spring's uniform form ignores dashes. */
const element = (written: string) => written.toLowerCase().replace(/_/g, '-');

/**
 * The Spring property an environment variable binds, among those lint-deploy reads, in a spelling springKey()
 * reads as that property (`SERVER_SSL_KEY_STORE` → `server.ssl.key-store`); undefined for any other variable.
 */
export function springPropertyOfVariable(name: string): string | undefined {
  if (name === 'SERVER_PORT') return 'server.port';
  if (name === 'SPRING_PROFILES_ACTIVE') return 'spring.profiles.active';
  if (name === 'SPRING_CONFIG_LOCATION') return 'spring.config.location';
  // The JDBC URL: a MySQL server's TLS is decided by it (src/model/mysql-calls.ts).
  if (name === 'SPRING_DATASOURCE_URL') return 'spring.datasource.url';
  let m = /^SERVER_SSL_([A-Z0-9_]+)$/.exec(name);
  if (m) return `server.ssl.${element(m[1]!)}`;
  m = /^SPRING_SSL_BUNDLE_(JKS|PEM)_([A-Z0-9_]+)$/.exec(name);
  if (m) {
    const rest = m[2]!;
    const suffix = BUNDLE_SUFFIXES.find((s) => rest.endsWith(s.form) && rest.length > s.form.length);
    return suffix
      ? `spring.ssl.bundle.${m[1]!.toLowerCase()}.${element(rest.slice(0, -suffix.form.length))}.${suffix.setting}`
      : undefined;
  }
  // The ActiveMQ starters' broker URL (src/model/broker-urls.ts): `brokerUrl`, in both variable forms.
  m = /^SPRING_(ARTEMIS|ACTIVEMQ)_BROKER_?URL$/.exec(name);
  if (m) return `spring.${m[1]!.toLowerCase()}.broker-url`;
  m = RABBIT_VARIABLE.exec(name);
  if (m) return `spring.rabbitmq.${m[2] === 'SSL' ? `ssl.${element(m[3]!)}` : m[1]!.toLowerCase()}`;
  if (name.startsWith('SPRING_KAFKA_')) return kafkaPropertyOfVariable(name);
  m = /^IBM_MQ_(JKS_)?([A-Z0-9_]+)$/.exec(name);
  if (m) return `ibm.mq.${m[1] ? 'jks.' : ''}${element(m[2]!)}`;
  return quarkusPropertyOfVariable(name);
}

/** The RabbitMQ starter's settings that decide its TLS (src/model/spring-rabbit.ts, spring-rabbit-end.ts). */
const RABBIT_VARIABLE =
  /^SPRING_RABBITMQ_(?:(ADDRESSES|HOST)|(SSL)_(ENABLED|BUNDLE|ALGORITHM|(?:KEY|TRUST)_?STORE(?:_?(?:TYPE|PASSWORD))?|VERIFY_?HOSTNAME|VALIDATE_?SERVER_?CERTIFICATE))$/;

/** The Kafka settings of `spring.kafka.` and `spring.kafka.<client>.` that decide a client's TLS (src/model/kafka-spring.ts). */
const KAFKA_SETTINGS = [
  'security.protocol',
  'ssl.key-store-location',
  'ssl.key-store-type',
  'ssl.key-store-password',
  'ssl.trust-store-location',
  'ssl.trust-store-type',
  'ssl.trust-store-password',
  'ssl.bundle',
].flatMap((setting) => variableForms(setting).map((form) => ({ form, setting })));

/**
 * The Kafka client property an environment variable binds (`SPRING_KAFKA_CONSUMER_SSL_TRUST_STORE_LOCATION` →
 * `spring.kafka.consumer.ssl.trust-store-location`): bootstrap servers (a list, or one of its items), the TLS settings,
 * or a key of the `properties` map; undefined for any other.
 */
function kafkaPropertyOfVariable(name: string): string | undefined {
  const m = /^SPRING_KAFKA_(?:(PRODUCER|CONSUMER|ADMIN|STREAMS)_)?(.+)$/.exec(name);
  if (!m) return undefined;
  const prefix = `spring.kafka.${m[1] ? `${m[1].toLowerCase()}.` : ''}`;
  const rest = m[2]!;
  const servers = /^BOOTSTRAP_?SERVERS(?:_(\d+)_?)?$/.exec(rest);
  if (servers) return `${prefix}bootstrap-servers${servers[1] === undefined ? '' : `[${Number(servers[1])}]`}`;
  if (rest.startsWith('PROPERTIES_') && rest.length > 'PROPERTIES_'.length)
    return `${prefix}properties.${rest.slice('PROPERTIES_'.length).toLowerCase().replace(/_/g, '.')}`;
  const known = KAFKA_SETTINGS.find((s) => s.form === rest);
  if (known) return prefix + known.setting;
  // Any other of the Ssl or Security object: a property Spring binds in either variable form, else the name with each
  // `_` a `.`, which binds nothing there (`SPRING_KAFKA_SSL_ENABLED_PROTOCOLS`, `…_SSL_KEYSTORE_LOCATION`) and which
  // src/model/kafka-spring-ignored.ts reports as ignored.
  const object = /^(SSL|SECURITY)_([A-Z0-9_]+)$/.exec(rest);
  if (!object) return undefined;
  const group = object[1]!.toLowerCase() as 'ssl' | 'security';
  const bound = springKafkaProperties(group).find((name) => variableForms(name).includes(object[2]!));
  return `${prefix}${group}.${bound ?? object[2]!.toLowerCase().replace(/_/g, '.')}`;
}

/**
 * The Quarkus settings that decide its HTTPS server (src/model/quarkus-server.ts) and its Kafka clients' TLS
 * (src/model/kafka-quarkus.ts: `kafka.*`, `mp.messaging.*`), as environment variables: the
 * property upper-cased with every other character `_`, after `_<PROFILE>_` for a profile's
 * (https://quarkus.io/guides/config-reference#environment-variables). Which `_` was a `.` or a `-` the name does not
 * say: the property is returned dotted (`quarkus.http.ssl.certificate.key.store.file`), and the model matches it by
 * the variable's form.
 */
const QUARKUS_VARIABLE =
  /^(?:_([A-Z0-9]+(?:_[A-Z0-9]+)*?)_)?(QUARKUS_(?:HTTP_SSL_[A-Z0-9_]+|HTTP_TLS_CONFIGURATION_NAME|TLS_[A-Z0-9_]+|PROFILE)|KAFKA_(?:BOOTSTRAP_SERVERS|SECURITY_PROTOCOL|SSL_[A-Z0-9_]+|TLS_CONFIGURATION_NAME)|MP_MESSAGING_(?:INCOMING|OUTGOING|CONNECTOR)_[A-Z0-9_]+)$/;

function quarkusPropertyOfVariable(name: string): string | undefined {
  const m = QUARKUS_VARIABLE.exec(name);
  if (!m) return undefined;
  const property = m[2]!.toLowerCase().replace(/_/g, '.');
  return m[1] ? `%${m[1].toLowerCase()}.${property}` : property;
}

/** The Spring property a variable binds: an upper-case name by Spring's mapping, a dotted one as it is. */
export function springBoundProperty(variable: string): string | undefined {
  if (SPRING_SETTING.test(variable)) return variable;
  return springPropertyOfVariable(variable);
}

/** A YAML scalar's offsets without its quotes. */
export function scalarOffsets(text: string, index: LineIndex, entry: Entry): [number, number] {
  let start = index.offsetAt(entry.valueRange.start);
  let end = index.offsetAt(entry.valueRange.end);
  if (/["']/.test(text.charAt(start)) && end - start >= 2 && text.charAt(end - 1) === text.charAt(start)) {
    start++;
    end--;
  }
  return [start, end];
}

const ASSIGNMENT = /(^|[\s;"'(])(?:export\s+)?([A-Z][A-Z0-9_]*)=/g;

/**
 * `NAME=value` assignments of Spring-bound variables in `text[from, to)` (a shell line, a systemd `Environment=`
 * value, a Dockerfile `ENV` pair): each as a JvmProperty named by the Spring property it binds, `via` the variable.
 */
export function scanSpringEnvironment(text: string, index: LineIndex, from: number, to: number): JvmProperty[] {
  const found: JvmProperty[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(ASSIGNMENT)) {
    const variable = match[2]!;
    const property = springPropertyOfVariable(variable);
    if (!property) continue;
    // The match ends with `NAME=`.
    const nameStart = from + (match.index ?? 0) + match[0].length - variable.length - 1;
    const [valueStart, valueEnd] = assignedValue(text, nameStart + variable.length + 1, to);
    found.push(environmentSetting(text, index, variable, property, nameStart, valueStart, valueEnd));
  }
  return found;
}

/** One Spring-bound variable whose name and value offsets are known (a Dockerfile `ENV` pair). */
export function environmentSetting(
  text: string,
  index: LineIndex,
  variable: string,
  property: string,
  nameStart: number,
  valueStart: number,
  valueEnd: number,
): JvmProperty {
  const value = text.slice(valueStart, valueEnd);
  return {
    name: property,
    value,
    nameRange: index.rangeAt(nameStart, nameStart + variable.length),
    valueRange: index.rangeAt(valueStart, valueEnd),
    secret: isSecretKey(variable),
    via: variable,
    unresolved: PLACEHOLDER.test(value),
  };
}

/** A shell value from `start`: quoted (to its closing quote) or bare (to a blank, a quote or `;`). */
function assignedValue(text: string, start: number, to: number): [number, number] {
  const quote = start < to ? text.charAt(start) : '';
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, start + 1);
    return [start + 1, close === -1 || close > to ? to : close];
  }
  let end = start;
  while (end < to && !/[\s"';]/.test(text.charAt(end))) end++;
  return [start, end];
}

/** The assignments as entries named by their variable (a password among them is a secret to find and mask). */
export function environmentEntries(settings: JvmProperty[]): Entry[] {
  // Built by push, as jvm-args.ts propertyEntries is.
  const entries: Entry[] = [];
  for (const s of settings)
    entries.push({
      key: s.via!,
      value: s.value,
      keyRange: s.nameRange,
      valueRange: s.valueRange,
      section: 'environment',
      secret: s.secret,
    });
  return entries;
}
