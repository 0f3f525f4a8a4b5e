import rule from '../../../src/rules/java/disabled-algorithms-weakened';
import { ruleTester, type ExpectedFinding } from '../../helpers/rule-tester';
import { TEMURIN17 } from './fixtures';

/** Apache CloudStack's client/conf/java.security.ciphers.in (Apache-2.0), loaded by its systemd default file. */
const CLOUDSTACK_CIPHERS =
  'jdk.tls.disabledAlgorithms=DH keySize < 128, RSA keySize < 128, DES keySize < 128, SHA1 keySize < 128, MD5 keySize < 128, RC4\n';
const CLOUDSTACK_DEFAULT =
  'JAVA_OPTS="-Djava.security.properties=/etc/cloudstack/management/java.security.ciphers -Djava.awt.headless=true -Xmx2G"\n';
const JDK17_LIST =
  'jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, include jdk.disabled.namedCurves\n';

/**
 * efrozo23/poc-sicr@d7e7a7c (no licence file): a whole JDK master java.security at the repository root, beside a
 * Dockerfile whose image runs Java and that copies two certificates but no java.security.
 */
const POC_SICR_DOCKERFILE =
  'FROM maven:3.6.0-jdk-11-slim AS build\nCOPY src /home/app/src\nCOPY pom.xml /home/app\nRUN mvn -f /home/app/pom.xml clean package\n\nFROM fabric8/s2i-java:2.3\nUSER root\nCOPY sirc.cer $JAVA_HOME/jre/lib/security/\nCOPY --from=build /home/app/target/*.jar /usr/local/lib/demo.jar\nEXPOSE 8080\nENTRYPOINT ["java","-jar","/usr/local/lib/demo.jar"]\n';
/**
 * An app image FROM `image` that copies a java.security into its JDK's conf/security/ (JDK home `home`), the file's
 * list dropping TLSv1 and TLSv1.1 (and DTLSv1.0 and ECDH) from the JDK 17 default.
 */
const imageCopyingSecurity = (image: string, home: string) => ({
  Dockerfile: `FROM ${image}\nCOPY target/app.jar /app.jar\nCOPY java.security ${home}/conf/security/\nENTRYPOINT ["java", "-jar", "/app.jar"]\n`,
  'java.security':
    'security.provider.1=SUN\njdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n',
  'src/main/resources/application.properties': 'server.port=8443\n',
});
/** The finding on imageCopyingSecurity's java.security when every update of the named feature disables entries. */
const EVERY_UPDATE_WARNING: ExpectedFinding = {
  messageId: 'weakenedEveryUpdate',
  file: 'java.security',
  line: 2,
  severity: 'warning',
  related: [{ file: 'Dockerfile', line: 1 }],
};
/** A Java 8 java.security whose list drops 3DES_EDE_CBC, anon, NULL… (annata/docker-jre's), and its finding on a JDK 8 of unknown update. */
const JAVA8_WEAKENED =
  'security.provider.1=sun.security.provider.Sun\njdk.tls.disabledAlgorithms=SSLv3, RC4, MD5withRSA, DH keySize < 768\n';
const JAVA8_FEATURE_ONLY: ExpectedFinding = {
  messageId: 'weakenedFeatureOnly',
  file: 'java.security',
  line: 2,
  severity: 'info',
  messageIncludes: ['is Java 8, and the tree does not name its update'],
  related: [{ file: 'Dockerfile', line: 1 }],
};
const MASTER_SECURITY =
  'security.provider.1=sun.security.provider.Sun\njdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, include jdk.disabled.namedCurves\n';
const POC_SICR_PROPERTIES = 'server.port=8443\nserver.ssl.key-store=classpath:localhost.p12\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a master java.security beside a Java image build that copies no java.security reaches no JDK',
      files: {
        Dockerfile: POC_SICR_DOCKERFILE,
        'java.security': MASTER_SECURITY,
        'src/main/resources/application.properties': POC_SICR_PROPERTIES,
      },
    },
    {
      name: 'no override: the JDK default applies',
      files: { 'app/jdk/release': TEMURIN17, 'app/jvm.options': '-Xmx1g\n' },
    },
    {
      name: 'an override that adds to the JDK 17 list',
      files: {
        'app/jdk/release': TEMURIN17,
        'app/jvm.options': '-Djava.security.properties=/opt/app/strict.security\n',
        'app/strict.security': JDK17_LIST.replace('ECDH,', 'ECDH, TLS_RSA_WITH_AES_128_CBC_SHA,'),
      },
    },
  ],
  invalid: [
    {
      name: 'CloudStack: a .ciphers override under another name re-enables TLSv1, 3DES, anon, NULL on JDK 17',
      files: {
        'jdk/release': TEMURIN17,
        'packaging/systemd/cloudstack-management.default': CLOUDSTACK_DEFAULT,
        'client/conf/java.security.ciphers.in': CLOUDSTACK_CIPHERS,
      },
      errors: [
        {
          messageId: 'weakened',
          file: 'client/conf/java.security.ciphers.in',
          line: 1,
          messageIncludes: [
            'SSLv3, TLSv1, TLSv1.1',
            '3DES_EDE_CBC, anon, NULL',
            'Temurin 17',
            'DH keySize < 1024 (here < 128)',
          ],
          related: [
            { file: 'packaging/systemd/cloudstack-management.default', line: 1 },
            { file: 'jdk/release', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'unknown JDK: an info against a current JDK',
      files: {
        'packaging/systemd/cloudstack-management.default': CLOUDSTACK_DEFAULT,
        'client/conf/java.security.ciphers.in': CLOUDSTACK_CIPHERS,
      },
      errors: [
        {
          messageId: 'weakenedUnknownJdk',
          file: 'client/conf/java.security.ciphers.in',
          line: 1,
          severity: 'info',
          messageIncludes: ['Declare the JDK'],
        },
      ],
    },
    {
      // annata/docker-jre@9986c92 (no licence file): FROM openjdk:8-jre-alpine, COPY java.security into the JDK 8 security
      // directory, its list 'SSLv3, RC4, MD5withRSA, DH keySize < 768'. The info asked to declare the JDK as if the
      // tree named none: it names Java 8, not its update.
      name: 'a Dockerfile names the feature release without its update: said, with the FROM as related',
      files: {
        Dockerfile: 'FROM openjdk:8-jre-alpine\nCOPY java.security /usr/lib/jvm/java-1.8-openjdk/jre/lib/security/\n',
        'java.security': JAVA8_WEAKENED,
      },
      errors: [
        {
          ...JAVA8_FEATURE_ONLY,
          messageIncludes: ['is Java 8, and the tree does not name its update', '3DES_EDE_CBC'],
          messageExcludes: ['Declare the JDK'],
        },
      ],
    },
    {
      // mabmab159/kira2@66eaa07 (no licence): FROM eclipse-temurin:17-jdk-alpine, COPY java.security into its
      // conf/security/, whose list drops TLSv1 and TLSv1.1. Every 17 update disables them (17 GA's java.security,
      // openjdk/jdk17@0add8a1c): re-enabled whichever update was pulled; DTLSv1.0 and ECDH only later updates disable.
      name: 'eclipse-temurin:17 without its update: what every 17 update disables is re-enabled for sure',
      files: imageCopyingSecurity('eclipse-temurin:17-jdk-alpine', '/opt/java/openjdk'),
      errors: [
        {
          ...EVERY_UPDATE_WARNING,
          messageIncludes: [
            'no longer disables TLSv1, TLSv1.1, which every Eclipse Temurin 17 update disables by default',
            'It also does not disable DTLSv1.0, ECDH, which current JDKs (OpenJDK 17.0.15) disable by default: if the Java 17 update that runs does',
          ],
        },
      ],
    },
    {
      // eclipse-temurin:11 first carried 11.0.12 (knowledge featureNamesFirstUpdates), and 11.0.11 disabled TLSv1
      // and TLSv1.1 (JDK-8202343): every update the name ever carried disables them.
      name: 'eclipse-temurin:11 without its update: every 11 update the name carried (11.0.12 on) disables TLSv1',
      files: imageCopyingSecurity('eclipse-temurin:11-jre', '/opt/java/openjdk'),
      errors: [
        {
          ...EVERY_UPDATE_WARNING,
          messageIncludes: [
            'TLSv1, TLSv1.1, which every Eclipse Temurin 11 update from 11.0.12 on (the first the name carried)',
          ],
        },
      ],
    },
    {
      // tim-ref/messenger-proxy@58ae44f (Apache-2.0): a list far stricter than JDK 17's (SHA1, DHE, TLS_RSA_*…) but for
      // DTLSv1.0, which only a DTLS SSLContext offers: it warned that the app "can negotiate them again".
      name: 'a stricter list that drops only DTLSv1.0 on a known JDK: an info, TLS connections unchanged',
      files: {
        'app/jdk/release': TEMURIN17,
        'app/jvm.options': '-Djava.security.properties=/opt/app/strict.security\n',
        'app/strict.security': JDK17_LIST.replace('DTLSv1.0, ', '').replace('ECDH,', 'ECDH, DHE, SHA1,'),
      },
      errors: [
        {
          messageId: 'weakenedDtlsOnly',
          file: 'app/strict.security',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'of its default entries no longer disables only DTLSv1.0, which Eclipse Temurin 17.0.15 disables by default',
            'only a DTLS context (SSLContext.getInstance("DTLS"), datagram protocols) offers DTLS versions',
          ],
        },
      ],
    },
    {
      // The same shape as tim-ref's image: FROM eclipse-temurin:21-jre, the override loaded with `==` in the
      // ENTRYPOINT; every 21 update disables DTLSv1.0.
      name: 'eclipse-temurin:21-jre and an override that drops only DTLSv1.0: an info, not the every-update warning',
      files: {
        Dockerfile:
          'FROM eclipse-temurin:21-jre\nCOPY app.jar /app/app.jar\nCOPY java.security /app\nENTRYPOINT ["java", "-Djava.security.properties==/app/java.security", "-jar", "/app/app.jar"]\n',
        'java.security': JDK17_LIST.replace('DTLSv1.0, ', '').replace('ECDH,', 'ECDH, DHE, SHA1,'),
      },
      errors: [
        {
          messageId: 'weakenedDtlsOnly',
          file: 'java.security',
          line: 1,
          severity: 'info',
          messageIncludes: [
            'no longer disables only DTLSv1.0, which every Eclipse Temurin 21 update disables by default',
          ],
        },
      ],
    },
    {
      // harendranathvegi9/docker-jenkins@721c2d6 (Apache-2.0): FROM jenkins:1.625.3, whose image was built FROM java:8-jdk
      // (Debian's openjdk-8-jdk), COPY java.security into that JDK's jre/lib/security/. Was: the file a JDK of its own,
      // as near as the image's, and the app's JDK unknown ('no JDK').
      name: 'the deprecated official jenkins image: Java 8 under /usr/lib/jvm/java-8-openjdk-amd64, its update unknown',
      files: {
        Dockerfile:
          'FROM jenkins:1.625.3\nUSER root\nCOPY java.security /usr/lib/jvm/java-8-openjdk-amd64/jre/lib/security/java.security\nUSER jenkins\n',
        'java.security': JAVA8_WEAKENED,
      },
      errors: [JAVA8_FEATURE_ONLY],
    },
    {
      // The openjdk image held early-access builds under feature tags (docker-library/openjdk#522): no name of GA
      // updates only, so the hedge stays.
      name: 'openjdk:17-jdk-slim without its update: still hedged',
      files: imageCopyingSecurity('openjdk:17-jdk-slim', '/usr/local/openjdk-17'),
      errors: [
        {
          messageId: 'weakenedFeatureOnly',
          file: 'java.security',
          line: 2,
          severity: 'info',
          messageIncludes: ['is Java 17, and the tree does not name its update'],
        },
      ],
    },
  ],
});
