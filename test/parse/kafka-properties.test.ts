import { classifyFile } from '../../src/parse/registry';
import {
  kafkaPropertiesFormat,
  KAFKA_PROPERTIES_KIND,
  LIBRDKAFKA_PROPERTIES_KIND,
} from '../../src/parse/kafka-properties';

// A Kafka properties file is known by Kafka's own unprefixed TLS or security keys, whatever it is called.
describe("Kafka's own properties files", () => {
  it.each([
    // kopparam/kafka-single-node-ssl@1937ebf client-ssl.properties
    ['client-ssl.properties', 'bootstrap.servers=localhost:19093\nsecurity.protocol=SSL\n'],
    // Darien-Yoga/Confluent-config-ssl@62fb506 server.properties
    [
      'server.properties',
      'broker.id.generation.enable=true\nlisteners=PLAINTEXT://localhost:9092,SSL://localhost:9093\n',
    ],
    ['producer.properties', '# client\nssl.truststore.location=/etc/kafka/secrets/t.jks\n'],
    ['ssl.properties', 'ssl.endpoint.identification.algorithm=\n'],
    // A broker whose TLS listeners are named by the map, or whose stores are a listener's own.
    ['server.properties', 'listeners=BROKER://:9093\nlistener.security.protocol.map=BROKER:SASL_SSL\n'],
    ['server.properties', 'node.id=1\nlistener.name.internal.ssl.keystore.location=/var/ssl/k.jks\n'],
    // A Connect worker whose only TLS settings are its task clients'; MirrorMaker 2's clusters.
    ['connect-distributed.properties', 'group.id=connect\nproducer.security.protocol=SSL\n'],
    ['connect-mirror-maker.properties', 'clusters = A, B\nA.security.protocol = SSL\n'],
    // confluentinc/cp-demo@10846ae scripts/security/appSA.config: a tool's --command-config.
    ['appSA.config', 'security.protocol=SSL\nssl.truststore.location=/etc/kafka/secrets/kafka.appSA.truststore.jks\n'],
    // nbuesing/kafka-ssl-cluster@944813a cluster/jumphost/config/producer-config.conf: console tools' --producer.config.
    ['producer-config.conf', 'security.protocol=SSL\nssl.keystore.location=/certs/jumphost.keystore.jks\n'],
  ])('%s is Kafka configuration', (name, text) => {
    expect(classifyFile(`/t/${name}`, text)?.kind).toBe(KAFKA_PROPERTIES_KIND);
  });

  it.each([
    // ZooKeeper's own keys are camel case (zookeeper.properties); Spring's are prefixed; Spring's own files come first.
    ['zookeeper.properties', 'ssl.keyStore.location=/var/ssl/zk.jks\nsecureClientPort=2182\n'],
    ['kafka.properties', 'spring.kafka.properties.ssl.truststore.location=/t.jks\n'],
    ['server.properties', 'listeners=PLAINTEXT://:9092\nlog.dirs=/tmp/kafka-logs\n'],
    // A .conf with blocks: HOCON (Alpakka Kafka's application.conf nests the client's keys), JAAS, nginx.
    ['application.conf', 'akka.kafka.producer {\n  kafka-clients {\n    security.protocol = SSL\n  }\n}\n'],
    [
      'kafka_client_jaas.conf',
      'KafkaClient {\n  org.apache.kafka.common.security.plain.PlainLoginModule required;\n};\n',
    ],
    ['client.conf', 'timeout=30\n'],
    // confluentinc/examples@4f840b6 (Apache-2.0) clients/docs/includes/configs/cloud/hocon.config: 3 false
    // parse/duplicate-key warnings (its `}` lines read as one key).
    [
      'hocon.config',
      'kafka {\n  bootstrap.servers = ["b:9092"]\n  properties {\n    security.protocol = SASL_SSL\n  }\n  consumer {\n    group.id = "c"\n  }\n}\n',
    ],
    ['app.properties', 'clusters=a,b\n'],
    // A .config file without Kafka's keys (an app's own, .NET's XML web.config).
    ['web.config', '<configuration>\n  <appSettings/>\n</configuration>\n'],
    ['app.config', 'timeout=30\n'],
  ])('%s (%j) is not', (name, text) => {
    expect(kafkaPropertiesFormat.classify(`/t/${name}`, text)).toBeUndefined();
  });

  it.each([
    // ermineaweb/kafka-tls1.3@d81137c kcat/ssl.conf: kcat -F, librdkafka's PEM keys and its verification switch.
    [
      'ssl.conf',
      'security.protocol=ssl\nenable.ssl.certificate.verification=false\nssl.ca.location=/app/cer/ca-cert\n',
    ],
    ['librdkafka.config', 'bootstrap.servers=k:9093\nssl.certificate.location=/c.pem\nssl.key.location=/k.pem\n'],
  ])("%s is a librdkafka client's, not Java Kafka's", (name, text) => {
    expect(classifyFile(`/t/${name}`, text)?.kind).toBe(LIBRDKAFKA_PROPERTIES_KIND);
  });

  it("a Java client's file that also carries a librdkafka key stays Java Kafka's (Java Kafka ignores that key)", () => {
    const streams =
      'bootstrap.servers=k:9093\nsecurity.protocol=SSL\nssl.truststore.location=/t.jks\nssl.truststore.password=pw\nenable.ssl.certificate.verification=false\nssl.endpoint.identification.algorithm=\ndefault.key.serde=org.apache.kafka.common.serialization.Serdes$StringSerde\n';
    expect(classifyFile('/t/streams.properties', streams)?.kind).toBe(KAFKA_PROPERTIES_KIND);
  });

  it('librdkafka keys alone, with nothing of a Kafka client, are not taken', () => {
    expect(kafkaPropertiesFormat.classify('/t/tls.conf', 'ssl.ca.location=/c.pem\n')).toBeUndefined();
  });

  it('a Spring application.properties stays Spring', () => {
    expect(classifyFile('/t/src/main/resources/application.properties', 'security.protocol=SSL\n')?.kind).toBe(
      'spring.properties',
    );
  });

  it('reads it as java.util.Properties: passwords are secrets, the last value of a key wins', () => {
    const doc = kafkaPropertiesFormat.parse(
      {
        path: '/t/client.properties',
        text: 'security.protocol=SSL\nssl.keystore.password=pw\nssl.key.password=pw\nsecurity.protocol=SASL_SSL\n',
        hadBom: false,
      },
      KAFKA_PROPERTIES_KIND,
    );
    expect(doc.entries.filter((e) => e.secret).map((e) => e.key)).toEqual([
      'ssl.keystore.password',
      'ssl.key.password',
    ]);
    expect(doc.problems.map((p) => p.code)).toEqual(['duplicate-key']);
  });
});
