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
  ],
  invalid: [
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
