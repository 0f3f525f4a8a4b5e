import rule from '../../../src/rules/tls/incomplete-chain';
import { ruleTester } from '../../helpers/rule-tester';
import { javaClient, nginxServer, pem, tomcatServer } from './trust-trees';

const intermediate = { 'ca/issuing-ca.pem': pem('issuing-ca.pem') };

/** A Tomcat connector presenting a PEM certificate file, with a certificateChainFile when given (line 4). */
const tomcatPem = (chainFile?: string): Record<string, string> => ({
  'api/conf/server-leaf.pem': pem('server-leaf.pem'),
  'api/conf/server.xml': `<Server port="8005"><Service name="C">
<Connector port="8443" SSLEnabled="true">
  <SSLHostConfig hostName="_default_">
    <Certificate certificateFile="conf/server-leaf.pem" certificateKeyFile="conf/server.key"${chainFile ? ` certificateChainFile="${chainFile}"` : ''}/>
  </SSLHostConfig>
</Connector>
<Engine name="E" defaultHost="api.example.internal"><Host name="api.example.internal"/></Engine>
</Service></Server>
`,
});

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
      // Tomcat sends certificateChainFile's certificates after certificateFile's (SSLUtilBase).
      name: 'a Tomcat certificateFile with the leaf and certificateChainFile with the intermediate',
      files: {
        ...javaClient({ trustStore: 'trust-root.jks' }),
        ...tomcatPem('conf/issuing-ca.pem'),
        'api/conf/issuing-ca.pem': pem('issuing-ca.pem'),
        ...intermediate,
      },
    },
    {
      name: 'a certificateChainFile the tree does not hold: what is sent is unknown',
      files: {
        ...javaClient({ trustStore: 'trust-root.jks' }),
        ...tomcatPem('/opt/tomcat/conf/chain-outside.pem'),
        ...intermediate,
      },
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
      name: 'a Tomcat certificateFile with the leaf alone and no certificateChainFile',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...tomcatPem(), ...intermediate },
      errors: [{ messageId: 'incomplete', file: 'api/conf/server.xml', line: 4 }],
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
