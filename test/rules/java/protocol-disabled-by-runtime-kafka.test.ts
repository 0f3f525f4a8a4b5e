import rule from '../../../src/rules/java/protocol-disabled-by-runtime';
import { ruleTester } from '../../helpers/rule-tester';
import { kafkaBroker } from './fixtures';

/**
 * Kafka's ends: ssl.enabled.protocols goes to SSLEngine.setEnabledProtocols (DefaultSslEngineFactory), judged against
 * the JDK the broker image runs (jdk-locations.json: Confluent's images by tag) or the JDK nearest to a client's file.
 * Checked on JDK 17.0.15 with two SSLEngines set up as Kafka sets them: TLSv1,TLSv1.1 on either side fails with 'No
 * appropriate protocol (protocol is disabled or cipher suites are inappropriate)'; TLSv1,TLSv1.2 negotiates TLSv1.2.
 */
const broker = (image: string, protocols: string) => kafkaBroker(image, 'KAFKA_SSL_ENABLED_PROTOCOLS', protocols);

ruleTester(rule, {
  valid: [
    {
      name: 'an unknown JDK and only TLSv1.2: nothing to say',
      files: broker('example/kafka:1.0', 'TLSv1.2'),
    },
    {
      name: 'TLSv1.2,TLSv1.3 on cp-kafka:7.4.0 (Zulu 11.0.18): nothing disabled',
      files: broker('confluentinc/cp-kafka:7.4.0', 'TLSv1.2,TLSv1.3'),
    },
    {
      // Kafka reads no ssl.* setting of a PLAINTEXT client (its default security.protocol).
      name: "a client's file speaking PLAINTEXT: its protocols are not read",
      files: {
        Dockerfile: 'FROM eclipse-temurin:17\n',
        'client.properties':
          'bootstrap.servers=kafka:9092\nssl.enabled.protocols=TLSv1\nssl.truststore.location=t.jks\n',
      },
    },
    {
      name: 'a placeholder is unknown, not wrong',
      files: broker('confluentinc/cp-kafka:7.4.0', '${PROTOCOLS}'),
    },
  ],
  invalid: [
    {
      // common-docker v6.0.1 installs the meta package zulu-11 unpinned: an 11 update before 11.0.11 may run.
      name: 'cp-kafka:6.0.1 gives Java 11 without its update: unknown, said once as an info',
      files: broker('confluentinc/cp-kafka:6.0.1', 'TLSv1,TLSv1.1'),
      errors: [
        {
          messageId: 'runtimeUnknown',
          severity: 'info',
          file: 'docker-compose.yml',
          line: 6,
          messageIncludes: ['TLSv1, TLSv1.1 in KAFKA_SSL_ENABLED_PROTOCOLS', 'Java 11; the name gives no update'],
        },
      ],
    },
    {
      // confluentinc/cp-demo@10846ae: the tag is a variable of .env, which the model does not read.
      name: 'an image named by variables: the JDK is unknown (an info)',
      files: broker('${REPOSITORY}/cp-server:${CONFLUENT_DOCKER_TAG}', 'TLSv1.2,TLSv1'),
      errors: [{ messageId: 'runtimeUnknown', severity: 'info', file: 'docker-compose.yml', line: 6 }],
    },
    {
      // strimzi-kafka-operator 0.38.0 docker-images/base/Dockerfile: UBI 8's java-17-openjdk-headless, its update
      // unknown; no source rules out an early-access build of the distribution's package, so the verdict waits.
      name: 'a client beside FROM quay.io/strimzi/kafka:0.38.0-kafka-3.6.0: Java 17 named, its update unknown (an info)',
      files: {
        Dockerfile: 'FROM quay.io/strimzi/kafka:0.38.0-kafka-3.6.0\n',
        'client.properties': 'bootstrap.servers=kafka:9093\nsecurity.protocol=SSL\nssl.enabled.protocols=TLSv1.1\n',
      },
      errors: [
        {
          messageId: 'runtimeUnknown',
          severity: 'info',
          file: 'client.properties',
          line: 3,
          messageIncludes: ['(Java 17; the name gives no update'],
        },
      ],
    },
    {
      // wurstmeister/kafka writes KAFKA_* into server.properties; its JDK is not in the data.
      name: 'a broker image whose JDK lint-deploy does not know: unknown (an info)',
      files: broker('wurstmeister/kafka:2.13-2.8.1', 'TLSv1'),
      errors: [
        {
          messageId: 'runtimeUnknown',
          severity: 'info',
          file: 'docker-compose.yml',
          line: 6,
          messageIncludes: ['no JDK lint-deploy knows runs it'],
        },
      ],
    },
    {
      name: 'cp-kafka:7.4.0 (Zulu 11.0.18) enabling TLSv1.2 and TLSv1.1: TLSv1.1 dropped (a warning)',
      files: broker('confluentinc/cp-kafka:7.4.0', 'TLSv1.2,TLSv1.1'),
      errors: [
        {
          messageId: 'someDisabled',
          file: 'docker-compose.yml',
          line: 6,
          messageIncludes: [
            'TLSv1.1 in KAFKA_SSL_ENABLED_PROTOCOLS of Kafka broker (docker-compose.yml service kafka)',
            '11.0.18',
            'enables only TLSv1.2',
          ],
        },
      ],
    },
    {
      name: 'cp-server:8.0.0 (Temurin 21.0.7) enabling only TLSv1 and TLSv1.1: no protocol left (an error)',
      files: broker('confluentinc/cp-server:8.0.0', 'TLSv1,TLSv1.1'),
      errors: [{ messageId: 'allDisabled', file: 'docker-compose.yml', line: 6, messageIncludes: ['21.0.7'] }],
    },
    {
      // KAFKA_LISTENER_NAME_INTERNAL_SSL_ENABLED_PROTOCOLS is the INTERNAL listener's own ssl.enabled.protocols.
      name: "a listener's own protocols on cp-server:7.6.0 (Zulu 11.0.21): that listener's end",
      files: {
        'docker-compose.yml': [
          'services:',
          '  kafka:',
          '    image: confluentinc/cp-server:7.6.0',
          '    environment:',
          '      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: INTERNAL:SSL,EXTERNAL:SSL',
          '      KAFKA_ADVERTISED_LISTENERS: INTERNAL://kafka:9093,EXTERNAL://localhost:19093',
          '      KAFKA_LISTENER_NAME_INTERNAL_SSL_ENABLED_PROTOCOLS: TLSv1.1',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'allDisabled',
          file: 'docker-compose.yml',
          line: 7,
          messageIncludes: [
            'KAFKA_LISTENER_NAME_INTERNAL_SSL_ENABLED_PROTOCOLS of Kafka broker (docker-compose.yml service kafka) listener INTERNAL',
            '11.0.21',
          ],
        },
      ],
    },
    {
      name: 'apache/kafka:3.8.0 (eclipse-temurin:21): TLSv1 disabled whichever 21 update runs',
      files: broker('apache/kafka:3.8.0', 'TLSv1'),
      errors: [{ messageId: 'allDisabled', file: 'docker-compose.yml', line: 6, messageIncludes: ['every'] }],
    },
    {
      name: "a client's properties file beside the Dockerfile that runs it",
      files: {
        Dockerfile: 'FROM eclipse-temurin:17\n',
        'client.properties': 'bootstrap.servers=kafka:9093\nsecurity.protocol=SSL\nssl.enabled.protocols=TLSv1.1\n',
      },
      errors: [
        {
          messageId: 'allDisabled',
          file: 'client.properties',
          line: 3,
          messageIncludes: ['ssl.enabled.protocols of Kafka client (client.properties)'],
          related: [{ file: 'Dockerfile', line: 1 }],
        },
      ],
    },
    {
      // library/flink: every revision's 1.18 -java17 tags are FROM eclipse-temurin:17-jre-jammy (GA builds only), and
      // every Temurin 17 update disables TLSv1.1; JDK 17.0.15 here: 'No appropriate protocol' from an SSLEngine so set.
      name: 'a Kafka client beside FROM flink:1.18.1-scala_2.12-java17: TLSv1.1 disabled on every Temurin 17 update',
      files: {
        Dockerfile: 'FROM flink:1.18.1-scala_2.12-java17\nCOPY job.jar /opt/flink/usrlib/\n',
        'client.properties': 'bootstrap.servers=kafka:9093\nsecurity.protocol=SSL\nssl.enabled.protocols=TLSv1.1\n',
      },
      errors: [
        {
          messageId: 'allDisabled',
          file: 'client.properties',
          line: 3,
          messageIncludes: ['every Eclipse Temurin 17 update', 'No appropriate protocol'],
          related: [{ file: 'Dockerfile', line: 1 }],
        },
      ],
    },
    {
      // payara/Payara payara-server-6.2024.1 docker-images/pom.xml: the plain tag FROM azul/zulu-openjdk(-alpine):11.0.21.
      name: 'a Kafka client beside FROM payara/micro:6.2024.1 (Zulu 11.0.21): TLSv1.1 disabled',
      files: {
        Dockerfile: 'FROM payara/micro:6.2024.1\nCOPY app.war $DEPLOY_DIR\n',
        'client.properties': 'bootstrap.servers=kafka:9093\nsecurity.protocol=SSL\nssl.enabled.protocols=TLSv1.1\n',
      },
      errors: [
        { messageId: 'allDisabled', file: 'client.properties', line: 3, messageIncludes: ['Azul Zulu 11.0.21'] },
      ],
    },
    {
      // A file mounted into a broker container is read by the image's JDK, not by one found beside it.
      name: 'server.properties mounted into cp-kafka:7.8.0 (Temurin 17.0.12): the image decides',
      files: {
        Dockerfile: 'FROM eclipse-temurin:8u252-b09-jdk\n',
        'docker-compose.yml':
          'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.8.0\n    volumes:\n      - ./config/server.properties:/etc/kafka/server.properties\n',
        'config/server.properties': 'broker.id=1\nlisteners=SSL://:9093\nssl.enabled.protocols=TLSv1.2,TLSv1\n',
      },
      errors: [
        {
          messageId: 'someDisabled',
          file: 'config/server.properties',
          line: 3,
          messageIncludes: ['17.0.12'],
          related: [{ file: 'docker-compose.yml', line: 3 }],
        },
      ],
    },
    {
      name: 'Spring Kafka clients enabling TLSv1 through spring.kafka.properties, on eclipse-temurin:17',
      files: {
        'app/Dockerfile': 'FROM eclipse-temurin:17\n',
        'app/src/main/resources/application.properties':
          'spring.application.name=orders\nspring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.enabled.protocols=TLSv1.3,TLSv1\n',
      },
      errors: [
        {
          messageId: 'someDisabled',
          file: 'app/src/main/resources/application.properties',
          line: 3,
          messageIncludes: ['spring.kafka.properties.ssl.enabled.protocols of Kafka clients of'],
        },
      ],
    },
  ],
});
