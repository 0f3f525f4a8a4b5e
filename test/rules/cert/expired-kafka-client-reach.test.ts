import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';
import { confluentBroker } from '../../helpers/kafka-brokers';

/**
 * Which brokers a Kafka client reaches decides the verdict on its expired key store (src/rules/cert/_lib/client-key-store.ts):
 * kafka-ui's clusters configured by `KAFKA_CLUSTERS_<n>_*` (src/model/kafka-ui.ts, as kafbat/kafka-ui@afc9c918's
 * documentation/compose/kafka-ssl.yml and kuldeep0508/kafka-ui-with-mtls-enabled-broker write them), and a Spring Kafka
 * client's bootstrap servers in every form Spring binds (src/model/kafka-spring.ts). Two brokers: kafka-a requires
 * client certificates, kafka-b leaves ssl.client.auth at none. key.jks: a key entry expired at the reference date.
 */
const key = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const options = { referenceDate: '2047-01-01' };

const BROKERS = [...confluentBroker('kafka-a', 'required'), ...confluentBroker('kafka-b')];

/** A kafka-ui service with the secrets directory mounted and these variables. */
const kafkaUi = (variables: string[], image = 'provectuslabs/kafka-ui:v0.7.2') => ({
  'secrets/client.jks': key,
  'docker-compose.yml': [
    'services:',
    ...BROKERS,
    '  kafka-ui:',
    `    image: ${image}`,
    '    volumes:',
    '      - ./secrets:/etc/kafka/secrets',
    '    environment:',
    ...variables.map((v) => `      ${v}`),
    '',
  ].join('\n'),
});
const uiCluster = (n: number, bootstrap: string) => [
  `KAFKA_CLUSTERS_${n}_NAME: cluster${n}`,
  `KAFKA_CLUSTERS_${n}_BOOTSTRAPSERVERS: ${bootstrap}`,
  `KAFKA_CLUSTERS_${n}_PROPERTIES_SECURITY_PROTOCOL: SSL`,
  `KAFKA_CLUSTERS_${n}_PROPERTIES_SSL_KEYSTORE_LOCATION: /etc/kafka/secrets/client.jks`,
];

/** A Spring Boot app whose Kafka clients use pki/client.jks, next to the two brokers. */
const springApp = (kafka: string[]) => ({
  'pki/client.jks': key,
  'docker-compose.yml': ['services:', ...BROKERS, ''].join('\n'),
  'app/pom.xml': '<project><artifactId>orders</artifactId></project>\n',
  'app/src/main/resources/application.yml': [
    'spring:',
    '  kafka:',
    '    security:',
    '      protocol: SSL',
    '    ssl:',
    '      key-store-location: file:pki/client.jks',
    ...kafka.map((line) => `    ${line}`),
    '',
  ].join('\n'),
});

const onKey = (file: string, messageId: string, severity: 'error' | 'warning' | 'info') => [
  { messageId, file, line: 1, severity },
];
const ui = (messageId: string, severity: 'error' | 'warning' | 'info') =>
  onKey('secrets/client.jks', messageId, severity);
const spring = (messageId: string, severity: 'error' | 'warning' | 'info') =>
  onKey('pki/client.jks', messageId, severity);

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'kafka-ui: its cluster reaches kafka-a, which requires client certificates (error; was unmodelled: an info)',
      files: kafkaUi(uiCluster(0, 'kafka-a:9093')),
      options,
      errors: [
        {
          messageId: 'expired',
          file: 'secrets/client.jks',
          line: 1,
          severity: 'error',
          related: [
            { file: 'docker-compose.yml', line: 21 },
            { file: 'docker-compose.yml', line: 7 },
            { file: 'secrets/client.jks', line: 1 },
          ],
        },
      ],
    },
    {
      name: "kafka-ui (kafbat's image): its cluster reaches kafka-b only, which never asks (info)",
      files: kafkaUi(uiCluster(0, 'kafka-b:9093'), 'ghcr.io/kafbat/kafka-ui:v1.5.0'),
      options,
      errors: ui('expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: 'kafka-ui: each cluster is its own client; the one reaching kafka-a decides (error)',
      files: kafkaUi([...uiCluster(0, 'kafka-b:9093'), ...uiCluster(1, 'kafka-a:9093')]),
      options,
      errors: ui('expired', 'error'),
    },
    {
      name: 'kafka-ui: PLAINTEXT (no security protocol) reads no store: no setting the model reads names the key store (info)',
      files: kafkaUi([
        'KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: kafka-a:9093',
        'KAFKA_CLUSTERS_0_PROPERTIES_SSL_KEYSTORE_LOCATION: /etc/kafka/secrets/client.jks',
      ]),
      options,
      errors: ui('expiredUnnamedBundle', 'info'),
    },
    {
      name: 'kafka-ui: bootstrap servers given at run time leave the brokers unknown (warning)',
      files: kafkaUi(uiCluster(0, '${KAFKA_BROKERS}')),
      options,
      errors: ui('expiredClientKeyStoreUnasked', 'warning'),
    },
    {
      name: 'Spring: a YAML list of bootstrap servers naming kafka-a (error; was unknown: a warning)',
      files: springApp(['bootstrap-servers:', '  - kafka-b:9093', '  - kafka-a:9093']),
      options,
      errors: spring('expired', 'error'),
    },
    {
      name: 'Spring: a comma list naming kafka-b only (info)',
      files: springApp(['bootstrap-servers: kafka-b:9093, kafka-b:9094']),
      options,
      errors: spring('expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: "Spring: the consumer's own list (kafka-a) replaces the common kafka-b (error; was the common list: an info)",
      files: springApp(['bootstrap-servers: kafka-b:9093', 'consumer:', '  bootstrap-servers:', '    - kafka-a:9093']),
      options,
      errors: spring('expired', 'error'),
    },
    {
      name: 'Spring: indexed bootstrap-servers[0] in a properties file (error)',
      files: {
        'pki/client.jks': key,
        'docker-compose.yml': ['services:', ...BROKERS, ''].join('\n'),
        'app/pom.xml': '<project><artifactId>orders</artifactId></project>\n',
        'app/src/main/resources/application.properties': [
          'spring.kafka.bootstrap-servers[0]=kafka-b:9093',
          'spring.kafka.bootstrap-servers[1]=kafka-a:9093',
          'spring.kafka.security.protocol=SSL',
          'spring.kafka.ssl.key-store-location=file:pki/client.jks',
          '',
        ].join('\n'),
      },
      options,
      errors: spring('expired', 'error'),
    },
    {
      name: "Spring: unset, Spring's localhost:9092 is not assumed (the run's environment may set them): unknown (warning)",
      files: springApp([]),
      options,
      errors: spring('expiredClientKeyStoreUnasked', 'warning'),
    },
  ],
});
