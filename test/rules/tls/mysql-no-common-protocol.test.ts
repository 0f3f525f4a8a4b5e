import rule from '../../../src/rules/tls/mysql-no-common-protocol';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Compose project: a Spring app built from app/ (its Dockerfile FROM `jdk`) whose SPRING_DATASOURCE_URL (compose.yaml
 * line 5) is `url`, and a MySQL service `db` (line 6) of `image`, with `more` lines under it.
 */
const project = (url: string, image: string, { jdk = 'eclipse-temurin:17-jre', more = '' } = {}) => ({
  'compose.yaml': `services:\n  app:\n    build: ./app\n    environment:\n      SPRING_DATASOURCE_URL: ${url}\n  db:\n    image: ${image}\n${more}`,
  'app/Dockerfile': `FROM ${jdk}\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n`,
  'app/src/main/resources/application.yml': 'spring:\n  application:\n    name: shop\n',
});

const URL = 'jdbc:mysql://db:3306/shop?serverTimezone=UTC';

/** The finding on the URL (compose.yaml line 5) naming the image, the app, line `line` of db.env and the app's JDK. */
const namingEnvFileLine = (line: number) => [
  {
    messageId: 'noCommonProtocolByDefault',
    file: 'compose.yaml',
    line: 5,
    related: [
      { file: 'compose.yaml', line: 7 },
      { file: 'app/src/main/resources/application.yml', line: 3 },
      { file: 'db.env', line },
      { file: 'app/Dockerfile', line: 1 },
    ],
  },
];

/** The app's pom.xml naming Spring Boot `boot` (line 5), with `more` inside <project>. */
const pom = (boot: string, more = '') => ({
  'app/pom.xml': `<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${boot}</version>\n  </parent>\n${more}</project>\n`,
});
/** A JDK that still enables TLSv1.1 (OpenJDK 11.0.11 disabled it: JDK-8202343). */
const OLD_JDK = { jdk: 'eclipse-temurin:11.0.10_9-jre' };

// MySQL Community 5.7 before 5.7.28 is built with yaSSL: TLSv1 and TLSv1.1 only (dev.mysql.com 5.7 ssl-libraries;
// docker-library/mysql#567 for the mysql:5.7.26 image); 8.0.28 and later speak TLSv1.2 and TLSv1.3 only.
ruleTester(rule, {
  valid: [
    { name: 'MySQL 5.7.28 (OpenSSL): TLSv1.2 in common', files: project(URL, 'mysql:5.7.28') },
    { name: 'a floating tag names no release', files: project(URL, 'mysql:5.7') },
    { name: 'useSSL=false: no TLS', files: project('jdbc:mysql://db:3306/shop?useSSL=false', 'mysql:5.7.26') },
    {
      name: 'sslMode=DISABLED wins over useSSL=true',
      files: project('jdbc:mysql://db/shop?useSSL=true&sslMode=disabled', 'mysql:5.7.26'),
    },
    // docker-library/mysql eeb0c33 (2017-01-26): only from the 5.7.17 images does the entrypoint make certificates.
    { name: 'MySQL 5.7.16: the image starts without TLS', files: project(URL, 'mysql:5.7.16') },
    // OpenJDK 11.0.10 still enables TLSv1.1 (JDK-8202343 disabled it in 11.0.11).
    {
      name: 'a JDK that still enables TLSv1.1 (Temurin 11.0.10)',
      files: project(URL, 'mysql:5.7.26', { jdk: 'eclipse-temurin:11.0.10_9-jre' }),
    },
    {
      name: 'the server command sets TLS options: not known here',
      files: project(URL, 'mysql:5.7.26', { more: '    command: --tls-version=TLSv1.1\n' }),
    },
    {
      name: 'a configuration directory mounted into /etc/mysql: not known here',
      files: project(URL, 'mysql:5.7.26', { more: '    volumes:\n      - ./mysql/conf.d:/etc/mysql/conf.d\n' }),
    },
    { name: 'another port: not the server', files: project('jdbc:mysql://db:3307/shop', 'mysql:5.7.26') },
    {
      name: 'a service built from the tree: `image:` names the build, not the pulled release',
      files: project(URL, 'mysql:5.7.26', { more: '    build: ./db\n' }),
    },
    { name: 'another host: not the service', files: project('jdbc:mysql://other:3306/shop', 'mysql:5.7.26') },
    {
      name: 'a placeholder in the URL',
      files: project('jdbc:mysql://${DB_HOST:db}:3306/shop', 'mysql:5.7.26'),
    },
    {
      name: 'tlsVersions listing a protocol the 8.0.30 server speaks',
      files: project('jdbc:mysql://db:3306/shop?tlsVersions=TLSv1.2', 'mysql:8.0.30'),
    },
    {
      name: 'an app no Compose service runs: the server it reaches elsewhere is not this one',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:5.7.26\n',
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'app/src/main/resources/application.yml': `spring:\n  datasource:\n    url: ${URL}\n`,
      },
    },
    // Spring Boot 2.6.2 manages Connector/J 8.0.27, which offers TLSv1.1 and TLSv1 to a server before 5.7.28.
    {
      name: 'Spring Boot 2.6.2 (Connector/J 8.0.27) on a JDK that still enables TLSv1.1',
      files: { ...project(URL, 'mysql:5.7.26', OLD_JDK), ...pom('2.6.2') },
    },
    {
      name: "Spring Boot 2.7.18, but the pom pins its own Connector/J: which one runs is the pom's, not known here",
      files: {
        ...project(URL, 'mysql:5.7.26', OLD_JDK),
        ...pom('2.7.18', '  <properties>\n    <mysql.version>8.0.27</mysql.version>\n  </properties>\n'),
      },
    },
    {
      name: 'Spring Boot 2.7.18 and MySQL 5.7.28 (OpenSSL): TLSv1.2 in common',
      files: { ...project(URL, 'mysql:5.7.28', OLD_JDK), ...pom('2.7.18') },
    },
    {
      name: "Hikari's data-source-properties beside the URL: what reaches the driver is not the URL alone",
      files: {
        ...project(URL, 'mysql:5.7.26'),
        'app/src/main/resources/application.yml':
          'spring:\n  application:\n    name: shop\n  datasource:\n    hikari:\n      data-source-properties:\n        useSSL: false\n',
      },
    },
    // mysqld reads MYSQL_TCP_PORT when no option names a port (sql/mysqld.cc set_ports); the image names none.
    {
      name: 'MYSQL_TCP_PORT moves the server: a URL to 3306 meets no server there',
      files: project(URL, 'mysql:5.7.26', { more: '    environment:\n      MYSQL_TCP_PORT: 3307\n' }),
    },
    {
      name: 'an env_file lint-deploy does not read may set MYSQL_TCP_PORT: where the server listens is unknown',
      files: project(URL, 'mysql:5.7.26', { more: '    env_file: ./db.env\n' }),
    },
    {
      name: 'MYSQL_TCP_PORT in an env_file of the tree (no Spring variable in it) moves the server',
      files: {
        ...project(URL, 'mysql:5.7.26', { more: '    env_file: ./db.env\n' }),
        'db.env': 'MYSQL_ROOT_PASSWORD=secret\nMYSQL_TCP_PORT=3307\n',
      },
    },
    {
      // Was: an error (the bare line was skipped: the server taken to listen on 3306).
      name: 'an env_file line MYSQL_TCP_PORT without a value: the shell running Compose gives it, or none: unknown',
      files: {
        ...project(URL, 'mysql:5.7.26', { more: '    env_file: ./db.env\n' }),
        'db.env': 'MYSQL_ROOT_PASSWORD=secret\nMYSQL_TCP_PORT\n',
      },
    },
    {
      name: 'a MySQL service built from a Dockerfile FROM a floating tag names no release',
      files: {
        ...project(URL, 'mysql:5.7.26'),
        'compose.yaml': `services:\n  app:\n    build: ./app\n    environment:\n      SPRING_DATASOURCE_URL: ${URL}\n  db:\n    build: ./db\n    image: mysql:5.7.26\n`,
        'db/Dockerfile': 'FROM mysql:5.7\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
      },
    },
    {
      name: 'a MySQL service built from a Dockerfile that adds server configuration: not known here',
      files: {
        ...project(URL, 'mysql:5.7.26'),
        'compose.yaml': `services:\n  app:\n    build: ./app\n    environment:\n      SPRING_DATASOURCE_URL: ${URL}\n  db:\n    build: ./db\n`,
        'db/Dockerfile': 'FROM mysql:5.7.22\nCOPY my.cnf /etc/mysql/conf.d/\n',
      },
    },
    // v2.5.8 manages Connector/J 8.0.27 (spring-boot-dependencies build.gradle, dc8fd8e5).
    {
      name: 'Spring Boot 2.5.8 (Connector/J 8.0.27) on a JDK that still enables TLSv1.1',
      files: { ...project(URL, 'mysql:5.7.26', OLD_JDK), ...pom('2.5.8') },
    },
  ],
  invalid: [
    {
      name: 'the URL asks for TLS, Temurin 17 disables what MySQL 5.7.26 speaks: the JDK verdict (an error) before the driver one',
      files: { ...project(`${URL}&useSSL=true`, 'mysql:5.7.26'), ...pom('2.7.18') },
      errors: [{ messageId: 'noCommonProtocol', severity: 'error', file: 'compose.yaml', line: 5 }],
    },
    // mysql/mysql-connector-j@7ff2161 (8.0.28) ExportControlled: VALID_TLS_PROTOCOLS = TLSv1.3, TLSv1.2 whatever the JDK.
    {
      name: 'Spring Boot 2.7.18 (Connector/J 8.0.28 or later) against MySQL 5.7.26: fails on every JDK',
      files: { ...project(URL, 'mysql:5.7.26', OLD_JDK), ...pom('2.7.18') },
      errors: [
        {
          messageId: 'noCommonProtocolByDriver',
          severity: 'warning',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: [
            'Spring Boot 2.7.18 manages (8.0.28 or later) enables only TLSv1.3, TLSv1.2',
            'Run MySQL 5.7.28',
          ],
          related: [
            { file: 'compose.yaml', line: 7 },
            { file: 'app/src/main/resources/application.yml', line: 3 },
            { file: 'app/pom.xml', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'no JDK known, Spring Boot 3.2.5: the managed driver decides (a warning), not the JDK-unknown info',
      files: {
        'compose.yaml': `services:\n  app:\n    build: ./app\n    environment:\n      SPRING_DATASOURCE_URL: ${URL}\n  db:\n    image: mysql:5.7.22\n`,
        'app/src/main/resources/application.yml': 'spring:\n  application:\n    name: shop\n',
        ...pom('3.2.5'),
      },
      errors: [{ messageId: 'noCommonProtocolByDriver', severity: 'warning', file: 'compose.yaml', line: 5 }],
    },
    {
      name: 'MYSQL_TCP_PORT moves the server, and the URL calls that port',
      files: project('jdbc:mysql://db:3307/shop', 'mysql:5.7.26', {
        more: '    environment:\n      - MYSQL_TCP_PORT=3307\n',
      }),
      errors: [{ messageId: 'noCommonProtocolByDefault', file: 'compose.yaml', line: 5, messageIncludes: ['db:3307'] }],
    },
    {
      name: 'the URL calls the port an env_file of the tree moves the server to: its line is named',
      files: {
        ...project('jdbc:mysql://db:3307/shop', 'mysql:5.7.26', { more: '    env_file:\n      - ./db.env\n' }),
        'db.env': '# the database\nMYSQL_TCP_PORT=3307\n',
      },
      errors: namingEnvFileLine(2),
    },
    {
      name: 'an env_file of the tree that does not move the port: named as read',
      files: {
        ...project(URL, 'mysql:5.7.26', { more: '    env_file: ./db.env\n' }),
        'db.env': 'MYSQL_ROOT_PASSWORD=secret\n',
      },
      errors: namingEnvFileLine(1),
    },
    {
      name: 'a MySQL service built from a Dockerfile FROM mysql:5.7.22: that release',
      files: {
        ...project(URL, 'mysql:5.7.26'),
        'compose.yaml': `services:\n  app:\n    build: ./app\n    environment:\n      SPRING_DATASOURCE_URL: ${URL}\n  db:\n    build: ./db\n    image: shop-db\n`,
        'db/Dockerfile': 'FROM mysql:5.7.22\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
      },
      errors: [
        {
          messageId: 'noCommonProtocolByDefault',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: ['MySQL 5.7.22'],
          related: [
            { file: 'db/Dockerfile', line: 1 },
            { file: 'app/src/main/resources/application.yml', line: 3 },
            { file: 'app/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    // v2.5.9 manages Connector/J 8.0.28 (spring-boot-dependencies build.gradle, 8bc792fd), as 2.6.3 and later do.
    {
      name: 'Spring Boot 2.5.9 (Connector/J 8.0.28) against MySQL 5.7.26: fails on every JDK',
      files: { ...project(URL, 'mysql:5.7.26', OLD_JDK), ...pom('2.5.9') },
      errors: [
        {
          messageId: 'noCommonProtocolByDriver',
          severity: 'warning',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: ['Spring Boot 2.5.9 manages'],
        },
      ],
    },
    {
      name: 'Temurin 17 against MySQL 5.7.26, TLS by the driver default: warning',
      files: project(URL, 'mysql:5.7.26'),
      errors: [
        {
          messageId: 'noCommonProtocolByDefault',
          severity: 'warning',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: ['MySQL 5.7.26', 'TLSv1, TLSv1.1', 'Run MySQL 5.7.28 or later', '(SPRING_DATASOURCE_URL)'],
        },
      ],
    },
    {
      name: 'useSSL=true asks for TLS: error',
      files: project('jdbc:mysql://db:3306/shop?useSSL=true', 'mysql:5.7.20'),
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'compose.yaml',
          line: 5,
          severity: 'error',
          messageIncludes: ['useSSL=true'],
        },
      ],
    },
    {
      name: 'the service answers to its container name',
      files: project('jdbc:mysql://shop-db/shop?sslMode=REQUIRED', 'mysql:5.7.22', {
        more: '    container_name: shop-db\n',
      }),
      errors: [{ messageId: 'noCommonProtocol', file: 'compose.yaml', line: 5, messageIncludes: ['sslMode=REQUIRED'] }],
    },
    {
      name: 'enabledTLSProtocols=TLSv1.2 against a yaSSL server, whatever the JDK',
      files: project('jdbc:mysql://db:3306/shop?enabledTLSProtocols=TLSv1.2&useSSL=true', 'mysql:5.7.26', {
        jdk: 'eclipse-temurin:11.0.10_9-jre',
      }),
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: ["URL's enabledTLSProtocols lists TLSv1.2"],
        },
      ],
    },
    {
      name: 'tlsVersions=TLSv1.1 against MySQL 8.0.30 (TLSv1.2 and TLSv1.3 only)',
      files: project('jdbc:mysql://db:3306/shop?tlsVersions=TLSv1.1&sslMode=REQUIRED', 'mysql:8.0.30'),
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: ['List a protocol the server speaks'],
        },
      ],
    },
    {
      // AdoptOpenJDK 11.0.0-11.0.10 still enable TLSv1.1; 11.0.11 and later disable it: the update pulled decides.
      name: 'a JDK named without its update whose early updates enable TLSv1.1 (adoptopenjdk:11): info',
      files: project(URL, 'mysql:5.7.26', { jdk: 'adoptopenjdk:11-jre-hotspot' }),
      errors: [
        { messageId: 'jdkUnknown', severity: 'info', file: 'compose.yaml', line: 5, messageIncludes: ['Java 11'] },
      ],
    },
    {
      name: 'a JDK lint-deploy does not know: info naming what to declare',
      files: project(URL, 'mysql:5.7.26', { jdk: 'registry.example.com/base/java:1' }),
      errors: [{ messageId: 'jdkUnknown', file: 'compose.yaml', line: 5, severity: 'info' }],
    },
  ],
});
