/**
 * A call of Kibana, a Beat or a Logstash output to the Elasticsearch/OpenSearch node or Logstash `beats` input that
 * answers it (Deployment.elasticLinks, built by ./elastic-links.ts): kept apart from the builder so that ./types.ts
 * imports types only.
 */
import type { Location } from '../core/types';

/** One side of the call: what it is, whether it speaks TLS there and what decides it. */
export interface ElasticLinkSide {
  /** `Kibana (kibana/kibana.yml)`, `Elasticsearch node (Compose service es01)`, `Logstash beats input (pipeline/main.conf)`. */
  name: string;
  /** Whether it speaks TLS on this call: for a node, its HTTP layer; for a Logstash input, its `ssl_enabled`. */
  tls: boolean | 'unknown';
  /** The setting (or host URL) that decides it; absent when a default does. */
  tlsAt?: Location;
  /** The configuration that says so when no setting is written (the node's file or service, the input's plugin). */
  location: Location;
}

export interface ElasticLink {
  client: ElasticLinkSide & {
    product: 'kibana' | 'beats' | 'logstash';
    /**
     * Whether it checks the node's host name against the certificate: its verification mode (Kibana's and the Beats'
     * `full` by default; a Logstash output's unless it turns verification off), and where that is written.
     */
    checksHost: { value: boolean | 'unknown'; at?: Location };
  };
  /** Where the client names the host (its hosts setting, or the host itself). */
  hostAt: Location;
  host: string;
  port: number;
  server: ElasticLinkSide & {
    kind: 'elasticsearch' | 'opensearch' | 'logstash-input';
    /** Why settings the tree does not show may still decide the server's TLS (./search-node-types.ts). */
    settingsElsewhere?: string;
    /** The Compose service whose name (or alias) the host is, and where it takes the server's configuration. */
    service: { name: string; at: Location };
  };
}
