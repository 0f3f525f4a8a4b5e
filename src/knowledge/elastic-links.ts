/**
 * Where Kibana, the Beats and Logstash meet Elasticsearch/OpenSearch nodes and Logstash's beats input
 * (data/elastic-links.json): the ports a client calls when a host names none, a node's HTTP port when http.port is
 * unset, and what each side reports when one speaks TLS and the other does not.
 */
import data from './data/elastic-links.json';

export type ElasticClientProduct = 'kibana' | 'beats' | 'logstash';

export const NODE_HTTP_PORT: number = data.nodeHttpPort.port;

/**
 * The port a client of that product calls on a host that names none (Kibana's by the URL's scheme); undefined when
 * the tree must write one.
 */
export function clientDefaultPort(
  client: ElasticClientProduct,
  target: 'elasticsearch' | 'logstash',
  scheme?: string,
): number | undefined {
  return data.clientDefaultPorts.find(
    (p) => p.client === client && p.target === target && (!('scheme' in p) || p.scheme === scheme),
  )?.port;
}

export const ELASTIC_PLAIN_TO_TLS = data.plainToTls;
export const ELASTIC_TLS_TO_PLAIN = data.tlsToPlain;
export const ELASTIC_CLIENT_ERRORS = data.clientErrors;
