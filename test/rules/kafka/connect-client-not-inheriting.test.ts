import rule from '../../../src/rules/kafka/connect-client-not-inheriting';
import { ruleTester } from '../../helpers/rule-tester';

// A Connect worker's task clients read only producer.* / consumer.* (apache/kafka 3.8.0 Worker.baseProducerConfigs,
// baseConsumerConfigs). The worker file is connect-distributed.properties as Kafka ships it, with TLS added.
const WORKER =
  'bootstrap.servers=kafka:9093\ngroup.id=connect-cluster\nkey.converter=org.apache.kafka.connect.json.JsonConverter\nconfig.storage.topic=connect-configs\noffset.storage.topic=connect-offsets\n';
const worker = (tls: string) => ({ 'config/connect-distributed.properties': WORKER + tls });
const TLS = 'security.protocol=SSL\nssl.truststore.location=/var/ssl/connect.truststore.jks\n';
const connect = (environment: string[]) => ({
  'docker-compose.yml': [
    'services:',
    '  connect:',
    '    image: confluentinc/cp-kafka-connect:7.6.0',
    '    environment:',
    '      CONNECT_BOOTSTRAP_SERVERS: kafka:9093',
    '      CONNECT_GROUP_ID: connect',
    ...environment.map((line) => `      ${line}`),
    '',
  ].join('\n'),
});

// Connector configurations POSTed to the worker (the REST form): one setting a line, so the line of each is its index + 3.
const connector = (name: string, klass: string, settings: string[] = []) => ({
  [`connectors/${name}.json`]: [
    '{',
    `  "name": "${name}",`,
    '  "config": {',
    ...[`"connector.class": "${klass}"`, '"tasks.max": "1"', ...settings].map(
      (line, i, all) => `    ${line}${i < all.length - 1 ? ',' : ''}`,
    ),
    '  }',
    '}',
    '',
  ].join('\n'),
});
const ALL = 'connector.client.config.override.policy=All\n';
const JDBC_SOURCE = 'io.confluent.connect.jdbc.JdbcSourceConnector';
const ES_SINK = 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector';
const producerSsl = '"producer.override.security.protocol": "SSL"';
const consumerSsl = '"consumer.override.security.protocol": "SSL"';
/** A worker speaking SSL alone (its security.protocol on line 6) whose connectors are these. */
const withConnectors = (workerExtra: string, ...connectors: Record<string, string>[]) =>
  Object.assign(worker(TLS + workerExtra), ...connectors) as Record<string, string>;
const WORKER_FILE = 'config/connect-distributed.properties';
const PLAINTEXT_KEPT = [{ messageId: 'plaintext', severity: 'warning' as const, file: WORKER_FILE, line: 6 }];

ruleTester(rule, {
  valid: [
    {
      name: 'the producers and consumers get TLS and the trust store of their own',
      files: worker(
        TLS +
          'producer.security.protocol=SSL\nproducer.ssl.truststore.location=/var/ssl/connect.truststore.jks\nconsumer.security.protocol=SSL\nconsumer.ssl.truststore.location=/var/ssl/connect.truststore.jks\n',
      ),
    },
    {
      // The form sink connectors' guides give (Splunk, Snowflake): only consumer.* set apart, producers unused.
      name: 'a sink-only worker: only its consumers set apart, its producers taken as unused',
      files: worker(TLS + 'consumer.security.protocol=SSL\nconsumer.ssl.truststore.location=/var/ssl/c.jks\n'),
    },
    {
      name: 'a worker in PLAINTEXT (the default): nothing to inherit',
      files: worker('ssl.truststore.location=/t.jks\n'),
    },
    {
      // Their own bootstrap servers may be another listener: which protocol it speaks is unknown.
      name: 'clients sent to bootstrap servers of their own',
      files: worker(TLS + 'producer.bootstrap.servers=kafka:9092\nconsumer.bootstrap.servers=kafka:9092\n'),
    },
    {
      name: 'clients set to PLAINTEXT on purpose, or with PEM certificates of their own',
      files: worker(
        TLS +
          'producer.security.protocol=PLAINTEXT\nconsumer.security.protocol=SSL\nconsumer.ssl.truststore.certificates=-----BEGIN CERTIFICATE-----\n',
      ),
    },
    {
      name: 'a Kafka client file (no worker settings) is not a worker',
      files: { 'client.properties': 'bootstrap.servers=kafka:9093\n' + TLS },
    },
    {
      name: 'a Compose worker whose producers are set apart (cp-demo sets both)',
      files: connect([
        'CONNECT_SECURITY_PROTOCOL: SSL',
        'CONNECT_PRODUCER_SECURITY_PROTOCOL: SSL',
        'CONNECT_CONSUMER_SECURITY_PROTOCOL: SSL',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a worker speaking SSL alone: its producers and consumers speak PLAINTEXT (one warning at its security.protocol)',
      files: worker(TLS),
      errors: [
        {
          messageId: 'plaintext',
          file: 'config/connect-distributed.properties',
          line: 6,
          messageIncludes: ['Set producer.security.protocol=SSL and consumer.security.protocol=SSL'],
          related: [],
        },
      ],
    },
    {
      name: 'producers made TLS without the trust store and key store the worker names',
      files: worker(
        TLS +
          'ssl.keystore.location=/var/ssl/connect.keystore.jks\nproducer.security.protocol=SASL_SSL\nconsumer.security.protocol=SSL\nconsumer.ssl.truststore.location=/var/ssl/c.jks\nconsumer.ssl.keystore.location=/var/ssl/c.jks\n',
      ),
      errors: [
        {
          messageId: 'noKeyStore',
          file: 'config/connect-distributed.properties',
          line: 9,
          messageIncludes: ['Set producer.ssl.keystore.location'],
          related: [{ file: 'config/connect-distributed.properties', line: 8 }],
        },
        {
          messageId: 'noTrustStore',
          file: 'config/connect-distributed.properties',
          line: 9,
          related: [{ file: 'config/connect-distributed.properties', line: 7 }],
        },
      ],
    },
    {
      // cp-kafka-connect writes every CONNECT_* variable into the worker's properties (kafka-connect.properties.template).
      name: 'a Compose worker of cp-kafka-connect: the variables to add are named as the image reads them',
      files: connect(['CONNECT_SECURITY_PROTOCOL: SASL_SSL']),
      errors: [
        {
          messageId: 'plaintext',
          file: 'docker-compose.yml',
          line: 7,
          messageIncludes: [
            'Set CONNECT_PRODUCER_SECURITY_PROTOCOL=SASL_SSL and CONNECT_CONSUMER_SECURITY_PROTOCOL=SASL_SSL',
          ],
        },
      ],
    },
    // Each connector sets what the worker's producer.*/consumer.* miss for the clients its tasks make (Worker
    // SourceTaskBuilder: a producer; SinkTaskBuilder: a consumer): covered, said as info.
    {
      name: 'every connector of the tree overrides security.protocol for the clients its tasks make: info',
      files: withConnectors(
        ALL,
        connector('orders-source', JDBC_SOURCE, [producerSsl]),
        connector('orders-sink', ES_SINK, [consumerSsl]),
      ),
      errors: [
        {
          messageId: 'covered',
          severity: 'info',
          file: WORKER_FILE,
          line: 6,
          messageIncludes: ['a security.protocol of their own', 'would still miss it'],
          related: [
            { file: 'connectors/orders-sink.json', line: 6 },
            { file: 'connectors/orders-source.json', line: 6 },
          ],
        },
      ],
    },
    {
      name: "Connect's aliases of a class (FileStreamSink) are known too",
      files: withConnectors(
        ALL,
        connector('file-source', 'FileStreamSource', [producerSsl]),
        connector('file-sink', 'FileStreamSinkConnector', [consumerSsl]),
      ),
      errors: [{ messageId: 'covered', severity: 'info', file: WORKER_FILE, line: 6 }],
    },
    {
      name: 'a sink connector without an override: the warning stays',
      files: withConnectors(
        ALL,
        connector('orders-source', JDBC_SOURCE, [producerSsl]),
        connector('orders-sink', ES_SINK),
      ),
      errors: [{ ...PLAINTEXT_KEPT[0]!, related: [{ file: 'connectors/orders-sink.json', line: 4 }] }],
    },
    {
      name: 'a connector class not known to be a source or a sink: the warning stays',
      files: withConnectors(ALL, connector('custom', 'com.example.OrdersConnector', [producerSsl, consumerSsl])),
      errors: PLAINTEXT_KEPT,
    },
    {
      name: 'a connector of unknown class beside one that overrides: the warning stays, naming it',
      files: withConnectors(
        ALL,
        connector('orders-source', JDBC_SOURCE, [producerSsl]),
        connector('custom', 'com.example.OrdersConnector'),
      ),
      errors: [
        {
          ...PLAINTEXT_KEPT[0]!,
          related: [{ file: 'connectors/custom.json', line: 4 }],
        },
      ],
    },
    {
      // No policy and no release: whether the overrides are read is unknown (None before Kafka 3.0.0).
      name: 'overrides the worker may refuse (no policy, release unknown): the warning stays',
      files: withConnectors('', connector('orders-source', JDBC_SOURCE, [producerSsl])),
      errors: PLAINTEXT_KEPT,
    },
    {
      // Worker.sinkTaskReporters builds a dead letter queue producer from producer.* and producer.override.*.
      name: 'a sink with a dead letter queue makes a producer too: its consumer override alone leaves the warning',
      files: withConnectors(
        ALL,
        connector('orders-sink', ES_SINK, [consumerSsl, '"errors.deadletterqueue.topic.name": "orders-dlq"']),
      ),
      errors: PLAINTEXT_KEPT,
    },
    {
      // offsetStoreForRegularSourceConnector: a connector's own offsets topic is read by a consumer of its own.
      name: 'a source with an offsets topic of its own makes a consumer too: its producer override alone leaves the warning',
      files: withConnectors(
        ALL,
        connector('orders-source', JDBC_SOURCE, [producerSsl, '"offsets.storage.topic": "orders-offsets"']),
      ),
      errors: PLAINTEXT_KEPT,
    },
    {
      name: 'a worker with exactly-once source support: every source task reads its offsets with a consumer',
      files: withConnectors(
        ALL + 'exactly.once.source.support=enabled\n',
        connector('orders-source', JDBC_SOURCE, [producerSsl]),
      ),
      errors: PLAINTEXT_KEPT,
    },
    {
      name: "the producers' missing trust store, given by each source connector; a sink connector makes no producer",
      files: Object.assign(
        worker(
          TLS +
            ALL +
            'producer.security.protocol=SSL\nconsumer.security.protocol=SSL\nconsumer.ssl.truststore.location=/var/ssl/c.jks\n',
        ),
        connector('orders-source', JDBC_SOURCE, ['"producer.override.ssl.truststore.location": "/var/ssl/p.jks"']),
        connector('orders-sink', ES_SINK),
      ) as Record<string, string>,
      errors: [
        {
          messageId: 'covered',
          severity: 'info',
          file: WORKER_FILE,
          line: 9,
          related: [
            { file: 'config/connect-distributed.properties', line: 7 },
            { file: 'connectors/orders-sink.json', line: 4 },
            { file: 'connectors/orders-source.json', line: 6 },
          ],
        },
      ],
    },
  ],
});
