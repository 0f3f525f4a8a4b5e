import rule from '../../../src/rules/tls/pgjdbc-sslmode-unknown';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Compose project: a Spring app built from app/ whose SPRING_DATASOURCE_URL (compose.yaml line 5) is `url`, a
 * PostgreSQL service `db`, and the app's `build` files.
 */
const project = (url: string, build: Record<string, string>) => ({
  'compose.yaml': `services:\n  app:\n    build: ./app\n    environment:\n      SPRING_DATASOURCE_URL: ${url}\n  db:\n    image: postgres:10\n`,
  'app/Dockerfile':
    'FROM eclipse-temurin:8-jre\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
  'app/src/main/resources/application.yml': 'spring:\n  application:\n    name: shop\n',
  ...build,
});
/** The app's pom.xml naming Spring Boot 2.0.5 (line 5) with `dependencies` after it (from line 7). */
const pom = (dependencies: string) => ({
  'app/pom.xml': `<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>2.0.5.RELEASE</version>\n  </parent>\n${dependencies}</project>\n`,
});

/** The pgjdbc dependency at `version` (its <version> on pom line 11). */
const pgjdbc = (version: string) =>
  `  <dependencies>\n    <dependency>\n      <groupId>org.postgresql</groupId>\n      <artifactId>postgresql</artifactId>\n      <version>${version}</version>\n    </dependency>\n  </dependencies>\n`;

const URL = 'jdbc:postgresql://db:5432/shop';

// pgjdbc REL42.2.4 (b3821ba) ConnectionFactoryImpl.tryConnect: sslmode other than disable, require, verify-ca and
// verify-full throws PSQLException "Invalid sslmode value: {0}" (the same since REL9_2_1001); REL42.2.5 (a1a5ae4)
// SslMode.of knows allow and prefer too.
ruleTester(rule, {
  valid: [
    { name: 'pgjdbc 42.2.5 knows prefer', files: project(`${URL}?sslmode=prefer`, pom(pgjdbc('42.2.5'))) },
    { name: 'pgjdbc 42.2.2 with sslmode=require', files: project(`${URL}?sslmode=require`, pom(pgjdbc('42.2.2'))) },
    { name: 'pgjdbc 42.2.2 without sslmode', files: project(URL, pom(pgjdbc('42.2.2'))) },
    {
      name: 'pgjdbc 9.1-901 does not read sslmode at all',
      files: project(`${URL}?sslmode=prefer`, pom(pgjdbc('9.1-901-1.jdbc4'))),
    },
    {
      name: 'the driver Spring Boot manages: its release is not read here',
      files: project(`${URL}?sslmode=prefer`, pom('')),
    },
    {
      name: 'a version a property the pom does not hold names',
      files: project(`${URL}?sslmode=prefer`, pom(pgjdbc('${pg.version}'))),
    },
  ],
  invalid: [
    {
      name: 'sslmode=prefer with pgjdbc 42.2.2 pinned',
      files: project(`${URL}?sslmode=prefer`, pom(pgjdbc('42.2.2'))),
      errors: [
        {
          messageId: 'unknownMode',
          severity: 'error',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: ['pgjdbc 42.2.2', "'Invalid sslmode value: prefer'", '42.2.5 or later'],
          related: [
            { file: 'app/pom.xml', line: 11 },
            { file: 'app/src/main/resources/application.yml', line: 3 },
          ],
        },
      ],
    },
    {
      name: 'sslmode=allow with pgjdbc 9.4.1212 from a pom property',
      files: project(
        `${URL}?sslmode=allow`,
        pom(`  <properties>\n    <pg.version>9.4.1212</pg.version>\n  </properties>\n${pgjdbc('${pg.version}')}`),
      ),
      errors: [{ messageId: 'unknownMode', file: 'compose.yaml', line: 5, messageIncludes: ['pgjdbc 9.4.1212'] }],
    },
    {
      name: 'a Gradle build pinning org.postgresql:postgresql:42.1.4',
      files: project(`${URL}?sslmode=prefer`, {
        'app/build.gradle':
          "plugins {\n  id 'org.springframework.boot' version '2.0.5.RELEASE'\n}\ndependencies {\n  runtimeOnly 'org.postgresql:postgresql:42.1.4'\n}\n",
      }),
      errors: [{ messageId: 'unknownMode', file: 'compose.yaml', line: 5, messageIncludes: ['pgjdbc 42.1.4'] }],
    },
  ],
});
