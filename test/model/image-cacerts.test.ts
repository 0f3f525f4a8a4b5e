/**
 * The certificates a Dockerfile's keytool imports into its JDK's cacerts (src/model/image-cacerts.ts), in the forms
 * public Dockerfiles write.
 */
import { cacertsImports } from '../../src/model/image-cacerts';
import { dockerfileFormat, type DockerfileData } from '../../src/parse/dockerfile';
import type { ParsedDocument } from '../../src/parse/types';

/** The tree files imported (relative to /t), with the line of the RUN. */
function imported(text: string, tree: string[]): string[] {
  const doc = dockerfileFormat.parse({ path: '/t/Dockerfile', text, hadBom: false }, 'dockerfile');
  return cacertsImports(doc as ParsedDocument<DockerfileData>, new Set(tree.map((f) => `/t/${f}`))).map(
    (i) => `${i.file.slice('/t/'.length)}:${(i.at.range?.start.line ?? 0) + 1}`,
  );
}

describe("a Dockerfile's keytool imports into cacerts", () => {
  test.each<[string, string, string[], string[]]>([
    [
      // efrozo23/poc-sicr Dockerfile: cd into the JDK's security directory, a relative -keystore and -file.
      'cd $JAVA_HOME/jre/lib/security && keytool -keystore cacerts -file x.crt',
      'FROM openjdk:8-jdk-alpine\nCOPY a392.crt $JAVA_HOME/jre/lib/security\nRUN \\\n    cd $JAVA_HOME/jre/lib/security \\\n    && keytool -keystore cacerts -storepass changeit -noprompt -trustcacerts -importcert -alias s -file a392.crt\n',
      ['a392.crt'],
      ['a392.crt:3'],
    ],
    [
      // masterlemmi/peoplesvc Dockerfile: COPY into the WORKDIR, -keystore the JDK's cacerts by path.
      'COPY ./tls.crt . then -file /spring/tls.crt -keystore …/lib/security/cacerts',
      'FROM openjdk:11-jre-slim\nWORKDIR /spring\nCOPY ./tls.crt .\nRUN  keytool -import -noprompt -trustcacerts -alias "lemtools" -file /spring/tls.crt -keystore /usr/local/openjdk-11/lib/security/cacerts -storepass changeit\n',
      ['tls.crt'],
      ['tls.crt:4'],
    ],
    [
      'echo yes | keytool -importcert -cacerts',
      'FROM eclipse-temurin:17\nCOPY certs/root.pem /tmp/\nRUN echo yes | $JAVA_HOME/bin/keytool -importcert -cacerts -storepass changeit -file /tmp/root.pem\n',
      ['certs/root.pem'],
      ['certs/root.pem:3'],
    ],
    [
      'a certificate the tree does not hold',
      'FROM eclipse-temurin:17\nCOPY root.pem /tmp/\nRUN keytool -importcert -cacerts -storepass changeit -noprompt -file /tmp/root.pem\n',
      [],
      [],
    ],
    [
      'an import into another store than cacerts',
      'FROM eclipse-temurin:17\nCOPY root.pem /tmp/\nRUN keytool -importcert -keystore /app/trust.p12 -storepass s3cret -noprompt -file /tmp/root.pem\n',
      ['root.pem'],
      [],
    ],
    [
      'an import in a build stage the running image does not hold',
      'FROM eclipse-temurin:17 AS build\nCOPY root.pem /tmp/\nRUN keytool -importcert -cacerts -storepass changeit -noprompt -file /tmp/root.pem\nFROM eclipse-temurin:17-jre\n',
      ['root.pem'],
      [],
    ],
  ])('%s', (_name, text, tree, expected) => {
    expect(imported(text, tree)).toEqual(expected);
  });
});
