import * as fs from 'node:fs';
import { debugResolution } from '../../src/cli/debug-resolution';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree } from '../helpers/rule-tester';

describe('--debug shows how the tree was read', () => {
  it('templates, embedded configuration, java.security overrides and Liberty includes with variables', () => {
    const root = writeTree({
      'nginx/nginx.conf':
        'server {\n  listen {{ .Env.PORT }} ssl;\n{{ if .Env.LEGACY }}\n  ssl_protocols TLSv1;\n{{ end }}\n}\n',
      'k8s/cm.yaml': 'data:\n  qm.ini: |\n    SSL:\n      SSLFipsRequired=No\n',
      'app/setenv.sh': 'JAVA_OPTS="-Djava.security.properties=/opt/app/legacy.security.in"\n',
      'app/legacy.security.in': 'jdk.tls.disabledAlgorithms=RC4\n',
      'wlp/server.xml':
        '<server>\n  <variable name="AUTH" defaultValue="basic"/>\n  <include location="${server.config.dir}/includes/${AUTH}.xml"/>\n</server>\n',
      'wlp/includes/basic.xml': '<server/>\n',
      'wlp/includes/ldap.xml': '<server/>\n',
      'wlp/bootstrap.properties': 'https.port=9444\n',
    });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      expect(debugResolution(result.deployments, root)).toEqual([
        'embedded k8s/cm.yaml:3-4 YAML key qm.ini → mq.qm-ini',
        'template nginx/nginx.conf (nginx.conf): go, 1 value(s) unknown, 0 generated line(s), 2 directive(s) set aside, 1 conditional branch(es)',
        'java.security override app/setenv.sh:1 -Djava.security.properties=/opt/app/legacy.security.in → app/legacy.security.in:1',
        'liberty wlp/server.xml: wlp/server.xml + wlp/includes/basic.xml',
        '  variable https.port=9444 (from wlp/bootstrap.properties)',
        '  variable AUTH=basic (from wlp/server.xml)',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  it.each([
    [
      // gitChenchao/silkroad-loan-helipay@b7845b5: every Spring file of the app is in deploy/{dev,test,prod}.
      "an app whose every Spring file is an environment's",
      {},
      // Without a file of its own the app's files are grouped by their common directory.
      "spring environments of app deploy: deploy/dev, deploy/prod hold files of the same name, each one environment's: none is read as the app's own; the app has no Spring file outside them, so its server is not modelled (declare the environments as deployments in lint-deploy.config.json to check each)",
    ],
    [
      'an app with its own packaged file',
      { 'src/main/resources/application.yml': 'server:\n  port: 8080\n' },
      "spring environments of app .: deploy/dev, deploy/prod hold files of the same name, each one environment's: none is read as the app's own; where they set server.* differently from its 1 own file(s), its HTTPS server is unknown",
    ],
  ])('environment directories set apart: %s', (_name, own, line) => {
    const root = writeTree({
      'pom.xml':
        '<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>loan</artifactId><version>1</version>\n' +
        '<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.0</version></parent></project>\n',
      'deploy/dev/application.yml': 'server:\n  port: 8090\n',
      'deploy/prod/application.yml': 'server:\n  port: 8050\n  ssl:\n    enabled: true\n',
      ...own,
    });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      expect(debugResolution(result.deployments, root).filter((l) => l.startsWith('spring '))).toEqual([line]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('--debug masks the secrets inside the values it shows', () => {
  it('a Helm value, a Liberty variable and a -D option holding a password (or a host named after it)', () => {
    const password = 'Zq7hvK9xLmw';
    const root = writeTree({
      'chart/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
      'chart/values.yaml': `tls:\n  keystorePassword: ${password}\n  host: ${password}.internal\n`,
      'chart/templates/deploy.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: app',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: app',
        '          image: tomcat:9',
        '          env:',
        '            - name: JAVA_OPTS',
        '              value: "-Djavax.net.ssl.keyStorePassword={{ .Values.tls.keystorePassword }} -Djavax.net.ssl.trustStore=/etc/{{ .Values.tls.host }}/t.jks"',
        '',
      ].join('\n'),
      'wlp/server.xml': '<server>\n  <variable name="HOST" defaultValue="${env.X}"/>\n</server>\n',
      'wlp/server.env': `keystore_password=${password}\nJVM_ARGS=-Djavax.net.ssl.keyStorePassword=${password} -Xmx1g\n`,
    });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const lines = debugResolution(result.deployments, root);
      expect(lines).toContain(
        'helm value chart/templates/deploy.yaml:13 {{ .Values.tls.host }} = ***.internal (from chart/values.yaml:3)',
      );
      expect(lines).toContain(
        'helm value chart/templates/deploy.yaml:13 {{ .Values.tls.keystorePassword }} = *** (from chart/values.yaml:2)',
      );
      expect(lines).toContain('  variable JVM_ARGS=-Djavax.net.ssl.keyStorePassword=*** -Xmx1g (from wlp/server.env)');
      expect(lines.join('\n')).not.toContain(password);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
