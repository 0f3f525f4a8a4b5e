/**
 * The TLS ends of Logstash pipelines (../parse/logstash-pipeline.ts): the `elasticsearch`, `opensearch` and `http`
 * outputs as clients, the `beats`, `tcp` and `http` inputs as servers (Deployment.logstashEnds). Each end with TLS on
 * is also an unlinked end (Deployment.unlinkedEnds) with the files it names, so the certificate and store rules judge
 * them as any component's. No link to Elasticsearch nodes yet: the hosts an output calls are recorded, lower case.
 *
 * Whether an output speaks TLS is the plugin's rule (logstash-plugins/logstash-output-elasticsearch@b134443f, v12.1.6,
 * lib/logstash/outputs/elasticsearch/http_client_builder.rb setup_ssl; the same in
 * opensearch-project/logstash-output-opensearch@b3e84d60 http_client_builder.rb): any `https://` host turns it on,
 * whatever `ssl`/`ssl_enabled` says; else `ssl`/`ssl_enabled => true` does (the hosts then have no scheme). Its
 * verification is off with `ssl_certificate_verification => false` (before 12.0; obsolete from 12.0, which refuses to
 * start with it: CHANGELOG 12.0.0) or `ssl_verification_mode => none` (from 11.14.0).
 */
import * as path from 'node:path';
import {
  LOGSTASH_PIPELINE_KIND,
  scalarText,
  type LogstashAttribute,
  type LogstashPipelineData,
  type LogstashPlugin,
} from '../parse/logstash-pipeline';
import type { ParsedDocument } from '../parse/types';
import { relativePosix } from '../core/posix-path';
import { deploymentMounts } from './compose-mounts';
import type { ModelContributor } from './contributor';
import { pemThroughMounts } from './nginx-stores';
import { storeRef, treeStoresOf, type TreeStores } from './store-files';
import { hostWordOf, RUN_TIME } from './elastic-host-word';
import type { StoreRef, TlsTrustSettings, TreeMount, UnlinkedEnd } from './types';
import type { LogstashEnd, LogstashHost, LogstashSetting } from './logstash-records';

/** The plugins read, by section: what each is. */
const CLIENT_OUTPUTS = new Set(['elasticsearch', 'opensearch', 'http']);
const SERVER_INPUTS = new Set(['beats', 'tcp', 'http', 'elastic_agent']);

/**
 * The official image's home, where Logstash runs and resolves relative paths (elastic/logstash docker/templates/Dockerfile
 * `WORKDIR /usr/share/logstash`; docker-elk's `cacert => "config/ca.crt"` is /usr/share/logstash/config/ca.crt).
 */
const IMAGE_HOME = '/usr/share/logstash';

export const logstashEndsContributor: ModelContributor = {
  id: 'logstash-ends',
  reads: ['logstash.'],
  contribute(ctx) {
    const pipelines = ctx.documentsOf(LOGSTASH_PIPELINE_KIND) as ParsedDocument<LogstashPipelineData>[];
    if (pipelines.length === 0) return;
    const mounts = ctx.documentsOf('compose').length > 0 ? deploymentMounts(ctx) : [];
    const stores = treeStoresOf(ctx);
    for (const doc of pipelines) {
      const where = relativePosix(ctx.deployment.root, doc.file.path);
      for (const plugin of doc.data?.plugins ?? []) {
        const client = plugin.section === 'output' && CLIENT_OUTPUTS.has(plugin.name.value);
        const server = plugin.section === 'input' && SERVER_INPUTS.has(plugin.name.value);
        if (!client && !server) continue;
        const end = logstashEnd(doc.file.path, where, plugin, client ? 'client' : 'server');
        (ctx.deployment.logstashEnds ??= []).push(end);
        if (end.tls.state === 'on')
          (ctx.deployment.unlinkedEnds ??= []).push(unlinked(doc.file.path, plugin, end, stores, mounts));
      }
    }
  },
};

/** The setting of that name, the last one when it is written twice. */
function lastAttribute(plugin: LogstashPlugin, name: string): LogstashAttribute | undefined {
  return plugin.attributes.filter((a) => a.name.value === name).at(-1);
}

function settingOf(file: string, plugin: LogstashPlugin, ...names: string[]): LogstashSetting | undefined {
  // The first name given wins over the others (`ssl_enabled` over its deprecated `ssl`).
  for (const name of names) {
    const attribute = lastAttribute(plugin, name);
    const value = attribute && scalarText(attribute.value);
    if (attribute && value !== undefined)
      return { name, value: value.trim(), at: { file, range: attribute.value.range } };
  }
  return undefined;
}

function hostsOf(file: string, attribute: LogstashAttribute | undefined): LogstashHost[] {
  if (!attribute) return [];
  const values = attribute.value.kind === 'array' ? attribute.value.items : [attribute.value];
  return values.flatMap((v): LogstashHost[] => {
    if (v.kind === 'array' || v.kind === 'hash' || v.kind === 'plugin') return [];
    const at = { file, range: v.range };
    // One string may hold several hosts separated by blanks (the plugin's `:uri` list splits them).
    return v.value
      .split(/\s+/)
      .filter((w) => w !== '')
      .map((written) => {
        const word = hostWordOf(written);
        if (!word) return { written, at };
        const { host, scheme, port } = word;
        return {
          written,
          at,
          ...((scheme === 'http' || scheme === 'https') && { scheme }),
          host,
          ...(port && { port }),
        };
      });
  });
}

const isTrue = (s: LogstashSetting | undefined) => s?.value === 'true';
const isFalse = (s: LogstashSetting | undefined) => s?.value === 'false';

function logstashEnd(file: string, where: string, plugin: LogstashPlugin, role: 'client' | 'server'): LogstashEnd {
  const kind = plugin.name.value;
  const sslSetting = settingOf(file, plugin, 'ssl_enabled', 'ssl', 'ssl_enable');
  const hosts = role === 'client' ? hostsOf(file, lastAttribute(plugin, kind === 'http' ? 'url' : 'hosts')) : [];
  const https = hosts.find((h) => h.scheme === 'https');
  const unknownHost = hosts.find((h) => h.host === undefined && RUN_TIME.test(h.written));
  const cloud = role === 'client' ? settingOf(file, plugin, 'cloud_id') : undefined;
  const port = role === 'server' ? settingOf(file, plugin, 'port') : undefined;
  let tls: LogstashEnd['tls'];
  if (https) tls = { state: 'on', because: https };
  else if (cloud) tls = { state: 'on', because: cloud };
  else if (isTrue(sslSetting)) tls = { state: 'on', because: sslSetting };
  else if (sslSetting && RUN_TIME.test(sslSetting.value)) tls = { state: 'unknown', because: sslSetting };
  else if (unknownHost) tls = { state: 'unknown', because: unknownHost };
  else tls = { state: 'off', ...(sslSetting && { because: sslSetting }) };
  const old = settingOf(file, plugin, 'ssl_certificate_verification');
  const mode = settingOf(file, plugin, 'ssl_verification_mode');
  const verificationOff =
    role === 'client' ? (mode?.value === 'none' ? mode : isFalse(old) && kind !== 'http' ? old : undefined) : undefined;
  const trustFiles = (
    role === 'client'
      ? ['ssl_certificate_authorities', 'cacert', 'ssl_truststore_path', 'truststore']
      : ['ssl_certificate_authorities']
  ).flatMap((name) => {
    const attribute = lastAttribute(plugin, name);
    if (!attribute) return [];
    const items = attribute.value.kind === 'array' ? attribute.value.items : [attribute.value];
    return items.flatMap((v) =>
      v.kind === 'string' || v.kind === 'bareword'
        ? [{ name, value: v.value.trim(), at: { file, range: v.range } }]
        : [],
    );
  });
  return {
    name: `Logstash ${kind} ${role === 'client' ? 'output' : 'input'} (${where})`,
    plugin: kind,
    role,
    location: { file, range: plugin.name.range },
    conditional: plugin.conditions.length > 0,
    tls,
    ...(sslSetting && { sslSetting }),
    ...(port && /^\d+$/.test(port.value) && { port: Number(port.value) }),
    hosts,
    ...(verificationOff && { verificationOff }),
    trustFiles,
  };
}

/** The end's files as an unlinked end: PEM files (and an output's JKS/PKCS#12 stores) where the tree holds them. */
function unlinked(
  file: string,
  plugin: LogstashPlugin,
  end: LogstashEnd,
  stores: TreeStores,
  mounts: TreeMount[],
): UnlinkedEnd {
  const pem = pemThroughMounts(file, stores, mounts, 'logstash', [
    path.dirname(file),
    path.dirname(path.dirname(file)),
  ]);
  const ref = (setting: LogstashSetting | undefined, kind: 'pem' | 'store'): StoreRef | undefined => {
    if (!setting || setting.value === '' || RUN_TIME.test(setting.value)) return undefined;
    // A relative path is Logstash's working directory's, the image's home.
    const value = setting.value.startsWith('/') ? setting.value : `${IMAGE_HOME}/${setting.value}`;
    const mounted = mounts.length > 0 ? pem({ value, location: setting.at }) : undefined;
    const written = { value: setting.value, from: { kind: 'file' as const, location: setting.at } };
    const found =
      mounted?.file || mounted?.mountedFromOutside
        ? mounted
        : kind === 'pem'
          ? pem({ value: setting.value, location: setting.at })
          : storeRef(written, [path.dirname(file)], stores);
    return { ...found, setting: setting.name };
  };
  const trustStore = ref(end.trustFiles[0], /truststore/.test(end.trustFiles[0]?.name ?? '') ? 'store' : 'pem');
  const certificate = ref(settingOf(file, plugin, 'ssl_certificate'), 'pem');
  const keyFile = ref(settingOf(file, plugin, 'ssl_key'), 'pem');
  const keyStore = certificate ?? ref(settingOf(file, plugin, 'ssl_keystore_path', 'keystore'), 'store');
  const trust: TlsTrustSettings = {
    ...(keyStore && { keyStore }),
    ...(certificate && keyFile && { keyFile }),
    ...(trustStore && { trustStore }),
    // An output naming no CA trusts the JVM's default anchors (Manticore's default SSL context); an input, none.
    defaultTrust: end.role === 'client' && !trustStore ? 'jdk-cacerts' : 'none',
  };
  return { name: end.name, location: end.location, implementation: 'jsse', trust };
}
