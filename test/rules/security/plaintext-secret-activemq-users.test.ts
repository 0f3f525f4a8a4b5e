import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * ActiveMQ Classic's conf/ users files (src/parse/activemq-users.ts): users.properties (read beside activemq.xml,
 * login.config or the other conf/ files), credentials.properties and the web console's jetty-realm.properties. The
 * trees are shaped like the sweep61 ActiveMQ Classic brokers (AndriyKalashnykov/activemq, justinpmliu/activemq-config):
 * a conf/ of the tree's own with changed passwords. A distribution's copy left as shipped: ./plaintext-secret.test.ts.
 */
const ACTIVEMQ_XML = '<beans><broker xmlns="http://activemq.apache.org/schema/core" brokerName="b1"/></beans>\n';

ruleTester(rule, {
  valid: [
    {
      name: 'masked passwords: ENC(…) credentials, Jetty digests, empty values',
      files: {
        'conf/activemq.xml': ACTIVEMQ_XML,
        'conf/credentials-enc.properties':
          'activemq.username=system\nactivemq.password=ENC(mYRkg+4Q4hua1kvpCCI2hg==)\nguest.password=ENC(Cf3Jf3tM+UrSOoaKU50od5CuBa8rxjoL)\n',
        'conf/jetty-realm.properties':
          'admin: MD5:164c88b302622e17050af52c89945d44, admin\nops: CRYPT:adpexzg3FUZAk, admin\nnobody: , user\n',
        'conf/users.properties': 'disabled=\n',
      },
    },
    {
      // Nothing beside it says it is ActiveMQ's (Karaf's etc/users.properties holds `user = password,roles`).
      name: 'a users.properties with no ActiveMQ file beside it is not read',
      files: { 'conf/users.properties': 'alice=Alice-Plain-1\n' },
    },
    {
      name: 'a credentials.properties that holds no ActiveMQ credentials is not read as one',
      files: { 'config/credentials.properties': 'db.host=localhost\n' },
    },
  ],
  invalid: [
    {
      name: "a conf/ of the tree's own: every plaintext password, each file in its product's words",
      files: {
        'conf/activemq.xml': ACTIVEMQ_XML,
        'conf/users.properties': '## users\nadmin=Broker-Admin-7\n',
        'conf/credentials.properties':
          'activemq.username=system\nactivemq.password=Console-Pass-8\nguest.password=ENC(Cf3Jf3tM+UrSOoaKU50od5CuBa8rxjoL)\n',
        'conf/jetty-realm.properties':
          '# username: password [,rolename ...]\nadmin: Realm-Admin-9, admin\nviewer: OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v, user\n',
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'conf/credentials.properties',
          line: 2,
          column: 19,
          messageIncludes: ['activemq.password in credentials.properties', 'credentials-enc.properties'],
          messageExcludes: ['Console-Pass-8'],
        },
        {
          messageId: 'plaintext',
          file: 'conf/jetty-realm.properties',
          line: 2,
          column: 8,
          messageIncludes: ['the password of user admin in jetty-realm.properties', 'CRYPT:'],
          messageExcludes: ['Realm-Admin-9'],
        },
        { messageId: 'jettyObfuscated', file: 'conf/jetty-realm.properties', line: 3, column: 9 },
        {
          messageId: 'plaintext',
          file: 'conf/users.properties',
          line: 2,
          column: 7,
          messageIncludes: ['the password of user admin in users.properties'],
          messageExcludes: ['Broker-Admin-7'],
        },
      ],
    },
    {
      name: "the shipped defaults in a conf/ of the tree's own (no distribution beside it) stay warnings",
      files: { 'conf/activemq.xml': ACTIVEMQ_XML, 'conf/users.properties': 'admin=admin\n' },
      errors: [{ messageId: 'plaintext', severity: 'warning', file: 'conf/users.properties', line: 1 }],
    },
  ],
});
