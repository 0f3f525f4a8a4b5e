/**
 * The settings of a Spring Boot app that hand an SSL bundle to a server or client which its settings do not define
 * (JavaAppAttributes.undefinedSslBundles). Spring Boot looks the name up in its bundle registry when it builds that
 * server or client, at start, and a name nothing registered throws NoSuchSslBundleException ("SSL bundle name '…'
 * cannot be found": DefaultSslBundleRegistry.getRegistered,
 * https://github.com/spring-projects/spring-boot/blob/c329ffa25dc160a90ebe5e4b006ad4cdf89d8683/core/spring-boot/src/main/java/org/springframework/boot/ssl/DefaultSslBundleRegistry.java).
 * The registry holds the bundles of `spring.ssl.bundle.jks|pem.<name>.*` and those the app's code registers
 * (SslBundleRegistrar beans: ./spring-bundle-code.ts reads the app's sources for them when a name is not defined; a
 * name the code registers is not reported, a registration whose name is not read leaves the reference unknown). Where the tree shows another place the bundle may come
 * from (a profile file that defines it while the tree does not say that profile is active, configuration imported from
 * outside the tree), the reference is recorded with that place (`elsewhere`): whether the start fails is unknown.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { springKey, springKeyUnder, springList, type SpringConfigData } from '../parse/spring';
import { entryLocation, type Entry, type ParsedDocument } from '../parse/types';
import type { JavaAppAttributes, SpringBootRelease } from './attributes';
import { springBundle } from './spring-bundle';
import type { CodeBundles } from './spring-bundle-code';
import type { SpringSettings } from './spring-settings';

/**
 * The settings Spring Boot 3.1+ reads as a bundle name, with what it builds from the bundle and the switch that turns
 * that TLS off (then the name is not looked up). v3.1.0: WebServerSslBundle.get (server and management server, both
 * web.server.Ssl), RedisProperties, MongoProperties, ElasticsearchProperties.Restclient, CassandraProperties and
 * CouchbaseProperties (`env.ssl`); Kafka from 3.2.0 only (knowledge spring-boot.json kafkaSslBundle).
 */
const BUNDLE_SETTINGS: readonly { key: string; builds: string; off?: string; kafka?: true }[] = [
  { key: 'server.ssl.bundle', builds: 'the embedded web server', off: 'server.ssl.enabled' },
  { key: 'management.server.ssl.bundle', builds: 'the management server', off: 'management.server.ssl.enabled' },
  { key: 'spring.data.redis.ssl.bundle', builds: 'the Redis connection factory', off: 'spring.data.redis.ssl.enabled' },
  { key: 'spring.data.mongodb.ssl.bundle', builds: 'the MongoDB client', off: 'spring.data.mongodb.ssl.enabled' },
  { key: 'spring.elasticsearch.restclient.ssl.bundle', builds: 'the Elasticsearch REST client' },
  { key: 'spring.cassandra.ssl.bundle', builds: 'the Cassandra session', off: 'spring.cassandra.ssl.enabled' },
  { key: 'spring.couchbase.env.ssl.bundle', builds: 'the Couchbase cluster', off: 'spring.couchbase.env.ssl.enabled' },
  ...['', 'admin.', 'consumer.', 'producer.', 'streams.'].map((client) => ({
    key: `spring.kafka.${client}ssl.bundle`,
    builds: `the Kafka ${client ? client.slice(0, -1) : 'clients'}' properties`,
    kafka: true as const,
  })),
];

/** A `spring.config.import` location the tree cannot hold: a config server, Vault, Consul, a cloud parameter store. */
const REMOTE_IMPORT = /^(?:optional:)?(?!file:|classpath:)[a-z][a-z0-9-]*:/i;

/** The bundle names the entries define (`spring.ssl.bundle.jks.web.…` → web), as written. */
function definedNames(entries: readonly Entry[]): string[] {
  const names = entries
    .map((e) => /^spring\.ssl\.bundle\.(?:jks|pem)\.([^.[]+)\./i.exec(e.key)?.[1])
    .filter((n): n is string => !!n);
  return [...new Set(names)];
}

/** Where the tree shows the bundle may still be defined: a profile's part that defines it, an import from outside. */
function elsewhere(
  settings: SpringSettings,
  docs: readonly ParsedDocument<SpringConfigData>[],
  name: string,
): { why: string; at: Location } | undefined {
  for (const doc of docs)
    for (const part of doc.data.parts) {
      const bundle = springBundle(part.entries, name);
      const first =
        bundle && part.entries.find((e) => springKeyUnder(e, `spring.ssl.bundle.${bundle.format}.${name}.`));
      if (first && part.profile)
        return {
          why: `profile '${part.profile}' (${path.basename(doc.file.path)}) defines it, and the tree does not say that profile is active`,
          at: entryLocation(doc, first, 'line'),
        };
    }
  const imports = springList(settings.entries, 'spring.config.import');
  const remote = imports?.values.find((v) => REMOTE_IMPORT.test(v.trim()));
  const importEntry = remote !== undefined ? imports?.entries.find((e) => e.value.includes(remote)) : undefined;
  if (remote !== undefined && importEntry)
    return {
      why: `spring.config.import reads ${remote.trim()}, which the tree does not hold`,
      at: entryLocation(settings.doc(importEntry), importEntry, 'value'),
    };
  const uri = settings.setting('spring.cloud.config.uri');
  if (uri)
    return {
      why: 'spring.cloud.config.uri names a config server whose files the tree does not hold',
      at: entryLocation(settings.doc(uri), uri, 'value'),
    };
  return undefined;
}

/**
 * The app's bundle settings (see BUNDLE_SETTINGS) whose name no `spring.ssl.bundle.*` of its settings defines.
 * `webServer`: whether an embedded web server starts (not a WAR in Tomcat, HTTPS not left to a run-time switch);
 * `kafkaBundles`: the project's release, when it binds the Kafka bundle setting (3.2+); `codeBundles`: what the app's
 * sources register, read when first asked. A name only the run knows (a placeholder) is not judged.
 */
export function springUndefinedBundles(
  settings: SpringSettings,
  docs: readonly ParsedDocument<SpringConfigData>[],
  {
    webServer,
    kafkaBundles,
    codeBundles,
  }: { webServer: boolean; kafkaBundles: SpringBootRelease | undefined; codeBundles: () => CodeBundles },
): NonNullable<JavaAppAttributes['undefinedSslBundles']> {
  const out: NonNullable<JavaAppAttributes['undefinedSslBundles']> = [];
  for (const { key, builds, off, kafka } of BUNDLE_SETTINGS) {
    if ((kafka && !kafkaBundles) || (!webServer && key === 'server.ssl.bundle')) continue;
    const entry = settings.setting(key);
    const name = entry?.value.trim();
    if (!entry || !name || name.includes('${')) continue;
    if (off && settings.setting(off)?.value.trim().toLowerCase() === 'false') continue;
    if (springBundle(settings.entries, name)) continue;
    // Registry names are map keys, matched as written (DefaultSslBundleRegistry.getBundle).
    const code = codeBundles();
    if (code.names.has(name)) continue;
    const other =
      elsewhere(settings, docs, name) ??
      (code.unread && {
        why: `the app's code registers SSL bundles (${path.basename(code.unread.file)}) under names not read here`,
        at: code.unread,
      });
    out.push({
      setting: settings.nameAsWritten(entry),
      name,
      builds,
      at: entryLocation(settings.doc(entry), entry, 'value'),
      defined: definedNames(settings.entries).filter((n) => springKey(n) !== springKey(name)),
      ...(other && { elsewhere: other }),
      ...(kafka && kafkaBundles && { release: kafkaBundles }),
    });
  }
  return out;
}
