import { defineRule } from '../types';
import { said } from '../../core/phrase';

/**
 * A Kafka Connect worker that speaks TLS to the brokers, or names a store, where its tasks' clients do not take it over.
 * The worker's own connections read the unprefixed settings; the producers of its source tasks read only `producer.*`
 * and the consumers of its sink tasks only `consumer.*` (apache/kafka 3.8.0 connect/runtime Worker.baseProducerConfigs,
 * baseConsumerConfigs: `originalsWithPrefix("producer.")`). So `security.protocol=SSL` alone leaves the tasks in
 * PLAINTEXT against the same bootstrap servers (said only where neither task client is set apart: one that is shows the
 * other unused, as a sink-only worker's consumer.* does), and a task client with `producer.security.protocol=SSL` but no
 * `producer.ssl.truststore.location` trusts the JDK's default trust store, not the worker's. A connector's own config
 * can still override them (`producer.override.*`, which the default override policy allows since Kafka 3.0), and the
 * tree rarely shows it: a warning — info where every connector configuration of the tree does, for each client its tasks
 * make (model/kafka-connect-coverage.ts), since one created otherwise still misses it. Read from model/kafka-connect.ts
 * connectGaps.
 */
export default defineRule({
  meta: {
    id: 'kafka/connect-client-not-inheriting',
    description:
      "Warn when a Kafka Connect worker's TLS settings are not given to its tasks' producers or consumers, which do not inherit them",
    severity: 'warning',
    messages: {
      plaintext:
        "{{worker}} speaks {{protocol}} to the brokers ({{workerSetting}}), but its {{clients}} do not inherit it: Kafka Connect gives them only their {{prefix}} settings, so they connect to the same bootstrap servers in PLAINTEXT and the tasks fail while the worker reports RUNNING (client: 'Bootstrap broker … disconnected'; broker: 'SSLException: Unrecognized SSL message, plaintext connection?'). Set {{setting}} with the clients' own ssl.* settings (or override them in each connector's config)",
      noTrustStore:
        "{{worker}}: its {{clients}} speak TLS but name no trust store: they do not inherit the worker's {{workerSetting}} (Kafka Connect gives them only their {{prefix}} settings), so they trust the JVM's default trust store, the JDK's cacerts unless javax.net.ssl.trustStore names another; a broker certificate from a private CA then fails ('PKIX path building failed … unable to find valid certification path to requested target'). Set {{setting}} (and its password) as the worker's",
      noKeyStore:
        "{{worker}}: its {{clients}} speak TLS but name no key store: they do not inherit the worker's {{workerSetting}} (Kafka Connect gives them only their {{prefix}} settings), so they present no certificate; a broker with ssl.client.auth=required refuses them ('SSLHandshakeException: Empty client certificate chain'). Set {{setting}} (and its passwords) as the worker's",
      covered:
        '{{worker}}: its {{clients}} do not inherit its {{workerSetting}} (Kafka Connect gives them only their {{prefix}} settings), but every connector configuration of this tree gives the clients its tasks make a {{keys}} of their own (or makes none of them): those connectors are covered; a connector created otherwise (a REST call or file this tree does not hold) would still miss it. Set {{setting}} on the worker to cover every connector',
    },
    defaultOptions: {},
    appliesTo: { documents: ['kafka.', 'compose'] },
    symptoms: [
      'Unrecognized SSL message, plaintext connection?',
      'Bootstrap broker',
      'PKIX path building failed',
      'Empty client certificate chain',
    ],
  },
  check(ctx) {
    for (const gap of ctx.deployment.kafkaConnectGaps ?? [])
      ctx.report({
        messageId: gap.coveredBy ? 'covered' : gap.missing,
        ...(gap.coveredBy ? { severity: 'info' as const } : {}),
        data: {
          keys: gap.coveringKeys.join(' or '),
          worker: gap.worker,
          clients: gap.clients,
          prefix: gap.prefix,
          setting: gap.setting,
          workerSetting: gap.workerSetting,
          protocol: gap.protocol ?? '',
        },
        location: gap.at,
        related: [
          ...(gap.missing === 'plaintext'
            ? []
            : [{ ...gap.workerAt, message: said`the worker's own ${gap.workerSetting} is set here` }]),
          ...(gap.coveredBy ?? gap.openBy ?? []),
        ],
        fingerprint: [gap.worker, gap.setting],
      });
  },
});
