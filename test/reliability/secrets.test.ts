/**
 * A distinct secret in every secret-bearing key of every format lint-deploy
 * reads; no output format may contain any of them (DESIGN.md "Secrets").
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatterNames } from '../../src/report';
import { writeTree } from '../helpers/rule-tester';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist/cli.js');

/** Each secret is unique, so a leak names the key it came from. */
const S = (name: string) => `Zq${name}-s3cr3t-7x`;
const SECRETS = [
  'CtAserverKs',
  'CtAserverKey',
  'CtEserver',
  'CtKeyserver',
  'CtAgentPw',
  'WasKeyStore',
  'WasTrust',
  'WasXor',
  'WasSecXml',
  'LibertyKs',
  'LibertyUser',
  'LibertyXorRaw',
  'QmIni',
  'QmStash',
  'MqClientIni',
  'MqscKeyrpwd',
  'JvmOpt',
  'JvmTrust',
  'SetenvKs',
  'SystemdKs',
  'DockerKs',
  'DockerEnvPw',
  'SpringProps',
  'SpringYaml',
  'SpringYamlTrust',
  'TomcatKsPass',
  'TomcatCertKs',
  'TomcatTrust',
  'NginxPwFile',
  'CcdtPw',
  'ComposeJto',
  'ComposeCmd',
  'K8sEnvJto',
  'K8sArgs',
  'EnvKs',
  'EnvJto',
].map(S);

const tree = {
  'cleartrust/aserver.conf': `cleartrust.net.ssl.use=anon\ncleartrust.aserver.ssl.keystore_passphrase=${S('CtAserverKs')}\ncleartrust.aserver.ssl.key_passphrase=${S('CtAserverKey')}\n`,
  'cleartrust/eserver.conf': `cleartrust.eserver.ssl.use=ssl\ncleartrust.eserver.ssl.keystore_passphrase=${S('CtEserver')}\n`,
  'cleartrust/keyserver.conf': `cleartrust.keyserver.ssl.use=clear\ncleartrust.keyserver.keystore_passphrase=${S('CtKeyserver')}\n`,
  'cleartrust/webagent.conf': `<Global>\n\tcleartrust.agent.ssl.use=Clear\n\tcleartrust.agent.keystore_password=${S('CtAgentPw')}\n</Global>\n`,
  'was/ssl.client.props': `com.ibm.ssl.protocol=TLSv1\ncom.ibm.ssl.keyStorePassword=${S('WasKeyStore')}\ncom.ibm.ssl.trustStorePassword=${S('WasTrust')}\ncom.ibm.ssl.keyStorePassword.2={xor}${S('WasXor')}\n`,
  'was/config/cells/c/security.xml': `<?xml version="1.0"?>\n<security:Security xmlns:security="http://www.ibm.com/websphere/appserver/schemas/5.0/security.xmi">\n<repertoire alias="x"><setting sslProtocol="SSL_TLS"/></repertoire>\n<keyStores name="k" password="${S('WasSecXml')}"/>\n</security:Security>\n`,
  'wlp/server.xml': `<server>\n  <keyStore id="defaultKeyStore" password="${S('LibertyKs')}"/>\n  <basicRegistry><user name="u" password="${S('LibertyUser')}"/><user name="v" password="{xor}${S('LibertyXorRaw')}"/></basicRegistry>\n  <ssl id="s" sslProtocol="TLSv1" keyStoreRef="defaultKeyStore"/>\n</server>\n`,
  'mq/qm.ini': `SSL:\n   SSLKeyRepositoryPassword=${S('QmIni')}\n   SSLKeyStashPassword=${S('QmStash')}\n`,
  'mq/mqclient.ini': `SSL:\n   SSLKeyRepository=/var/mqm/key\n   SSLKeyRepositoryPassword=${S('MqClientIni')}\n`,
  'mq/QM1.mqsc': `ALTER QMGR SSLKEYR('/var/mqm/key') KEYRPWD('${S('MqscKeyrpwd')}')\nDEFINE CHANNEL('APP') CHLTYPE(SVRCONN) SSLCIPH(TLS_RSA_WITH_NULL_SHA256)\n`,
  'mq/ccdt.json': `{"channel":[{"name":"APP","type":"clientConnection","clientConnection":{"connection":[{"host":"mq","port":1414}],"queueManager":"QM1"},"transmissionSecurity":{"cipherSpecification":"TLS_RSA_WITH_NULL_SHA256"},"connectionManagement":{"password":"${S('CcdtPw')}"}}]}\n`,
  'app/jvm.options': `-Djavax.net.ssl.keyStorePassword=${S('JvmOpt')}\n-Djavax.net.ssl.trustStorePassword=${S('JvmTrust')}\n-Dhttps.protocols=TLSv1\n`,
  'tomcat/bin/setenv.sh': `JAVA_OPTS="$JAVA_OPTS -Djavax.net.ssl.keyStorePassword=${S('SetenvKs')} -Djdk.tls.client.protocols=TLSv1"\n`,
  'systemd/app.service': `[Service]\nExecStart=/usr/bin/java -Djavax.net.ssl.keyStorePassword=${S('SystemdKs')} -jar app.jar\n`,
  'docker/Dockerfile': `FROM eclipse-temurin:8\nENV JAVA_OPTS="-Djavax.net.ssl.keyStorePassword=${S('DockerKs')}" KEYSTORE_PASSWORD=${S('DockerEnvPw')}\n`,
  'spring/application.properties': `server.ssl.enabled=true\nserver.ssl.enabled-protocols=TLSv1\nserver.ssl.key-store-password=${S('SpringProps')}\n`,
  'spring2/application.yml': `server:\n  ssl:\n    enabled-protocols: TLSv1\n    key-store-password: ${S('SpringYaml')}\n    trust-store-password: "${S('SpringYamlTrust')}"\n`,
  'tomcat/conf/server.xml': `<Server port="8005">\n <Service name="C">\n  <Connector port="8443" SSLEnabled="true" sslProtocol="TLSv1" sslEnabledProtocols="TLSv1" keystorePass="${S('TomcatKsPass')}" truststorePass="${S('TomcatTrust')}">\n   <SSLHostConfig protocols="TLSv1"><Certificate certificateKeystorePassword="${S('TomcatCertKs')}"/></SSLHostConfig>\n  </Connector>\n </Service>\n</Server>\n`,
  // A container's JVM option variables and java command (the -D option is the secret, not the variable).
  'compose/docker-compose.yml': `services:\n  app:\n    image: app\n    environment:\n      JAVA_TOOL_OPTIONS: "-Djavax.net.ssl.keyStorePassword=${S('ComposeJto')} -Djdk.tls.client.protocols=TLSv1"\n    command: java -Djavax.net.ssl.trustStorePassword=${S('ComposeCmd')} -jar app.jar\n  web:\n    image: web\n    environment:\n      KEYSTORE_PASSWORD: \${ENV_KS_PASSWORD}\n      JDK_JAVA_OPTIONS: -Djavax.net.ssl.keyStorePassword=\${ENV_JTO}\n`,
  // The .env Compose takes values from: one named like a secret, one not (the option it fills is).
  'compose/.env': `ENV_KS_PASSWORD=${S('EnvKs')}\nENV_JTO=${S('EnvJto')}\n`,
  'k8s/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app\n          env:\n            - name: JAVA_TOOL_OPTIONS\n              value: "-Djavax.net.ssl.keyStorePassword=${S('K8sEnvJto')}"\n          args: ["java", "-Djavax.net.ssl.trustStorePassword=${S('K8sArgs')}", "-jar", "app.jar"]\n`,
  'nginx/nginx.conf':
    'http {\n  server {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.2;\n    ssl_password_file /etc/nginx/ssl.pass;\n  }\n}\n',
  // ssl_password_file's contents: a file lint-deploy must never read into a report.
  'nginx/ssl.pass': `${S('NginxPwFile')}\n`,
};

describe('no output format prints a secret', () => {
  const root = writeTree(tree);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the tree is linted (findings exist, so there is something that could leak)', () => {
    const result = spawnSync(process.execPath, [cli, '--no-config', '--format', 'json', root], {
      encoding: 'utf8',
      timeout: 30000,
    });
    const findings = JSON.parse(result.stdout).findings as { ruleId: string }[];
    expect(findings.length).toBeGreaterThan(10);
    expect(findings.filter((f) => f.ruleId === 'security/plaintext-secret').length).toBeGreaterThanOrEqual(21);
  });

  it.each(formatterNames())('--format %s', (format) => {
    // --rule ...:info and --report-unused-disable-directives widen what is printed; secrets stay masked.
    const result = spawnSync(process.execPath, [cli, '--no-config', '--format', format, root], {
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(result.status === 0 || result.status === 1).toBe(true);
    const output = result.stdout + result.stderr;
    expect(output.length).toBeGreaterThan(0);
    const leaked = SECRETS.filter((secret) => output.includes(secret) || output.includes(secret.slice(2, -3)));
    expect(leaked).toEqual([]);
  });
});
