import rule from '../../../src/rules/java/runtime-ambiguous';
import { ruleTester } from '../../helpers/rule-tester';

const ORACLE_8U202 = 'IMPLEMENTOR="Oracle Corporation"\nJAVA_VERSION="1.8.0_202"\n';
const TEMURIN_17 = 'IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="17.0.9"\n';
const SERVERS = {
  'servers/aserver.conf': 'cleartrust.net.ssl.use=anon\n',
  'servers/dispatcher.conf': 'cleartrust.net.ssl.use=anon\n',
};

/** A Liberty server with an HTTPS endpoint (a Java component the runtime is asked for). */
const LIBERTY_HTTPS =
  '<server>\n  <featureManager>\n    <feature>transportSecurity-1.0</feature>\n  </featureManager>\n  <httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>\n</server>\n';

/** 0476/docker-tomcat@c063ae92's Dockerfile: the tree's jdk1.8 copied into a CentOS image, JAVA_HOME set to it. */
const copyingJdk = (copy: string) =>
  `FROM daocloud.io/library/centos:latest\n${copy}\nENV JAVA_HOME /usr/local/jdk1.8\nENV PATH $PATH:$JAVA_HOME/bin\n`;

/**
 * junhyeong9812/fream-back@05cb4e9's images: docker/Dockerfile runs the app's jar; docker/kafka/Dockerfile-kafka and
 * Dockerfile-zookeeper start Confluent's images (`appImage` replaces the first).
 */
const appBesideKafkaImages = (appImage: string) => ({
  'src/main/resources/application.yml': 'spring:\n  application:\n    name: fream\nserver:\n  port: 8080\n',
  'docker/Dockerfile': appImage,
  'docker/kafka/Dockerfile-kafka':
    'FROM confluentinc/cp-kafka:7.4.0\nENV KAFKA_ZOOKEEPER_CONNECT=zookeeper:2181\nEXPOSE 9092\nCMD ["/etc/confluent/docker/run"]\n',
  'docker/kafka/Dockerfile-zookeeper':
    'FROM confluentinc/cp-zookeeper:7.4.0\nENV ZOOKEEPER_CLIENT_PORT=2181\nEXPOSE 2181\nCMD ["/etc/confluent/docker/run"]\n',
});

ruleTester(rule, {
  valid: [
    {
      // IBMStockTrader/trader@b1f7b03 (Apache-2.0): its cli-config.yml (IBM Cloud Developer Tools) builds the run
      // container from Dockerfile and the tools container from Dockerfile-tools; Dockerfile-lang is another sibling.
      name: 'several images equally near, a cli-config.yml naming the run Dockerfile: that image runs the app',
      files: {
        Dockerfile:
          'FROM icr.io/appcafe/open-liberty:25.0.0.9-full-java21-openj9-ubi-minimal\nCOPY src/main/liberty/config /config\n',
        'Dockerfile-tools': 'FROM ibmjava:8-sdk\n',
        'Dockerfile-lang': 'FROM websphere-liberty:webProfile7\n',
        'cli-config.yml': 'dockerfile-run : "Dockerfile"\ndockerfile-tools : "Dockerfile-tools"\n',
        'src/main/liberty/config/server.xml': LIBERTY_HTTPS,
      },
    },
    { name: 'one JDK beside the servers', files: { 'jre/release': ORACLE_8U202, ...SERVERS } },
    {
      // imduffy15/timeouts-reproduced@2b14d1f (no licence): COPY java.security $JAVA_HOME/jre/lib/security/ on JDK 11,
      // where that JDK does not read it (java/security-file-copied-where-unread); the file was meant for the image's JDK.
      name: "a java.security copied into the image JDK's home, where it does not read it, is no JDK of its own",
      files: {
        Dockerfile:
          'FROM openjdk:11-slim-buster\nCOPY java.security $JAVA_HOME/jre/lib/security/java.security\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
        'java.security': 'security.provider.1=SUN\njdk.tls.disabledAlgorithms=SSLv3, RC4\n',
        'kafka.properties': 'bootstrap.servers=kafka:9093\nsecurity.protocol=SSL\n',
      },
    },
    {
      name: "a Dockerfile that copies the tree's JDK to its JAVA_HOME runs that JDK: no second JDK",
      files: {
        Dockerfile: copyingJdk('COPY jdk1.8  /usr/local/jdk1.8/'),
        'jdk1.8/release': ORACLE_8U202,
        ...SERVERS,
      },
    },
    {
      // kartoza/docker-geoserver@35dfd2d (GPL-2.0) .env: JAVA_HOME=/opt/java/openjdk beside a Dockerfile FROM a tomcat
      // -temurin image, whose JDK is there. One JDK, the image's.
      name: "a start environment's JAVA_HOME that is the image's own JDK home is that image's JDK",
      files: {
        '.env': 'JAVA_HOME=/opt/java/openjdk\n',
        Dockerfile: 'FROM tomcat:9.0.91-jdk11-temurin-focal\nCOPY server.xml /usr/local/tomcat/conf/server.xml\n',
        'docker-compose.yml': 'services:\n  app:\n    build: .\n    env_file: .env\n',
        'server.xml':
          '<Server port="8005"><Service name="Catalina"><Connector port="8443" SSLEnabled="true" sslProtocol="TLSv1.2"/></Service></Server>\n',
      },
    },
    {
      // ipb-halle/CRIMSy@d4785bd (Apache-2.0) docker/ui: FROM tomee:9-jre17-plume (built FROM eclipse-temurin:17-jre)
      // and setup.sh, which the image runs, writing `export JRE_HOME=/opt/java/openjdk` into setenv.sh: the image's JDK.
      name: "a script's JRE_HOME that is the TomEE image's own JDK home is that image's JDK",
      files: {
        'docker/ui/Dockerfile': 'FROM tomee:9-jre17-plume\nCOPY setup.sh /\nRUN ["/bin/bash", "/setup.sh"]\n',
        'docker/ui/setup.sh': '#!/bin/bash\nexport CATALINA_HOME=/usr/local/tomee\nexport JRE_HOME=/opt/java/openjdk\n',
        'agency/src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:k.p12\n',
      },
    },
    {
      name: 'two homes of the same JDK are no ambiguity',
      files: { 'jre/release': ORACLE_8U202, 'java/release': ORACLE_8U202, ...SERVERS },
    },
    {
      name: 'the nearer JDK wins: one in the host directory',
      files: { 'servers/jre/release': ORACLE_8U202, 'java/release': TEMURIN_17, ...SERVERS },
    },
    {
      // tim-ref/messenger-proxy@58ae44f (Apache-2.0): a full java.security at the root, copied into the image and loaded
      // with -Djava.security.properties==/app/java.security, beside FROM eclipse-temurin:21-jre. The file is an override
      // of the image's JDK, not a JDK of its own.
      name: 'a java.security the start loads with -Djava.security.properties is an override, not a second JDK',
      files: {
        Dockerfile:
          'FROM eclipse-temurin:21-jre\nCOPY java.security /app\nENTRYPOINT ["java", "-Djava.security.properties==/app/java.security", "-jar", "/app/app.jar"]\n',
        'java.security':
          'security.provider.1=SUN\njdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, RC4, DES, MD5withRSA\n',
        'src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:k.p12\n',
      },
    },
    {
      // votienBac/projectIII-be@de4c616 Dockerfile (no licence): FROM openjdk:11.0-jdk, then
      // COPY java.security /usr/local/openjdk-11/conf/security (that JDK's directory, no trailing slash: the file lands
      // in it). The copied file is that JDK's java.security, not a second JDK.
      name: "openjdk:11 copying a java.security onto its JDK's conf/security directory: one JDK",
      files: {
        Dockerfile:
          'FROM openjdk:11.0-jdk\nCOPY target/app.jar /app.jar\nCOPY java.security /usr/local/openjdk-11/conf/security\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
        'java.security':
          'security.provider.1=SUN\njdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n',
        'src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:k.p12\n',
      },
    },
    {
      // lamaral/docker-idrac6@8569246 Dockerfile (MIT): apt-get install openjdk-8-jdk, then COPY java.security
      // /etc/java-8-openjdk/security/java.security, which Debian's package links its jre/lib/security/java.security to
      // (Debian/openjdk-8@4fd1aff debian/rules). The copied file is that JDK's java.security, not a second JDK.
      name: "a Debian JDK package's /etc/java-8-openjdk/security/java.security replaced after the install: one JDK",
      files: {
        Dockerfile:
          'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y wget openjdk-8-jdk gcc\nCOPY java.security /etc/java-8-openjdk/security/java.security\nCOPY app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
        'java.security': 'security.provider.1=sun.security.provider.Sun\njdk.tls.disabledAlgorithms=\n',
        'src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:k.p12\n',
      },
    },
    {
      // rodrigofalco/docker-usergrid@d6243dc Dockerfile (no licence stated): apt-get install openjdk-7-jdk tomcat7, then
      // ADD java.security /usr/lib/jvm/java-7-openjdk-amd64/jre/lib/security/java.security, the package's own file
      // (ystk/debian-openjdk-7@09b9ec9 debian/rules). Before, the copied file stood for a second JDK of unknown version.
      name: "a Debian JDK 7 package's jre/lib/security/java.security replaced after the install: one JDK",
      files: {
        Dockerfile:
          'FROM phusion/baseimage:0.9.17\nRUN apt-get update ; apt-get install -y wget openjdk-7-jdk tomcat7\nADD ROOT.war /usr/share/tomcat7/webapps/ROOT.war\nADD java.security /usr/lib/jvm/java-7-openjdk-amd64/jre/lib/security/java.security\n',
        'java.security':
          'security.provider.1=sun.security.provider.Sun\njdk.tls.disabledAlgorithms=SSLv3, DH keySize < 768\n',
        'src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:k.p12\n',
      },
    },
    {
      // annata/docker-tomcat@1726213 Dockerfile (no licence): FROM tomcat:8.0-jre8-alpine (docker-library/tomcat@92855db:
      // FROM openjdk:8-jre-alpine, JAVA_HOME /usr/lib/jvm/java-1.8-openjdk/jre), COPY java.security into its
      // lib/security/: that JDK's java.security, not a second JDK.
      name: "tomcat:8.0-jre8-alpine copying a java.security into its JRE's lib/security/: one JDK",
      files: {
        Dockerfile:
          'FROM tomcat:8.0-jre8-alpine\nCOPY java.security /usr/lib/jvm/java-1.8-openjdk/jre/lib/security/\nCOPY server.xml /usr/local/tomcat/conf/\nCMD ["catalina.sh", "run"]\n',
        'java.security': 'security.provider.1=sun.security.provider.Sun\njdk.tls.disabledAlgorithms=SSLv3\n',
        'server.xml':
          '<Server port="8005" shutdown="SHUTDOWN"><Service name="Catalina"><Connector port="8443" protocol="HTTP/1.1" SSLEnabled="true" scheme="https" secure="true" keystoreFile="conf/k.p12" keystorePass="${ks.pass}" sslProtocol="TLS"/></Service></Server>\n',
      },
    },
    {
      // The bare openjdk:21 tag is the Oracle Linux variant, JAVA_HOME /usr/java/openjdk-21 (docker-library/openjdk@a2e23b0).
      name: 'openjdk:21 copying a java.security into /usr/java/openjdk-21/conf/security/: one JDK',
      files: {
        Dockerfile:
          'FROM openjdk:21\nCOPY target/app.jar /app.jar\nCOPY java.security /usr/java/openjdk-21/conf/security/.\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
        'java.security': 'security.provider.1=SUN\njdk.tls.disabledAlgorithms=SSLv3, RC4\n',
        'src/main/resources/application.properties': 'server.port=8443\nserver.ssl.key-store=classpath:k.p12\n',
      },
    },
    {
      // The app's image copies its jar and runs `java -jar`; cp-kafka and cp-zookeeper start only what they ship.
      name: "a Spring app whose image runs its jar, beside Kafka and ZooKeeper images: the app's image runs it",
      files: appBesideKafkaImages(
        'FROM eclipse-temurin:17-jdk-jammy\nARG JAR_FILE=build/libs/fream-back-0.0.1-SNAPSHOT.jar\nCOPY ${JAR_FILE} app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
      ),
    },
    {
      // fream-back's application-local.yml.example: Spring Boot reads application-local.yml, never the example.
      name: 'an example of a Spring file (.example) makes no application to run',
      files: {
        'application-local.yml.example': 'server:\n  port: 8443\n',
        'jre/release': ORACLE_8U202,
        'java/release': TEMURIN_17,
      },
    },
    {
      name: 'a JDK declared in the config settles it',
      files: { 'jre/release': ORACLE_8U202, 'java/release': TEMURIN_17, ...SERVERS },
      config: { java: { version: '17.0.9', vendor: 'temurin' } },
    },
  ],
  invalid: [
    {
      name: 'jre/ and java/ beside servers/: the JDK is unknown, both listed',
      files: { 'jre/release': ORACLE_8U202, 'java/release': TEMURIN_17, ...SERVERS },
      errors: [
        {
          messageId: 'ambiguous',
          file: 'servers/aserver.conf',
          line: 1,
          related: [
            { file: 'java/release', line: 1 },
            { file: 'jre/release', line: 1 },
          ],
        },
      ],
    },
    {
      // No image says it starts the app (no jar copied, no java command): each may run it.
      name: 'a Spring app beside Kafka and ZooKeeper images and a JDK image that starts nothing of its own: unknown',
      files: appBesideKafkaImages('FROM eclipse-temurin:17-jdk-jammy\nEXPOSE 8080\n'),
      errors: [
        {
          messageId: 'ambiguous',
          file: 'src/main/resources/application.yml',
          line: 3,
          related: [
            { file: 'docker/kafka/Dockerfile-kafka', line: 1 },
            { file: 'docker/kafka/Dockerfile-zookeeper', line: 1 },
            { file: 'docker/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: "a Dockerfile that copies the tree's JDK elsewhere than its JAVA_HOME: two JDKs",
      files: {
        Dockerfile: copyingJdk('COPY jdk1.8 /opt/jdk1.8/'),
        'jdk1.8/release': ORACLE_8U202,
        'aserver.conf': 'cleartrust.net.ssl.use=auth\n',
      },
      errors: [
        {
          messageId: 'ambiguous',
          file: 'aserver.conf',
          line: 1,
          related: [
            { file: 'jdk1.8/release', line: 1 },
            { file: 'Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      // IBMStockTrader/trader@b1f7b03 (Apache-2.0): Dockerfile copies src/main/liberty/config to /config; Dockerfile-tools
      // and Dockerfile.basicregistry, beside it, are built on other images. The Liberty server was 'JDK unknown'.
      name: 'of several images equally near, the one whose COPY puts the file in it runs it',
      files: {
        Dockerfile:
          'FROM icr.io/appcafe/open-liberty:25.0.0.9-full-java21-openj9-ubi-minimal\nCOPY src/main/liberty/config /config\n',
        'Dockerfile-tools': 'FROM ibmjava:8-sdk\n',
        'src/main/liberty/config/server.xml': LIBERTY_HTTPS,
      },
      // The images themselves (Java application (top directory)) stay two: which one is the app's, the tree does not say.
      errors: [
        {
          messageId: 'ambiguous',
          file: 'Dockerfile',
          line: 1,
          messageIncludes: ['2 JDKs are equally near Java application (top directory):'],
          messageExcludes: ['Liberty HTTPS endpoint'],
        },
      ],
    },
    {
      name: 'the same tree, its cli-config.yml naming a Dockerfile the tree does not hold: the JDK stays unknown',
      files: {
        Dockerfile:
          'FROM icr.io/appcafe/open-liberty:25.0.0.9-full-java21-openj9-ubi-minimal\nCOPY src/main/liberty/config /config\n',
        'Dockerfile-tools': 'FROM ibmjava:8-sdk\n',
        'cli-config.yml': 'dockerfile-run : "Dockerfile-run"\n',
        'src/main/liberty/config/server.xml': LIBERTY_HTTPS,
      },
      errors: [
        {
          messageId: 'ambiguous',
          file: 'Dockerfile',
          line: 1,
          messageIncludes: ['2 JDKs are equally near Java application (top directory):'],
        },
      ],
    },
    {
      name: 'two images equally near that both copy the file: the JDK stays unknown',
      files: {
        Dockerfile: 'FROM eclipse-temurin:17-jre\nCOPY config /config\n',
        'Dockerfile.legacy': 'FROM ibmjava:8-jre\nCOPY config /config\n',
        'config/server.xml': LIBERTY_HTTPS,
      },
      errors: [
        {
          messageId: 'ambiguous',
          file: 'Dockerfile',
          line: 1,
          messageIncludes: ['Liberty HTTPS endpoint defaultHttpEndpoint :9443 (config/server.xml)'],
          related: [
            { file: 'Dockerfile', line: 1 },
            { file: 'Dockerfile.legacy', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'an image that copies the file beside a JRE of the tree: not only images, the JDK stays unknown',
      files: {
        'app/Dockerfile': 'FROM eclipse-temurin:11.0.23_9-jre\nCOPY aserver.conf /opt/ct/aserver.conf\n',
        'app/jre/release': ORACLE_8U202,
        'app/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
      },
      errors: [{ messageId: 'ambiguous', file: 'app/aserver.conf', line: 1 }],
    },
    {
      // OpenLiberty/ci.docker releases/25.0.0.12/full (sweep55): 13 Dockerfiles, one per JVM, beside one server.xml.
      // Candidates named without an update were told apart by vendor alone, and the last of each shown: the
      // application (Dockerfile.ubi.ibmjava8's) read "2 JDKs" naming two other Dockerfiles, never its own ibmjava:8-ubi.
      name: 'images of one vendor naming different Java releases are different JDKs, each listed by its first Dockerfile',
      files: {
        'full/Dockerfile.ubi.ibmjava8': 'FROM ibmjava:8-ubi\nENV JAVA_OPTS=-Xshareclasses\n',
        'full/Dockerfile.ubi.openjdk11':
          'FROM icr.io/appcafe/ibm-semeru-runtimes:open-11-jdk-ubi\nENV JAVA_OPTS=-Xshareclasses\n',
        'full/Dockerfile.ubi.openjdk17':
          'FROM icr.io/appcafe/ibm-semeru-runtimes:open-17-jdk-ubi\nENV JAVA_OPTS=-Xshareclasses\n',
        'full/Dockerfile.ubuntu.ibmjava8': 'FROM ibmjava:8-jre\nENV JAVA_OPTS=-Xshareclasses\n',
      },
      errors: [
        {
          messageId: 'ambiguous',
          file: 'full/Dockerfile.ubi.ibmjava8',
          line: 1,
          messageIncludes: [
            '3 JDKs are equally near',
            'Dockerfile.ubi.ibmjava8:1 FROM ibmjava:8-ubi',
            'open-11',
            'open-17',
          ],
          messageExcludes: ['Dockerfile.ubuntu.ibmjava8'],
        },
      ],
    },
    {
      // The same path beside an image whose facts name another home (openjdk:11 keeps its JDK in /usr/local/openjdk-11).
      name: "a start environment's JAVA_HOME that is not the image's home stays a JDK of its own",
      files: {
        '.env': 'JAVA_HOME=/opt/java/openjdk\n',
        Dockerfile: 'FROM openjdk:11-jre-slim\nCOPY server.xml /usr/local/tomcat/conf/server.xml\n',
        'docker-compose.yml': 'services:\n  app:\n    build: .\n    env_file: .env\n',
        'server.xml':
          '<Server port="8005"><Service name="Catalina"><Connector port="8443" SSLEnabled="true" sslProtocol="TLSv1.2"/></Service></Server>\n',
      },
      errors: [{ messageId: 'ambiguous', file: 'server.xml', line: 1 }],
    },
    {
      name: 'a Dockerfile FROM and a bundled JRE in the same directory',
      files: {
        'app/Dockerfile': 'FROM eclipse-temurin:11.0.23_9-jre\n',
        'app/jre/release': ORACLE_8U202,
        'app/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
      },
      errors: [
        {
          messageId: 'ambiguous',
          file: 'app/aserver.conf',
          line: 1,
          related: [
            { file: 'app/jre/release', line: 1 },
            { file: 'app/Dockerfile', line: 1 },
          ],
        },
      ],
    },
  ],
});
