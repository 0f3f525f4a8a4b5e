import type { Location } from '../../core/types';
import { relativePosix } from '../../core/posix-path';
import { ours, said, type Phrase } from '../../core/phrase';
import { ELASTIC_CLIENT_ERRORS, ELASTIC_PLAIN_TO_TLS, ELASTIC_TLS_TO_PLAIN } from '../../knowledge/elastic-links';
import type { ElasticLink } from '../../model/types';
import { defineRule } from '../types';

/**
 * Kibana, a Beat or a Logstash output that calls an Elasticsearch/OpenSearch node, or a Beat that calls a Logstash
 * `beats` input, where one side speaks TLS and the other does not (Deployment.elasticLinks, model/elastic-links.ts: the
 * host is a name of exactly one such server of the caller's Compose project, on its port). No handshake can succeed,
 * so every request fails. A plain call to a TLS Elasticsearch node: the node logs "received plaintext http traffic on
 * an https channel, closing connection" and closes it; to a TLS OpenSearch node or beats input: Netty's
 * NotSslRecordException. A TLS call to a
 * plain server: the client fails the handshake (Node.js `EPROTO … wrong version number`, Go's `http: server gave HTTP
 * response to HTTPS client`, JSSE's `Unsupported or unrecognized SSL message`; sources in knowledge
 * elastic-links.json); a plain beats input logs "Invalid version of beats protocol: 22". An error only when both sides
 * are certain: the client's TLS is written (not a placeholder) and the server's comes from settings the tree shows (an
 * Elasticsearch 8 node with no `xpack.security.*` setting turns HTTPS on at its first start, an OpenSearch image's demo
 * installer may: unknown; an env_file the run does not hold may set more). Otherwise nothing is said.
 */
export default defineRule({
  meta: {
    id: 'elastic/client-tls-mismatch',
    description:
      'Report Kibana, Beats and Logstash calls to an Elasticsearch/OpenSearch node or Logstash beats input where one side speaks TLS and the other does not: every request fails',
    severity: 'error',
    appliesTo: {
      documents: ['compose', 'kibana.config', 'beats.config', 'logstash.', 'elasticsearch.config', 'opensearch.config'],
    },
    messages: {
      plainToTls:
        '{{client}} calls {{host}}:{{port}} without TLS ({{clientWhere}}), but {{server}} speaks only TLS there ({{serverWhere}}): every request fails; {{serverSees}}. {{fix}}',
      tlsToPlain:
        '{{client}} calls {{host}}:{{port}} with TLS ({{clientWhere}}), but {{server}} speaks no TLS there ({{serverWhere}}): every request fails; {{clientSees}}. {{fix}}',
    },
    options: {},
    symptoms: [
      ELASTIC_PLAIN_TO_TLS.elasticsearch.serverLog,
      ELASTIC_PLAIN_TO_TLS.netty.serverLog,
      ELASTIC_TLS_TO_PLAIN.logstash.serverLog,
      ELASTIC_CLIENT_ERRORS.kibana.tlsToPlain,
      ELASTIC_CLIENT_ERRORS.beats.tlsToPlain,
      ELASTIC_CLIENT_ERRORS.logstash.tlsToPlain,
    ],
  },
  check(ctx) {
    const where = (at: Location, what: Phrase) =>
      said`${what}, ${relativePosix(ctx.deployment.root, at.file)}:${(at.range?.start.line ?? 0) + 1}`;
    const seen = new Set<string>();
    for (const link of ctx.deployment.elasticLinks ?? []) {
      const { client, server } = link;
      if (typeof client.tls !== 'boolean' || typeof server.tls !== 'boolean' || client.tls === server.tls) continue;
      if (server.settingsElsewhere) continue;
      // One finding per client and server (a cluster's hosts each link to their own node).
      const key = [client.name, client.location.file, client.location.range?.start.line, server.name].join('\0');
      if (seen.has(key)) continue;
      seen.add(key);
      const serverDecided = server.tlsAt
        ? where(server.tlsAt, ours(server.tls ? 'TLS on here' : 'TLS off here'))
        : where(server.location, ours(server.tls ? 'TLS by default' : 'no TLS by default'));
      const clientDecided = client.tlsAt
        ? where(client.tlsAt, ours('here'))
        : where(link.hostAt, ours(client.product === 'beats' ? 'no ssl settings or https' : 'no https'));
      ctx.report({
        messageId: client.tls ? 'tlsToPlain' : 'plainToTls',
        data: {
          client: client.name,
          host: link.host,
          port: String(link.port),
          server: server.name,
          clientWhere: clientDecided,
          serverWhere: serverDecided,
          serverSees: serverSees(server.kind),
          clientSees: clientSees(link),
          fix: fixOf(link),
        },
        location: client.tlsAt ?? link.hostAt,
        related: [
          {
            ...(server.tlsAt ?? server.location),
            message: said`${server.name}: ${server.tls ? ours('TLS') : ours('no TLS')}`,
          },
          {
            ...server.service.at,
            message: said`Compose service ${server.service.name} runs it and answers to ${link.host}`,
          },
        ],
        fingerprint: [client.name, server.name],
      });
    }
  },
});

function serverSees(kind: ElasticLink['server']['kind']): Phrase {
  const netty = ours(ELASTIC_PLAIN_TO_TLS.netty.serverLog);
  return kind === 'logstash-input'
    ? said`the input logs '${netty}' and closes the connection`
    : kind === 'opensearch'
      ? said`the node's security plugin meets '${netty}' and closes the connection, and the client gets no answer`
      : said`the node logs '${ours(ELASTIC_PLAIN_TO_TLS.elasticsearch.serverLog)}' and the client gets no answer`;
}

function clientSees(link: ElasticLink): Phrase {
  const client =
    link.client.product === 'kibana'
      ? said`Kibana (Node.js) fails with '${ours(ELASTIC_CLIENT_ERRORS.kibana.tlsToPlain)}'`
      : link.client.product === 'logstash'
        ? said`the output fails with '${ours(ELASTIC_CLIENT_ERRORS.logstash.tlsToPlain)}'`
        : link.server.kind === 'logstash-input'
          ? ours('the Beat fails its TLS handshake')
          : said`the Beat fails its TLS handshake ('${ours(ELASTIC_CLIENT_ERRORS.beats.tlsToPlain)}' when the node answers in HTTP)`;
  return link.server.kind === 'logstash-input'
    ? said`${client}, and the input logs '${ours(ELASTIC_TLS_TO_PLAIN.logstash.serverLog)}'`
    : client;
}

function fixOf(link: ElasticLink): Phrase {
  const { client, server } = link;
  if (server.kind === 'logstash-input')
    return client.tls
      ? ours(
          "Turn TLS on in the beats input (ssl_enabled => true with ssl_certificate and ssl_key), or remove the Beat's ssl settings",
        )
      : ours(
          "Give the Beat's output.logstash ssl settings (ssl.certificate_authorities naming the CA of the input's certificate), or turn the input's TLS off",
        );
  const setting =
    server.kind === 'opensearch' ? 'plugins.security.ssl.http.enabled' : 'xpack.security.http.ssl.enabled';
  return client.tls
    ? said`Call http://${link.host}:${link.port}, or turn TLS on for the node's HTTP layer (${ours(setting)}: true with its key material)`
    : said`Call https://${link.host}:${link.port} (trusting the CA of the node's certificate), or turn the node's HTTP TLS off (${ours(setting)}: false)`;
}
