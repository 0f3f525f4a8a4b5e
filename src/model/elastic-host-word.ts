/**
 * One host word of an Elastic stack client, as Kibana's and Logstash's `elasticsearch.hosts`, a Beat's `hosts` and a
 * Logstash output's `hosts` write it: `https://user:pass@es01:9200/path`, `es01:9200`, `es01`, `[::1]:9200`. Each
 * product reads it as a URL (Kibana's and Logstash's Elasticsearch clients; libbeat's common.MakeURL adds the scheme
 * `protocol` gives): the scheme, the user information before `@` (never a host), the host and the port.
 */

/** A value only the run knows: an environment variable (each product expands `${VAR}`) or a template's (`{{ }}`). */
export const RUN_TIME = /\$\{|\$[A-Za-z_]|\{\{/;

/** What a host word names: the host lower case (an IPv6 literal without its brackets), and the scheme and port written. */
export interface HostWord {
  host: string;
  scheme?: string;
  port?: number;
}

const HOST_WORD = /^(?:([a-z][\w+.-]*):\/\/)?(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d+))?/i;

/**
 * The host, scheme and port of a host word; undefined for a value only the run knows or a word naming no host. The
 * brackets of an IPv6 literal are the URL's, not the host's: `[::1]:9200` calls ::1, as a node answering to ::1 does.
 */
export function hostWordOf(written: string): HostWord | undefined {
  const text = written.trim();
  if (RUN_TIME.test(text)) return undefined;
  const [, scheme, bracketed, port] = HOST_WORD.exec(text) ?? [];
  const host = bracketed?.replace(/^\[|\]$/g, '').toLowerCase();
  return host
    ? { host, ...(scheme && { scheme: scheme.toLowerCase() }), ...(port && { port: Number(port) }) }
    : undefined;
}
