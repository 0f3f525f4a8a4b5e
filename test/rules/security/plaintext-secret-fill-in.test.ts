import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * What the session-63 judgement of 4,675 plaintext-secret warnings on 1,159 public trees found was not a secret value:
 * fill-in marks (`changeme`, `yourPassword`, `dummy`: info, the product still starts with them), an ellipsis, a `0`/`1`
 * switch, keys naming a namespace, a label or a user name beside a secret, Kafka's `ssl.*.credentials` file names
 * written as properties, and `#` lines of a `…jaas.conf` that is a Kafka properties file. Each tree below is written
 * for the case; the public files it stands for are cited in src/rules/security/_lib/secret-shapes.ts and
 * src/parse/types.ts.
 */
const deployment = (env: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: narration',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: narration',
    '          image: example/narration:1.0',
    '          env:',
    env,
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'an ellipsis written for the password is a redaction, not a password',
      files: {
        'config/application-cloud.yml':
          'application:\n  clusters:\n    - name: cloud\n      data-source-properties:\n        user: app\n        password: "..."\n',
      },
    },
    {
      name: "docker-socket-proxy's SECRETS=1 switches an API section on",
      files: {
        'docker-compose.yml':
          'services:\n  socket-proxy:\n    image: tecnativa/docker-socket-proxy:0.2\n    environment:\n      - CONTAINERS=1\n      - SECRETS=1\n      - POST=0\n',
      },
    },
    {
      name: "a Secret's namespace, a label put on Secrets and the user name kept beside a password are no secrets",
      files: {
        'chart/templates/controller.yaml': deployment(
          [
            '            - name: DEFAULT_SECRET_NAMESPACE',
            '              value: eventing-system',
            '            - name: SECRET_LABEL_MANAGED_BY',
            '              value: Helm',
            '            - name: IIS_USERNAME_SECRET',
            '              value: isadmin',
          ].join('\n'),
        ),
      },
    },
    {
      name: "Kafka's ssl.*.credentials written as properties name files, as the images' variables do",
      files: {
        'kafka/kafka.properties':
          'ssl.keystore.location=/etc/kafka/secrets/kafka.keystore.jks\nssl.keystore.credentials=broker_keystore_creds\nssl.key.credentials=broker_sslkey_creds\n',
      },
    },
    {
      name: 'the # lines of a …jaas.conf that is a Kafka properties file are comments',
      files: {
        'vault/sasl/server-plain-jaas.conf':
          '# sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n' +
          '#     username="kafka" \\\n' +
          '#     password="Old-Broker-Pw-3" \\\n' +
          '#     user_admin="Old-Admin-Pw-4";\n',
      },
    },
  ],
  invalid: [
    {
      name: 'change-me marks are said at info as fill-ins; changeit and a real password stay warnings',
      files: {
        'specs/environments/default/docker-compose.yml':
          'services:\n  websphere:\n    image: example/websphere:9\n    environment:\n      - EF_SERVER_ADMIN_PASS=changeme\n      - ELECTRICFLOW_PASSWORD=Flow-Admin-Pw-5\n',
        'deploy/k8s/narration.yml': deployment(
          [
            '            - name: OPENAI_API_KEY',
            '              value: change-me',
            '            - name: QUARKUS_DATASOURCE_PASSWORD',
            '              value: changeit',
          ].join('\n'),
        ),
        'wlp/server.xml':
          '<server>\n  <ltpa keysPassword="CHANGEME" />\n  <variable name="admin.password" value="change_it" />\n</server>\n',
      },
      errors: [
        {
          messageId: 'fillIn',
          severity: 'info',
          file: 'deploy/k8s/narration.yml',
          line: 13,
          messageIncludes: ['holds a fill-in mark, not a secret'],
          messageExcludes: ['change-me'],
        },
        { messageId: 'plaintext', file: 'deploy/k8s/narration.yml', line: 15 },
        { messageId: 'fillIn', severity: 'info', file: 'specs/environments/default/docker-compose.yml', line: 5 },
        { messageId: 'plaintext', file: 'specs/environments/default/docker-compose.yml', line: 6 },
        { messageId: 'fillIn', severity: 'info', file: 'wlp/server.xml', line: 2 },
        { messageId: 'fillIn', severity: 'info', file: 'wlp/server.xml', line: 3 },
      ],
    },
    {
      name: 'fill-ins addressed to the reader and dummies are said at info',
      files: {
        'src/main/liberty/config/server.xml':
          '<server>\n  <keyStore id="defaultKeyStore" password="yourPassword" />\n  <authData id="db" user="app" password="Trade-Db-Pw-6" />\n</server>\n',
        'conf/tomcat-users.xml':
          '<tomcat-users>\n  <user username="diag" password="SETPASSWORDHERE" roles="diag"/>\n</tomcat-users>\n',
        'chart/templates/runtime.yaml': deployment(
          [
            '            - name: SSL_KEYSTORE_PASSWORD',
            '              value: DUMMY_VALUE',
            '            - name: SERVICE_CREDENTIALS',
            '              value: dummy',
          ].join('\n'),
        ),
      },
      errors: [
        { messageId: 'fillIn', severity: 'info', file: 'chart/templates/runtime.yaml', line: 13 },
        { messageId: 'fillIn', severity: 'info', file: 'chart/templates/runtime.yaml', line: 15 },
        { messageId: 'fillIn', severity: 'info', file: 'conf/tomcat-users.xml', line: 2 },
        { messageId: 'fillIn', severity: 'info', file: 'src/main/liberty/config/server.xml', line: 2 },
        { messageId: 'plaintext', file: 'src/main/liberty/config/server.xml', line: 3 },
      ],
    },
    {
      name: 'the live lines of that …jaas.conf still hold the password',
      files: {
        'vault/sasl/server-plain-jaas.conf':
          '# password="Old-Broker-Pw-3"\n' +
          'sasl.jaas.config=io.confluent.kafka.server.plugins.auth.FileBasedLoginModule required \\\n' +
          '    username="kafka" \\\n' +
          '    password="Live-Broker-Pw-7" \\\n' +
          '    config_path="/vault/secrets/jaas/apikeys.json";\n',
      },
      errors: [{ messageId: 'plaintext', file: 'vault/sasl/server-plain-jaas.conf', line: 4 }],
    },
  ],
});
