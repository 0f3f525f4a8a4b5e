import rule from '../../../src/rules/java/spring-ssl-bundle-undefined';
import { ruleTester } from '../../helpers/rule-tester';

// Spring Boot 3.1+ looks a bundle setting's name up in its registry when it builds the server or client, and a name
// nothing registered throws NoSuchSslBundleException "SSL bundle name 'web' cannot be found"
// (spring-projects/spring-boot@c329ffa DefaultSslBundleRegistry.getRegistered; v3.1.0 WebServerSslBundle.get).
const CONFIG = 'app/src/main/resources/application.properties';
const pom = (version: string) =>
  `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${version}</version>\n  </parent>\n  <artifactId>app</artifactId>\n</project>\n`;
const webserver = 'spring.ssl.bundle.jks.webserver.keystore.location=classpath:server.p12\n';
const app = (settings: string) => ({ [CONFIG]: `spring.application.name=orders\n${settings}` });
// Spring Boot's registry also holds the bundles SslBundleRegistrar beans register (v3.1.0 SslAutoConfiguration).
const SOURCE = 'app/src/main/java/com/example/TlsConfig.java';
const registrar = (call: string, extra = '') =>
  `package com.example;\n\nimport org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;\n\n@Configuration\nclass TlsConfig {\n${extra}  @Bean\n  SslBundleRegistrar registrar() {\n    return (registry) -> ${call};\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'the bundle is defined', files: app(`server.ssl.bundle=webserver\n${webserver}`) },
    {
      name: 'defined as a PEM bundle, in another relaxed spelling (key names bind without regard to case or dashes)',
      files: app(
        'server.ssl.bundle=web-server\nspring.ssl.bundle.pem.WebServer.keystore.certificate=classpath:server.crt\n',
      ),
    },
    {
      name: 'the name is a variable only the run gives',
      files: app(`server.ssl.bundle=\${SERVER_BUNDLE:web}\n${webserver}`),
    },
    {
      name: 'server.ssl.enabled=false: the name is not looked up',
      files: app('server.ssl.enabled=false\nserver.ssl.bundle=web\n'),
    },
    {
      name: 'defined by the Compose service that runs the app (SPRING_SSL_BUNDLE_…)',
      files: {
        ...app('server.ssl.bundle=web\n'),
        'docker-compose.yml':
          'services:\n  orders:\n    build: ./app\n    environment:\n      SPRING_SSL_BUNDLE_JKS_WEB_KEYSTORE_LOCATION: /certs/server.p12\n',
      },
    },
    {
      name: 'Spring Boot 2.7: no bundles at all (java/spring-ssl-bundle-unsupported says it)',
      files: { ...app('server.ssl.bundle=web\n'), 'app/pom.xml': pom('2.7.18') },
    },
    {
      name: 'a Kafka bundle with Spring Boot 3.1, which ignores spring.kafka.ssl.bundle',
      files: { ...app('spring.kafka.ssl.bundle=kafka\n'), 'app/pom.xml': pom('3.1.5') },
    },
    {
      name: "the app's code registers the bundle (an SslBundleRegistrar bean's registerBundle)",
      files: { ...app('server.ssl.bundle=web\n'), [SOURCE]: registrar('registry.registerBundle("web", bundle())') },
    },
    {
      name: 'registered under a constant the same file gives a literal',
      files: {
        ...app('server.ssl.bundle=web\n'),
        [SOURCE]: registrar('registry.registerBundle(WEB, bundle())', '  static final String WEB = "web";\n'),
      },
    },
    {
      name: 'a Kotlin registry bean of the app\'s own (DefaultSslBundleRegistry("web", …)), the module beside the settings',
      files: {
        ...app('server.ssl.bundle=web\n'),
        'app/pom.xml': pom('3.2.4'),
        'app/src/main/kotlin/Tls.kt': '@Bean\nfun sslBundles() = DefaultSslBundleRegistry("web", bundle())\n',
      },
    },
  ],
  invalid: [
    {
      name: "the app's code registers bundles under a name it computes: unknown (an info naming the source)",
      files: {
        ...app('server.ssl.bundle=web\n'),
        [SOURCE]: registrar('registry.registerBundle(properties.name(), bundle())'),
      },
      errors: [
        {
          messageId: 'elsewhere',
          severity: 'info',
          file: CONFIG,
          line: 2,
          messageIncludes: ["the app's code registers SSL bundles (TlsConfig.java) under names not read here"],
          related: [{ file: SOURCE, line: 9 }],
        },
      ],
    },
    {
      name: 'the code registers another name, and a test registers this one: still undefined',
      files: {
        ...app('server.ssl.bundle=web\n'),
        [SOURCE]: registrar('registry.registerBundle("api", bundle())'),
        'app/src/test/java/com/example/TestTls.java': registrar('registry.registerBundle("web", bundle())'),
      },
      errors: [{ messageId: 'undefined', severity: 'warning', file: CONFIG, line: 2 }],
    },
    {
      name: 'server.ssl.bundle names a bundle the tree does not define (a warning: the environment may define it)',
      files: app(`server.ssl.bundle=web\n${webserver}`),
      errors: [
        {
          messageId: 'undefined',
          severity: 'warning',
          file: CONFIG,
          line: 2,
          messageIncludes: ["the SSL bundle 'web'", 'it defines webserver', "SSL bundle name 'web' cannot be found"],
        },
      ],
    },
    {
      name: 'a Redis client bundle and no bundle at all',
      files: app('spring.data.redis.ssl.bundle=redis\n'),
      errors: [
        {
          messageId: 'undefined',
          file: CONFIG,
          line: 2,
          messageIncludes: ['the Redis connection factory', 'no SSL bundle'],
        },
      ],
    },
    {
      name: 'a Kafka bundle with Spring Boot 3.2',
      files: { ...app('spring.kafka.producer.ssl.bundle=kafka\n'), 'app/pom.xml': pom('3.2.4') },
      errors: [{ messageId: 'undefined', file: CONFIG, line: 2, messageIncludes: ["the Kafka producer' properties"] }],
    },
    {
      name: 'a profile the tree does not show active defines it: unknown (an info naming the profile)',
      files: {
        ...app('server.ssl.bundle=web\n'),
        'app/src/main/resources/application-prod.properties':
          'spring.ssl.bundle.jks.web.keystore.location=/etc/tls/web.p12\n',
      },
      errors: [
        {
          messageId: 'elsewhere',
          severity: 'info',
          file: CONFIG,
          line: 2,
          messageIncludes: ["profile 'prod' (application-prod.properties) defines it"],
          related: [{ file: 'app/src/main/resources/application-prod.properties', line: 1 }],
        },
      ],
    },
    {
      name: 'configuration imported from a config server: unknown',
      files: app('spring.config.import=optional:configserver:http://config:8888\nserver.ssl.bundle=web\n'),
      errors: [
        {
          messageId: 'elsewhere',
          severity: 'info',
          file: CONFIG,
          line: 3,
          messageIncludes: ['spring.config.import reads optional:configserver:http://config:8888'],
          related: [{ file: CONFIG, line: 2 }],
        },
      ],
    },
  ],
});
