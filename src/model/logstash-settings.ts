/**
 * Logstash's own connections to Elasticsearch that logstash.yml configures (../parse/logstash-settings.ts): legacy
 * monitoring (`xpack.monitoring.elasticsearch.*`) and centralized pipeline management
 * (`xpack.management.elasticsearch.*`), as clients beside Kibana's and the Beats' (Deployment.elasticClients), so that
 * ./elastic-links.ts links them to the node that answers and the rules judge their certificate check.
 * Settings: https://www.elastic.co/guide/en/logstash/8.15/monitoring-internal-collection-legacy.html#monitoring-settings-legacy
 * and https://www.elastic.co/guide/en/logstash/8.15/configuring-centralized-pipelines.html. Each feature is off unless
 * its `enabled` is written true (monitoring's default is false from 7.x, management's always): a file that does not
 * say so opens no connection the tree shows. Both call through the elasticsearch output plugin, whose port for a
 * host that writes none is the first host's, else its default (./elastic-links.ts).
 * The official image writes environment variables named after a setting (`XPACK_MONITORING_ELASTICSEARCH_HOSTS`) into
 * logstash.yml at start (elastic/logstash docker/data/logstash/env2yaml): a Compose service that sets one for a
 * feature replaces what the file says, and that feature is not recorded.
 */
import { relativePosix } from '../core/posix-path';
import type { ComposeData } from '../parse/compose';
import { LOGSTASH_SETTINGS_KIND } from '../parse/logstash-settings';
import { entryLocation, type Entry, type ParsedDocument } from '../parse/types';
import { composeProjectOf } from './compose-mounts';
import type { ModelContributor } from './contributor';
import { verificationOf } from './kibana-beats-ends';
import { hostWordOf } from './elastic-host-word';
import type { ElasticStackClient } from './kibana-beats-records';
import { containerRunners } from './loopback';

const FEATURES = [
  { prefix: 'xpack.monitoring', label: 'monitoring' },
  { prefix: 'xpack.management', label: 'pipeline management' },
];

/** The values of a list setting, flat (`hosts: a`) or a sequence (`hosts[0]`). */
function listOf(doc: ParsedDocument, key: string): Entry[] {
  return doc.entries.filter((e) => (e.key === key || e.key.startsWith(`${key}[`)) && e.value.trim() !== '');
}

export const logstashSettingsContributor: ModelContributor = {
  id: 'logstash-settings',
  reads: [LOGSTASH_SETTINGS_KIND, 'compose'],
  contribute(ctx) {
    const docs = ctx.documentsOf(LOGSTASH_SETTINGS_KIND);
    if (docs.length === 0) return;
    const runners = containerRunners(ctx);
    const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
    /** The settings the Compose services running the file set by environment, as setting names. */
    const overridden = (file: string): string[] =>
      runners(file).flatMap((runner) =>
        composeFiles
          .filter((c) => composeProjectOf(c.file.path) === runner.project)
          .flatMap((c) => c.data.services.filter((s) => s.name === runner.name))
          .flatMap((s) => s.environment.map((v) => v.name.toLowerCase().replace(/_/g, '.'))),
      );
    const clients: ElasticStackClient[] = [];
    for (const doc of docs) {
      const where = relativePosix(ctx.deployment.root, doc.file.path);
      const settings = new Map(doc.entries.map((e) => [e.key, e]));
      const environment = overridden(doc.file.path);
      for (const { prefix, label } of FEATURES) {
        if (settings.get(`${prefix}.enabled`)?.value.trim().toLowerCase() !== 'true') continue;
        if (environment.some((name) => name.startsWith(`${prefix}.`))) continue;
        const hosts = listOf(doc, `${prefix}.elasticsearch.hosts`);
        if (hosts.length === 0) continue;
        const parsed = hosts.map((entry) => ({ entry, host: hostWordOf(entry.value) }));
        const https = parsed.find((p) => p.host?.scheme === 'https');
        const known = parsed.every((p) => p.host);
        // The plugin gives a host that writes no port the first host's (./elastic-links.ts).
        const firstPort = parsed[0]?.host?.port;
        const mode = settings.get(`${prefix}.elasticsearch.ssl.verification_mode`);
        clients.push({
          name: `Logstash ${label} (${where})`,
          product: 'logstash',
          target: 'elasticsearch',
          location: entryLocation(doc, hosts[0]!),
          ...(known
            ? {
                hosts: parsed.map((p) => p.host!.host),
                ports: parsed.map((p) => p.host!.port ?? firstPort),
                schemes: parsed.map((p) => p.host!.scheme),
              }
            : {}),
          // A host without a scheme is called over http: TLS only with https:// (the output's `ssl` is not a setting here).
          tls: https ? true : known ? false : 'unknown',
          ...(https ? { tlsAt: entryLocation(doc, https.entry, 'value') } : {}),
          ...(mode ? { verification: verificationOf(mode.key, entryLocation(doc, mode, 'value'), mode.value) } : {}),
        });
      }
    }
    if (clients.length > 0) (ctx.deployment.elasticClients ??= []).push(...clients);
  },
};
