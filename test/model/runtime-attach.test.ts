import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { withRecommended } from '../../src/engine/config/load';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';

// Issue 13 item 2: runtimes attached as installs are laid out, each attachment with its provenance.
const ORACLE_8U202 = 'IMPLEMENTOR="Oracle Corporation"\nJAVA_VERSION="1.8.0_202"\n';
const CORRETTO_11 =
  'IMPLEMENTOR="Amazon.com Inc."\nJAVA_VERSION="11.0.22"\nIMPLEMENTOR_VERSION="Corretto-11.0.22.7.1"\n';
const ANON = 'cleartrust.net.ssl.use=anon\n';
const SERVERS = {
  'servers/aserver.conf': `${ANON}cleartrust.runtime_api.security=anon\n`,
  'servers/dispatcher.conf': ANON,
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Lints a tree; returns each component's JDK as `vendor version` and its attachment text, and the findings. */
function attach(files: Record<string, string>, java?: { version: string; vendor: string }) {
  const root = writeTree(files);
  dirs.push(root);
  const config = { ...withRecommended(defaultConfig(root)), ...(java && { java }) };
  const result = lint({ paths: [root], cwd: root, config });
  const components = result.deployments.flatMap((d) => d.components);
  const byName = Object.fromEntries(
    components.map((c) => [
      c.name,
      c.runtime
        ? { jdk: `${c.runtime.vendor.value} ${c.runtime.version.value}`.trim(), from: c.runtime.attachment?.text }
        : undefined,
    ]),
  );
  return {
    byName,
    findings: result.findings.map((f) => `${f.ruleId} ${path.relative(root, f.location.file)}`),
    errors: result.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId),
  };
}

describe('a JDK laid out beside the components runs them', () => {
  it.each([
    ['jre/', 'jre/release'],
    ['runtime/jdk/', 'runtime/jdk/release'],
    ['java/', 'java/release'],
  ])('ClearTrust install with %s beside servers/ and agents/: anon on 8u202 is reported', (_, release) => {
    const { byName, findings } = attach({
      [release]: ORACLE_8U202,
      ...SERVERS,
      'agents/webagent.conf': '<Pool id=__default__>\ncleartrust.agent.ssl.use=Anon\n</Pool>\n',
    });
    expect(byName['Authorization Server (servers)']).toEqual({ jdk: 'openjdk 1.8.0_202', from: `JDK from ${release}` });
    expect(findings).toContain('cleartrust/anon-cipher-disabled servers/aserver.conf');
  });

  it('Corretto 11 beside the servers: anon reported too', () => {
    const { byName, findings } = attach({ 'runtime/jdk/release': CORRETTO_11, ...SERVERS });
    expect(byName['Dispatcher (servers)']).toEqual({ jdk: 'corretto 11.0.22', from: 'JDK from runtime/jdk/release' });
    expect(findings).toContain('cleartrust/anon-cipher-disabled servers/dispatcher.conf');
  });

  it("the nearer JDK wins: one in the component's own directory over one beside it", () => {
    const { byName } = attach({ 'servers/jre/release': CORRETTO_11, 'jre/release': ORACLE_8U202, ...SERVERS });
    expect(byName['Authorization Server (servers)']?.from).toBe('JDK from servers/jre/release');
  });

  it('two different JDKs at the same distance: unknown, with an info listing both', () => {
    const { byName, findings, errors } = attach({
      'jre/release': ORACLE_8U202,
      'java/release': CORRETTO_11,
      ...SERVERS,
    });
    expect(byName['Authorization Server (servers)']?.jdk).toBe('unknown');
    expect(byName['Authorization Server (servers)']?.from).toMatch(
      /^JDK unknown: 2 JDKs are equally near: JDK from java\/release; JDK from jre\/release$/,
    );
    expect(findings).toContain('java/runtime-ambiguous servers/aserver.conf');
    expect(errors).toEqual([]); // anon on an unknown JDK: a warning saying what to declare, never an error
  });
});

describe('JDKs named by Dockerfiles and start scripts', () => {
  it('Dockerfile FROM with an ARG default, multi-stage: the final stage runs the app', () => {
    const { byName, findings } = attach({
      Dockerfile:
        'ARG JDK_TAG=8u202-b08-jre\nFROM maven:3-eclipse-temurin-17 AS build\nRUN mvn package\nFROM eclipse-temurin:${JDK_TAG}\nCOPY --from=build /app.jar /app.jar\n',
      ...SERVERS,
    });
    expect(byName['Authorization Server (servers)']).toEqual({
      jdk: 'temurin 1.8.0_202-b08',
      from: 'JDK from Dockerfile:4 FROM eclipse-temurin:${JDK_TAG} (eclipse-temurin:8u202-b08-jre)',
    });
    expect(findings).toContain('cleartrust/anon-cipher-disabled servers/aserver.conf');
  });

  it('a floating tag names the feature release only: the version is unknown, never guessed', () => {
    const { byName, errors } = attach({ Dockerfile: 'FROM eclipse-temurin:17-jre\n', ...SERVERS });
    expect(byName['Authorization Server (servers)']).toEqual({
      jdk: 'temurin',
      from: 'JDK from Dockerfile:1 FROM eclipse-temurin:17-jre (Java 17; the name gives no update: it runs any Java 17 release the tag has pointed to, so the version is unknown)',
    });
    expect(errors).toEqual([]);
  });

  it('a floating tag whose range of updates a source gives: the range is said (openjdk:8 ran 8u20 to 8u342)', () => {
    const frozen = attach({ Dockerfile: 'FROM openjdk:8-jre\n', ...SERVERS });
    expect(frozen.byName['Authorization Server (servers)']?.from).toBe(
      'JDK from Dockerfile:1 FROM openjdk:8-jre (Java 8; the name gives no update: it runs any 8u release the tag has pointed to (8u20 to 8u342), so the version is unknown)',
    );
    const moving = attach({ Dockerfile: 'FROM eclipse-temurin:8-jre\n', ...SERVERS });
    expect(moving.byName['Authorization Server (servers)']?.from).toContain(
      'any 8u release the tag has pointed to (8u302 on), so the version is unknown',
    );
  });

  it('a floating tag of a feature whose updates all have the same TLS defaults: judged by them', () => {
    const { byName } = attach({ Dockerfile: 'FROM eclipse-temurin:26-jre\n', ...SERVERS });
    expect(byName['Authorization Server (servers)']).toEqual({
      jdk: 'temurin 26',
      from: 'JDK from Dockerfile:1 FROM eclipse-temurin:26-jre (Java 26; the name gives no update, and every 26 update has the same TLS defaults)',
    });
    // an install of the same feature in the tree still says the rest, and a declared version still wins
    const TEMURIN_26 = 'IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="26.0.1"\n';
    const same = attach({ Dockerfile: 'FROM eclipse-temurin:26\n', 'jdk/release': TEMURIN_26, ...SERVERS });
    expect(same.byName['Dispatcher (servers)']).toEqual({ jdk: 'temurin 26.0.1', from: 'JDK from jdk/release' });
    const declared = attach(
      { Dockerfile: 'FROM eclipse-temurin:26\n', ...SERVERS },
      { version: '26.0.1', vendor: 'temurin' },
    );
    expect(declared.byName['Dispatcher (servers)']?.jdk).toBe('temurin 26.0.1');
  });

  it('a FROM without an update beside an install of the same vendor and feature names that install', () => {
    const same = attach({ Dockerfile: 'FROM amazoncorretto:11\n', 'jdk/release': CORRETTO_11, ...SERVERS });
    expect(same.byName['Dispatcher (servers)']).toEqual({ jdk: 'corretto 11.0.22', from: 'JDK from jdk/release' });
    const other = attach({ Dockerfile: 'FROM amazoncorretto:17\n', 'jdk/release': CORRETTO_11, ...SERVERS });
    expect(other.byName['Dispatcher (servers)']?.jdk).toBe('unknown');
  });

  it("JAVA_HOME in Tomcat's bin/setenv.sh (Red Hat OpenJDK package path)", () => {
    const { byName } = attach({
      'tomcat/bin/setenv.sh':
        '#!/bin/sh\nexport JAVA_HOME=/usr/lib/jvm/java-1.8.0-openjdk-1.8.0.202.b08-1.el7_6.x86_64\n',
      'tomcat/conf/server.xml':
        '<Server><Service name="Catalina"><Connector port="8443" SSLEnabled="true" sslEnabledProtocols="TLSv1.2"/></Service></Server>\n',
    });
    const tomcat = Object.entries(byName).find(([name]) => /8443/.test(name))?.[1];
    expect(tomcat).toEqual({
      jdk: 'redhat 1.8.0_202-b08',
      from: 'JDK from tomcat/bin/setenv.sh:2 JAVA_HOME=/usr/lib/jvm/java-1.8.0-openjdk-1.8.0.202.b08-1.el7_6.x86_64',
    });
  });

  it('a systemd unit starting …/bin/java', () => {
    const { byName } = attach({
      'ct/ct-aserver.service': '[Service]\nExecStart=/usr/java/jdk1.8.0_202-amd64/bin/java -jar /opt/ct/aserver.jar\n',
      'ct/aserver.conf': `${ANON}`,
      'ct/dispatcher.conf': ANON,
    });
    expect(byName['Authorization Server (ct)']).toEqual({
      jdk: 'oracle 1.8.0_202',
      from: 'JDK from ct/ct-aserver.service:2 /usr/java/jdk1.8.0_202-amd64/bin/java',
    });
  });

  it('WebSphere traditional runs its own IBM SDK, not a JRE found elsewhere in the tree', () => {
    const { byName } = attach({
      'shared/jre/release': ORACLE_8U202,
      'was/config/cells/c1/resources.xml':
        '<xmi:XMI xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:resources.jms.mqseries="http://www.ibm.com/websphere/appserver/schemas/5.0/resources.jms.mqseries.xmi"><resources.jms.mqseries:MQConnectionFactory name="cf" jndiName="jms/cf" queueManager="QM1" host="mq.example.com" port="1414" channel="APP.SVRCONN" transportType="CLIENT"/></xmi:XMI>\n',
    });
    const was = Object.values(byName).find((r) => r?.from?.includes('WebSphere'));
    expect(was).toEqual({
      jdk: 'ibm',
      from: 'IBM SDK 8 of WebSphere traditional (its service refresh is not in the tree: declare it with config "components")',
    });
  });
});

// efrozo23/poc-sicr@d7e7a7c (no licence file): a JDK master java.security at the root beside a Dockerfile whose image
// runs Java and copies no java.security. The image's JDK reads its own; this file stood for "a JDK of unknown version".
describe('a lone java.security stands for a JDK only when nothing says another JDK runs its directory', () => {
  const security = 'security.provider.1=sun.security.provider.Sun\njdk.tls.disabledAlgorithms=SSLv3, RC4\n';
  const app = { 'java.security': security, 'src/main/resources/application.properties': 'server.port=8443\n' };
  const image = (from: string) => `FROM ${from}\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n`;
  const lone = 'JDK of unknown version whose java.security is java.security';
  it.each([
    [
      'an image lint-deploy does not know, copying no java.security: its own JDK, unknown',
      { Dockerfile: image('fabric8/s2i-java:2.3') },
      'JDK that Dockerfile:1 FROM fabric8/s2i-java:2.3 runs, not known to lint-deploy',
    ],
    [
      'a known image copying no java.security: its JDK alone, not two equally near',
      { Dockerfile: image('eclipse-temurin:17.0.9_9-jre') },
      'JDK from Dockerfile:1 FROM eclipse-temurin:17.0.9_9-jre',
    ],
    ['no image build (a collected configuration): the JDK whose java.security it is', {}, lone],
    [
      'a Compose volume names the file: kept',
      {
        Dockerfile: image('fabric8/s2i-java:2.3'),
        'docker-compose.yml':
          'services:\n  app:\n    build: .\n    volumes:\n      - ./java.security:/opt/jdk/conf/security/java.security\n',
      },
      lone,
    ],
    [
      // wyona/katie-backend@88aeb9b: `COPY java.security /usr/java/openjdk-21/conf/security/.` on eclipse-temurin:21
      // (java/security-file-copied-where-unread warns of the copy): two equally near JDKs, so the JDK unknown, before.
      'a known image copying it where its JDK does not read it: the image JDK alone',
      {
        Dockerfile: image('eclipse-temurin:17.0.9_9-jre').replace(
          'ENTRYPOINT',
          'COPY java.security /usr/java/openjdk-17/conf/security/.\nENTRYPOINT',
        ),
      },
      'JDK from Dockerfile:1 FROM eclipse-temurin:17.0.9_9-jre',
    ],
    [
      // The Compose build context is the root, not the Dockerfile's directory: the copied file is the root's.
      'a known image built from a Compose context copying it where its JDK does not read it: the image JDK alone',
      {
        'docker/Dockerfile': image('eclipse-temurin:17.0.9_9-jre').replace(
          'ENTRYPOINT',
          'COPY java.security $JAVA_HOME/jre/lib/security/java.security\nENTRYPOINT',
        ),
        'docker-compose.yml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n',
      },
      'JDK from docker/Dockerfile:1 FROM eclipse-temurin:17.0.9_9-jre',
    ],
    [
      'an image lint-deploy does not know copying it into a JDK home: the JDK whose java.security it is, kept',
      {
        Dockerfile: image('fabric8/s2i-java:2.3').replace(
          'ENTRYPOINT',
          'COPY java.security /opt/jdk/conf/security/java.security\nENTRYPOINT',
        ),
      },
      lone,
    ],
    [
      'the Dockerfile edits a java.security: kept',
      {
        Dockerfile: image('fabric8/s2i-java:2.3').replace(
          'ENTRYPOINT',
          'RUN sed -i s/SSLv3,// $JAVA_HOME/jre/lib/security/java.security\nENTRYPOINT',
        ),
      },
      lone,
    ],
  ])('%s', (_name, files, from) => {
    const { byName } = attach({ ...app, ...files });
    const runtimes = Object.values(byName).map((r) => r?.from);
    expect(runtimes.length).toBeGreaterThan(0);
    expect(runtimes.every((r) => r === from)).toBe(true);
  });
});

describe("each attachment's provenance is in the reports", () => {
  const cli = path.resolve(__dirname, '../../dist/cli.js');
  const tree = () => {
    const root = writeTree({ Dockerfile: 'FROM eclipse-temurin:8u202-b08-jre\n', ...SERVERS });
    dirs.push(root);
    return root;
  };
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30000 });

  it('--format json lists every JDK, where it comes from and what it runs', () => {
    const root = tree();
    const report = JSON.parse(run(['--format', 'json', '.'], root).stdout) as { runtimes: unknown[] };
    expect(report.runtimes).toEqual([
      {
        deployment: '.',
        jdk: 'Eclipse Temurin 8u202',
        from: 'JDK from Dockerfile:1 FROM eclipse-temurin:8u202-b08-jre',
        file: 'Dockerfile',
        line: 1,
        // The tree's root is named `top directory`.
        components: ['Authorization Server (servers)', 'Dispatcher (servers)', 'Java application (top directory)'],
      },
    ]);
  });

  it('the HTML node label (its title) says where the JDK comes from', () => {
    const root = tree();
    const html = run(['--format', 'html', '.'], root).stdout;
    expect(html).toMatch(
      /<title>Authorization Server \(servers\)\n[^<]*\nJDK from Dockerfile:1 FROM eclipse-temurin:8u202-b08-jre\n/,
    );
  });
});
