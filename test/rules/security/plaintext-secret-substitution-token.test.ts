import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester, type InvalidCase, type TreeCase } from '../../helpers/rule-tester';

/**
 * A token a tool replaces before the program starts (`_NAME_`, `__NAME__`, `#{NAME}#`; `@NAME@`, `%NAME%`, `{{NAME}}`
 * already) is no plaintext secret, whether the tree shows the replacing step or not; lower or mixed case between the
 * same markers is a password. Trees written for the test after the real cases cited at SUBSTITUTION_TOKEN in
 * src/rules/security/_lib/secret-shapes.ts.
 */
const PIPELINE = 'logstash/pipelines/output/99_opensearch_output.conf';
const pipeline = (password: string): string =>
  [
    'output {',
    '  opensearch {',
    '    hosts => "${OPENSEARCH_URL:https://opensearch:9200}"',
    '    user => "_LOGSTASH_OPENSEARCH_USER_"',
    `    password => "${password}"`,
    '  }',
    '}',
    '',
  ].join('\n');
const PROPERTIES = 'app/src/main/resources/application.properties';
const datasource = (password: string): string =>
  `spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.username=app\nspring.datasource.password=${password}\n`;

/** One tree per token, nothing said of any. */
const tokens: [string, string][] = [
  ['_NAME_ in a Logstash output', '_LOGSTASH_OPENSEARCH_PASSWORD_'],
  ['_NAME_ of one word', '_PASSWORD_'],
  ['__NAME__', '__FCI_GENERATED_PW__'],
  ['#{NAME}# of Replace Tokens', '#{DB_PASSWORD}#'],
  ['@NAME@ of Maven filtering', '@DB_PASSWORD@'],
  ['%NAME%', '%DB_PASSWORD%'],
  ['{{NAME}}', '{{DB_PASSWORD}}'],
];

/** Lower or mixed case between the markers: a password written so, said as one. */
const passwords: string[] = ['_Secret123_', '__admin__', '#{s3cret}#', '_PASSWORD__'];

ruleTester(rule, {
  valid: [
    ...tokens.map(
      ([name, token]): TreeCase => ({
        name: `a token as the whole password: ${name}`,
        files: { [PIPELINE]: pipeline(token), [PROPERTIES]: datasource(token) },
      }),
    ),
    {
      name: 'the start script that fills the tokens, naming others of the family: still nothing',
      files: {
        [PIPELINE]: pipeline('_LOGSTASH_OPENSEARCH_PASSWORD_'),
        'logstash/scripts/logstash-start.sh':
          '#!/bin/bash\nfind /usr/share/logstash/pipeline -name "*.conf" -exec sed -i "s/_MALCOLM_LOGSTASH_OPENSEARCH_PASSWORD_/${OPENSEARCH_PASSWORD}/g" "{}" \\;\n',
      },
    },
    {
      name: 'a mixed-case token that a sed of the tree replaces: the script says it is one',
      files: {
        [PROPERTIES]: datasource('_DbPassword_'),
        'bin/start.sh':
          '#!/bin/sh\nsed -i "s/_DbPassword_/$DB_PASSWORD/" app/src/main/resources/application.properties\n',
      },
    },
    {
      // RagedUnicorn/docker-tomcat@8790faf (MIT): its entrypoint fills tomcat-users-template.xml from a Docker secret.
      name: 'a [password] mark that a sed of the tree replaces, its brackets escaped: a placeholder',
      files: {
        'config/tomcat-users-template.xml':
          '<tomcat-users>\n  <user username="[username]" password="[password]" roles="[roles]"/>\n</tomcat-users>\n',
        'docker-entrypoint.sh':
          '#!/bin/sh\nsed -i -e "s/\\\\[password\\\\]/$(cat /run/secrets/tomcat_password)/" /opt/tomcat/conf/tomcat-users-template.xml\n',
      },
    },
    {
      name: "a token as a URL's password",
      files: {
        'app/config/application.yml':
          'spring:\n  data:\n    mongodb:\n      uri: mongodb://app:__MONGO_PASSWORD__@mongo:27017/app\n',
      },
    },
  ],
  invalid: [
    ...passwords.map(
      (password): InvalidCase => ({
        name: `a password between the markers, not an upper-case identifier: ${password}`,
        files: { [PIPELINE]: pipeline(password), [PROPERTIES]: datasource(password) },
        errors: [
          { messageId: 'plaintext', file: PROPERTIES, line: 3, messageExcludes: [password] },
          { messageId: 'plaintext', file: PIPELINE, line: 5, messageExcludes: [password] },
        ],
      }),
    ),
    {
      name: 'the same [password] mark without a sed that replaces it: a password written so',
      files: {
        'config/tomcat-users.xml':
          '<tomcat-users>\n  <user username="admin" password="[password]" roles="manager-gui"/>\n</tomcat-users>\n',
      },
      errors: [{ messageId: 'plaintext', file: 'config/tomcat-users.xml', line: 2 }],
    },
    {
      name: "a URL's password between the markers in mixed case",
      files: {
        'app/config/application.yml':
          'spring:\n  data:\n    mongodb:\n      uri: mongodb://app:__Mongo9__@mongo:27017/app\n',
      },
      errors: [{ messageId: 'connectionString', file: 'app/config/application.yml', line: 4 }],
    },
  ],
});
