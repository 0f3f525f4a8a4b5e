import { joined, said } from '../core/phrase';
import * as path from 'node:path';
import type { Location } from '../core/types';
import type { ParsedDocument } from '../parse/types';
import { entryLocation } from '../parse/types';
import type { ModelContext } from './contributor';
import type { ClientUrl, StoreRef, TlsTrustSettings } from './attributes';
import { appGroupOf, clientUrlsIn, traced } from './java-shared';
import { libertyServersOf, type LibertyServerConfig } from './liberty-config';
import { libertyVariable } from '../parse/liberty-variable-values';
import { libertyTlsOf } from './liberty-tls';
import { storeRef, treeStoresOf, type TreeStores } from './store-files';
import { libertySslTrust } from './stores';

/**
 * MicroProfile Rest Client settings (spec 1.2+ "Support for MicroProfile Config", 2.0 "SSL support"):
 * `<interface or configKey>/mp-rest/<property>`, and Quarkus' `quarkus.rest-client."<configKey>".<property>`, by
 * client name and the spec's property name. A key of a profile (`%dev.…`) is read only in that profile: not here.
 */
function restClientKey(key: string): { client: string; property: string } | undefined {
  const mp = /^([^%].*)\/mp-rest\/([A-Za-z]+)$/.exec(key);
  if (mp) return { client: mp[1]!, property: mp[2]! };
  const quarkus = /^quarkus\.rest-client\.(?:"([^"]+)"|([^."]+))\.([a-z-]+)$/.exec(key);
  if (!quarkus) return undefined;
  // `trust-store-password` → `trustStorePassword`: the spec's spelling.
  const property = quarkus[3]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return { client: (quarkus[1] ?? quarkus[2])!, property };
}

/** Whether a setting names a REST client's URL (it is read as a client URL already when its file is Spring's). */
export function isRestClientUrlKey(key: string): boolean {
  const parts = restClientKey(key);
  return parts?.property === 'url' || parts?.property === 'uri';
}

interface Setting {
  key: string;
  value: string;
  location: Location;
}

/**
 * MP Config as an application on this server sees it, highest ordinal first: the Liberty server's variables (a
 * `<variable>` of server.xml, ordinal 500; its environment in server.env under MP Config's `A_B_C` spellings,
 * 300; a file of its `variables/` directory), then the
 * application's settings files (a later file over an earlier one). `${name}` and `${name:default}` in a value are
 * resolved the same way (MP Config 2.0 "Property Expressions"); a value with a part nothing sets is unknown.
 */
function configLookup(docs: readonly ParsedDocument[], liberty: LibertyServerConfig | undefined) {
  const own = new Map<string, Setting>();
  for (const doc of docs)
    for (const entry of doc.entries)
      own.set(entry.key, { key: entry.key, value: entry.value, location: entryLocation(doc, entry, 'value') });
  const raw = (key: string): Setting | undefined => {
    const variable = liberty ? libertyVariable(liberty.variables, key) : undefined;
    // bootstrap.properties sets Liberty variables, which MP Config does not read as a source.
    if (variable?.location && path.basename(variable.from) !== 'bootstrap.properties')
      return { key, value: variable.value, location: variable.location };
    return own.get(key);
  };
  const resolve = (value: string, depth = 0): string | undefined => {
    if (!value.includes('${')) return value;
    if (depth > 4) return undefined;
    let unknown = false;
    const replaced = value.replace(/\$\{([^}:]+)(?::([^}]*))?\}/g, (_, name: string, fallback?: string) => {
      const set = raw(name);
      const found = set ? resolve(set.value, depth + 1) : fallback;
      if (found === undefined) unknown = true;
      return found ?? '';
    });
    return unknown || replaced.includes('${') ? undefined : replaced;
  };
  return { raw, resolve, own };
}

/** The Liberty server an app group runs on: the one server.xml of the group (several or none: not known). */
function libertyServerOf(ctx: ModelContext, group: string): LibertyServerConfig | undefined {
  const servers = libertyServersOf(ctx).filter((c) => appGroupOf(ctx, c.root.file.path) === group);
  return servers.length === 1 ? servers[0] : undefined;
}

/** Where `classpath:` and relative store paths of a settings file resolve: its project's resources, its directory. */
function storeBases(doc: ParsedDocument): string[] {
  const file = doc.file.path;
  const project = /^(.*?)[\\/]src[\\/]main[\\/]/.exec(file)?.[1];
  return [
    ...(project ? [path.join(project, 'src', 'main', 'resources'), project] : []),
    path.dirname(path.dirname(file)),
    path.dirname(file),
  ];
}

/**
 * MP Config that configures the app's own server: Helidon MP (`server.port`, `server.host`) and Quarkus
 * (`quarkus.*`) read it so, and run REST clients on the JVM's JSSE defaults (no Liberty SSL feature).
 */
export function ownServerSettings(doc: ParsedDocument): boolean {
  return doc.entries.some((e) => /^(?:server\.(?:port|host)|quarkus\.)/.test(e.key));
}

/** What a group's REST clients run on, as far as the tree says. */
export interface RestClientRuntime {
  liberty?: LibertyServerConfig;
  /** The group has Spring or Quarkus settings, or JVM options: a plain JVM whose JSSE defaults apply. */
  plainJvm: boolean;
}

/**
 * The stores a REST client uses: its own (`…/mp-rest/trustStore`, `…/mp-rest/keyStore`) where the spec gives it
 * its own SSL context; on Liberty with the SSL feature, the SSL configuration Liberty hands every REST client
 * (Open Liberty's SslMpClientBuilderListener sets the builder's SSL context from JSSEHelper, the default SSL
 * configuration; without the feature the JDK's defaults apply). Undefined: the component's own (the JVM's).
 */
function restClientTrust(
  client: string,
  get: (property: string) => Setting | undefined,
  docs: readonly ParsedDocument[],
  stores: TreeStores,
  runtime: RestClientRuntime,
  libertyTls: ReturnType<typeof libertyTlsOf>,
  name: string,
): TlsTrustSettings | undefined {
  const store = (property: 'trustStore' | 'keyStore'): StoreRef | undefined => {
    const at = get(property);
    if (!at) return undefined;
    const doc = docs.find((d) => d.file.path === at.location.file);
    const type = get(`${property}Type`);
    return storeRef(
      traced(at.value, at.location.file, at.location.range),
      doc ? storeBases(doc) : [path.dirname(at.location.file)],
      stores,
      type ? traced(type.value, type.location.file, type.location.range) : undefined,
      get(`${property}Password`)?.location,
    );
  };
  const own: TlsTrustSettings = {};
  const trustStore = store('trustStore');
  const keyStore = store('keyStore');
  if (trustStore) own.trustStore = trustStore;
  if (keyStore) own.keyStore = keyStore;
  const trustAll = get('trustAll');
  if (trustAll?.value.trim().toLowerCase() === 'true')
    own.verifiesPeer = traced(false, trustAll.location.file, trustAll.location.range);
  const registry = get('tlsConfigurationName');
  if (registry)
    return {
      unknown: {
        why: said`${name} calls it with the Quarkus TLS configuration '${registry.value}' (quarkus.tls.*), which lint-deploy does not read`,
        at: registry.location,
      },
    };
  const { liberty } = runtime;
  const features = liberty ? libertyTls.get(liberty.root.file.path) : undefined;
  if (liberty && features?.state === 'enabled') {
    const ssl = liberty.data.sslDefault;
    const sslId = ssl?.sslRef?.value ?? 'defaultSSLConfig';
    const outbound = ssl?.outboundSSLRef?.value;
    if (outbound && outbound !== sslId)
      return {
        unknown: {
          why: said`which SSL configuration Liberty gives ${name}'s REST client ${client}: sslDefault names ${sslId} and outboundSSLRef ${outbound}`,
          at: { file: liberty.fileOf(ssl.element), range: ssl.element.range },
        },
      };
    const server = libertySslTrust(liberty, stores, sslId, 'clientKeyAlias');
    const mine = own.trustStore ?? own.keyStore;
    // Liberty's SSL context is set on the client builder besides its own stores: which one wins is not modelled.
    if (mine && (mine.file === undefined || ![server.trustStore?.file, server.keyStore?.file].includes(mine.file)))
      return {
        unknown: {
          why: said`whether ${name}'s REST client ${client} uses its own store ${mine.path.value} or Liberty's ${sslId} (its SSL feature ${features.feature} gives REST clients that configuration)`,
          at: mine.path.from.kind === 'file' ? mine.path.from.location : undefined,
          related: [
            { file: liberty.root.file.path, message: said`the Liberty server enables ${features.feature} here` },
          ],
        },
      };
    return server;
  }
  if (liberty && features?.state === 'unknown' && !own.trustStore)
    return {
      unknown: {
        why: said`whether the Liberty server enables its SSL feature (then ${name}'s REST clients use its default SSL configuration, else the JDK's): ${joined(features.unsettled, '; ')}`,
        at: { file: liberty.root.file.path },
      },
    };
  if (own.trustStore || own.keyStore || own.verifiesPeer) return own;
  if (!liberty && !runtime.plainJvm)
    return {
      unknown: {
        why: said`which runtime runs ${name} (a Liberty server with its SSL feature gives REST clients its default SSL configuration, another runtime the JDK's defaults): the tree holds no server.xml or settings of it`,
      },
    };
  return undefined;
}

/** An app group's MicroProfile Rest Client settings: its MP Config files and (Quarkus) Spring-format settings. */
export interface RestClientSources {
  group: string;
  /** `META-INF/microprofile-config.properties`. */
  mpConfig: readonly ParsedDocument[];
  /** `application.properties` and the like, whose URLs are already read as client URLs (urlsIn). */
  settings: readonly ParsedDocument[];
  plainJvm: boolean;
  /** The application's name, for messages. */
  name: string;
}

/**
 * The URLs an app group's MicroProfile Rest Clients call (`…/mp-rest/url`, `…/mp-rest/uri`,
 * `quarkus.rest-client.<key>.url`) from its MP Config files, with the stores each uses, and the stores of the
 * REST client URLs its Spring-format settings name (`settingsUrls`, read by urlsIn).
 */
export function restClientUrls(ctx: ModelContext, sources: RestClientSources, settingsUrls: ClientUrl[]): ClientUrl[] {
  const docs = [...sources.settings, ...sources.mpConfig];
  const liberty = libertyServerOf(ctx, sources.group);
  const lookup = configLookup(docs, liberty);
  const runtime: RestClientRuntime = { ...(liberty && { liberty }), plainJvm: sources.plainJvm };
  const stores = treeStoresOf(ctx);
  const libertyTls = libertyTlsOf(ctx);
  const withTrust = (url: ClientUrl, client: string): ClientUrl => {
    const setting = (property: string) => {
      for (const key of [`${client}/mp-rest/${property}`, quarkusKey(client, property)]) {
        const set = lookup.raw(key);
        // A part nothing sets stays as written (a store path `${TRUST_DIR}/t.p12`: named, not found).
        if (set) return { ...set, value: lookup.resolve(set.value) ?? set.value };
      }
      return undefined;
    };
    const trust = restClientTrust(client, setting, docs, stores, runtime, libertyTls, sources.name);
    const verifier = setting('hostnameVerifier') ?? falseSetting(setting('verifyHost'));
    return {
      ...url,
      ...(trust && { trust }),
      ...(verifier && { hostnameVerifier: { value: verifier.value, location: verifier.location } }),
    };
  };
  // Built by push: an optimized `map` returns an array of another hidden class than the interpreter's, which
  // recompiled every reader of a Java app's URLs compiled before (docs/performance.md, session 56).
  const urls: ClientUrl[] = [];
  for (const url of settingsUrls) {
    const parts = restClientKey(url.key);
    urls.push(parts && isRestClientUrlKey(url.key) ? withTrust(url, parts.client) : url);
  }
  const seen = new Set<string>();
  for (const doc of sources.mpConfig)
    for (const entry of doc.entries) {
      const parts = restClientKey(entry.key);
      if (!parts || (parts.property !== 'url' && parts.property !== 'uri') || seen.has(entry.key)) continue;
      seen.add(entry.key);
      // A higher-ordinal source may set it (a Liberty `<variable>`): the value the app reads, where it is set.
      const set = lookup.raw(entry.key) ?? { key: entry.key, value: entry.value, location: entryLocation(doc, entry) };
      const value = lookup.resolve(set.value);
      // A URL whose host or port only the run decides names no server: no link.
      if (value === undefined) continue;
      for (const url of clientUrlsIn(value, set.location, entry.key)) urls.push(withTrust(url, parts.client));
    }
  return urls;
}

function quarkusKey(client: string, property: string): string {
  const name = /[.]/.test(client) ? `"${client}"` : client;
  return `quarkus.rest-client.${name}.${property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Quarkus `verify-host=false`: no host name check, as a no-op hostnameVerifier would be. */
function falseSetting(set: Setting | undefined): Setting | undefined {
  return set?.value.trim().toLowerCase() === 'false' ? { ...set, value: 'verify-host=false' } : undefined;
}
