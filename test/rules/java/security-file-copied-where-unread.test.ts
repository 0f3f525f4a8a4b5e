import rule from '../../../src/rules/java/security-file-copied-where-unread';
import { ruleTester } from '../../helpers/rule-tester';

// Where each JDK reads java.security (knowledge homeLayouts): conf/security/java.security from JDK 9 (JEP 220),
// jre/lib/security/java.security in a JDK 8 JDK image, lib/security/java.security in a JDK 8 JRE image; the home an
// image sets is knowledge imageHomes (eclipse-temurin: /opt/java/openjdk). A copy elsewhere is a file no JDK opens.
const DOCKERFILE = 'app/Dockerfile';
/** A java.security that re-enables TLS 1.0 and 1.1 (as wyona/katie-backend's does, for old IMAP servers). */
const SECURITY = [
  'security.provider.1=SUN',
  'security.provider.2=SunRsaSign',
  'jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL',
  '',
].join('\n');
/** An app image built FROM `from` whose `lines` follow, with app/java.security beside it. */
const image = (from: string, ...lines: string[]) => ({
  'app/java.security': SECURITY,
  [DOCKERFILE]: [`FROM ${from}`, ...lines, 'ENTRYPOINT ["java", "-jar", "/app.jar"]', ''].join('\n'),
});

/**
 * app/Dockerfile copying config/java.security over a JDK 11's unread jre/ path, built by a Compose service from the
 * root (`context: .`), whose .dockerignore has `ignored`.
 */
const composeBuilt = (ignored: string) => ({
  'config/java.security': SECURITY,
  [DOCKERFILE]: [
    'FROM openjdk:11-slim-buster',
    'COPY config/java.security $JAVA_HOME/jre/lib/security/java.security',
    'ENTRYPOINT ["java", "-jar", "/app.jar"]',
    '',
  ].join('\n'),
  'docker-compose.yml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: app/Dockerfile\n',
  '.dockerignore': ignored,
});

ruleTester(rule, {
  valid: [
    {
      name: "a JDK 11's own path, as $JAVA_HOME",
      files: image('openjdk:11-slim-buster', 'COPY java.security $JAVA_HOME/conf/security/java.security'),
    },
    {
      name: "eclipse-temurin's own home, into the directory",
      files: image('eclipse-temurin:21-jdk', 'COPY java.security /opt/java/openjdk/conf/security/.'),
    },
    {
      name: 'a JDK 8 JDK image: jre/lib/security/java.security is its own',
      files: image('eclipse-temurin:8u202-b08-jdk', 'COPY java.security $JAVA_HOME/jre/lib/security/java.security'),
    },
    {
      name: 'a later RUN moves the copy where the JDK reads it',
      files: image(
        'openjdk:11-slim-buster',
        'COPY java.security $JAVA_HOME/jre/lib/security/java.security',
        'RUN mv $JAVA_HOME/jre/lib/security/java.security $JAVA_HOME/conf/security/java.security',
      ),
    },
    {
      name: 'the start names the copy with -Djava.security.properties',
      files: image(
        'eclipse-temurin:21-jdk',
        'COPY java.security /usr/java/openjdk-21/conf/security/.',
        'ENV JAVA_TOOL_OPTIONS=-Djava.security.properties=/usr/java/openjdk-21/conf/security/java.security',
      ),
    },
    {
      name: 'the Dockerfile sets its own JAVA_HOME: a JDK of its own may live there',
      files: image(
        'eclipse-temurin:21-jdk',
        'ENV JAVA_HOME=/usr/java/openjdk-21',
        'COPY java.security /usr/java/openjdk-21/conf/security/.',
      ),
    },
    {
      name: 'an image that installs a JDK package: which JDK runs is not followed',
      files: image(
        'eclipse-temurin:21-jdk',
        'RUN apt-get update && apt-get install -y openjdk-17-jre-headless',
        'COPY java.security /usr/lib/jvm/java-17-openjdk-amd64/conf/security/',
      ),
    },
    {
      name: "an image whose JDK home no source gives (openjdk:21): another home's path is not judged",
      files: image('openjdk:21', 'COPY java.security /usr/java/openjdk-21/conf/security/.'),
    },
    {
      // JoseGutierrezMairn/gasd-activosEmpresa@b70e044 (no licence) docker/Dockerfile: ADD java.security /usr/local/openjdk-11/conf/security
      // (the directory exists: the file lands in it, over the JDK's own).
      name: "openjdk:11: onto its JDK's conf/security directory, without a trailing slash",
      files: image('openjdk:11', 'ADD java.security /usr/local/openjdk-11/conf/security'),
    },
    {
      name: 'a copy outside any JDK home (an app directory)',
      files: image('eclipse-temurin:21-jdk', 'COPY java.security /app/config/java.security'),
    },
  ],
  invalid: [
    {
      // imduffy15/timeouts-reproduced@2b14d1f Dockerfile: FROM openjdk:11-slim-buster, then
      // COPY java.security $JAVA_HOME/jre/lib/security/java.security (JDK 11 has no jre/).
      name: 'JDK 11: the JDK 8 path under $JAVA_HOME',
      files: image('openjdk:11-slim-buster', 'COPY java.security $JAVA_HOME/jre/lib/security/java.security'),
      errors: [
        {
          messageId: 'unread',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: [
            'copies java.security to /usr/local/openjdk-11/jre/lib/security/java.security, where the JDK of openjdk:11-slim-buster reads nothing',
            'from /usr/local/openjdk-11/conf/security/java.security',
          ],
        },
      ],
    },
    {
      // The same repository's .dockerignore (`**/*`, then `!src`, `!*.gradle`, `!*.properties`, `!*.xml`) leaves
      // java.security out of the build context: the COPY fails the build (Docker's CopyIgnoredFile check).
      name: 'the .dockerignore leaves the source out of the context: the build stops at the copy',
      files: {
        ...image('openjdk:11-slim-buster', 'COPY java.security $JAVA_HOME/jre/lib/security/java.security'),
        'app/.dockerignore': '**/*\n\n!src\n!*.gradle\n!*.properties\n!*.xml\n',
      },
      errors: [
        {
          messageId: 'leftOut',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: ['which the .dockerignore of its build context leaves out: the build stops at this line'],
          messageExcludes: ['reads nothing'],
          related: [{ file: 'app/.dockerignore', line: 1 }],
        },
      ],
    },
    {
      // The Compose service builds app/Dockerfile from the root: the root's .dockerignore decides, and it leaves the
      // root's java.security out (app/ holds none).
      name: "a Compose build context other than the Dockerfile's directory: its .dockerignore leaves the source out",
      files: {
        ...composeBuilt('config/*\n'),
        'app/.dockerignore': '*.md\n',
      },
      errors: [
        {
          messageId: 'leftOut',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: ['which the .dockerignore of its build context leaves out'],
          related: [
            { file: 'docker-compose.yml', line: 4 },
            { file: '.dockerignore', line: 1 },
          ],
        },
      ],
    },
    {
      // The same, but the root's .dockerignore keeps the file: the copy lands where the JDK reads nothing.
      name: "a Compose build context other than the Dockerfile's directory whose .dockerignore keeps the source",
      files: composeBuilt('*.md\n'),
      errors: [{ messageId: 'unread', file: DOCKERFILE, line: 2, messageExcludes: ['.dockerignore'] }],
    },
    {
      // wyona/katie-backend@88aeb9b Dockerfile: FROM eclipse-temurin:21-jdk, then
      // COPY java.security /usr/java/openjdk-21/conf/security/. (the openjdk:21 image's home; its
      // Dockerfile_Java21_Tomcat, FROM openjdk:21, makes the same copy where it is read).
      name: "eclipse-temurin:21: the openjdk:21 image's home",
      files: {
        ...image('eclipse-temurin:21-jdk', 'COPY java.security /usr/java/openjdk-21/conf/security/.'),
        'app/Dockerfile_Java21_Tomcat':
          'FROM openjdk:21\nCOPY java.security /usr/java/openjdk-21/conf/security/.\nENTRYPOINT ["java", "-jar", "/app.war"]\n',
      },
      errors: [
        {
          messageId: 'foreignHome',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: [
            'copies java.security to /usr/java/openjdk-21/conf/security/java.security, the security directory of a JDK at /usr/java/openjdk-21',
            'the JDK of eclipse-temurin:21-jdk is /opt/java/openjdk and reads its security properties from /opt/java/openjdk/conf/security/java.security',
          ],
        },
      ],
    },
    {
      name: "openjdk:11 (its JDK under /usr/local/openjdk-11): a Debian package JDK's directory it does not install",
      files: image('openjdk:11', 'COPY java.security /usr/lib/jvm/java-11-openjdk-amd64/conf/security/'),
      errors: [
        {
          messageId: 'foreignHome',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: [
            'the JDK of openjdk:11 is /usr/local/openjdk-11 and reads its security properties from /usr/local/openjdk-11/conf/security/java.security',
          ],
        },
      ],
    },
    {
      name: 'a JDK 8 JRE image: jre/ under a JRE home',
      files: image('eclipse-temurin:8-jre', 'COPY java.security /opt/java/openjdk/jre/lib/security/'),
      errors: [
        {
          messageId: 'unread',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: [
            '/opt/java/openjdk/jre/lib/security/java.security',
            '/opt/java/openjdk/lib/security/java.security',
          ],
        },
      ],
    },
    {
      // The bare openjdk:17 tag is the Oracle Linux variant (docker-library/openjdk@a2e23b0: JAVA_HOME
      // /usr/java/openjdk-17); /usr/local/openjdk-17 is the home of its Debian tags (-slim, -bullseye).
      name: "openjdk:17: the home of the Debian tags, not of the bare tag's Oracle Linux JDK",
      files: image('openjdk:17', 'COPY java.security /usr/local/openjdk-17/conf/security/'),
      errors: [
        {
          messageId: 'foreignHome',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: [
            'the JDK of openjdk:17 is /usr/java/openjdk-17 and reads its security properties from /usr/java/openjdk-17/conf/security/java.security',
          ],
        },
      ],
    },
  ],
});
