import rule from '../../../src/rules/java/disabled-algorithms-weakened';
import { ruleTester } from '../../helpers/rule-tester';
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
        'java.security':
          'security.provider.1=sun.security.provider.Sun\njdk.tls.disabledAlgorithms=SSLv3, RC4, MD5withRSA, DH keySize < 768\n',
      },
      errors: [
        {
          messageId: 'weakenedFeatureOnly',
          file: 'java.security',
          line: 2,
          severity: 'info',
          messageIncludes: ['is Java 8, and the tree does not name its update', '3DES_EDE_CBC'],
          messageExcludes: ['Declare the JDK'],
          related: [{ file: 'Dockerfile', line: 1 }],
        },
      ],
    },
  ],
});
