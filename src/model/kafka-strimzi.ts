/**
 * Kafka clusters that Strimzi runs from a `Kafka` resource of the tree (../parse/strimzi-kafka.ts), as their clients in
 * the Kubernetes cluster reach them (Deployment.strimziListeners), from the operator's source at
 * strimzi/strimzi-kafka-operator@6c7b43c (1.2.0):
 * - an `internal` listener is a port of the `<cluster>-kafka-bootstrap` Service (KafkaCluster.getServicePorts,
 *   KafkaResources.bootstrapServiceName); a listener of another type has its own `<cluster>-kafka-<name>-bootstrap`
 *   Service (ListenersUtils.backwardsCompatibleBootstrapServiceName), whose port is the listener's too;
 * - `tls: true` makes the listener SSL (SASL_SSL with SCRAM), `tls: false` PLAINTEXT (SASL_PLAINTEXT): the CRD requires
 *   the field (GenericKafkaListener.isTls, `@JsonProperty(required = true)`), so a listener without it is refused by
 *   the API server and left out here, as is one whose value is a template;
 * - `authentication.type: tls` writes `listener.name.<name>.ssl.client.auth=required`
 *   (KafkaBrokerConfigurationBuilder.configureAuthentication): the client must present a certificate;
 * - the listener presents a certificate the cluster CA signs (a Secret the operator generates), or its
 *   `configuration.brokerCertChainAndKey` Secret's (configureTlsOnListener).
 * The broker's JDK is the Strimzi image's, which depends on the operator's release: the resource does not name it, so
 * it is left unknown. A Kubernetes client resolves `<service>`, `<service>.<namespace>`, `<service>.<namespace>.svc`
 * and `<service>.<namespace>.svc.<cluster domain>`.
 */
import { relativePosix } from '../core/posix-path';
import type { KubernetesData } from '../parse/kubernetes';
import type { StrimziKafka } from '../parse/strimzi-kafka';
import type { ParsedDocument } from '../parse/types';
import type { ModelContributor } from './contributor';
import { kafkaListOf } from './kafka-protocols';
import type { KafkaBrokerRecord, StrimziListenerRecord } from './types';

export const kafkaStrimziContributor: ModelContributor = {
  id: 'kafka-strimzi',
  reads: ['kubernetes'],
  contribute(ctx) {
    for (const doc of ctx.documentsOf('kubernetes') as ParsedDocument<KubernetesData>[])
      for (const kafka of doc.data.strimziKafkas) {
        const cluster = `Strimzi Kafka ${kafka.name} (${relativePosix(ctx.deployment.root, doc.file.path)})`;
        const listeners = strimziListeners(kafka, cluster, doc.file.path);
        if (listeners.length === 0) continue;
        (ctx.deployment.strimziListeners ??= []).push(...listeners);
        // A listener left out (a templated port or tls) may ask for a certificate: then whether the cluster asks is unknown.
        const broker = brokerRecord(kafka, cluster, listeners, listeners.length === kafka.listeners.length);
        if (broker) (ctx.deployment.kafkaBrokers ??= []).push(broker);
      }
  },
};

/** The listeners whose port and `tls:` are written as values (see the header). */
function strimziListeners(kafka: StrimziKafka, cluster: string, file: string): StrimziListenerRecord[] {
  if (/[{$]/.test(kafka.name)) return [];
  const protocolsEntry = kafka.sslConfig.get('ssl.enabled.protocols');
  const protocols =
    protocolsEntry && kafkaListOf(protocolsEntry.key, protocolsEntry.value, { file, range: protocolsEntry.valueRange });
  const records: StrimziListenerRecord[] = [];
  for (const listener of kafka.listeners) {
    const port = listener.port && /^\d+$/.test(listener.port.value) ? Number(listener.port.value) : undefined;
    const tls = listener.tls?.value.replace(/^["']|["']$/g, '').toLowerCase();
    if (!listener.name || port === undefined || !listener.tls || (tls !== 'true' && tls !== 'false')) continue;
    const service =
      listener.type === 'internal' ? `${kafka.name}-kafka-bootstrap` : `${kafka.name}-kafka-${listener.name}-bootstrap`;
    records.push({
      cluster,
      resource: kafka.name,
      listener: listener.name,
      location: { file, range: listener.range },
      service: service.toLowerCase(),
      ...(kafka.namespace && !/[{$]/.test(kafka.namespace) ? { namespace: kafka.namespace.toLowerCase() } : {}),
      port,
      tls: { value: tls === 'true', at: { file, range: listener.tls.range } },
      ...(listener.authentication ? { authentication: listener.authentication.value } : {}),
      ...(listener.authentication?.value === 'tls'
        ? { mutualTls: { file, range: listener.authentication.range } }
        : {}),
      ...(listener.customCertificate
        ? {
            customCertificate: {
              secret: listener.customCertificate.value,
              at: { file, range: listener.customCertificate.range },
            },
          }
        : {}),
      ...(protocols ? { protocols } : {}),
    });
  }
  return records;
}

/** The host names a Kubernetes client reaches a Service by (see the header), for cert/expired's client key stores. */
function serviceHosts(listener: StrimziListenerRecord): string[] {
  const { service, namespace } = listener;
  return namespace
    ? [service, `${service}.${namespace}`, `${service}.${namespace}.svc`, `${service}.${namespace}.svc.cluster.local`]
    : [service];
}

/**
 * The cluster as a broker with a TLS listener (Deployment.kafkaBrokers): whether it asks for a certificate is its
 * TLS listeners' `authentication.type`, unknown when they differ or when a listener was left out (`complete` false).
 */
function brokerRecord(
  kafka: StrimziKafka,
  cluster: string,
  listeners: readonly StrimziListenerRecord[],
  complete: boolean,
): KafkaBrokerRecord | undefined {
  const tls = listeners.filter((l) => l.tls.value);
  const first = tls[0];
  if (!first) return undefined;
  const required = tls.filter((l) => l.mutualTls).length;
  const mode = !complete ? 'unknown' : required === 0 ? 'none' : required === tls.length ? 'required' : 'unknown';
  return {
    name: cluster,
    location: { file: first.location.file, range: kafka.nameRange },
    hosts: [...new Set(tls.flatMap(serviceHosts))],
    clientAuth: { mode, ...(mode === 'required' && first.mutualTls ? { at: first.mutualTls } : {}) },
  };
}

/**
 * Whether a client's `host` names the listener's Service: the Service's name alone (the namespace the client runs in),
 * or followed by the namespace (any, when the resource names none), `svc` and a cluster domain.
 */
export function namesListenerService(host: string, listener: StrimziListenerRecord): boolean {
  if (host === listener.service) return true;
  if (!host.startsWith(`${listener.service}.`)) return false;
  const [namespace, svc, ...domain] = host.slice(listener.service.length + 1).split('.');
  if (!namespace || (listener.namespace && namespace !== listener.namespace)) return false;
  return svc === undefined || (svc === 'svc' && !domain.includes(''));
}
