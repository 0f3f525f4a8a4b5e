import noCommonProtocol from '../../../src/rules/tls/no-common-protocol';
import clientCertificateRequired from '../../../src/rules/tls/client-certificate-required';
import linkOutcomeUnknown from '../../../src/rules/tls/link-outcome-unknown';
import weakProtocolEnabled from '../../../src/rules/tls/weak-protocol-enabled';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A RabbitMQ broker (rabbitmq.conf or the classic rabbitmq.config a Compose service of the official image mounts) is a
 * TLS server on Erlang/OTP's ssl (src/model/rabbitmq-listener.ts), and a Spring Boot app's RabbitMQ connection whose
 * host is that service a client of it: the pair rules judge the link. Unwritten versions or ciphers (OTP's defaults, per
 * release) leave the outcome unknown, never guessed.
 */
const PROPS = 'app/src/main/resources/application.properties';
const CONF = 'broker/rabbitmq.conf';
const COMPOSE = [
  'services:',
  '  rabbit:',
  '    image: rabbitmq:3.13-management',
  '    volumes:',
  '      - ./broker:/etc/rabbitmq',
  '',
].join('\n');

/** The app (on a JDK 17 image) reaching `host` with TLS and these settings, the broker with these lines. */
const tree = (app: string[], broker: string[], host = 'rabbit', classic?: string) => ({
  [PROPS]: [
    'spring.application.name=orders',
    `spring.rabbitmq.host=${host}`,
    'spring.rabbitmq.ssl.enabled=true',
    ...app,
    '',
  ].join('\n'),
  'app/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
  'docker-compose.yml': COMPOSE,
  ...(classic
    ? { 'broker/rabbitmq.config': classic }
    : { [CONF]: ['listeners.ssl.default = 5671', ...broker, ''].join('\n') }),
});
const TLS12 = [
  'ssl_options.versions.1 = tlsv1.2',
  'ssl_options.ciphers.1 = ECDHE-ECDSA-AES256-GCM-SHA384',
  'ssl_options.ciphers.2 = ECDHE-RSA-AES256-GCM-SHA384',
];
const TLS13 = ['ssl_options.versions.1 = tlsv1.3', 'ssl_options.ciphers.1 = TLS_AES_256_GCM_SHA384'];
const ALGORITHM_12 = 'spring.rabbitmq.ssl.algorithm=TLSv1.2';
const TRUST = 'spring.rabbitmq.ssl.trust-store=file:/etc/app/trust.p12';
const KEY = 'spring.rabbitmq.ssl.key-store=file:/etc/app/client.p12';
const REQUIRED = ['ssl_options.verify = verify_peer', 'ssl_options.fail_if_no_peer_cert = true'];

ruleTester(noCommonProtocol, {
  valid: [
    {
      name: 'the broker speaks TLSv1.2, the app asks for a TLSv1.2 context: they share it',
      files: tree([ALGORITHM_12], TLS12),
    },
    {
      name: 'the app reaches another host: no link to this broker',
      files: tree([ALGORITHM_12], TLS13, 'rabbit-elsewhere'),
    },
    {
      name: 'a TLSv1.3-only broker and the JDK default context (TLS, no algorithm): TLSv1.3 in common',
      files: tree([TRUST], TLS13),
    },
  ],
  invalid: [
    {
      // Measured: OpenJDK 17.0.15 SSLContext.getInstance("TLSv1.2") against `openssl s_server -tls1_3` gets
      // "Received fatal alert: protocol_version".
      name: 'a TLSv1.3-only broker and spring.rabbitmq.ssl.algorithm=TLSv1.2: no version in common',
      files: tree([ALGORITHM_12], TLS13),
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: PROPS,
          line: 4,
          severity: 'error',
          messageIncludes: [
            'Java application orders (app) → RabbitMQ broker (broker/rabbitmq.conf, Compose service rabbit)',
            'Received fatal alert: protocol_version',
          ],
        },
      ],
    },
    {
      name: 'the classic rabbitmq.config: its versions list is read as rabbitmq.conf names it',
      files: tree(
        [ALGORITHM_12],
        [],
        'rabbit',
        `[{rabbit, [{ssl_listeners, [5671]},
  {ssl_options, [{versions, ['tlsv1.3']}, {ciphers, ["TLS_AES_128_GCM_SHA256"]}]}]}].
`,
      ),
      errors: [{ messageId: 'noCommonProtocol', file: PROPS, line: 4, severity: 'error' }],
    },
  ],
});

ruleTester(clientCertificateRequired, {
  valid: [
    {
      name: 'the app names a key store: it has a certificate to send',
      files: tree([TRUST, KEY], [...REQUIRED, ...TLS12]),
    },
    {
      name: 'verify_peer without fail_if_no_peer_cert asks but lets a client without one in',
      files: tree([TRUST], ['ssl_options.verify = verify_peer', ...TLS12]),
    },
  ],
  invalid: [
    {
      name: 'fail_if_no_peer_cert true and a trust store only: Spring AMQP builds its context with no key manager',
      files: tree([TRUST], [...REQUIRED, ...TLS12]),
      errors: [
        {
          messageId: 'none',
          file: CONF,
          line: 2,
          severity: 'error',
          // The connection reads its own spring.rabbitmq.ssl.* keys, never the JVM's javax.net.ssl.keyStore.
          messageIncludes: [
            'no_client_certificate_provided',
            'Received fatal alert: handshake_failure',
            'spring.rabbitmq.ssl.key-store=… with spring.rabbitmq.ssl.key-store-password',
            'spring.rabbitmq.ssl.bundle',
          ],
          messageExcludes: ['javax.net.ssl.keyStore'],
        },
      ],
    },
  ],
});

const unknownOn = (...messageIncludes: string[]) => [
  { messageId: 'unknown', file: PROPS, line: 2, severity: 'info' as const, messageIncludes },
];

ruleTester(linkOutcomeUnknown, {
  valid: [{ name: 'versions and suites written: the outcome is predicted', files: tree([TRUST], TLS12) }],
  invalid: [
    {
      name: "no ssl_options.ciphers: Erlang/OTP's default suites depend on its release, not guessed",
      files: tree([TRUST], ['ssl_options.versions.1 = tlsv1.2']),
      errors: unknownOn('writes no ssl_options.ciphers', 'declare them in rabbitmq.conf (ssl_options.ciphers.1 = '),
    },
    {
      name: 'the classic rabbitmq.config without versions or ciphers: what to declare is said in its own syntax',
      files: tree(
        [TRUST],
        [],
        'rabbit',
        '[{rabbit, [{ssl_listeners, [5671]}, {ssl_options, [{verify, verify_none}]}]}].\n',
      ),
      errors: unknownOn(
        'its rabbitmq.config writes neither {versions, […]} nor {ciphers, […]}',
        "declare them in rabbitmq.config ({versions, ['tlsv1.2', 'tlsv1.3']} and {ciphers, [",
      ),
    },
    {
      name: 'no ssl_options.versions either: both are named',
      files: tree([TRUST], []),
      // One item: which lists, why the tree does not decide them, what to write and where.
      errors: unknownOn(
        'the TLS versions and cipher suites RabbitMQ broker (broker/rabbitmq.conf, Compose service rabbit) enables',
        'writes neither ssl_options.versions nor ssl_options.ciphers',
        'the OTP release the broker runs, which the tree does not name',
        'declare them in rabbitmq.conf (ssl_options.versions.1 = tlsv1.2, ssl_options.ciphers.1 = ',
      ),
    },
    {
      name: 'a suite name the knowledge base does not know: the list is not read',
      files: tree([TRUST], ['ssl_options.versions.1 = tlsv1.2', 'ssl_options.ciphers.1 = NOT-A-SUITE']),
      errors: unknownOn('ssl_options.ciphers.1 = NOT-A-SUITE'),
    },
    {
      name: 'TLS 1.3 among the versions and no TLS 1.3 suite: what OTP does then is not modelled',
      files: tree([TRUST], ['ssl_options.versions.1 = tlsv1.3', 'ssl_options.ciphers.1 = ECDHE-RSA-AES256-GCM-SHA384']),
      errors: unknownOn('no TLS 1.3 suite'),
    },
    {
      name: 'a classic config suite written as an Erlang tuple: the list is not read as the names around it',
      files: tree(
        [TRUST],
        [],
        'rabbit',
        `[{rabbit, [{ssl_listeners, [5671]},
  {ssl_options, [{versions, ['tlsv1.2']},
                 {ciphers, ["ECDHE-RSA-AES256-GCM-SHA384", {ecdhe_rsa, aes_128_gcm, aead, sha256}]}]}]}].
`,
      ),
      errors: unknownOn('ssl_options.ciphers.2 = {…}'),
    },
  ],
});

const TLS11 = ['ssl_options.versions.1 = tlsv1.2', 'ssl_options.versions.2 = tlsv1.1'];

ruleTester(weakProtocolEnabled, {
  valid: [
    {
      // vdesabou/kafka-docker-playground's rabbitmq.conf: tlsv1.1 listed beside GCM suites only (TLS 1.2 suites).
      name: 'tlsv1.1 listed but every suite is a TLS 1.2 one: the broker never speaks TLS 1.1',
      files: tree([TRUST], [...TLS11, 'ssl_options.ciphers.1 = ECDHE-RSA-AES256-GCM-SHA384']),
    },
  ],
  invalid: [
    {
      name: 'tlsv1.1 with a CBC suite it can use there: the broker speaks TLS 1.1',
      files: tree([TRUST], [...TLS11, 'ssl_options.ciphers.1 = ECDHE-RSA-AES128-SHA']),
      errors: [{ messageId: 'weak', file: CONF, line: 2, severity: 'warning', messageIncludes: ['enables TLSv1.1'] }],
    },
    {
      name: 'tlsv1.1 with no suites written: the versions list is what the file says',
      files: tree([TRUST], TLS11),
      errors: [{ messageId: 'weak', file: CONF, line: 2, severity: 'warning' }],
    },
  ],
});
