import rule from '../../../src/rules/java/protocol-disabled-by-runtime';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Spring Boot app's `spring.rabbitmq.ssl.algorithm` (src/model/spring-rabbit-end.ts): Spring AMQP's
 * RabbitConnectionFactoryBean makes its SSLContext with SSLContext.getInstance(algorithm) when a store is set, and the
 * RabbitMQ client's useSslProtocol(algorithm) when validation is skipped (spring-amqp v3.1.0). A versioned name gives a
 * client context whose highest protocol is that one: `TLSv1.1` enables TLSv1.1 and TLSv1, both in the
 * jdk.tls.disabledAlgorithms of current JDKs ('No appropriate protocol'). `TLS` is the JDK's default protocols.
 */
const PROPS = 'app/src/main/resources/application.properties';
const app = (jdk: string | undefined, ...lines: string[]) => ({
  ...(jdk && {
    'app/Dockerfile': `FROM ${jdk}\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n`,
  }),
  [PROPS]: ['spring.application.name=orders', ...lines, ''].join('\n'),
});
const TEMURIN = 'eclipse-temurin:17.0.10_7-jre';
const TLS_ON = 'spring.rabbitmq.addresses=amqps://rabbit:5671';

ruleTester(rule, {
  valid: [
    { name: 'TLSv1.2: not disabled', files: app(TEMURIN, TLS_ON, 'spring.rabbitmq.ssl.algorithm=TLSv1.2') },
    { name: "TLS: the JDK's default protocols", files: app(TEMURIN, TLS_ON, 'spring.rabbitmq.ssl.algorithm=TLS') },
    {
      name: 'a placeholder: only the run knows',
      files: app(TEMURIN, TLS_ON, 'spring.rabbitmq.ssl.algorithm=${RABBIT_TLS_PROTOCOL}'),
    },
    {
      name: 'TLS off (no ssl.enabled, no amqps:// address): the algorithm is not read',
      files: app(TEMURIN, 'spring.rabbitmq.host=rabbit', 'spring.rabbitmq.ssl.algorithm=TLSv1.1'),
    },
  ],
  invalid: [
    {
      name: 'TLSv1.1 on Temurin 17.0.10: every protocol it enables is disabled (error)',
      files: app(TEMURIN, TLS_ON, 'spring.rabbitmq.ssl.algorithm=TLSv1.1'),
      errors: [
        {
          messageId: 'allDisabled',
          severity: 'error',
          file: PROPS,
          line: 3,
          messageIncludes: ['spring.rabbitmq.ssl.algorithm of RabbitMQ client of Java application orders (app)'],
        },
      ],
    },
    {
      name: 'TLSv1 with ssl.enabled and a trust store, the JDK unknown: said as unknown, not as a failure',
      files: app(
        undefined,
        'spring.rabbitmq.ssl.enabled=true',
        'spring.rabbitmq.ssl.trust-store=classpath:trust.jks',
        'spring.rabbitmq.ssl.algorithm=TLSv1',
      ),
      errors: [{ messageId: 'runtimeUnknown', file: PROPS, line: 4 }],
    },
  ],
});
