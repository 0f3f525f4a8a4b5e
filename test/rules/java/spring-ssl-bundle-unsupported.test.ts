import rule from '../../../src/rules/java/spring-ssl-bundle-unsupported';
import { ruleTester } from '../../helpers/rule-tester';

// Spring Boot 2.x's ServerProperties has `@NestedConfigurationProperty private Ssl ssl;` (null until something binds
// under server.ssl) and its Ssl no `bundle` (knowledge spring-boot.json sslBundles: from 3.1.0): a bundle-only
// server.ssl is bound to nothing, and the embedded server starts without TLS.
const CONFIG = 'app/src/main/resources/application.yml';
const POM = 'app/pom.xml';
const pom = (version: string) =>
  `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${version}</version>\n  </parent>\n  <artifactId>app</artifactId>\n</project>\n`;
const bundleOnly =
  'server:\n  port: 8443\n  ssl:\n    bundle: web\nspring:\n  ssl:\n    bundle:\n      jks:\n        web:\n          keystore:\n            location: classpath:server.p12\n            password: ${KEYSTORE_PASSWORD}\n';

ruleTester(rule, {
  valid: [
    { name: 'Spring Boot 3.1.0 binds server.ssl.bundle', files: { [POM]: pom('3.1.0'), [CONFIG]: bundleOnly } },
    { name: 'Spring Boot 3.3.4', files: { [POM]: pom('3.3.4'), [CONFIG]: bundleOnly } },
    { name: 'no build file names the release: unknown, read as 3.1+ reads it', files: { [CONFIG]: bundleOnly } },
    {
      name: 'the release is a property the tree does not define: unknown',
      files: { [POM]: pom('${boot.version}'), [CONFIG]: bundleOnly },
    },
    {
      name: 'a milestone of 3.1.0 (bundles came in one of them): unknown',
      files: { [POM]: pom('3.1.0-M1'), [CONFIG]: bundleOnly },
    },
    {
      name: 'Spring Boot 2.7 with a key store beside the bundle: the key store serves HTTPS',
      files: {
        [POM]: pom('2.7.18'),
        [CONFIG]: bundleOnly.replace('    bundle: web\n', '    bundle: web\n    key-store: classpath:server.p12\n'),
      },
    },
    {
      name: 'Spring Boot 2.7 with server.ssl.key-store only',
      files: { [POM]: pom('2.7.18'), [CONFIG]: 'server:\n  ssl:\n    key-store: classpath:server.p12\n' },
    },
  ],
  invalid: [
    {
      name: 'server.ssl.bundle on Spring Boot 2.7.18: plain HTTP',
      files: { [POM]: pom('2.7.18'), [CONFIG]: bundleOnly },
      errors: [
        {
          messageId: 'unsupported',
          file: CONFIG,
          line: 4,
          messageIncludes: ['the SSL bundle web', 'Spring Boot 2.7.18 (the Maven parent', 'came in 3.1.0'],
          related: [{ file: POM, line: 6 }],
        },
      ],
    },
    {
      name: 'Spring Boot 3.0.13 (no SslProperties yet), the bundle given in application.properties',
      files: {
        [POM]: pom('3.0.13'),
        'app/src/main/resources/application.properties':
          'server.ssl.bundle=web\nspring.ssl.bundle.pem.web.keystore.certificate=classpath:cert.pem\nspring.ssl.bundle.pem.web.keystore.private-key=classpath:key.pem\n',
      },
      errors: [{ messageId: 'unsupported', file: 'app/src/main/resources/application.properties', line: 1 }],
    },
    {
      name: 'the Gradle plugin names 2.6.3',
      files: {
        'app/build.gradle': "plugins {\n  id 'org.springframework.boot' version '2.6.3'\n  id 'java'\n}\n",
        [CONFIG]: bundleOnly,
      },
      errors: [{ messageId: 'unsupported', file: CONFIG, line: 4, messageIncludes: ['Spring Boot 2.6.3'] }],
    },
  ],
});
