import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * Tomcat's `conf/tomcat-users.xml` (src/parse/tomcat.ts tomcatUsersFormat). The invalid tree is shaped like
 * anushibin007/docker-tomcat-ssl@c451c3f (no licence file), which its Dockerfile copies to conf/: the default file's
 * commented examples, then `<user username="admin" password="admin" roles="manager-gui"/>`.
 */
ruleTester(rule, {
  valid: [
    {
      // Tomcat replaces ${name} from the system properties (MemoryUserDatabase of Tomcat 10.1.60, checked here); a
      // CredentialHandler's stored form is a digest (https://tomcat.apache.org/tomcat-10.1-doc/config/credentialhandler.html).
      name: 'commented examples, a ${name} property, stored digests',
      files: {
        'conf/tomcat-users.xml': [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">',
          '<!--',
          '  <user username="admin" password="<must-be-changed>" roles="manager-gui"/>',
          '-->',
          '  <user username="ops" password="${tomcat.ops.password}" roles="manager-gui"/>',
          '  <user username="deploy" password="5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8" roles="manager-script"/>',
          '  <user username="audit" password="a1b2c3d4$1000$0d6aabbdd62a11ef721d1542d85e884898da28047151d0e56f8dc6292773603d" roles="manager-status"/>',
          '</tomcat-users>',
          '',
        ].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'a manager user with a plaintext password',
      files: {
        'conf/tomcat-users.xml': [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<tomcat-users>',
          '<!--',
          '  <user username="tomcat" password="<must-be-changed>" roles="tomcat"/>',
          '-->',
          '<role rolename="manager-gui"/>',
          '<user username="admin" password="Manager-Plain-1" roles="manager-gui"/>',
          '</tomcat-users>',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'conf/tomcat-users.xml',
          line: 7,
          column: 34,
          messageIncludes: ['user@password', 'system properties'],
          messageExcludes: ['Manager-Plain-1'],
        },
      ],
    },
  ],
});
