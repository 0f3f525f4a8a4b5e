import rule from '../../../src/rules/java/protocol-disabled-by-runtime';
import { ruleTester } from '../../helpers/rule-tester';
import { OPENJDK8_191, TEMURIN11_14, TEMURIN17 } from './fixtures';

/** A Spring server on `image` enabling TLSv1 and TLSv1.1 only: both are disabled, the message includes `includes`. */
function bothDisabledOn(image: string, why: string, includes: string[]) {
  return {
    name: `FROM ${image}: ${why}`,
    files: {
      'app/Dockerfile': `FROM ${image}\n`,
      'app/application.properties':
        'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.enabled-protocols=TLSv1,TLSv1.1\n',
    },
    errors: [
      {
        messageId: 'allDisabled',
        file: 'app/application.properties',
        line: 3,
        messageIncludes: includes,
        related: [{ file: 'app/Dockerfile', line: 1 }],
      },
    ],
  };
}

/** A jboss-cli script adding key store ks and key manager km (lines 1-2), then `lines`. */
const elytronScript = (...lines: string[]) =>
  [
    '/subsystem=elytron/key-store=ks:add(path=/opt/certs/key.p12, type=PKCS12, credential-reference={clear-text=${env.KS_PW}})',
    '/subsystem=elytron/key-manager=km:add(key-store=ks, credential-reference={clear-text=${env.KS_PW}})',
    ...lines,
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'TLSv1.2,TLSv1.3 on JDK 17',
      files: { 'app/jdk/release': TEMURIN17, 'app/jvm.options': '-Djdk.tls.client.protocols=TLSv1.2,TLSv1.3\n' },
    },
    {
      name: 'TLSv1 on 8u191 (not disabled yet)',
      files: { 'app/jdk/release': OPENJDK8_191, 'app/jvm.options': '-Djdk.tls.client.protocols=TLSv1,TLSv1.2\n' },
    },
    {
      name: 'TLSv1 re-enabled by a -Djava.security.properties file in the tree',
      files: {
        'app/jdk/release': TEMURIN11_14,
        'app/bin/setenv.sh':
          'JAVA_OPTS="$JAVA_OPTS -Djava.security.properties=/opt/app/conf/legacy.security -Djdk.tls.client.protocols=TLSv1"\n',
        'app/conf/legacy.security': 'jdk.tls.disabledAlgorithms=SSLv3, RC4, DES\n',
      },
    },
    { name: 'unknown JDK: nothing to say', files: { 'app/jvm.options': '-Djdk.tls.client.protocols=TLSv1\n' } },
    ...['adoptopenjdk:11', 'adoptopenjdk:8-jre-hotspot', 'openjdk:26', 'amazoncorretto:26', 'openjdk:17'].map(
      (image) => ({
        // 11 and 8 disabled TLSv1 from an update on (11.0.11, 8u291), and adoptopenjdk's first images are older;
        // openjdk:26 was an early-access build; Corretto's and the frozen openjdk image's sources do not rule out other
        // builds: the version is unknown, nothing is said
        name: `FROM ${image}: the name gives no update, and that leaves the defaults unknown`,
        files: {
          'app/Dockerfile': `FROM ${image}\n`,
          'app/application.properties':
            'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.enabled-protocols=TLSv1,TLSv1.1\n',
        },
      }),
    ),
    // java(1): words after the main class or `-jar <file>` are the application's arguments, not system properties
    // (OpenJDK 17: `java -jar p.jar -Djdk.tls.client.protocols=TLSv1.1` leaves the property null).
    ...[
      [
        'Dockerfile CMD, -D after -jar',
        'app/Dockerfile',
        'FROM eclipse-temurin:17.0.9_9-jre\nCMD ["java", "-jar", "/app.jar", "-Djdk.tls.client.protocols=TLSv1.1"]\n',
      ],
      [
        'Dockerfile CMD, -D after the main class',
        'app/Dockerfile',
        'FROM eclipse-temurin:17.0.9_9-jre\nCMD ["java", "-cp", "/app.jar", "org.example.Main", "-Djdk.tls.client.protocols=TLSv1.1"]\n',
      ],
      [
        'Dockerfile CMD appended to an ENTRYPOINT that runs the jar',
        'app/Dockerfile',
        'FROM eclipse-temurin:17.0.9_9-jre\nENTRYPOINT ["java", "-jar", "/app.jar"]\nCMD ["-Djdk.tls.client.protocols=TLSv1.1"]\n',
      ],
      [
        'Dockerfile CMD beside a shell-form ENTRYPOINT (Docker ignores that CMD)',
        'app/Dockerfile',
        'FROM eclipse-temurin:17.0.9_9-jre\nENTRYPOINT java -jar /app.jar\nCMD ["java", "-Djdk.tls.client.protocols=TLSv1.1", "-jar", "/app.jar"]\n',
      ],
      [
        'shell form after -jar',
        'app/Dockerfile',
        'FROM eclipse-temurin:17.0.9_9-jre\nCMD java -jar /app.jar -Djdk.tls.client.protocols=TLSv1.1\n',
      ],
      [
        'start script after -jar',
        'app/bin/start.sh',
        '#!/bin/sh\nexec "$JAVA_HOME/bin/java" $JAVA_OPTS -jar app.jar -Djdk.tls.client.protocols=TLSv1.1 "$@"\n',
      ],
      [
        'systemd ExecStart after -jar',
        'app/orders.service',
        '[Service]\nExecStart=/usr/bin/java -jar /opt/app.jar -Djdk.tls.client.protocols=TLSv1.1\n',
      ],
    ].map(([why, file, text]) => ({
      name: `${why}: an application argument`,
      // The Dockerfiles' image names its JDK; the scripts run the JDK of the tree's release file.
      files: file!.endsWith('Dockerfile') ? { [file!]: text! } : { 'app/jdk/release': TEMURIN17, [file!]: text! },
    })),
    // A build tool runs in a JVM of its own: its -D options and option variables configure the build, not the app
    // (MAVEN_OPTS: https://maven.apache.org/configure.html; GRADLE_OPTS: Gradle's build environment docs).
    ...[
      [
        'mvn and gradlew options in a build script',
        'app/build.sh',
        '#!/bin/sh\nmvn -Dhttps.protocols=TLSv1.1 clean package\n./gradlew -Djdk.tls.client.protocols=TLSv1 build\n',
      ],
      [
        'MAVEN_OPTS and GRADLE_OPTS in a build script',
        'app/build.sh',
        '#!/bin/sh\nexport MAVEN_OPTS="-Dhttps.protocols=TLSv1.1"\nGRADLE_OPTS="-Djdk.tls.client.protocols=TLSv1"\n',
      ],
      ['a batch file calling mvn', 'app/build.bat', 'call mvn -Dhttps.protocols=TLSv1.1 install\r\n'],
      [
        'ENV of a build stage the running image does not build on',
        'app/Dockerfile',
        'FROM maven:3-eclipse-temurin-17 AS build\nENV JAVA_TOOL_OPTIONS="-Dhttps.protocols=TLSv1.1" MAVEN_OPTS="-Djdk.tls.client.protocols=TLSv1"\nRUN mvn package\nFROM eclipse-temurin:17.0.9_9-jre\nCOPY --from=build /target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      ],
    ].map(([why, file, text]) => ({
      name: `${why}: the build's JVM, not the app's`,
      files: file!.endsWith('Dockerfile') ? { [file!]: text! } : { 'app/jdk/release': TEMURIN17, [file!]: text! },
    })),
    {
      name: 'a ${placeholder} value is unknown, not wrong',
      files: {
        'app/jdk/release': TEMURIN17,
        'app/bin/setenv.sh': 'JAVA_OPTS="-Djdk.tls.client.protocols=${TLS_PROTOCOLS}"\n',
      },
    },
    {
      // An Elasticsearch image runs the JDK it bundles, not a sibling service's: the jvm.options of es/ with the
      // FROM of app/ only was an error naming app's Temurin 17 as the JDK of es/ (a tree shaped like
      // sherifabdlnaby/elastdocker@64326a5: elasticsearch/Dockerfile FROM docker.elastic.co/elasticsearch/elasticsearch).
      name: "an Elasticsearch or OpenSearch image's JDK is its own (unknown), not another image's of the tree",
      files: {
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'es/Dockerfile':
          'FROM docker.elastic.co/elasticsearch/elasticsearch:8.15.0\nCOPY config/jvm.options /usr/share/elasticsearch/config/jvm.options\n',
        'es/config/jvm.options': '-Xms1g\n-Djdk.tls.client.protocols=TLSv1\n',
        'os/Dockerfile': 'FROM opensearchproject/opensearch:2.17.0\n',
        'os/config/jvm.options': '-Dhttps.protocols=TLSv1\n',
      },
    },
    {
      // The same for any image lint-deploy has no JDK facts for, when it runs the Java its directory configures: it
      // copies the JVM options in (zk/), they sit beside it (solr/), or it says it runs Java (kc/). Each was an error
      // naming app/'s Temurin 17.
      name: "an unknown image that runs this directory's Java has its own JDK (unknown), not another image's",
      files: {
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'zk/Dockerfile': 'FROM zookeeper:3.9\nCOPY conf/jvm.options /conf/jvm.options\n',
        'zk/conf/jvm.options': '-Djdk.tls.client.protocols=TLSv1\n',
        'solr/Dockerfile': 'FROM bitnami/solr:9.6\n',
        'solr/jvm.options': '-Dhttps.protocols=TLSv1\n',
        'kc/Dockerfile':
          'FROM quay.io/keycloak/keycloak:25.0\nENV JAVA_OPTS_APPEND="-Djdk.tls.client.protocols=TLSv1"\n',
      },
    },
    // Elasticsearch's, OpenSearch's and Logstash's jvm.options lines may name the JDK releases they apply on
    // (https://www.elastic.co/guide/en/elasticsearch/reference/7.11/jvm-options.html): another release's line is not
    // this JDK's option, and with the JDK unknown nothing is said.
    ...['8:', '9-16:', '18-:'].map((releases) => ({
      name: `a jvm.options line for JDK ${releases} on JDK 17`,
      files: {
        'app/jdk/release': TEMURIN17,
        'app/config/jvm.options': `-Xms1g\n${releases}-Djdk.tls.client.protocols=TLSv1\n`,
      },
    })),
    {
      name: 'a jvm.options line for JDK 17 and later, the JDK unknown',
      files: { 'app/config/jvm.options': '17-:-Djdk.tls.client.protocols=TLSv1\n' },
    },
  ],
  invalid: [
    {
      // openjdk:8 pointed to 8u20 … 8u342 (docker-library/openjdk), and 8u291 disabled TLSv1 and TLSv1.1: which update
      // the image was built with decides it (test/rules/java/protocol-disabled-by-runtime-floating.test.ts has more).
      name: 'FROM openjdk:8: the verdict changes at 8u291 within the updates the tag ran, a warning naming them',
      files: {
        'app/Dockerfile': 'FROM openjdk:8\n',
        'app/application.properties':
          'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.enabled-protocols=TLSv1,TLSv1.1\n',
      },
      errors: [
        {
          messageId: 'updateDependent',
          severity: 'warning',
          file: 'app/application.properties',
          line: 3,
          messageIncludes: ['disabled from 8u291 on', '(8u20 to 8u342)'],
        },
      ],
    },
    {
      // A jboss-cli script's server-ssl-context is the HTTPS listener's, as standalone.xml's element would be
      // (src/model/jboss-cli-configuration.ts); SSLv2Hello, which Elytron accepts, is a hello format, no version.
      name: 'a jboss-cli script enables TLSv1 and SSLv2Hello on the listener of a JDK 17 image: no version is left',
      files: {
        'wf/Dockerfile': 'FROM quay.io/wildfly/wildfly:26.1.3.Final-jdk17\nCOPY configure.cli /tmp/\n',
        'wf/configure.cli': elytronScript(
          '/subsystem=elytron/server-ssl-context=ssc:add(key-manager=km, protocols=["TLSv1","SSLv2Hello"])',
          '/subsystem=undertow/server=default-server/https-listener=https:write-attribute(name=ssl-context, value=ssc)',
        ),
      },
      errors: [
        {
          messageId: 'allDisabled',
          severity: 'error',
          file: 'wf/configure.cli',
          line: 3,
          messageIncludes: ['WildFly HTTPS listener https', '(TLSv1) is disabled'],
          related: [{ file: 'wf/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      name: "a jboss-cli script's write-attribute of the context's protocols: TLSv1.1 dropped, at that line",
      files: {
        'wf/Dockerfile': 'FROM quay.io/wildfly/wildfly:26.1.3.Final-jdk17\n',
        'wf/configure.cli': elytronScript(
          '/subsystem=elytron/server-ssl-context=ssc:add(key-manager=km)',
          '/subsystem=elytron/server-ssl-context=ssc:write-attribute(name=protocols, value=["TLSv1.1","TLSv1.2"])',
          '/subsystem=undertow/server=default-server/https-listener=https:add(socket-binding=https, ssl-context=ssc)',
        ),
      },
      errors: [
        {
          messageId: 'someDisabled',
          file: 'wf/configure.cli',
          line: 4,
          column: 83,
          messageIncludes: ['TLSv1.1 in WildFly HTTPS listener https', 'enables only TLSv1.2'],
        },
      ],
    },
    ...[
      ['17-:', 32],
      ['17:', 31],
      ['11-17:', 34],
    ].map(([releases, column]) => ({
      name: `a jvm.options line for JDK ${releases} on JDK 17`,
      files: {
        'app/jdk/release': TEMURIN17,
        'app/config/jvm.options': `-Xms1g\n${releases}-Djdk.tls.client.protocols=TLSv1\n`,
      },
      errors: [{ messageId: 'allDisabled', file: 'app/config/jvm.options', line: 2, column: column as number }],
    })),
    {
      // A jvm.options.d file adds its options to jvm.options (Elasticsearch 7.7 on, OpenSearch, Logstash).
      name: 'a jvm.options.d file on the JDK of a FROM line',
      files: {
        'es/Dockerfile':
          'FROM eclipse-temurin:17-jre\nCOPY config /usr/share/elasticsearch/config\nCMD ["java", "-jar", "/app.jar"]\n',
        'es/config/jvm.options.d/tls.options': '# TLS\n-Djdk.tls.client.protocols=TLSv1.1\n',
      },
      errors: [{ messageId: 'allDisabled', file: 'es/config/jvm.options.d/tls.options', line: 2, column: 28 }],
    },
    {
      // library/solr: every revision of the 9.x tags is FROM eclipse-temurin:17-jre (jdk-locations.json), and every
      // Temurin 17 update disables TLSv1: the image's own JDK decides, not app/'s.
      name: 'JVM options beside FROM solr:9.6: the official image runs Temurin 17',
      files: {
        'app/Dockerfile': 'FROM eclipse-temurin:11-jre\nCOPY target/app.jar /app.jar\n',
        'solr/Dockerfile': 'FROM solr:9.6\n',
        'solr/jvm.options': '-Dhttps.protocols=TLSv1\n',
      },
      errors: [
        {
          messageId: 'allDisabled',
          file: 'solr/jvm.options',
          line: 1,
          messageIncludes: ['every Eclipse Temurin 17 update'],
        },
      ],
    },
    {
      name: 'every listed protocol disabled on 11.0.14',
      files: {
        'app/jdk/release': TEMURIN11_14,
        'app/bin/setenv.sh': '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Djdk.tls.client.protocols=TLSv1,TLSv1.1"\n',
      },
      errors: [
        {
          messageId: 'allDisabled',
          file: 'app/bin/setenv.sh',
          line: 2,
          column: 50,
          messageIncludes: ['No appropriate protocol', 'TLSv1, TLSv1.1'],
        },
      ],
    },
    {
      name: 'one of two protocols disabled, pointed at its name',
      files: { 'app/jdk/release': TEMURIN17, 'app/jvm.options': '-Djdk.tls.client.protocols=TLSv1.1,TLSv1.2\n' },
      errors: [
        {
          messageId: 'someDisabled',
          file: 'app/jvm.options',
          line: 1,
          column: 28,
          messageIncludes: ["'TLSv1.1' in jdk.tls.disabledAlgorithms", 'enables only TLSv1.2'],
        },
      ],
    },
    {
      name: 'disabled by the java.security in the tree',
      files: {
        'app/jdk/release': OPENJDK8_191,
        'app/jdk/jre/lib/security/java.security': 'jdk.tls.disabledAlgorithms=SSLv3, TLSv1, RC4\n',
        'app/app.service': '[Service]\nEnvironment="JAVA_OPTS=-Djdk.tls.client.protocols=TLSv1"\n',
      },
      errors: [
        {
          messageId: 'allDisabled',
          file: 'app/app.service',
          line: 2,
          related: [
            { file: 'app/jdk/jre/lib/security/java.security', line: 1 },
            { file: 'app/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'Tomcat JSSE connector protocols on JDK 17',
      files: {
        'tomcat/jdk/release': TEMURIN17,
        'tomcat/conf/server.xml':
          '<Server port="8005"><Service name="C"><Connector port="8443" SSLEnabled="true" sslEnabledProtocols="TLSv1"/></Service></Server>\n',
      },
      errors: [{ messageId: 'allDisabled', file: 'tomcat/conf/server.xml', line: 1 }],
    },
    ...['26.0.1', '27'].map((version) => ({
      name: `Spring Boot server enabling only TLSv1, TLSv1.1 on Temurin ${version} (profiled from its sources)`,
      files: {
        'app/jdk/release': `JAVA_VERSION="${version}"\nIMPLEMENTOR="Eclipse Adoptium"\n`,
        'app/application.properties':
          'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.enabled-protocols=TLSv1,TLSv1.1\n',
      },
      errors: [
        {
          messageId: 'allDisabled',
          file: 'app/application.properties',
          line: 3,
          messageIncludes: [`Eclipse Temurin ${version}`, 'No appropriate protocol'],
          related: [{ file: 'app/jdk/release', line: 1 }],
        },
      ],
    })),
    ...['eclipse-temurin:26-jre', 'eclipse-temurin:25'].map((image) =>
      bothDisabledOn(image, 'no update named, but every update of the feature has the same defaults', [
        `Eclipse Temurin ${image.replace(/\D+(\d+).*/, '$1')} (`,
      ]),
    ),
    bothDisabledOn('eclipse-temurin:17-jre', 'no update named, and every 17 update disables TLSv1 and TLSv1.1', [
      'disabled on every Eclipse Temurin 17 update (jdk.tls.disabledAlgorithms, from the default of every',
    ]),
    // 8u291 and 11.0.11 disable TLSv1 and TLSv1.1 (JDK-8202343); the name's images start at 8u302 and 11.0.12
    // (adoptium/containers@733485c4): every update it ever ran disables them.
    ...[
      ['eclipse-temurin:8-jre', '8', '8u302'],
      ['eclipse-temurin:11', '11', '11.0.12'],
    ].map(([image = '', feature, first]) =>
      bothDisabledOn(
        image,
        `no update named, and every update the name carried (${first} on) disables TLSv1 and TLSv1.1`,
        [`every Eclipse Temurin ${feature} update from ${first} on (the first the name carried)`],
      ),
    ),
    {
      name: 'FROM eclipse-temurin:21: TLSv1 dropped whichever 21 update runs, TLSv1.2 left',
      files: {
        'app/Dockerfile': 'FROM eclipse-temurin:21\n',
        'app/application.properties':
          'server.port=8443\nserver.ssl.enabled=true\nserver.ssl.enabled-protocols=TLSv1,TLSv1.2\n',
      },
      errors: [
        {
          messageId: 'someDisabled',
          file: 'app/application.properties',
          line: 3,
          messageIncludes: ['TLSv1 in', 'every Eclipse Temurin 21 update', 'enables only TLSv1.2'],
          related: [{ file: 'app/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      // An image whose tag is a variable: the JDK is unknown, the list is said to depend on it (once, an info).
      name: 'a Kafka broker listing TLSv1.1 on an image whose JDK is unknown: an info',
      files: {
        'docker-compose.yml':
          'services:\n  kafka:\n    image: confluentinc/cp-kafka:${CP_TAG}\n    environment:\n      KAFKA_ADVERTISED_LISTENERS: SSL://kafka:9093\n      KAFKA_SSL_ENABLED_PROTOCOLS: TLSv1.2,TLSv1.1\n',
      },
      errors: [{ messageId: 'runtimeUnknown', severity: 'info', file: 'docker-compose.yml', line: 6 }],
    },
    {
      name: 'Dockerfile ENTRYPOINT with https.protocols',
      files: {
        'app/jdk/release': TEMURIN17,
        'app/Dockerfile':
          'FROM eclipse-temurin:17\nENTRYPOINT ["java", "-Dhttps.protocols=TLSv1", "-jar", "app.jar"]\n',
      },
      errors: [{ messageId: 'allDisabled', file: 'app/Dockerfile', line: 2 }],
    },
    ...[
      [
        '-cp <file> then -D, before the main class',
        'CMD ["java", "-cp", "/app.jar", "-Dhttps.protocols=TLSv1", "org.example.Main"]',
      ],
      ['sh -c with -D before -jar', 'CMD ["sh", "-c", "exec java -Dhttps.protocols=TLSv1 -jar /app.jar"]'],
      [
        'CMD beside an exec-form ENTRYPOINT script, in either order (the script runs CMD)',
        'CMD ["java", "-Dhttps.protocols=TLSv1", "-jar", "/app.jar"]\nENTRYPOINT ["/docker-entrypoint.sh"]',
      ],
      [
        'a second run on the line: -D of the one that runs the jar',
        'CMD java -version && java -Dhttps.protocols=TLSv1 -jar /app.jar',
      ],
    ].map(([why, start]) => ({
      name: `Dockerfile ${why}: a JVM option`,
      files: { 'app/Dockerfile': `FROM eclipse-temurin:17.0.9_9-jre\n${start}\n` },
      errors: [{ messageId: 'allDisabled', file: 'app/Dockerfile', line: 2 }],
    })),
    {
      name: 'Dockerfile ENV of a stage the running one builds on: a JVM option',
      files: {
        'app/Dockerfile':
          'FROM eclipse-temurin:17.0.9_9-jre AS base\nENV JAVA_TOOL_OPTIONS=-Dhttps.protocols=TLSv1\nFROM base\nCMD ["java", "-jar", "/app.jar"]\n',
      },
      errors: [{ messageId: 'allDisabled', file: 'app/Dockerfile', line: 2 }],
    },
  ],
});
