import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../../src/rules/tls/no-common-protocol';
import { ruleTester } from '../../helpers/rule-tester';
import {
  CLIENT_YML,
  IBM8_SR5,
  OPENJDK8_191,
  TEMURIN17,
  ccdt,
  nginx,
  nginxGateway,
  springServer,
  svrconn,
  tomcat,
  tomcatNative,
  javaClient,
  imageClient,
  NGINX_TLS13_BESIDE_CERTBOT,
  composedSpring,
  ORDERS_API,
} from './trees';

/** A WildFly standalone.xml whose https-listener uses an Elytron server-ssl-context with `attributes` (store outside the tree). */
const wildfly = (attributes: string) => `<server xmlns="urn:jboss:domain:19.0">
  <profile>
    <subsystem xmlns="urn:wildfly:elytron:15.0">
      <tls>
        <key-stores>
          <key-store name="ks"><credential-reference clear-text="\${env.KS_PASSWORD}"/><implementation type="PKCS12"/><file path="server.p12" relative-to="jboss.server.config.dir"/></key-store>
        </key-stores>
        <key-managers><key-manager name="km" key-store="ks"><credential-reference clear-text="\${env.KS_PASSWORD}"/></key-manager></key-managers>
        <server-ssl-contexts><server-ssl-context name="ssc" key-manager="km" ${attributes}/></server-ssl-contexts>
      </tls>
    </subsystem>
    <subsystem xmlns="urn:jboss:domain:undertow:13.0">
      <server name="default-server"><https-listener name="https" socket-binding="https" ssl-context="ssc"/></server>
    </subsystem>
  </profile>
  <socket-binding-group name="standard-sockets" default-interface="public">
    <socket-binding name="https" port="\${jboss.https.port:8443}"/>
  </socket-binding-group>
</server>
`;
const TLS13_CLIENT = {
  'client/application.properties': 'backend.url=https://wildfly:8443/api\n',
  'client/jvm.options': '-Djdk.tls.client.protocols=TLSv1.3\n',
  'client/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
  'wildfly/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jdk\n',
};

/**
 * A Spring app calling an Artemis broker by `spring.artemis.broker-url` (`url`, after `tcp://broker:61617`) with these JVM
 * options, and the broker's acceptor with these parameters; both images name their JDK.
 */
const ARTEMIS = (url: string, acceptor: string, jvm = ''): Record<string, string> => ({
  'client/application.properties': `spring.artemis.broker-url=tcp://broker:61617${url}\n`,
  ...(jvm ? { 'client/jvm.options': `${jvm}\n` } : {}),
  'client/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
  'broker/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jdk\n',
  'broker/etc/broker.xml': `<configuration xmlns="urn:activemq">\n  <core xmlns="urn:activemq:core">\n    <acceptors>\n      <acceptor name="tls">tcp://0.0.0.0:61617?sslEnabled=true;keyStorePath=broker.ks${acceptor}</acceptor>\n    </acceptors>\n  </core>\n</configuration>\n`,
});

/** The same with ActiveMQ Classic: `spring.activemq.broker-url` and a transport connector of activemq.xml. */
const CLASSIC = (url: string, connector: string, jvm = ''): Record<string, string> => ({
  'client/application.properties': `spring.activemq.broker-url=${url}\n`,
  ...(jvm ? { 'client/jvm.options': `${jvm}\n` } : {}),
  'client/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
  'broker/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jdk\n',
  'broker/conf/activemq.xml': `<beans xmlns="http://www.springframework.org/schema/beans">\n  <broker xmlns="http://activemq.apache.org/schema/core">\n    <sslContext><sslContext keyStore="broker.ks"/></sslContext>\n    <transportConnectors>\n      <transportConnector name="ssl" uri="${connector}"/>\n    </transportConnectors>\n  </broker>\n</beans>\n`,
});

const JAVA_SECURITY = '/opt/java/openjdk/conf/security/java.security';

const LEGACY_GATEWAY: Record<string, string> = {
  'gw/nginx.conf':
    'http {\n  server {\n    listen 80;\n    location / {\n      proxy_ssl_protocols TLSv1;\n      proxy_ssl_ciphers ECDHE-RSA-AES128-SHA;\n      proxy_pass https://api.example.internal:8443;\n    }\n  }\n}\n',
  'api/nginx.conf':
    'http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_certificate api-san.crt;\n    ssl_certificate_key api.key;\n    ssl_protocols TLSv1;\n    ssl_ciphers ECDHE-RSA-AES128-SHA:@SECLEVEL=0;\n  }\n}\n',
  'api/api-san.crt': fs.readFileSync(path.join(__dirname, '../../fixtures/certs/api-san.crt'), 'utf8'),
};

/**
 * A Spring app calling `https://localhost:8443` and a TLSv1-only nginx with `server_name localhost` on 8443, each run by
 * its own Compose service: the app's localhost is its own container, which the nginx does not listen in
 * (docs.docker.com/reference/compose-file/services/#network_mode). `appNetwork` joins the app to the proxy's.
 */
const LOCALHOST_ACROSS_SERVICES = (appNetwork = ''): Record<string, string> => ({
  'docker-compose.yml': `services:\n  app:\n    build: ./app\n${appNetwork}  proxy:\n    image: nginx:1.25\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf\n`,
  'app/Dockerfile':
    'FROM eclipse-temurin:17.0.9_9-jre\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
  'app/src/main/resources/application.properties': 'backend.url=https://localhost:8443/api\n',
  'nginx/nginx.conf':
    'events {}\nhttp {\n  server {\n    listen 8443 ssl;\n    server_name localhost;\n    ssl_certificate /etc/nginx/c.pem;\n    ssl_certificate_key /etc/nginx/k.pem;\n    ssl_protocols TLSv1;\n  }\n}\n',
});

/**
 * The same app and nginx as containers of Kubernetes workloads, their images built by Skaffold from app/ and nginx/:
 * `onePod` puts both in one Deployment's Pod (a sidecar TLS proxy: one network namespace, one localhost,
 * kubernetes.io/docs/concepts/workloads/pods/#pod-networking), else each runs in its own Deployment.
 */
const LOCALHOST_IN_PODS = (onePod: boolean): Record<string, string> => {
  const { 'docker-compose.yml': _compose, ...rest } = LOCALHOST_ACROSS_SERVICES();
  const workload = (name: string, containers: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n${containers}`;
  const app = '        - name: app\n          image: shop/app:1.0\n';
  const proxy = '        - name: proxy\n          image: shop/tls-proxy:1.0\n';
  return {
    ...rest,
    'skaffold.yaml':
      'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: shop/app\n      context: app\n    - image: shop/tls-proxy\n      context: nginx\n',
    'nginx/Dockerfile': 'FROM nginx:1.25\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
    'k8s/deployment.yaml': onePod
      ? workload('shop', app + proxy)
      : `${workload('shop', app)}---\n${workload('tls-proxy', proxy)}`,
  };
};

ruleTester(rule, {
  valid: [
    {
      name: 'a Compose service of a Java image configured by its environment, with a protocol in common with nginx',
      files: composedSpring(
        'eclipse-temurin:17-jre',
        [...ORDERS_API, 'SERVER_SSL_ENABLED_PROTOCOLS: TLSv1.2,TLSv1.3'],
        'TLSv1.2',
      ),
    },
    {
      name: 'the same service with SERVER_SSL_ENABLED=false: it serves no TLS, no link',
      files: composedSpring(
        'eclipse-temurin:17-jre',
        [...ORDERS_API, 'SERVER_SSL_ENABLED: "false"', 'SERVER_SSL_ENABLED_PROTOCOLS: TLSv1.3'],
        'TLSv1.2',
      ),
    },
    {
      // Tomcat (or Spring Boot) keeps the protocols of its own list that the JDK implements, and adds none: which JDK runs it
      // decides the suites, so TLSv1.2 against TLSv1.2 stays unknown (tls/link-outcome-unknown).
      name: 'a Tomcat connector protocols="TLSv1.2" whose JDK the tree does not say, behind nginx proxy_ssl_protocols TLSv1.2',
      files: {
        ...nginxGateway(['proxy_ssl_protocols TLSv1.2;']),
        'api/conf/server.xml': tomcat('protocols="TLSv1.2"'),
      },
    },
    {
      // -Djdk.tls.client.protocols is the JDK's own property: a JDK the tree does not say may read it or not.
      name: 'a Java client -Djdk.tls.client.protocols=TLSv1.3 whose JDK the tree does not say, to a TLSv1.2-only nginx',
      files: {
        'client/jvm.options': '-Djdk.tls.client.protocols=TLSv1.3\n',
        'client/application.yml': CLIENT_YML,
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;'),
      },
    },
    {
      // Only one of them runs (standalone.sh -c): the outcome is unknown, not standalone.xml's failure.
      name: 'WildFly standalone.xml (TLSv1.2) beside standalone-ha.xml (TLS 1.3): which one runs is unknown',
      files: {
        ...TLS13_CLIENT,
        'wildfly/standalone/configuration/standalone.xml': wildfly('protocols="TLSv1.2"'),
        'wildfly/standalone/configuration/standalone-ha.xml': wildfly(
          'protocols="TLSv1.2 TLSv1.3" cipher-suite-names="TLS_AES_128_GCM_SHA256"',
        ),
      },
    },
    {
      name: 'WildFly Elytron server-ssl-context with cipher-suite-names serves TLS 1.3',
      files: {
        ...TLS13_CLIENT,
        'wildfly/standalone/configuration/standalone.xml': wildfly(
          'protocols="TLSv1.2 TLSv1.3" cipher-suite-names="TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384"',
        ),
      },
    },
    {
      // The URL's own enabledProtocols is what the Artemis connector sets on its SSLEngine, not the JVM's default.
      name: 'Artemis broker URL with enabledProtocols=TLSv1.2 from a JVM whose default is TLS 1.3 only: the URL wins',
      files: ARTEMIS(
        '?sslEnabled=true;enabledProtocols=TLSv1.2',
        ';enabledProtocols=TLSv1.2',
        '-Djdk.tls.client.protocols=TLSv1.3',
      ),
    },
    {
      // apache/activemq-artemis names no JDK in jdk-locations.json: the broker's default lists are unknown.
      name: 'Artemis broker run by an image whose JDK the knowledge base does not name: unknown, not an error',
      files: {
        'client/application.properties': 'spring.artemis.broker-url=tcp://mq:61617?sslEnabled=true\n',
        'client/jvm.options': '-Djdk.tls.client.protocols=TLSv1.3\n',
        'client/Dockerfile': 'FROM eclipse-temurin:17.0.9_9-jre\n',
        'broker/broker.xml': ARTEMIS('', ';enabledCipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')[
          'broker/etc/broker.xml'
        ]!,
        'compose.yaml':
          'services:\n  app:\n    build: ./client\n  mq:\n    image: apache/activemq-artemis:latest\n    volumes:\n      - ./broker:/var/lib/artemis-instance/etc-override\n',
      },
    },
    {
      name: 'Artemis broker URL without sslEnabled=true: no TLS link',
      files: ARTEMIS('?ha=true', ';enabledProtocols=TLSv1.2', '-Djdk.tls.client.protocols=TLSv1.3'),
    },
    {
      name: 'Artemis broker URL whose enabledProtocols is a placeholder: unknown, not an error',
      files: ARTEMIS('?sslEnabled=true;enabledProtocols=${TLS_PROTOCOLS}', ';enabledProtocols=TLSv1.2'),
    },
    {
      name: 'Artemis broker URL to another port than the TLS acceptor: no link',
      files: {
        ...ARTEMIS('?sslEnabled=true', ';enabledProtocols=TLSv1.2', '-Djdk.tls.client.protocols=TLSv1.3'),
        'client/application.properties': 'spring.artemis.broker-url=tcp://broker:61616?sslEnabled=true\n',
      },
    },
    {
      name: 'https://localhost from one Compose service to an nginx run by another: a different localhost, no link',
      files: LOCALHOST_ACROSS_SERVICES(),
    },
    {
      name: "https://localhost from a Kubernetes Deployment's container to an nginx of another Deployment: another Pod, no link",
      files: LOCALHOST_IN_PODS(false),
    },
    {
      // 8 GA to 8u351 offer no TLS 1.3 by default (JDK-8245263 in 8u352): the update decides (tls/link-outcome-unknown).
      name: 'FROM eclipse-temurin:8-jre (no update named) against a TLSv1.3-only nginx: not an error',
      files: { ...imageClient('eclipse-temurin:8-jre'), 'api/nginx.conf': nginx('ssl_protocols TLSv1.3;') },
    },
    {
      // openjdk:N may hold an early-access build (docker-library/openjdk#522): its version stays unknown.
      name: 'FROM openjdk:17 (no update named, early-access builds possible) against a TLSv1-only nginx: not an error',
      files: { ...imageClient('openjdk:17'), 'api/nginx.conf': nginx('ssl_protocols TLSv1;') },
    },
    // No source rules out an early-access build under these names (bellsoft/liberica-runtime-container has
    // jdk-27-glibc before 27's release; GraalVM's images): the update, and with it the verdict, stays unknown.
    ...['bellsoft/liberica-runtime-container:jre-17-musl', 'ghcr.io/graalvm/jdk-community:17'].map((image) => ({
      name: `FROM ${image} (no update named, no general-availability claim) against a TLSv1-only nginx: not an error`,
      files: { ...imageClient(image), 'api/nginx.conf': nginx('ssl_protocols TLSv1;') },
    })),
    {
      // JDK 17.0.15 here: `sed -i 's/TLSv1, TLSv1.1, //'` on its java.security makes a TLSv1.1-only JSSE client negotiate.
      name: "TLSv1 client whose image's sed edits jdk.tls.disabledAlgorithms (the JDK file's lines decide): unknown, not an error",
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1']),
        'client/Dockerfile': `FROM registry.example/base:1\nRUN sed -i 's/TLSv1, //' ${JAVA_SECURITY}\nCMD ["java", "-jar", "/app.jar"]\n`,
        'api/nginx.conf': nginx('ssl_protocols TLSv1 TLSv1.2;', "ssl_ciphers 'ECDHE-RSA-AES128-SHA:@SECLEVEL=0';"),
      },
    },
    {
      name: 'TLSv1 client whose image appends a jdk.tls.disabledAlgorithms without TLSv1 to java.security (the last one wins)',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1']),
        'client/Dockerfile': `FROM registry.example/base:1\nRUN echo 'jdk.tls.disabledAlgorithms=SSLv3' >> ${JAVA_SECURITY}\nCMD ["java", "-jar", "/app.jar"]\n`,
        'api/nginx.conf': nginx('ssl_protocols TLSv1 TLSv1.2;', "ssl_ciphers 'ECDHE-RSA-AES128-SHA:@SECLEVEL=0';"),
      },
    },
    {
      name: 'nginx proxy TLSv1 ECDHE on an OpenSSL the tree does not name: unknown (tls/link-outcome-unknown), not an error',
      files: LEGACY_GATEWAY,
    },
    {
      // medizininformatik-initiative/fts-next@fc699dc: the agents set server.ssl.* only for their tests.
      name: 'server.ssl.* only in the resources of test source sets (src/test, src/e2e): no HTTPS server is deployed',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/jdk/release': TEMURIN17,
        'api/src/main/resources/application.yml': 'spring:\n  application:\n    name: api\n',
        'api/src/test/resources/application.yml': springServer('enabled-protocols: TLSv1.3'),
        'api/src/e2e/resources/application.yml': springServer('enabled-protocols: TLSv1.3'),
      },
    },
    {
      // linuxserver/docker-swag@bc02502 root/defaults/nginx/site-confs/default.conf.sample: the image's ssl.conf.
      name: 'TLSv1 client, nginx leaving ssl_protocols to an include the tree does not hold: unknown, not an error',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1'], OPENJDK8_191),
        'api/nginx.conf': nginx('include /config/nginx/ssl.conf;'),
      },
    },
    {
      name: 'Spring Boot profile prod allows only TLSv1.3 but the tree does not say it is active: unknown, not an error',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('enabled-protocols: TLSv1.2,TLSv1.3'),
        'api/application-prod.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.3\n',
      },
    },
    {
      name: 'Spring Boot with SPRING_PROFILES_ACTIVE=dev: the prod profile does not apply',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/jdk/release': TEMURIN17,
        'api/setenv.sh': 'export SPRING_PROFILES_ACTIVE=dev\nexport JAVA_OPTS="-Xmx1g"\n',
        'api/application.yml': springServer('enabled-protocols: TLSv1.2,TLSv1.3'),
        'api/application-prod.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.3\n',
      },
    },
    {
      // zowe/api-layer@386109e discovery-service application.yml: embedded Tomcat reads Tomcat's protocol syntax.
      name: 'Spring Boot enabled-protocols TLSv1.2+TLSv1.3 (Tomcat syntax: two protocols) against a TLSv1.3 client',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.3']),
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('enabled-protocols: TLSv1.2+TLSv1.3'),
      },
    },
    {
      name: 'JDK 17 defaults against nginx TLSv1.2 TLSv1.3',
      files: { ...javaClient(['-Xmx1g']), 'api/nginx.conf': nginx('ssl_protocols TLSv1.2 TLSv1.3;') },
    },
    {
      name: 'client pinned to TLSv1.2, nginx TLSv1.2',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;'),
      },
    },
    {
      name: 'client TLSv1.3 against Tomcat TLSv1.2+TLSv1.3',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.3']),
        'api/jdk/release': TEMURIN17,
        'api/conf/server.xml': tomcat('protocols="TLSv1.2,TLSv1.3"'),
      },
    },
    {
      name: 'MQ client: a TLS 1.2 CipherSpec against the queue manager',
      files: {
        'qm/QM1.mqsc': svrconn('APP.SVRCONN', 'SSLCIPH(ECDHE_RSA_AES_256_GCM_SHA384)'),
        'app/ccdt.json': ccdt('APP.SVRCONN', 'QM1', { cipherSpecification: 'ECDHE_RSA_AES_256_GCM_SHA384' }),
      },
    },
    {
      name: 'IBM Java 8 TLSv1 default against TLSv1.2: java/ibm-default-tls-v1 owns the link',
      files: { ...javaClient(['-Xmx1g'], IBM8_SR5), 'api/nginx.conf': nginx('ssl_protocols TLSv1.2;') },
    },
    {
      name: 'TLSv1 client and nginx enabling TLSv1 with @SECLEVEL=0: OpenSSL 3 signs the TLS 1.0 handshake',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1', '-Djava.security.properties=client/tls.security']),
        'client/tls.security': 'jdk.tls.disabledAlgorithms=SSLv3\n',
        'api/nginx.conf': nginx(
          'ssl_protocols TLSv1 TLSv1.2;',
          "ssl_ciphers 'ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0';",
        ),
      },
    },
    {
      // Measured with Tomcat 9.0.70, libtcnative-1 1.2.35, OpenSSL 3.0.19: a JDK 17 client negotiates TLSv1 (the JSSE
      // connector, with the JDK's TLSv1 disabled, answers protocol_version).
      name: "TLSv1 client against Tomcat on Tomcat Native with @SECLEVEL=0: OpenSSL signs TLS 1.0, the JDK's disabledAlgorithms does not apply",
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1', '-Djava.security.properties=client/tls.security']),
        'client/tls.security': 'jdk.tls.disabledAlgorithms=SSLv3\n',
        ...tomcatNative('protocols="TLSv1+TLSv1.1+TLSv1.2" ciphers="HIGH:@SECLEVEL=0"'),
      },
    },
    {
      name: 'no link: the client calls another host',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'client/application.yml': CLIENT_YML.replace('api.example', 'other.example'),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.3;'),
      },
    },
    {
      name: 'nginx proxy with the default proxy_ssl_protocols to a TLSv1.3-only Spring server: the nginx release decides (unknown)',
      files: {
        ...nginxGateway([]),
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('enabled-protocols: TLSv1.3'),
      },
    },
    {
      name: 'nginx proxy_pass to a variable target: no server is known, no link',
      files: {
        'gw/nginx.conf':
          'http {\n  server {\n    listen 80;\n    location / {\n      proxy_ssl_protocols TLSv1.3;\n      proxy_pass https://$backend;\n    }\n  }\n}\n',
        'api/jdk/release': OPENJDK8_191,
        'api/conf/server.xml': tomcat('protocols="TLSv1.2"'),
      },
    },
    {
      // nginx adds up every proxy_ssl_protocols of a block (ngx_conf_set_bitmask_slot); measured with Debian's nginx
      // 1.22.1: ssl_protocols TLSv1.1; ssl_protocols TLSv1.2; in one server accepts TLSv1.1 and TLSv1.2.
      name: 'nginx proxy with two proxy_ssl_protocols in one block (TLSv1.2, then TLSv1.3) to a TLSv1.2-only Tomcat: both count',
      files: {
        ...nginxGateway(['proxy_ssl_protocols TLSv1.2;', 'proxy_ssl_protocols TLSv1.3;']),
        'api/jdk/release': OPENJDK8_191,
        'api/conf/server.xml': tomcat(''),
      },
    },
    {
      name: 'nginx proxy_ssl_protocols TLSv1.3 beside an include the tree does not hold, to a TLSv1.2-only Tomcat: it may add TLSv1.2',
      files: {
        ...nginxGateway(['include /etc/nginx/snippets/upstream-tls.conf;', 'proxy_ssl_protocols TLSv1.3;']),
        'api/jdk/release': OPENJDK8_191,
        'api/conf/server.xml': tomcat(''),
      },
    },
    {
      name: 'nginx ssl_protocols TLSv1.3 beside an include the tree does not hold (certbot options), TLSv1.2 client: unknown',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/nginx.conf': NGINX_TLS13_BESIDE_CERTBOT,
      },
    },
  ],
  invalid: [
    // Measured: a JSSE 17 server enabling TLSv1.3 only refuses OpenSSL 3's TLSv1.2-only ClientHello with a
    // protocol_version alert (test/handshake/spring-environment-interop.test.ts). Whatever JDK runs it, the server
    // enables at most TLSv1.3 (Spring Boot hands server.ssl.enabled-protocols to setEnabledProtocols; a JDK without
    // TLS 1.3 enables nothing): an image whose JDK is unknown fails too.
    ...['eclipse-temurin:17-jre', 'registry.example.com/orders-api:1.4'].map((image) => ({
      name: `nginx proxy_ssl_protocols TLSv1.2 to a Compose service of ${image} with SERVER_SSL_ENABLED_PROTOCOLS=TLSv1.3`,
      files: composedSpring(image, [...ORDERS_API, 'SERVER_SSL_ENABLED_PROTOCOLS: TLSv1.3'], 'TLSv1.2'),
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'nginx.conf',
          line: 7,
          related: [{ file: 'docker-compose.yml', line: 7 }],
          messageIncludes: ['tlsv1 alert protocol version'],
        },
      ],
    })),
    {
      name: 'nginx proxy_ssl_protocols TLSv1.2 to a Tomcat connector protocols="TLSv1.3" whose JDK the tree does not say',
      files: {
        ...nginxGateway(['proxy_ssl_protocols TLSv1.2;']),
        'api/conf/server.xml': tomcat('protocols="TLSv1.3"'),
      },
      errors: [{ messageId: 'noCommonProtocol', file: 'gw/nginx.conf', line: 5 }],
    },
    {
      name: "Artemis acceptor enabledProtocols=TLSv1.2 against a broker URL's enabledProtocols=TLSv1.3",
      files: ARTEMIS('?sslEnabled=true;enabledProtocols=TLSv1.3', ';enabledProtocols=TLSv1.2'),
      errors: [{ messageId: 'noCommonProtocol', file: 'client/application.properties', line: 1 }],
    },
    {
      name: 'Artemis broker URL to the Compose service (mq) that builds the broker from its directory',
      files: {
        ...ARTEMIS('?sslEnabled=true', ';enabledProtocols=TLSv1.2', '-Djdk.tls.client.protocols=TLSv1.3'),
        'client/application.properties': 'spring.artemis.broker-url=tcp://mq:61617?sslEnabled=true\n',
        'compose.yaml': 'services:\n  app:\n    build: ./client\n  mq:\n    build: ./broker\n',
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          related: [
            { file: 'broker/etc/broker.xml', line: 4 },
            { file: 'client/application.properties', line: 1 },
            { file: 'compose.yaml', line: 1 },
            { file: 'client/Dockerfile', line: 1 },
            { file: 'broker/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'Artemis acceptor enabledProtocols=TLSv1.2 against a JVM whose client protocols are TLS 1.3 only',
      files: ARTEMIS('?sslEnabled=true', ';enabledProtocols=TLSv1.2', '-Djdk.tls.client.protocols=TLSv1.3'),
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          related: [
            { file: 'broker/etc/broker.xml', line: 4 },
            { file: 'client/application.properties', line: 1 },
            { file: 'client/Dockerfile', line: 1 },
            { file: 'broker/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'ActiveMQ Classic ssl connector transport.enabledProtocols=TLSv1.2 against a TLS 1.3-only JVM through failover:(…)',
      files: CLASSIC(
        'failover:(ssl://broker:61617)?randomize=false',
        'ssl://0.0.0.0:61617?transport.enabledProtocols=TLSv1.2',
        '-Djdk.tls.client.protocols=TLSv1.3',
      ),
      errors: [{ messageId: 'noCommonProtocol', file: 'client/jvm.options', line: 1 }],
    },
    {
      name: 'WildFly Elytron server-ssl-context protocols="TLSv1.2" against a TLSv1.3-only Java client',
      files: {
        ...TLS13_CLIENT,
        'wildfly/standalone/configuration/standalone.xml': wildfly('protocols="TLSv1.2"'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          related: [
            { file: 'wildfly/standalone/configuration/standalone.xml', line: 9 },
            { file: 'client/application.properties', line: 1 },
            { file: 'client/Dockerfile', line: 1 },
            { file: 'wildfly/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      // Elytron selects TLS 1.3 suites only from cipher-suite-names, which has no default (wildfly.json).
      name: 'WildFly Elytron server-ssl-context without cipher-suite-names offers no TLS 1.3: a TLSv1.3-only client fails',
      files: {
        ...TLS13_CLIENT,
        'wildfly/standalone/configuration/standalone.xml': wildfly('protocols="TLSv1.2 TLSv1.3"'),
      },
      errors: [{ messageId: 'noCommonProtocol', file: 'client/jvm.options', line: 1 }],
    },
    {
      name: 'https://localhost from a Compose service joined to the nginx service (network_mode: service:proxy)',
      files: LOCALHOST_ACROSS_SERVICES('    network_mode: service:proxy\n'),
      errors: [{ messageId: 'noCommonProtocol', file: 'app/src/main/resources/application.properties', line: 1 }],
    },
    {
      name: 'https://localhost from an app to the nginx sidecar of its Pod (two containers of one Deployment)',
      files: LOCALHOST_IN_PODS(true),
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'app/src/main/resources/application.properties',
          line: 1,
          related: [
            { file: 'nginx/nginx.conf', line: 8 },
            { file: 'k8s/deployment.yaml', line: 9 },
            { file: 'skaffold.yaml', line: 5 },
            { file: 'app/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    // Every 17 update disables TLSv1 and TLSv1.1 by default: the update the image pulls does not matter. Eclipse
    // Temurin, and vendor builds of OpenJDK whose images hold release builds only (bell-sw/Liberica docker/repos
    // history, library/sapmachine history, microsoft/openjdk-docker), judged as OpenJDK.
    ...[
      ['eclipse-temurin:17-jre', 'Eclipse Temurin 17'],
      ['bellsoft/liberica-openjre-debian:17', 'OpenJDK 17'],
      ['sapmachine:17-jre-headless', 'OpenJDK 17'],
      ['mcr.microsoft.com/openjdk/jdk:17-ubuntu', 'OpenJDK 17'],
    ].map(([image, jdk]) => ({
      name: `FROM ${image} (no update named) against a TLSv1-only nginx: fails on every ${jdk} update`,
      files: { ...imageClient(image), 'api/nginx.conf': nginx('ssl_protocols TLSv1;') },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/application.yml',
          line: 1,
          messageIncludes: [
            `Client (JSSE \u00b7 every ${jdk} update) logs "Received fatal alert: protocol_version"`,
            // Said once: it read 'no TLS protocol version in common: no protocol version in common: the server
            // answers with a protocol_version alert; the server aborts with protocol_version.'
            'no TLS protocol version in common: the server answers with a protocol_version alert. Client',
          ],
          related: [
            { file: 'api/nginx.conf', line: 5 },
            { file: 'client/Dockerfile', line: 1 },
          ],
        },
      ],
    })),
    {
      // 8u291 disables TLSv1 and TLSv1.1 (JDK-8202343); eclipse-temurin:8's images start at 8u302
      // (adoptium/containers@733485c4, docker-library/official-images#10662): no update the name ran offers TLSv1.
      name: 'FROM eclipse-temurin:8-jre (no update named) against a TLSv1-only nginx: fails on every update the name carried',
      files: { ...imageClient('eclipse-temurin:8-jre'), 'api/nginx.conf': nginx('ssl_protocols TLSv1;') },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/application.yml',
          line: 1,
          messageIncludes: ['Client (JSSE \u00b7 every Eclipse Temurin 8 update from 8u302 on) logs'],
          related: [
            { file: 'api/nginx.conf', line: 5 },
            { file: 'client/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      // The client's JVM takes the protocols from its Docker Compose service's JAVA_TOOL_OPTIONS, not its defaults.
      name: 'a Java client whose Compose JAVA_TOOL_OPTIONS allows only TLSv1.3, nginx only TLSv1.2',
      files: {
        ...javaClient(['-Xmx1g']),
        'compose.yaml':
          'services:\n  client:\n    build: ./client\n    environment:\n      JAVA_TOOL_OPTIONS: -Djdk.tls.client.protocols=TLSv1.3\n',
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;'),
      },
      errors: [{ messageId: 'noCommonProtocol', file: 'compose.yaml', line: 5 }],
    },
    {
      name: "nginx proxy: an include the tree does not hold at http level cannot widen the location's proxy_ssl_protocols",
      files: {
        'gw/nginx.conf':
          'http {\n  include /etc/nginx/snippets/upstream-tls.conf;\n  server {\n    listen 80;\n    location / {\n      proxy_ssl_protocols TLSv1.3;\n      proxy_ssl_ciphers HIGH;\n      proxy_pass https://api.example.internal:8443;\n    }\n  }\n}\n',
        'api/jdk/release': OPENJDK8_191,
        'api/conf/server.xml': tomcat(''),
      },
      errors: [{ messageId: 'noCommonProtocol', file: 'gw/nginx.conf', line: 6 }],
    },
    {
      name: 'nginx proxy TLSv1 ECDHE on OpenSSL 3 (nginx:1.25): it refuses the SHA1-signed key exchange (legacy sigalg)',
      files: { ...LEGACY_GATEWAY, 'gw/Dockerfile': 'FROM nginx:1.25\n' },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'gw/nginx.conf',
          line: 5,
          messageIncludes: ['legacy sigalg disallowed or unsupported', '@SECLEVEL=0'],
          related: [
            { file: 'api/nginx.conf', line: 7 },
            { file: 'gw/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      // Measured (Tomcat 9.0.70, libtcnative-1 1.2.35): Tomcat Native enables the run down from TLSv1.2, TLSv1 is off.
      name: 'TLSv1 client against Tomcat on Tomcat Native with protocols TLSv1+TLSv1.2: no hole, TLSv1 is off',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1', '-Djava.security.properties=client/tls.security']),
        'client/tls.security': 'jdk.tls.disabledAlgorithms=SSLv3\n',
        ...tomcatNative('protocols="TLSv1+TLSv1.2" ciphers="HIGH:@SECLEVEL=0"'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: ['OpenSSL 3.0.2 (tomcat:9.0.85-jdk17-temurin-jammy → ubuntu:jammy) via Tomcat Native'],
          related: [
            { file: 'api/conf/server.xml', line: 3 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'client/tls.security', line: 1 },
            { file: 'api/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'nginx proxy_ssl_protocols TLSv1.3 to Tomcat on OpenJDK 8u191 (no TLS 1.3)',
      files: {
        ...nginxGateway(['proxy_ssl_protocols TLSv1.3;']),
        'api/jdk/release': OPENJDK8_191,
        'api/conf/server.xml': tomcat(''),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'gw/nginx.conf',
          line: 5,
          messageIncludes: [
            'tlsv1 alert protocol version',
            'The client supported protocol versions [TLSv1.3] are not accepted by server preferences',
          ],
          related: [
            { file: 'api/conf/server.xml', line: 2 },
            { file: 'api/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'nginx 1.20 (the image) with its default proxy_ssl_protocols TLSv1 TLSv1.1 TLSv1.2 to a TLSv1.3-only Spring server',
      files: {
        ...nginxGateway([]),
        'gw/Dockerfile': 'FROM nginx:1.20\n',
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('enabled-protocols: TLSv1.3'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'gw/nginx.conf',
          line: 5,
          messageIncludes: [
            'OpenSSL 1.1.1w (nginx:1.20 → debian:bullseye)',
            'Client requested protocol TLSv1.2 is not enabled',
          ],
          related: [
            { file: 'api/application.yml', line: 5 },
            { file: 'gw/Dockerfile', line: 1 },
            { file: 'api/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'nginx proxy_ssl_protocols TLSv1.2 (set for the whole http block) to a TLSv1.3-only Spring server',
      files: {
        'gw/nginx.conf':
          'http {\n  proxy_ssl_protocols TLSv1.2;\n  server {\n    listen 80;\n    location / { proxy_pass https://api.example.internal:8443; }\n  }\n}\n',
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('enabled-protocols: TLSv1.3'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'gw/nginx.conf',
          line: 2,
          related: [
            { file: 'api/application.yml', line: 5 },
            { file: 'api/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'client TLSv1.2 only, nginx TLSv1.3 only',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.3;'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: ['Received fatal alert: protocol_version', 'unsupported protocol'],
          related: [
            { file: 'api/nginx.conf', line: 5 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'client TLSv1.3 only, Tomcat (JSSE) TLSv1.2 only',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.3']),
        'api/jdk/release': TEMURIN17,
        'api/conf/server.xml': tomcat('protocols="TLSv1.2"'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: [
            'The client supported protocol versions [TLSv1.3] are not accepted by server preferences [TLSv1.2]',
          ],
          related: [
            { file: 'api/conf/server.xml', line: 2 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'api/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'Spring Boot server TLSv1.3 only, client TLSv1.2 only',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/jdk/release': TEMURIN17,
        'api/application.yml': springServer('enabled-protocols: TLSv1.3'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          related: [
            { file: 'api/application.yml', line: 5 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'api/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      // jhipster/jhipster-sample-app@f8da577: src/test/resources/config/application.yml beside src/main/resources.
      name: 'Spring Boot server TLSv1.3 only, client TLSv1.2 only: the test resources (TLSv1.2) are not deployed',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/jdk/release': TEMURIN17,
        'api/src/main/resources/application.yml': springServer('enabled-protocols: TLSv1.3'),
        'api/src/test/resources/application.yml': springServer('enabled-protocols: TLSv1.2'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          related: [
            { file: 'api/src/main/resources/application.yml', line: 5 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'api/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'Spring Boot server whose active profile (-Dspring.profiles.active=prod) allows only TLSv1.3, client TLSv1.2 only',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/jdk/release': TEMURIN17,
        'api/jvm.options': '-Dspring.profiles.active=prod\n',
        'api/application.yml': springServer('enabled-protocols: TLSv1.2,TLSv1.3'),
        'api/application-prod.yml': 'server:\n  ssl:\n    enabled-protocols: TLSv1.3\n',
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          related: [
            { file: 'api/application-prod.yml', line: 3 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'api/application.yml', line: 4 },
            { file: 'api/jvm.options', line: 1 },
            { file: 'api/jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'nginx TLSv1.3 only through two include hops: each include that brings the setting in is named',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1.2']),
        'api/nginx.conf': 'http {\n  include conf.d/*.conf;\n}\n',
        'api/conf.d/api.conf':
          'server {\n  listen 8443 ssl;\n  server_name api.example.internal;\n  include snippets/tls.conf;\n}\n',
        'api/snippets/tls.conf': 'ssl_protocols TLSv1.3;\n',
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          related: [
            { file: 'api/snippets/tls.conf', line: 1 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'api/conf.d/api.conf', line: 1 },
            { file: 'api/nginx.conf', line: 2 },
          ],
        },
      ],
    },
    {
      name: 'TLSv1 client and nginx enabling TLSv1 at the default security level: OpenSSL 3 finds no signature algorithm (internal_error)',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1', '-Djava.security.properties=client/tls.security']),
        'client/tls.security': 'jdk.tls.disabledAlgorithms=SSLv3\n',
        'api/nginx.conf': nginx(
          'ssl_protocols TLSv1 TLSv1.2;',
          "ssl_ciphers 'ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256';",
        ),
        // nginx 1.25 runs on Debian bookworm: OpenSSL 3 (without an image the release is unknown, and so the outcome).
        'api/Dockerfile': 'FROM nginx:1.25\n',
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: ['Received fatal alert: internal_error', 'no suitable signature algorithm'],
          related: [
            { file: 'api/nginx.conf', line: 5 },
            { file: 'client/application.yml', line: 3 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'client/tls.security', line: 1 },
            { file: 'api/Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'IBM Java 8 with jdk.tls.client.protocols set: java/ibm-default-tls-v1 stays silent, so it is reported here',
      files: {
        ...javaClient(['-Djdk.tls.client.protocols=TLSv1'], IBM8_SR5),
        'api/nginx.conf': nginx('ssl_protocols TLSv1.2;'),
      },
      errors: [
        {
          messageId: 'noCommonProtocol',
          file: 'client/application.yml',
          line: 1,
          related: [
            { file: 'api/nginx.conf', line: 5 },
            { file: 'client/jdk/release', line: 1 },
            { file: 'client/jvm.options', line: 1 },
          ],
        },
      ],
    },
  ],
});
