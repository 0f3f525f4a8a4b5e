/**
 * An Elasticsearch or OpenSearch node as the model records it (Deployment.searchNodes, ./search-node.ts): its settings
 * as the node reads them and each TLS layer (http, transport) as the settings leave it. The http endpoint is kept for
 * the clients that may later be linked to it (Logstash, Kibana, Beats): a record, no link yet.
 */
import type { Location } from '../core/types';
import type { SearchLayer, SearchProduct } from '../knowledge/search-nodes';
import type { StoreRef } from './attributes-tls';

/** One setting of the node: its full name, its value (a list's items joined by commas), where it is written. */
export interface SearchSetting {
  key: string;
  value: string;
  /** A list's items (`[TLSv1.2, TLSv1.3]`, or the comma-separated text), in order. */
  items: string[];
  at: Location;
  /** Where the setting is written, in words: `elasticsearch.yml`, `environment of Compose service es01`. */
  source: 'file' | 'environment';
  /** The value holds a `${…}` the node (or Compose) fills in at start: unknown. */
  placeholder: boolean;
}

export interface SearchNodeLayer {
  layer: SearchLayer;
  /** The layer's setting prefix (`xpack.security.http.ssl.`). */
  prefix: string;
  /** Whether it speaks TLS: the `enabled` setting, else the product's default; `unknown` for a placeholder. */
  enabled: boolean | 'unknown';
  /** The `enabled` setting when written. */
  enabledBy?: SearchSetting;
  /** The layer's settings by name under the prefix (`keystore.path`, `verification_mode`, `pemcert_filepath`). */
  settings: ReadonlyMap<string, SearchSetting>;
  /** Which key material the settings name: a key store, PEM key and certificate, none, or unknown (a placeholder). */
  keyMaterial: 'keystore' | 'pem' | 'none' | 'unknown';
  /**
   * For a layer that speaks TLS: the file it presents its certificate from (`certificate`, `keystore.path`;
   * `pemcert_filepath`, `keystore_filepath`) as resolved, and each PEM certificate with the key written beside it
   * (the same prefix: `pemcert_filepath` with `pemkey_filepath`, `server.pemcert_filepath` with `server.pemkey_filepath`).
   */
  presents?: SearchLayerFile;
  pemPairs?: { certificate: SearchLayerFile; key: SearchLayerFile }[];
}

/** A file a layer's setting names, as the node resolves it. */
export interface SearchLayerFile {
  setting: SearchSetting;
  ref: StoreRef;
  /** The host path (absolute) a Compose bind mount puts there when the tree does not hold that file. */
  outsideFile?: string;
}

export interface SearchNodeRecord {
  product: SearchProduct;
  /** `Elasticsearch node (es/config/elasticsearch.yml, Compose service es01)`. */
  name: string;
  /** Its configuration file, else the Compose service's `image:`. */
  location: Location;
  /** The configuration file of the tree it reads, when there is one. */
  configFile?: string;
  /** The Compose service that runs it, when one does: `at` is the bind mount of its configuration file, else `image:`. */
  service?: { name: string; file: string; image?: string; at: Location };
  /** Why settings the tree does not show may still apply (no start of the node is known; an env_file). */
  settingsElsewhere?: string;
  /** Every setting as the node reads it, by full name (the file's, replaced by the environment's -E settings). */
  settings: ReadonlyMap<string, SearchSetting>;
  /** The setting that turns security off (`xpack.security.enabled: false`), when written so: no layer speaks TLS. */
  securityOff?: SearchSetting;
  layers: Record<SearchLayer, SearchNodeLayer>;
  /**
   * Its HTTP endpoint for clients: the hosts it answers to, its port (`http.port`, else the product's 9200; unknown for
   * a placeholder or a range), whether it speaks TLS there.
   */
  httpEndpoint: { hosts: string[]; port: number | 'unknown'; tls: boolean | 'unknown' };
}
