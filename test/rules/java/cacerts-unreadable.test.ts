import rule from '../../../src/rules/java/cacerts-unreadable';
import { ruleTester } from '../../helpers/rule-tester';
import { replacingCacerts } from '../tls/trust-trees';

// JDK 17.0.15 and 25.0.3 here, the JDK's cacerts replaced by a keytool-made PKCS#12 (certificates encrypted with
// AES-256, or RC2-40 with -J-Dkeystore.pkcs12.legacy): "the trustAnchors parameter must be non-empty"; with
// -Djavax.net.ssl.trustStorePassword=changeit, or the same certificates unencrypted (JKS, certProtectionAlgorithm=NONE),
// the client connects. trust-other.p12 (test/fixtures/trust) is such a store, password changeit.
const TEMURIN = 'eclipse-temurin:17.0.9_9-jre';
const HOME_CACERTS = '$JAVA_HOME/lib/security/cacerts';

ruleTester(rule, {
  valid: [
    {
      name: 'a JKS store copied over cacerts: the JDK reads its certificates without a password',
      files: replacingCacerts(TEMURIN, HOME_CACERTS, 'trust-other.jks'),
    },
    {
      name: 'the encrypted PKCS#12 with -Djavax.net.ssl.trustStorePassword given to the JVM',
      files: replacingCacerts(
        TEMURIN,
        HOME_CACERTS,
        'trust-other.p12',
        'ENV JAVA_TOOL_OPTIONS=-Djavax.net.ssl.trustStorePassword=changeit',
      ),
    },
    {
      name: 'the Compose service takes JAVA_TOOL_OPTIONS from the environment: the password may come at run time',
      files: {
        ...replacingCacerts(TEMURIN, HOME_CACERTS, 'trust-other.p12'),
        'compose.yaml':
          'services:\n  client:\n    build: ./client\n    environment:\n      JAVA_TOOL_OPTIONS: ${CLIENT_JAVA_OPTS}\n',
      },
    },
    {
      // adoptium/containers entrypoint.sh: with USE_SYSTEM_CA_CERTS the entrypoint rewrites cacerts at each start.
      name: 'USE_SYSTEM_CA_CERTS set: the entrypoint rewrites cacerts at start',
      files: replacingCacerts(TEMURIN, HOME_CACERTS, 'trust-other.p12', 'ENV USE_SYSTEM_CA_CERTS=1'),
    },
    {
      name: 'an env_file of the Compose service that lint-deploy does not read may set USE_SYSTEM_CA_CERTS',
      files: {
        ...replacingCacerts(TEMURIN, HOME_CACERTS, 'trust-other.p12'),
        'compose.yaml': 'services:\n  client:\n    build: ./client\n    env_file: client.env\n',
        'client.env': 'USE_SYSTEM_CA_CERTS=1\n',
      },
    },
    {
      name: 'a keytool run with -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE may rewrite it unencrypted',
      files: replacingCacerts(
        TEMURIN,
        HOME_CACERTS,
        'trust-other.p12',
        'RUN keytool -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -importcert -noprompt -cacerts -storepass changeit -file /tmp/ca.pem',
      ),
    },
    {
      name: 'copied to jre/lib/security/cacerts of a JDK 17: no JDK reads it',
      files: replacingCacerts(TEMURIN, '$JAVA_HOME/jre/lib/security/cacerts', 'trust-other.p12'),
    },
  ],
  invalid: [
    {
      name: 'an encrypted PKCS#12 copied over a JDK 17 cacerts, no trustStorePassword anywhere',
      files: replacingCacerts(TEMURIN, HOME_CACERTS, 'trust-other.p12'),
      errors: [
        {
          messageId: 'encrypted',
          file: 'client/Dockerfile',
          line: 2,
          messageIncludes: [
            'certs/cacerts',
            'Java application (client)',
            'the trustAnchors parameter must be non-empty',
          ],
          related: [
            { file: 'client/certs/cacerts', line: 1 },
            { file: 'client/application.yml', line: 1 },
          ],
        },
      ],
    },
    {
      name: "the image's known home written out (/opt/java/openjdk), JDK 8 JRE layout",
      files: replacingCacerts(
        'eclipse-temurin:8u202-b08-jre',
        '/opt/java/openjdk/lib/security/cacerts',
        'trust-other.p12',
      ),
      errors: [{ messageId: 'encrypted', file: 'client/Dockerfile', line: 2 }],
    },
  ],
});
