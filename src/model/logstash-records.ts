/**
 * What the model records of Logstash pipelines' TLS ends (Deployment.logstashEnds, built by ./logstash-ends.ts): kept
 * apart from the builder so that ./types.ts imports types only.
 */
import type { Location } from '../core/types';

/** A setting as written in a plugin block, with where its value is. */
export interface LogstashSetting {
  name: string;
  value: string;
  at: Location;
}

/** One host an output calls, as written, with its scheme and host name (lower case) when the text says them. */
export interface LogstashHost {
  written: string;
  scheme?: 'http' | 'https';
  host?: string;
  /** Its port, when written. */
  port?: number;
  at: Location;
}

/** A Logstash plugin that may speak TLS (see the header). */
export interface LogstashEnd {
  /** `Logstash elasticsearch output (logstash/pipeline/logstash.conf)`. */
  name: string;
  plugin: string;
  role: 'client' | 'server';
  /** The plugin's name in the file. */
  location: Location;
  /** Inside an `if`/`else` branch: it runs for some events only. */
  conditional: boolean;
  /** TLS on, off, or decided by a value only the run knows (a placeholder); `because` says what decides. */
  tls: { state: 'on' | 'off' | 'unknown'; because?: LogstashSetting | LogstashHost };
  /** `ssl`, `ssl_enabled` (tcp: `ssl_enable`) as written. */
  sslSetting?: LogstashSetting;
  /** An input's `port` as written (a number), for the clients that call it. */
  port?: number;
  /** An output's hosts (empty: the plugin's default, or `cloud_id`). */
  hosts: LogstashHost[];
  /** Where the output turns verification of the server's certificate off. */
  verificationOff?: LogstashSetting;
  /** The CA files (or trust store) it names. */
  trustFiles: LogstashSetting[];
}
