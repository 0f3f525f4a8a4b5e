/**
 * The certificates a Dockerfile's keytool imports into its JDK's cacerts (src/model/image-cacerts.ts), in the forms
 * public Dockerfiles write.
 */
import { cacertsImports, systemStoreImports } from '../../src/model/image-cacerts';
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
      // leptoquark/segnalazioni-backend@0ff2b1f6 (imagetrust's note): JDK 11 has no jre/; keytool makes a new store
      // there (measured with JDK 17's keytool: "Certificate was added to keystore", a new 1 KB cacerts) no JDK reads.
      'cd $JAVA_HOME/jre/lib/security && keytool -keystore cacerts on JDK 11: a store the JDK does not read',
      'FROM eclipse-temurin:11\nCOPY ca.crt /tmp/\nRUN cd $JAVA_HOME/jre/lib/security && keytool -importcert -keystore cacerts -storepass changeit -noprompt -file /tmp/ca.crt\n',
      ['ca.crt'],
      [],
    ],
    [
      '-keystore $JAVA_HOME/jre/lib/security/cacerts on JDK 17: a store the JDK does not read',
      'FROM eclipse-temurin:17\nCOPY ca.crt /tmp/\nRUN keytool -importcert -keystore $JAVA_HOME/jre/lib/security/cacerts -storepass changeit -noprompt -file /tmp/ca.crt\n',
      ['ca.crt'],
      [],
    ],
    [
      "-keystore $JAVA_HOME/lib/security/cacerts on JDK 17: the JDK's own",
      'FROM eclipse-temurin:17\nCOPY ca.crt /tmp/\nRUN keytool -importcert -keystore $JAVA_HOME/lib/security/cacerts -storepass changeit -noprompt -file /tmp/ca.crt\n',
      ['ca.crt'],
      ['ca.crt:3'],
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

/** The tree files an image's JDK trusts through the system CA store (relative to /t), with the line of the refresh. */
function throughSystemStore(text: string, tree: string[]): string[] {
  const doc = dockerfileFormat.parse({ path: '/t/Dockerfile', text, hadBom: false }, 'dockerfile');
  return systemStoreImports(doc as ParsedDocument<DockerfileData>, new Set(tree.map((f) => `/t/${f}`))).map(
    (i) => `${i.file.slice('/t/'.length)}:${(i.at.range?.start.line ?? 0) + 1}`,
  );
}

describe("a Dockerfile's additions to the system CA store its JDK's cacerts follows", () => {
  const COPY_CRT = 'COPY certs/corp.crt /usr/local/share/ca-certificates/\n';
  const REFRESH = 'RUN apt-get update && update-ca-certificates\n';
  test.each<[string, string, string[], string[]]>([
    [
      'openjdk (its update-ca-certificates hook)',
      `FROM openjdk:11-jre-slim\n${COPY_CRT}${REFRESH}`,
      ['certs/corp.crt'],
      ['certs/corp.crt:3'],
    ],
    [
      'a directory of certificates: only its .crt files',
      'FROM openjdk:17\nCOPY certs/ /usr/local/share/ca-certificates/\nRUN update-ca-certificates\n',
      ['certs/a.crt', 'certs/b.pem'],
      ['certs/a.crt:3'],
    ],
    [
      'the file renamed to .crt by the COPY',
      'FROM openjdk:17\nCOPY certs/corp.pem /usr/local/share/ca-certificates/corp.crt\nRUN update-ca-certificates\n',
      ['certs/corp.pem'],
      ['certs/corp.pem:3'],
    ],
    // A real form (eclipse-temurin + ca-certificates-java): a directory copied into a subdirectory, searched recursively.
    [
      'a directory copied into a subdirectory of the anchors',
      'FROM openjdk:17\nCOPY certificates /usr/local/share/ca-certificates/certificates\nRUN update-ca-certificates\n',
      ['certificates/corp.crt', 'certificates/readme.txt'],
      ['certificates/corp.crt:3'],
    ],
    [
      // alpinelinux/aports main/ca-certificates/update-ca.c: the files directly in /usr/local/share/ca-certificates.
      'Alpine openjdk17-jre: a .crt in the anchors directory',
      'FROM alpine:3.19\nRUN apk add --no-cache openjdk17-jre\nCOPY certs/ /usr/local/share/ca-certificates/\nRUN update-ca-certificates\n',
      ['certs/corp.crt', 'certs/sub/deep.crt'],
      ['certs/corp.crt:4'],
    ],
    [
      // update-ca.c reads one level (dir_readfiles): a subdirectory of the anchors is not read.
      'Alpine openjdk17-jre: a directory copied into a subdirectory of the anchors',
      'FROM alpine:3.19\nRUN apk add openjdk17-jre-headless\nCOPY certificates /usr/local/share/ca-certificates/certificates\nRUN update-ca-certificates\n',
      ['certificates/corp.crt'],
      [],
    ],
    [
      'a file copied to a name without .crt',
      'FROM openjdk:17\nCOPY corp.crt /usr/local/share/ca-certificates/corp\nRUN update-ca-certificates\n',
      ['corp.crt'],
      [],
    ],
    ['no refresh after the COPY', `FROM openjdk:17\n${REFRESH}${COPY_CRT}`, ['certs/corp.crt'], []],
    // A tag naming an update may be older than the hook (docker-library/openjdk@1733ab90, 2019-05-28).
    ['an openjdk tag naming an update', `FROM openjdk:8u181-jdk\n${COPY_CRT}${REFRESH}`, ['certs/corp.crt'], []],
    [
      'an Alpine openjdk image (not described)',
      `FROM openjdk:8-jdk-alpine\n${COPY_CRT}${REFRESH}`,
      ['certs/corp.crt'],
      [],
    ],
    [
      'openjdk on Oracle Linux: update-ca-trust and its anchors directory',
      'FROM openjdk:17-oraclelinux8\nCOPY corp.pem /etc/pki/ca-trust/source/anchors/\nRUN update-ca-trust extract\n',
      ['corp.pem'],
      ['corp.pem:3'],
    ],
    [
      'eclipse-temurin with USE_SYSTEM_CA_CERTS set (any value: the entrypoint tests -n)',
      `FROM eclipse-temurin:21-jre\nENV USE_SYSTEM_CA_CERTS=false\n${COPY_CRT}${REFRESH}CMD ["java", "-jar", "/app.jar"]\n`,
      ['certs/corp.crt'],
      ['certs/corp.crt:4'],
    ],
    [
      'eclipse-temurin with USE_SYSTEM_CA_CERTS empty',
      `FROM eclipse-temurin:21-jre\nENV USE_SYSTEM_CA_CERTS=""\n${COPY_CRT}${REFRESH}`,
      ['certs/corp.crt'],
      [],
    ],
    [
      'eclipse-temurin keeping its entrypoint by name',
      `FROM eclipse-temurin:21-jre\nENV USE_SYSTEM_CA_CERTS 1\n${COPY_CRT}${REFRESH}ENTRYPOINT ["/__cacert_entrypoint.sh", "java", "-jar", "/app.jar"]\n`,
      ['certs/corp.crt'],
      ['certs/corp.crt:4'],
    ],
    // The tag names an update: the image may predate the entrypoint (adoptium/containers#392, 2023-08-02).
    [
      'an eclipse-temurin tag naming an update',
      `FROM eclipse-temurin:17.0.5_8-jre\nENV USE_SYSTEM_CA_CERTS=1\n${COPY_CRT}${REFRESH}`,
      ['certs/corp.crt'],
      [],
    ],
    // docker-library/tomcat@55546d61: `ENTRYPOINT []`, the Temurin entrypoint never runs.
    [
      'a Tomcat image',
      `FROM tomcat:10.1-jdk17-temurin\nENV USE_SYSTEM_CA_CERTS=1\n${COPY_CRT}${REFRESH}`,
      ['certs/corp.crt'],
      [],
    ],
    [
      'a copy in a build stage the running image does not hold',
      `FROM openjdk:17 AS build\n${COPY_CRT}${REFRESH}FROM openjdk:17-jdk-slim\n`,
      ['certs/corp.crt'],
      [],
    ],
  ])('%s', (_name, text, tree, expected) => {
    expect(throughSystemStore(text, tree)).toEqual(expected);
  });
});
