import rule from '../../../src/rules/kafka/strimzi-listener-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

// A Strimzi Kafka resource with a plain internal listener (9092), a TLS one (9093) and a mutual-TLS one (9094), as
// strimzi/strimzi-kafka-operator@6c7b43c (1.2.0) packaging/examples/kafka/kafka-persistent.yaml writes them.
const kafka = (extra: { listener?: string[]; config?: string[]; namespace?: boolean } = {}) =>
  [
    'apiVersion: kafka.strimzi.io/v1beta2',
    'kind: Kafka',
    'metadata:',
    '  name: my-cluster',
    ...(extra.namespace === false ? [] : ['  namespace: kafka']),
    'spec:',
    '  kafka:',
    '    version: 3.9.0',
    '    listeners:',
    '      - name: plain',
    '        port: 9092',
    '        type: internal',
    '        tls: false',
    '      - name: tls',
    '        port: 9093',
    '        type: internal',
    '        tls: true',
    '      - name: mtls',
    '        port: 9094',
    '        type: internal',
    '        tls: true',
    '        authentication:',
    '          type: tls',
    ...(extra.listener ?? []),
    ...(extra.config ? ['    config:', ...extra.config.map((c) => `      ${c}`)] : []),
    '',
  ].join('\n');

const app = (settings: string[], cluster = kafka()) => ({
  'k8s/kafka.yaml': cluster,
  'orders/src/main/resources/application.properties': ['spring.application.name=orders', ...settings, ''].join('\n'),
});

const TRUST = ['spring.kafka.ssl.trust-store-location=file:/etc/ca/ca.p12', 'spring.kafka.ssl.trust-store-type=PKCS12'];

/**
 * A cluster in the listener format before Strimzi 0.20 (v1beta1: `plain: {}` on 9092, `tls:` on 9093), as
 * scholzj/strimzi-training@d4b33df lab-14/kafka-tls-settings.yaml writes it (no licence stated; its layout only, made
 * anew here).
 */
const oldKafka = (protocols: string, tlsAuthentication = false) =>
  [
    'apiVersion: kafka.strimzi.io/v1beta1',
    'kind: Kafka',
    'metadata:',
    '  name: my-cluster',
    'spec:',
    '  kafka:',
    '    replicas: 1',
    '    listeners:',
    '      plain: {}',
    ...(tlsAuthentication ? ['      tls:', '        authentication:', '          type: tls'] : ['      tls: {}']),
    '    config:',
    `      ssl.enabled.protocols: ${protocols}`,
    '',
  ].join('\n');

/** A Strimzi KafkaConnect (or KafkaBridge) resource: its TLS, its authentication, its `spec.config` lines. */
const connect = (
  o: { kind?: string; port?: number; tls?: 'trusted' | 'empty'; authentication?: string[]; config?: string[] } = {},
) =>
  [
    'apiVersion: kafka.strimzi.io/v1beta2',
    `kind: ${o.kind ?? 'KafkaConnect'}`,
    'metadata:',
    '  name: my-connect',
    'spec:',
    `  bootstrapServers: my-cluster-kafka-bootstrap:${o.port ?? 9093}`,
    ...(o.tls === 'trusted'
      ? [
          '  tls:',
          '    trustedCertificates:',
          '      - secretName: my-cluster-cluster-ca-cert',
          '        certificate: ca.crt',
        ]
      : o.tls === 'empty'
        ? ['  tls: {}']
        : []),
    ...(o.authentication ? ['  authentication:', ...o.authentication.map((a) => `    ${a}`)] : []),
    ...(o.config ? ['  config:', ...o.config.map((c) => `    ${c}`)] : []),
    '',
  ].join('\n');
const USER_CERTIFICATE = [
  'type: tls',
  'certificateAndKey:',
  '  secretName: my-connect',
  '  certificate: user.crt',
  '  key: user.key',
];

ruleTester(rule, {
  valid: [
    {
      name: 'PLAINTEXT client to the plain listener',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9092',
        'spring.kafka.security.protocol=PLAINTEXT',
      ]),
    },
    {
      name: 'SSL client with a trust store to the TLS listener',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap.kafka.svc:9093',
        'spring.kafka.security.protocol=SSL',
        ...TRUST,
      ]),
    },
    {
      name: 'security.protocol unset: the code may set it, not judged',
      files: app(['spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9093']),
    },
    {
      name: 'security.protocol a placeholder: unknown',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9093',
        'spring.kafka.security.protocol=${KAFKA_PROTOCOL}',
      ]),
    },
    {
      name: 'bootstrap servers a placeholder: unknown',
      files: app([
        'spring.kafka.bootstrap-servers=${BOOTSTRAP:my-cluster-kafka-bootstrap:9092}',
        'spring.kafka.security.protocol=SSL',
      ]),
    },
    {
      name: 'another namespace than the resource names: another cluster',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap.other:9092',
        'spring.kafka.security.protocol=SSL',
      ]),
    },
    {
      name: 'a port no listener has',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9099',
        'spring.kafka.security.protocol=SSL',
      ]),
    },
    {
      name: 'a listener without tls: refused by the CRD, not judged',
      files: app(
        ['spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9095', 'spring.kafka.security.protocol=SSL'],
        kafka({ listener: ['      - name: other', '        port: 9095', '        type: internal'] }),
      ),
    },
    {
      name: 'a templated tls: unknown',
      files: app(
        ['spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9095', 'spring.kafka.security.protocol=SSL'],
        kafka({
          listener: [
            '      - name: other',
            '        port: 9095',
            '        type: internal',
            '        tls: "{{ .Values.tls }}"',
          ],
        }),
      ),
    },
    {
      name: 'mutual TLS client with a key store',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9094',
        'spring.kafka.security.protocol=SSL',
        'spring.kafka.ssl.key-store-location=file:/etc/user/user.p12',
        ...TRUST,
      ]),
    },
    {
      name: 'mutual TLS client with an SSL bundle: its key is not read, unknown',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9094',
        'spring.kafka.security.protocol=SSL',
        'spring.kafka.ssl.bundle=kafka',
      ]),
    },
    {
      name: 'a custom broker certificate: the client may trust it from the JDK, silent',
      files: app(
        ['spring.kafka.bootstrap-servers=my-cluster-kafka-ext-bootstrap:9096', 'spring.kafka.security.protocol=SSL'],
        kafka({
          listener: [
            '      - name: ext',
            '        port: 9096',
            '        type: loadbalancer',
            '        tls: true',
            '        configuration:',
            '          brokerCertChainAndKey:',
            '            secretName: my-secret',
            '            certificate: tls.crt',
            '            key: tls.key',
          ],
        }),
      ),
    },
    {
      name: 'protocols in common',
      files: app(
        [
          'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9093',
          'spring.kafka.security.protocol=SSL',
          'spring.kafka.properties.ssl.enabled.protocols=TLSv1.2,TLSv1.3',
          ...TRUST,
        ],
        kafka({ config: ['ssl.enabled.protocols: TLSv1.3'] }),
      ),
    },
    {
      name: 'a KafkaConnect trusting the cluster CA, with a protocol in common, to the old-format tls listener',
      files: {
        'k8s/kafka.yaml': oldKafka('TLSv1.2'),
        'k8s/connect.yaml': connect({ tls: 'trusted', config: ['ssl.enabled.protocols: TLSv1.2'] }),
      },
    },
    {
      name: 'a KafkaConnect without TLS to the old-format plain listener',
      files: { 'k8s/kafka.yaml': oldKafka('TLSv1.2'), 'k8s/connect.yaml': connect({ port: 9092 }) },
    },
    {
      name: "the client's own lab's cluster agrees; another lab's cluster of the same name does not: the nearest decides",
      files: {
        'lab-1/kafka.yaml': oldKafka('TLSv1.2'),
        'lab-1/connect.yaml': connect({ tls: 'trusted', config: ['ssl.enabled.protocols: TLSv1.2'] }),
        'lab-2/kafka.yaml': oldKafka('TLSv1.3'),
      },
    },
    {
      name: 'two alternatives of the cluster in one directory, the client beside both: which one it reaches is unknown',
      files: {
        'lab/kafka-a.yaml': oldKafka('TLSv1.2'),
        'lab/kafka-b.yaml': oldKafka('TLSv1.3'),
        'lab/connect.yaml': connect({ tls: 'trusted', config: ['ssl.enabled.protocols: TLSv1.2'] }),
      },
    },
    {
      name: 'a KafkaBridge presenting its user certificate to the mutual TLS listener',
      files: {
        'k8s/kafka.yaml': kafka(),
        'k8s/bridge.yaml': connect({
          kind: 'KafkaBridge',
          port: 9094,
          tls: 'trusted',
          authentication: USER_CERTIFICATE,
        }),
      },
    },
  ],
  invalid: [
    {
      // scholzj/strimzi-training@d4b33df lab-14 (no licence stated; made anew here): Connect enables only TLSv1.1,
      // the cluster only TLSv1.2, "they should never connect and the Connect pod should be looping" (its README).
      name: "a KafkaConnect's spec.config enables no protocol the old-format cluster enables",
      files: {
        'lab-14/kafka-tls-settings.yaml': oldKafka('TLSv1.2', true),
        'lab-14/connect.yaml': connect({
          tls: 'trusted',
          authentication: USER_CERTIFICATE,
          config: ['ssl.protocol: TLSv1.1', 'ssl.enabled.protocols: TLSv1.1'],
        }),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'lab-14/connect.yaml',
          line: 19,
          related: [
            { file: 'lab-14/connect.yaml', line: 6 },
            { file: 'lab-14/kafka-tls-settings.yaml', line: 10 },
            { file: 'lab-14/kafka-tls-settings.yaml', line: 14 },
          ],
        },
      ],
    },
    {
      name: "a KafkaConnect without spec.tls to the tls listener: PLAINTEXT, said in the resource's terms",
      files: { 'k8s/kafka.yaml': oldKafka('TLSv1.2'), 'k8s/connect.yaml': connect() },
      errors: [
        {
          messageId: 'plaintextToTls',
          file: 'k8s/connect.yaml',
          line: 6,
          messageIncludes: [
            'Add spec.tls to KafkaConnect my-connect',
            'the operator then writes security.protocol=SSL',
          ],
        },
      ],
    },
    {
      name: 'a KafkaConnect with tls: {} and SCRAM to a tls listener asking for a certificate: SASL_SSL, no certificate',
      files: {
        'k8s/kafka.yaml': oldKafka('TLSv1.2', true),
        'k8s/connect.yaml': connect({ tls: 'empty', authentication: ['type: scram-sha-512', 'username: my-connect'] }),
      },
      errors: [
        {
          messageId: 'noClientCertificate',
          file: 'k8s/connect.yaml',
          line: 7,
          messageIncludes: [
            'security.protocol SASL_SSL',
            'Set spec.authentication of KafkaConnect my-connect to type: tls',
          ],
        },
        {
          messageId: 'clusterCaUnknown',
          severity: 'info',
          file: 'k8s/connect.yaml',
          line: 7,
          messageIncludes: ["List the cluster CA's Secret under spec.tls.trustedCertificates"],
        },
      ],
    },
    {
      name: 'SSL client to the tls: false listener',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9092',
        'spring.kafka.security.protocol=SSL',
        ...TRUST,
      ]),
      errors: [
        {
          messageId: 'tlsToPlaintext',
          file: 'orders/src/main/resources/application.properties',
          line: 3,
          related: [
            { file: 'orders/src/main/resources/application.properties', line: 2 },
            { file: 'k8s/kafka.yaml', line: 13 },
          ],
        },
      ],
    },
    {
      name: 'SSL client to a tls: false SCRAM listener: SASL_PLAINTEXT is what it speaks',
      files: app(
        ['spring.kafka.bootstrap-servers=my-cluster-kafka-scram-bootstrap:9095', 'spring.kafka.security.protocol=SSL'],
        kafka({
          listener: [
            '      - name: scram',
            '        port: 9095',
            '        type: nodeport',
            '        tls: false',
            '        authentication:',
            '          type: scram-sha-512',
          ],
        }),
      ),
      errors: [
        {
          messageId: 'tlsToPlaintext',
          file: 'orders/src/main/resources/application.properties',
          line: 3,
          messageIncludes: ['Set security.protocol to SASL_PLAINTEXT'],
        },
      ],
    },
    {
      name: "a Kafka properties file's client (a tool's --command-config) without a key store, to the mutual TLS listener",
      files: {
        'k8s/kafka.yaml': kafka(),
        'config/client-ssl.properties': [
          'bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9094',
          'security.protocol=SSL',
          'ssl.truststore.location=/tmp/ca.p12',
          'ssl.truststore.type=PKCS12',
          '',
        ].join('\n'),
      },
      errors: [{ messageId: 'noClientCertificate', file: 'config/client-ssl.properties', line: 2 }],
    },
    {
      name: 'PLAINTEXT client to the tls: true listener, through the namespace and cluster domain',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap.kafka.svc.cluster.local:9093',
        'spring.kafka.security.protocol=PLAINTEXT',
      ]),
      errors: [{ messageId: 'plaintextToTls', file: 'orders/src/main/resources/application.properties', line: 3 }],
    },
    {
      name: 'SASL_PLAINTEXT producer to a TLS listener of a resource without a namespace; the consumer is PLAINTEXT',
      files: app(
        [
          'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap.team:9093',
          'spring.kafka.producer.security.protocol=SASL_PLAINTEXT',
          'spring.kafka.consumer.security.protocol=SSL',
          ...TRUST,
        ],
        kafka({ namespace: false }),
      ),
      errors: [{ messageId: 'plaintextToTls', file: 'orders/src/main/resources/application.properties', line: 3 }],
    },
    {
      name: 'SSL client without a key store to the mutual TLS listener',
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9094',
        'spring.kafka.security.protocol=SSL',
        ...TRUST,
      ]),
      errors: [
        {
          messageId: 'noClientCertificate',
          file: 'orders/src/main/resources/application.properties',
          line: 3,
          related: [
            { file: 'orders/src/main/resources/application.properties', line: 2 },
            { file: 'k8s/kafka.yaml', line: 21 },
            { file: 'k8s/kafka.yaml', line: 23 },
          ],
        },
      ],
    },
    {
      name: 'no protocol in common with spec.kafka.config ssl.enabled.protocols',
      files: app(
        [
          'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9093',
          'spring.kafka.security.protocol=SSL',
          'spring.kafka.properties.ssl.enabled.protocols=TLSv1.2',
          ...TRUST,
        ],
        kafka({ config: ['ssl.enabled.protocols: TLSv1.3'] }),
      ),
      errors: [{ messageId: 'noCommonProtocol', file: 'orders/src/main/resources/application.properties', line: 4 }],
    },
    {
      name: "SSL client with no trust store: the cluster CA's trust is unknown (info)",
      files: app([
        'spring.kafka.bootstrap-servers=my-cluster-kafka-bootstrap:9093',
        'spring.kafka.security.protocol=SSL',
      ]),
      errors: [
        {
          messageId: 'clusterCaUnknown',
          severity: 'info',
          file: 'orders/src/main/resources/application.properties',
          line: 3,
        },
      ],
    },
  ],
});
