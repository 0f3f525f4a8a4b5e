import rule from '../../../src/rules/cert/wrong-key-usage';
import { ruleTester } from '../../helpers/rule-tester';
import { javaClient, tomcatServer } from '../tls/trust-trees';

ruleTester(rule, {
  valid: [
    {
      name: 'serverAuth leaf',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...tomcatServer('server-chain.p12') },
    },
    {
      name: 'clientAuth-only leaf, but the client does not trust the chain anyway (untrusted first)',
      files: { ...javaClient({ trustStore: 'trust-other.p12' }), ...tomcatServer('server-client-eku.p12') },
    },
  ],
  invalid: [
    {
      name: 'the server presents a certificate whose extended key usage is clientAuth only',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...tomcatServer('server-client-eku.p12') },
      errors: [
        {
          messageId: 'wrongUsage',
          file: 'api/conf/server-client-eku.p12',
          line: 1,
          messageIncludes: [
            'extended key usage clientAuth without serverAuth',
            'Extended key usage does not permit use for TLS server authentication',
          ],
        },
      ],
    },
  ],
});
