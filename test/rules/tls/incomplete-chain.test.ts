import rule from '../../../src/rules/tls/incomplete-chain';
import { ruleTester } from '../../helpers/rule-tester';
import { javaClient, nginxServer, pem, tomcatServer } from './trust-trees';

const intermediate = { 'ca/issuing-ca.pem': pem('issuing-ca.pem') };

ruleTester(rule, {
  valid: [
    {
      name: 'nginx sends leaf and intermediate',
      files: {
        ...javaClient({ trustStore: 'trust-root.jks' }),
        ...nginxServer('server-fullchain.pem'),
        ...intermediate,
      },
    },
    {
      name: 'the Tomcat key entry holds the chain',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...tomcatServer('server-chain.p12'), ...intermediate },
    },
    {
      name: 'the intermediate is nowhere in the tree: untrusted, not incomplete',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...nginxServer('server-leaf.pem') },
    },
  ],
  invalid: [
    {
      name: 'nginx ssl_certificate holds the leaf alone',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...nginxServer('server-leaf.pem'), ...intermediate },
      errors: [
        {
          messageId: 'incomplete',
          file: 'api/nginx.conf',
          line: 5,
          messageIncludes: [
            'Fixture Issuing CA',
            'ca/issuing-ca.pem',
            'append Fixture Issuing CA',
            'PKIX path building failed',
          ],
        },
      ],
    },
    {
      name: 'a JKS key entry imported without its CA chain',
      files: {
        ...javaClient({ trustStore: 'trust-root.jks' }),
        ...tomcatServer('server-leaf-only.jks'),
        ...intermediate,
      },
      errors: [
        {
          messageId: 'incomplete',
          file: 'api/conf/server.xml',
          line: 4,
          messageIncludes: ['keytool -importcert', 'conf/server-leaf-only.jks (alias api)'],
        },
      ],
    },
  ],
});
