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
  ],
  invalid: [
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
