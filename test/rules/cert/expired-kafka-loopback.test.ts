import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Kafka client whose bootstrap servers name `localhost` reaches only a broker of its own network namespace
 * (src/model/kafka-loopback.ts): a Compose broker advertising `localhost:9093` is not reached from another service's
 * container (was: tied to it, a confident error), only from its own container (`network_mode: service:kafka`), from the
 * host through a port it publishes, or from the host's network. A Connect worker's properties without bootstrap.servers
 * use Connect's own default, localhost:9092. key.jks: a key entry expired at the reference date.
 */
const key = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const options = { referenceDate: '2047-01-01' };

/** A Confluent broker requiring client certificates, advertising localhost:<port>, with these lines added. */
const broker = (port: number, more: string[] = []) => [
  '  kafka:',
  '    image: confluentinc/cp-kafka:7.6.0',
  ...more,
  '    environment:',
  `      KAFKA_LISTENERS: SSL://0.0.0.0:${port}`,
  `      KAFKA_ADVERTISED_LISTENERS: SSL://localhost:${port}`,
  '      KAFKA_SSL_CLIENT_AUTH: required',
];
/** A second broker (kafka-b) that asks for no certificate, publishing 9094: not every broker asks. */
const otherBroker = [
  '  kafka-b:',
  '    image: confluentinc/cp-kafka:7.6.0',
  '    ports:',
  '      - "9094:9094"',
  '    environment:',
  '      KAFKA_LISTENERS: SSL://0.0.0.0:9094',
  '      KAFKA_ADVERTISED_LISTENERS: SSL://localhost:9094',
];

/** kafka-ui in its own service (or joined to another's network), its cluster bootstrapping from localhost:9093. */
const kafkaUi = (brokerLines: string[], networkMode?: string) => ({
  'secrets/client.jks': key,
  'docker-compose.yml': [
    'services:',
    ...brokerLines,
    '  kafka-ui:',
    '    image: provectuslabs/kafka-ui:v0.7.2',
    ...(networkMode ? [`    network_mode: ${networkMode}`] : []),
    '    volumes:',
    '      - ./secrets:/etc/kafka/secrets',
    '    environment:',
    '      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: localhost:9093',
    '      KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: SSL',
    '      KAFKA_CLUSTERS_0_PROPERTIES_SSL_KEYSTORE_LOCATION: /etc/kafka/secrets/client.jks',
    '',
  ].join('\n'),
});

/** A client properties file no container runs (a host's tool), beside a Compose file with these services. */
const hostClient = (lines: string[], services: string[]) => ({
  'client/key.jks': key,
  'client/client.properties': [...lines, 'security.protocol=SSL', 'ssl.keystore.location=key.jks', ''].join('\n'),
  'docker-compose.yml': ['services:', ...services, ''].join('\n'),
});

/** The same host client beside a Compose file of version 1 (services at the root, no `services:` key). */
const hostClientV1 = (lines: string[], services: string[]) => ({
  ...hostClient(lines, []),
  'docker-compose.yml': [...services.map((line) => line.slice(2)), ''].join('\n'),
});

/** A Spring Boot app run on the host (no container of the tree runs it) whose Kafka clients bootstrap from `servers`. */
const springHostApp = (servers: string, services: string[]) => ({
  'client/key.jks': key,
  'docker-compose.yml': ['services:', ...services, ''].join('\n'),
  'app/pom.xml': '<project><artifactId>orders</artifactId></project>\n',
  'app/src/main/resources/application.properties': [
    `spring.kafka.bootstrap-servers=${servers}`,
    'spring.kafka.security.protocol=SSL',
    'spring.kafka.ssl.key-store-location=file:client/key.jks',
    '',
  ].join('\n'),
});

/** A Connect worker's properties without bootstrap.servers. */
const CONNECT_WORKER = ['group.id=connect', 'config.storage.topic=connect-configs'];

const verdict = (file: string, messageId: string, severity: 'error' | 'warning' | 'info') => [
  { messageId, file, line: 1, severity },
];
const ui = (messageId: string, severity: 'error' | 'warning' | 'info') =>
  verdict('secrets/client.jks', messageId, severity);
const host = (messageId: string, severity: 'error' | 'warning' | 'info') =>
  verdict('client/key.jks', messageId, severity);

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "kafka-ui's localhost is its own container, not the broker's: unknown (was an error)",
      files: kafkaUi(broker(9093)),
      options,
      errors: ui('expiredClientKeyStoreUnasked', 'warning'),
    },
    {
      name: 'kafka-ui joined to the broker network (network_mode: service:kafka): its localhost is the broker (error)',
      files: kafkaUi(broker(9093), 'service:kafka'),
      options,
      errors: ui('expired', 'error'),
    },
    {
      name: 'kafka-ui and the broker both on the host network: one localhost (error)',
      files: kafkaUi(broker(9093, ['    network_mode: host']), 'host'),
      options,
      errors: ui('expired', 'error'),
    },
    {
      name: 'a host client reaches the broker through the port it publishes (error)',
      files: hostClient(['bootstrap.servers=localhost:9093'], broker(9093, ['    ports:', '      - "9093:9093"'])),
      options,
      errors: host('expired', 'error'),
    },
    {
      name: 'a host client, a broker publishing another port: unknown',
      files: hostClient(['bootstrap.servers=localhost:9093'], broker(9093, ['    ports:', '      - "19093:9092"'])),
      options,
      errors: host('expiredClientKeyStoreUnasked', 'warning'),
    },
    {
      name: 'a host client, a broker publishing no port: unknown (was an error)',
      files: hostClient(['bootstrap.servers=localhost:9093'], broker(9093)),
      options,
      errors: host('expiredClientKeyStoreUnasked', 'warning'),
    },
    {
      name: 'a host client, the long syntax publishing 9093 on 127.0.0.1 (error)',
      files: hostClient(
        ['bootstrap.servers=localhost:9093'],
        broker(9093, ['    ports:', '      - target: 9093', '        published: "9093"', '        host_ip: 127.0.0.1']),
      ),
      options,
      errors: host('expired', 'error'),
    },
    {
      name: 'a Compose file of version 1: the broker publishes 9093 (error; was unknown: its ports were not read)',
      files: hostClientV1(['bootstrap.servers=localhost:9093'], broker(9093, ['    ports:', '      - "9093:9093"'])),
      options,
      errors: host('expired', 'error'),
    },
    {
      name: 'a Compose file of version 1, the broker publishing another port: unknown',
      files: hostClientV1(['bootstrap.servers=localhost:9093'], broker(9093, ['    ports:', '      - "19093:9093"'])),
      options,
      errors: host('expiredClientKeyStoreUnasked', 'warning'),
    },
    {
      name: "a Compose file of version 1, the broker on the host's network (`net: host`, version 1's network_mode): error",
      files: hostClientV1(['bootstrap.servers=localhost:9093'], broker(9093, ['    net: host'])),
      options,
      errors: host('expired', 'error'),
    },
    {
      name: "a Spring app's localhost:9094 reaches only kafka-b, which publishes 9094 and never asks (info; was an error: any published port counted)",
      files: springHostApp('localhost:9094', [...broker(9093, ['    ports:', '      - "9093:9093"']), ...otherBroker]),
      options,
      errors: host('expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: "a Spring app's localhost:9093 reaches the broker publishing 9093 (error)",
      files: springHostApp('localhost:9093', [...broker(9093, ['    ports:', '      - "9093:9093"']), ...otherBroker]),
      options,
      errors: host('expired', 'error'),
    },
    {
      name: "a Connect worker's properties without bootstrap.servers use localhost:9092: the broker publishing 9092 (error; was unknown)",
      files: hostClient(CONNECT_WORKER, [...broker(9092, ['    ports:', '      - "9092:9092"']), ...otherBroker]),
      options,
      errors: host('expired', 'error'),
    },
    {
      name: "a Connect worker's default localhost:9092 reaches only the broker publishing 9092: kafka-b never asks (info)",
      files: hostClient(CONNECT_WORKER, [...otherBroker.map((l) => l.replaceAll('9094', '9092'))]),
      options,
      errors: host('expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: "a Connect worker's bootstrap.servers replaces the default: localhost:9094 reaches kafka-b, which never asks (info)",
      files: hostClient(
        [...CONNECT_WORKER, 'bootstrap.servers=localhost:9094'],
        [...broker(9092, ['    ports:', '      - "9092:9092"']), ...otherBroker],
      ),
      options,
      errors: host('expiredClientKeyStoreNeverSent', 'info'),
    },
  ],
});
