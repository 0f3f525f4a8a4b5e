import rule from '../../../src/rules/kafka/hostname-verification-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const app = (settings: string) => ({
  'app/src/main/resources/application.properties': `spring.application.name=orders\nspring.kafka.bootstrap-servers=kafka:9093\n${settings}`,
});
const yaml = (text: string) => ({ 'app/src/main/resources/application.yml': text });
// A Quarkus app's Kafka channels (Quarkus Messaging's SmallRye Kafka connector): channel, then connector, then kafka.*.
const quarkus = (settings: string) => ({
  'src/main/resources/application.properties': `quarkus.application.name=prices\nkafka.bootstrap.servers=kafka:9093\n${settings}`,
});

// kafka-ui's dynamic configuration file (src/model/kafka-ui-dynamic-config.ts), mounted as kafbat/kafka-ui@afc9c918's
// README.md does, and the Compose service that mounts it with these variables.
const kafkaUiConfig = (algorithm: string) =>
  [
    'kafka:',
    '  clusters:',
    '    - name: local',
    '      bootstrap-servers: kafka:9093',
    '      properties:',
    '        security.protocol: SSL',
    '        ssl.truststore.location: /certs/kafka.truststore.jks',
    `        ssl.endpoint.identification.algorithm: ${algorithm}`,
    '',
  ].join('\n');
const kafkaUi = (
  variables: string[],
  config = kafkaUiConfig("''"),
  volume = './kui/config.yml:/etc/kafkaui/dynamic_config.yaml',
) => ({
  'kui/config.yml': config,
  'docker-compose.yml': [
    'services:',
    '  kafka-ui:',
    '    image: provectuslabs/kafka-ui:v0.7.2',
    '    volumes:',
    `      - ${volume}`,
    '    environment:',
    ...variables.map((v) => `      ${v}`),
    '',
  ].join('\n'),
});

ruleTester(rule, {
  valid: [
    {
      // DynamicConfigOperations reads the file only when dynamic.config.enabled is "true".
      name: "kafka-ui's mounted dynamic config without DYNAMIC_CONFIG_ENABLED: not read",
      files: kafkaUi(['SERVER_PORT: 8080']),
    },
    {
      name: "a YAML file mounted elsewhere in kafka-ui's container is not its dynamic config",
      files: kafkaUi(["DYNAMIC_CONFIG_ENABLED: 'true'"], undefined, './kui/config.yml:/etc/kafkaui/other.yaml'),
    },
    {
      name: 'DYNAMIC_CONFIG_ENABLED the shell supplies: unknown, silent',
      files: kafkaUi(['DYNAMIC_CONFIG_ENABLED: ${KUI_DYNAMIC}']),
    },
    {
      // The file is the first property source and Spring binds the list from one source: its clusters, not the env's.
      name: "kafka-ui's dynamic config lists the clusters: the variables' cluster is not read",
      files: kafkaUi(
        [
          "DYNAMIC_CONFIG_ENABLED: 'true'",
          'KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: SSL',
          'KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: kafka:9093',
          "KAFKA_CLUSTERS_0_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: ''",
        ],
        kafkaUiConfig('https'),
      ),
    },
    { name: 'TLS with the default (https): verified', files: app('spring.kafka.security.protocol=SSL\n') },
    {
      // The environment's SPRING_KAFKA_SECURITY_PROTOCOL ranks over the file: the shell supplies it, so whether the
      // client speaks TLS at all is unknown.
      name: "a Compose service's SPRING_KAFKA_SECURITY_PROTOCOL the shell supplies overrides the file: unknown, silent",
      files: {
        ...app('spring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.endpoint.identification.algorithm=\n'),
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'compose.yaml':
          'services:\n  orders:\n    build: ./app\n    environment:\n      SPRING_KAFKA_SECURITY_PROTOCOL: ${KAFKA_PROTOCOL}\n',
      },
    },
    {
      name: 'set to https',
      files: app(
        'spring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.endpoint.identification.algorithm=https\n',
      ),
    },
    {
      // Kafka reads no ssl.* setting under PLAINTEXT (its default security.protocol).
      name: 'empty, but the client speaks no TLS: not read',
      files: app('spring.kafka.properties.ssl.endpoint.identification.algorithm=\n'),
    },
    {
      name: 'a placeholder: its value is unknown',
      files: app(
        'spring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.endpoint.identification.algorithm=${KAFKA_ENDPOINT_IDENTIFICATION}\n',
      ),
    },
    {
      // A broker's setting is for the connections it makes itself: here to a PLAINTEXT inter-broker listener.
      name: "a broker's server.properties with it empty, its inter-broker listener PLAINTEXT: not used",
      files: {
        'config/server.properties':
          'broker.id=1\nlisteners=SSL://:9093,PLAINTEXT://:9092\nsecurity.inter.broker.protocol=PLAINTEXT\nssl.endpoint.identification.algorithm=\nssl.keystore.location=/var/ssl/k.jks\n',
      },
    },
    {
      // Lightstreamer/Lightstreamer-kafka-connector@c6cf311 examples/quickstart-ssl: brokers talk PLAINTEXT to each other.
      name: 'a Confluent broker with the algorithm blank but a PLAINTEXT inter-broker listener: no TLS connection of its own',
      files: {
        'docker-compose.yml':
          "services:\n  broker:\n    image: apache/kafka\n    environment:\n      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CLIENT_SSL:SSL,PLAINTEXT:PLAINTEXT'\n      KAFKA_ADVERTISED_LISTENERS: 'CLIENT_SSL://broker:29094,PLAINTEXT://broker:29092'\n      KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: \" \"\n      KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT'\n",
      },
    },
    {
      // Each listener reads its own listener.name.<listener>.* first: the inter-broker listener's is https.
      name: 'empty, but the inter-broker listener sets its own https',
      files: {
        'server.properties':
          'node.id=1\nlisteners=BROKER://:9093\nlistener.security.protocol.map=BROKER:SSL\ninter.broker.listener.name=BROKER\nssl.endpoint.identification.algorithm=\nlistener.name.broker.ssl.endpoint.identification.algorithm=https\n',
      },
    },
    {
      // A Connect image's name starts like a broker's (cp-server-connect): its KAFKA_* variables are no broker's.
      name: 'cp-server-connect is not a broker image',
      files: {
        'docker-compose.yml':
          'services:\n  connect:\n    image: ${REPOSITORY}/cp-server-connect:7.6.0\n    environment:\n      KAFKA_ADVERTISED_LISTENERS: SSL://kafka:9092\n      KAFKA_SECURITY_INTER_BROKER_PROTOCOL: SSL\n      KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: ""\n',
      },
    },
    {
      name: "a client's properties file speaking PLAINTEXT (Kafka's default): not read",
      files: { 'client.properties': 'bootstrap.servers=kafka:9092\nssl.endpoint.identification.algorithm=\n' },
    },
    {
      // A channel's own attribute comes first, then the connector's, then kafka.* (SmallRye's ConfigHelper/ConnectorConfig).
      name: 'Quarkus: kafka.* empty, but the connector sets https for every channel',
      files: quarkus(
        'kafka.security.protocol=SSL\nkafka.ssl.endpoint.identification.algorithm=\nmp.messaging.connector.smallrye-kafka.ssl.endpoint.identification.algorithm=https\nmp.messaging.incoming.prices.connector=smallrye-kafka\n',
      ),
    },
    {
      name: "Quarkus: a channel of another connector is not Kafka's",
      files: quarkus(
        'mp.messaging.incoming.prices.connector=smallrye-amqp\nmp.messaging.incoming.prices.security.protocol=SSL\nmp.messaging.incoming.prices.ssl.endpoint.identification.algorithm=\n',
      ),
    },
    {
      // The TLS registry decides the channel's TLS: which files and checks it uses is not in these settings.
      name: 'Quarkus: a channel taking its TLS from the TLS registry is not judged by its ssl.* keys',
      files: quarkus(
        'kafka.security.protocol=SSL\nkafka.ssl.endpoint.identification.algorithm=\nmp.messaging.incoming.prices.connector=smallrye-kafka\nmp.messaging.incoming.prices.tls-configuration-name=kafka-tls\n',
      ),
    },
    {
      // Quarkus reads the environment (ordinal 300) over application.properties (250).
      name: "Quarkus: the file's kafka.* empty, but the image's environment sets https",
      files: {
        ...quarkus('kafka.security.protocol=SSL\nkafka.ssl.endpoint.identification.algorithm=\n'),
        Dockerfile:
          'FROM eclipse-temurin:17\nENV KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=https\nCOPY target/quarkus-app /deployments\nCMD ["java","-jar","/deployments/quarkus-run.jar"]\n',
      },
    },
    {
      name: 'Quarkus: the dev profile never runs in the packaged app',
      files: quarkus(
        'kafka.security.protocol=SSL\n%dev.kafka.ssl.endpoint.identification.algorithm=\nmp.messaging.incoming.prices.connector=smallrye-kafka\n',
      ),
    },
  ],
  invalid: [
    {
      // fkshom/kafka-train's three cp-kafka brokers read one kafka.env: one setting, one fix, one finding naming each.
      name: 'three brokers sharing one env_file that empties the algorithm: one warning at its line naming the three',
      files: {
        'docker-compose.yml': ['kafka1', 'kafka2', 'kafka3']
          .map(
            (b, i) =>
              `  ${b}:\n    image: confluentinc/cp-kafka:7.6.0\n    env_file:\n      - ./brokers.env\n    environment:\n      KAFKA_ADVERTISED_LISTENERS: INTERNAL://${b}:1909${i}\n`,
          )
          .reduce((all, s) => all + s, 'services:\n'),
        'brokers.env':
          'KAFKA_LISTENER_SECURITY_PROTOCOL_MAP=INTERNAL:SSL\nKAFKA_INTER_BROKER_LISTENER_NAME=INTERNAL\nKAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=\n',
      },
      errors: [
        {
          messageId: 'brokersDisabled',
          file: 'brokers.env',
          line: 3,
          messageIncludes: ['service kafka1), Kafka broker (docker-compose.yml service kafka2) and Kafka broker'],
          related: [
            { file: 'brokers.env', line: 2 },
            { file: 'docker-compose.yml', line: 5 },
            { file: 'docker-compose.yml', line: 11 },
            { file: 'docker-compose.yml', line: 17 },
          ],
        },
      ],
    },
    {
      // The search hit's form: cp-kafka with SSL between brokers and the algorithm set to a space.
      name: 'a Confluent broker replicating over SSL with KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM blank: a warning',
      files: {
        'docker-compose.yml':
          'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_ADVERTISED_LISTENERS: SSL://kafka:9092\n      KAFKA_SECURITY_INTER_BROKER_PROTOCOL: SSL\n      KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: " "\n',
      },
      errors: [
        {
          messageId: 'brokerDisabled',
          file: 'docker-compose.yml',
          line: 7,
          messageIncludes: ['over its SSL listener'],
          related: [{ file: 'docker-compose.yml', line: 6 }],
        },
      ],
    },
    {
      // confluentinc/cp-demo@10846ae names its brokers' image through variables: ${REPOSITORY}/cp-server:${CONFLUENT_DOCKER_TAG}.
      name: 'a cp-server broker from a registry given by a variable: the same warning',
      files: {
        'docker-compose.yml':
          'services:\n  kafka:\n    image: ${REPOSITORY}/cp-server:${CONFLUENT_DOCKER_TAG}\n    environment:\n      KAFKA_ADVERTISED_LISTENERS: SSL://kafka:9092\n      KAFKA_SECURITY_INTER_BROKER_PROTOCOL: SSL\n      KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: ""\n',
      },
      errors: [{ messageId: 'brokerDisabled', file: 'docker-compose.yml', line: 7 }],
    },
    {
      // The broker replicates over its TLS inter-broker listener as a client (ChannelBuilders.clientChannelBuilder).
      name: 'a broker whose inter-broker listener is TLS, the algorithm empty: a warning naming the listener',
      files: {
        'config/server.properties':
          'broker.id=1\nlisteners=INTERNAL://:9093,CLIENT://:9092\nlistener.security.protocol.map=INTERNAL:SSL,CLIENT:PLAINTEXT\ninter.broker.listener.name=INTERNAL\nssl.endpoint.identification.algorithm=\nssl.keystore.location=/var/ssl/k.jks\n',
      },
      errors: [
        {
          messageId: 'brokerDisabled',
          file: 'config/server.properties',
          line: 5,
          messageIncludes: ['over its INTERNAL listener'],
          related: [{ file: 'config/server.properties', line: 4 }],
        },
      ],
    },
    {
      // cp-kafka-connect writes each CONNECT_* variable into the worker's properties; Kafka trims " " to empty.
      name: "a Compose Connect worker's producers with the algorithm set to a space (a warning at the variable)",
      files: {
        'docker-compose.yml':
          'services:\n  connect:\n    image: confluentinc/cp-kafka-connect:7.6.0\n    environment:\n      CONNECT_PRODUCER_SECURITY_PROTOCOL: SSL\n      CONNECT_PRODUCER_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: " "\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'docker-compose.yml',
          line: 6,
          messageIncludes: ['Kafka Connect worker (docker-compose.yml service connect) [producers]'],
          related: [{ file: 'docker-compose.yml', line: 5 }],
        },
      ],
    },
    {
      // dilipsundarraj1/kafka-cluster-ssl@9d4be20 properties/producer.properties (--producer.config of the console tools).
      name: "a client's own properties file: security.protocol SSL and the algorithm set empty (a warning)",
      files: {
        'properties/producer.properties':
          'bootstrap.servers=localhost:9092\nsecurity.protocol=SSL\nssl.truststore.location=/etc/kafka/secrets/kafka.producer.truststore.jks\nssl.endpoint.identification.algorithm=\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'properties/producer.properties',
          line: 4,
          messageIncludes: ['Kafka client (properties/producer.properties)'],
          related: [{ file: 'properties/producer.properties', line: 2 }],
        },
      ],
    },
    {
      // Spring Boot binds SPRING_KAFKA_* over the files (relaxed binding; a map's key is the rest of the name, each `_`
      // a `.`): the Compose service's env file turns TLS on and empties the endpoint identification.
      name: "SPRING_KAFKA_SECURITY_PROTOCOL and SPRING_KAFKA_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM in the Compose service's env file",
      files: {
        ...app(''),
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'compose.yaml': 'services:\n  orders:\n    build: ./app\n    env_file: orders.env\n',
        'orders.env':
          'SPRING_KAFKA_SECURITY_PROTOCOL=SSL\nSPRING_KAFKA_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=\n',
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'orders.env',
          line: 2,
          related: [
            { file: 'orders.env', line: 1 },
            { file: 'compose.yaml', line: 4 },
            { file: 'app/src/main/resources/application.properties', line: 1 },
          ],
        },
      ],
    },
    {
      // The form of the search hit's application properties (spring.kafka.properties.ssl.endpoint.identification.algorithm=).
      name: 'empty in spring.kafka.properties, security.protocol SSL: a warning on the setting',
      files: app(
        'spring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.endpoint.identification.algorithm=\n',
      ),
      errors: [
        {
          messageId: 'disabled',
          file: 'app/src/main/resources/application.properties',
          line: 4,
          related: [{ file: 'app/src/main/resources/application.properties', line: 3 }],
        },
      ],
    },
    {
      // Spring Boot's SSL smoke test (spring-boot-smoke-test-kafka, SampleKafkaSslApplicationTests) sets this with a bundle:
      // SslBundleSslEngineFactory passes Kafka's endpoint identification to the SSLEngine, so the bundle changes nothing.
      name: 'empty, the client taking its stores from an SSL bundle: still no host name check (a warning)',
      files: app(
        'spring.kafka.security.protocol=SSL\nspring.kafka.properties.ssl.endpoint.identification.algorithm=\nspring.kafka.ssl.bundle=client\nspring.ssl.bundle.jks.client.truststore.location=classpath:ssl/test-ca.p12\n',
      ),
      errors: [
        {
          messageId: 'disabled',
          file: 'app/src/main/resources/application.properties',
          line: 4,
          related: [{ file: 'app/src/main/resources/application.properties', line: 3 }],
        },
      ],
    },
    {
      name: 'a consumer\'s own properties, YAML "" and SASL_SSL: only the consumer named',
      files: yaml(
        [
          'spring:',
          '  kafka:',
          '    bootstrap-servers: kafka:9093',
          '    properties:',
          '      security.protocol: SASL_SSL',
          '    consumer:',
          '      properties:',
          '        ssl.endpoint.identification.algorithm: ""',
          '',
        ].join('\n'),
      ),
      errors: [
        {
          messageId: 'disabled',
          file: 'app/src/main/resources/application.yml',
          line: 8,
          messageIncludes: ['Kafka consumer of'],
        },
      ],
    },
    {
      // kafbat/kafka-ui@afc9c918 documentation/compose/kafka-ssl.yml, as written there (src/model/kafka-ui.ts).
      name: "kafka-ui's Compose service: its cluster's properties set it empty (a warning; was unmodelled)",
      files: {
        'docker-compose.yml': [
          'services:',
          '  kafbat-ui:',
          '    image: ghcr.io/kafbat/kafka-ui:latest',
          '    environment:',
          '      KAFKA_CLUSTERS_0_NAME: local',
          '      KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: SSL',
          '      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: kafka:29092',
          '      KAFKA_CLUSTERS_0_SSL_TRUSTSTORELOCATION: /kafka.truststore.jks',
          "      KAFKA_CLUSTERS_0_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: ''",
          '      KAFKA_CLUSTERS_1_NAME: other',
          '      KAFKA_CLUSTERS_1_PROPERTIES_SECURITY_PROTOCOL: SSL',
          '      KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: kafka:29092',
          '      KAFKA_CLUSTERS_1_SSL_TRUSTSTORE_LOCATION: /kafka.truststore.jks',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'disabled',
          file: 'docker-compose.yml',
          line: 9,
          messageIncludes: ['kafka-ui (docker-compose.yml service kafbat-ui) cluster 0 (local)'],
          related: [{ file: 'docker-compose.yml', line: 6 }],
        },
      ],
    },
    {
      name: "kafka-ui's dynamic config file, mounted and enabled: its cluster's properties set it empty (was unread)",
      files: kafkaUi(["DYNAMIC_CONFIG_ENABLED: 'true'"]),
      errors: [
        {
          messageId: 'disabled',
          file: 'kui/config.yml',
          line: 8,
          messageIncludes: [
            'kafka.clusters[0].properties.ssl.endpoint.identification.algorithm',
            'kafka-ui (docker-compose.yml service kafka-ui)',
          ],
        },
      ],
    },
    {
      name: "kafka-ui's config directory mounted, the file at DYNAMIC_CONFIG_PATH",
      files: {
        ...kafkaUi(
          ["DYNAMIC_CONFIG_ENABLED: 'TRUE'", 'DYNAMIC_CONFIG_PATH: /config/config.yml'],
          undefined,
          './kui:/config',
        ),
      },
      errors: [{ messageId: 'disabled', file: 'kui/config.yml', line: 8 }],
    },
    {
      name: 'Quarkus: kafka.* empty for the channels that do not set their own (each named)',
      files: quarkus(
        'kafka.security.protocol=SSL\nkafka.ssl.endpoint.identification.algorithm=\nmp.messaging.incoming.prices.connector=smallrye-kafka\nmp.messaging.outgoing.orders.connector=smallrye-kafka\nmp.messaging.outgoing.orders.ssl.endpoint.identification.algorithm=https\nmp.messaging.incoming.audit.topic=audit\n',
      ),
      errors: [
        {
          messageId: 'disabled',
          file: 'src/main/resources/application.properties',
          line: 4,
          messageIncludes: ['Kafka channels incoming audit, incoming prices of'],
          related: [{ file: 'src/main/resources/application.properties', line: 3 }],
        },
      ],
    },
    {
      // The brokers come from the image's environment at run time: which hosts is unknown, the TLS settings are not.
      name: 'Quarkus: kafka.* empty, the bootstrap servers given by a variable the run sets',
      files: {
        'src/main/resources/application.properties':
          'quarkus.application.name=prices\nkafka.bootstrap.servers=${BROKERS}\nkafka.security.protocol=SSL\nkafka.ssl.endpoint.identification.algorithm=\n',
        Dockerfile:
          'FROM eclipse-temurin:17\nENV KAFKA_BOOTSTRAP_SERVERS=$BROKERS\nCOPY target/quarkus-app /deployments\nCMD ["java","-jar","/deployments/quarkus-run.jar"]\n',
      },
      errors: [{ messageId: 'disabled', file: 'src/main/resources/application.properties', line: 4 }],
    },
    {
      // No channel in the files: the code declares them (@Incoming), and they read kafka.* all the same.
      name: "Quarkus: a prod profile's kafka.* empty and no channel configured: the app's Kafka clients",
      files: quarkus('kafka.security.protocol=SASL_SSL\n%prod.kafka.ssl.endpoint.identification.algorithm=\n'),
      errors: [
        {
          messageId: 'disabled',
          file: 'src/main/resources/application.properties',
          line: 4,
          messageIncludes: ['Kafka clients of'],
        },
      ],
    },
  ],
});
