import rule from '../../../src/rules/java/security-file-without-providers';
import { ruleTester, type Tree } from '../../helpers/rule-tester';

// JDK 17.0.15 and 25.0.3 here, conf/security/java.security replaced: without security.provider.1 (none at all, or
// only .2 and later) a client's default socket fails with "java.net.SocketException:
// java.security.NoSuchAlgorithmException: Default SSLContext not available"; so does
// -Djava.security.properties==file with such a file; the providers given by -Djava.security.properties=file
// (one '=', added to the file) make it connect.
const TEMURIN = 'eclipse-temurin:17.0.9_9-jre';
const SECURITY = 'client/java.security';
const PROVIDERS = [
  'security.provider.1=SUN',
  'security.provider.2=SunRsaSign',
  'security.provider.3=SunEC',
  'security.provider.4=SunJSSE',
];
const app = { 'client/application.yml': 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n' };

/** A Java client whose image copies client/java.security (these lines) to `destination`, more lines after the copy. */
function copying(
  lines: string[],
  destination = '$JAVA_HOME/conf/security/java.security',
  from = TEMURIN,
  ...more: string[]
): Tree {
  return {
    ...app,
    'client/Dockerfile': [
      `FROM ${from}`,
      `COPY java.security ${destination}`,
      ...more,
      'ENTRYPOINT ["java", "-jar", "/app.jar"]',
      '',
    ].join('\n'),
    [SECURITY]: [...lines, ''].join('\n'),
  };
}

ruleTester(rule, {
  valid: [
    {
      name: "the copied file keeps the JDK's providers",
      files: copying([...PROVIDERS, 'jdk.tls.disabledAlgorithms=SSLv3, RC4']),
    },
    {
      name: 'a -Djava.security.properties file the tree does not hold may give the providers',
      files: copying(
        ['jdk.tls.disabledAlgorithms=SSLv3, RC4'],
        undefined,
        TEMURIN,
        'ENV JAVA_TOOL_OPTIONS=-Djava.security.properties=/etc/app/more.security',
      ),
    },
    {
      name: 'the Compose service takes JAVA_TOOL_OPTIONS from the environment: a properties file may come at run time',
      files: {
        ...copying(['jdk.tls.disabledAlgorithms=SSLv3, RC4']),
        'compose.yaml':
          'services:\n  client:\n    build: ./client\n    environment:\n      JAVA_TOOL_OPTIONS: ${CLIENT_JAVA_OPTS}\n',
      },
    },
    {
      // JDK 8 keeps java.security in jre/lib/security (a JDK image) or lib/security (a JRE image): no JDK reads this.
      name: 'copied to conf/security of a JDK 8 image: not its java.security',
      files: copying(['jdk.tls.disabledAlgorithms=SSLv3, RC4'], undefined, 'eclipse-temurin:8u202-b08-jre'),
    },
    {
      name: "-Djava.security.properties= (one =) adds the file to the JDK's own: its providers stay",
      files: {
        ...app,
        'client/jvm.options': '-Djava.security.properties=/opt/client/java.security\n',
        [SECURITY]: 'jdk.tls.disabledAlgorithms=SSLv3, RC4\n',
      },
    },
  ],
  invalid: [
    {
      name: 'the copied file names no provider',
      files: copying(['jdk.tls.disabledAlgorithms=SSLv3, RC4']),
      errors: [
        {
          messageId: 'noProviders',
          file: 'client/Dockerfile',
          line: 2,
          messageIncludes: ['Default SSLContext not available', 'Java application (client)'],
          related: [
            { file: SECURITY, line: 1 },
            { file: 'client/application.yml', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'security.provider.2 and later without .1: the JDK stops at the first missing number',
      files: copying([...PROVIDERS.slice(1), 'jdk.tls.disabledAlgorithms=SSLv3, RC4']),
      errors: [{ messageId: 'noProviders', file: 'client/Dockerfile', line: 2 }],
    },
    {
      name: '-Djava.security.properties== (two) makes a file without providers the whole java.security',
      files: {
        ...app,
        'client/jvm.options': '-Djava.security.properties==/opt/client/java.security\n',
        [SECURITY]: 'jdk.tls.disabledAlgorithms=SSLv3, RC4\n',
      },
      errors: [
        {
          messageId: 'noProviders',
          file: 'client/jvm.options',
          line: 1,
          related: [
            { file: SECURITY, line: 1 },
            { file: 'client/application.yml', line: 1 },
          ],
        },
      ],
    },
  ],
});
