import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InvalidCase } from '../../helpers/rule-tester';
import { certFile } from './cert-files';

/**
 * An expired CA of a RabbitMQ listener's CA file (ssl_options.cacertfile; the management listener's ssl_opts
 * cacertfile): Erlang/OTP verifies client certificates against it with verify_peer and, from OTP 23.3 on, checks the
 * anchor's dates (knowledge rabbitmq.json erlangAnchorDates), so it is said with what each listener does, no longer "no
 * link of this tree shows who trusts it". The azeerman/oms-amqps shape (classic rabbitmq.config, Compose's official
 * image mounting ./conf and the CA directory), made anew: ca.crt is expired at the reference date.
 */
const options = { referenceDate: '2047-01-01' };
const CA = 'certs/ca.pem';
const compose = (image: string) =>
  [
    'services:',
    '  rabbit:',
    `    image: ${image}`,
    '    volumes:',
    '      - ./conf:/etc/rabbitmq',
    '      - ./certs:/opt/certs',
    '',
  ].join('\n');
const conf = (...lines: string[]) =>
  ['listeners.ssl.default = 5671', 'ssl_options.cacertfile = /opt/certs/ca.pem', ...lines, ''].join('\n');
/** key.jks's leaf (to 2046) and its CA (to 2036), the CA also in trust.jks (test/fixtures/keystores/MANIFEST.tsv). */
const generated = (name: string) =>
  fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated', name));
/** A Spring Boot app reaching the broker `rabbit` over TLS with trust.jks as its trust store. */
const JAVA_APP = {
  'app/src/main/resources/trust.jks': generated('trust.jks'),
  'app/src/main/resources/application.properties': [
    'spring.application.name=orders',
    'spring.rabbitmq.host=rabbit',
    'spring.rabbitmq.ssl.enabled=true',
    'spring.rabbitmq.ssl.trust-store=classpath:trust.jks',
    'spring.rabbitmq.ssl.trust-store-password=Pk12-planted-Zq9',
    '',
  ].join('\n'),
};

/** The finding on the CA file. */
const onCa = (
  messageId: string,
  severity: 'error' | 'warning',
  messageIncludes: string[],
  related?: { file: string; line: number }[],
) => [{ messageId, file: CA, line: 1, severity, messageIncludes, ...(related && { related }) }];
const REQUIRED = ['ssl_options.verify = verify_peer', 'ssl_options.fail_if_no_peer_cert = true'];
const tree = (image: string, config: Record<string, string>) => ({
  'docker-compose.yml': compose(image),
  [CA]: certFile('ca.crt'),
  ...config,
});
const CLASSIC = `[
 {rabbit, [
   {ssl_listeners, [5671]},
   {ssl_options, [{cacertfile, "/opt/certs/ca.pem"},
                  {verify, verify_peer},
                  {fail_if_no_peer_cert, true}]}
 ]},
 {rabbitmq_management, [
   {listener, [{port, 15671}, {ssl, true},
               {ssl_opts, [{cacertfile, "/opt/certs/ca.pem"}, {verify, verify_none}]}]}
 ]}
].
`;

/** The cases, run by expired.test.ts (the rule's own test file, which must exercise every message id). */
export const RABBITMQ_ANCHOR_CASES: InvalidCase[] = [
  {
    name: 'a 3.13 image (Erlang/OTP 26 or later) verifying clients against a CA file whose only CA expired: every client certificate is refused',
    files: tree('rabbitmq:3.13-management', { 'conf/rabbitmq.conf': conf(...REQUIRED) }),
    options,
    errors: [
      {
        messageId: 'expiredErlangAnchor',
        file: CA,
        line: 1,
        severity: 'error',
        messageIncludes: [
          'RabbitMQ broker (conf/rabbitmq.conf, Compose service rabbit) verifies client certificates against ca.pem',
          'from OTP 23.3 on',
          'rabbitmq:3.13-management is RabbitMQ 3.13, which runs on Erlang/OTP 26.0 or later',
          'alert certificate_expired',
        ],
        related: [
          { file: 'conf/rabbitmq.conf', line: 2 },
          { file: 'docker-compose.yml', line: 6 },
          { file: 'conf/rabbitmq.conf', line: 3 },
        ],
      },
    ],
  },
  {
    name: 'a 3.7 image, which may run on an OTP release older than 23.3 (one that accepts the anchor): a warning saying so',
    files: tree('rabbitmq:3.7-management', { 'conf/rabbitmq.conf': conf(...REQUIRED) }),
    options,
    errors: onCa('expiredErlangAnchor', 'warning', [
      'Earlier OTP releases accept it, and which release runs the broker the tree does not settle (rabbitmq:3.7-management',
    ]),
  },
  {
    name: 'verify_none: the listener verifies no client against it, it only completes the chain it sends',
    files: tree('rabbitmq:3.13-management', { 'conf/rabbitmq.conf': conf('ssl_options.verify = verify_none') }),
    options,
    errors: onCa('expiredErlangChainOnly', 'warning', ['verifies no client certificate against it (verify_none)']),
  },
  {
    name: 'the classic file: the broker verifies (verify_peer), the management listener names it with verify_none',
    files: tree('rabbitmq:3.7-management', { 'conf/rabbitmq.config': CLASSIC }),
    options,
    errors: onCa(
      'expiredErlangAnchor',
      'warning',
      [
        'RabbitMQ broker (conf/rabbitmq.config, Compose service rabbit) verifies client certificates',
        'RabbitMQ management listener (conf/rabbitmq.config, Compose service rabbit) names it too with verify_none',
      ],
      [
        { file: 'conf/rabbitmq.config', line: 4 },
        { file: 'docker-compose.yml', line: 6 },
        { file: 'conf/rabbitmq.config', line: 10 },
        { file: 'conf/rabbitmq.config', line: 5 },
      ],
    ),
  },
  {
    name: "the app's JSSE trust store ends the broker's path at another copy of the CA (dates unchecked): the broker's verify_peer still refuses clients under it",
    files: {
      ...tree('rabbitmq:3.13-management', {
        'conf/rabbitmq.conf': conf(...REQUIRED, 'ssl_options.certfile = /opt/certs/server.pem'),
      }),
      [CA]: generated('rabbit-ca.pem').toString(),
      'certs/server.pem': generated('rabbit-server.pem').toString(),
      ...JAVA_APP,
    },
    options: { referenceDate: '2040-01-01' },
    errors: onCa('expiredErlangAnchor', 'error', [
      'CN=Test Root CA',
      'Java application orders (app) trusts it too, on JSSE',
    ]),
  },
];
