import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';
import { confluentBroker } from '../../helpers/kafka-brokers';

/**
 * Kafka Connect clients as Connect builds their settings (src/model/kafka-connector-overrides.ts, kafka-connect.ts): a
 * connector's `consumer.override.*` over the worker's `consumer.*` over its bootstrap.servers (Worker.consumerConfigs),
 * the stores at the worker's mounted paths; Debezium's image taking bootstrap.servers from BOOTSTRAP_SERVERS, never from
 * CONNECT_BOOTSTRAP_SERVERS (its docker-entrypoint.sh exports the one over the other). Two brokers: kafka-a requires
 * client certificates, kafka-b leaves ssl.client.auth at none. key.jks: a key entry expired at the reference date.
 */
const key = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const options = { referenceDate: '2047-01-01' };

/** A Connect worker service of `image` with ./secrets mounted at /etc/kafka/secrets, beside the two brokers. */
const worker = (image: string, variables: string[]) => ({
  'docker-compose.yml': [
    'services:',
    ...confluentBroker('kafka-a', 'required'),
    ...confluentBroker('kafka-b'),
    '  connect:',
    `    image: ${image}`,
    '    volumes:',
    '      - ./secrets:/etc/kafka/secrets',
    '    environment:',
    ...variables.map((v) => `      ${v}`),
    '',
  ].join('\n'),
});

/** A sink connector whose consumers present secrets/connector.jks (an override of the key store alone). */
const connector = (more: Record<string, string> = {}) => ({
  'secrets/connector.jks': key,
  'connectors/orders-sink.json':
    JSON.stringify(
      {
        name: 'orders-sink',
        config: {
          'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
          'consumer.override.ssl.keystore.location': '/etc/kafka/secrets/connector.jks',
          ...more,
        },
      },
      null,
      2,
    ) + '\n',
});

const CONFLUENT = 'confluentinc/cp-kafka-connect:7.6.0';
const DEBEZIUM = 'quay.io/debezium/connect:2.7';
/** A Debezium worker speaking SSL with secrets/worker.jks as its key store, with these variables added. */
const debezium = (variables: string[]) => ({
  'secrets/worker.jks': key,
  ...worker(DEBEZIUM, [
    'GROUP_ID: 1',
    'CONFIG_STORAGE_TOPIC: connect-configs',
    'OFFSET_STORAGE_TOPIC: connect-offsets',
    'CONNECT_SECURITY_PROTOCOL: SSL',
    'CONNECT_SSL_KEYSTORE_LOCATION: /etc/kafka/secrets/worker.jks',
    ...variables,
  ]),
});

const on = (file: string, messageId: string, severity: 'error' | 'warning' | 'info') => [
  { messageId, file, line: 1, severity },
];

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "the connector's consumers take the worker's consumer.security.protocol and bootstrap: they reach kafka-a (error; was unread)",
      files: {
        ...connector(),
        ...worker(CONFLUENT, ['CONNECT_BOOTSTRAP_SERVERS: kafka-a:9093', 'CONNECT_CONSUMER_SECURITY_PROTOCOL: SSL']),
      },
      options,
      errors: on('secrets/connector.jks', 'expired', 'error'),
    },
    {
      name: "the worker's consumer.bootstrap.servers names kafka-b, which never asks (info)",
      files: {
        ...connector(),
        ...worker(CONFLUENT, [
          'CONNECT_BOOTSTRAP_SERVERS: kafka-a:9093',
          'CONNECT_CONSUMER_BOOTSTRAP_SERVERS: kafka-b:9093',
          'CONNECT_CONSUMER_SECURITY_PROTOCOL: SSL',
        ]),
      },
      options,
      errors: on('secrets/connector.jks', 'expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: "the connector's own bootstrap override wins over the worker's (info)",
      files: {
        ...connector({ 'consumer.override.bootstrap.servers': 'kafka-b:9093' }),
        ...worker(CONFLUENT, ['CONNECT_BOOTSTRAP_SERVERS: kafka-a:9093', 'CONNECT_CONSUMER_SECURITY_PROTOCOL: SSL']),
      },
      options,
      errors: on('secrets/connector.jks', 'expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: "Debezium's BOOTSTRAP_SERVERS decides, not CONNECT_BOOTSTRAP_SERVERS: kafka-b never asks (info)",
      files: debezium(['BOOTSTRAP_SERVERS: kafka-b:9093', 'CONNECT_BOOTSTRAP_SERVERS: kafka-a:9093']),
      options,
      errors: on('secrets/worker.jks', 'expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: "Debezium's BOOTSTRAP_SERVERS names kafka-a (error)",
      files: debezium(['BOOTSTRAP_SERVERS: kafka-a:9093']),
      options,
      errors: on('secrets/worker.jks', 'expired', 'error'),
    },
    {
      name: 'Debezium without BOOTSTRAP_SERVERS: the brokers are unknown, whatever CONNECT_BOOTSTRAP_SERVERS says (warning)',
      files: debezium(['CONNECT_BOOTSTRAP_SERVERS: kafka-a:9093']),
      options,
      errors: on('secrets/worker.jks', 'expiredClientKeyStoreUnasked', 'warning'),
    },
  ],
});
