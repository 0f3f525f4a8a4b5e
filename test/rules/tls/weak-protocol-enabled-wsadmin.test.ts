import rule from '../../../src/rules/tls/weak-protocol-enabled';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * bpaskin/tWASScripts@6c9e9d0 updateSSLConfigs.py (no licence file; the shape, one call quoted): every SSL configuration
 * moved to TLSv1.2 (an alias listed at run time), then a new configuration for an LDAP registry on TLSv1 only.
 */
const script = (protocol: string) =>
  [
    "sslConfigs = AdminTask.listSSLConfigs('[-all true -displayObjectName true ]').splitlines()",
    'for sslConfig in sslConfigs:',
    "\taliasName = AdminConfig.showAttribute(sslConfig, 'alias')",
    "\tAdminTask.modifySSLConfig('[-alias ' + aliasName + ' -sslProtocol TLSv1]')",
    `AdminTask.createSSLConfig('[-alias ADSSL -type JSSE -keyStoreName CellDefaultKeyStore -trustStoreName CellDefaultTrustStore -sslProtocol ${protocol}]')`,
    "AdminTask.configureAdminLDAPUserRegistry('[-sslEnabled true -sslConfig ADSSL]')",
    'AdminConfig.save()',
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'a wsadmin script creating an SSL configuration on TLSv1.2',
      files: { 'updateSSLConfigs.py': script('TLSv1.2') },
    },
    // SSL_TLSv2 is a protocol family whose versions depend on the SDK's settings: not judged by its name.
    { name: 'the same on SSL_TLSv2', files: { 'updateSSLConfigs.py': script('SSL_TLSv2') } },
    { name: 'the same on a protocol the script computes', files: { 'updateSSLConfigs.py': script("' + proto + '") } },
  ],
  invalid: [
    {
      name: 'a wsadmin script creating an SSL configuration on TLSv1: at the value in the script',
      files: { 'updateSSLConfigs.py': script('TLSv1') },
      errors: [
        {
          messageId: 'weak',
          file: 'updateSSLConfigs.py',
          line: 5,
          column: 138,
          messageIncludes: ['WebSphere SSL configuration ADSSL (updateSSLConfigs.py) enables TLSv1'],
        },
      ],
    },
    {
      name: 'a later modifySSLConfig of the same alias wins',
      files: {
        'ssl.py': [
          "AdminTask.createSSLConfig('[-alias LDAPSSL -keyStoreName K -trustStoreName T -sslProtocol TLSv1.2]')",
          "AdminTask.modifySSLConfig(['-alias', 'LDAPSSL', '-sslProtocol', 'TLSv1.1'])",
          '',
        ].join('\n'),
      },
      errors: [{ messageId: 'weak', file: 'ssl.py', line: 2, messageIncludes: ['enables TLSv1.1'] }],
    },
  ],
});
