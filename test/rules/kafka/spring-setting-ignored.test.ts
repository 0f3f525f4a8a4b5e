import rule from '../../../src/rules/kafka/spring-setting-ignored';
import { ruleTester } from '../../helpers/rule-tester';

const PROPS = 'app/src/main/resources/application.properties';
const app = (settings: string) => ({
  [PROPS]: `spring.application.name=orders\nspring.kafka.bootstrap-servers=kafka:9093\n${settings}`,
});
const YML = 'app/src/main/resources/application.yml';
const tls = 'spring.kafka.security.protocol=SSL\n';
const pom = (parent: string) =>
  `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${parent}</version>\n    <relativePath/>\n  </parent>\n  <artifactId>orders</artifactId>\n</project>\n`;

// Spring Boot's KafkaProperties.Ssl binds bundle, key-password, key-store-*, trust-store-* and protocol, Security only
// protocol (v2.3.0 to v4.0.0); @ConfigurationProperties ignores any other key. Kafka's client default
// ssl.enabled.protocols is TLSv1.2,TLSv1.1,TLSv1 before 2.5.0, TLSv1.2 in 2.5, and from 2.6.0 TLSv1.2,TLSv1.3 on Java
// 11+ (else TLSv1.2) (SslConfigs at each tag).
ruleTester(rule, {
  valid: [
    {
      name: 'the pass-through Kafka property is read',
      files: app(`${tls}spring.kafka.properties.ssl.enabled.protocols=TLSv1.3\n`),
    },
    {
      name: "Spring Boot's own properties in relaxed spellings (dashed, camel case, legacy keystore-location)",
      files: app(
        `${tls}spring.kafka.ssl.key-store-location=classpath:k.p12\nspring.kafka.ssl.trustStoreLocation=classpath:t.p12\nspring.kafka.consumer.ssl.keystore-location=classpath:c.p12\nspring.kafka.ssl.protocol=TLSv1.3\n`,
      ),
    },
    {
      name: 'a PEM property of 2.6.0 on: bound by some release, and the tree does not say which runs',
      files: app(`${tls}spring.kafka.ssl.key-store-key=-----BEGIN PRIVATE KEY-----\n`),
    },
    {
      name: 'a key that names no Kafka ssl setting is not told',
      files: app(`${tls}spring.kafka.security.sasl-mechanism=PLAIN\nspring.kafka.ssl.something=1\n`),
    },
    {
      name: 'commented out, as sakrinama/Banking_bunchhay1 keeps it',
      files: app(`${tls}# spring.kafka.ssl.enabled-protocols=TLSv1.3,TLSv1.2\n`),
    },
  ],
  invalid: [
    {
      // The avi5kdonrh/my-kafka-producer shape: Spring Boot 2.5.0 manages kafka-clients 2.7.1, whose default is
      // TLSv1.2 (Java 8) or TLSv1.2,TLSv1.3 (Java 11+); the written TLSv1.1 and TLSv1 are never enabled.
      name: 'spring.kafka.ssl.enabled.protocols with Spring Boot 2.5.0: Kafka 2.7 default applies (a warning)',
      files: {
        ...app(
          `spring.kafka.ssl.trust-store-location: file:/home/app/truststore.jks\nspring.kafka.ssl.enabled.protocols: TLSv1.2,TLSv1.1,TLSv1\n${tls}`,
        ),
        'app/pom.xml': pom('2.5.0'),
      },
      errors: [
        {
          file: PROPS,
          messageId: 'differs',
          severity: 'warning',
          line: 4,
          messageIncludes: [
            'spring.kafka.ssl.enabled.protocols has no effect',
            "run with TLSv1.2 or TLSv1.2,TLSv1.3 (Kafka's default, by the kafka-clients and Java release), not TLSv1.2,TLSv1.1,TLSv1",
            'Use spring.kafka.properties.ssl.enabled.protocols=TLSv1.2,TLSv1.1,TLSv1',
          ],
        },
      ],
    },
    {
      name: 'Spring Boot 3.x runs on Java 17: the default is TLSv1.2,TLSv1.3 only, and a written TLSv1.2 differs',
      files: { ...app(`${tls}spring.kafka.ssl.enabled-protocols=TLSv1.2\n`), 'app/pom.xml': pom('3.3.1') },
      errors: [
        {
          file: PROPS,
          messageId: 'differs',
          line: 4,
          messageIncludes: ["run with TLSv1.2,TLSv1.3 (Kafka's default), not TLSv1.2"],
        },
      ],
    },
    {
      name: 'the release unknown and a list equal to one possible default: unknown, an info',
      files: app(`${tls}spring.kafka.ssl.enabled-protocols=TLSv1.2,TLSv1.3\n`),
      errors: [
        { file: PROPS, messageId: 'ignored', severity: 'info', line: 4, messageIncludes: ['not settled by the tree'] },
      ],
    },
    {
      name: 'the pass-through sets another list: it applies (a warning naming where)',
      files: app(
        `${tls}spring.kafka.ssl.enabled-protocols=TLSv1.3\nspring.kafka.properties.ssl.enabled.protocols=TLSv1.2\n`,
      ),
      errors: [
        {
          file: PROPS,
          messageId: 'differs',
          line: 4,
          messageIncludes: ['run with TLSv1.2 (spring.kafka.properties.ssl.enabled.protocols), not TLSv1.3'],
          related: [
            { file: PROPS, line: 5 },
            { file: PROPS, line: 3 },
          ],
        },
      ],
    },
    {
      name: 'the pass-through sets the same list: an info',
      files: app(
        `${tls}spring.kafka.ssl.enabled-protocols=TLSv1.3\nspring.kafka.properties.ssl.enabled.protocols=TLSv1.3\n`,
      ),
      errors: [{ file: PROPS, messageId: 'ignored', severity: 'info', line: 4, messageIncludes: ['anyway'] }],
    },
    {
      name: 'clients that speak no TLS read no ssl.* setting: an info',
      files: app('spring.kafka.ssl.enabled.protocols=TLSv1.3\n'),
      errors: [{ file: PROPS, messageId: 'ignored', severity: 'info', line: 3, messageIncludes: ['speak no TLS'] }],
    },
    {
      name: "YAML: security.enabled-protocols and ssl.cipher-suites (a list); the JDK's suites apply instead",
      files: {
        [YML]:
          'spring:\n  kafka:\n    bootstrap-servers: kafka:9093\n    security:\n      protocol: SSL\n      enabled-protocols: TLSv1.3\n    ssl:\n      cipher-suites:\n        - TLS_AES_128_GCM_SHA256\n',
      },
      errors: [
        {
          file: YML,
          messageId: 'differs',
          line: 6,
          messageIncludes: ['spring.kafka.security.enabled-protocols has no effect'],
        },
        {
          file: YML,
          messageId: 'differs',
          line: 8,
          messageIncludes: [
            "run with no ssl.cipher.suites (Kafka's default)",
            'spring.kafka.properties.ssl.cipher.suites=TLS_AES_128_GCM_SHA256',
          ],
        },
      ],
    },
    {
      name: "a dotted Kafka name under spring.kafka.ssl: the trust store is not read; Spring Boot's own name is offered",
      files: app(
        `${tls}spring.kafka.ssl.truststore.location=classpath:t.jks\nspring.kafka.ssl.truststore.password=s3cr3t-Value\n`,
      ),
      errors: [
        {
          file: PROPS,
          messageId: 'differs',
          line: 4,
          messageIncludes: [
            'Use spring.kafka.ssl.trust-store-location=classpath:t.jks or spring.kafka.properties.ssl.truststore.location=',
          ],
        },
        { file: PROPS, messageId: 'differs', line: 5, messageExcludes: ['s3cr3t-Value'] },
      ],
    },
    {
      name: "a client's own: only the producer is told",
      files: app(`${tls}spring.kafka.producer.ssl.enabled.protocols=TLSv1.3\n`),
      errors: [
        {
          file: PROPS,
          messageId: 'differs',
          line: 4,
          messageIncludes: ['the Kafka producer of', 'spring.kafka.producer.properties.ssl.enabled.protocols'],
        },
      ],
    },
    {
      name: 'Spring Boot 2.2.0 binds no spring.kafka.security.protocol (2.3.0 on): the clients speak PLAINTEXT',
      files: { ...app(tls), 'app/pom.xml': pom('2.2.0.RELEASE') },
      errors: [
        {
          file: PROPS,
          messageId: 'differs',
          line: 3,
          messageIncludes: ['in Spring Boot 2.2.0.RELEASE', "run with PLAINTEXT (Kafka's default), not SSL"],
          related: [{ file: 'app/pom.xml', line: 6 }],
        },
      ],
    },
    {
      name: 'an environment variable of the start: SPRING_KAFKA_SSL_ENABLED_PROTOCOLS binds nothing',
      files: {
        ...app(tls),
        'app/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENV SPRING_KAFKA_SSL_ENABLED_PROTOCOLS=TLSv1.3\nCOPY app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n',
      },
      errors: [
        {
          messageId: 'differs',
          file: 'app/Dockerfile',
          line: 2,
          messageIncludes: ['SPRING_KAFKA_SSL_ENABLED_PROTOCOLS has no effect'],
        },
      ],
    },
  ],
});
