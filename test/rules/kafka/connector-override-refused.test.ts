import rule from '../../../src/rules/kafka/connector-override-refused';
import hostnameRule from '../../../src/rules/kafka/hostname-verification-disabled';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A connector's `consumer.override.ssl.*` (KIP-458) and the Connect worker's connector.client.config.override.policy:
 * written, or the default of the Kafka release a Confluent image's tag ships (None before 3.0.0, All from it).
 */
const connector = (config: Record<string, string>, nested = true) => {
  const map = { 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', 'tasks.max': '1', ...config };
  return {
    'connectors/orders-sink.json': JSON.stringify(nested ? { name: 'orders-sink', config: map } : map, null, 2) + '\n',
  };
};
const TRUST = { 'consumer.override.ssl.truststore.location': '/etc/kafka/secrets/connector.truststore.jks' };
/** A Compose Connect worker of this image, with these variables. */
const composeWorker = (image: string, environment: string[] = []) => ({
  'docker-compose.yml': [
    'services:',
    '  connect:',
    `    image: ${image}`,
    '    environment:',
    '      CONNECT_BOOTSTRAP_SERVERS: kafka:9093',
    ...environment.map((line) => `      ${line}`),
    '',
  ].join('\n'),
});
const propertiesWorker = (policy?: string) => ({
  'config/connect-distributed.properties': [
    'bootstrap.servers=kafka:9093',
    'group.id=connect',
    'config.storage.topic=connect-configs',
    'security.protocol=SSL',
    'ssl.truststore.location=/etc/kafka/secrets/connect.truststore.jks',
    ...(policy ? [`connector.client.config.override.policy=${policy}`] : []),
    '',
  ].join('\n'),
});
const at = (
  messageId: string,
  line: number,
  severity: 'error' | 'info',
  related?: { file: string; line: number }[],
) => [{ messageId, file: 'connectors/orders-sink.json', line, severity, ...(related ? { related } : {}) }];

ruleTester(rule, {
  valid: [
    {
      name: 'Confluent Platform 7.6 (Kafka 3.6): the default All lets it through',
      files: { ...connector(TRUST), ...composeWorker('confluentinc/cp-kafka-connect:7.6.0') },
    },
    {
      name: 'the worker sets All',
      files: { ...connector(TRUST), ...propertiesWorker('All') },
    },
    {
      name: 'no Connect worker in the tree: the policy is of a worker elsewhere, nothing said',
      files: connector(TRUST),
    },
    {
      name: 'an override of no TLS setting (max.poll.records) is not judged',
      files: { ...connector({ 'consumer.override.max.poll.records': '10' }), ...propertiesWorker('None') },
    },
    {
      name: 'Principal lets sasl.jaas.config through',
      files: { ...connector({ 'producer.override.sasl.jaas.config': 'x' }), ...propertiesWorker('Principal') },
    },
  ],
  invalid: [
    {
      name: 'the worker sets None: Connect rejects the connector (error)',
      files: { ...connector(TRUST), ...propertiesWorker('None') },
      errors: at('refused', 6, 'error', [{ file: 'config/connect-distributed.properties', line: 6 }]),
    },
    {
      name: 'the policy by its class name, as a Compose variable (error)',
      files: {
        ...connector(TRUST),
        ...composeWorker('confluentinc/cp-kafka-connect:7.6.0', [
          'CONNECT_CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY: org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy',
        ]),
      },
      errors: at('refused', 6, 'error', [{ file: 'docker-compose.yml', line: 6 }]),
    },
    {
      name: 'Confluent Platform 6.2 (Kafka 2.8): the default None refuses it (error)',
      files: { ...connector(TRUST, false), ...composeWorker('confluentinc/cp-kafka-connect:6.2.1') },
      errors: at('refused', 4, 'error', [{ file: 'docker-compose.yml', line: 3 }]),
    },
    {
      name: 'Principal refuses an ssl.* override (error)',
      files: { ...connector(TRUST), ...propertiesWorker('Principal') },
      errors: at('refused', 6, 'error'),
    },
    {
      name: 'a worker whose Kafka release the tree does not say: unknown (info, not an error)',
      files: { ...connector(TRUST), ...propertiesWorker() },
      errors: at('unknown', 6, 'info'),
    },
    {
      name: 'two workers that disagree: unknown (info)',
      files: {
        ...connector(TRUST),
        ...propertiesWorker('All'),
        ...composeWorker('confluentinc/cp-kafka-connect:6.2.1'),
      },
      errors: at('unknown', 6, 'info'),
    },
  ],
});

// Where the policy lets the overrides through, the connector's clients are an end of their own.
ruleTester(hostnameRule, {
  valid: [
    {
      name: 'refused overrides make no end: the connector never runs',
      files: {
        ...connector({
          'consumer.override.security.protocol': 'SSL',
          'consumer.override.ssl.endpoint.identification.algorithm': '',
        }),
        ...propertiesWorker('None'),
      },
    },
    {
      name: "an override of the check alone: the consumers take no security.protocol from the worker's unprefixed one (PLAINTEXT), no TLS",
      files: {
        ...connector({ 'consumer.override.ssl.endpoint.identification.algorithm': '' }),
        ...propertiesWorker('All'),
      },
    },
  ],
  invalid: [
    {
      name: "a connector's consumers with host name verification off, the worker allowing it",
      files: {
        ...connector({
          'consumer.override.security.protocol': 'SSL',
          'consumer.override.ssl.endpoint.identification.algorithm': '',
        }),
        ...propertiesWorker('All'),
      },
      errors: [{ messageId: 'disabled', file: 'connectors/orders-sink.json', line: 7 }],
    },
    {
      name: "an override of the check alone: the consumers speak TLS by the worker's consumer.security.protocol (was unread)",
      files: {
        ...connector({ 'consumer.override.ssl.endpoint.identification.algorithm': '' }),
        'config/connect-distributed.properties': [
          'bootstrap.servers=kafka:9093',
          'group.id=connect',
          'config.storage.topic=connect-configs',
          'consumer.security.protocol=SSL',
          'connector.client.config.override.policy=All',
          '',
        ].join('\n'),
      },
      errors: [{ messageId: 'disabled', file: 'connectors/orders-sink.json', line: 6 }],
    },
  ],
});
