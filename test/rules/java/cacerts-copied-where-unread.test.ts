import rule from '../../../src/rules/java/cacerts-copied-where-unread';
import { ruleTester } from '../../helpers/rule-tester';
import { replacingCacerts } from '../tls/trust-trees';
import { lintTree } from '../../engine/lint-helper';

// Where each JDK reads cacerts (knowledge homeLayouts): lib/security/cacerts from JDK 9 (JEP 220 removed jre/),
// jre/lib/security/cacerts in a JDK 8 JDK image, lib/security/cacerts in a JDK 8 JRE image (adoptium/containers
// 8/jdk and 8/jre entrypoint.sh JRE_CACERTS_PATH). A copy elsewhere is a new file no JDK opens.
const TEMURIN = 'eclipse-temurin:17.0.9_9-jre';
const DOCKERFILE = 'client/Dockerfile';
/** A client image built FROM `from` whose `lines` follow. */
const image = (from: string, ...lines: string[]) => ({
  ...replacingCacerts(TEMURIN, '$JAVA_HOME/lib/security/cacerts', 'trust-other.jks'),
  [DOCKERFILE]: [`FROM ${from}`, ...lines, 'ENTRYPOINT ["java", "-jar", "/app.jar"]', ''].join('\n'),
});
const SYSTEM_STORE = '/etc/ssl/certs/java/cacerts';

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
    {
      // Debian 12 here: openjdk-17-jre-headless's lib/security/cacerts is a link to /etc/ssl/certs/java/cacerts.
      name: 'a Debian-packaged JDK reads /etc/ssl/certs/java/cacerts: its own cacerts',
      files: image(
        'debian:bookworm-slim',
        'RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless',
        `COPY certs/cacerts ${SYSTEM_STORE}`,
      ),
    },
    {
      name: 'an eclipse-temurin image that also installs a Debian JDK: which JDK runs is not followed',
      files: image(
        'eclipse-temurin:21-jre',
        'RUN apt-get update && apt-get install -y openjdk-21-jre-headless',
        `COPY certs/cacerts ${SYSTEM_STORE}`,
      ),
    },
    {
      name: 'an image no source says keeps its own cacerts (openjdk:17): unknown, silent',
      files: image('openjdk:17', `COPY certs/cacerts ${SYSTEM_STORE}`),
    },
    {
      name: 'the start names the system store as its trust store',
      files: image(
        'eclipse-temurin:21-jre',
        `COPY certs/cacerts ${SYSTEM_STORE}`,
        `ENV JAVA_TOOL_OPTIONS=-Djavax.net.ssl.trustStore=${SYSTEM_STORE}`,
      ),
    },
    {
      name: "a later RUN links the JDK's cacerts to the system store",
      files: image(
        'eclipse-temurin:21-jre',
        `COPY certs/cacerts ${SYSTEM_STORE}`,
        `RUN ln -sf ${SYSTEM_STORE} $JAVA_HOME/lib/security/cacerts`,
      ),
    },
  ],
  invalid: [
    {
      // katherinelim/docker-multistage-example@388e7975 Dockerfile: the build stage (eclipse-temurin:21-jdk) installs
      // ca-certificates-java and runs update-ca-certificates; the runtime stage copies the store it wrote.
      name: 'eclipse-temurin:21-jre: the system store a build stage wrote, copied where the JDK never reads',
      files: image('eclipse-temurin:21-jre', `COPY --from=build ${SYSTEM_STORE} ${SYSTEM_STORE}`),
      errors: [
        {
          messageId: 'systemStore',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: [
            `copies ${SYSTEM_STORE} of build to ${SYSTEM_STORE}, the JKS store Debian's and Ubuntu's ca-certificates-java keeps`,
            'keeps its own cacerts under /opt/java/openjdk',
            'Copy it to /opt/java/openjdk/lib/security/cacerts',
          ],
        },
      ],
    },
    {
      name: 'into /etc/ssl/certs/java/ of an eclipse-temurin JDK 8 JDK image',
      files: image('eclipse-temurin:8u202-b08-jdk', 'COPY certs/cacerts /etc/ssl/certs/java/'),
      errors: [
        {
          messageId: 'systemStore',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: ['Copy it to /opt/java/openjdk/jre/lib/security/cacerts'],
        },
      ],
    },
    {
      name: "Red Hat's system store in an eclipse-temurin UBI image, tag without a feature",
      files: image('eclipse-temurin:ubi9-minimal', 'COPY certs/cacerts /etc/pki/java/cacerts'),
      errors: [
        {
          messageId: 'systemStore',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: ['update-ca-trust', 'Copy it to /opt/java/openjdk/lib/security/cacerts (jre/lib'],
        },
      ],
    },
    {
      name: 'a .dockerignore that leaves the store out of the context: the build stops at the copy',
      files: {
        ...replacingCacerts(TEMURIN, '$JAVA_HOME/jre/lib/security/cacerts', 'trust-other.jks'),
        'client/.dockerignore': 'certs\n',
      },
      errors: [
        {
          messageId: 'leftOut',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: ['copies certs/cacerts, which the .dockerignore of its build context leaves out'],
          related: [{ file: 'client/.dockerignore', line: 1 }],
        },
      ],
    },
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

// Two Dockerfiles of one context: Dockerfile.dev reads its own Dockerfile.dev.dockerignore (BuildKit), which keeps
// certs/, so its copy is in its image; the context's .dockerignore is Dockerfile's alone. (Not a rule-tester case: the
// ignore file that keeps the store in decides the finding but is no place of it.)
it("a second Dockerfile of the context with an ignore file of its own: the other's .dockerignore is not its", () => {
  const { findings, root } = lintTree(
    {
      ...replacingCacerts(TEMURIN, '$JAVA_HOME/jre/lib/security/cacerts', 'trust-other.jks'),
      'client/Dockerfile.dev': `FROM ${TEMURIN}\nCOPY certs/cacerts /opt/java/openjdk/lib/securty/cacerts\n`,
      'client/.dockerignore': 'certs\n',
      'client/Dockerfile.dev.dockerignore': '*.md\n',
    },
    { builtIn: [rule.meta.id] },
  );
  const leftOut = (message: string) => message.includes('which the .dockerignore of its build context leaves out');
  expect(findings.map((f) => `${f.location.file.slice(root.length + 1)} ${leftOut(f.message)}`).sort()).toEqual([
    'client/Dockerfile true',
    'client/Dockerfile.dev false',
  ]);
});
