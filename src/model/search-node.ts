/**
 * Elasticsearch and OpenSearch nodes (Deployment.searchNodes) and their TLS layers as ends whose stores the store and
 * certificate rules judge (Deployment.unlinkedEnds). A node is a Compose service of the product's official image, with
 * the configuration file a bind mount puts at `<config dir>/elasticsearch.yml` (`opensearch.yml`) and the settings its
 * environment gives (./search-node-settings.ts: none when the service's `command:` replaces the start that passes them,
 * unknown when it may, ./search-node-start.ts), or a configuration file of the tree no such service runs. Each node
 * has an HTTP layer (the REST clients' endpoint) and a transport layer (node to node), each speaking TLS when its
 * `enabled` setting (or the product's default) says so, with:
 * - key material: Elasticsearch `keystore.path` (with `keystore.type`), or `key` and `certificate` (PEM); OpenSearch
 *   `keystore_filepath`, or `pemcert_filepath` with `pemkey_filepath` (the transport layer also takes `server.` and
 *   `client.` pairs);
 * - trust: `truststore.path`, `certificate_authorities` (`truststore_filepath`, `pemtrustedcas_filepath`);
 * - `supported_protocols` / `enabled_protocols` and `cipher_suites` / `enabled_ciphers`, judged against the node's JDK
 *   (the image's bundled one: unknown unless knowledge jdk-locations.json knows the tag, never guessed).
 * A relative path is the node's configuration directory's (knowledge search-nodes.json pathsRelativeTo): in the official
 * image `/usr/share/elasticsearch/config`, where a bind mount may put a tree file; for a file no service runs, the
 * file's own directory. A path with `${…}`, or one no mount of the tree fills, is outside what the tree shows.
 * Unknown is said, never guessed: an Elasticsearch node with no `xpack.security.*` setting may be configured by the
 * image's security auto-configuration at first start, and an OpenSearch node whose file sets no `plugins.security.ssl.*`
 * (or that takes the image's own file) by
 * the demo configuration installer its image (and archive) run: their layers are unknown.
 */
import * as path from 'node:path';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { ParsedDocument } from '../parse/types';
import type { Location } from '../core/types';
import { relativePosix } from '../core/posix-path';
import { searchProducts, type SearchLayer, type SearchProductFacts } from '../knowledge/search-nodes';
import { NODE_HTTP_PORT } from '../knowledge/elastic-links';
import type { ModelContext, ModelContributor } from './contributor';
import { deploymentMounts } from './compose-mounts';
import { composeVariablesOf } from './compose-variables';
import { mountedTreeFile } from './kafka-protocols';
import { serviceImageRuntime } from './kafka-brokers';
import { serviceHosts } from './rabbitmq-brokers';
import { environmentSettings, fileSettings, settingBoolean } from './search-node-settings';
import { environmentApplied, passesSettings } from './search-node-start';
import type { SearchLayerFile, SearchNodeLayer, SearchNodeRecord, SearchSetting } from './search-node-types';
import { storeRef, treeStoresOf, type TreeStores } from './store-files';
import type { JavaRuntime, KafkaList, StoreRef, TreeMount, UnlinkedEnd } from './types';

/** The settings of each layer that name its key material, trust, protocols and ciphers, by product. */
const LAYER_SETTINGS = {
  Elasticsearch: {
    keyStore: ['keystore.path'],
    keyStoreType: 'keystore.type',
    pemCertificate: ['certificate'],
    pemKey: ['key'],
    trustStore: 'truststore.path',
    trustStoreType: 'truststore.type',
    authorities: 'certificate_authorities',
    protocols: 'supported_protocols',
    ciphers: 'cipher_suites',
  },
  OpenSearch: {
    keyStore: ['keystore_filepath'],
    keyStoreType: 'keystore_type',
    pemCertificate: ['pemcert_filepath', 'server.pemcert_filepath'],
    pemKey: ['pemkey_filepath', 'server.pemkey_filepath'],
    trustStore: 'truststore_filepath',
    trustStoreType: 'truststore_type',
    authorities: 'pemtrustedcas_filepath',
    protocols: 'enabled_protocols',
    ciphers: 'enabled_ciphers',
  },
} as const;

export const searchNodesContributor: ModelContributor = {
  id: 'search-nodes',
  reads: ['elasticsearch.config', 'opensearch.config', 'compose'],
  contribute(ctx) {
    const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
    const mounts = composeFiles.length > 0 ? deploymentMounts(ctx) : [];
    let stores: TreeStores | undefined;
    const storesOf = () => (stores ??= treeStoresOf(ctx));
    for (const facts of searchProducts()) {
      const configs = ctx.documentsOf(facts.kind);
      const run = new Set<ParsedDocument>();
      for (const compose of composeFiles)
        for (const service of compose.data.services) {
          const own = mounts.filter((m) => m.file === compose.file.path && m.mount.service === service.name);
          const mounted = mountedTreeFile(own, path.posix.join(facts.imageConfigDir, facts.configFile));
          const config = mounted && configs.find((d) => d.file.path === path.resolve(mounted.file));
          // The official image, or an image built on it (`build:`) that gets the tree's file where the image reads it.
          if (!facts.image.test(service.image?.trim() ?? '') && !config) continue;
          if (config) run.add(config);
          const variables = composeVariablesOf(ctx, compose, service);
          const start = environmentApplied(facts, compose, service);
          const environment = start.state === 'not applied' ? [] : [...environmentSettings(variables, facts)];
          // Settings the start may or may not pass: their values are the run's to decide.
          if (start.state === 'unknown') for (const [, setting] of environment) setting.placeholder = true;
          const settings = new Map([...(config ? fileSettings(config) : []), ...environment]);
          const elsewhere =
            variables.unread.length > 0
              ? `the env_file ${variables.unread[0]!.envFile.path}, which the run does not hold, may set more`
              : start.state === 'unknown'
                ? `${start.why}: whether it takes them is unknown`
                : passesSettings(compose, service)
                  ? 'its command: passes settings with -E, which are not read'
                  : undefined;
          // Where the service takes the node's file (its bind mount), else its image.
          const at: Location = mounted && config ? mounted.at : { file: compose.file.path, range: service.imageRange };
          const where = config ? `${relativePosix(ctx.deployment.root, config.file.path)}, ` : '';
          addNode(ctx, {
            facts,
            name: `${facts.product} node (${where}Compose service ${service.name})`,
            location: config ? { file: config.file.path, range: firstRange(config) } : at,
            ...(config && { config }),
            service: { compose, service, at },
            settings,
            resolve: inContainer(own, facts, storesOf),
            hosts: serviceHosts(service),
            runtime: serviceImageRuntime(compose, service, ctx.memo),
            ...(elsewhere && { settingsElsewhere: elsewhere }),
          });
        }
      for (const config of configs) {
        if (run.has(config)) continue;
        addNode(ctx, {
          facts,
          name: `${facts.product} node (${relativePosix(ctx.deployment.root, config.file.path)})`,
          location: { file: config.file.path, range: firstRange(config) },
          config,
          settings: fileSettings(config),
          resolve: besideFile(config.file.path, storesOf),
          hosts: [],
          settingsElsewhere:
            'the tree does not show how the node is started (its environment and -E options may set more)',
        });
      }
    }
  },
};

function firstRange(doc: ParsedDocument) {
  return doc.entries[0]?.keyRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** A path setting as the store it names (with the host path of a bind mount whose file the tree does not hold). */
type Resolve = (setting: SearchSetting, type?: SearchSetting | string) => StoreRef & { outsideFile?: string };

const typeOf = (setting: SearchSetting, type: SearchSetting | string | undefined) =>
  typeof type === 'string'
    ? { value: type, from: { kind: 'file' as const, location: setting.at } }
    : type && !type.placeholder
      ? { value: type.value.toUpperCase(), from: { kind: 'file' as const, location: type.at } }
      : undefined;

const written = (setting: SearchSetting) => ({
  value: setting.items[0] ?? setting.value,
  from: { kind: 'file' as const, location: setting.at },
});

/** In the official image's container: a relative path is the config directory's; a bind mount may hold the file. */
function inContainer(own: readonly TreeMount[], facts: SearchProductFacts, stores: () => TreeStores): Resolve {
  return (setting, type) => {
    const value = written(setting);
    const typed = typeOf(setting, type);
    const bare: StoreRef = { path: value, setting: setting.key, ...(typed && { type: typed }) };
    if (setting.placeholder) return bare;
    const mounted = mountedTreeFile(own, path.posix.resolve(facts.imageConfigDir, value.value));
    if (!mounted) return bare;
    const file = path.resolve(mounted.file);
    // A host path the tree does not hold (certificates a setup service generates): outside the tree, unknown.
    if (stores().typeOf(file) === undefined) return { ...bare, mountedFromOutside: mounted.at, outsideFile: file };
    return { ...storeRef(value, [], stores(), typed, undefined, file), setting: setting.key, mountedAt: mounted.at };
  };
}

/** A file no known start runs: a relative path is its own directory's (the node's config directory holds it). */
function besideFile(configFile: string, stores: () => TreeStores): Resolve {
  return (setting, type) => {
    const value = written(setting);
    const typed = typeOf(setting, type);
    if (setting.placeholder) return { path: value, setting: setting.key, ...(typed && { type: typed }) };
    return { ...storeRef(value, [path.dirname(configFile)], stores(), typed), setting: setting.key };
  };
}

interface NodeInput {
  facts: SearchProductFacts;
  name: string;
  location: Location;
  config?: ParsedDocument;
  service?: { compose: ParsedDocument<ComposeData>; service: ComposeService; at: Location };
  settings: ReadonlyMap<string, SearchSetting>;
  resolve: Resolve;
  hosts: string[];
  runtime?: JavaRuntime;
  settingsElsewhere?: string;
}

function addNode(ctx: ModelContext, input: NodeInput): void {
  const { facts, settings } = input;
  const off = settings.get(facts.securityOff.setting);
  const securityOff = off && !off.placeholder && off.value.toLowerCase() === facts.securityOff.value ? off : undefined;
  // Settings the first start may write. Elasticsearch's security auto-configuration runs unless the node's settings
  // (its file's and -E options) configure security. OpenSearch's demo configuration installer (the image's entrypoint,
  // the archive's install script) appends its certificates to opensearch.yml unless that file already holds a
  // `plugins.security` line; environment settings do not stop it. A file that sets no TLS setting of its own (a fragment
  // such as the security plugin's opensearch.yml.example, or one the installer completes) leaves the layers unknown.
  const fileKeys = input.config ? [...fileSettings(input.config).keys()] : [];
  const autoConfigured =
    facts.product === 'Elasticsearch'
      ? ![...settings.keys()].some((k) => k.startsWith('xpack.security.'))
      : !fileKeys.some((k) => k.startsWith('plugins.security.ssl.'));
  const layer = (name: SearchLayer) => layerOf(facts, name, settings, !!securityOff, autoConfigured);
  const layers = { http: layer('http'), transport: layer('transport') };
  const port = settings.get('http.port');
  const record: SearchNodeRecord = {
    product: facts.product,
    name: input.name,
    location: input.location,
    ...(input.config && { configFile: input.config.file.path }),
    ...(input.service && {
      service: {
        name: input.service.service.name,
        file: input.service.compose.file.path,
        ...(input.service.service.image && { image: input.service.service.image }),
        at: input.service.at,
      },
    }),
    ...(input.settingsElsewhere && { settingsElsewhere: input.settingsElsewhere }),
    settings,
    ...(securityOff && { securityOff }),
    layers,
    httpEndpoint: {
      hosts: [...new Set(input.hosts)],
      port: !port ? NODE_HTTP_PORT : /^\d+$/.test(port.value) ? Number(port.value) : 'unknown',
      tls: layers.http.enabled,
    },
  };
  (ctx.deployment.searchNodes ??= []).push(record);
  for (const name of ['http', 'transport'] as const) {
    const end = layerEnd(record, layers[name], input);
    if (end) (ctx.deployment.unlinkedEnds ??= []).push(end);
  }
}

function layerOf(
  facts: SearchProductFacts,
  layer: SearchLayer,
  settings: ReadonlyMap<string, SearchSetting>,
  securityOff: boolean,
  autoConfigured: boolean,
): SearchNodeLayer {
  const { prefix, enabledDefault } = facts.layers[layer];
  const own = new Map<string, SearchSetting>();
  for (const [key, setting] of settings) if (key.startsWith(prefix)) own.set(key.slice(prefix.length), setting);
  const enabledBy = own.get('enabled');
  const written = settingBoolean(enabledBy);
  const enabled: SearchNodeLayer['enabled'] = securityOff
    ? written === true || (enabledBy && written === undefined)
      ? 'unknown'
      : false
    : enabledBy
      ? (written ?? 'unknown')
      : autoConfigured
        ? 'unknown'
        : enabledDefault;
  const names = LAYER_SETTINGS[facts.product];
  const present = (keys: readonly string[]) => keys.map((k) => own.get(k)).filter((s) => s !== undefined);
  const material = [...present(names.keyStore), ...present(names.pemCertificate)];
  const keyMaterial: SearchNodeLayer['keyMaterial'] = autoConfigured
    ? 'unknown'
    : material.some((s) => s.placeholder)
      ? 'unknown'
      : present(names.keyStore).length > 0
        ? 'keystore'
        : present(names.pemCertificate).length > 0 &&
            (facts.product === 'OpenSearch' || present(names.pemKey).length > 0)
          ? 'pem'
          : 'none';
  return { layer, prefix, enabled, ...(enabledBy && { enabledBy }), settings: own, keyMaterial };
}

/** A layer that speaks TLS as an end whose stores are read when the node starts. */
function layerEnd(record: SearchNodeRecord, layer: SearchNodeLayer, input: NodeInput): UnlinkedEnd | undefined {
  if (layer.enabled !== true) return undefined;
  const names = LAYER_SETTINGS[record.product];
  const get = (keys: readonly string[]) => keys.map((k) => layer.settings.get(k)).find((s) => s !== undefined);
  const keyStoreSetting = get(names.keyStore);
  const certificate = get(names.pemCertificate);
  const key = get(names.pemKey);
  const trustSetting = layer.settings.get(names.trustStore);
  const authorities = layer.settings.get(names.authorities);
  const keyStore = keyStoreSetting
    ? storeOf(input.resolve(keyStoreSetting, layer.settings.get(names.keyStoreType)))
    : certificate && storeOf(input.resolve(certificate, 'PEM'));
  const trustStore = trustSetting
    ? storeOf(input.resolve(trustSetting, layer.settings.get(names.trustStoreType)))
    : authorities && storeOf(input.resolve(authorities, 'PEM'));
  const keyFile = !keyStoreSetting && key ? storeOf(input.resolve(key, 'PEM')) : undefined;
  recordFiles(layer, names, input.resolve);
  const protocols = listOf(layer.settings.get(names.protocols));
  const cipherSuites = listOf(layer.settings.get(names.ciphers));
  return {
    name: `${record.name} ${layer.layer === 'http' ? 'HTTP' : 'transport'} layer`,
    location: layer.enabledBy?.at ?? record.location,
    implementation: 'jsse',
    trust: {
      ...(keyStore && { keyStore }),
      ...(keyFile && { keyFile }),
      ...(trustStore && { trustStore }),
    },
    ...(input.runtime && { runtime: input.runtime }),
    ...(protocols && { protocols }),
    ...(cipherSuites && { cipherSuites }),
  };
}

/** A resolved path as the end's store (the host path is the layer record's, ./search-node-types.ts). */
const storeOf = ({ outsideFile: _, ...ref }: StoreRef & { outsideFile?: string }): StoreRef => ref;

const fileOf = (setting: SearchSetting, resolved: StoreRef & { outsideFile?: string }): SearchLayerFile => {
  const { outsideFile, ...ref } = resolved;
  return { setting, ref, ...(outsideFile && { outsideFile }) };
};

/** The file the layer presents its certificate from, and its PEM certificate and key pairs (same prefix). */
function recordFiles(
  layer: SearchNodeLayer,
  names: (typeof LAYER_SETTINGS)[keyof typeof LAYER_SETTINGS],
  resolve: Resolve,
) {
  const store = names.keyStore.map((k) => layer.settings.get(k)).find((s) => s !== undefined);
  const pairs = names.pemCertificate.flatMap((name, i) => {
    const certificate = layer.settings.get(name);
    const key = layer.settings.get(names.pemKey[i]!);
    return certificate && key
      ? [{ certificate: fileOf(certificate, resolve(certificate, 'PEM')), key: fileOf(key, resolve(key, 'PEM')) }]
      : [];
  });
  const presents = store ? fileOf(store, resolve(store)) : pairs[0]?.certificate;
  if (presents) layer.presents = presents;
  if (!store && pairs.length > 0) layer.pemPairs = pairs;
}

function listOf(setting: SearchSetting | undefined): KafkaList | undefined {
  if (!setting || setting.placeholder || setting.items.length === 0) return undefined;
  return {
    setting: setting.key,
    value: { value: setting.items, from: { kind: 'file', location: setting.at } },
    text: setting.value,
  };
}
