import rule from '../../../src/rules/tls/certificate-trust-unknown';
import { ruleTester } from '../../helpers/rule-tester';
import { javaClient, pem, tomcatServer } from './trust-trees';

ruleTester(rule, {
  valid: [
    {
      name: 'the trust store is in the tree',
      files: { ...javaClient({ trustStore: 'trust-root.jks' }), ...tomcatServer('server-chain.p12') },
    },
    {
      name: 'the trust store is in the tree and does not trust the server: decided (an error elsewhere)',
      files: { ...javaClient({ trustStore: 'trust-other.p12' }), ...tomcatServer('server-chain.p12') },
    },
  ],
  invalid: [
    {
      name: "no trust store: the JDK's cacerts, and the server's root is a private CA",
      files: { ...javaClient({}), ...tomcatServer('server-chain.p12'), 'ca/root-ca.pem': pem('root-ca.pem') },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/application.yml',
          line: 1,
          severity: 'info',
          messageIncludes: ['cacerts', 'Fixture Root CA is a private CA'],
        },
      ],
    },
    {
      name: 'the trust store named is not in the tree',
      files: {
        ...javaClient({}),
        'client/jvm.options': '-Djavax.net.ssl.trustStore=/opt/shared/truststore.jks\n',
        ...tomcatServer('server-chain.p12'),
      },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/jvm.options',
          line: 1,
          severity: 'info',
          messageIncludes: ['/opt/shared/truststore.jks is not in the tree'],
        },
      ],
    },
    {
      name: 'the trust store is in the tree but its password is not in the configuration: unknown, never untrusted',
      files: { ...javaClient({ trustStore: 'trust-locked.p12' }), ...tomcatServer('server-chain.p12') },
      errors: [
        {
          messageId: 'serverUnknown',
          file: 'client/jvm.options',
          line: 1,
          severity: 'info',
          messageIncludes: ['could not be read'],
        },
      ],
    },
    {
      name: "Tomcat requires a client certificate; the client's key store is outside the tree",
      files: {
        ...javaClient({ trustStore: 'trust-root.jks' }),
        'client/jvm.options':
          '-Djavax.net.ssl.trustStore=/opt/client/security/trust-root.jks\n-Djavax.net.ssl.keyStore=/vault/orders.p12\n',
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
      errors: [
        {
          messageId: 'clientUnknown',
          file: 'client/jvm.options',
          line: 2,
          severity: 'info',
          messageIncludes: ['/vault/orders.p12'],
        },
      ],
    },
  ],
});
