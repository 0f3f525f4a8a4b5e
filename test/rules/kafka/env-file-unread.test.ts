import rule from '../../../src/rules/kafka/env-file-unread';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Kafka service's `env_file:` the tree does not hold (src/model/kafka-protocols.ts kafkaServiceVariables): the TLS
 * settings it may set are unknown, an info at the Compose line naming it. An optional one (`required: false`, Compose
 * 2.24.0+) is left out as Compose leaves it out (https://docs.docker.com/reference/compose-file/services/#env_file).
 */
const service = (image: string, envFile: string[]) => ({
  'docker-compose.yml': [
    'services:',
    '  kafka:',
    `    image: ${image}`,
    ...envFile.map((line) => `    ${line}`),
    '    environment:',
    '      KAFKA_ADVERTISED_LISTENERS: SSL://kafka:9093',
    '',
  ].join('\n'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'the env file is in the tree: read',
      files: {
        ...service('confluentinc/cp-kafka:7.6.0', ['env_file: broker.env']),
        'broker.env': 'KAFKA_BROKER_ID=1\n',
      },
    },
    {
      name: 'an optional env file the tree lacks: Compose leaves it out, as the check does',
      files: service('confluentinc/cp-kafka:7.6.0', ['env_file:', '  - path: local.env', '    required: false']),
    },
    {
      name: 'a service of another image: not a Kafka service',
      files: service('postgres:16', ['env_file: db.env']),
    },
  ],
  invalid: [
    {
      // rwlxxvii/containers' data/kafka/docker-compose.yml: an x- anchor's env_file .env merged into three services.
      name: 'one missing env_file item an anchor gives two Kafka services: one info naming both',
      files: {
        'docker-compose.yml': [
          'x-common: &common',
          '  env_file:',
          '    - .env',
          'services:',
          '  kafka1:',
          '    <<: *common',
          '    image: confluentinc/cp-kafka:7.6.0',
          '  connect:',
          '    <<: *common',
          '    image: confluentinc/cp-kafka-connect:7.6.0',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'notInTreeShared',
          file: 'docker-compose.yml',
          line: 3,
          severity: 'info',
          messageIncludes: ['service kafka1) and Kafka Connect worker'],
        },
      ],
    },
    {
      name: "a broker's required env file the tree lacks (a secrets file kept out of the repository): an info",
      files: service('confluentinc/cp-kafka:7.6.0', ['env_file: secrets/broker.env']),
      errors: [{ messageId: 'notInTree', file: 'docker-compose.yml', line: 4, severity: 'info' }],
    },
    {
      name: 'the list form: each missing file said, the one held read',
      files: {
        ...service('bitnami/kafka:3.7', ['env_file:', '  - common.env', '  - path: kafka.env', '    required: true']),
        'common.env': 'KAFKA_CFG_NODE_ID=0\n',
      },
      errors: [{ messageId: 'notInTree', file: 'docker-compose.yml', line: 6, severity: 'info' }],
    },
    {
      name: 'an anchor env_file a variable names, merged into two brokers: one info naming both',
      files: {
        'docker-compose.yml':
          'x-common: &common\n  env_file: ./${STAGE}.env\nservices:\n  kafka1:\n    <<: *common\n    image: confluentinc/cp-kafka:7.6.0\n  kafka2:\n    <<: *common\n    image: confluentinc/cp-kafka:7.6.0\n',
      },
      errors: [{ messageId: 'variablePathShared', file: 'docker-compose.yml', line: 2, severity: 'info' }],
    },
    {
      name: "Schema Registry's env file a variable names: which file is known only when Compose runs",
      files: service('confluentinc/cp-schema-registry:7.6.0', ['env_file: ./${ENVIRONMENT}.env']),
      errors: [{ messageId: 'variablePath', file: 'docker-compose.yml', line: 4, severity: 'info' }],
    },
  ],
});
