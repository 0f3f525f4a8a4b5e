import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A client's own key store is sent only to a server that asks for a certificate (src/rules/cert/_lib/client-key-store.ts):
 * a Kafka client's key store is an error only when a broker it reaches asks (ssl.client.auth requested or required), an
 * info when every broker it reaches leaves client authentication at none (Kafka's default), and a warning when the tree
 * does not show (sweep54 JUDGED.md §2: marcusportmann/devops's demo-consumer.p12, kuldeep0508/kafka-ui-with-mtls-enabled-
 * broker with KAFKA_SSL_CLIENT_AUTH none). key.jks (generated fixture): a key entry whose leaf and CA are both expired at
 * the reference date; the CA is said with the leaf.
 */
const key = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const options = { referenceDate: '2047-01-01' };

const client = (bootstrap?: string) => ({
  'client/key.jks': key,
  'client/client.properties': [
    ...(bootstrap ? [`bootstrap.servers=${bootstrap}`] : []),
    'security.protocol=SSL',
    'ssl.keystore.location=key.jks',
    '',
  ].join('\n'),
});

/** A Confluent broker with a TLS listener advertised as kafka:9093, and its KAFKA_SSL_CLIENT_AUTH when given. */
const composeBroker = (clientAuth?: string) => ({
  'docker-compose.yml': [
    'services:',
    '  kafka:',
    '    image: confluentinc/cp-kafka:7.6.0',
    '    environment:',
    '      KAFKA_LISTENERS: SSL://0.0.0.0:9093',
    '      KAFKA_ADVERTISED_LISTENERS: SSL://kafka:9093',
    ...(clientAuth ? [`      KAFKA_SSL_CLIENT_AUTH: ${clientAuth}`] : []),
    '',
  ].join('\n'),
});

const propertiesBroker = (clientAuth: string) => ({
  'broker/server.properties': [
    'broker.id=1',
    'listeners=SSL://0.0.0.0:9093',
    'advertised.listeners=SSL://localhost:9093',
    `ssl.client.auth=${clientAuth}`,
    '',
  ].join('\n'),
});

const at = { file: 'client/key.jks', line: 1 };
/** The verdict on the client's key store. */
const onKey = (messageId: string, severity: 'error' | 'warning' | 'info') => [{ messageId, ...at, severity }];
/** The client's key store, named by client.properties, with the broker's KAFKA_SSL_CLIENT_AUTH line and the root above. */
const brokerSays = (messageId: string, severity: 'error' | 'info') => [
  {
    messageId,
    ...at,
    severity,
    related: [
      { file: 'client/client.properties', line: 3 },
      { file: 'docker-compose.yml', line: 7 },
      { file: 'client/key.jks', line: 1 },
    ],
  },
];

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'the broker its bootstrap servers name requires client certificates: the expired certificate is rejected (error)',
      files: { ...client('kafka:9093'), ...composeBroker('required') },
      options,
      errors: brokerSays('expired', 'error'),
    },
    {
      name: 'a broker that requests client certificates rejects an invalid one too (error)',
      files: { ...client('kafka:9093'), ...composeBroker('requested') },
      options,
      errors: onKey('expired', 'error'),
    },
    {
      name: 'the broker it reaches sets KAFKA_SSL_CLIENT_AUTH none: the certificate is never sent (info)',
      files: { ...client('kafka:9093'), ...composeBroker('none') },
      options,
      errors: brokerSays('expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: "the broker it reaches sets no client auth: Kafka's default is none (info)",
      files: { ...client('kafka:9093'), ...composeBroker() },
      options,
      errors: onKey('expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: 'no broker in the tree: whether one asks is unknown (warning)',
      files: client('kafka.example.internal:9093'),
      options,
      errors: onKey('expiredClientKeyStoreUnasked', 'warning'),
    },
    {
      name: "its bootstrap servers name a broker outside the tree, the tree's broker asks none: unknown (warning)",
      files: { ...client('kafka.example.internal:9093'), ...composeBroker('none') },
      options,
      errors: onKey('expiredClientKeyStoreUnasked', 'warning'),
    },
    {
      name: 'no bootstrap servers, and every broker of the deployment requires client certificates (error)',
      files: { ...client(), ...composeBroker('required') },
      options,
      errors: onKey('expired', 'error'),
    },
    {
      name: 'a server.properties broker advertising localhost:9093 with ssl.client.auth=required (error)',
      files: { ...client('localhost:9093'), ...propertiesBroker('required') },
      options,
      errors: onKey('expired', 'error'),
    },
    {
      name: 'a server.properties broker advertising localhost:9093 with ssl.client.auth=none (info)',
      files: { ...client('localhost:9093'), ...propertiesBroker('none') },
      options,
      errors: onKey('expiredClientKeyStoreNeverSent', 'info'),
    },
    {
      name: "a Spring Kafka client's key store, no broker in the tree (warning)",
      files: {
        'pki/client.jks': key,
        'src/main/resources/application.yml': [
          'spring:',
          '  kafka:',
          '    bootstrap-servers: kafka-1.example.internal:9093',
          '    security:',
          '      protocol: SSL',
          '    ssl:',
          '      key-store-location: file:pki/client.jks',
          '',
        ].join('\n'),
        'pom.xml': '<project><artifactId>demo</artifactId></project>\n',
      },
      options,
      errors: [{ messageId: 'expiredClientKeyStoreUnasked', file: 'pki/client.jks', line: 1, severity: 'warning' }],
    },
    {
      name: 'the JVM default key store of a plain java -jar: sent only to a server that asks, none shown (warning)',
      files: {
        'client.jks': key,
        Dockerfile: [
          'FROM eclipse-temurin:17.0.15_6-jre',
          'COPY client.jks /app/client.jks',
          'COPY app.jar /app/app.jar',
          'ENTRYPOINT ["java","-Djavax.net.ssl.keyStore=/app/client.jks","-jar","/app/app.jar"]',
          '',
        ].join('\n'),
      },
      options,
      errors: [{ messageId: 'expiredClientKeyStoreUnasked', file: 'client.jks', line: 1, severity: 'warning' }],
    },
  ],
});
