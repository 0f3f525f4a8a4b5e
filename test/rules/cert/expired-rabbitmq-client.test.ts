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

/**
 * The broker the app reaches, read from its rabbitmq.conf or classic rabbitmq.config (src/model/rabbitmq-brokers.ts):
 * `ssl_options.verify = verify_peer` asks every client for its certificate, which an expired one fails (an error); a
 * broker that asks for none never sees it (an info); a value only the run knows leaves it unknown (the warning).
 */
const COMPOSE = [
  'services:',
  '  rabbit:',
  '    image: rabbitmq:3.13-management',
  '    volumes:',
  '      - ./broker:/etc/rabbitmq',
  '',
].join('\n');
const conf = (...lines: string[]) => ['listeners.ssl.default = 5671', ...lines, ''].join('\n');
const withBroker = (broker: Record<string, string>, host = 'rabbit') => ({
  ...app(`spring.rabbitmq.host=${host}`, 'spring.rabbitmq.ssl.enabled=true', ...KEY_STORE),
  ...broker,
});
/** The error: the broker asks (its places: the verify setting, the mount that runs it), the chain's CA in the store. */
const refused = (...broker: { file: string; line: number }[]) => [
  {
    messageId: 'expired',
    file: STORE,
    line: 1,
    severity: 'error' as const,
    related: [{ file: PROPS, line: 4 }, ...broker, { file: STORE, line: 1 }],
  },
];
const CLASSIC = `[
 {rabbit, [
   {ssl_listeners, [5671]},
   %% mutual TLS
   {ssl_options, [{cacertfile, "/certs/ca.pem"},
                  {verify, verify_peer},
                  {fail_if_no_peer_cert, true},
                  {versions, ['tlsv1.2']}]}
 ]}
].
`;

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'the Compose broker the app names requires a client certificate: the expired one fails every handshake',
      files: withBroker({
        'docker-compose.yml': COMPOSE,
        'broker/rabbitmq.conf': conf('ssl_options.verify = verify_peer', 'ssl_options.fail_if_no_peer_cert = true'),
      }),
      options,
      errors: refused({ file: 'broker/rabbitmq.conf', line: 2 }, { file: 'docker-compose.yml', line: 5 }),
    },
    {
      name: 'verify_peer alone requests one: a client that has one sends it, and the broker rejects it',
      files: withBroker({
        'docker-compose.yml': COMPOSE,
        'broker/rabbitmq.conf': conf('ssl_options.verify = verify_peer'),
      }),
      options,
      errors: [{ messageId: 'expired', file: STORE, line: 1, severity: 'error' }],
    },
    {
      name: 'a classic rabbitmq.config no service mounts, the only broker of the tree, requires one (localhost reaches it)',
      files: withBroker({ 'conf/rabbitmq.config': CLASSIC }, 'localhost'),
      options,
      errors: refused({ file: 'conf/rabbitmq.config', line: 6 }),
    },
    {
      name: "verify_none (and RabbitMQ's default, nothing written) asks for none: the certificate is never sent",
      files: withBroker({
        'docker-compose.yml': COMPOSE,
        'broker/rabbitmq.conf': conf('ssl_options.verify = verify_none'),
      }),
      options,
      errors: onKey('expiredClientKeyStoreNeverSent', 'info', ['(ssl_options.verify verify_none)']),
    },
    {
      name: 'nothing written: the default verify_none',
      files: withBroker({ 'docker-compose.yml': COMPOSE, 'broker/rabbitmq.conf': conf() }),
      options,
      errors: onKey('expiredClientKeyStoreNeverSent', 'info', ['a broker sets ssl_options.verify to verify_peer']),
    },
    {
      name: 'verify from a template placeholder: unknown, the warning',
      files: withBroker({
        'docker-compose.yml': COMPOSE,
        'broker/rabbitmq.conf': conf('ssl_options.verify = {{ rabbit_verify }}'),
      }),
      options,
      errors: onKey('expiredClientKeyStoreUnasked', 'warning', ['is not settled by the tree']),
    },
    {
      name: 'a broker with no TLS listener is no broker the app can reach over TLS: unknown',
      files: withBroker({
        'docker-compose.yml': COMPOSE,
        'broker/rabbitmq.conf': 'listeners.tcp.default = 5672\nssl_options.verify = verify_peer\n',
      }),
      options,
      errors: onKey('expiredClientKeyStoreUnasked', 'warning', ['holds no RabbitMQ broker configuration']),
    },
    {
      name: 'another broker of the tree, not named by the app, asks for none: the tie is unknown',
      files: withBroker({ 'docker-compose.yml': COMPOSE, 'broker/rabbitmq.conf': conf() }, 'mq.example.com'),
      options,
      errors: onKey('expiredClientKeyStoreUnasked', 'warning', [
        'its addresses or host (mq.example.com) name no broker',
      ]),
    },
  ],
});
