import rule from '../../../src/rules/kafka/hostname-verification-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const app = (settings: string) => ({
  'app/src/main/resources/application.properties': `spring.application.name=orders\nspring.kafka.bootstrap-servers=kafka:9093\n${settings}`,
});
const yaml = (text: string) => ({ 'app/src/main/resources/application.yml': text });

ruleTester(rule, {
  valid: [
    { name: 'TLS with the default (https): verified', files: app('spring.kafka.security.protocol=SSL\n') },
    {
      name: 'set to https',
      files: app(
        'spring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.endpoint.identification.algorithm=https\n',
      ),
    },
    {
      // Kafka reads no ssl.* setting under PLAINTEXT (its default security.protocol).
      name: 'empty, but the client speaks no TLS: not read',
      files: app('spring.kafka.properties.ssl.endpoint.identification.algorithm=\n'),
    },
    {
      name: 'a placeholder: its value is unknown',
      files: app(
        'spring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.endpoint.identification.algorithm=${KAFKA_ENDPOINT_IDENTIFICATION}\n',
      ),
    },
    {
      // A broker's own setting is for the connections it makes to other brokers; brokers are not judged here.
      name: "a broker's server.properties with it empty: not judged as a client",
      files: {
        'config/server.properties':
          'broker.id=1\nlisteners=SSL://:9093\nssl.endpoint.identification.algorithm=\nssl.keystore.location=/var/ssl/k.jks\n',
      },
    },
    {
      name: "a client's properties file speaking PLAINTEXT (Kafka's default): not read",
      files: { 'client.properties': 'bootstrap.servers=kafka:9092\nssl.endpoint.identification.algorithm=\n' },
    },
  ],
  invalid: [
    {
      // cp-kafka-connect writes each CONNECT_* variable into the worker's properties; Kafka trims " " to empty.
      name: "a Compose Connect worker's producers with the algorithm set to a space (a warning at the variable)",
      files: {
        'docker-compose.yml':
          'services:\n  connect:\n    image: confluentinc/cp-kafka-connect:7.6.0\n    environment:\n      CONNECT_PRODUCER_SECURITY_PROTOCOL: SSL\n      CONNECT_PRODUCER_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: " "\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'docker-compose.yml',
          line: 6,
          messageIncludes: ['Kafka Connect worker (docker-compose.yml service connect) [producers]'],
          related: [{ file: 'docker-compose.yml', line: 5 }],
        },
      ],
    },
    {
      // dilipsundarraj1/kafka-cluster-ssl@9d4be20 properties/producer.properties (--producer.config of the console tools).
      name: "a client's own properties file: security.protocol SSL and the algorithm set empty (a warning)",
      files: {
        'properties/producer.properties':
          'bootstrap.servers=localhost:9092\nsecurity.protocol=SSL\nssl.truststore.location=/etc/kafka/secrets/kafka.producer.truststore.jks\nssl.endpoint.identification.algorithm=\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'properties/producer.properties',
          line: 4,
          messageIncludes: ['Kafka client (properties/producer.properties)'],
          related: [{ file: 'properties/producer.properties', line: 2 }],
        },
      ],
    },
    {
      // The form of the search hit's application properties (spring.kafka.properties.ssl.endpoint.identification.algorithm=).
      name: 'empty in spring.kafka.properties, security.protocol SSL: a warning on the setting',
      files: app(
        'spring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.endpoint.identification.algorithm=\n',
      ),
      errors: [
        {
          messageId: 'disabled',
          file: 'app/src/main/resources/application.properties',
          line: 4,
          related: [{ file: 'app/src/main/resources/application.properties', line: 3 }],
        },
      ],
    },
    {
      // Spring Boot's SSL smoke test (spring-boot-smoke-test-kafka, SampleKafkaSslApplicationTests) sets this with a bundle:
      // SslBundleSslEngineFactory passes Kafka's endpoint identification to the SSLEngine, so the bundle changes nothing.
      name: 'empty, the client taking its stores from an SSL bundle: still no host name check (a warning)',
      files: app(
        'spring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.endpoint.identification.algorithm=\nspring.kafka.ssl.bundle=client\nspring.ssl.bundle.jks.client.truststore.location=classpath:ssl/test-ca.p12\n',
      ),
      errors: [
        {
          messageId: 'disabled',
          file: 'app/src/main/resources/application.properties',
          line: 4,
          related: [{ file: 'app/src/main/resources/application.properties', line: 3 }],
        },
      ],
    },
    {
      name: 'a consumer\'s own properties, YAML "" and SASL_SSL: only the consumer named',
      files: yaml(
        [
          'spring:',
          '  kafka:',
          '    bootstrap-servers: kafka:9093',
          '    properties:',
          '      security.protocol: SASL_SSL',
          '    consumer:',
          '      properties:',
          '        ssl.endpoint.identification.algorithm: ""',
          '',
        ].join('\n'),
      ),
      errors: [
        {
          messageId: 'disabled',
          file: 'app/src/main/resources/application.yml',
          line: 8,
          messageIncludes: ['Kafka consumer of'],
        },
      ],
    },
  ],
});
