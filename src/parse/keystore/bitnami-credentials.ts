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
import * as path from 'node:path';
import type { ComposeData } from '../compose';
import type { ParsedDocument } from '../types';
import { serviceVariables, variableAt } from '../compose-service-variables';
import { onHost, type FileCredential } from './confluent-credentials';

/** Bitnami's Kafka image, also under its legacy repository (with or without a registry in front). */
export const BITNAMI_KAFKA_IMAGE = /(^|\/)bitnami(legacy)?\/kafka(:|@|$)/;
/** KAFKA_CERTS_DIR, which the setup writes into server.properties, and the default KAFKA_MOUNTED_CONF_DIR (kafka-env.sh). */
export const BITNAMI_CERTS_DIR = '/opt/bitnami/kafka/config/certs';
export const BITNAMI_MOUNTED_CONF_DIR = '/bitnami/kafka/config';

const isCompose = (d: ParsedDocument): d is ParsedDocument<ComposeData> => d.kind === 'compose';

/** The passwords the Compose environment of the deployment's Bitnami brokers gives the stores mounted at its paths. */
export function bitnamiCredentials(documents: readonly ParsedDocument[]): FileCredential[] {
  const found: FileCredential[] = [];
  for (const doc of documents.filter(isCompose))
    for (const service of doc.data.services) {
      if (!service.image || !BITNAMI_KAFKA_IMAGE.test(service.image)) continue;
      // Its env files' variables, then its `environment:` (the last value a name is given wins).
      const { variables } = serviceVariables(documents, doc, service);
      const variable = (name: string) => {
        const v = variables.get(name);
        const value = v?.value?.trim();
        return v && value && !value.includes('$') ? { value, at: variableAt(v, 'key') } : undefined;
      };
      const mountedConf = variable('KAFKA_MOUNTED_CONF_DIR')?.value ?? BITNAMI_MOUNTED_CONF_DIR;
      const certificatePassword = variable('KAFKA_CERTIFICATE_PASSWORD');
      for (const kind of ['keystore', 'truststore'] as const) {
        const password = certificatePassword ?? variable(`KAFKA_CFG_SSL_${kind.toUpperCase()}_PASSWORD`);
        if (!password) continue;
        const trustFile = kind === 'truststore' ? variable('KAFKA_TLS_TRUSTSTORE_FILE')?.value : undefined;
        const paths = trustFile?.startsWith('/')
          ? [trustFile]
          : [`${mountedConf}/certs/kafka.${kind}.jks`, `${BITNAMI_CERTS_DIR}/kafka.${kind}.jks`];
        for (const containerPath of paths) {
          const store = onHost(doc.file.path, service, doc.data.mounts, path.posix.normalize(containerPath));
          if (store) found.push({ store, password: password.value, at: password.at });
        }
      }
    }
  return found;
}
