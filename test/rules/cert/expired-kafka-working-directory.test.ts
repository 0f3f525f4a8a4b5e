import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A wurstmeister/kafka broker whose KAFKA_SSL_KEYSTORE_LOCATION is relative (src/model/kafka-brokers.ts): Kafka opens it
 * from the broker's working directory, `/`, as the image sets no WORKDIR and start-kafka.sh execs kafka-server-start.sh
 * without changing directory (wurstmeister/kafka-docker@901c084). Shaped like ivanwakeup/kafka-ssl-example@1fda0d0 (no
 * licence file) docker-compose.yml: `./stores:/etc/` and `KAFKA_SSL_KEYSTORE_LOCATION: etc/kafka.server.keystore.jks`.
 * key.jks (generated fixture) holds a leaf and its CA, both expired at the reference date.
 */
const kafkaKey = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const broker = (more: string[] = []) => ({
  'stores/key.jks': kafkaKey,
  'docker-compose.yml': [
    'services:',
    '  kafka:',
    '    image: wurstmeister/kafka:2.11-2.0.0',
    '    volumes:',
    '      - ./stores:/etc/',
    ...more,
    '    environment:',
    '      KAFKA_LISTENERS: PLAINTEXT://kafka:9092, SSL://kafka:9093',
    '      KAFKA_SSL_KEYSTORE_LOCATION: etc/key.jks',
    '',
  ].join('\n'),
});
/** key.jks's leaf and CA, each an error naming the broker's KAFKA_SSL_KEYSTORE_LOCATION line. */
const brokerKey = (line: number) => {
  const related = [{ file: 'docker-compose.yml', line }];
  return [
    {
      messageId: 'expired',
      file: 'stores/key.jks',
      line: 1,
      related: [...related, { file: 'stores/key.jks', line: 1 }],
    },
  ];
};

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "a relative location opens from the image's working directory, /: the mounted store is the broker's (errors)",
      files: broker(),
      options: { referenceDate: '2047-01-01' },
      errors: brokerKey(8),
    },
    {
      name: "the service's own working_dir: the location opens there",
      files: broker(['    working_dir: /']),
      options: { referenceDate: '2047-01-01' },
      errors: brokerKey(9),
    },
    {
      // A working_dir elsewhere puts the store at /opt/etc/key.jks, which no mount fills: the broker's store is unknown.
      name: 'a working_dir no mount fills below: the store is named by nothing the tree places (info)',
      files: broker(['    working_dir: /opt']),
      options: { referenceDate: '2047-01-01' },
      errors: [{ messageId: 'expiredUnnamedBundle', file: 'stores/key.jks', line: 1, severity: 'info' }],
    },
  ],
});
