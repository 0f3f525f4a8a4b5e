import noCommonProtocol from '../../../src/rules/tls/no-common-protocol';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A broker name that the brokers of several places define (an example repository's variants, each a Compose project
 * of its own): a Spring Boot app's RabbitMQ connection is linked to its own project's broker only
 * (src/model/rabbitmq-listener.ts rabbitmqLinksContributor, src/model/broker-projects.ts reachedBrokers), as Compose
 * gives each project a network of its own. Was linked to every broker named `rabbit`, and the other variant's
 * TLSv1.3-only broker made a false no-common-protocol error.
 */
const compose = (withApp: boolean) =>
  [
    'services:',
    '  rabbit:',
    '    image: rabbitmq:3.13-management',
    '    volumes:',
    '      - ./broker:/etc/rabbitmq',
    ...(withApp ? ['  orders:', '    build: ./app'] : []),
    '',
  ].join('\n');
const conf = (...lines: string[]) => ['listeners.ssl.default = 5671', ...lines, ''].join('\n');
const TLS12 = ['ssl_options.versions.1 = tlsv1.2', 'ssl_options.ciphers.1 = ECDHE-RSA-AES256-GCM-SHA384'];
const TLS13 = ['ssl_options.versions.1 = tlsv1.3', 'ssl_options.ciphers.1 = TLS_AES_256_GCM_SHA384'];
const app = (dir: string) => ({
  [`${dir}/app/src/main/resources/application.properties`]: [
    'spring.application.name=orders',
    'spring.rabbitmq.host=rabbit',
    'spring.rabbitmq.ssl.enabled=true',
    'spring.rabbitmq.ssl.algorithm=TLSv1.2',
    '',
  ].join('\n'),
  [`${dir}/app/Dockerfile`]: 'FROM eclipse-temurin:17.0.9_9-jre\n',
});

ruleTester(noCommonProtocol, {
  valid: [
    {
      name: "the app reaches its own project's TLSv1.2 broker, not the other variant's TLSv1.3-only one",
      files: {
        'modern/docker-compose.yml': compose(false),
        'modern/broker/rabbitmq.conf': conf(...TLS13),
        'classic/docker-compose.yml': compose(true),
        'classic/broker/rabbitmq.conf': conf(...TLS12),
        ...app('classic'),
      },
    },
  ],
  invalid: [
    {
      name: "its own project's broker is the TLSv1.3-only one: the error stays",
      files: {
        'modern/docker-compose.yml': compose(true),
        'modern/broker/rabbitmq.conf': conf(...TLS13),
        'classic/docker-compose.yml': compose(false),
        'classic/broker/rabbitmq.conf': conf(...TLS12),
        ...app('modern'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'modern/app/src/main/resources/application.properties',
          line: 4,
          severity: 'error',
          messageIncludes: ['RabbitMQ broker (modern/broker/rabbitmq.conf, Compose service rabbit)'],
        },
      ],
    },
  ],
});
