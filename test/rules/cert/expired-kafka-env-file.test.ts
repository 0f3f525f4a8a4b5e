import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Kafka services whose settings come from a Compose `env_file:` (src/parse/compose-service-variables.ts): the env files
 * in order, a later one overriding an earlier one, then `environment:` over them all
 * (https://docs.docker.com/reference/compose-file/services/#env_file). Shaped like son13425/kafka-ssl@9f3b2a4 (no
 * licence file: `env_file: .env.kafka`) and cp-all-in-one's variants. key.jks (generated fixture) holds a leaf and its
 * CA, both expired at the reference date; the finding names the line that names the store, in its own file.
 */
const kafkaKey = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const SSL_BROKER = [
  'KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://broker:9092,SSL://broker:9093',
  '# the store and its password file, under /etc/kafka/secrets',
  'KAFKA_SSL_KEYSTORE_FILENAME=kafka.keystore.jks',
  'KAFKA_SSL_KEYSTORE_CREDENTIALS=credentials.txt',
].join('\n');
/** A cp-kafka broker with ./secrets on /etc/kafka/secrets, these `env_file:` lines and `environment:` lines. */
const broker = (envFile: string[], environment: string[] = [], files: Record<string, string> = {}) => ({
  'docker-compose.yml': [
    'services:',
    '  broker:',
    '    image: confluentinc/cp-kafka:7.6.0',
    ...envFile.map((line) => `    ${line}`),
    ...(environment.length > 0 ? ['    environment:', ...environment.map((line) => `      ${line}`)] : []),
    '    volumes:',
    '      - ./secrets:/etc/kafka/secrets',
    '',
  ].join('\n'),
  'secrets/kafka.keystore.jks': kafkaKey,
  ...files,
});
/**
 * key.jks's leaf (naming its expired CA), an error naming the line that names the store, then the other places that
 * decide it: the mount (line 8 or 10) where the setting is an env file's, and the TLS listener where it is another file's.
 */
const brokerKey = (file: string, line: number, more: { file: string; line: number }[] = []) => [
  {
    messageId: 'expired',
    file: 'secrets/kafka.keystore.jks',
    line: 1,
    severity: 'error' as const,
    related: [{ file, line }, ...more, { file: 'secrets/kafka.keystore.jks', line: 1 }],
  },
];
const unnamed = [
  { messageId: 'expiredUnnamedBundle', file: 'secrets/kafka.keystore.jks', line: 1, severity: 'info' as const },
];

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'a broker whose TLS settings are all in its env_file: the store is its, an error at the env file line',
      files: broker(['env_file: broker.env'], [], { 'broker.env': SSL_BROKER }),
      options: { referenceDate: '2047-01-01' },
      errors: brokerKey('broker.env', 3, [{ file: 'docker-compose.yml', line: 6 }]),
    },
    {
      name: 'the list form, the files in a directory of their own: read in order',
      files: broker(['env_file:', '  - ./env/common.env', '  - ./env/broker.env'], [], {
        'env/common.env': 'KAFKA_BROKER_ID=1\n',
        'env/broker.env': SSL_BROKER,
      }),
      options: { referenceDate: '2047-01-01' },
      errors: brokerKey('env/broker.env', 3, [{ file: 'docker-compose.yml', line: 8 }]),
    },
    {
      name: 'a later env file overrides an earlier one: the later names the store',
      files: broker(['env_file:', '  - common.env', '  - broker.env'], [], {
        'common.env': `${SSL_BROKER.replace('kafka.keystore.jks', 'old.keystore.jks')}\n`,
        'broker.env': 'KAFKA_SSL_KEYSTORE_FILENAME="kafka.keystore.jks"\n',
      }),
      options: { referenceDate: '2047-01-01' },
      errors: brokerKey('broker.env', 1, [
        { file: 'docker-compose.yml', line: 8 },
        { file: 'common.env', line: 1 },
      ]),
    },
    {
      name: 'the long form (path, required: Compose 2.24.0+)',
      files: broker(['env_file:', '  - path: broker.env', '    required: true'], [], { 'broker.env': SSL_BROKER }),
      options: { referenceDate: '2047-01-01' },
      errors: brokerKey('broker.env', 3, [{ file: 'docker-compose.yml', line: 8 }]),
    },
    {
      name: "environment: overrides the env file: the store it names is the broker's, at the Compose line",
      files: broker(['env_file: broker.env'], ['KAFKA_SSL_KEYSTORE_FILENAME: kafka.keystore.jks'], {
        'broker.env': SSL_BROKER.replace('kafka.keystore.jks', 'old.keystore.jks'),
      }),
      options: { referenceDate: '2047-01-01' },
      errors: brokerKey('docker-compose.yml', 6, [{ file: 'broker.env', line: 1 }]),
    },
    {
      // The env file's store is overridden by one the tree does not hold: the mounted store is named by nothing.
      name: "environment: names another store than the env file's: the tree's store is not the broker's (info)",
      files: broker(['env_file: broker.env'], ['KAFKA_SSL_KEYSTORE_FILENAME: other.keystore.jks'], {
        'broker.env': SSL_BROKER,
      }),
      options: { referenceDate: '2047-01-01' },
      errors: unnamed,
    },
    {
      // `- NAME` takes the shell's value (compose-go MappingWithEquals): unknown, not the env file's.
      name: "environment: takes the variable from the shell: the env file's value is not the broker's (info)",
      files: broker(['env_file: broker.env'], ['- KAFKA_SSL_KEYSTORE_FILENAME'], { 'broker.env': SSL_BROKER }),
      options: { referenceDate: '2047-01-01' },
      errors: unnamed,
    },
    {
      // son13425/kafka-ssl's Schema Registry reads its SASL_SSL store client settings from `.env.kafka`.
      name: "Schema Registry's store client configured in its env_file: its key store, an error at the env file line",
      files: {
        'docker-compose.yml': [
          'services:',
          '  schema-registry:',
          '    image: confluentinc/cp-schema-registry:7.6.0',
          '    env_file: .env.kafka',
          '    volumes:',
          '      - ./secrets:/etc/schema-registry/secrets',
          '',
        ].join('\n'),
        '.env.kafka': [
          'SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS=SASL_SSL://broker:9093',
          'SCHEMA_REGISTRY_KAFKASTORE_SECURITY_PROTOCOL=SASL_SSL',
          'SCHEMA_REGISTRY_KAFKASTORE_SSL_KEYSTORE_LOCATION=/etc/schema-registry/secrets/kafka.keystore.jks',
          '',
        ].join('\n'),
        'secrets/kafka.keystore.jks': kafkaKey,
      },
      options: { referenceDate: '2047-01-01' },
      // Its store client's key store goes only to a broker that asks for a certificate, and no broker is in the tree.
      errors: [
        {
          messageId: 'expiredClientKeyStoreUnasked',
          file: 'secrets/kafka.keystore.jks',
          line: 1,
          severity: 'warning' as const,
        },
      ],
    },
  ],
});
