/**
 * What the model records of Kibana and the Beats (Deployment.elasticClients, ./kibana-beats.ts): each connection they
 * open to Elasticsearch or Logstash, with the hosts it calls and how it checks the certificate it is sent. Kibana runs on
 * Node.js (OpenSSL), the Beats on Go's crypto/tls: no JDK fact judges them, and their protocols are not predicted.
 */
import type { Location } from '../core/types';

/** A certificate check as written: Kibana's `verificationMode`, a Beat's `ssl.verification_mode`. */
export interface ElasticVerification {
  /** As written, lower case (`none`, `certificate`, `full`, `strict`); `unknown` when only the run knows it. */
  mode: 'none' | 'certificate' | 'full' | 'strict' | 'unknown';
  /** The setting's name as users write it (`elasticsearch.ssl.verificationMode`, `ELASTICSEARCH_SSL_VERIFICATIONMODE`). */
  setting: string;
  at: Location;
}

/** A connection Kibana, a Beat or Logstash's monitoring or pipeline management (./logstash-settings.ts) opens. */
export interface ElasticStackClient {
  /** `Kibana (kibana/config/kibana.yml)`, `Filebeat output.logstash (filebeat.yml)`. */
  name: string;
  product: 'kibana' | 'beats' | 'logstash';
  /** What it connects to. */
  target: 'elasticsearch' | 'logstash';
  /** Its hosts setting, else the output (or the file) that opens it. */
  location: Location;
  /**
   * The hosts it calls, lower case, without scheme or port (for a later link to the Elasticsearch nodes and Logstash
   * inputs that answer to them); absent when a placeholder writes one of them.
   */
  hosts?: string[];
  /** Each host's port as written (undefined: none written), in the order of `hosts`, for the link to its server. */
  ports?: (number | undefined)[];
  /** Kibana's: each host's scheme as written (lower case), which decides the port of a host that writes none. */
  schemes?: (string | undefined)[];
  /** Whether it speaks TLS: to an `https://` host, a Beat's `protocol: https` or Logstash output's `ssl` settings. */
  tls: boolean | 'unknown';
  /** Where TLS is decided (an https host, `protocol`, the first `ssl` setting). */
  tlsAt?: Location;
  /** How it checks the certificate it is sent; absent: the product's default, `full`. */
  verification?: ElasticVerification;
  /** A Beat's `ssl.supported_protocols` as written (not judged: Go's crypto/tls is not profiled). */
  supportedProtocols?: ElasticWritten;
}

/** A setting as written, with its place (a list kept as its text: `[TLSv1.2, TLSv1.3]` gives `TLSv1.2, TLSv1.3`). */
export interface ElasticWritten {
  setting: string;
  text: string;
  at: Location;
}

/**
 * Kibana's own HTTPS server (`server.ssl.*` of a kibana.yml whose `server.ssl.enabled` is written): recorded as written,
 * not judged yet (Node.js's OpenSSL decides what an unwritten list means).
 */
export interface KibanaServerRecord {
  /** `Kibana's HTTPS server (kibana/config/kibana.yml)`. */
  name: string;
  /** Its `server.ssl.enabled`. */
  location: Location;
  /** `server.ssl.enabled` true or false; unknown when only the run knows it. */
  enabled: boolean | 'unknown';
  certificate?: ElasticWritten;
  key?: ElasticWritten;
  keystore?: ElasticWritten;
  supportedProtocols?: ElasticWritten;
  cipherSuites?: ElasticWritten;
  /** `server.ssl.clientAuthentication`: `none` (Kibana's default), `optional`, `required`. */
  clientAuthentication?: ElasticWritten;
}
