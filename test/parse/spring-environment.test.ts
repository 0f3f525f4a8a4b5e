import { LineIndex } from '../../src/parse/text';
import { scanSpringEnvironment, springPropertyOfVariable } from '../../src/parse/java/spring-environment';
import { springKey } from '../../src/parse/spring';

describe('the Spring property an environment variable binds (SystemEnvironmentPropertyMapper)', () => {
  it.each([
    ['SERVER_SSL_KEYSTORE', 'server.ssl.key-store'],
    ['SERVER_SSL_KEY_STORE', 'server.ssl.key-store'],
    ['SERVER_SSL_KEY_STORE_PASSWORD', 'server.ssl.key-store-password'],
    ['SERVER_SSL_ENABLEDPROTOCOLS', 'server.ssl.enabled-protocols'],
    ['SERVER_PORT', 'server.port'],
    ['SPRING_SSL_BUNDLE_JKS_WEB_KEYSTORE_LOCATION', 'spring.ssl.bundle.jks.web.keystore.location'],
    ['SPRING_SSL_BUNDLE_PEM_MY_SERVER_KEYSTORE_PRIVATE_KEY', 'spring.ssl.bundle.pem.my-server.keystore.private-key'],
    ['SPRING_SSL_BUNDLE_JKS_WEB_OPTIONS_ENABLEDPROTOCOLS', 'spring.ssl.bundle.jks.web.options.enabled-protocols'],
    ['IBM_MQ_SSL_CIPHER_SUITE', 'ibm.mq.ssl-cipher-suite'],
    ['IBM_MQ_CONNNAME', 'ibm.mq.conn-name'],
    ['IBM_MQ_JKS_TRUST_STORE', 'ibm.mq.jks.trust-store'],
    ['SPRING_RABBITMQ_SSL_VERIFY_HOSTNAME', 'spring.rabbitmq.ssl.verify-hostname'],
    ['SPRING_RABBITMQ_SSL_VALIDATESERVERCERTIFICATE', 'spring.rabbitmq.ssl.validate-server-certificate'],
    ['SPRING_RABBITMQ_SSL_TRUST_STORE', 'spring.rabbitmq.ssl.trust-store'],
    ['SPRING_RABBITMQ_ADDRESSES', 'spring.rabbitmq.addresses'],
    ['SPRING_RABBITMQ_HOST', 'spring.rabbitmq.host'],
    ['SPRING_RABBITMQ_SSL_ALGORITHM', 'spring.rabbitmq.ssl.algorithm'],
    ['SPRING_RABBITMQ_SSL_KEY_STORE_PASSWORD', 'spring.rabbitmq.ssl.key-store-password'],
    ['SPRING_RABBITMQ_SSL_TRUSTSTORETYPE', 'spring.rabbitmq.ssl.trust-store-type'],
    // The Kafka clients' TLS settings, in both forms, for all clients or one (spring.kafka.<client>.).
    ['SPRING_KAFKA_SSL_TRUST_STORE_LOCATION', 'spring.kafka.ssl.trust-store-location'],
    ['SPRING_KAFKA_SSL_KEYSTORELOCATION', 'spring.kafka.ssl.key-store-location'],
    ['SPRING_KAFKA_SECURITY_PROTOCOL', 'spring.kafka.security.protocol'],
    ['SPRING_KAFKA_CONSUMER_SSL_TRUST_STORE_PASSWORD', 'spring.kafka.consumer.ssl.trust-store-password'],
    ['SPRING_KAFKA_SSL_BUNDLE', 'spring.kafka.ssl.bundle'],
    ['SPRING_KAFKA_BOOTSTRAP_SERVERS', 'spring.kafka.bootstrap-servers'],
    ['SPRING_KAFKA_PRODUCER_BOOTSTRAPSERVERS', 'spring.kafka.producer.bootstrap-servers'],
    // A list's item: its index between underscores ("Binding From Environment Variables").
    ['SPRING_KAFKA_BOOTSTRAP_SERVERS_0_', 'spring.kafka.bootstrap-servers[0]'],
    ['SPRING_KAFKA_BOOTSTRAPSERVERS_1', 'spring.kafka.bootstrap-servers[1]'],
    // A key of the properties map: the rest of the name lower-cased, each `_` a `.`.
    [
      'SPRING_KAFKA_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM',
      'spring.kafka.properties.ssl.endpoint.identification.algorithm',
    ],
    ['SPRING_KAFKA_ADMIN_PROPERTIES_SECURITY_PROTOCOL', 'spring.kafka.admin.properties.security.protocol'],
    // SystemEnvironmentPropertyMapper (v3.4.0): the uniform form BROKERURL and the legacy BROKER_URL both bind broker-url.
    ['SPRING_ARTEMIS_BROKERURL', 'spring.artemis.broker-url'],
    ['SPRING_ARTEMIS_BROKER_URL', 'spring.artemis.broker-url'],
    ['SPRING_ACTIVEMQ_BROKER_URL', 'spring.activemq.broker-url'],
  ])('%s binds %s', (variable, property) => {
    const bound = springPropertyOfVariable(variable);
    expect(bound && springKey(bound)).toBe(springKey(property));
  });

  it.each([
    'SERVER_NAME',
    'SPRING_SSL_BUNDLE_JKS_WEB',
    'JAVA_OPTS',
    'MQ_QMGR_NAME',
    // The RabbitMQ user's password is no TLS setting: it stays the secret of the variable itself.
    'SPRING_RABBITMQ_PASSWORD',
    'SPRING_KAFKA_CONSUMER_GROUP_ID',
    'SPRING_KAFKA_SSL',
    'SPRING_KAFKA_PROPERTIES_',
  ])('%s binds nothing read', (variable) => {
    expect(springPropertyOfVariable(variable)).toBeUndefined();
  });
});

describe('assignments in a line', () => {
  const scan = (text: string) =>
    scanSpringEnvironment(text, new LineIndex(text), 0, text.length).map((p) => [p.via, p.name, p.value, p.unresolved]);

  it('export, quotes, several per line, placeholders', () => {
    expect(scan('export SERVER_SSL_ENABLED=true; SERVER_SSL_KEY_ALIAS="my app" IBM_MQ_CHANNEL=$CHANNEL')).toEqual([
      ['SERVER_SSL_ENABLED', 'server.ssl.enabled', 'true', false],
      ['SERVER_SSL_KEY_ALIAS', 'server.ssl.key-alias', 'my app', false],
      ['IBM_MQ_CHANNEL', 'ibm.mq.channel', '$CHANNEL', true],
    ]);
  });

  it('the ranges are the name and the value', () => {
    const text = 'Environment="SERVER_SSL_CIPHERS=TLS_AES_128_GCM_SHA256"';
    const [found] = scanSpringEnvironment(text, new LineIndex(text), 12, text.length);
    expect(found?.nameRange.start.character).toBe(13);
    expect(found?.valueRange.start.character).toBe(32);
    expect(found?.valueRange.end.character).toBe(text.length - 1);
  });
});
