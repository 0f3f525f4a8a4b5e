/**
 * Keycloak's own HTTPS server (data/keycloak.json): the first release of its Quarkus distribution (the one that reads
 * `https-*` options), its HTTPS port and the protocols it enables when `https-protocols` is not written.
 */
import data from './data/keycloak.json';

export const KEYCLOAK_HTTPS = {
  quarkusSince: data.quarkusDistributionSince.value,
  port: data.httpsPort.value,
  /** http-port's default: plain HTTP there when http-enabled is true. */
  httpPort: data.httpPort.value,
  protocols: {
    value: data.protocols.value,
    origin: `Keycloak's https-protocols default (${data.protocols.source})`,
  },
};

/**
 * Bitnami's `KEYCLOAK_HTTPS_*` variables as the `https-*` options they give (data/keycloak.json `bitnami`): read only
 * where `enable` is true, the `pem` pair when `usePem` is true, else the `keyStore` ones; `always` whatever they say.
 */
export const BITNAMI_KEYCLOAK = {
  enable: data.bitnami.enable,
  usePem: data.bitnami.usePem,
  pem: data.bitnami.pem as Record<string, string>,
  keyStore: data.bitnami.keyStore as Record<string, string>,
  always: data.bitnami.always as Record<string, string>,
};
