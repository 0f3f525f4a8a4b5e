import rule from '../../../src/rules/kafka/ssl-bundle-with-store';
import { ruleTester } from '../../helpers/rule-tester';

const app = (settings: string) => ({
  'app/src/main/resources/application.properties': `spring.application.name=orders\nspring.kafka.bootstrap-servers=kafka:9093\n${settings}`,
});

// Spring Boot v3.2.0 KafkaProperties.Ssl.validate(): bundle and key-store-location (key-store-key, trust-store-location,
// trust-store-certificates) of one Ssl object throw MutuallyExclusiveConfigurationPropertiesException at start.
ruleTester(rule, {
  valid: [
    { name: 'a bundle alone', files: app('spring.kafka.ssl.bundle=kafka\n') },
    {
      // Two Ssl objects: the common one's bundle and the producer's own store are validated apart.
      name: "the common bundle and a producer's own store: different objects",
      files: app('spring.kafka.ssl.bundle=kafka\nspring.kafka.producer.ssl.key-store-location=classpath:k.p12\n'),
    },
    {
      name: 'a pass-through Kafka property beside the bundle is not an Ssl setting',
      files: app('spring.kafka.ssl.bundle=kafka\nspring.kafka.properties.ssl.truststore.location=/etc/t.jks\n'),
    },
    {
      name: 'a bundle given only by a variable without a default: unknown',
      files: app('spring.kafka.ssl.bundle=${KAFKA_BUNDLE}\nspring.kafka.ssl.trust-store-location=classpath:t.p12\n'),
    },
  ],
  invalid: [
    {
      name: 'spring.kafka.ssl.bundle beside spring.kafka.ssl.trust-store-location (a warning on the store)',
      files: app('spring.kafka.ssl.bundle=kafka\nspring.kafka.ssl.trust-store-location=classpath:t.p12\n'),
      errors: [
        {
          messageId: 'both',
          file: 'app/src/main/resources/application.properties',
          line: 4,
          related: [{ file: 'app/src/main/resources/application.properties', line: 3 }],
        },
      ],
    },
    {
      name: "a consumer's own bundle and key store (YAML, relaxed names)",
      files: {
        'app/src/main/resources/application.yml':
          'spring:\n  kafka:\n    consumer:\n      ssl:\n        bundle: kafka\n        keyStoreLocation: classpath:k.p12\n',
      },
      errors: [
        {
          messageId: 'both',
          file: 'app/src/main/resources/application.yml',
          line: 6,
          related: [{ file: 'app/src/main/resources/application.yml', line: 5 }],
        },
      ],
    },
  ],
});
