import rule from '../../../src/rules/kafka/ssl-bundle-with-store';
import { ruleTester } from '../../helpers/rule-tester';

const app = (settings: string) => ({
  'app/src/main/resources/application.properties': `spring.application.name=orders\nspring.kafka.bootstrap-servers=kafka:9093\n${settings}`,
});

const conflict = 'spring.kafka.ssl.bundle=kafka\nspring.kafka.ssl.trust-store-location=classpath:t.p12\n';
const pom = (parent: string) =>
  `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${parent}</version>\n    <relativePath/>\n  </parent>\n  <artifactId>orders</artifactId>\n</project>\n`;

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
    {
      // v3.1.0's KafkaProperties has no Ssl.bundle: the property is not bound, the store settings apply.
      name: 'Spring Boot 3.1.5 (Maven parent): the bundle setting does not exist and is ignored',
      files: { ...app(conflict), 'app/pom.xml': pom('3.1.5') },
    },
    {
      name: 'Spring Boot 2.7.18 from a Gradle plugin version',
      files: {
        ...app(conflict),
        'app/build.gradle': "plugins {\n  id 'org.springframework.boot' version '2.7.18'\n}\n",
      },
    },
  ],
  invalid: [
    {
      name: 'Spring Boot 3.2.4 named by the Maven parent: the app does not start (an error, with the release)',
      files: { ...app(conflict), 'app/pom.xml': pom('3.2.4') },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          file: 'app/src/main/resources/application.properties',
          line: 4,
          related: [
            { file: 'app/src/main/resources/application.properties', line: 3 },
            { file: 'app/pom.xml', line: 6 },
          ],
        },
      ],
    },
    {
      name: "a module of a Gradle build whose root names the plugin (Kotlin DSL, apply false): the root's release",
      files: {
        'app/orders/src/main/resources/application.properties': `spring.kafka.bootstrap-servers=kafka:9093\n${conflict}`,
        'app/orders/build.gradle.kts': 'plugins {\n  id("org.springframework.boot")\n}\n',
        'app/build.gradle.kts': 'plugins {\n  id("org.springframework.boot") version "3.3.0" apply false\n}\n',
      },
      errors: [
        {
          messageId: 'refused',
          severity: 'error',
          file: 'app/orders/src/main/resources/application.properties',
          line: 3,
          messageIncludes: ['Spring Boot 3.3.0 (the Gradle plugin org.springframework.boot)'],
          related: [
            { file: 'app/orders/src/main/resources/application.properties', line: 2 },
            { file: 'app/build.gradle.kts', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'a milestone of 3.2.0: whether it had the setting is not known (a warning)',
      files: { ...app(conflict), 'app/pom.xml': pom('3.2.0-M1') },
      errors: [
        { messageId: 'both', severity: 'warning', file: 'app/src/main/resources/application.properties', line: 4 },
      ],
    },
    {
      name: 'spring.kafka.ssl.bundle beside spring.kafka.ssl.trust-store-location, no build file (a warning on the store)',
      files: app('spring.kafka.ssl.bundle=kafka\nspring.kafka.ssl.trust-store-location=classpath:t.p12\n'),
      errors: [
        {
          messageId: 'both',
          severity: 'warning',
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
