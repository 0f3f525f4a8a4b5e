import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Confluent images' `<COMPONENT>_SSL_*_CREDENTIALS` variables. The Kafka images read the store password from the file
 * they name; Schema Registry's image turns SCHEMA_REGISTRY_* into properties, and `ssl.key.credentials` is no setting
 * of it. The real case: albenakoteva/kafka-poc@e1bef26b (none) docker-compose-ssl.yml gives its schema-registry
 * service the broker's credentials file names (three false plaintext-secret warnings in the session-61 sweep).
 */
const COMPOSE = [
  'services:',
  '  broker:',
  '    image: confluentinc/cp-kafka:7.8.0',
  '    environment:',
  '      KAFKA_SSL_KEYSTORE_CREDENTIALS: broker_ks_creds',
  '      KAFKA_SSL_KEY_CREDENTIALS: broker_key_creds',
  '  registry:',
  '    image: confluentinc/cp-schema-registry:7.8.0',
  '    environment:',
  "      SCHEMA_REGISTRY_SSL_KEYSTORE_CREDENTIALS: 'broker_ks_creds'",
  "      SCHEMA_REGISTRY_SSL_TRUSTSTORE_CREDENTIALS: 'broker_ks_creds'",
  "      SCHEMA_REGISTRY_SSL_KEY_CREDENTIALS: 'broker_key_creds'",
  '      SCHEMA_REGISTRY_KAFKASTORE_SSL_KEYSTORE_CREDENTIALS: registry_creds',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: "a Schema Registry service's *_SSL_*_CREDENTIALS name a file, as the broker's do: no password",
      files: { 'docker-compose.yml': COMPOSE },
    },
  ],
  invalid: [
    {
      name: "the same component's *_SSL_*_PASSWORD holds the password itself",
      files: {
        'docker-compose.yml': COMPOSE + '      SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD: Registry-Plain-4\n',
      },
      errors: [{ messageId: 'plaintext', file: 'docker-compose.yml', line: 14 }],
    },
    {
      // The exemption is the Confluent `_SSL_<store>_CREDENTIALS` shape only, not any key ending in CREDENTIALS.
      name: 'a credentials variable of another shape is judged by its value',
      files: {
        'docker-compose.yml':
          'services:\n  app:\n    image: example/app:1\n    environment:\n      APP_DB_CREDENTIALS: Db-Plain-77\n',
      },
      errors: [{ messageId: 'plaintext', file: 'docker-compose.yml', line: 5 }],
    },
  ],
});
