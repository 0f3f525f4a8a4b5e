/**
 * A java.security of the tree that the image copies over its JDK's (src/model/image-security-copy.ts) is the JDK's
 * whole java.security: its jdk.tls.disabledAlgorithms decides, one it leaves out is unset, one without any
 * security.provider leaves the JDK without providers (unknown); the file is no JDK of its own.
 */
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';

const PROVIDERS =
  'security.provider.1=SUN\nsecurity.provider.2=SunRsaSign\nsecurity.provider.3=SunEC\nsecurity.provider.4=SunJSSE\n';
const LEGACY = 'jdk.tls.disabledAlgorithms=SSLv3, RC4, anon, NULL\n';
const APP = 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n';

/** The client app's jdk.tls.disabledAlgorithms: `value (file:line)`, `unknown: why` or `default`; and its JDK. */
function clientSecurity(dockerfile: string, security: string): { disabled: string; jdk: string } {
  const root = writeTree({
    'client/Dockerfile': dockerfile,
    'client/config/java.security': security,
    'client/application.yml': APP,
  });
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const app = result.deployments.flatMap((d) => d.components).find((c) => c.type === 'java.app');
  const unknown = app?.runtime?.unknownSecurityProperties?.['jdk.tls.disabledAlgorithms'];
  const set = app?.runtime?.securityProperties['jdk.tls.disabledAlgorithms'];
  const disabled = unknown
    ? `unknown: ${unknown.why}`
    : set?.from.kind === 'file'
      ? `${set.value} (${path.relative(root, set.from.location.file)}:${(set.from.location.range?.start.line ?? 0) + 1})`
      : 'default';
  return { disabled, jdk: `${app?.runtime?.vendor.value} ${app?.runtime?.version.value}` };
}

const TEMURIN_17 = 'FROM eclipse-temurin:17.0.9_9-jre\n';
const COPY_17 = 'COPY config/java.security $JAVA_HOME/conf/security/java.security\n';
const START = 'ENTRYPOINT ["java", "-jar", "/app.jar"]\n';

describe("a java.security the image copies over its JDK's is that JDK's whole java.security", () => {
  test.each<[string, string, string, string]>([
    [
      'its jdk.tls.disabledAlgorithms decides',
      TEMURIN_17 + COPY_17 + START,
      PROVIDERS + LEGACY,
      'SSLv3, RC4, anon, NULL (client/config/java.security:5)',
    ],
    // JDK 17.0.15: Security.getProperty null, default client protocols TLSv1.3,TLSv1.2,TLSv1.1,TLSv1.
    [
      'a file without jdk.tls.disabledAlgorithms leaves it unset',
      TEMURIN_17 + COPY_17 + START,
      PROVIDERS,
      ' (client/Dockerfile:2)',
    ],
    [
      // JDK 17.0.15: SSLContext.getDefault() throws "Default SSLContext not available".
      'a file without security.provider: no provider, unknown',
      TEMURIN_17 + COPY_17 + START,
      LEGACY,
      'unknown: the java.security a COPY at Dockerfile line 2 puts over the JDK\'s (java.security) names no security.provider.1: the JDK then has no provider at all, and SSLContext.getDefault() fails with "Default SSLContext not available" (JDK 17)',
    ],
    [
      'an echo after the copy appends a definition that wins',
      TEMURIN_17 +
        COPY_17 +
        "RUN echo 'jdk.tls.disabledAlgorithms=SSLv3' >> $JAVA_HOME/conf/security/java.security\n" +
        START,
      PROVIDERS + LEGACY,
      'SSLv3 (client/Dockerfile:3)',
    ],
    [
      'an echo before the copy is overwritten by it',
      TEMURIN_17 +
        "RUN echo 'jdk.tls.disabledAlgorithms=SSLv3' >> $JAVA_HOME/conf/security/java.security\n" +
        COPY_17 +
        START,
      PROVIDERS + LEGACY,
      'SSLv3, RC4, anon, NULL (client/config/java.security:5)',
    ],
    [
      // adoptium/containers 8/jre: JAVA_HOME is the JRE, its java.security lib/security/java.security.
      'a JDK 8 JRE image: $JAVA_HOME/lib/security/java.security',
      'FROM eclipse-temurin:8u202-b08-jre\nCOPY config/java.security ${JAVA_HOME}/lib/security/\n' + START,
      PROVIDERS + LEGACY,
      'SSLv3, RC4, anon, NULL (client/config/java.security:5)',
    ],
    [
      // JEP 220: a JDK 17 has no jre/; the copy reaches no JDK, and the file stays a JDK of its own elsewhere.
      'a copy to $JAVA_HOME/jre/lib/security/ of a JDK 17: not its java.security',
      TEMURIN_17 + 'COPY config/java.security $JAVA_HOME/jre/lib/security/java.security\n' + START,
      PROVIDERS + LEGACY,
      'default',
    ],
  ])('%s', (_name, dockerfile, security, expected) => {
    const { disabled, jdk } = clientSecurity(dockerfile, security);
    expect(disabled).toBe(expected);
    expect(jdk).toMatch(/^temurin /);
  });
});

const UBUNTU_8 = 'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y openjdk-8-jdk\n';
const INSTALL_17 = 'RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless\n';
const COPIED = 'SSLv3, RC4, anon, NULL (client/config/java.security:5)';

// Debian's openjdk-N packages read java.security through a link in the JDK's home to /etc/java-N-openjdk/security/
// (Debian/openjdk-8@4fd1aff debian/rules; openjdk-17-jre-headless 17.0.15 measured here): a copy there after the
// install is the JDK's own file (lamaral/docker-idrac6@8569246: COPY java.security /etc/java-8-openjdk/security/java.security).
describe("a java.security the image copies over its JDK package's is that JDK's whole java.security", () => {
  test.each<[string, string, string, string]>([
    [
      'over /etc/java-8-openjdk/security/java.security after apt-get install openjdk-8-jdk',
      UBUNTU_8 + 'COPY config/java.security /etc/java-8-openjdk/security/java.security\n' + START,
      COPIED,
      'openjdk ',
    ],
    [
      'into /etc/java-8-openjdk/security (the directory the package made, no trailing slash)',
      UBUNTU_8 + 'COPY config/java.security /etc/java-8-openjdk/security\n' + START,
      COPIED,
      'openjdk ',
    ],
    [
      "over the link in a JDK 17 package's home",
      'FROM debian:bookworm\n' +
        INSTALL_17 +
        'COPY config/java.security /usr/lib/jvm/java-17-openjdk-amd64/conf/security/\n' +
        START,
      COPIED,
      'openjdk ',
    ],
    [
      "over a JDK 8 package's jre/lib/security/java.security",
      UBUNTU_8 + 'ADD config/java.security /usr/lib/jvm/java-8-openjdk-arm64/jre/lib/security/java.security\n' + START,
      COPIED,
      'openjdk ',
    ],
    // Guards: the package's JDK keeps its own java.security (the copied file is not its).
    [
      'a copy before the install: not followed',
      'FROM ubuntu:18.04\nCOPY config/java.security /etc/java-8-openjdk/security/java.security\nRUN apt-get update && apt-get install -y openjdk-8-jdk\n' +
        START,
      'default',
      'openjdk ',
    ],
    [
      "another feature's directory: not this JDK's file",
      UBUNTU_8 + 'COPY config/java.security /etc/java-11-openjdk/security/java.security\n' + START,
      'default',
      'openjdk ',
    ],
    [
      "JDK 17's conf/security in a JDK 8 package's home: not its file",
      UBUNTU_8 + 'COPY config/java.security /usr/lib/jvm/java-8-openjdk-amd64/conf/security/java.security\n' + START,
      'default',
      'openjdk ',
    ],
    [
      'an image whose own JDK runs (eclipse-temurin) installing a package beside it: not followed',
      TEMURIN_17 + INSTALL_17 + 'COPY config/java.security /etc/java-17-openjdk/security/java.security\n' + START,
      'default',
      'temurin ',
    ],
  ])('%s', (_name, dockerfile, expected, jdk) => {
    const result = clientSecurity(dockerfile, PROVIDERS + LEGACY);
    expect(result.disabled).toBe(expected);
    expect(result.jdk).toMatch(new RegExp(`^${jdk}`));
  });
});
