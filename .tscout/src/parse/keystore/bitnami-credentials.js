"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.BITNAMI_MOUNTED_CONF_DIR = exports.BITNAMI_CERTS_DIR = exports.BITNAMI_KAFKA_IMAGE = void 0;
exports.bitnamiCredentials = bitnamiCredentials;
/**
 * Store passwords Bitnami's Kafka image (`bitnami/kafka`, `bitnamilegacy/kafka`) gives the stores of its convention:
 * its setup writes ssl.keystore.location=/opt/bitnami/kafka/config/certs/kafka.keystore.jks and the trust store beside
 * it, copied there from the mounted configuration directory /bitnami/kafka/config/certs when that holds them, opened
 * with KAFKA_CERTIFICATE_PASSWORD when it is set; else the KAFKA_CFG_SSL_KEYSTORE_PASSWORD and
 * KAFKA_CFG_SSL_TRUSTSTORE_PASSWORD it wrote into server.properties before stay
 * (https://github.com/bitnami/containers/blob/8a4e721922feb474dea68fe26eb9ce119b606585/bitnami/kafka/3.7/debian-12/rootfs/opt/bitnami/scripts/libkafka.sh
 * kafka_configure_from_environment_variables, then kafka_configure_ssl). The model names the stores
 * (model/kafka-bitnami.ts); here only the password a store of the tree is opened with is found.
 */
const path = __importStar(require("node:path"));
const confluent_credentials_1 = require("./confluent-credentials");
/** Bitnami's Kafka image, also under its legacy repository (with or without a registry in front). */
exports.BITNAMI_KAFKA_IMAGE = /(^|\/)bitnami(legacy)?\/kafka(:|@|$)/;
/** KAFKA_CERTS_DIR, which the setup writes into server.properties, and the default KAFKA_MOUNTED_CONF_DIR (kafka-env.sh). */
exports.BITNAMI_CERTS_DIR = '/opt/bitnami/kafka/config/certs';
exports.BITNAMI_MOUNTED_CONF_DIR = '/bitnami/kafka/config';
const isCompose = (d) => d.kind === 'compose';
/** The passwords the Compose environment of the deployment's Bitnami brokers gives the stores mounted at its paths. */
function bitnamiCredentials(documents) {
    const found = [];
    for (const doc of documents.filter(isCompose))
        for (const service of doc.data.services) {
            if (!service.image || !exports.BITNAMI_KAFKA_IMAGE.test(service.image))
                continue;
            // Compose keeps the last value a name is given.
            const variable = (name) => {
                const v = service.environment.filter((e) => e.name === name).at(-1);
                const value = v?.value?.trim();
                return v && value && !value.includes('$')
                    ? { value, at: { file: doc.file.path, range: v.nameRange } }
                    : undefined;
            };
            const mountedConf = variable('KAFKA_MOUNTED_CONF_DIR')?.value ?? exports.BITNAMI_MOUNTED_CONF_DIR;
            const certificatePassword = variable('KAFKA_CERTIFICATE_PASSWORD');
            for (const kind of ['keystore', 'truststore']) {
                const password = certificatePassword ?? variable(`KAFKA_CFG_SSL_${kind.toUpperCase()}_PASSWORD`);
                if (!password)
                    continue;
                const trustFile = kind === 'truststore' ? variable('KAFKA_TLS_TRUSTSTORE_FILE')?.value : undefined;
                const paths = trustFile?.startsWith('/')
                    ? [trustFile]
                    : [`${mountedConf}/certs/kafka.${kind}.jks`, `${exports.BITNAMI_CERTS_DIR}/kafka.${kind}.jks`];
                for (const containerPath of paths) {
                    const store = (0, confluent_credentials_1.onHost)(doc.file.path, service, doc.data.mounts, path.posix.normalize(containerPath));
                    if (store)
                        found.push({ store, password: password.value, at: password.at });
                }
            }
        }
    return found;
}
