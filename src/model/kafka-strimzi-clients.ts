/**
 * Strimzi's `KafkaConnect` and `KafkaBridge` resources of the tree (../parse/strimzi-clients.ts) as Kafka clients
 * (Deployment.kafkaClientReaches), so that kafka/strimzi-listener-mismatch judges them against the listener their
 * `bootstrapServers` name as it judges an app's clients. The operator writes their security.protocol from the resource
 * (strimzi/strimzi-kafka-operator@8541da1 KafkaConnectConfigurationBuilder, KafkaBridgeConfigurationBuilder): `SSL`
 * when `spec.tls` is written, else `PLAINTEXT`, made `SASL_…` by a SCRAM, PLAIN or OAuth authentication (a `custom` one
 * by its `sasl: true`); the user's `spec.config` cannot set it (`security.` is a forbidden prefix).
 * scholzj/strimzi-training@d4b33df lab-14 runs a KafkaConnect enabling only TLSv1.1 against a cluster enabling only
 * TLSv1.2, to show that they never connect.
 */
import { relativePosix } from '../core/posix-path';
import type { KubernetesData } from '../parse/kubernetes';
import type { StrimziClient } from '../parse/strimzi-clients';
import type { ParsedDocument } from '../parse/types';
import type { ModelContributor } from './contributor';
import { kafkaListOf } from './kafka-protocols';
import type { KafkaClientReach } from './types';

/** The authentication types that make the operator speak SASL. */
const SASL_TYPES = new Set(['scram-sha-256', 'scram-sha-512', 'plain', 'oauth']);

export const kafkaStrimziClientsContributor: ModelContributor = {
  id: 'kafka-strimzi-clients',
  reads: ['kubernetes'],
  contribute(ctx) {
    for (const doc of ctx.documentsOf('kubernetes') as ParsedDocument<KubernetesData>[])
      for (const client of doc.data.strimziClients) {
        const reach = clientReach(client, doc.file.path, relativePosix(ctx.deployment.root, doc.file.path));
        if (reach) (ctx.deployment.kafkaClientReaches ??= []).push(reach);
      }
  },
};

function clientReach(client: StrimziClient, file: string, relative: string): KafkaClientReach | undefined {
  const { bootstrap, tls, authentication } = client;
  if (!bootstrap || /[{$]/.test(bootstrap.value) || /[{$]/.test(client.name)) return undefined;
  const addresses = bootstrap.value
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  const type = authentication?.value.replace(/^["']|["']$/g, '');
  const sasl =
    type === undefined || type === 'tls'
      ? false
      : SASL_TYPES.has(type)
        ? true
        : type === 'custom' && authentication?.sasl !== undefined
          ? authentication.sasl === 'true'
          : undefined;
  const protocolsEntry = client.sslConfig.get('ssl.enabled.protocols');
  const protocols =
    protocolsEntry && kafkaListOf(protocolsEntry.key, protocolsEntry.value, { file, range: protocolsEntry.valueRange });
  const layer = tls ? 'SSL' : 'PLAINTEXT';
  return {
    name: `Strimzi ${client.kind} ${client.name} (${relative})`,
    app: { file, range: client.nameRange },
    bootstrap: { addresses, at: { file, range: bootstrap.range } },
    ...(sasl === undefined
      ? {}
      : { protocol: { value: sasl ? `SASL_${layer}` : layer, at: { file, range: tls?.range ?? bootstrap.range } } }),
    key: type === 'tls' && authentication?.certificateAndKey ? 'yes' : 'no',
    trustStore: tls?.trustedCertificates ?? false,
    ...(protocols ? { protocols } : {}),
    advice: {
      tls: `remove spec.tls from ${client.kind} ${client.name}`,
      plaintext: `add spec.tls to ${client.kind} ${client.name}, its trustedCertificates naming the cluster CA's Secret`,
      key: `set spec.authentication of ${client.kind} ${client.name} to type: tls with a certificateAndKey naming its KafkaUser's Secret (user.crt, user.key)`,
      trust: `list the cluster CA's Secret under spec.tls.trustedCertificates of ${client.kind} ${client.name} (certificate: ca.crt)`,
    },
  };
}
