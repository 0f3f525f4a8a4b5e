/**
 * Kibana and the Beats as TLS ends (Deployment.elasticClients, Deployment.unlinkedEnds): Kibana's connection to
 * Elasticsearch (`elasticsearch.hosts`, `elasticsearch.ssl.*`) and its own HTTPS server (`server.ssl.*`), from a
 * kibana.yml or the `environment:` of a Compose service of Kibana's image (its entrypoint turns `ELASTICSEARCH_SSL_VERIFICATIONMODE`
 * into `--elasticsearch.ssl.verificationMode`, for the settings it lists: elastic/kibana@00cc64eb
 * src/dev/build/tasks/os_packages/docker_generator/resources/base/bin/kibana-docker); a Beat's `output.elasticsearch`
 * and `output.logstash` (`hosts`, `protocol`, `ssl.*`). Settings: https://www.elastic.co/guide/en/kibana/current/settings.html,
 * https://www.elastic.co/guide/en/beats/filebeat/current/configuration-ssl.html.
 * The PEM files they name are in use whenever they start, so the certificate rules judge them as any end's (an
 * UnlinkedEnd each): Kibana's on OpenSSL (Node.js), a Beat's on Go's crypto/tls, which the model does not profile. No
 * link is made to the Elasticsearch nodes yet: the hosts are recorded for it. A value with `${…}` is the run's: unknown.
 */
import type { Location } from '../core/types';
import { relativePosix } from '../core/posix-path';
import type { ComposeData } from '../parse/compose';
import { BEATS_CONFIG_KIND, KIBANA_CONFIG_KIND } from '../parse/kibana-beats';
import { entryLocation, type Entry, type ParsedDocument } from '../parse/types';
import type { ModelContributor } from './contributor';
import { deploymentMounts } from './compose-mounts';
import { KIBANA_IMAGE_HOME, mountPlacer, servicePlacer } from './kibana-beats-files';
import { endsOf, verificationOf, type Recorded } from './kibana-beats-ends';
import { hostWordOf, RUN_TIME } from './elastic-host-word';
import { KIBANA_IMAGE, kibanaService } from './kibana-compose';
import { traced } from './java-shared';
import type { ElasticStackClient, ElasticWritten, KibanaServerRecord } from './kibana-beats-records';
import type { StoreRef } from './types';

/** A file's settings by key (a key set twice keeps the later value, as both products' YAML readers do). */
type Settings = ReadonlyMap<string, Entry>;

/** The values of a list setting, flat (`hosts: a`) or a sequence (`hosts[0]`), with their entries. */
function listOf(doc: ParsedDocument, key: string): Entry[] {
  const item = new RegExp(`^${key.replace(/\./g, '\\.')}\\[\\d+\\]$`);
  return doc.entries.filter((e) => (e.key === key || item.test(e.key)) && e.value.trim() !== '');
}

/** Places a written path in the tree (./kibana-beats-files.ts). */
type Placer = (written: string) => Pick<StoreRef, 'file' | 'mountedAt'>;

/** A PEM file a setting names (the path as written, traced to its value), with the tree file a mount puts there. */
function pemRef(doc: ParsedDocument, entry: Entry, place: Placer): StoreRef {
  const at = entryLocation(doc, entry, 'value');
  const written = entry.value.trim();
  return { path: traced(written, at.file, at.range), type: traced('PEM', at.file, at.range), ...place(written) };
}

/** Kibana's connection to Elasticsearch and its HTTPS server, from a kibana.yml. */
function kibanaFile(doc: ParsedDocument, where: string, place: Placer, out: Recorded): void {
  const settings: Settings = new Map(doc.entries.map((e) => [e.key, e]));
  const name = `Kibana (${where})`;
  const hosts = listOf(doc, 'elasticsearch.hosts');
  const parsed = hosts.map((e) => ({ entry: e, host: hostWordOf(e.value) }));
  const https = parsed.find((p) => p.host?.scheme === 'https');
  const tls = https ? true : parsed.some((p) => !p.host) ? 'unknown' : false;
  const mode = settings.get('elasticsearch.ssl.verificationMode');
  const location = hosts[0] ? entryLocation(doc, hosts[0]) : { file: doc.file.path, range: doc.entries[0]?.keyRange };
  out.clients.push({
    name,
    product: 'kibana',
    target: 'elasticsearch',
    location,
    ...(parsed.every((p) => p.host)
      ? {
          hosts: parsed.map((p) => p.host!.host),
          ports: parsed.map((p) => p.host!.port),
          schemes: parsed.map((p) => p.host!.scheme),
        }
      : {}),
    tls,
    ...(https ? { tlsAt: entryLocation(doc, https.entry, 'value') } : {}),
    ...(mode ? { verification: verificationOf(mode.key, entryLocation(doc, mode, 'value'), mode.value) } : {}),
  });
  const certificate = settings.get('elasticsearch.ssl.certificate');
  if (tls !== false)
    out.ends.push(
      ...endsOf(
        `Kibana's connection to Elasticsearch (${where})`,
        location,
        'openssl',
        listOf(doc, 'elasticsearch.ssl.certificateAuthorities').map((e) => pemRef(doc, e, place)),
        certificate && pemRef(doc, certificate, place),
        mode?.value.trim().toLowerCase() !== 'none',
      ),
    );
  // Its HTTPS server: only with server.ssl.enabled true does Kibana read server.ssl.certificate.
  const enabled = settings.get('server.ssl.enabled');
  if (enabled) out.servers.push(kibanaServer(doc, settings, enabled, where));
  const serverCertificate = settings.get('server.ssl.certificate');
  if (enabled?.value.trim() === 'true' && serverCertificate) {
    const clientAuth = settings.get('server.ssl.clientAuthentication')?.value.trim().toLowerCase();
    const asks = clientAuth === 'optional' || clientAuth === 'required';
    out.ends.push(
      ...endsOf(
        `Kibana's HTTPS server (${where})`,
        entryLocation(doc, enabled),
        'openssl',
        asks ? listOf(doc, 'server.ssl.certificateAuthorities').map((e) => pemRef(doc, e, place)) : [],
        pemRef(doc, serverCertificate, place),
        asks,
      ),
    );
  }
}

/** A setting as written, a list as its items joined (`[TLSv1.2, TLSv1.3]`: `TLSv1.2, TLSv1.3`). */
function written(doc: ParsedDocument, key: string): ElasticWritten | undefined {
  const items = listOf(doc, key);
  const [first] = items;
  if (!first) return undefined;
  return { setting: key, text: items.map((e) => e.value.trim()).join(', '), at: entryLocation(doc, first, 'value') };
}

/** Kibana's HTTPS server as its `server.ssl.*` settings write it. */
function kibanaServer(doc: ParsedDocument, settings: Settings, enabled: Entry, where: string): KibanaServerRecord {
  const value = enabled.value.trim();
  const record: KibanaServerRecord = {
    name: `Kibana's HTTPS server (${where})`,
    location: entryLocation(doc, enabled),
    enabled: value === 'true' ? true : value === 'false' ? false : 'unknown',
  };
  const fields = {
    certificate: 'server.ssl.certificate',
    key: 'server.ssl.key',
    keystore: 'server.ssl.keystore.path',
    supportedProtocols: 'server.ssl.supportedProtocols',
    cipherSuites: 'server.ssl.cipherSuites',
    clientAuthentication: 'server.ssl.clientAuthentication',
  } as const;
  for (const [field, key] of Object.entries(fields) as [keyof typeof fields, string][]) {
    const setting = written(doc, key);
    if (setting) record[field] = setting;
  }
  return record;
}

/** A Beat's Elasticsearch and Logstash outputs. */
function beatFile(doc: ParsedDocument<{ product: string }>, where: string, place: Placer, out: Recorded): void {
  const settings: Settings = new Map(doc.entries.map((e) => [e.key, e]));
  const beat = doc.data.product.charAt(0).toUpperCase() + doc.data.product.slice(1);
  for (const target of ['elasticsearch', 'logstash'] as const) {
    const prefix = `output.${target}`;
    const own = doc.entries.filter((e) => e.key.startsWith(`${prefix}.`));
    if (own.length === 0) continue;
    const enabled = settings.get(`${prefix}.enabled`)?.value.trim();
    if (enabled === 'false') continue;
    const ssl = own.filter((e) => e.key.startsWith(`${prefix}.ssl.`));
    const sslEnabled = settings.get(`${prefix}.ssl.enabled`)?.value.trim();
    const sslOff = sslEnabled === 'false';
    const sslUnknown = sslEnabled !== undefined && RUN_TIME.test(sslEnabled);
    const hosts = listOf(doc, `${prefix}.hosts`);
    const parsed = hosts.map((e) => ({ entry: e, host: hostWordOf(e.value) }));
    let tls: ElasticStackClient['tls'];
    let tlsAt: Location | undefined;
    if (target === 'logstash') {
      // libbeat's tlscommon: an `ssl` section is enabled unless `ssl.enabled: false` says otherwise.
      tls = sslUnknown ? 'unknown' : ssl.length > 0 && !sslOff;
      tlsAt = tls === true ? entryLocation(doc, ssl[0]!) : undefined;
    } else {
      // Each host's scheme, else `protocol` (http when unset): libbeat's common.MakeURL.
      const protocol = settings.get(`${prefix}.protocol`);
      const https = parsed.find((p) => p.host?.scheme === 'https');
      const bare = parsed.some((p) => p.host && !p.host.scheme);
      const protocolValue = protocol?.value.trim().toLowerCase();
      if (https) [tls, tlsAt] = [true, entryLocation(doc, https.entry, 'value')];
      else if (bare && protocolValue === 'https' && protocol)
        [tls, tlsAt] = [true, entryLocation(doc, protocol, 'value')];
      else if (parsed.some((p) => !p.host) || (protocol && RUN_TIME.test(protocol.value))) tls = 'unknown';
      else if (bare && !protocol && ssl.length > 0 && !sslOff) tls = 'unknown';
      else if (sslUnknown) tls = 'unknown';
      else tls = false;
    }
    // `ssl.enabled: false` sets none of the section's settings (an https host then gets Go's defaults).
    const mode = sslOff ? undefined : settings.get(`${prefix}.ssl.verification_mode`);
    const name = `${beat} ${prefix} (${where})`;
    const protocols = sslOff ? undefined : written(doc, `${prefix}.ssl.supported_protocols`);
    const location = hosts[0] ? entryLocation(doc, hosts[0]) : entryLocation(doc, own[0]!);
    out.clients.push({
      name,
      product: 'beats',
      target,
      location,
      ...(parsed.every((p) => p.host)
        ? { hosts: parsed.map((p) => p.host!.host), ports: parsed.map((p) => p.host!.port) }
        : {}),
      tls,
      ...(tlsAt ? { tlsAt } : {}),
      ...(mode ? { verification: verificationOf(mode.key, entryLocation(doc, mode, 'value'), mode.value) } : {}),
      ...(protocols ? { supportedProtocols: protocols } : {}),
    });
    const certificate = settings.get(`${prefix}.ssl.certificate`);
    if (tls !== false && !sslOff)
      out.ends.push(
        ...endsOf(
          name,
          location,
          // Go's crypto/tls: no stack the model profiles.
          'unknown',
          listOf(doc, `${prefix}.ssl.certificate_authorities`).map((e) => pemRef(doc, e, place)),
          certificate && pemRef(doc, certificate, place),
          mode?.value.trim().toLowerCase() !== 'none',
        ),
      );
  }
}

export const kibanaBeatsContributor: ModelContributor = {
  id: 'kibana-beats',
  reads: [KIBANA_CONFIG_KIND, BEATS_CONFIG_KIND, 'compose'],
  contribute(ctx) {
    const out: Recorded = { clients: [], servers: [], ends: [] };
    const where = (file: string) => relativePosix(ctx.deployment.root, file);
    const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
    const mounts = composeFiles.length > 0 ? deploymentMounts(ctx) : [];
    const treeFiles = new Set(ctx.deployment.documents.map((d) => d.file.path));
    for (const doc of ctx.documentsOf(KIBANA_CONFIG_KIND))
      kibanaFile(doc, where(doc.file.path), mountPlacer(mounts, doc, treeFiles, KIBANA_IMAGE_HOME), out);
    for (const doc of ctx.documentsOf(BEATS_CONFIG_KIND)) {
      const place = mountPlacer(mounts, doc, treeFiles, undefined);
      beatFile(doc as ParsedDocument<{ product: string }>, where(doc.file.path), place, out);
    }
    for (const doc of composeFiles)
      for (const service of doc.data.services)
        if (KIBANA_IMAGE.test(service.image ?? ''))
          kibanaService(
            doc,
            service,
            where(doc.file.path),
            servicePlacer(mounts, doc.file.path, service.name, treeFiles),
            out,
          );
    if (out.clients.length > 0) (ctx.deployment.elasticClients ??= []).push(...out.clients);
    if (out.servers.length > 0) (ctx.deployment.kibanaServers ??= []).push(...out.servers);
    if (out.ends.length > 0) (ctx.deployment.unlinkedEnds ??= []).push(...out.ends);
  },
};
