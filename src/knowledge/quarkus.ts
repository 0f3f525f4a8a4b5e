/**
 * The Quarkus HTTP server's HTTPS defaults (data/quarkus.json): its port, and the protocols it enables when the
 * legacy `quarkus.http.ssl.protocols` or a TLS registry configuration's `protocols` is not written.
 */
import data from './data/quarkus.json';

export const QUARKUS_HTTPS = {
  port: data.httpsPort.value,
  portOrigin: `Quarkus's quarkus.http.ssl-port default (${data.httpsPort.source})`,
  protocols: (source: 'legacy' | 'registry') => ({
    value: data.protocols[source].value,
    origin:
      source === 'legacy'
        ? `Quarkus's quarkus.http.ssl.protocols default (${data.protocols.legacy.source})`
        : `Quarkus's TLS registry protocols default (${data.protocols.registry.source})`,
  }),
};
