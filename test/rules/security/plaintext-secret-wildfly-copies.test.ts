import rule from '../../../src/rules/security/plaintext-secret';
import { ruleTester } from '../../helpers/rule-tester';

/** A WildFly configuration file with one system property (Naviad3/JBossDM@227c439, GPL-2.0: org.kie.server.pwd). */
const server = (name: string, value: string, root = 'server') =>
  `<?xml version="1.0"?>\n<${root} xmlns="urn:jboss:domain:20.0">\n  <system-properties>\n    <property name="${name}" value="${value}"/>\n  </system-properties>\n</${root}>\n`;

/** A ldap-store bind credential as WildFly's docs/examples/configs/standalone-picketlink.xml ships it (shape only). */
const picketlink =
  '<?xml version="1.0"?>\n<server xmlns="urn:jboss:domain:20.0">\n  <profile>\n    <subsystem xmlns="urn:jboss:domain:picketlink-identity-management:1.0">\n      <ldap-store url="ldap://localhost:10389" bind-dn="uid=admin,ou=system" bind-credential="Demo-Bind-1"/>\n    </subsystem>\n  </profile>\n</server>\n';

const history = 'standalone/configuration/standalone_xml_history';

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      // Naviad3/JBossDM@227c439: 4 warnings of org.kie.server.pwd, one in standalone-full.xml and three in WildFly's
      // copies of it. One secret to rotate: one finding, the copies its related places.
      name: "WildFly's history copies of the live file's secret are places of the live file's finding",
      files: {
        'standalone/configuration/standalone.xml': server('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${history}/standalone.initial.xml`]: server('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${history}/standalone.boot.xml`]: server('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${history}/standalone.last.xml`]: server('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${history}/current/standalone.v1.xml`]: server('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${history}/snapshot/20240101-120000000standalone.xml`]: server('org.kie.server.pwd', 'Kie-Pw-1'),
      },
      errors: [
        {
          messageId: 'plaintext',
          severity: 'warning',
          file: 'standalone/configuration/standalone.xml',
          line: 4,
          related: [
            { file: `${history}/current/standalone.v1.xml`, line: 4 },
            { file: `${history}/snapshot/20240101-120000000standalone.xml`, line: 4 },
            { file: `${history}/standalone.boot.xml`, line: 4 },
            { file: `${history}/standalone.initial.xml`, line: 4 },
            { file: `${history}/standalone.last.xml`, line: 4 },
          ],
        },
      ],
    },
    {
      name: "a copy of another value than the live file's, or of a file not in the tree, stays: at info, an old snapshot",
      files: {
        'standalone/configuration/standalone.xml': server('org.kie.server.pwd', 'Kie-Pw-2'),
        [`${history}/standalone.initial.xml`]: server('org.kie.server.pwd', 'Kie-Pw-1'),
        [`${history}/standalone-full.boot.xml`]: server('org.kie.server.pwd', 'Kie-Pw-1'),
      },
      errors: [
        { messageId: 'plaintext', severity: 'warning', file: 'standalone/configuration/standalone.xml', line: 4 },
        {
          messageId: 'historySnapshot',
          severity: 'info',
          file: `${history}/standalone-full.boot.xml`,
          line: 4,
          messageIncludes: ['standalone-full.xml is not in the tree', 'rotate it'],
        },
        {
          messageId: 'historySnapshot',
          severity: 'info',
          file: `${history}/standalone.initial.xml`,
          line: 4,
          messageIncludes: ['standalone.xml holds another value now'],
        },
      ],
    },
    {
      name: 'a managed domain: domain_xml_history copies of domain.xml alike',
      files: {
        'domain/configuration/domain.xml': server('app.db.password', 'Db-Pw-1', 'domain'),
        'domain/configuration/domain_xml_history/domain.last.xml': server('app.db.password', 'Db-Pw-1', 'domain'),
      },
      errors: [
        {
          messageId: 'plaintext',
          file: 'domain/configuration/domain.xml',
          line: 4,
          related: [{ file: 'domain/configuration/domain_xml_history/domain.last.xml', line: 4 }],
        },
      ],
    },
    {
      // 7uv/jboss-eap@39efe55 (GPL-2.0): 8 warnings per distribution, all of docs/examples/configs/standalone-picketlink.xml.
      name: "a WildFly/JBoss distribution's docs/examples/configs samples are info; the same path elsewhere is not",
      files: {
        'jboss-eap/jboss-modules.jar': '',
        'jboss-eap/standalone/configuration/logging.properties': 'loggers=\n',
        'jboss-eap/docs/examples/configs/standalone-picketlink.xml': picketlink,
        'wildfly/bin/standalone.sh': '#!/bin/sh\n',
        'wildfly/standalone/configuration/logging.properties': 'loggers=\n',
        'wildfly/docs/examples/configs/standalone-picketlink.xml': picketlink,
        'myapp/docs/examples/configs/standalone-picketlink.xml': picketlink,
      },
      errors: [
        {
          messageId: 'distributionSample',
          severity: 'info',
          file: 'jboss-eap/docs/examples/configs/standalone-picketlink.xml',
          line: 5,
          messageIncludes: ['(jboss-eap/docs/examples/configs)'],
        },
        {
          messageId: 'plaintext',
          severity: 'warning',
          file: 'myapp/docs/examples/configs/standalone-picketlink.xml',
          line: 5,
        },
        {
          messageId: 'distributionSample',
          severity: 'info',
          file: 'wildfly/docs/examples/configs/standalone-picketlink.xml',
          line: 5,
        },
      ],
    },
  ],
});
