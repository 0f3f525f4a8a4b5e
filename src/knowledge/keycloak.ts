/**
 * Keycloak's own HTTPS server (data/keycloak.json): the first release of its Quarkus distribution (the one that reads
 * `https-*` options), its HTTPS port and the protocols it enables when `https-protocols` is not written.
 */
import data from './data/keycloak.json';

export const KEYCLOAK_HTTPS = {
  quarkusSince: data.quarkusDistributionSince.value,
  port: data.httpsPort.value,
  protocols: {
    value: data.protocols.value,
    origin: `Keycloak's https-protocols default (${data.protocols.source})`,
  },
};
