/**
 * A server's image edits its JDK (src/model/image-runtime.ts): the Dockerfile that COPYs a Tomcat server.xml or a
 * Liberty server.xml into its image, or that a Compose service mounting it builds, is the image the server runs in;
 * its java.security edits reach the server's runtime and its cacerts imports the server's default trust.
 */
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';
import { store } from '../rules/tls/trust-trees';

const SECURITY = '/opt/java/openjdk/conf/security/java.security';
const ECHO = `RUN echo 'jdk.tls.disabledAlgorithms=SSLv3, RC4' >> ${SECURITY}\n`;
const TOMCAT_XML = `<Server port="-1"><Service name="Catalina">
<Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true">
  <SSLHostConfig certificateVerification="required">
    <Certificate certificateKeystoreFile="conf/server.p12" certificateKeystorePassword="changeit"/>
  </SSLHostConfig>
</Connector>
</Service></Server>
`;
const LIBERTY_XML = `<server>
  <featureManager><feature>transportSecurity-1.0</feature></featureManager>
  <httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>
  <keyStore id="defaultKeyStore" location="key.p12" password="changeit"/>
</server>
`;

/** Each server component's jdk.tls.disabledAlgorithms: `value (file:line)`, `unknown: why` or `default`. */
function disabledByComponent(files: Record<string, string>): Record<string, string> {
  const root = writeTree(files);
  const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
  const out: Record<string, string> = {};
  for (const c of result.deployments.flatMap((d) => d.components)) {
    if (c.type !== 'tomcat.connector' && c.type !== 'liberty.https-endpoint') continue;
    const unknown = c.runtime?.unknownSecurityProperties?.['jdk.tls.disabledAlgorithms'];
    const set = c.runtime?.securityProperties['jdk.tls.disabledAlgorithms'];
    out[c.type] = unknown
      ? `unknown: ${unknown.why}`
      : set?.from.kind === 'file'
        ? `${set.value} (${path.relative(root, set.from.location.file)}:${(set.from.location.range?.start.line ?? 0) + 1})`
        : 'default';
  }
  return out;
}

describe("a server image's java.security edits reach the server's runtime", () => {
  test.each<[string, Record<string, string>, Record<string, string>]>([
    [
      'a Tomcat image that copies the server.xml',
      {
        'tomcat/Dockerfile': `FROM tomcat:9.0.85-jdk17-temurin\nCOPY server.xml /usr/local/tomcat/conf/\n${ECHO}`,
        'tomcat/server.xml': TOMCAT_XML,
      },
      { 'tomcat.connector': 'SSLv3, RC4 (tomcat/Dockerfile:3)' },
    ],
    [
      'a Tomcat image that does not hold the server.xml',
      {
        'tomcat/Dockerfile': `FROM tomcat:9.0.85-jdk17-temurin\nCOPY app.war /usr/local/tomcat/webapps/\n${ECHO}`,
        'tomcat/server.xml': TOMCAT_XML,
      },
      { 'tomcat.connector': 'default' },
    ],
    [
      'an edit in a build stage the running image does not hold',
      {
        'tomcat/Dockerfile': `FROM tomcat:9.0.85-jdk17-temurin AS build\n${ECHO}FROM tomcat:9.0.85-jdk17-temurin\nCOPY server.xml /usr/local/tomcat/conf/\n`,
        'tomcat/server.xml': TOMCAT_XML,
      },
      { 'tomcat.connector': 'default' },
    ],
    [
      'a Compose service that mounts the server.xml and builds the image',
      {
        'compose.yaml':
          'services:\n  web:\n    build: ./image\n    volumes:\n      - ./conf/server.xml:/usr/local/tomcat/conf/server.xml\n',
        'image/Dockerfile': `FROM tomcat:9.0.85-jdk17-temurin\n${ECHO}`,
        'conf/server.xml': TOMCAT_XML,
      },
      { 'tomcat.connector': 'SSLv3, RC4 (image/Dockerfile:2)' },
    ],
    [
      'a Liberty image whose sed the tool cannot follow',
      {
        'liberty/Dockerfile': `FROM icr.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi\nCOPY --chown=1001:0 server.xml /config/\nRUN sed -i 's/TLSv1, TLSv1.1, //' /opt/java/openjdk/conf/security/java.security\n`,
        'liberty/server.xml': LIBERTY_XML,
      },
      {
        'liberty.https-endpoint': "unknown: a sed at Dockerfile line 3 edits it, and the JDK's default is unknown",
      },
    ],
  ])('%s', (_name, files, expected) => {
    expect(disabledByComponent(files)).toEqual(expected);
  });
});

describe("a server image's keytool imports join the cacerts the server trusts by default", () => {
  const ROOT_PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  /** The tree files (relative) the Tomcat connector's default trust adds. */
  function added(dockerfile: string): string[] {
    const root = writeTree({
      'tomcat/Dockerfile': dockerfile,
      'tomcat/server.xml': TOMCAT_XML,
      'tomcat/root.pem': ROOT_PEM,
    });
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const connector = result.deployments.flatMap((d) => d.components).find((c) => c.type === 'tomcat.connector');
    return (connector?.tls?.trust?.cacertsAdded ?? []).map((a) => path.relative(root, a.file));
  }
  const IMPORT =
    'COPY root.pem /tmp/\nRUN keytool -importcert -cacerts -storepass changeit -noprompt -file /tmp/root.pem\n';
  test('a Tomcat image that copies the server.xml and imports a CA', () => {
    expect(added(`FROM tomcat:9.0.85-jdk17-temurin\nCOPY server.xml /usr/local/tomcat/conf/\n${IMPORT}`)).toEqual([
      'tomcat/root.pem',
    ]);
  });
  test('a Tomcat image that does not hold the server.xml', () => {
    expect(added(`FROM tomcat:9.0.85-jdk17-temurin\n${IMPORT}`)).toEqual([]);
  });
});

describe("a server image's copy over its JDK's cacerts is the cacerts the server trusts by default", () => {
  /** The tree file (relative) the Tomcat connector's default trust is replaced with, or 'none'. */
  function replacedWith(dockerfile: string): string {
    const root = writeTree({
      'tomcat/Dockerfile': dockerfile,
      'tomcat/server.xml': TOMCAT_XML,
      'tomcat/cacerts': store('trust-root.jks'),
    });
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const connector = result.deployments.flatMap((d) => d.components).find((c) => c.type === 'tomcat.connector');
    const replaced = connector?.tls?.trust?.cacertsReplaced;
    return replaced ? path.relative(root, replaced.file) : 'none';
  }
  test('a Tomcat (Temurin 17) image that copies the server.xml and a cacerts to $JAVA_HOME/lib/security/', () => {
    expect(
      replacedWith(
        'FROM tomcat:9.0.85-jdk17-temurin\nCOPY server.xml /usr/local/tomcat/conf/\nCOPY cacerts $JAVA_HOME/lib/security/\n',
      ),
    ).toBe('tomcat/cacerts');
  });
  test('a Tomcat (Temurin 8 JDK) image: $JAVA_HOME/lib/security/ is not where its JDK keeps cacerts', () => {
    expect(
      replacedWith(
        'FROM tomcat:9.0.85-jdk8-temurin\nCOPY server.xml /usr/local/tomcat/conf/\nCOPY cacerts $JAVA_HOME/lib/security/\n',
      ),
    ).toBe('none');
  });
});
