import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * The brokers a Kafka Connect worker's task clients reach decide the verdict on their expired key store
 * (src/rules/cert/_lib/client-key-store.ts): its source tasks' producers and sink tasks' consumers start from the
 * worker's own bootstrap.servers, which `producer.bootstrap.servers` (`consumer.…`) replaces (src/model/kafka-connect.ts;
 * apache/kafka@3.8.0 Worker.baseProducerConfigs). They were taken to reach every broker of the tree. Two Compose
 * projects, as confluentinc/examples' replicator-security lays them out: `app` runs the worker and a broker `kafka`,
 * `lab` another broker. key.jks: a key entry expired at the reference date.
 */
const key = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const options = { referenceDate: '2047-01-01' };

/** A Compose broker with a TLS listener advertised as `host`, and its KAFKA_SSL_CLIENT_AUTH when given. */
const broker = (service: string, host: string, clientAuth?: string) => [
  `  ${service}:`,
  '    image: confluentinc/cp-server:7.6.0',
  `    hostname: ${host}`,
  '    environment:',
  '      KAFKA_LISTENERS: SSL://0.0.0.0:9093',
  `      KAFKA_ADVERTISED_LISTENERS: SSL://${host}:9093`,
  ...(clientAuth ? [`      KAFKA_SSL_CLIENT_AUTH: ${clientAuth}`] : []),
];
/** A Connect worker of Confluent's image reaching kafka, whose task clients (`client`) use the mounted key.jks. */
const worker = (client: 'PRODUCER' | 'CONSUMER', variables: string[] = []) => [
  '  connect:',
  '    image: confluentinc/cp-kafka-connect:7.6.0',
  '    volumes:',
  '      - ./secrets:/etc/kafka/secrets',
  '    environment:',
  '      CONNECT_BOOTSTRAP_SERVERS: kafka:9093',
  '      CONNECT_GROUP_ID: connect',
  '      CONNECT_CONFIG_STORAGE_TOPIC: connect-configs',
  `      CONNECT_${client}_SECURITY_PROTOCOL: SSL`,
  `      CONNECT_${client}_SSL_KEYSTORE_LOCATION: /etc/kafka/secrets/key.jks`,
  ...variables.map((v) => `      ${v}`),
];
const compose = (...services: string[][]) => ['services:', ...services.flat(), ''].join('\n');

const onKey = (messageId: string, severity: 'error' | 'warning' | 'info') => [
  { messageId, file: 'app/secrets/key.jks', line: 1, severity },
];
const NEVER_SENT = ['expiredClientKeyStoreNeverSent', 'info'] as const;
const ASKED = ['expired', 'error'] as const;

ruleTester(rule, {
  valid: [],
  invalid: [
    ...(
      [
        [
          "the producers reach the worker's kafka, which asks for none; lab's kafka-lab requires (info; was a warning)",
          [undefined, worker('PRODUCER')],
          ['kafka-lab', 'required'],
          NEVER_SENT,
        ],
        [
          "the consumers likewise reach the worker's kafka only (info; was a warning)",
          [undefined, worker('CONSUMER')],
          ['kafka-lab', 'required'],
          NEVER_SENT,
        ],
        [
          "the worker's kafka requires client certificates, lab's asks for none (error; was a warning)",
          ['required', worker('PRODUCER')],
          ['kafka-lab', undefined],
          ASKED,
        ],
        [
          "CONNECT_PRODUCER_BOOTSTRAP_SERVERS replaces the worker's: the producers reach kafka-lab, which requires (error)",
          [undefined, worker('PRODUCER', ['CONNECT_PRODUCER_BOOTSTRAP_SERVERS: kafka-lab:9093'])],
          ['kafka-lab', 'required'],
          ASKED,
        ],
        [
          'CONNECT_CONSUMER_BOOTSTRAP_SERVERS given at run time: which brokers is unknown (warning)',
          [undefined, worker('CONSUMER', ['CONNECT_CONSUMER_BOOTSTRAP_SERVERS: ${BROKERS}'])],
          ['kafka-lab', 'required'],
          ['expiredClientKeyStoreUnasked', 'warning'],
        ],
        [
          "both projects run a broker kafka; the producers reach their own Compose project's, which asks for none (info; was a warning)",
          [undefined, worker('PRODUCER')],
          ['kafka', 'required'],
          NEVER_SENT,
        ],
        [
          'both projects run a broker kafka, neither asking: whichever the producers reach asks for none (info; was a warning)',
          ['none', worker('PRODUCER')],
          ['kafka', undefined],
          NEVER_SENT,
        ],
      ] as const
    ).map(([name, [appAuth, connect], [labHost, labAuth], [messageId, severity]]) => ({
      name,
      files: {
        'app/docker-compose.yml': compose(broker('kafka', 'kafka', appAuth), connect),
        'app/secrets/key.jks': key,
        'lab/docker-compose.yml': compose(broker(labHost, labHost, labAuth)),
      },
      options,
      errors: onKey(messageId, severity),
    })),
    {
      name: "a connect-distributed.properties worker: its producers reach its bootstrap servers' kafka, which asks for none (info)",
      files: {
        'app/docker-compose.yml': compose(broker('kafka', 'kafka'), broker('kafka-lab', 'kafka-lab', 'required')),
        'app/secrets/key.jks': key,
        'app/connect-distributed.properties': [
          'bootstrap.servers=kafka:9093',
          'group.id=connect',
          'config.storage.topic=connect-configs',
          'producer.security.protocol=SSL',
          'producer.ssl.keystore.location=secrets/key.jks',
          '',
        ].join('\n'),
      },
      options,
      errors: onKey('expiredClientKeyStoreNeverSent', 'info'),
    },
  ],
});
