/** Each component is judged and labelled by the TLS stack it really runs (issue 13 item 3). */
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { jdkLabel } from '../../src/derive/stack';
import type { JavaRuntime } from '../../src/model/types';
import { writeTree, type Tree } from '../helpers/rule-tester';
import { wasResources } from '../rules/mq/trees';

function run(files: Tree) {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const deployment = result.deployments[0];
    if (!deployment) throw new Error('no deployment');
    const stack = (type: string) =>
      deployment.components.filter((c) => c.type === type).map((c) => deployment.derived.stacks.get(c.id));
    return { deployment, stack, findings: result.findings };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const ORACLE8 = 'JAVA_VERSION="1.8.0_202"\nIMPLEMENTOR="Oracle Corporation"\n';
const NGINX =
  'http {\n  server {\n    listen 8443 ssl;\n    server_name api.example.internal;\n    ssl_protocols TLSv1.2;\n  }\n}\n';
const MQSC = "DEFINE CHANNEL('APP.SVRCONN') CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12)\n";

describe('TLS stack per component', () => {
  it('nginx, MQ queue managers and ClearTrust web agents show no JDK even when one is in the tree', () => {
    const { stack } = run({
      'jdk/release': ORACLE8,
      'api/nginx.conf': NGINX,
      'qm/QM1.mqsc': MQSC,
      'agent/webagent.conf': '<Pool id=__default__>\ncleartrust.agent.ssl.use=auth\n</Pool>\n',
      'authz/aserver.conf': 'cleartrust.net.ssl.use=auth\n',
    });
    expect(stack('nginx.server')).toEqual([
      expect.objectContaining({ kind: 'openssl', label: expect.stringContaining('OpenSSL 3.x (assumed') }),
    ]);
    expect(stack('mq.svrconn')).toEqual([expect.objectContaining({ kind: 'gskit', label: 'GSKit (IBM MQ)' })]);
    expect(stack('cleartrust.webagent')).toEqual([expect.objectContaining({ kind: 'native' })]);
    for (const s of [...stack('nginx.server'), ...stack('mq.svrconn'), ...stack('cleartrust.webagent')])
      expect(s?.jdk).toBeUndefined();
    expect(stack('cleartrust.aserver')).toEqual([
      expect.objectContaining({ kind: 'jsse', jdk: 'Oracle 1.8.0_202', label: 'JSSE · Oracle 1.8.0_202' }),
    ]);
  });

  it('a JDK java.security never changes an nginx or queue-manager verdict', () => {
    const security = 'jdk.tls.disabledAlgorithms=TLSv1.2, TLSv1.3, ECDHE\n';
    const files = {
      'api/nginx.conf': NGINX,
      'qm/QM1.mqsc': MQSC,
      'qm/app/ccdt.json': JSON.stringify({
        channel: [
          {
            name: 'APP.SVRCONN',
            type: 'clientConnection',
            clientConnection: { connection: [{ host: 'qm1', port: 1414 }], queueManager: 'QM1' },
            transmissionSecurity: { cipherSpecification: 'ANY_TLS12' },
          },
        ],
      }),
    };
    const plain = run(files);
    const withJdk = run({ ...files, 'jdk/release': ORACLE8, 'jdk/lib/security/java.security': security });
    const outcomes = (r: ReturnType<typeof run>) => r.deployment.derived.predictions.map((p) => p.outcome);
    expect(outcomes(withJdk)).toEqual(outcomes(plain));
  });

  it('the ClearTrust web agent does not report a JSSE message (anon against a JDK that disables anon)', () => {
    const { deployment } = run({
      'jdk/release': ORACLE8,
      'agent/webagent.conf': '<Pool id=__default__>\ncleartrust.agent.ssl.use=anon\n</Pool>\n',
      'authz/aserver.conf': 'cleartrust.net.ssl.use=anon\n',
    });
    const link = deployment.derived.predictions.find((p) => p.client.component.type === 'cleartrust.webagent');
    expect(link?.prediction.ok).toBe(false);
    if (link && !link.prediction.ok) {
      expect(link.prediction.messages.client).not.toMatch(
        /No appropriate protocol|Received fatal alert|no cipher suites in common/,
      );
      expect(link.prediction.failingSide).toBe('server');
    }
  });

  it('WebSphere traditional runs IBM JSSE2 (IBM SSL_ names are its own)', () => {
    const resources = wasResources(
      'queueManager="QM1" host="mq.example.com" port="1414" channel="APP.SVRCONN" transportType="CLIENT" sslCipherSuite="SSL_ECDHE_RSA_WITH_AES_128_GCM_SHA256"',
    );
    const { stack, findings } = run({
      'jdk/release': ORACLE8,
      'was/config/cells/c1/resources.xml': resources,
      'qm/QM1.mqsc': MQSC,
    });
    const cf = stack('jms.connection-factory');
    expect(cf).toEqual([expect.objectContaining({ kind: 'ibmjsse2', label: expect.stringMatching(/^IBM JSSE2 · /) })]);
    expect(findings.filter((f) => f.ruleId === 'java/cipher-name-unsupported')).toEqual([]);
  });
});

describe('the OpenSSL of an nginx, as the prediction reads it (issue 15 follow-up, item 3)', () => {
  it.each([
    ['FROM nginx:1.14', 'OpenSSL 1.1.0l (nginx:1.14 → debian:stretch)', '1.1.0'],
    ['FROM nginx:1.16-alpine', 'OpenSSL 1.1.1', '1.1.1'],
    ['FROM nginx:1.25', 'OpenSSL 3.0', '3'],
    ['FROM nginx:latest', 'OpenSSL 3.x (assumed: the tree does not say which)', '3'],
    [undefined, 'OpenSSL 3.x (assumed: the tree does not say which)', '3'],
  ])('%s → %s', (from, label, series) => {
    const { deployment, stack } = run({ 'api/nginx.conf': NGINX, ...(from ? { 'api/Dockerfile': `${from}\n` } : {}) });
    const [nginx] = stack('nginx.server');
    expect(nginx?.label.startsWith(label)).toBe(true);
    // The label and the prediction read the same derivation: the series the cipher string was read against.
    const component = deployment.components.find((c) => c.type === 'nginx.server');
    expect(component?.type === 'nginx.server' && component.attributes.openssl?.series).toBe(series);
  });
});

describe('JDK vendor as the release file names it', () => {
  const runtime = (
    implementor: string | undefined,
    vendor: JavaRuntime['vendor']['value'],
    version = '1.8.0_202',
  ): JavaRuntime => ({
    vendor: { value: vendor, from: { kind: 'default', origin: 'test' } },
    version: { value: version, from: { kind: 'default', origin: 'test' } },
    securityProperties: {},
    systemProperties: {},
    ...(implementor ? { implementor } : {}),
  });
  it.each([
    ['Oracle Corporation', 'openjdk', 'Oracle 1.8.0_202'],
    ['Eclipse Adoptium', 'temurin', 'Eclipse Temurin 1.8.0_202'],
    ['Amazon.com Inc.', 'corretto', 'Amazon Corretto 1.8.0_202'],
    ['Azul Systems, Inc.', 'zulu', 'Azul Zulu 1.8.0_202'],
    ['IBM Corporation', 'ibm', 'IBM 1.8.0_202'],
    ['Red Hat, Inc.', 'redhat', 'Red Hat 1.8.0_202'],
    ['Debian', 'openjdk', 'Debian 1.8.0_202'],
    [undefined, 'ibm', 'IBM 1.8.0_202'],
  ] as const)('%s', (implementor, vendor, label) => {
    expect(jdkLabel(runtime(implementor, vendor))).toBe(label);
  });
  it('a Tomcat Native connector in an Alpine image: OpenSSL assumed, without saying the tag names no distribution', () => {
    // sg4j/tomcat-docker-ssl@b69fd77 (no licence file): FROM tomcat:9.0.19-jre8-alpine, an APR connector. The tag names
    // Alpine but not its release, so which OpenSSL it ships is unknown (only Debian and Ubuntu codenames are read).
    const { stack } = run({
      Dockerfile: 'FROM tomcat:9.0.19-jre8-alpine\nCOPY server.xml /usr/local/tomcat/conf/server.xml\n',
      'server.xml':
        '<Server><Listener className="org.apache.catalina.core.AprLifecycleListener" SSLEngine="on" /><Service name="Catalina"><Connector port="8443" SSLEnabled="true" SSLCertificateFile="${catalina.base}/conf/ssl.crt" SSLCertificateKeyFile="${catalina.base}/conf/ssl.key" /></Service></Server>\n',
    });
    expect(stack('tomcat.connector')).toEqual([
      expect.objectContaining({
        label:
          'OpenSSL 3.x via Tomcat Native (assumed: no image tag names a Debian or Ubuntu release whose OpenSSL is known)',
      }),
    ]);
  });
});
