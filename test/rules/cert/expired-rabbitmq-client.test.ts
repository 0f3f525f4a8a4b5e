import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Spring Boot app's RabbitMQ key store (`spring.rabbitmq.ssl.key-store`, src/model/spring-rabbit-end.ts) is a client's
 * own certificate: sent only to a broker that asks for one (RabbitMQ's ssl_options.verify = verify_peer), which the model
 * does not read yet, so an expired one is a warning saying so (sweep54 JUDGED.md §6b, azeerman/oms-amqps: an info saying
 * no setting names the store). Where the connection speaks no TLS, Spring AMQP reads no store: the store is unnamed.
 * key.jks (generated fixture): a key entry whose leaf and CA are both expired at the reference date.
 */
const key = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const options = { referenceDate: '2047-01-01' };
const PROPS = 'app/src/main/resources/application.properties';
const STORE = 'app/src/main/resources/client.jks';

const app = (...lines: string[]) => ({
  [STORE]: key,
  [PROPS]: ['spring.application.name=orders', ...lines, ''].join('\n'),
});
const KEY_STORE = ['spring.rabbitmq.ssl.key-store=client.jks', 'spring.rabbitmq.ssl.key-store-type=JKS'];
const onKey = (messageId: string, severity: 'warning' | 'info', messageIncludes: string[] = []) => [
  { messageId, file: STORE, line: 1, severity, messageIncludes },
];

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'ssl.enabled=true and a bare key store name (a class path resource): whether the broker asks is unknown',
      files: app('spring.rabbitmq.host=rabbit', 'spring.rabbitmq.ssl.enabled=true', ...KEY_STORE),
      options,
      errors: onKey('expiredClientKeyStoreUnasked', 'warning', [
        'RabbitMQ client of Java application orders (app)',
        'the RabbitMQ broker it connects to (rabbit)',
        'ssl_options.verify verify_peer',
      ]),
    },
    {
      name: "TLS turned on by an amqps:// address, the key store given as classpath: with the addresses' hosts",
      files: app(
        'spring.rabbitmq.addresses=amqps://app:secret@rabbit-1:5671,rabbit-2:5671',
        'spring.rabbitmq.ssl.key-store=classpath:client.jks',
        'spring.rabbitmq.ssl.key-store-type=JKS',
      ),
      options,
      errors: onKey('expiredClientKeyStoreUnasked', 'warning', ['(rabbit-1, rabbit-2)']),
    },
    {
      name: 'hosts written with a placeholder: the broker is named without them',
      files: app('spring.rabbitmq.host=${RABBIT_HOST}', 'spring.rabbitmq.ssl.enabled=true', ...KEY_STORE),
      options,
      errors: onKey('expiredClientKeyStoreUnasked', 'warning', ['whether the RabbitMQ broker it connects to asks']),
    },
    {
      name: 'TLS off (no ssl.enabled, no amqps:// address): no store is read, the store is unnamed (info)',
      files: app('spring.rabbitmq.host=rabbit', ...KEY_STORE),
      options,
      errors: onKey('expiredUnnamedBundle', 'info'),
    },
    {
      name: 'an amqp:// first address turns TLS off from 2.3 (release unknown): not told as a client end',
      files: app('spring.rabbitmq.addresses=amqp://rabbit:5672', 'spring.rabbitmq.ssl.enabled=true', ...KEY_STORE),
      options,
      errors: onKey('expiredUnnamedBundle', 'info'),
    },
  ],
});
