/**
 * Links Kibana's, the Beats' and Logstash outputs' calls (Deployment.elasticClients, Deployment.logstashEnds) to the
 * Elasticsearch/OpenSearch node (Deployment.searchNodes) or Logstash `beats` input that answers them
 * (Deployment.elasticLinks). On a Compose network a service answers to its name, `hostname:`, `container_name:` and
 * network aliases, and only within its own project (Compose gives each project a network of its own: as
 * ./broker-projects.ts scopes brokers). A call links when its host is one of those names of exactly one server of the
 * caller's project and its port is the server's (a node's `http.port`, else 9200; an input's `port`); the port a client
 * calls when its host names none is the product's (knowledge elastic-links.json: Kibana's is its URL scheme's, so a
 * Kibana `https://es01` calls 443, not a node's 9200), and none is assumed where the product has no such default. A placeholder, no match, several matches or a port only the run knows: no link.
 * Settings a Compose `command:` passes with `-E` (a node's, a Beat's) are not read: such a service's calls are not
 * linked, and neither is a kibana.yml whose service's `ELASTICSEARCH_HOSTS` replaces its hosts.
 */
import type { Location } from '../core/types';
import type { ComposeData, ComposeService } from '../parse/compose';
import type { ParsedDocument } from '../parse/types';
import { clientDefaultPort } from '../knowledge/elastic-links';
import { CERTUTIL_HOST_VERIFYING_MODES } from '../knowledge/certutil';
import type { ModelContributor } from './contributor';
import { composeProjectOf } from './compose-mounts';
import { callerProjects, containerRunners, type ServiceOf } from './loopback';
import { serviceHosts } from './rabbitmq-brokers';
import type { ElasticLink } from './elastic-link-records';
import type { ElasticStackClient } from './kibana-beats-records';
import type { LogstashEnd } from './logstash-records';
import type { SearchNodeRecord } from './search-node-types';
import { passesSettings } from './search-node-start';

/** A server a call may reach: its project, the names it answers to and its port. */
interface Answerer {
  target: 'elasticsearch' | 'logstash';
  project: string;
  hosts: readonly string[];
  port: number | 'unknown';
  side: ElasticLink['server'];
}

/** A host a client calls, with the file it is written in (whose Compose project it calls from). */
interface Call {
  target: 'elasticsearch' | 'logstash';
  file: string;
  host: string;
  port: number | undefined;
  hostAt: Location;
  side: ElasticLink['client'];
}

/** Compose services by project and name (several files of one project, overrides, each may write a service). */
type ServicesByName = ReadonlyMap<string, { compose: ParsedDocument<ComposeData>; service: ComposeService }[]>;
const serviceKey = (project: string, name: string) => `${project}\0${name}`;

export const elasticLinksContributor: ModelContributor = {
  id: 'elastic-links',
  reads: ['compose'],
  contribute(ctx) {
    const { searchNodes = [], elasticClients = [], logstashEnds = [] } = ctx.deployment;
    const composeFiles = ctx.documentsOf('compose') as ParsedDocument<ComposeData>[];
    if (composeFiles.length === 0 || elasticClients.length + logstashEnds.length === 0) return;
    const byName = new Map<string, { compose: ParsedDocument<ComposeData>; service: ComposeService }[]>();
    for (const compose of composeFiles)
      for (const service of compose.data.services) {
        const key = serviceKey(composeProjectOf(compose.file.path), service.name);
        byName.set(key, [...(byName.get(key) ?? []), { compose, service }]);
      }
    const servicesOf = containerRunners(ctx);
    const answerers = [...nodeAnswerers(searchNodes, byName), ...beatsInputs(logstashEnds, servicesOf, byName)];
    if (answerers.length === 0) return;
    const calls = [
      ...elasticClients.flatMap((c) => clientCalls(c, servicesOf, byName)),
      ...logstashEnds.flatMap(outputCalls),
    ];
    const links: ElasticLink[] = [];
    for (const call of calls) {
      const projects = callerProjects(ctx, servicesOf, call.file);
      const found = answerers.filter(
        (a) => a.target === call.target && projects.has(a.project) && a.hosts.includes(call.host),
      );
      const [only] = found;
      if (found.length !== 1 || !only || call.port === undefined || only.port !== call.port) continue;
      links.push({ client: call.side, hostAt: call.hostAt, host: call.host, port: call.port, server: only.side });
    }
    if (links.length > 0) ctx.deployment.elasticLinks = links;
  },
};

/** The nodes a Compose service runs, unless its command line passes settings the tree's do not show. */
function nodeAnswerers(nodes: readonly SearchNodeRecord[], byName: ServicesByName): Answerer[] {
  return nodes.flatMap((node): Answerer[] => {
    if (!node.service) return [];
    const project = composeProjectOf(node.service.file);
    const services = byName.get(serviceKey(project, node.service.name)) ?? [];
    // OpenSearch's image entrypoint turns DISABLE_SECURITY_PLUGIN into -Eplugins.security.disabled, which the node's
    // record does not read (opensearch-project/opensearch-build docker/release/config/opensearch/opensearch-docker-entrypoint-2.x.sh).
    const securityByImage = (r: (typeof services)[number]) =>
      node.product === 'OpenSearch' && r.service.environment.some((v) => v.name === 'DISABLE_SECURITY_PLUGIN');
    // A service several Compose files of the project write (an override) merges settings the record does not read.
    if (services.length > 1 || services.some((r) => passesSettings(r.compose, r.service) || securityByImage(r)))
      return [];
    const http = node.layers.http;
    const tlsAt = http.enabledBy?.at ?? node.securityOff?.at;
    return [
      {
        target: 'elasticsearch',
        project,
        hosts: node.httpEndpoint.hosts,
        port: node.httpEndpoint.port,
        side: {
          kind: node.product === 'Elasticsearch' ? 'elasticsearch' : 'opensearch',
          name: node.name,
          tls: node.httpEndpoint.tls,
          ...(tlsAt && { tlsAt }),
          location: node.location,
          ...(node.settingsElsewhere && { settingsElsewhere: node.settingsElsewhere }),
          service: { name: node.service.name, at: node.service.at },
        },
      },
    ];
  });
}

const tlsOf = (end: LogstashEnd): boolean | 'unknown' =>
  end.tls.state === 'unknown' ? 'unknown' : end.tls.state === 'on';

/** Each Logstash `beats` input, once per Compose service that runs its pipeline file. */
function beatsInputs(
  ends: readonly LogstashEnd[],
  servicesOf: (file: string) => ServiceOf[],
  byName: ServicesByName,
): Answerer[] {
  return ends
    .filter((e) => e.role === 'server' && e.plugin === 'beats')
    .flatMap((end) =>
      servicesOf(end.location.file)
        .filter((s) => !s.pod)
        .map((runner): Answerer => {
          const services = byName.get(serviceKey(runner.project, runner.name)) ?? [];
          const tlsAt = end.tls.because?.at;
          return {
            target: 'logstash',
            project: runner.project,
            hosts: [...new Set(services.flatMap(({ service }) => serviceHosts(service)))],
            port: end.port ?? 'unknown',
            side: {
              kind: 'logstash-input',
              name: end.name,
              tls: tlsOf(end),
              ...(tlsAt && { tlsAt }),
              location: end.location,
              service: { name: runner.name, at: runner.at },
            },
          };
        }),
    );
}

/** A Kibana or Beat connection's hosts as calls, unless the service that runs its file replaces them. */
function clientCalls(client: ElasticStackClient, servicesOf: (file: string) => ServiceOf[], byName: ServicesByName) {
  const runners = servicesOf(client.location.file).flatMap((s) => byName.get(serviceKey(s.project, s.name)) ?? []);
  // The image's entrypoint passes ELASTICSEARCH_HOSTS over kibana.yml's (./kibana-compose.ts); `-E` a Beat's setting.
  const replaced = runners.some(
    (r) =>
      passesSettings(r.compose, r.service) ||
      (client.product === 'kibana' && r.service.environment.some((v) => v.name === 'ELASTICSEARCH_HOSTS')),
  );
  // Kibana's environment in a Compose file: another file of the project (an override) may write the service too.
  const line = client.location.range?.start.line;
  const written = [...byName.values()].find((list) =>
    list.some(
      (r) =>
        r.compose.file.path === client.location.file &&
        r.service.environment.some((v) => v.nameRange.start.line === line),
    ),
  );
  if (replaced || (written?.length ?? 0) > 1 || !client.hosts) return [];
  const mode = client.verification?.mode ?? 'full';
  const side: ElasticLink['client'] = {
    product: client.product,
    name: client.name,
    tls: client.tls,
    ...(client.tlsAt && { tlsAt: client.tlsAt }),
    location: client.location,
    checksHost: {
      value: mode === 'unknown' ? 'unknown' : CERTUTIL_HOST_VERIFYING_MODES.includes(mode),
      ...(client.verification && { at: client.verification.at }),
    },
  };
  return client.hosts.map(
    (host, i): Call => ({
      target: client.target,
      file: client.location.file,
      host,
      port: client.ports?.[i] ?? clientDefaultPort(client.product, client.target, client.schemes?.[i]),
      hostAt: client.location,
      side,
    }),
  );
}

/**
 * A Logstash elasticsearch or opensearch output's hosts as calls. The elasticsearch output gives a host that writes no
 * port the first host's, else its default (knowledge elastic-links.json); the opensearch output's is not assumed.
 */
function outputCalls(end: LogstashEnd): Call[] {
  if (end.role !== 'client' || (end.plugin !== 'elasticsearch' && end.plugin !== 'opensearch')) return [];
  // `ssl => true` with an http:// host: the plugin refuses to start (elastic/logstash-ssl-scheme-conflict), no call.
  if (end.sslSetting?.value === 'true' && end.hosts.some((h) => h.scheme === 'http')) return [];
  const tlsAt = end.tls.because?.at;
  const side: ElasticLink['client'] = {
    product: 'logstash' as const,
    name: end.name,
    tls: tlsOf(end),
    ...(tlsAt && { tlsAt }),
    location: end.location,
    // The output checks the host name (its ssl_verification_mode full, the default) unless it turns verification off.
    checksHost: end.verificationOff ? { value: false, at: end.verificationOff.at } : { value: true },
  };
  const [first] = end.hosts;
  const portless =
    end.plugin === 'elasticsearch' && first?.host
      ? (first.port ?? clientDefaultPort('logstash', 'elasticsearch'))
      : undefined;
  return end.hosts.flatMap((h): Call[] =>
    h.host
      ? [
          {
            target: 'elasticsearch',
            file: end.location.file,
            host: h.host,
            port: h.port ?? portless,
            hostAt: h.at,
            side,
          },
        ]
      : [],
  );
}
