import rule from '../../../src/rules/tls/untrusted-server-certificate';
import { ruleTester } from '../../helpers/rule-tester';
import {
  APT_JDK_17,
  javaClient,
  nginxProxy,
  nginxServer,
  pem,
  replacingCacerts,
  replacingDebianStore,
  store,
  tomcatServer,
} from './trust-trees';

/** The Java client whose image's ENTRYPOINT names a trust store of another CA (no JVM options beside it). */
const CLIENT_TRUSTS_OTHER_BY_ENTRYPOINT = {
  ...javaClient({ trustStore: 'trust-other.p12' }),
  'client/jvm.options': '-Xmx1g\n',
  'client/Dockerfile':
    'ENTRYPOINT ["java", "-Djavax.net.ssl.trustStore=/opt/client/security/trust-other.p12", "-jar", "/app.jar"]\n',
};

ruleTester(rule, {
  valid: [
    {
      name: 'the client trusts the root of the chain the Tomcat key entry holds',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...tomcatServer('server-chain.p12') },
    },
    {
      name: 'nginx sends leaf and intermediate; the client trusts the root',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...nginxServer('server-fullchain.pem') },
    },
    {
      // The Compose entrypoint replaces the image's: the trust store is the one the shell gives, which the tree does not say.
      name: "a Compose entrypoint that runs java with the trust store from the shell replaces the image's ENTRYPOINT",
      files: {
        ...CLIENT_TRUSTS_OTHER_BY_ENTRYPOINT,
        'compose.yaml':
          'services:\n  client:\n    build: ./client\n    entrypoint: java -Djavax.net.ssl.trustStore=${TRUST_STORE} -jar /app.jar\n',
        ...tomcatServer('server-chain.p12'),
      },
    },
    {
      name: 'no trust store: the JDK cacerts decide (unknown, not an error)',
      files: { ...javaClient({}), ...tomcatServer('server-chain.p12') },
    },
    {
      name: 'the server omits its intermediate: tls/incomplete-chain, not this rule',
      files: {
        ...javaClient({ trustStore: 'trust-root.jks' }),
        ...nginxServer('server-leaf.pem'),
        'ca/issuing-ca.pem': pem('issuing-ca.pem'),
      },
    },
    {
      name: 'a trust store no tried password opens: unknown (tls/certificate-trust-unknown), not untrusted',
      files: { ...javaClient({ trustStore: 'trust-locked.p12' }), ...tomcatServer('server-chain.p12') },
    },
    {
      name: 'an expired root is a trust anchor JSSE does not date-check',
      files: {
        ...javaClient({ trustStore: 'trust-expired-root.jks' }),
        ...tomcatServer('server-under-expired-root.p12'),
      },
    },
    {
      name: 'HAProxy server line with verify none: HAProxy checks no certificate at all',
      files: {
        ...{
          'lb/haproxy.cfg': 'backend app\n  server api api:8443 ssl verify none ca-file ssl/partner-ca.pem\n',
          'lb/ssl/partner-ca.pem': pem('partner-ca.pem'),
        },
        ...tomcatServer('server-chain.p12'),
      },
    },
    {
      name: 'HAProxy server line verifying against the root in its ca-file',
      files: {
        ...{
          'lb/haproxy.cfg': 'backend app\n  server api api:8443 ssl ca-file ssl/root-ca.pem\n',
          'lb/ssl/root-ca.pem': pem('root-ca.pem'),
        },
        ...tomcatServer('server-chain.p12'),
      },
    },
    {
      name: 'nginx proxy_pass with proxy_ssl_verify off (its default): nginx checks no certificate at all',
      files: {
        ...nginxProxy(['proxy_ssl_trusted_certificate ssl/partner-ca.pem;'], 'partner-ca.pem'),
        ...nginxServer('server-fullchain.pem'),
      },
    },
    {
      // OpenSSL's depth 1 allows the leaf, one intermediate and the anchor (SSL_CTX_set_verify_depth).
      name: 'nginx proxy_pass verifying against the root at the default proxy_ssl_verify_depth 1',
      files: {
        ...nginxProxy(['proxy_ssl_verify on;', 'proxy_ssl_trusted_certificate ssl/root-ca.pem;'], 'root-ca.pem'),
        ...nginxServer('server-fullchain.pem'),
      },
    },
    {
      // JEP 220: a JDK 17 has no jre/ directory; the copy reaches no JDK and its cacerts stay unknown.
      name: 'an image copies a store of another CA to $JAVA_HOME/jre/lib/security/cacerts of a JDK 17: not its cacerts',
      files: replacingCacerts('eclipse-temurin:17.0.9_9-jre', '$JAVA_HOME/jre/lib/security/cacerts', 'trust-other.jks'),
    },
    {
      // adoptium/containers 8/jdk entrypoint.sh: a JDK 8's cacerts is $JAVA_HOME/jre/lib/security/cacerts.
      name: 'a JDK 8 image (a JDK, not a JRE): $JAVA_HOME/lib/security/cacerts is not its cacerts',
      files: replacingCacerts('eclipse-temurin:8u202-b08-jdk', '$JAVA_HOME/lib/security/cacerts', 'trust-other.jks'),
    },
    {
      name: 'a JDK 8 image whose tag does not say JDK or JRE: where its cacerts are is unknown',
      files: replacingCacerts('eclipse-temurin:8u202-b08', '$JAVA_HOME/jre/lib/security/cacerts', 'trust-other.jks'),
    },
    {
      name: 'the copied cacerts trust another CA, and keytool imports the fixture root after the copy',
      files: {
        ...replacingCacerts(
          'eclipse-temurin:17.0.9_9-jre',
          '$JAVA_HOME/lib/security/cacerts',
          'trust-other.jks',
          'COPY certs/root-ca.pem /tmp/',
          'RUN keytool -importcert -noprompt -cacerts -storepass changeit -file /tmp/root-ca.pem',
        ),
        'client/certs/root-ca.pem': pem('root-ca.pem'),
      },
    },
    {
      // adoptium/containers entrypoint.sh: USE_SYSTEM_CA_CERTS imports the system store into cacerts at each start.
      name: 'the copied cacerts trust another CA, and USE_SYSTEM_CA_CERTS adds the system store at start',
      files: replacingCacerts(
        'eclipse-temurin:17-jre',
        '$JAVA_HOME/lib/security/cacerts',
        'trust-other.jks',
        'ENV USE_SYSTEM_CA_CERTS=1',
      ),
    },
    {
      name: "USE_SYSTEM_CA_CERTS set in the Compose service's environment",
      files: {
        ...replacingCacerts('eclipse-temurin:17-jre', '$JAVA_HOME/lib/security/cacerts', 'trust-other.jks'),
        'compose.yaml': 'services:\n  client:\n    build: ./client\n    environment:\n      USE_SYSTEM_CA_CERTS: "1"\n',
      },
    },
    {
      // A `client.env` holding only USE_SYSTEM_CA_CERTS=1 is no file kind lint-deploy reads: it may set the variable.
      name: 'the Compose service reads an env_file lint-deploy does not read: USE_SYSTEM_CA_CERTS may be set there',
      files: {
        ...replacingCacerts('eclipse-temurin:17-jre', '$JAVA_HOME/lib/security/cacerts', 'trust-other.jks'),
        'compose.yaml': 'services:\n  client:\n    build: ./client\n    env_file: client.env\n',
        'client.env': 'USE_SYSTEM_CA_CERTS=1\n',
      },
    },
    {
      // docker-library/openjdk: its update-ca-certificates hook rewrites $JAVA_HOME/lib/security/cacerts.
      name: 'an openjdk image refreshes the system CA store after the copy: its hook rewrites cacerts',
      files: replacingCacerts(
        'openjdk:17-jdk-slim',
        '$JAVA_HOME/lib/security/cacerts',
        'trust-other.jks',
        'RUN update-ca-certificates',
      ),
    },
    {
      name: 'a RUN replaces the copied cacerts again',
      files: replacingCacerts(
        'eclipse-temurin:17.0.9_9-jre',
        '$JAVA_HOME/lib/security/cacerts',
        'trust-other.jks',
        'RUN cp /etc/ssl/certs/java/cacerts $JAVA_HOME/lib/security/cacerts',
      ),
    },
    {
      // Debian 12 here: ca-certificates-java's first install (the JDK's apt-get install after the copy) added every
      // system CA to a store copied onto /etc/ssl/certs/java/cacerts (1 entry became 145).
      name: 'a Debian-packaged JDK installed after a store is copied onto /etc/ssl/certs/java/cacerts: the CAs join it',
      files: replacingDebianStore('trust-other.jks', [], APT_JDK_17),
    },
    {
      // Debian 12 here: update-ca-certificates adds what it adds to the copied store (--fresh: every system CA).
      name: 'a Debian-packaged JDK: update-ca-certificates after the copy onto /etc/ssl/certs/java/cacerts',
      files: replacingDebianStore('trust-other.jks', [APT_JDK_17], 'RUN update-ca-certificates --fresh'),
    },
    {
      // The image installs no JDK package: which JDK reads /etc/ssl/certs/java/cacerts is not known.
      name: 'a store copied onto /etc/ssl/certs/java/cacerts of an image that installs no JDK package',
      files: replacingDebianStore('trust-other.jks', []),
    },
    {
      name: 'the image copies a store that trusts the fixture root over its cacerts',
      files: replacingCacerts(
        'eclipse-temurin:17.0.9_9-jre',
        '/opt/java/openjdk/lib/security/cacerts',
        'trust-root.jks',
      ),
    },
  ],
  invalid: [
    {
      name: "the client's image copies a store of another CA over its JDK's cacerts",
      files: replacingCacerts('eclipse-temurin:17.0.9_9-jre', '$JAVA_HOME/lib/security/cacerts', 'trust-other.jks'),
      errors: [
        {
          messageId: 'untrusted',
          file: 'client/Dockerfile',
          line: 2,
          messageIncludes: [
            "its JDK's cacerts, which its image replaces with client/certs/cacerts (Fixture Other Root CA)",
          ],
        },
      ],
    },
    {
      // Debian 12 here: /usr/lib/jvm/java-17-openjdk-amd64/lib/security/cacerts -> /etc/ssl/certs/java/cacerts, and
      // update-ca-certificates with nothing new left a store copied there as it was (1 entry).
      name: "a Debian-packaged JDK: a store of another CA copied onto /etc/ssl/certs/java/cacerts, its cacerts' link",
      files: replacingDebianStore('trust-other.jks', [APT_JDK_17], 'RUN useradd app'),
      errors: [
        {
          messageId: 'untrusted',
          file: 'client/Dockerfile',
          line: 3,
          messageIncludes: [
            "its JDK's cacerts (a link to /etc/ssl/certs/java/cacerts), which its image replaces with client/certs/cacerts (Fixture Other Root CA)",
          ],
        },
      ],
    },
    {
      name: "a JDK 8 JRE image: $JAVA_HOME/lib/security/ holds its JDK's cacerts",
      files: replacingCacerts('eclipse-temurin:8u202-b08-jre', '${JAVA_HOME}/lib/security/', 'trust-other.jks'),
      errors: [{ messageId: 'untrusted', file: 'client/Dockerfile', line: 2 }],
    },
    {
      name: 'a JDK 8 JDK image: $JAVA_HOME/jre/lib/security/cacerts; a keytool import before the copy is lost',
      files: {
        ...replacingCacerts('eclipse-temurin:8u202-b08-jdk', '$JAVA_HOME/jre/lib/security/cacerts', 'trust-other.jks'),
        'client/Dockerfile': [
          'FROM eclipse-temurin:8u202-b08-jdk',
          'COPY certs/root-ca.pem /tmp/',
          'RUN keytool -importcert -noprompt -keystore $JAVA_HOME/jre/lib/security/cacerts -storepass changeit -file /tmp/root-ca.pem',
          'COPY certs/cacerts $JAVA_HOME/jre/lib/security/cacerts',
          'ENTRYPOINT ["java", "-jar", "/app.jar"]',
          '',
        ].join('\n'),
        'client/certs/root-ca.pem': pem('root-ca.pem'),
      },
      errors: [{ messageId: 'untrusted', file: 'client/Dockerfile', line: 4 }],
    },
    {
      name: 'HAProxy server line whose ca-file holds another CA (verify required by default)',
      files: {
        ...{
          'lb/haproxy.cfg': 'backend app\n  server api api:8443 ssl ca-file ssl/partner-ca.pem\n',
          'lb/ssl/partner-ca.pem': pem('partner-ca.pem'),
        },
        ...tomcatServer('server-chain.p12'),
      },
      errors: [
        {
          messageId: 'untrustedCaFile',
          file: 'lb/haproxy.cfg',
          line: 2,
          messageIncludes: ['to the CA file', 'ssl/partner-ca.pem'],
        },
      ],
    },
    {
      name: 'nginx proxy_pass with proxy_ssl_verify on trusting another CA',
      files: {
        ...nginxProxy(
          ['proxy_ssl_verify on;', 'proxy_ssl_verify_depth 2;', 'proxy_ssl_trusted_certificate ssl/partner-ca.pem;'],
          'partner-ca.pem',
        ),
        ...nginxServer('server-fullchain.pem'),
      },
      errors: [{ messageId: 'untrustedCaFile', file: 'gw/nginx.conf', line: 7, messageExcludes: ['keytool'] }],
    },
    {
      // A Spring Boot app's RabbitMQ connection reads its own spring.rabbitmq.ssl.* keys (src/model/spring-rabbit-end.ts).
      name: "a Spring RabbitMQ connection trusting another root: the fix names spring.rabbitmq.ssl.trust-store, not the JVM's",
      files: {
        'app/src/main/resources/application.properties': [
          'spring.rabbitmq.host=rabbit',
          'spring.rabbitmq.ssl.enabled=true',
          'spring.rabbitmq.ssl.trust-store=classpath:trust.p12',
          'spring.rabbitmq.ssl.trust-store-type=PKCS12',
          '',
        ].join('\n'),
        'app/src/main/resources/trust.p12': store('trust-other.p12'),
        'docker-compose.yml':
          'services:\n  rabbit:\n    image: rabbitmq:3.13\n    volumes:\n      - ./broker:/etc/rabbitmq\n',
        'broker/rabbitmq.conf': [
          'listeners.ssl.default = 5671',
          'ssl_options.certfile = /etc/rabbitmq/server.pem',
          'ssl_options.versions.1 = tlsv1.2',
          'ssl_options.ciphers.1 = ECDHE-RSA-AES256-GCM-SHA384',
          '',
        ].join('\n'),
        'broker/server.pem': pem('server-fullchain.pem'),
      },
      errors: [
        {
          messageId: 'untrustedSpringRabbit',
          file: 'app/src/main/resources/application.properties',
          line: 3,
          messageIncludes: [
            'into the trust store its spring.rabbitmq.ssl.trust-store names',
            'not -Djavax.net.ssl.trustStore',
          ],
        },
      ],
    },
    {
      name: "the client trusts another root, named by its image's ENTRYPOINT",
      files: { ...CLIENT_TRUSTS_OTHER_BY_ENTRYPOINT, ...tomcatServer('server-chain.p12') },
      errors: [{ messageId: 'untrusted', file: 'client/Dockerfile', line: 1 }],
    },
    {
      name: 'the client trusts another root (Tomcat PKCS#12 key store)',
      files: { ...javaClient({ trustStore: 'trust-other.p12' }), ...tomcatServer('server-chain.p12') },
      errors: [
        {
          messageId: 'untrusted',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: [
            'Fixture Other Root CA',
            'PKIX path building failed',
            'certificate_unknown',
            'Fixture Issuing CA',
          ],
        },
      ],
    },
    {
      name: 'nginx (PEM chain in file order) against a JKS trust store of another CA',
      files: { ...javaClient({ trustStore: 'trust-other.p12' }), ...nginxServer('server-fullchain.pem') },
      errors: [
        {
          messageId: 'untrusted',
          file: 'client/jvm.options',
          line: 1,
          messageIncludes: ['sslv3 alert certificate unknown'],
        },
      ],
    },
  ],
});
