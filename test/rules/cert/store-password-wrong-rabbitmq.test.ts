import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/store-password-wrong';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Spring Boot app's RabbitMQ key store loaded with a password that fails its check: Spring AMQP's
 * RabbitConnectionFactoryBean.configureKeyManagers loads it with spring.rabbitmq.ssl.key-store-password, so the
 * connection factory is not created. Told as an end of the model (src/model/spring-rabbit-end.ts), not as a setting
 * no component reads. key.p12: keytool-made, store password Pk12-planted-Zq9 (test/helpers/keystores.ts).
 */
const STORES = path.resolve(__dirname, '../../fixtures/keystores/generated');
const PROPS = 'app/src/main/resources/application.properties';
const app = (...lines: string[]) => ({
  'app/src/main/resources/key.p12': fs.readFileSync(path.join(STORES, 'key.p12')),
  [PROPS]: ['spring.application.name=orders', ...lines, ''].join('\n'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'the right password',
      files: app(
        'spring.rabbitmq.ssl.enabled=true',
        'spring.rabbitmq.ssl.key-store=classpath:key.p12',
        'spring.rabbitmq.ssl.key-store-password=Pk12-planted-Zq9',
      ),
    },
    {
      // Spring Boot binds SPRING_RABBITMQ_SSL_KEY_STORE_PASSWORD over the files: the container runs with the right one.
      name: "the Compose service's env file sets the right password over the file's wrong one",
      files: {
        ...app(
          'spring.rabbitmq.ssl.enabled=true',
          'spring.rabbitmq.ssl.key-store=classpath:key.p12',
          'spring.rabbitmq.ssl.key-store-password=wrong',
        ),
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'compose.yaml': 'services:\n  orders:\n    build: ./app\n    env_file: orders.env\n',
        'orders.env': 'SPRING_RABBITMQ_SSL_KEY_STORE_PASSWORD=Pk12-planted-Zq9\n',
      },
    },
    {
      // The run's password, unknown to the tree, is the one the store is loaded with: the file's is not judged.
      name: "the Compose service sets the password from a variable only the run knows, over the file's wrong one",
      files: {
        ...app(
          'spring.rabbitmq.ssl.enabled=true',
          'spring.rabbitmq.ssl.key-store=classpath:key.p12',
          'spring.rabbitmq.ssl.key-store-password=wrong',
        ),
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'compose.yaml':
          'services:\n  orders:\n    build: ./app\n    environment:\n      SPRING_RABBITMQ_SSL_KEY_STORE_PASSWORD: ${KS_PASSWORD}\n',
      },
    },
    {
      name: "the same for a Spring Kafka client's key store",
      files: {
        'app/src/main/resources/key.p12': fs.readFileSync(path.join(STORES, 'key.p12')),
        [PROPS]:
          'spring.kafka.bootstrap-servers=kafka:9093\nspring.kafka.security.protocol=SSL\nspring.kafka.ssl.key-store-location=classpath:key.p12\nspring.kafka.ssl.key-store-password=wrong\n',
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'compose.yaml':
          'services:\n  orders:\n    build: ./app\n    environment:\n      SPRING_KAFKA_SSL_KEY_STORE_PASSWORD: ${KS_PASSWORD}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'a wrong key-store-password of a TLS connection: the client that loads it fails',
      files: app(
        'spring.rabbitmq.ssl.enabled=true',
        'spring.rabbitmq.ssl.key-store=classpath:key.p12',
        'spring.rabbitmq.ssl.key-store-password=wrong',
      ),
      errors: [
        {
          messageId: 'wrong',
          file: PROPS,
          line: 4,
          messageIncludes: ['the component does not start what uses it'],
          messageExcludes: ['no component lint-deploy models names the store'],
        },
      ],
    },
    {
      name: 'TLS off: the store is not loaded by the connection, so no modelled client names it',
      files: app('spring.rabbitmq.ssl.key-store=classpath:key.p12', 'spring.rabbitmq.ssl.key-store-password=wrong'),
      errors: [
        {
          messageId: 'wrong',
          file: PROPS,
          line: 3,
          messageIncludes: ['no component lint-deploy models names the store'],
        },
      ],
    },
  ],
});
