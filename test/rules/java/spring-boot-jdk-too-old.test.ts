import rule from '../../../src/rules/java/spring-boot-jdk-too-old';
import { ruleTester } from '../../helpers/rule-tester';
import { TEMURIN11_14, TEMURIN17 } from './fixtures';

// Spring Boot 3.0.0 on needs Java 17 (knowledge spring-boot.json javaFloor, https://docs.spring.io/spring-boot/system-requirements.html):
// on an older JVM the app stops at start with UnsupportedClassVersionError (class file version 61.0).
const POM = 'app/pom.xml';
const CONFIG = 'app/src/main/resources/application.properties';
const pom = (version: string) =>
  `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${version}</version>\n  </parent>\n  <artifactId>app</artifactId>\n</project>\n`;
const properties = 'spring.application.name=orders\nserver.port=8443\nserver.ssl.key-store=classpath:server.p12\n';
const dockerfile = (from: string) =>
  `FROM ${from}\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'Spring Boot 3.2 on Temurin 17',
      files: {
        [POM]: pom('3.2.0'),
        [CONFIG]: properties,
        'app/Dockerfile': dockerfile('eclipse-temurin:17.0.9_9-jre'),
      },
    },
    {
      name: 'Spring Boot 2.7 on Java 8',
      files: { [POM]: pom('2.7.18'), [CONFIG]: properties, 'app/Dockerfile': dockerfile('openjdk:8u342-jre') },
    },
    {
      name: 'Spring Boot 3.2 whose JDK is unknown (an image lint-deploy does not know): no verdict',
      files: {
        [POM]: pom('3.2.0'),
        [CONFIG]: properties,
        'app/Dockerfile': dockerfile('registry.example.com/java:11'),
      },
    },
    {
      name: 'the release is a property the tree does not define: unknown',
      files: { [POM]: pom('${boot.version}'), [CONFIG]: properties, 'app/Dockerfile': dockerfile('openjdk:8u342-jre') },
    },
    {
      name: "a Java 11 JDK of another project of the tree is no evidence about this app's JDK",
      files: { [POM]: pom('3.2.0'), [CONFIG]: properties, 'legacy/jdk/release': TEMURIN11_14 },
    },
    {
      name: 'Spring Boot 3.2 beside a Java 17 JDK in its project',
      files: { [POM]: pom('3.2.0'), [CONFIG]: properties, 'app/jdk/release': TEMURIN17 },
    },
  ],
  invalid: [
    {
      name: 'Spring Boot 3.2.0 in an image of Java 8: the app does not start',
      files: { [POM]: pom('3.2.0'), [CONFIG]: properties, 'app/Dockerfile': dockerfile('openjdk:8u342-jre') },
      errors: [
        {
          messageId: 'tooOld',
          file: POM,
          line: 6,
          messageIncludes: ['Spring Boot 3.2.0', 'needs Java 17', 'runs on Java 8', 'class file version 61.0'],
          related: [
            { file: 'app/Dockerfile', line: 1 },
            { file: CONFIG, line: 1 },
          ],
        },
      ],
    },
    {
      name: 'Spring Boot 3.0.13 beside a Java 11 JDK in its project',
      files: { [POM]: pom('3.0.13'), [CONFIG]: properties, 'app/jdk/release': TEMURIN11_14 },
      errors: [
        {
          messageId: 'tooOld',
          file: POM,
          line: 6,
          messageIncludes: ['runs on Java 11'],
          related: [
            { file: 'app/jdk/release', line: 1 },
            { file: CONFIG, line: 1 },
          ],
        },
      ],
    },
  ],
});
