import rule from '../../../src/rules/java/cacerts-copied-where-unread';
import { ruleTester } from '../../helpers/rule-tester';
import { replacingCacerts } from '../tls/trust-trees';

// Where each JDK reads cacerts (knowledge homeLayouts): lib/security/cacerts from JDK 9 (JEP 220 removed jre/),
// jre/lib/security/cacerts in a JDK 8 JDK image, lib/security/cacerts in a JDK 8 JRE image (adoptium/containers
// 8/jdk and 8/jre entrypoint.sh JRE_CACERTS_PATH). A copy elsewhere is a new file no JDK opens.
const TEMURIN = 'eclipse-temurin:17.0.9_9-jre';
const DOCKERFILE = 'client/Dockerfile';

ruleTester(rule, {
  valid: [
    {
      name: "a JDK 17's own path, as $JAVA_HOME",
      files: replacingCacerts(TEMURIN, '$JAVA_HOME/lib/security/cacerts', 'trust-other.jks'),
    },
    {
      name: "a JDK 17's own path, as the image's home",
      files: replacingCacerts(TEMURIN, '/opt/java/openjdk/lib/security/cacerts', 'trust-other.jks'),
    },
    {
      name: 'a JDK 8 JDK image: jre/lib/security/cacerts is its own',
      files: replacingCacerts(
        'eclipse-temurin:8u202-b08-jdk',
        '$JAVA_HOME/jre/lib/security/cacerts',
        'trust-other.jks',
      ),
    },
    {
      name: 'a JDK 8 tag that says neither jdk nor jre: where it reads cacerts is unknown',
      files: replacingCacerts('eclipse-temurin:8u202-b08', '$JAVA_HOME/lib/security/cacerts', 'trust-other.jks'),
    },
    {
      name: 'a later RUN moves the copy where the JDK reads it',
      files: replacingCacerts(
        TEMURIN,
        '$JAVA_HOME/jre/lib/security/cacerts',
        'trust-other.jks',
        'RUN mv $JAVA_HOME/jre/lib/security/cacerts $JAVA_HOME/lib/security/cacerts',
      ),
    },
    {
      name: 'the start names the copy as its trust store',
      files: replacingCacerts(
        TEMURIN,
        '/opt/java/openjdk/jre/lib/security/cacerts',
        'trust-other.jks',
        'ENV JAVA_TOOL_OPTIONS=-Djavax.net.ssl.trustStore=/opt/java/openjdk/jre/lib/security/cacerts',
      ),
    },
    {
      name: 'jssecacerts where the JDK reads it (before cacerts): not a cacerts copy',
      files: replacingCacerts(TEMURIN, '$JAVA_HOME/lib/security/jssecacerts', 'trust-other.jks'),
    },
    {
      name: 'a trust store of another name put beside cacerts',
      files: {
        ...replacingCacerts(TEMURIN, '$JAVA_HOME/lib/security/cacerts', 'trust-other.jks'),
        [DOCKERFILE]: `FROM ${TEMURIN}\nCOPY certs/truststore.jks $JAVA_HOME/jre/lib/security/\nENTRYPOINT ["java", "-jar", "/app.jar"]\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'jre/lib/security/cacerts of a JDK 17 (JEP 220: no jre/)',
      files: replacingCacerts(TEMURIN, '$JAVA_HOME/jre/lib/security/cacerts', 'trust-other.jks'),
      errors: [
        {
          messageId: 'unread',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: [
            'to /opt/java/openjdk/jre/lib/security/cacerts',
            'reads its default trust store at /opt/java/openjdk/lib/security/cacerts',
          ],
        },
      ],
    },
    {
      name: 'lib/security/cacerts of a JDK 8 JDK image (its runtime is jre/)',
      files: replacingCacerts('eclipse-temurin:8u202-b08-jdk', '$JAVA_HOME/lib/security/cacerts', 'trust-other.jks'),
      errors: [{ messageId: 'unread', file: DOCKERFILE, line: 2, messageIncludes: ['/jre/lib/security/cacerts'] }],
    },
    {
      name: 'a typo in the directory',
      files: replacingCacerts(TEMURIN, '/opt/java/openjdk/lib/securty/cacerts', 'trust-other.jks'),
      errors: [{ messageId: 'unread', file: DOCKERFILE, line: 2 }],
    },
    {
      name: 'into the jre/lib/security/ directory of a JDK 17',
      files: replacingCacerts(TEMURIN, '$JAVA_HOME/jre/lib/security/', 'trust-other.jks'),
      errors: [{ messageId: 'unread', file: DOCKERFILE, line: 2 }],
    },
  ],
});
