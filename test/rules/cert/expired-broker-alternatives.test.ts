import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A broker name several places of one tree define (src/rules/cert/_lib/client-key-store.ts reachedBrokers): a client
 * reaches the broker of its own Compose project, else the nearest one; when several are as near, a verdict they all give
 * holds and another is unknown. The layout of confluentinc/examples@4f840b6 replicator-security (Apache-2.0), made anew:
 * dest_ssl_auth and dest_ssl_encryption each run a broker `destKafka1` and a Connect worker reaching it, the first broker
 * requiring client certificates, the second asking for none. key.jks: a key entry expired at the reference date.
 */
const key = fs.readFileSync(path.resolve(__dirname, '../../fixtures/keystores/generated/key.jks'));
const options = { referenceDate: '2047-01-01' };

/** A Compose broker answering to destKafka1 with a TLS listener, and its KAFKA_SSL_CLIENT_AUTH when given. */
const broker = (clientAuth?: string) => [
  '  destKafka1:',
  '    image: confluentinc/cp-server:7.6.0',
  '    hostname: destKafka1',
  '    environment:',
  '      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: SSL:SSL',
  '      KAFKA_ADVERTISED_LISTENERS: SSL://destKafka1:11091',
  ...(clientAuth ? [`      KAFKA_SSL_CLIENT_AUTH: "${clientAuth}"`] : []),
];
/** A Connect worker of Confluent's image reaching destKafka1 with the key store the mounted directory holds. */
const worker = (secrets: string) => [
  '  connect:',
  '    image: confluentinc/cp-server-connect:7.6.0',
  '    volumes:',
  `      - ${secrets}:/etc/kafka/secrets`,
  '    environment:',
  '      CONNECT_BOOTSTRAP_SERVERS: "destKafka1:11091"',
  '      CONNECT_GROUP_ID: connect',
  '      CONNECT_CONFIG_STORAGE_TOPIC: connect-configs',
  '      CONNECT_SECURITY_PROTOCOL: SSL',
  '      CONNECT_SSL_KEYSTORE_LOCATION: /etc/kafka/secrets/kafka.connect.keystore.jks',
];
const compose = (...services: string[][]) => ['services:', ...services.flat(), ''].join('\n');
const STORE = 'kafka.connect.keystore.jks';

/** A Kafka client properties file reaching destKafka1 with key.jks beside it. */
const client = (dir: string) => ({
  [`${dir}/key.jks`]: key,
  [`${dir}/client.properties`]: [
    'bootstrap.servers=destKafka1:11091',
    'security.protocol=SSL',
    'ssl.keystore.location=key.jks',
    '',
  ].join('\n'),
});

const onKey = (file: string, messageId: string, severity: 'error' | 'warning' | 'info') => [
  { messageId, file, line: 1, severity },
];

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "dest_ssl_encryption's worker reaches its own project's destKafka1, which asks for none; dest_ssl_auth's requires (info; was an error)",
      files: {
        'dest_ssl_auth/docker-compose.yml': compose(broker('required')),
        'dest_ssl_encryption/docker-compose.yml': compose(broker(), worker('./secrets')),
        [`dest_ssl_encryption/secrets/${STORE}`]: key,
      },
      options,
      errors: [
        {
          messageId: 'expiredClientKeyStoreNeverSent',
          file: `dest_ssl_encryption/secrets/${STORE}`,
          line: 1,
          severity: 'info',
          related: [
            { file: 'dest_ssl_encryption/docker-compose.yml', line: 17 },
            { file: 'dest_ssl_encryption/docker-compose.yml', line: 1 },
            { file: `dest_ssl_encryption/secrets/${STORE}`, line: 1 },
          ],
        },
      ],
    },
    {
      name: "dest_ssl_auth's worker reaches its own project's destKafka1, which requires client certificates (error)",
      files: {
        'dest_ssl_auth/docker-compose.yml': compose(broker('required'), worker('./secrets')),
        [`dest_ssl_auth/secrets/${STORE}`]: key,
        'dest_ssl_encryption/docker-compose.yml': compose(broker()),
      },
      options,
      errors: onKey(`dest_ssl_auth/secrets/${STORE}`, 'expired', 'error'),
    },
    {
      name: "one store both projects' workers mount, as the real tree does: dest_ssl_auth's broker asks for it (error)",
      files: {
        'dest_ssl_auth/docker-compose.yml': compose(broker('required'), worker('../scripts/security')),
        'dest_ssl_encryption/docker-compose.yml': compose(broker(), worker('../scripts/security')),
        [`scripts/security/${STORE}`]: key,
      },
      options,
      errors: onKey(`scripts/security/${STORE}`, 'expired', 'error'),
    },
    {
      name: "a client file a service of dest_ssl_encryption mounts, beside both projects: its service's project decides (info)",
      files: {
        'dest_ssl_auth/docker-compose.yml': compose(broker('required')),
        'dest_ssl_encryption/docker-compose.yml': compose(broker(), [
          '  tools:',
          '    image: confluentinc/cp-kafka:7.6.0',
          '    volumes:',
          '      - ../client:/etc/client',
        ]),
        ...client('client'),
      },
      options,
      errors: onKey('client/key.jks', 'expiredClientKeyStoreNeverSent', 'info'),
    },
    ...(
      [
        [
          "a client no Compose service runs, inside lab-1: the nearest broker, lab-1's, asks for none",
          'lab-1/client',
          [undefined, 'required'],
          'expiredClientKeyStoreNeverSent',
          'info',
        ],
        [
          'a client beside two alternatives that disagree: which one it reaches is unknown (not an error)',
          'client',
          [undefined, 'required'],
          'expiredClientKeyStoreUnasked',
          'warning',
        ],
        [
          'a client beside two alternatives that both ask for client certificates: whichever it reaches asks',
          'client',
          ['required', 'requested'],
          'expired',
          'error',
        ],
        [
          'a client beside two alternatives that both ask for none',
          'client',
          ['none', undefined],
          'expiredClientKeyStoreNeverSent',
          'info',
        ],
      ] as const
    ).map(([name, dir, [lab1, lab2], messageId, severity]) => ({
      name: `${name} (${severity})`,
      files: {
        'lab-1/docker-compose.yml': compose(broker(lab1)),
        'lab-2/docker-compose.yml': compose(broker(lab2)),
        ...client(dir),
      },
      options,
      errors: onKey(`${dir}/key.jks`, messageId, severity),
    })),
  ],
});
