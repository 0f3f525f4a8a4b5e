import rule from '../../../src/rules/kafka/placeholder-not-expanded';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * m-stojanovic/kafka-zk-cluster-docker-ssl@452e791 secrets/host.consumer.ssl.config: a console consumer's
 * --consumer.config, copied into the brokers' /etc/kafka/secrets by cp.sh as it is.
 */
const HOST_CONSUMER = [
  'group.id=ssl-host',
  'ssl.truststore.location=/etc/kafka/secrets/kafka.consumer.truststore.jks',
  'ssl.truststore.password="${KAFKA_SSL_PASSWORD}"',
  '',
  'ssl.keystore.location=/etc/kafka/secrets/kafka.consumer.keystore.jks',
  'ssl.keystore.password="${KAFKA_SSL_PASSWORD}"',
  '',
  'ssl.key.password="${KAFKA_SSL_PASSWORD}"',
  'security.protocol=SSL',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: "a config provider's reference: Kafka replaces it",
      files: {
        'client.properties':
          'config.providers=file\nconfig.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider\nsecurity.protocol=SSL\nssl.keystore.location=/etc/kafka/client.keystore.jks\nssl.keystore.password=${file:/etc/kafka/secrets.properties:keystore-password}\n',
      },
    },
    {
      name: 'a file named as a template is rendered first',
      files: {
        'client.properties.template':
          'security.protocol=SSL\nssl.keystore.location=/etc/kafka/client.keystore.jks\nssl.keystore.password=${KEYSTORE_PASSWORD}\n',
      },
    },
    {
      name: 'a script of the tree renders the file with envsubst',
      files: {
        'kafka/client.properties':
          'security.protocol=SSL\nssl.truststore.location=/etc/kafka/client.truststore.jks\nssl.truststore.password=${TRUSTSTORE_PASSWORD}\n',
        'kafka/entrypoint.sh':
          '#!/bin/sh\nenvsubst < /opt/client.properties > /etc/kafka/client.properties\nexec kafka-console-consumer --consumer.config /etc/kafka/client.properties "$@"\n',
      },
    },
    {
      // Dwijad/Dockerize-Kafka-Connect@ea2a3c0 script/start.sh: the shell expands an unquoted here-document.
      name: 'a file a start script writes with a here-document',
      files: {
        'script/start.sh':
          '#!/bin/bash\nKAFKA_HOME=/u01/cnfkfk\ncat << EOF > $KAFKA_HOME/etc/kafka/connect-distributed.properties\nbootstrap.servers=${BOOTSTRAP_SERVERS:-kafka:9092}\nsecurity.protocol=SSL\nssl.truststore.location=${TRUSTSTORE:-/etc/kafka/truststore.jks}\nEOF\n',
      },
    },
    {
      // avocado51/kafka@c38adaf tests/kafkatest/services/kafka/templates/kafka.properties: ducktape renders it with Jinja.
      name: 'a Jinja template under a name Kafka reads',
      files: {
        'templates/kafka.properties':
          '{% if security_protocol %}\nsecurity.protocol={{ security_protocol }}\n{% endif %}\nssl.keystore.location=${KEYSTORE}\nlisteners={{ listeners }}\n',
      },
    },
    {
      name: "Spring Boot's own placeholders are Spring's to resolve",
      files: {
        'src/main/resources/application.properties':
          'spring.kafka.security.protocol=SSL\nspring.kafka.ssl.key-store-password=${KAFKA_PASSWORD}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a client file with quoted placeholders as its store and key passwords',
      files: { 'secrets/host.consumer.ssl.config': HOST_CONSUMER },
      errors: [
        {
          messageId: 'literal',
          file: 'secrets/host.consumer.ssl.config',
          line: 3,
          messageIncludes: [
            'holds ${KAFKA_SSL_PASSWORD}',
            'keystore password was incorrect',
            '${env:KAFKA_SSL_PASSWORD}',
          ],
        },
        { messageId: 'literal', file: 'secrets/host.consumer.ssl.config', line: 6 },
        {
          messageId: 'literal',
          file: 'secrets/host.consumer.ssl.config',
          line: 8,
          messageIncludes: ['Cannot recover key'],
        },
      ],
    },
    {
      name: 'a broker list and a store location written as placeholders',
      files: {
        'client-ssl.properties':
          'bootstrap.servers=${KAFKA_HOST}:9093\nsecurity.protocol=SSL\nssl.truststore.location=${TRUSTSTORE_PATH}\n',
      },
      errors: [
        {
          messageId: 'literal',
          file: 'client-ssl.properties',
          line: 1,
          messageIncludes: ['it uses that text as the value', 'write the value'],
        },
        { messageId: 'literal', file: 'client-ssl.properties', line: 3, messageIncludes: ['NoSuchFileException'] },
      ],
    },
  ],
});
