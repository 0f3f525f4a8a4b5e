/**
 * Whether the connector configurations of the tree fill a Connect worker's gap (./kafka-connect.ts connectGaps): a
 * worker whose task clients do not inherit its security.protocol (or stores) still reaches the brokers over TLS when
 * each connector it runs overrides that setting for the clients it uses (KIP-458 `producer.override.*`, allowed by the
 * worker's policy: ./kafka-connector-overrides.ts). Which clients a connector's tasks make (apache/kafka 3.8.0
 * connect/runtime Worker.java): a source task a producer (SourceTaskBuilder: baseProducerConfigs), and a consumer for its
 * offsets when the connector names an `offsets.storage.topic` of its own or the worker sets
 * `exactly.once.source.support=enabled` (offsetStoreForRegularSourceConnector, offsetStoreForExactlyOnceSourceConnector:
 * regularSourceOffsetsConsumerConfigs, exactlyOnceSourceOffsetsConsumerConfigs, both from baseConsumerConfigs); a sink
 * task a consumer (SinkTaskBuilder), and a producer when it names `errors.deadletterqueue.topic.name`
 * (sinkTaskReporters: baseProducerConfigs). Their admin clients read the worker's unprefixed settings: never a gap.
 * Which worker runs a connector is not written: every connector of the tree is taken as the worker's, and one whose
 * class is not known to be a source or a sink (data/kafka.json connectorKinds) leaves the gap open.
 */
import type { RelatedLocation } from '../core/types';
import { connectorKind } from '../knowledge/kafka';
import { KAFKA_CONNECTOR_CONFIG_KIND, type KafkaConnectorConfigData } from '../parse/kafka-connector-config';
import { relativePosix } from '../core/posix-path';
import { entryIn, type Entry, type ParsedDocument } from '../parse/types';
import type { ModelContributor } from './contributor';
import type { KafkaConnectGap, KafkaConnectorOverride } from './types';

export const kafkaConnectCoverageContributor: ModelContributor = {
  id: 'kafka-connect-coverage',
  reads: [KAFKA_CONNECTOR_CONFIG_KIND],
  contribute(ctx) {
    const gaps = ctx.deployment.kafkaConnectGaps ?? [];
    const connectors = ctx.documentsOf(KAFKA_CONNECTOR_CONFIG_KIND) as ParsedDocument<KafkaConnectorConfigData>[];
    if (gaps.length === 0 || connectors.length === 0) return;
    const overrides = ctx.deployment.kafkaConnectorOverrides ?? [];
    for (const gap of gaps) {
      const each = connectors.map((doc) =>
        connectorCover(doc, relativePosix(ctx.deployment.root, doc.file.path), gap, overrides),
      );
      const open = each.flatMap((c) => c.open ?? []);
      const covering = each.flatMap((c) => c.covers ?? []);
      if (open.length === 0) gap.coveredBy = covering;
      // The connectors alone keep the gap open: they decide it and are named (pre-commit lints changed files).
      else if (each.some((c) => c.covers)) gap.openBy = open;
    }
  },
};

/**
 * Where one connector fills the gap for the clients its tasks make (`covers`): its allowed overrides of the gap's keys,
 * or its connector.class where it makes none of the gap's clients; else where it leaves it open (`open`): its
 * connector.class when that is not known to be a source or a sink, or a client it makes without the override.
 */
function connectorCover(
  doc: ParsedDocument<KafkaConnectorConfigData>,
  relative: string,
  gap: KafkaConnectGap,
  overrides: readonly KafkaConnectorOverride[],
): { covers?: RelatedLocation[]; open?: RelatedLocation } {
  const file = doc.file.path;
  // A key written twice: the last one (as ./kafka-connector-overrides.ts reads them).
  const settings = new Map<string, Entry>();
  for (const entry of doc.entries) settings.set(entry.key, entry);
  const written = (key: string) => {
    const value = settings.get(key)?.value.trim();
    return value !== undefined && value !== '';
  };
  const klass = settings.get('connector.class');
  if (!klass) return { open: { file, message: 'a connector configuration without a connector.class' } };
  const connector = doc.data.name ? `connector ${doc.data.name} (${relative})` : `connector (${relative})`;
  const kind = connectorKind(klass.value);
  if (!kind)
    return {
      open: {
        ...entryIn(file, klass, 'value'),
        message: `${connector}: lint-deploy does not know whether ${klass.value.trim()} is a source or a sink connector, so which clients its tasks make is unknown`,
      },
    };
  const uses =
    kind === 'source'
      ? ['producer', ...(gap.exactlyOnce || written('offsets.storage.topic') ? ['consumer'] : [])]
      : ['consumer', ...(written('errors.deadletterqueue.topic.name') ? ['producer'] : [])];
  const concerned = gap.taskClients.filter((client) => uses.includes(client));
  if (concerned.length === 0)
    return {
      covers: [
        {
          ...entryIn(file, klass, 'value'),
          message: `${connector} is a ${kind} connector: its tasks make no ${gap.taskClients.join(' or ')}`,
        },
      ],
    };
  const found: RelatedLocation[] = [];
  for (const client of concerned) {
    const allowed = overrides.find(
      (o) =>
        o.at.file === file &&
        o.verdict === 'allowed' &&
        gap.coveringKeys.some((key) => o.key === `${client}.override.${key}`),
    );
    if (!allowed)
      return {
        open: {
          ...entryIn(file, klass, 'value'),
          message: `${connector} is a ${kind} connector whose tasks make a ${client} and it sets no ${gap.coveringKeys.map((key) => `${client}.override.${key}`).join(' or ')} the worker's policy lets through`,
        },
      };
    found.push({ ...allowed.at, message: `${allowed.connector} sets ${allowed.key} for its ${client}s` });
  }
  return { covers: found };
}
