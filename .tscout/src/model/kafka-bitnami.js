"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bitnamiBroker = bitnamiBroker;
/**
 * Kafka brokers that Docker Compose runs from Bitnami's image (`bitnami/kafka`, `bitnamilegacy/kafka`), with the stores
 * its setup script gives them (Deployment.unlinkedEnds). When a listener of KAFKA_CFG_LISTENERS (or its legacy alias
 * KAFKA_LISTENERS) is SSL or SASL_SSL by KAFKA_CFG_LISTENER_SECURITY_PROTOCOL_MAP, kafka_configure_ssl writes into
 * server.properties ssl.keystore.location=/opt/bitnami/kafka/config/certs/kafka.keystore.jks and ssl.truststore.location
 * = that directory + the file name of KAFKA_TLS_TRUSTSTORE_FILE (default kafka.truststore.jks there, else under the
 * mounted configuration directory /bitnami/kafka/config/certs, which kafka_initialize copies in), both opened with
 * KAFKA_CERTIFICATE_PASSWORD; with KAFKA_TLS_TYPE=PEM it inlines kafka.keystore.pem, kafka.keystore.key and
 * kafka.truststore.pem instead. It runs after the KAFKA_CFG_* variables are written, so KAFKA_CFG_SSL_KEYSTORE_LOCATION
 * is replaced; none of it runs when a server.properties is mounted in /bitnami/kafka/config
 * (https://github.com/bitnami/containers/blob/8a4e721922feb474dea68fe26eb9ce119b606585/bitnami/kafka/3.7/debian-12/rootfs/opt/bitnami/scripts/libkafka.sh
 * kafka_has_ssl_listener, kafka_configure_default_truststore_locations, kafka_configure_ssl, kafka_initialize;
 * defaults in kafka-env.sh: KAFKA_TLS_TYPE JKS). A store is named only where a bind mount of the service puts a store
 * file of the tree at that path.
 */
const bitnami_credentials_1 = require("../parse/keystore/bitnami-credentials");
const kafka_protocols_1 = require("./kafka-protocols");
/** The stores Bitnami's setup gives a broker, as far as the service's bind mounts put tree files there (see above). */
function bitnamiBroker(env, own, tree) {
    // kafka_create_alias_environment_variables: a legacy KAFKA_<NAME>, when set, replaces KAFKA_CFG_<NAME>.
    const setting = (name) => env.get(`KAFKA_${name}`) ?? env.get(`KAFKA_CFG_${name}`);
    if (!(0, kafka_protocols_1.listenersSpeakTls)(setting('LISTENERS')?.value ?? '', setting('LISTENER_SECURITY_PROTOCOL_MAP')?.value))
        return undefined;
    const value = (name) => {
        const v = env.get(name)?.value.trim();
        return v && !v.includes('$') ? v : undefined;
    };
    const mountedConf = value('KAFKA_MOUNTED_CONF_DIR') ?? bitnami_credentials_1.BITNAMI_MOUNTED_CONF_DIR;
    // A server.properties in the mounted configuration directory is used as it is: no variable or TLS setup applies.
    const properties = (0, kafka_protocols_1.mountedTreeFile)(own, `${mountedConf}/server.properties`);
    if (properties && tree.isDocument(properties.file))
        return undefined;
    const tlsType = env.get('KAFKA_TLS_TYPE');
    const extension = tlsType?.value.trim().toUpperCase() === 'PEM' ? 'pem' : 'jks';
    // KAFKA_CERTIFICATE_PASSWORD replaces the passwords KAFKA_CFG_SSL_*_PASSWORD wrote (../parse/keystore/bitnami-credentials.ts).
    const certificatePassword = env.get('KAFKA_CERTIFICATE_PASSWORD');
    const store = (containerPath, kind) => {
        const password = certificatePassword ?? env.get(`KAFKA_CFG_SSL_${kind}_PASSWORD`);
        const found = (0, kafka_protocols_1.mountedTreeFile)(own, containerPath);
        if (!found || !tree.isStore(found.file))
            return undefined;
        return {
            containerPath,
            treeFile: found.file,
            at: found.at,
            ...(tlsType ? { type: tlsType } : {}),
            ...(password ? { passwordAt: password.keyAt } : {}),
        };
    };
    // kafka_initialize copies the mounted configuration directory over KAFKA_CONF_DIR: a store in its certs/ wins.
    const placed = (name, kind) => store(`${mountedConf}/certs/${name}`, kind) ?? store(`${bitnami_credentials_1.BITNAMI_CERTS_DIR}/${name}`, kind);
    const keyStore = placed(`kafka.keystore.${extension}`, 'KEYSTORE');
    const truststoreFile = value('KAFKA_TLS_TRUSTSTORE_FILE');
    const trustStore = truststoreFile?.startsWith('/')
        ? store(truststoreFile, 'TRUSTSTORE')
        : placed(`kafka.truststore.${extension}`, 'TRUSTSTORE');
    return keyStore || trustStore
        ? { ...(keyStore ? { keyStore } : {}), ...(trustStore ? { trustStore } : {}) }
        : undefined;
}
