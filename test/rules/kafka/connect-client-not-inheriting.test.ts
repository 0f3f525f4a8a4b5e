import rule from '../../../src/rules/kafka/connect-client-not-inheriting';
import { ruleTester } from '../../helpers/rule-tester';

// A Connect worker's task clients read only producer.* / consumer.* (apache/kafka 3.8.0 Worker.baseProducerConfigs,
// baseConsumerConfigs). The worker file is connect-distributed.properties as Kafka ships it, with TLS added.
const WORKER =
  'bootstrap.servers=kafka:9093\ngroup.id=connect-cluster\nkey.converter=org.apache.kafka.connect.json.JsonConverter\nconfig.storage.topic=connect-configs\noffset.storage.topic=connect-offsets\n';
const worker = (tls: string) => ({ 'config/connect-distributed.properties': WORKER + tls });
const TLS = 'security.protocol=SSL\nssl.truststore.location=/var/ssl/connect.truststore.jks\n';
const connect = (environment: string[]) => ({
  'docker-compose.yml': [
    'services:',
    '  connect:',
    '    image: confluentinc/cp-kafka-connect:7.6.0',
    '    environment:',
    '      CONNECT_BOOTSTRAP_SERVERS: kafka:9093',
    '      CONNECT_GROUP_ID: connect',
    ...environment.map((line) => `      ${line}`),
    '',
  ].join('\n'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'the producers and consumers get TLS and the trust store of their own',
      files: worker(
        TLS +
          'producer.security.protocol=SSL\nproducer.ssl.truststore.location=/var/ssl/connect.truststore.jks\nconsumer.security.protocol=SSL\nconsumer.ssl.truststore.location=/var/ssl/connect.truststore.jks\n',
      ),
    },
    {
      // The form sink connectors' guides give (Splunk, Snowflake): only consumer.* set apart, producers unused.
      name: 'a sink-only worker: only its consumers set apart, its producers taken as unused',
      files: worker(TLS + 'consumer.security.protocol=SSL\nconsumer.ssl.truststore.location=/var/ssl/c.jks\n'),
    },
    {
      name: 'a worker in PLAINTEXT (the default): nothing to inherit',
      files: worker('ssl.truststore.location=/t.jks\n'),
    },
    {
      // Their own bootstrap servers may be another listener: which protocol it speaks is unknown.
      name: 'clients sent to bootstrap servers of their own',
      files: worker(TLS + 'producer.bootstrap.servers=kafka:9092\nconsumer.bootstrap.servers=kafka:9092\n'),
    },
    {
      name: 'clients set to PLAINTEXT on purpose, or with PEM certificates of their own',
      files: worker(
        TLS +
          'producer.security.protocol=PLAINTEXT\nconsumer.security.protocol=SSL\nconsumer.ssl.truststore.certificates=-----BEGIN CERTIFICATE-----\n',
      ),
    },
    {
      name: 'a Kafka client file (no worker settings) is not a worker',
      files: { 'client.properties': 'bootstrap.servers=kafka:9093\n' + TLS },
    },
    {
      name: 'a Compose worker whose producers are set apart (cp-demo sets both)',
      files: connect([
        'CONNECT_SECURITY_PROTOCOL: SSL',
        'CONNECT_PRODUCER_SECURITY_PROTOCOL: SSL',
        'CONNECT_CONSUMER_SECURITY_PROTOCOL: SSL',
      ]),
    },
  ],
  invalid: [
    {
      name: 'a worker speaking SSL alone: its producers and consumers speak PLAINTEXT (one warning at its security.protocol)',
      files: worker(TLS),
      errors: [
        {
          messageId: 'plaintext',
          file: 'config/connect-distributed.properties',
          line: 6,
          messageIncludes: ['Set producer.security.protocol=SSL and consumer.security.protocol=SSL'],
          related: [],
        },
      ],
    },
    {
      name: 'producers made TLS without the trust store and key store the worker names',
      files: worker(
        TLS +
          'ssl.keystore.location=/var/ssl/connect.keystore.jks\nproducer.security.protocol=SASL_SSL\nconsumer.security.protocol=SSL\nconsumer.ssl.truststore.location=/var/ssl/c.jks\nconsumer.ssl.keystore.location=/var/ssl/c.jks\n',
      ),
      errors: [
        {
          messageId: 'noKeyStore',
          file: 'config/connect-distributed.properties',
          line: 9,
          messageIncludes: ['Set producer.ssl.keystore.location'],
          related: [{ file: 'config/connect-distributed.properties', line: 8 }],
        },
        {
          messageId: 'noTrustStore',
          file: 'config/connect-distributed.properties',
          line: 9,
          related: [{ file: 'config/connect-distributed.properties', line: 7 }],
        },
      ],
    },
    {
      // cp-kafka-connect writes every CONNECT_* variable into the worker's properties (kafka-connect.properties.template).
      name: 'a Compose worker of cp-kafka-connect: the variables to add are named as the image reads them',
      files: connect(['CONNECT_SECURITY_PROTOCOL: SASL_SSL']),
      errors: [
        {
          messageId: 'plaintext',
          file: 'docker-compose.yml',
          line: 7,
          messageIncludes: [
            'Set CONNECT_PRODUCER_SECURITY_PROTOCOL=SASL_SSL and CONNECT_CONSUMER_SECURITY_PROTOCOL=SASL_SSL',
          ],
        },
      ],
    },
  ],
});
