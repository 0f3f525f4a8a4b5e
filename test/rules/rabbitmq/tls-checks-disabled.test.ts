import certificateValidation from '../../../src/rules/rabbitmq/certificate-validation-disabled';
import hostnameVerification from '../../../src/rules/rabbitmq/hostname-verification-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const PROPS = 'app/src/main/resources/application.properties';
const app = (settings: string) => ({ [PROPS]: `spring.application.name=orders\n${settings}` });
const pom = (parent: string) =>
  `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${parent}</version>\n    <relativePath/>\n  </parent>\n  <artifactId>orders</artifactId>\n</project>\n`;
const skip = 'spring.rabbitmq.ssl.validate-server-certificate=false\n';
const compose = (environment: string) => `services:\n  app:\n    build: ./app\n    environment:\n${environment}`;
const noHost = 'spring.rabbitmq.ssl.verify-hostname=false\n';
/** What a finding names when the build file's release decides it: the setting turning TLS on, and the parent's version. */
const withRelease = (tlsLine: number) => [
  { file: PROPS, line: tlsLine },
  { file: 'app/pom.xml', line: 6 },
];

// spring-amqp v3.1.0 RabbitConnectionFactoryBean.setUpSSL: skip-server-certificate-validation acts only when no key
// store, trust store (or SSL properties file) is set: useSslProtocol() trusts every certificate.
ruleTester(certificateValidation, {
  valid: [
    { name: 'TLS off (no ssl.enabled, no amqps:// address): nothing is validated anyway', files: app(skip) },
    {
      name: 'a trust store set: its trust managers verify, the setting is not applied',
      files: app(`spring.rabbitmq.ssl.enabled=true\n${skip}spring.rabbitmq.ssl.trust-store=classpath:t.jks\n`),
    },
    {
      name: "a key store alone: the JVM's default trust verifies",
      files: app(`spring.rabbitmq.ssl.enabled=true\n${skip}spring.rabbitmq.ssl.key-store=classpath:k.p12\n`),
    },
    {
      name: 'an SSL bundle (release unknown): the bundle path from 3.2, which does not apply the setting',
      files: app(`spring.rabbitmq.ssl.bundle=rabbit\n${skip}`),
    },
    {
      name: 'ssl.enabled only known at run time',
      files: app(`spring.rabbitmq.ssl.enabled=\${RABBIT_TLS:true}\n${skip}`),
    },
    {
      name: 'the switch itself a placeholder (its default false is not judged)',
      files: app(
        'spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.ssl.validate-server-certificate=${VALIDATE:false}\n',
      ),
    },
    {
      name: 'ssl.enabled=true but the first address is amqp:// (off from 2.3, on before; release unknown)',
      files: app(`spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.addresses=amqp://rabbit:5672\n${skip}`),
    },
    {
      name: 'Spring Boot 2.0.9: the property does not exist',
      files: { ...app(`spring.rabbitmq.ssl.enabled=true\n${skip}`), 'app/pom.xml': pom('2.0.9.RELEASE') },
    },
    {
      name: 'set only in a profile that is not active',
      files: {
        ...app('spring.rabbitmq.ssl.enabled=true\n'),
        'app/src/main/resources/application-dev.properties': skip,
      },
    },
    {
      name: "a Compose variable turns the check back on over the file's false",
      files: {
        ...app(`spring.rabbitmq.ssl.enabled=true\n${skip}`),
        'compose.yaml': compose('      SPRING_RABBITMQ_SSL_VALIDATE_SERVER_CERTIFICATE: "true"\n'),
      },
    },
    {
      name: 'a Compose variable set from the shell at run time',
      files: {
        ...app(`spring.rabbitmq.ssl.enabled=true\n${skip}`),
        'compose.yaml': compose('      SPRING_RABBITMQ_SSL_TRUSTSTORE: ${TRUST_STORE}\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'ssl.enabled=true, no store',
      files: app(`spring.rabbitmq.host=rabbit\nspring.rabbitmq.ssl.enabled=true\n${skip}`),
      errors: [
        {
          messageId: 'trustsAny',
          severity: 'warning',
          file: PROPS,
          line: 4,
          related: [{ file: PROPS, line: 3 }],
          messageIncludes: ['useSslProtocol()', 'orders'],
        },
      ],
    },
    {
      name: 'TLS from the first amqps:// address (YAML list, relaxed name, off)',
      files: {
        'app/src/main/resources/application.yml':
          'spring:\n  rabbitmq:\n    addresses:\n      - amqps://rabbit:5671\n    ssl:\n      validateServerCertificate: off\n',
      },
      errors: [
        {
          messageId: 'trustsAny',
          file: 'app/src/main/resources/application.yml',
          line: 6,
          related: [{ file: 'app/src/main/resources/application.yml', line: 3 }],
        },
      ],
    },
    {
      name: 'Spring Boot 3.1.5 ignores the bundle setting: no store, the check is skipped',
      files: {
        ...app(`spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.ssl.bundle=rabbit\n${skip}`),
        'app/pom.xml': pom('3.1.5'),
      },
      errors: [
        {
          messageId: 'trustsAny',
          file: PROPS,
          line: 4,
          related: withRelease(2),
        },
      ],
    },
    {
      name: 'set by a Compose variable (no-dash form) over a file that turns TLS on',
      files: {
        ...app('spring.rabbitmq.ssl.enabled=true\n'),
        'compose.yaml': compose('      SPRING_RABBITMQ_SSL_VALIDATESERVERCERTIFICATE: "false"\n'),
      },
      errors: [{ messageId: 'trustsAny', file: 'compose.yaml', line: 5, related: [{ file: PROPS, line: 2 }] }],
    },
  ],
});

// Spring Boot hands verify-hostname to RabbitConnectionFactoryBean.setEnableHostnameVerification (v2.1.0.RELEASE,
// v3.4.0); spring-amqp v3.1.0 enables the client's host name check only when it is true.
ruleTester(hostnameVerification, {
  valid: [
    { name: 'TLS off', files: app(noHost) },
    {
      name: 'TLS on but also validate-server-certificate=false with no store: the other rule says it',
      files: app(`spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.ssl.validate-server-certificate=false\n${noHost}`),
    },
    {
      name: 'Spring Boot 2.0.9: the property does not exist',
      files: { ...app(`spring.rabbitmq.ssl.enabled=true\n${noHost}`), 'app/pom.xml': pom('2.0.9.RELEASE') },
    },
    {
      name: 'the first address names amqp:// on Spring Boot 2.7: TLS off',
      files: {
        ...app(`spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.addresses=amqp://rabbit\n${noHost}`),
        'app/pom.xml': pom('2.7.18'),
      },
    },
    { name: 'true', files: app('spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.ssl.verify-hostname=true\n') },
  ],
  invalid: [
    {
      // hellxz/rabbitmq-ssl-demo@a28717e src/main/resources/application.properties, shortened.
      name: 'key store, trust store and verify-hostname=false',
      files: app(
        'spring.rabbitmq.port=5671\nspring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.ssl.key-store=classpath:ssl/client.p12\nspring.rabbitmq.ssl.trust-store=classpath:ssl/trust\nspring.rabbitmq.ssl.trust-store-type=JKS\n' +
          noHost,
      ),
      errors: [
        { messageId: 'disabled', severity: 'warning', file: PROPS, line: 7, related: [{ file: PROPS, line: 3 }] },
      ],
    },
    {
      name: 'validate-server-certificate=false beside a trust store is not applied: the host name check is what is off',
      files: app(
        `spring.rabbitmq.ssl.enabled=true\nspring.rabbitmq.ssl.trust-store=classpath:t.jks\nspring.rabbitmq.ssl.validate-server-certificate=false\n${noHost}`,
      ),
      errors: [{ messageId: 'disabled', file: PROPS, line: 5 }],
    },
    {
      name: 'amqps:// on Spring Boot 2.1: ssl.enabled alone decides there, and it is true',
      files: {
        ...app(`spring.rabbitmq.addresses=amqp://rabbit\nspring.rabbitmq.ssl.enabled=true\n${noHost}`),
        'app/pom.xml': pom('2.1.4.RELEASE'),
      },
      errors: [
        {
          messageId: 'disabled',
          file: PROPS,
          line: 4,
          related: withRelease(3),
        },
      ],
    },
    {
      name: 'a -D system property in a start script',
      files: {
        ...app('spring.rabbitmq.addresses=amqps://rabbit:5671\n'),
        'app/Dockerfile':
          'FROM eclipse-temurin:17-jre\nENTRYPOINT ["java", "-Dspring.rabbitmq.ssl.verify-hostname=false", "-jar", "/app.jar"]\n',
      },
      errors: [{ messageId: 'disabled', file: 'app/Dockerfile', line: 2 }],
    },
  ],
});
