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
    // A RabbitMQ password stays the secret of the variable itself (not a setting read here).
    'SPRING_RABBITMQ_SSL_KEY_STORE_PASSWORD',
    'SPRING_RABBITMQ_PASSWORD',
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
